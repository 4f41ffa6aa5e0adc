"""The layout of a plain text: paragraphs, chapter headings, scene breaks, title.

Two paragraph styles exist in the wild. Fan fiction and most web text put one
paragraph on each line (blank lines between them or not); Project Gutenberg
and PDNC wrap lines at ~70 characters and separate paragraphs by blank lines.
The style is chosen per text from the evidence: wrapped text has mostly
multi-line blocks of short lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Chapter, Paragraph

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|final"
)
_NUMBER = rf"(?:\d{{1,4}}|[ivxlcdm]{{1,8}}|(?:the\s+)?(?:{_NUMBER_WORDS})(?:[\s-](?:{_NUMBER_WORDS}))?)"
HEADING = re.compile(
    rf"^\s*(?:(?:chapter|chap\.|book|part|volume|vol\.|act|section|stave|canto)\s+{_NUMBER}\b\.?"
    r"(?:\s*[:.\-—–]?\s*\S.{0,80})?"
    r"|(?:prologue|epilogue|interlude|preface|introduction|afterword)\b(?:\s*[:.\-—–]?\s*\S.{0,80})?"
    r"|[IVXLCDM]{1,8}\.?"
    r"|\d{1,3}\.?)\s*$",
    re.IGNORECASE,
)
SCENE_BREAK = re.compile(
    r"^\s*(?:(?:[*#~=_•·+\-]\s*){3,}|[*#~]|o0o|oOo|xXx|x-x-x|-x-|<hr\s*/?>)\s*$", re.IGNORECASE
)


@dataclass(slots=True)
class Layout:
    style: str  # "lines" or "wrapped"
    paragraphs: list[Paragraph]
    chapters: list[Chapter]
    title: str | None
    author: str | None


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in lines:
        if text[start:end].strip():
            current.append((start, end))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def paragraph_style(text: str, blocks: list[list[tuple[int, int]]]) -> str:
    """``"wrapped"`` when most lines sit in multi-line blocks of short lines."""
    n_lines = sum(len(b) for b in blocks)
    if not n_lines:
        return "lines"
    in_multi = sum(len(b) for b in blocks if len(b) > 1)
    lengths = sorted(len(text[s:e].rstrip()) for b in blocks for s, e in b)
    p90 = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    return "wrapped" if in_multi / n_lines > 0.5 and p90 <= 100 else "lines"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


def _kind(text: str, spans: list[tuple[int, int]]) -> str:
    first = text[spans[0][0]:spans[0][1]]
    if len(spans) == 1 and SCENE_BREAK.match(first):
        return "break"
    whole = " ".join(text[s:e].strip() for s, e in spans)
    if len(spans) <= 3 and len(whole) <= 120 and HEADING.match(first) and not _runs_into_prose(whole):
        return "heading"
    return "text"


def _runs_into_prose(line: str) -> bool:
    """"CHAPTER 1 Loomings Call me Ishmael ." (a heading and the first sentence on one line)
    ends like a sentence; a heading's title does not."""
    return line.rstrip().endswith(".") and len(line.split()) > 4 and not line.isupper()


def _looks_like_title(s: str) -> bool:
    return (
        0 < len(s) <= 100
        and len(s.split()) <= 12
        and s[-1] not in ".,;:?!\"”’'"
        and s[0] not in "\"“‘'"
        and not HEADING.match(s)
        and not SCENE_BREAK.match(s)
    )


def analyse_layout(text: str) -> Layout:
    lines = _lines(text)
    blocks = _blocks(text, lines)
    style = paragraph_style(text, blocks)
    units = blocks if style == "wrapped" else [[line] for block in blocks for line in block]

    raw: list[tuple[int, int, str]] = []
    for spans in units:
        start, _ = _trimmed(text, *spans[0])
        _, end = _trimmed(text, *spans[-1])
        raw.append((start, end, _kind(text, spans)))

    title = author = None
    if len(raw) >= 3 and raw[0][2] == "text":
        first = text[raw[0][0]:raw[0][1]]
        if _looks_like_title(first) and "\n" not in first:
            title = re.sub(r"^title:\s*", "", first, flags=re.IGNORECASE)
            raw[0] = (raw[0][0], raw[0][1], "title")
            author = _author_after_title(text, raw)

    chapters = _chapters(text, raw)
    paragraphs: list[Paragraph] = []
    ci = 0
    for i, (start, end, kind) in enumerate(raw):
        while ci + 1 < len(chapters) and start >= chapters[ci + 1].start:
            ci += 1
        chapter = chapters[ci].id if chapters and start >= chapters[ci].start else None
        paragraphs.append(Paragraph(id=f"p{i + 1}", start=start, end=end, chapter=chapter, kind=kind))
    return Layout(style=style, paragraphs=paragraphs, chapters=chapters, title=title, author=author)


def _author_after_title(text: str, raw: list[tuple[int, int, str]]) -> str | None:
    """``by Jane Doe`` on one line, or ``by`` alone then the name, right after the title."""
    second = text[raw[1][0]:raw[1][1]].strip()
    m = re.match(r"^(?:by|author:)\s+(\S.{0,80})$", second, re.IGNORECASE)
    if m:
        raw[1] = (raw[1][0], raw[1][1], "title")
        return m.group(1).strip()
    if second.lower() == "by" and len(raw) > 3:
        name = text[raw[2][0]:raw[2][1]].strip()
        if _looks_like_title(name):
            raw[1] = (raw[1][0], raw[1][1], "title")
            raw[2] = (raw[2][0], raw[2][1], "title")
            return name
    return None


def _chapters(text: str, raw: list[tuple[int, int, str]]) -> list[Chapter]:
    """One chapter per heading; headings with no text between them (Part Two,
    Chapter 1) make one chapter; text before the first heading is a chapter
    without a title when it holds story text."""
    starts: list[tuple[int, list[str]]] = []  # (start, heading texts)
    pending_text = False
    for start, end, kind in raw:
        if kind == "heading":
            heading = " ".join(text[start:end].split())
            if starts and not pending_text:
                starts[-1][1].append(heading)
            else:
                starts.append((start, [heading]))
            pending_text = False
        elif kind == "text":
            if not starts:
                starts.append((start, []))
            pending_text = True
    if not raw:
        return []
    end_of_text = raw[-1][1]
    chapters = []
    for i, (start, headings) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else end_of_text
        chapters.append(Chapter(id=f"ch{i + 1}", start=start, end=end,
                                title=" — ".join(headings) if headings else None))
    return chapters
