"""Files to ``Source``: one module per format, the format told from the content."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import E, FabulaError
from .decode import decode, sniff_format
from .epub import read_epub
from .html import read_html
from .plaintext import read_plaintext
from .source import Source

DEFAULT_MAX_CHARS = 20_000_000
# Markup and compression make a file bigger than its text; past this many bytes per
# allowed character a file is refused before it is parsed, so time and memory stay bounded.
_BYTES_PER_CHAR = 8
_LICENCE_SLACK = 100_000  # a Project Gutenberg licence, cut off after the check

__all__ = ["Source", "load_file", "load_text"]


def load_file(path: str | os.PathLike, *, repair_text: bool = True, max_chars: int = DEFAULT_MAX_CHARS) -> Source:
    """Read a story file (plain text, HTML, EPUB) into a ``Source``; every failure is a coded
    ``FabulaError``."""
    p = Path(path)
    name = str(path)
    if p.is_dir():
        raise FabulaError(E.IS_DIRECTORY, path=name)
    if not p.exists():
        raise FabulaError(E.FILE_NOT_FOUND, path=name)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise FabulaError(E.UNREADABLE, path=name, reason=exc.strerror or str(exc)) from exc
    if len(data) > _BYTES_PER_CHAR * max_chars:
        raise FabulaError(E.TOO_LARGE, path=name, what="the file", size=len(data), unit="bytes",
                         limit=_BYTES_PER_CHAR * max_chars)
    claims_epub = p.suffix.lower() == ".epub"
    try:
        fmt = sniff_format(data, name)
    except FabulaError as exc:
        if claims_epub and exc.code == "E103":
            raise FabulaError(E.BAD_EPUB, path=name, reason=f"the name says EPUB but it is {exc.details['what']}") from None
        raise
    if claims_epub and fmt != "epub":
        raise FabulaError(E.BAD_EPUB, path=name, reason="the name says EPUB but it is not a zip archive")
    if fmt == "epub":
        source = read_epub(data, path=name, repair_text=repair_text, max_chars=max_chars)
    else:
        decoded, encoding = decode(data, name)
        if fmt == "html":
            source = read_html(decoded, path=name, encoding=encoding, repair_text=repair_text, max_chars=max_chars)
        else:
            if len(decoded) > max_chars + _LICENCE_SLACK:  # refused before the slow repair pass
                raise FabulaError(E.TOO_LARGE, path=name, what="the text", size=len(decoded), unit="characters",
                                  limit=max_chars)
            source = read_plaintext(decoded, encoding=encoding, path=name, repair_text=repair_text)
    return _checked(source, name, fmt, max_chars)


def load_text(text: str, *, repair_text: bool = True, max_chars: int = DEFAULT_MAX_CHARS) -> Source:
    """A ``Source`` from text already in memory: plain text, or HTML when it looks like HTML."""
    if not text.strip():
        raise FabulaError(E.EMPTY_TEXT)
    if len(text) > _BYTES_PER_CHAR * max_chars:
        raise FabulaError(E.TOO_LARGE, path="<text>", what="the text", size=len(text), unit="characters",
                         limit=_BYTES_PER_CHAR * max_chars)
    head = text[:1024].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in text[:4096].lower():
        source = read_html(text, path=None, encoding=None, repair_text=repair_text, max_chars=max_chars)
        return _checked(source, "<text>", "html", max_chars)
    return _checked(read_plaintext(text, encoding=None, path=None, repair_text=repair_text), "<text>", "text", max_chars)


def _checked(source: Source, name: str, fmt: str, max_chars: int) -> Source:
    if not any(p.kind == "text" for p in source.paragraphs):
        raise FabulaError(E.NO_STORY_TEXT, path=name, what={"epub": "EPUB", "html": "HTML file"}.get(fmt, "file"))
    if len(source.text) > max_chars:
        raise FabulaError(E.TOO_LARGE, path=name, what="the story text", size=len(source.text), unit="characters",
                         limit=max_chars)
    return source
