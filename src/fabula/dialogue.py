"""Where the dialogue is: ``quoted(offset)`` over the quotations the quotes stage found."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter


class QuotedText:
    """``quoted(offset)``: whether an offset of the story lies inside a quotation;
    ``quoted.quote_at(offset)``: which one."""

    def __init__(self, story) -> None:
        self.quotes = story.quotes
        self.starts = [q.start for q in self.quotes]

    def __call__(self, offset: int) -> bool:
        return self.quote_at(offset) is not None

    def quote_at(self, offset: int):
        """The quotation ``offset`` lies inside, or None."""
        i = bisect_right(self.starts, offset) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end else None


def lines_by_speaker(story) -> Counter:
    """How many quotations each character speaks (attributed ones only)."""
    return Counter(q.speaker for q in story.quotes if q.speaker)
