"""Where the dialogue is: the spans of a paragraph inside quotation marks.

A first, conservative reading used by the stages that must tell narration
from speech (a vocative is only a vocative inside dialogue; "I" in narration
is the narrator). Curly marks pair up; straight marks alternate; a quotation
left open runs to the end of its paragraph, and a closing mark with no opening
closes a quotation that began at the paragraph's start.
"""

from __future__ import annotations

from bisect import bisect_right

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the words inside each quotation in ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch == OPENING or (ch == STRAIGHT and open_at is None):
            if open_at is not None and i > open_at:
                spans.append((open_at, i))  # a new opening mark closes the unclosed one
            open_at = i + 1
        elif ch == CLOSING or ch == STRAIGHT:
            spans.append((open_at if open_at is not None else start, i))
            open_at = None
    if open_at is not None and open_at < end:
        spans.append((open_at, end))
    return [(s, e) for s, e in spans if e > s]


class QuotedText:
    """``quoted(offset)``: whether an offset of the story lies inside a quotation."""

    def __init__(self, story) -> None:
        self.spans = [s for p in story.paragraphs if p.kind == "text"
                      for s in quoted_spans(story.text, p.start, p.end)]
        self.starts = [s for s, _ in self.spans]

    def __call__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]
