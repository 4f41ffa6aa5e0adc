"""Stages: plain functions ``stage(story, settings) -> None`` that each fill one part of a Story.

A stage is registered with the parts of the Story it needs and the parts it
produces (as spaCy components declare ``requires`` / ``assigns``); the
pipeline checks the order before anything runs. No stage is registered yet:
characters, quotes, scenes, the network and arcs are absent from the output
until the stage that computes them lands.
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


REGISTRY: list[Stage] = []


def stage(*, requires: tuple[str, ...], assigns: tuple[str, ...]):
    """Register the decorated function as the next stage of the default pipeline."""

    def register(func: Callable) -> Callable:
        REGISTRY.append(Stage(func.__name__, func, tuple(requires), tuple(assigns)))
        return func

    return register


def check_order(stages: list[Stage]) -> None:
    """Raise ``E303`` if a stage needs a part that no earlier step produces."""
    available = set(BASE_PARTS)
    for s in stages:
        missing = [part for part in s.requires if part not in available]
        if missing:
            raise FabulaError(E.STAGE_ORDER, stage=s.name, missing=", ".join(missing))
        available.update(s.assigns)
