"""Cast scores against PDNC, by the shared yardstick's rules (``score_cast.py``).

Gold cast: PDNC characters of category major or intermediate. Found: gold cast
members some predicted character maps to; split: those two or more map to.
Precision: predicted characters with at least 5 mentions that map to any PDNC
character. Gender accuracy (fabula's addition): over predicted characters that
map to a gold character annotated M or F, the share whose pronoun set agrees.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from . import score_folder

from .quotes import load_gold, map_characters

MIN_MENTIONS = 5
GENDER = {"he/him": "M", "she/her": "F"}


@dataclass
class CastCounts:
    cast: int = 0
    found: int = 0
    split: int = 0
    frequent: int = 0
    frequent_mapped: int = 0
    gendered: int = 0
    gender_correct: int = 0

    def add(self, other: "CastCounts") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def rates(self) -> dict:
        r = lambda a, b: a / b if b else None  # noqa: E731
        return {"recall": r(self.found, self.cast), "split_rate": r(self.split, self.cast),
                "precision": r(self.frequent_mapped, self.frequent),
                "gender_accuracy": r(self.gender_correct, self.gendered)}


def score_novel(novel_dir: Path, prediction: dict) -> CastCounts:
    gold = load_gold(novel_dir)
    with open(novel_dir / "character_info.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cast = {r["Character ID"].strip() for r in rows if r.get("Category", "").strip() in ("major", "intermediate")}
    genders = {r["Character ID"].strip(): r.get("Gender", "").strip() for r in rows}
    characters = prediction.get("characters", [])
    mapping = map_characters(characters, gold)
    hits: dict[str, int] = {}
    out = CastCounts(cast=len(cast))
    for c in characters:
        g = mapping[str(c["id"])]
        if g is not None:
            hits[g] = hits.get(g, 0) + 1
            if genders.get(g) in ("M", "F"):
                out.gendered += 1
                out.gender_correct += GENDER.get(c.get("gender") or "") == genders[g]
        if int(c.get("mentions", 10**9)) >= MIN_MENTIONS:
            out.frequent += 1
            out.frequent_mapped += g is not None
    out.found = sum(1 for g in cast if hits.get(g))
    out.split = sum(1 for g in cast if hits.get(g, 0) >= 2)
    return out


def score(data_dir: Path, pred_dir: Path) -> tuple[list[tuple[str, CastCounts]], CastCounts]:
    return score_folder(data_dir, pred_dir, "character_info.csv", score_novel, CastCounts())
