"""Small word lists fabula's rules use, each written for the project and kept as data."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    text = files("fabula").joinpath(f"lexicon/{name}.txt").read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The lower-cased, comma-separated words of ``lexicon/<name>.txt`` (``#`` starts a comment),
    each with a straight apostrophe also with a curly one ("ma'am", "ma’am")."""
    listed = {w.strip().lower() for line in _lines(name) for w in line.split(",") if w.strip()}
    return frozenset(listed | {w.replace("'", "’") for w in listed if "'" in w})


@lru_cache(maxsize=None)
def labelled(name: str) -> dict[str, str]:
    """word -> label for a list written as ``label: word, word`` lines."""
    out: dict[str, str] = {}
    for line in _lines(name):
        label, _, rest = line.partition(":")
        for w in rest.split(","):
            if w.strip():
                out[w.strip().lower()] = label.strip()
    return out
