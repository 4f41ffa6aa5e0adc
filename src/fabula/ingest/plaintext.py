"""Plain-text stories: decode, repair, lay out."""

from __future__ import annotations

from ..model import Meta
from .layout import analyse_layout
from ..offsets import OffsetMap
from .repair import repair
from .source import Source


def read_plaintext(decoded: str, *, encoding: str | None, path: str | None, repair_text: bool) -> Source:
    if repair_text:
        text, offsets = repair(decoded)
    else:
        text, offsets = decoded, OffsetMap.identity(len(decoded))
    layout = analyse_layout(text)
    meta = Meta(
        title=layout.title,
        author=layout.author,
        source_path=path,
        source_format="text",
        encoding=encoding,
        repaired=text != decoded,
    )
    return Source(text=text, meta=meta, paragraphs=layout.paragraphs, chapters=layout.chapters, offsets=offsets)
