"""Which files a corpus run reads: files, folders (recursive, with include and exclude globs)
and ``@LIST`` files naming one path per line."""

from __future__ import annotations

import fnmatch
from pathlib import Path

from ..errors import E, FabulaError

DEFAULT_INCLUDE = ("*.txt", "*.text", "*.html", "*.htm", "*.xhtml", "*.epub")


def expand_inputs(inputs: list[str | Path], include: tuple[str, ...] = DEFAULT_INCLUDE,
                  exclude: tuple[str, ...] = ()) -> list[Path]:
    """Every story file the inputs name, each once, in a stable order. A file named directly is
    always taken; files found in folders must match ``include`` and not ``exclude`` (globs on
    the file name or on the path below the folder)."""
    found: dict[Path, None] = {}
    for item in inputs:
        text = str(item)
        if text.startswith("@"):
            listing = Path(text[1:])
            if not listing.is_file():
                raise FabulaError(E.FILE_NOT_FOUND, path=str(listing))
            base = listing.parent
            for line in listing.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    path = Path(line) if Path(line).is_absolute() else base / line
                    found.setdefault(path, None)
            continue
        path = Path(text)
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = f.relative_to(path).as_posix()
                if _matches(f.name, rel, include) and not _matches(f.name, rel, exclude):
                    found.setdefault(f, None)
        else:
            found.setdefault(path, None)  # a missing file is reported as that work's error
    return list(found)


def _matches(name: str, rel: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)
