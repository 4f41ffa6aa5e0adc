"""The story's text as HTML: paragraphs, chapter headings and scene anchors, each quotation
coloured by its speaker with a tooltip, each linked mention marked with its character.

Everything from the story is escaped; the only markup is fabula's own.
"""

from __future__ import annotations

from html import escape

from ..dialogue import lines_by_speaker
from ..model import Story

PALETTE_SIZE = 12  # speakers beyond the twelfth most talkative share one colour


def speaker_classes(story: Story) -> dict[str, int]:
    """Character id -> colour index, most lines first."""
    lines = lines_by_speaker(story)
    order = sorted(lines, key=lambda c: (-lines[c], int(c[1:]) if c[1:].isdigit() else 0))
    return {c: min(i, PALETTE_SIZE) for i, c in enumerate(order)}


def render_text(story: Story) -> str:
    text = story.text
    names = {c.id: c.name for c in story.characters}
    colours = speaker_classes(story)
    quotes = sorted(story.quotes, key=lambda q: q.start)
    mentions = sorted((m for m in story.mentions if m.character), key=lambda m: (m.start, -m.end))
    scene_at = {s.paragraphs[0]: s for s in story.scenes}
    out: list[str] = []
    qi = mi = 0
    for p in story.paragraphs:
        body = text[p.start:p.end]
        if p.kind == "title":
            continue
        if p.kind == "heading":
            out.append(f'<h3 class="chapter">{escape(" ".join(body.split()))}</h3>')
            continue
        if p.kind == "break":
            out.append('<hr class="break">')
            continue
        scene = scene_at.get(p.id)
        anchor = f' id="scene-{escape(scene.id)}"' if scene else ""
        while qi < len(quotes) and quotes[qi].end <= p.start:
            qi += 1
        while mi < len(mentions) and mentions[mi].end <= p.start:
            mi += 1
        pieces = []
        k = qi
        while k < len(quotes) and quotes[k].start < p.end:
            q = quotes[k]
            pieces.append((max(q.start, p.start), min(q.end, p.end), q))
            k += 1
        marks = []
        k = mi
        while k < len(mentions) and mentions[k].start < p.end:
            m = mentions[k]
            if m.end <= p.end and not any(s < m.start < e < m.end or m.start < s < m.end < e for s, e, _ in pieces):
                marks.append(m)
            k += 1
        out.append(f'<p{anchor}>{_render_paragraph(text, p.start, p.end, pieces, marks, names, colours)}</p>')
    return "\n".join(out)


def _render_paragraph(text, start, end, pieces, marks, names, colours) -> str:
    opens: dict[int, list[str]] = {}
    closes: dict[int, int] = {}
    for s, e, q in pieces:
        if e <= s:
            continue
        if q.speaker:
            to = ", ".join(names.get(a, a) for a in q.addressees)
            tip = names.get(q.speaker, q.speaker) + (f" → {to}" if to else "")
            cls = f"qt sp{colours.get(q.speaker, 12)}"
            attrs = f' data-s="{escape(q.speaker)}"'
        else:
            tip, cls, attrs = "unattributed", "qt unk", ""
        opens.setdefault(s, []).append(f'<span class="{cls}"{attrs} title="{escape(tip)}">')
        closes[e] = closes.get(e, 0) + 1
    last_end = -1
    for m in marks:
        if m.start < last_end:  # nested in an earlier mention: keep the outer one
            continue
        opens.setdefault(m.start, []).append(f'<span class="m" data-c="{escape(m.character)}">')
        closes[m.end] = closes.get(m.end, 0) + 1
        last_end = m.end
    points = sorted(set(opens) | set(closes) | {start, end})
    html = []
    for a, b in zip(points, points[1:]):
        html.append("</span>" * closes.get(a, 0) if a != start else "")
        html.extend(opens.get(a, []))
        html.append(escape(text[a:b]))
    html.append("</span>" * closes.get(end, 0))
    return "".join(html)
