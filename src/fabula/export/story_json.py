"""The ``fabula/1`` JSON file: the whole Story, as the scorers in ``shared/tools`` read it."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import E, FabulaError
from ..model import Story


def write_json(story: Story, path: str | os.PathLike, *, indent: int | None = None) -> Path:
    """Write ``story`` as UTF-8 JSON to ``path`` atomically; returns the path."""
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(story.to_json(indent=indent) + "\n", encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        raise FabulaError(E.CANNOT_WRITE, path=str(target), reason=exc.strerror or str(exc)) from exc
    return target
