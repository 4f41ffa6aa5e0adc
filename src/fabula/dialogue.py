"""Where the dialogue is: the spans of a paragraph inside quotation marks.

A first, conservative reading used by the stages that must tell narration
from speech (a vocative is only a vocative inside dialogue; "I" in narration
is the narrator). Curly marks pair up; straight marks alternate; a quotation
left open runs to the end of its paragraph, and a closing mark with no opening
closes a quotation that began at the paragraph's start.
"""

from __future__ import annotations

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


def in_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(s <= offset < e for s, e in spans)
