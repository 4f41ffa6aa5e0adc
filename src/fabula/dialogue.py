"""Where the dialogue is: ``quoted(offset)`` over the quotations the quotes stage found."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter


class QuotedText:
    """``quoted(offset)``: whether an offset of the story lies inside a quotation."""

    def __init__(self, story) -> None:
        self.spans = [(q.start, q.end) for q in story.quotes]
        self.starts = [s for s, _ in self.spans]

    def __call__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]


def lines_by_speaker(story) -> Counter:
    """How many quotations each character speaks (attributed ones only)."""
    return Counter(q.speaker for q in story.quotes if q.speaker)
