"""Small word lists fabula's rules use, each written for the project and kept as data."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The lower-cased words of ``lexicon/<name>.txt`` (``#`` starts a comment)."""
    text = files("fabula").joinpath(f"lexicon/{name}.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.update(w for w in line.split(",") if w.strip() for w in [w.strip()])
    return frozenset(out)
