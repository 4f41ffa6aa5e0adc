"""The ``fabula/1`` JSON file: the whole Story, as the scorers in ``shared/tools`` read it."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import E, FabulaError
from ..model import Story
from .atomic import write_atomic


def write_json(story: Story, path: str | os.PathLike, *, indent: int | None = None) -> Path:
    """Write ``story`` as UTF-8 JSON to ``path`` atomically; returns the path."""
    return write_atomic(path, story.to_json(indent=indent) + "\n")


def load_json(path: str | os.PathLike) -> Story:
    """A ``Story`` back from a ``fabula/1`` JSON file that fabula wrote."""
    import json

    from ..model import story_from_dict

    target = Path(path)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        return story_from_dict(data)
    except FileNotFoundError:
        raise FabulaError(E.FILE_NOT_FOUND, path=str(target)) from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise FabulaError(E.NOT_FABULA_JSON, path=str(target), reason=str(exc)[:200]) from None
