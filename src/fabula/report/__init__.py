"""The HTML report: one self-contained page per story, readable offline and safe to open.

The page holds its own CSS and JavaScript (no CDN, system fonts) and a Content-Security-Policy
that allows nothing but that one script and that one style sheet (by their SHA-256) and no
network at all. Every piece of text from the story or its metadata is HTML-escaped; links are
made only from ``http``/``https`` addresses. Charts are SVG drawn in Python (``charts.py``); the
script adds sorting, highlighting, arc toggles and dragging, never markup from the story.
"""

from __future__ import annotations

import base64
import hashlib
import os
from functools import lru_cache
from html import escape
from importlib.resources import files
from pathlib import Path

from .. import __version__
from ..dialogue import lines_by_speaker
from ..export.atomic import write_atomic
from ..model import Story
from .charts import arcs_svg, network_svg, scenes_svg, share_svg
from .text import render_text, speaker_classes

MAX_NETWORK_NODES = 100  # a bigger graph is unreadable; the table keeps everyone


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return files("fabula").joinpath(f"report/{name}").read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _safe_url(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _meta_rows(story: Story) -> str:
    m = story.meta
    rows: list[tuple[str, str]] = []
    for label, values in (("Fandoms", m.fandoms), ("Rating", [m.rating] if m.rating else []),
                          ("Warnings", m.warnings), ("Categories", m.categories), ("Relationships", m.relationships),
                          ("Character tags", m.characters), ("Tags", m.tags), ("Subjects", m.subjects),
                          ("Series", m.series), ("Language", [m.language] if m.language else [])):
        if values:
            rows.append((label, escape(", ".join(values))))
    dates = [f"{k} {v}" for k, v in (("published", m.published), ("updated", m.updated), ("completed", m.completed)) if v]
    if dates:
        rows.append(("Dates", escape("; ".join(dates))))
    url = _safe_url(m.url)
    if url:
        rows.append(("Address", f'<a href="{escape(url)}" rel="noreferrer noopener">{escape(url)}</a>'))
    elif m.url:
        rows.append(("Address", escape(m.url)))
    words = story.word_count
    rows.append(("Size", f"{words:,} words, {len(story.chapters)} chapters, {len(story.characters)} characters, "
                         f"{len(story.quotes)} quotations, {len(story.scenes)} scenes"))
    if m.summary:
        rows.append(("Summary", escape(m.summary)))
    return "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)


def _cast_table(story: Story) -> str:
    colours = speaker_classes(story)
    lines = lines_by_speaker(story)
    head = ('<thead><tr><th scope="col"><button type="button">name</button></th>'
            '<th scope="col" class="hide-narrow"><button type="button">aliases</button></th>'
            '<th scope="col"><button type="button">gender</button></th>'
            '<th scope="col" class="num" data-type="number"><button type="button">lines</button></th>'
            '<th scope="col" class="num" data-type="number"><button type="button">mentions</button></th></tr></thead>')
    body = []
    for c in story.characters:
        name = c.name + (" (narrator)" if c.is_narrator else "")
        aliases = ", ".join(c.aliases)
        gender = c.gender or "unknown"
        body.append(
            f'<tr><td data-sort="{escape(c.name.lower())}"><span class="swatch sp{colours.get(c.id, 12)}"></span>'
            f'<button type="button" class="who" data-c="{escape(c.id)}" aria-pressed="false">{escape(name)}</button></td>'
            f'<td class="hide-narrow" data-sort="{escape(aliases.lower())}">{escape(aliases)}</td>'
            f'<td data-sort="{escape(gender)}">{escape(gender)}</td>'
            f'<td class="num" data-sort="{lines.get(c.id, 0)}">{lines.get(c.id, 0)}</td>'
            f'<td class="num" data-sort="{c.mentions}">{c.mentions}</td></tr>')
    return f'<table class="cast">{head}<tbody>{"".join(body)}</tbody></table>'


def _arc_toggles(story: Story) -> str:
    colours = speaker_classes(story)
    names = {c.id: c.name for c in story.characters}
    boxes = []
    for cid in story.arcs.get("characters", {}):
        boxes.append(f'<label><input type="checkbox" class="arc-toggle" data-c="{escape(cid)}"> '
                     f'<span class="swatch sp{colours.get(cid, 12)}"></span>{escape(names.get(cid, cid))}</label>')
    if not boxes:
        return '<p class="note">No character has enough lines and mentions for an arc of their own.</p>'
    return f'<div class="arc-toggles" role="group" aria-label="Characters\' arcs">{"".join(boxes)}</div>'


def _trimmed_network(story: Story) -> tuple[Story, str]:
    nodes = story.network.get("nodes", [])
    if len(nodes) <= MAX_NETWORK_NODES:
        return story, ""
    keep = sorted(nodes, key=lambda n: -(n["lines"] + n["mentions"]))[:MAX_NETWORK_NODES]
    ids = {n["id"] for n in keep}
    view = Story(text="", characters=story.characters, quotes=story.quotes)
    view.network = {"nodes": [n for n in nodes if n["id"] in ids],
                    "edges": [e for e in story.network.get("edges", []) if e["source"] in ids and e["target"] in ids]}
    return view, f'<p class="note">The {MAX_NETWORK_NODES} most present of {len(nodes)} characters.</p>'


def render_report(story: Story) -> str:
    """The report page for an analysed story, as one HTML string."""
    css, js = _asset("report.css"), _asset("report.js")
    title = story.meta.title or (Path(story.meta.source_path).stem if story.meta.source_path else "Untitled story")
    author = f'<p class="by">by {escape(story.meta.author)}</p>' if story.meta.author else ""
    network_view, network_note = _trimmed_network(story)
    csp = (f"default-src 'none'; script-src '{_sha256(js)}'; style-src '{_sha256(css)}'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    return f"""<!DOCTYPE html>
<html lang="{escape((story.meta.language or 'en')[:2].lower() if (story.meta.language or '')[:2].isalpha() else 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="fabula {escape(__version__)}">
<title>{escape(title)} · fabula</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#text">Skip to the text</a>
<header>
<h1>{escape(title)}</h1>
{author}
<dl class="meta">{_meta_rows(story)}</dl>
</header>
<nav aria-label="Sections"><a href="#cast">Cast</a><a href="#share">Dialogue</a><a href="#network-section">Network</a><a href="#arcs">Arcs</a><a href="#scenes">Scenes</a><a href="#text">Text</a></nav>
<main>
<section id="cast" aria-labelledby="cast-h"><h2 id="cast-h">Cast</h2>
<p class="note">Choose a name to highlight that character's lines and mentions in the text and show their arc; sort by any column.</p>
<p id="chosen" role="status" aria-live="polite"></p><button type="button" id="jump" hidden>Go to their first line</button>
<div class="table-wrap">{_cast_table(story)}</div></section>
<section id="share" aria-labelledby="share-h"><h2 id="share-h">Who speaks how much</h2>{share_svg(story)}</section>
<section id="network-section" aria-labelledby="network-h"><h2 id="network-h">Network</h2>
<p class="note">Edges: lines said to each other and scenes shared (hover for numbers); node size: lines and mentions. Drag a node to move it; press Enter on one to choose that character.</p>
{network_note}{network_svg(network_view)}</section>
<section id="arcs" aria-labelledby="arcs-h"><h2 id="arcs-h">Emotional arcs</h2>
<p class="note">Sentence valence (VADER), smoothed, over narrative time; the black line is the whole story.</p>
{arcs_svg(story)}{_arc_toggles(story)}</section>
<section id="scenes" aria-labelledby="scenes-h"><h2 id="scenes-h">Scenes</h2>
<p class="legend">Coloured by how each opens: <span class="swatch sp0"></span>chapter <span class="swatch sp2"></span>break <span class="swatch sp4"></span>time <span class="swatch sp3"></span>place <span class="swatch sp5"></span>change of cast. Choose one to go to it.</p>
{scenes_svg(story)}</section>
<section id="text" aria-labelledby="text-h"><h2 id="text-h">Text</h2>
<p class="note">Each quotation is underlined in its speaker's colour (dotted: unattributed); hover for speaker and addressees.</p>
<div class="story-text">{render_text(story)}</div></section>
</main>
<script>{js}</script>
</body>
</html>
"""


def write_report(story: Story, path: str | os.PathLike) -> Path:
    """Write the report for ``story`` to ``path`` atomically; returns the path."""
    return write_atomic(path, render_report(story))
