"""``read``: a file or a text to an analysed ``Story``: ingest, nlp, stages."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from . import ingest
from .nlp import Progress, annotate_parallel
from .model import STAGE_PARTS, Story
from .settings import Settings
from .stages import Stage, check_order, default_stages

log = logging.getLogger(__name__)

_FILE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".epub")


def _is_path(source: str | os.PathLike) -> bool:
    """A ``Path`` is a path; a string is one when it is a single short line
    that names an existing file or ends like a story file's name."""
    if isinstance(source, os.PathLike):
        return True
    if "\n" in source or len(source) > 1024:
        return False
    return os.path.exists(source) or source.lower().endswith(_FILE_SUFFIXES)


def read(
    source: str | os.PathLike,
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    stages: list[Stage] | None = None,
    **overrides: Any,
) -> Story:
    """Analyse a story given as a path or as its text.

    ``overrides`` are :class:`Settings` fields (``spacy_model=...``). Raises
    :class:`fabula.FabulaError` for every problem with the input.
    """
    settings = Settings.make(settings, **overrides)
    stages = default_stages() if stages is None else stages
    check_order(stages)
    story = parse(source, settings, progress)
    run_stages(story, settings, stages, progress)
    return story


def parse(source: str | os.PathLike, settings: Settings, progress: Progress | None = None) -> Story:
    """Ingest and the nlp step only: a Story with text, layout, sentences and tokens."""
    if _is_path(source):
        src = ingest.load_file(Path(source), repair_text=settings.repair_text, max_chars=settings.max_chars)
    else:
        src = ingest.load_text(str(source), repair_text=settings.repair_text, max_chars=settings.max_chars)
    return annotate_parallel(src, settings.spacy_model, settings.fast_matmul, workers=settings.workers,
                             batch_size=settings.batch_size, max_piece=settings.max_paragraph_chars,
                             progress=progress)


def run_stages(story: Story, settings: Settings, stages: list[Stage] | None = None,
               progress: Progress | None = None) -> None:
    """Run ``stages`` (default: all registered, in order) over a parsed Story."""
    stages = default_stages() if stages is None else stages
    check_order(stages)
    for s in stages:
        log.info("stage %s", s.name)
        s.run(story, settings)
        for part in s.assigns:
            part = part.split(".")[0]
            if part in STAGE_PARTS and part not in story.produced:
                story.produced.append(part)
        if progress:
            progress(s.name, 1, 1)
