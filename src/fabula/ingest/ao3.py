"""Archive of Our Own downloads ("Download → HTML", and the EPUB made from it).

The preface ``div#preface`` holds the work's record: a ``dl.tags`` list of
``dt``/``dd`` pairs whose labels change with the count ("Fandom:" /
"Fandoms:"), the title ``h1``, the byline ``a[rel=author]``, then summary and
notes as ``blockquote.userstuff`` after a ``<p>Summary</p>`` label. The story
is in ``div#chapters``; a multi-chapter work opens each chapter with a
``div.meta`` group holding ``h2.heading`` and the chapter's own summary and
notes. ``div#afterword`` holds the end notes. Summaries and notes are
metadata and never story text.
"""

from __future__ import annotations

import re

from ..model import Meta
from ..stages.tagged import clean_tag
from .blocks import Block, element_blocks, pieces_of
from .dom import Element, Text, has_class

_STAT = re.compile(r"(Published|Updated|Completed|Words|Chapters):\s*(\S+)")
_LABELS = (  # label prefix -> Meta field (labels are singular or plural with the count)
    ("rating", "rating"), ("archive warning", "warnings"), ("categor", "categories"), ("fandom", "fandoms"),
    ("relationship", "relationships"), ("character", "characters"), ("additional tag", "tags"),
    ("language", "language"), ("series", "series"), ("stats", "stats"),
)


def is_archive_download(root: Element) -> bool:
    has_tags = root.find(lambda el: el.tag == "dl" and "tags" in el.classes) is not None
    has_chapters = root.find(lambda el: el.id == "chapters") is not None
    message = root.find(lambda el: el.tag == "p" and "message" in el.classes)
    posted = message is not None and "Archive of Our Own" in message.text_content()
    return (has_tags and has_chapters) or (posted and (has_tags or has_chapters))


def _is_note(el: Element) -> bool:
    """Summaries, notes and end notes: chapter ``div.meta`` groups, ``blockquote.userstuff``
    (outside the chapter text), ``#endnotes…``, ``.notes``, hidden ``.toc-heading``."""
    c = el.classes
    return ("meta" in c or "notes" in c or "end" in c or "toc-heading" in c or "landmark" in c
            or el.id.startswith(("endnotes", "notes", "summary")) or el.id == "afterword"
            or (el.tag == "h3" and "landmark" in c))


def _chapter_heading(el: Element) -> Element | None:
    return el.find(lambda e: e.tag in ("h2", "h3") and ("heading" in e.classes or "title" in e.classes))


def read_archive_download(root: Element) -> tuple[list[Block], list[str | None], Meta]:
    """Blocks of story text by chapter, the chapter titles and the work's record."""
    meta = Meta(source_format="ao3")
    _read_tags(root, meta)
    _read_preface(root, meta)
    blocks: list[Block] = []
    titles: list[str | None] = []
    containers = [el for el in root.iter() if el.id == "chapters" and not el.has_ancestor(lambda a: a.id == "chapters")]
    if not containers:  # an EPUB whose converter dropped the wrapper: each file's text outside preface and afterword
        containers = [c for c in root.children if isinstance(c, Element) and "data-file" in c.attrs] or [root]
    for container in containers:
        pending: list[Element | Text] = []
        for child in _unwrapped(container):
            if isinstance(child, Element) and (_is_note(child) or child.tag == "h2" or child.id in ("preface",)):
                _flush(pending, blocks, titles)
                heading = _chapter_heading(child) if "meta" in child.classes else (
                    child if child.tag == "h2" and "toc-heading" not in child.classes else None)
                if heading is not None:
                    titles.append(heading.text_content())
                    blocks.append(Block("heading", pieces_of([(t, False) for t in heading.texts()]), len(titles) - 1))
                continue
            pending.append(child)
        _flush(pending, blocks, titles)
    _read_afterword(root, meta)
    return blocks, titles, meta


def _unwrapped(container: Element) -> list[Element | Text]:
    """The container's children, with plain wrappers around chapter groups opened up (an
    e-book converter may wrap each file's part of ``div#chapters`` in a ``div`` of its own)."""
    out: list[Element | Text] = []
    stack: list[Element | Text] = list(reversed(container.children))
    while stack:
        node = stack.pop()
        if (isinstance(node, Element) and node.tag in ("div", "section") and not _is_note(node)
                and "userstuff" not in node.classes and node.find(lambda e: e is not node and _is_chapter_group(e))):
            stack.extend(reversed(node.children))
        else:
            out.append(node)
    return out


