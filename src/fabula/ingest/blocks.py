"""Marked-up documents to a ``Source``: blocks of text, rendered one per line.

The HTML and EPUB readers find the blocks (paragraphs, headings, scene
breaks) and which chapter each belongs to; this module turns them into the
story text, with paragraphs separated by a blank line, white space collapsed
as a browser shows it, and an exact offset map back to the markup. Text
repair then runs on the rendered text, line by line, as for plain text, and
the two maps are composed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Chapter, Meta, Paragraph, ParagraphKind
from ..offsets import OffsetMap
from .dom import Element, Text
from .layout import _chapters
from .repair import repair
from .source import Source

_PIECES = re.compile(r"\s+|\S+(?: \S+)*")  # white space, or words joined by single spaces


@dataclass(slots=True)
class Piece:
    text: str
    pos: int  # offset in the decoded file
    raw_len: int  # source characters it stands for (differs for entities and for markers fabula writes)
    emphasis: bool = False


@dataclass(slots=True)
class Block:
    kind: ParagraphKind
    pieces: list[Piece] = field(default_factory=list)
    chapter: int | None = None  # index into the reader's chapter titles; None: no chapter structure known

    @property
    def text(self) -> str:
        return " ".join("".join(p.text for p in self.pieces).split())


def marker(text: str, pos: int) -> Piece:
    """Text fabula writes for a mark in the markup (``* * *`` for ``<hr>``)."""
    return Piece(text, pos, 0)


def pieces_of(texts: list[tuple[Text, bool]]) -> list[Piece]:
    return [Piece(t.text, t.pos, t.raw_len, emph) for t, emph in texts]


def _words(pieces: list[Piece]) -> list[tuple[str, int, int, bool, bool]]:
    """(text, pos, raw_len, is_space, emphasis): runs of words joined by single spaces, and the
    white space between them, which the caller makes one space; none at either end."""
    out: list[tuple[str, int, int, bool, bool]] = []
    for p in pieces:
        if p.raw_len != len(p.text):  # an entity or a marker: one piece that changes length
            out.append((p.text, p.pos, p.raw_len, p.text.isspace(), p.emphasis))
            continue
        for m in _PIECES.finditer(p.text):
            out.append((m.group(), p.pos + m.start(), m.end() - m.start(), m.group().isspace(), p.emphasis))
    result: list[tuple[str, int, int, bool, bool]] = []
    for w in out:
        if not w[3] or (result and not result[-1][3]):
            result.append(w)
    while result and result[-1][3]:
        result.pop()
    return result


def assemble(blocks: list[Block], chapter_titles: list[str | None], meta: Meta, *, repair_text: bool,
             structured: bool) -> Source:
    """The ``Source`` for ``blocks``. ``structured``: the reader knows the chapters (an archive's
    chapter headings, an e-book's files); otherwise chapters come from the heading blocks."""
    rendered = OffsetMap()
    lines: list[str] = []
    emphasis: list[tuple[int, int]] = []
    kept: list[Block] = []
    pos = 0
    for block in blocks:
        words = _words(block.pieces)
        if not words:
            continue
        if kept:
            rendered.changed(2, 0)
            pos += 2
        parts = []
        emph_start = None
        for text, orig, raw_len, is_space, emph in words:
            rendered.seek(orig)
            if is_space:
                text = " "
            if raw_len == len(text) and (not is_space or text == " " and raw_len == 1):
                rendered.equal(len(text))
            else:
                rendered.changed(len(text), raw_len)
            if emph and not is_space and emph_start is None:
                emph_start = pos
            elif not emph and emph_start is not None:
                emphasis.append((emph_start, pos - (1 if parts and parts[-1] == " " else 0)))
                emph_start = None
            parts.append(text)
            pos += len(text)
        if emph_start is not None:
            emphasis.append((emph_start, pos))
        lines.append("".join(parts))
        kept.append(block)
    plain = "\n\n".join(lines)
    if repair_text:
        text, repaired = repair(plain)
        offsets = repaired.compose(rendered) if text != plain else rendered
        if text != plain:
            emphasis = [(repaired.to_text(s), repaired.to_text(e)) for s, e in emphasis]
    else:
        text, offsets = plain, rendered
    meta.repaired = text != plain

    spans = []  # each kept block is line 2k of the text
    start = 0
    for line in text.split("\n\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 2
    raw = [(s, e, b.kind) for (s, e), b in zip(spans, kept)]
    if structured:
        chapters, chapter_of = _structured_chapters(raw, kept, chapter_titles)
    else:
        chapters = _chapters(text, raw)
        chapter_of = None
    paragraphs = _paragraphs(raw, chapters, chapter_of)
    source = Source(text=text, meta=meta, paragraphs=paragraphs, chapters=chapters, offsets=offsets)
    source.emphasis = [[s, e] for s, e in emphasis if e > s]
    return source


def _structured_chapters(raw, kept: list[Block], titles: list[str | None]):
    chapters: list[Chapter] = []
    chapter_of: list[str | None] = []
    current = None
    for (start, end, _), block in zip(raw, kept):
        if block.chapter is None:
            chapter_of.append(None)
            continue
        if block.chapter != current:
            current = block.chapter
            title = titles[block.chapter] if block.chapter < len(titles) else None
            chapters.append(Chapter(id=f"ch{len(chapters) + 1}", start=start, end=end, title=title))
        chapters[-1].end = end
        chapter_of.append(chapters[-1].id)
    return chapters, chapter_of


def _paragraphs(raw, chapters: list[Chapter], chapter_of: list[str | None] | None) -> list[Paragraph]:
    paragraphs = []
    ci = 0
    for i, (start, end, kind) in enumerate(raw):
        if chapter_of is not None:
            chapter = chapter_of[i]
        else:
            while ci + 1 < len(chapters) and start >= chapters[ci + 1].start:
                ci += 1
            chapter = chapters[ci].id if chapters and start >= chapters[ci].start else None
        paragraphs.append(Paragraph(id=f"p{i + 1}", start=start, end=end, chapter=chapter, kind=kind))
    return paragraphs


def element_blocks(root: Element, *, skip=lambda el: False, chapter: int | None = None) -> list[Block]:
    """The blocks below ``root``: each paragraph-like element (or ``<br>``-separated line) a block,
    headings ``h1``–``h6`` heading blocks, ``<hr>`` a scene break. ``skip`` drops subtrees."""
    blocks: list[Block] = []
    current: list[tuple[Text, bool]] = []
    kind: list[ParagraphKind] = ["text"]

    def flush() -> None:
        if current:
            pieces = pieces_of(current)
            if any(p.text.strip() for p in pieces):
                blocks.append(Block(kind[0], pieces, chapter))
            current.clear()
        kind[0] = "text"

    # an explicit stack of (node, emphasis, leaving) so deep nesting cannot overflow
    stack: list[tuple[Element | Text, bool, bool]] = [(root, False, False)]
    while stack:
        node, emph, leaving = stack.pop()
        if isinstance(node, Text):
            current.append((node, emph))
            continue
        tag = node.tag
        if leaving:
            if tag in BLOCK_TAGS:
                flush()
            continue
        if tag in DROPPED_TAGS or (node is not root and skip(node)):
            continue
        if tag == "br":
            flush()
            continue
        if tag == "hr":
            flush()
            blocks.append(Block("break", [marker("* * *", node.pos)], chapter))
            continue
        if tag == "pre":  # preformatted text: paragraphs are separated by blank lines
            flush()
            blocks.extend(_pre_blocks(node, emph, chapter))
            continue
        if tag in BLOCK_TAGS:
            flush()
            if tag in HEADING_TAGS:
                kind[0] = "heading"
        inner_emph = emph or tag in EMPHASIS_TAGS
        stack.append((node, emph, True))
        stack.extend((c, inner_emph, False) for c in reversed(node.children))
    flush()
    return blocks


def _pre_blocks(pre: Element, emph: bool, chapter: int | None) -> list[Block]:
    blocks: list[Block] = []
    current: list[Piece] = []

    def flush() -> None:
        if any(p.text.strip() for p in current):
            blocks.append(Block("text", list(current), chapter))
        current.clear()

    for t in pre.texts():
        if t.raw_len != len(t.text):
            current.append(Piece(t.text, t.pos, t.raw_len, emph))
            continue
        pos = 0
        for m in _BLANK_LINE.finditer(t.text):
            current.append(Piece(t.text[pos:m.start()], t.pos + pos, m.start() - pos, emph))
            flush()
            pos = m.end()
        current.append(Piece(t.text[pos:], t.pos + pos, len(t.text) - pos, emph))
    flush()
    return blocks


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul", "html"]
)
EMPHASIS_TAGS = frozenset(["i", "em", "cite"])
DROPPED_TAGS = frozenset(["head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "button", "select", "textarea", "form", "nav"])
