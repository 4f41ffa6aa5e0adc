"""Repair decoded text: mojibake, newlines, Unicode normalisation, with an offset map.

Repair works line by line, so an unchanged line costs one comparison and a
changed line is aligned character by character with difflib: the offset map
stays exact everywhere the text was not touched.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

import ftfy

from ..offsets import OffsetMap

_LINE_END = re.compile(r"\r\n|\r|\n")
_ALIGN_LIMIT = 20_000


def fix_line(line: str) -> str:
    """Mojibake and control characters fixed, NFC; curly quotes and dashes kept."""
    fixed = ftfy.fix_text(line, uncurl_quotes=False, fix_line_breaks=False, normalization="NFC")
    return unicodedata.normalize("NFC", fixed)


def repair(original: str) -> tuple[str, OffsetMap]:
    """The repaired text and the map from its offsets back to ``original``."""
    offsets = OffsetMap()
    pieces: list[str] = []
    pos = 0
    for match in _LINE_END.finditer(original):
        _repair_line(original[pos:match.start()], pieces, offsets)
        ending = match.group()
        pieces.append("\n")
        if ending == "\n":
            offsets.equal(1)
        else:
            offsets.changed(1, len(ending))
        pos = match.end()
    _repair_line(original[pos:], pieces, offsets)
    return "".join(pieces), offsets


def _repair_line(line: str, pieces: list[str], offsets: OffsetMap) -> None:
    fixed = fix_line(line) if line else line
    pieces.append(fixed)
    if fixed == line:
        offsets.equal(len(line))
        return
    if len(line) > _ALIGN_LIMIT:
        offsets.changed(len(fixed), len(line))  # aligning is quadratic: map the line as one piece
        return
    matcher = SequenceMatcher(None, line, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            offsets.equal(i2 - i1)
        else:
            offsets.changed(j2 - j1, i2 - i1)