def _is_chapter_group(el: Element) -> bool:
    return ("meta" in el.classes and _chapter_heading(el) is not None) or (
        el.tag == "h2" and "toc-heading" not in el.classes)


def _flush(pending: list[Element | Text], blocks: list[Block], titles: list[str | None]) -> None:
    if not pending:
        return
    holder = Element("div", {}, None)
    holder.children = list(pending)
    pending.clear()
    found = element_blocks(holder, skip=_is_note_or_preface)
    if not any(b.kind == "text" for b in found):
        return
    if not titles:
        titles.append(None)  # a single-chapter work has no chapter heading
    index = len(titles) - 1
    for b in found:
        b.chapter = index
    blocks.extend(found)


def _is_note_or_preface(el: Element) -> bool:
    return _is_note(el) or el.id == "preface" or (el.tag == "blockquote" and "userstuff" in el.classes)


def _read_tags(root: Element, meta: Meta) -> None:
    dl = root.find(lambda el: el.tag == "dl" and "tags" in el.classes)
    if dl is None:
        return
    label = None
    for el in dl.iter():
        if el.tag == "dt":
            label = el.text_content().rstrip(":").strip().lower()
        elif el.tag == "dd" and label:
            field = next((f for prefix, f in _LABELS if label.startswith(prefix)), None)
            if field is None:
                continue
            links = [a.text_content() for a in el.iter() if a.tag == "a"]
            text = el.text_content()
            if field == "stats":
                _read_stats(text, meta)
            elif field == "language":
                meta.language = text
            elif field == "series":
                meta.series = [text] if text else []
            elif field == "rating":
                meta.rating = links[0] if links else text
            else:
                setattr(meta, field, links or [t.strip() for t in text.split(",") if t.strip()])
    meta.pairings = [p for p in (pairing(r) for r in meta.relationships) if p]


def _read_stats(text: str, meta: Meta) -> None:
    for key, value in _STAT.findall(text):
        if key == "Words":
            digits = re.sub(r"[,.\s]", "", value)
            meta.words = int(digits) if digits.isdigit() else None
        elif key == "Chapters":
            meta.chapter_count = value
        else:
            setattr(meta, key.lower(), value)


def _read_preface(root: Element, meta: Meta) -> None:
    preface = [el for el in root.iter() if el.id == "preface"] or [root]
    for part in preface:
        if meta.title is None:
            h1 = part.find(lambda el: el.tag == "h1")
            if h1 is not None:
                meta.title = h1.text_content() or None
        if meta.author is None:
            authors = [a.text_content() for a in part.iter() if a.tag == "a" and "author" in a.attrs.get("rel", "").split()]
            if authors:
                meta.author = ", ".join(dict.fromkeys(authors))
            else:
                byline = part.find(has_class("byline"))
                if byline is not None:
                    meta.author = re.sub(r"^by\s+", "", byline.text_content()) or None
        if meta.url is None:
            link = part.find(lambda el: el.tag == "a" and re.search(r"/works/\d+", el.attrs.get("href", "")))
            if link is not None:
                meta.url = link.attrs["href"]
        for label, quote in _labelled_quotes(part):
            if label.startswith("summary") and meta.summary is None:
                meta.summary = quote
            elif label.startswith("notes") and meta.notes is None:
                meta.notes = quote


def _read_afterword(root: Element, meta: Meta) -> None:
    for part in (el for el in root.iter() if el.id == "afterword"):
        for label, quote in _labelled_quotes(part):
            if meta.end_notes is None and "notes" in label:
                meta.end_notes = quote


def _labelled_quotes(part: Element) -> list[tuple[str, str]]:
    """(label, text) for each ``blockquote.userstuff``, the label being the text just before it."""
    out = []
    for el in part.iter():
        if el.tag == "blockquote" and "userstuff" in el.classes and el.parent is not None:
            siblings = [c for c in el.parent.children if isinstance(c, Element)]
            i = siblings.index(el)
            label = siblings[i - 1].text_content().lower() if i > 0 else ""
            text = "\n\n".join(b.text for b in element_blocks(el))
            out.append((label, text))
    return out


def pairing(tag: str) -> dict | None:
    """``"Anna Price/Tom Baker"`` → romantic, ``"Anna Price & Clara Price"`` → platonic."""
    for sep, kind in (("/", "romantic"), (" & ", "platonic")):
        if sep in tag:
            names = [clean_tag(n) for n in tag.split(sep) if clean_tag(n)]
            if len(names) >= 2:
                return {"characters": names, "kind": kind}
    return None
