"""The report's charts as SVG drawn here in Python: the arcs, the dialogue share, the scene
timeline and the network (laid out here, so the page shows it before any script runs)."""

from __future__ import annotations

import math
from html import escape

from ..dialogue import lines_by_speaker
from ..model import Story
from .text import speaker_classes

W, H, PAD = 800, 280, 36


def _xy(points: list[tuple[float, float]], lo: float, hi: float) -> str:
    span = (hi - lo) or 1.0
    return " ".join(f"{PAD + x / 100 * (W - 2 * PAD):.1f},{H - PAD - (y - lo) / span * (H - 2 * PAD):.1f}"
                    for x, y in points)


def arcs_svg(story: Story) -> str:
    arcs = story.arcs
    if not arcs or not arcs.get("smoothed"):
        return '<p class="empty">No arc: the story has no sentences.</p>'
    names = {c.id: c.name for c in story.characters}
    colours = speaker_classes(story)
    lines = {"story": arcs["smoothed"], **{c: v["smoothed"] for c, v in arcs.get("characters", {}).items()}}
    values = [y for series in lines.values() for y in series] + [0.0]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.08 or 0.1
    lo, hi = lo - pad, hi + pad
    parts = [f'<svg class="chart" id="arc-chart" viewBox="0 0 {W} {H}" role="img" '
             f'aria-label="The emotional arc over narrative time">']
    zero = _xy([(0, 0), (100, 0)], lo, hi)
    parts.append(f'<polyline class="axis" points="{zero}"/>')
    for x in (0, 25, 50, 75, 100):
        px = PAD + x / 100 * (W - 2 * PAD)
        parts.append(f'<text class="tick" x="{px:.1f}" y="{H - 12}" text-anchor="middle">{x}%</text>')
    parts.append(f'<text class="tick" x="4" y="{PAD - 12}">positive</text>')
    parts.append(f'<text class="tick" x="4" y="{H - PAD + 24}">negative</text>')
    for key, series in lines.items():
        pts = _xy([(i * 100 / max(len(series) - 1, 1), y) for i, y in enumerate(series)], lo, hi)
        if key == "story":
            parts.append(f'<polyline class="arc story" points="{pts}"><title>the story</title></polyline>')
        else:
            parts.append(f'<polyline class="arc char sp{colours.get(key, 12)}" data-c="{escape(key)}" points="{pts}" '
                         f'hidden><title>{escape(names.get(key, key))}</title></polyline>')
    parts.append("</svg>")
    return "".join(parts)


def share_svg(story: Story) -> str:
    names = {c.id: c.name for c in story.characters}
    colours = speaker_classes(story)
    if not story.quotes:
        return '<p class="empty">No dialogue found.</p>'
    lines = lines_by_speaker(story)
    unattributed = len(story.quotes) - sum(lines.values())
    total = len(story.quotes)
    ranked = sorted(lines, key=lambda c: -lines[c])
    rows = [(names.get(c, c), lines[c], f"sp{colours.get(c, 12)}", c) for c in ranked[:15]]
    rest = sum(lines[c] for c in ranked[15:])
    if rest:
        rows.append((f"{len(ranked) - 15} others", rest, "sp12", None))
    if unattributed:
        rows.append(("unattributed", unattributed, "unk", None))
    bar_h, label_w = 22, 190
    height = bar_h * len(rows) + 8
    widest = max(n for _, n, _, _ in rows)
    parts = [f'<svg class="chart" id="share-chart" viewBox="0 0 {W} {height}" role="img" '
             f'aria-label="Lines of dialogue by speaker">']
    for i, (label, n, cls, cid) in enumerate(rows):
        y = 4 + i * bar_h
        width = (W - label_w - 90) * n / widest
        data = f' data-c="{escape(cid)}"' if cid else ""
        parts.append(f'<text class="label" x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(label[:28])}</text>'
                     f'<rect class="bar {cls}"{data} x="{label_w}" y="{y + 2}" width="{width:.1f}" height="{bar_h - 6}">'
                     f'<title>{escape(label)}: {n} lines ({n / total:.0%})</title></rect>'
                     f'<text class="value" x="{label_w + width + 6:.1f}" y="{y + 15}">{n} ({n / total:.0%})</text>')
    parts.append("</svg>")
    return "".join(parts)


OPENING_CLASSES = ("start", "chapter", "break", "gap", "title", "time", "place", "cast")


def scenes_svg(story: Story) -> str:
    if not story.scenes:
        return '<p class="empty">No scenes.</p>'
    names = {c.id: c.name for c in story.characters}
    length = max(len(story.text), 1)
    height = 46
    parts = [f'<svg class="chart" id="scene-chart" viewBox="0 0 {W} {height}" role="img" '
             f'aria-label="Scenes along the story">']
    for s in story.scenes:
        x = PAD + s.start / length * (W - 2 * PAD)
        width = max((s.end - s.start) / length * (W - 2 * PAD) - 1, 1.5)
        present = ", ".join(names.get(c, c) for c in s.characters[:6]) or "no one named"
        tip = f"{s.id}: opens by {s.opens}{' in ' + s.place if s.place else ''}; {present}"
        parts.append(f'<a href="#scene-{escape(s.id)}"><rect class="scene op-{escape(s.opens)}" x="{x:.1f}" y="6" '
                     f'width="{width:.1f}" height="{height - 14}"><title>{escape(tip)}</title></rect></a>')
    parts.append("</svg>")
    return "".join(parts)


