"""A map from offsets in the cleaned text back to offsets in the decoded file.

Repair (ftfy, newline and Unicode normalisation) changes the text locally: a
three-character mojibake becomes one character, ``\\r\\n`` becomes ``\\n``. The
map is a list of segments; inside an *equal* segment offsets move together,
inside a *changed* segment every offset maps to the segment's start.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right


class OffsetMap:
    __slots__ = ("text_starts", "orig_starts", "linear", "text_length", "orig_length")

    def __init__(self) -> None:
        self.text_starts = array("l")
        self.orig_starts = array("l")
        self.linear = array("b")
        self.text_length = 0
        self.orig_length = 0

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        m = cls()
        m.equal(length)
        return m

    # -- building, left to right --
    def equal(self, n: int) -> None:
        """The next ``n`` characters are the same in text and original."""
        if n <= 0:
            return
        if self.linear and self.linear[-1] and (
            self.text_length - self.text_starts[-1] == self.orig_length - self.orig_starts[-1]
        ):
            pass  # extends the previous equal segment
        else:
            self._open(linear=True)
        self.text_length += n
        self.orig_length += n

    def seek(self, orig: int) -> None:
        """The next characters come from original offset ``orig`` (markup skipped between)."""
        self.orig_length = orig

    def changed(self, text_n: int, orig_n: int) -> None:
        """``orig_n`` original characters became ``text_n`` text characters."""
        if text_n > 0:
            self._open(linear=False)
        self.text_length += text_n
        self.orig_length += orig_n

    def _open(self, linear: bool) -> None:
        self.text_starts.append(self.text_length)
        self.orig_starts.append(self.orig_length)
        self.linear.append(1 if linear else 0)

    # -- reading --
    @property
    def is_identity(self) -> bool:
        return self.text_length == self.orig_length and all(self.linear) and len(self.linear) <= 1

    def to_original(self, offset: int) -> int:
        """The original offset of text offset ``offset`` (0 ≤ offset ≤ text length)."""
        if offset >= self.text_length:
            return self.orig_length
        i = bisect_right(self.text_starts, offset) - 1
        if i < 0:
            return offset
        if self.linear[i]:
            return self.orig_starts[i] + (offset - self.text_starts[i])
        return self.orig_starts[i]

    def to_text(self, orig: int) -> int:
        """The text offset that original offset ``orig`` became (the start of a changed piece)."""
        i = bisect_right(self.orig_starts, orig) - 1
        if i < 0:
            return 0
        if self.linear[i]:
            nxt = self.text_starts[i + 1] if i + 1 < len(self.text_starts) else self.text_length
            return min(self.text_starts[i] + (orig - self.orig_starts[i]), nxt)
        return self.text_starts[i]

    def compose(self, inner: "OffsetMap") -> "OffsetMap":
        """The map text -> inner's original, where this map goes text -> inner's text."""
        out = OffsetMap()
        bounds = list(self.text_starts) + [self.text_length]
        for k in range(len(self.text_starts)):
            t0, t1, p0 = bounds[k], bounds[k + 1], self.orig_starts[k]
            if t1 <= t0:
                continue
            if not self.linear[k]:
                out._segment(t0, inner.to_original(p0), False)
                continue
            # a linear piece crosses inner's segments: cut it where they begin
            p1 = p0 + (t1 - t0)
            j = max(bisect_right(inner.text_starts, p0) - 1, 0)
            pos = p0
            while pos < p1:
                if j < len(inner.text_starts) and inner.text_starts[j] <= pos:
                    linear = bool(inner.linear[j])
                    nxt = inner.text_starts[j + 1] if j + 1 < len(inner.text_starts) else inner.text_length
                    j += 1
                else:
                    linear, nxt = True, inner.text_starts[j] if j < len(inner.text_starts) else p1
                nxt = min(max(nxt, pos + 1), p1)
                out._segment(t0 + (pos - p0), inner.to_original(pos), linear)
                pos = nxt
        out.text_length = self.text_length
        out.orig_length = inner.orig_length
        return out

    def _segment(self, text_start: int, orig_start: int, linear: bool) -> None:
        self.text_starts.append(text_start)
        self.orig_starts.append(orig_start)
        self.linear.append(1 if linear else 0)

    def to_list(self) -> list[list[int]]:
        """``[[text_start, original_start, equal], ...]`` for the JSON export."""
        return [[t, o, int(l)] for t, o, l in zip(self.text_starts, self.orig_starts, self.linear)]
