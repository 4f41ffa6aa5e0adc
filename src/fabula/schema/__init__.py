"""The JSON Schema of fabula's output, ``fabula/1``."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) every ``fabula/1`` file follows."""
    return json.loads(files("fabula").joinpath("schema/fabula-1.schema.json").read_text(encoding="utf-8"))