def layout(story: Story) -> dict[str, tuple[float, float]]:
    """Node positions: a Fruchterman-Reingold layout of the connected characters (strong ties
    close, everyone apart, a little gravity to the middle), characters with no edge in a row
    along the bottom. Deterministic: the same story gives the same picture."""
    nodes = [n["id"] for n in story.network.get("nodes", [])]
    weights: dict[tuple[str, str], float] = {}
    for e in story.network.get("edges", []):
        key = tuple(sorted((e["source"], e["target"])))
        weights[key] = weights.get(key, 0) + e["weight"]
    linked = [c for c in nodes if any(c in pair for pair in weights)]
    alone = [c for c in nodes if c not in set(linked)]
    n = len(linked)
    pos = {c: (0.5 + 0.4 * math.cos(2 * math.pi * i / max(n, 1)), 0.5 + 0.4 * math.sin(2 * math.pi * i / max(n, 1)))
           for i, c in enumerate(linked)}
    k = math.sqrt(1.0 / max(n, 1))
    rounds = 150 if n <= 150 else 50
    for step in range(rounds):
        temperature = 0.1 * (1 - step / rounds) + 0.002
        move = {c: [0.0, 0.0] for c in linked}
        for i, a in enumerate(linked):
            ax, ay = pos[a]
            for b in linked[i + 1:]:
                dx, dy = ax - pos[b][0], ay - pos[b][1]
                d = math.sqrt(dx * dx + dy * dy) or 1e-4
                push = k * k / d
                move[a][0] += dx / d * push
                move[a][1] += dy / d * push
                move[b][0] -= dx / d * push
                move[b][1] -= dy / d * push
        for (a, b), w in weights.items():
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.sqrt(dx * dx + dy * dy) or 1e-4
            pull = d * d / k * (1 + math.log(w))
            move[a][0] -= dx / d * pull
            move[a][1] -= dy / d * pull
            move[b][0] += dx / d * pull
            move[b][1] += dy / d * pull
        for c in linked:
            move[c][0] += (0.5 - pos[c][0]) * k  # gravity keeps loose groups on the page
            move[c][1] += (0.5 - pos[c][1]) * k
            fx, fy = move[c]
            f = math.sqrt(fx * fx + fy * fy) or 1e-9
            length = min(f, temperature)
            pos[c] = (pos[c][0] + fx / f * length, pos[c][1] + fy / f * length)
    out: dict[str, tuple[float, float]] = {}
    if linked:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        sx, sy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        bottom = 340 if alone else 380
        out = {c: (70 + (x - min(xs)) / sx * (W - 140), 40 + (y - min(ys)) / sy * (bottom - 40))
               for c, (x, y) in pos.items()}
    for i, c in enumerate(alone):
        out[c] = (40 + (i % 12) * (W - 80) / 11, 392)
    return out


def network_svg(story: Story) -> str:
    nodes = story.network.get("nodes", [])
    if not nodes:
        return '<p class="empty">No network: no characters were found.</p>'
    colours = speaker_classes(story)
    pos = layout(story)
    names = {n["id"]: n["name"] for n in nodes}
    heaviest = max((e["weight"] for e in story.network.get("edges", [])), default=1)
    parts = [f'<svg class="chart" id="network" viewBox="0 0 {W} 420" role="img" '
             f'aria-label="The character network: drag a node to move it">']
    for e in story.network.get("edges", []):
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        width = 0.8 + 5 * e["weight"] / heaviest
        tip = f"{names[e['source']]} → {names[e['target']]}: {e['lines']} lines, {e['scenes']} shared scenes"
        parts.append(f'<line class="edge" data-a="{escape(e["source"])}" data-b="{escape(e["target"])}" '
                     f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{width:.1f}">'
                     f'<title>{escape(tip)}</title></line>')
    biggest = max((n["lines"] + n["mentions"] for n in nodes), default=1) or 1
    for n in nodes:
        x, y = pos[n["id"]]
        r = 5 + 14 * math.sqrt((n["lines"] + n["mentions"]) / biggest)
        tip = f"{n['name']}: {n['lines']} lines, {n['mentions']} mentions, PageRank {n['pagerank']:.3f}"
        parts.append(f'<g class="node sp{colours.get(n["id"], 12)}" data-c="{escape(n["id"])}" tabindex="0" '
                     f'transform="translate({x:.1f},{y:.1f})"><circle r="{r:.1f}"/>'
                     f'<text y="{-r - 4:.1f}" text-anchor="middle">{escape(n["name"][:24])}</text>'
                     f'<title>{escape(tip)}</title></g>')
    parts.append("</svg>")
    return "".join(parts)
