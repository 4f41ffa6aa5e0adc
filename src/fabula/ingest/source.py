"""What ingest hands to the nlp step: the text to analyse and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Chapter, Meta, Paragraph
from ..offsets import OffsetMap


@dataclass(slots=True)
class Source:
    text: str
    meta: Meta
    paragraphs: list[Paragraph] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    offsets: OffsetMap | None = None  # text offsets -> offsets in the decoded file
    emphasis: list[list[int]] = field(default_factory=list)  # [start, end] of italic text
