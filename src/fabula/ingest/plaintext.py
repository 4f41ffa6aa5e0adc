"""Plain-text stories: decode, repair, lay out; a Project Gutenberg licence is left out."""

from __future__ import annotations

from ..model import Meta
from ..offsets import OffsetMap
from .gutenberg import find_gutenberg
from .layout import analyse_layout
from .repair import repair
from .source import Source


def read_plaintext(decoded: str, *, encoding: str | None, path: str | None, repair_text: bool) -> Source:
    gutenberg = find_gutenberg(decoded)
    body, shift = decoded, None
    if gutenberg is not None and (gutenberg.start, gutenberg.end) != (0, len(decoded)):
        body = decoded[gutenberg.start:gutenberg.end]
        shift = OffsetMap()
        shift.seek(gutenberg.start)
        shift.equal(len(body))
    if repair_text:
        text, offsets = repair(body)
    else:
        text, offsets = body, OffsetMap.identity(len(body))
    if shift is not None:
        offsets = offsets.compose(shift)
    layout = analyse_layout(text)
    meta = Meta(
        title=layout.title,
        author=layout.author,
        source_path=path,
        source_format="gutenberg" if gutenberg else "text",
        encoding=encoding,
        repaired=text != body,
    )
    if gutenberg is not None:
        meta.title = gutenberg.title or meta.title
        meta.author = gutenberg.author or meta.author
        meta.language = gutenberg.language
    return Source(text=text, meta=meta, paragraphs=layout.paragraphs, chapters=layout.chapters, offsets=offsets)
