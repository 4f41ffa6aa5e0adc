"""Writing a file so that no reader ever sees half of it."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import E, FabulaError


def write_atomic(path: str | os.PathLike, content: str | bytes) -> Path:
    """Write ``content`` (text as UTF-8) to ``path`` through a hidden temporary file renamed into
    place, making the folder if needed; every failure is E401. Returns the path."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            tmp.write_text(content, encoding="utf-8")
        else:
            tmp.write_bytes(content)
        os.replace(tmp, target)
    except OSError as exc:
        raise FabulaError(E.CANNOT_WRITE, path=str(target), reason=exc.strerror or str(exc)) from exc
    return target
