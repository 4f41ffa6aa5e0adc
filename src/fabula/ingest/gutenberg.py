"""Project Gutenberg books: the licence header and footer are not the story.

A Gutenberg plain text opens with a header (``Title:``, ``Author:``,
``Language:`` lines) ending in ``*** START OF THE PROJECT GUTENBERG EBOOK …
***`` and closes with ``*** END OF …`` and the licence. Older files say
``*END*THE SMALL PRINT!`` or ``End of the Project Gutenberg EBook``. The
story is what lies between; the offset map still points into the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GUTENBERG_START = re.compile(
    r"\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^*\n]*\*{3}"
    r"|\*END\*THE SMALL PRINT!.*"
    r"|\*{3}\s*START OF THE PROJECT GUTENBERG[^*\n]*\*{3}",
    re.IGNORECASE,
)
GUTENBERG_END = re.compile(
    r"\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK"
    r"|^\s*End of (?:the )?Project Gutenberg'?s? (?:E-?book|E-?text|Etext)?"
    r"|^\s*End of Project Gutenberg",
    re.IGNORECASE | re.MULTILINE,
)
_FIRST_LINE = re.compile(r"^\W*The Project Gutenberg E-?Book,? of (.+?)(?:,\s*by (.+?))?\s*$",
                         re.IGNORECASE | re.MULTILINE)
_FIELD = re.compile(r"^(Title|Author|Language):\s*(\S.*?)\s*$", re.MULTILINE)
_PRODUCED = re.compile(r"\s*(?:Produced by|E-?text prepared by|Transcribed (?:from|by)|This e-?text was)"
                       r"[^\n]*(?:\n[^\S\n]*\S[^\n]*)*", re.IGNORECASE)


@dataclass(slots=True)
class GutenbergParts:
    start: int  # where the story begins in the file's text
    end: int  # where it ends
    title: str | None
    author: str | None
    language: str | None


def find_gutenberg(text: str) -> GutenbergParts | None:
    """The story's span and the header's fields, or None for a text that is no Gutenberg book."""
    head = text[:20000]
    start_m = GUTENBERG_START.search(head)
    first = _FIRST_LINE.search(head[:400])
    if start_m is None and first is None:
        return None
    fields = dict((k.lower(), v) for k, v in _FIELD.findall(head[:start_m.start()] if start_m else ""))
    title = fields.get("title") or (first.group(1).strip() if first else None)
    author = fields.get("author") or (first.group(2).strip() if first and first.group(2) else None)
    start = 0
    if start_m is not None:
        start = text.index("\n", start_m.end()) + 1 if "\n" in text[start_m.end():] else len(text)
        produced = _PRODUCED.match(text, start)
        if produced:
            start = produced.end()
    end = len(text)
    end_m = GUTENBERG_END.search(text, max(start, len(text) - 40000))
    if end_m is not None and start_m is not None:
        end = end_m.start()
    return GutenbergParts(start, end, title, author, fields.get("language"))
