"""Which recent character a third-person pronoun in narration refers to: a learned ranker.

Each character referred to in the last ``WINDOW`` sentences whose gender agrees
with the pronoun (or is unknown) is a candidate, described by a few features
that hold in any story: how far back it was last referred to and how, whether
it was a subject, how many others of the gender came between, how often it
was referred to lately. The subject of the pronoun's own clause is no candidate
("Anna saw her"), unless the pronoun is reflexive ("Anna saw herself").
A linear score over those features, softmaxed over the candidates, picks one.
The weights are learnt from LitBank's coreference layer (CC BY 4.0) by
``scripts/train_coref_ranker.py`` and ship in ``data/coref_ranker.json``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

WINDOW = 12  # sentences a pronoun looks back for its candidates


@dataclass(slots=True)
class Entry:
    """One reference to a character in narration, as the resolver goes along."""
    character: str
    label: str | None  # the character's pronoun set, None when unknown
    sentence: int
    paragraph: int
    subject: bool
    kind: str  # PROP, NOM or PRON
    sure: bool = True  # False for a link made as a guess
    main: bool = False  # the subject of its sentence's main clause, not of a clause inside it


@dataclass(slots=True)
class Pronoun:
    """What the features need to know of the pronoun being resolved."""
    start: int  # its offset in the text
    label: str
    sentence: int
    paragraph: int
    subject: bool
    possessive: bool
    reflexive: bool
    clause_subject: str | None  # the character that is the subject of its clause, when known


def _bucket(d: int) -> str:
    return "0" if d <= 0 else "1" if d == 1 else "2" if d == 2 else "3-4" if d <= 4 else "5-8" if d <= 8 else "9+"


def candidates(recent: list[Entry], p: Pronoun) -> list[tuple[str, dict[str, float]]]:
    """``(character, features)`` for each candidate, the most recently referred to first."""
    seen: dict[str, list[Entry]] = {}
    for e in reversed(recent):
        if p.sentence - e.sentence > WINDOW:
            break
        if (e.label is not None and e.label != p.label) or (e.character == p.clause_subject and not p.reflexive):
            continue  # "Anna saw her": never the subject of the pronoun's own clause
        seen.setdefault(e.character, []).append(e)
    out = []
    same_gender_before = 0
    for rank, (character, entries) in enumerate(seen.items()):
        last = entries[0]
        d = p.sentence - last.sentence
        f: dict[str, float] = {
            "gender_known": float(last.label is not None),
            "gender_unknown": float(last.label is None),
            f"distance_{_bucket(d)}": 1.0,
            "last_subject": float(last.subject),
            "subject_here": float(any(e.subject and e.sentence == p.sentence for e in entries)),
            "subject_before": float(any(e.subject and p.sentence - e.sentence == 1 for e in entries)),
            f"rank_{min(rank, 3)}": 1.0,
            f"same_gender_rank_{min(same_gender_before, 2)}": 1.0,
            "log_references": math.log1p(len(entries)),
            "log_references_near": math.log1p(sum(p.sentence - e.sentence <= 3 for e in entries)),
            f"last_{last.kind}": 1.0,
            "same_paragraph": float(last.paragraph == p.paragraph),
            "last_guess": float(not last.sure),
            "reflexive_clause_subject": float(character == p.clause_subject and p.reflexive),
            "parallel_subject": float(p.subject and last.subject),
            "possessive_of_subject": float(p.possessive and last.subject and d <= 1),
        }
        if last.label is not None:
            same_gender_before += 1
        out.append((character, f))
    if len(out) == 1:
        out[0][1]["only_candidate"] = 1.0
    return out


class Ranker:
    """A linear scorer over candidate features."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    def probabilities(self, found: list[tuple[str, dict[str, float]]]) -> list[float]:
        scores = [sum(self.weights.get(k, 0.0) * v for k, v in f.items()) for _, f in found]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def choose(self, found: list[tuple[str, dict[str, float]]], pronoun: Pronoun) -> str:
        """The likeliest of the candidates for ``pronoun`` (there is at least one)."""
        probs = self.probabilities(found)
        return found[max(range(len(found)), key=probs.__getitem__)][0]


@lru_cache(maxsize=1)
def load_ranker() -> Ranker:
    data = json.loads(files("fabula").joinpath("data/coref_ranker.json").read_text(encoding="utf-8"))
    return Ranker(data["weights"])
