"""Stages: plain functions ``stage(story, settings) -> None`` that each fill one part of a Story.

A stage is registered with the parts of the Story it needs and the parts it
produces (as spaCy components declare ``requires`` / ``assigns``); the
pipeline checks the order before anything runs. ``default_stages`` lists
them in run order. Quotes, scenes, the network and arcs are absent from the
output until a stage computes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..errors import E, FabulaError

# What the ingest and nlp steps fill before any stage runs.
BASE_PARTS = frozenset({"text", "meta", "chapters", "paragraphs", "sentences", "tokens"})


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: Callable  # (story, settings) -> None
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def stage(*, requires: tuple[str, ...], assigns: tuple[str, ...]):
    """Declare what the decorated stage function needs and produces (as ``func.stage``)."""

    def declare(func: Callable) -> Callable:
        func.stage = Stage(func.__name__, func, tuple(requires), tuple(assigns))
        return func

    return declare


def check_order(stages: list[Stage]) -> None:
    """Raise ``E303`` if a stage needs a part that no earlier step produces."""
    available = set(BASE_PARTS)
    for s in stages:
        missing = [part for part in s.requires if part not in available]
        if missing:
            raise FabulaError(E.STAGE_ORDER, stage=s.name, missing=", ".join(missing))
        available.update(s.assigns)


def default_stages() -> list[Stage]:
    """Every stage fabula has, in run order."""
    from .cast import cast
    from .coref import coref
    from .dialogue_coref import dialogue_coref
    from .mentions import mentions
    from .arcs import arcs
    from .network import network
    from .quotes import quotes
    from .scenes import scenes
    from .speakers import speakers

    return [quotes.stage, mentions.stage, cast.stage, coref.stage, speakers.stage, dialogue_coref.stage,
            scenes.stage, network.stage, arcs.stage]
