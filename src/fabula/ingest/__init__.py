"""Files to ``Source``: one module per format, the format told from the content."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import E, FabulaError
from .decode import decode, sniff_format
from .plaintext import read_plaintext
from .source import Source

__all__ = ["Source", "load_file", "load_text"]


def load_file(path: str | os.PathLike, *, repair_text: bool = True) -> Source:
    """Read a story file into a ``Source``; every failure is a coded ``FabulaError``."""
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
    fmt = sniff_format(data, name)
    if fmt != "text":
        raise FabulaError(E.UNSUPPORTED_FORMAT, path=name, what=fmt.upper())
    decoded, encoding = decode(data, name)
    return read_plaintext(decoded, encoding=encoding, path=name, repair_text=repair_text)


def load_text(text: str, *, repair_text: bool = True) -> Source:
    """A ``Source`` from text already in memory."""
    if not text.strip():
        raise FabulaError(E.EMPTY_TEXT)
    return read_plaintext(text, encoding=None, path=None, repair_text=repair_text)
