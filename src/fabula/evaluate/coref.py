"""Coreference scores against LitBank: is each mention of a named person linked to the right character?

The rules are those of the shared yardstick (``score_coref.py``): gold entities are
LitBank chains of PER mentions with at least one proper name; a predicted character
maps to the entity sharing most of its names (ties broken by the predicted name); a gold
mention is correct when the predicted mention overlapping it most (ties: the shorter,
then the earlier) belongs to a character mapped to its entity. One difference: where
two predicted mentions tie exactly, the shared script compares character ids with
None and fails; here the earlier one wins.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path


KINDS = ("PROP", "NOM", "PRON")


def norm(s) -> str:
    return re.sub(r"\s+'s\b", "'s", " ".join(str(s).lower().split()))


def load_gold(coref_dir: Path, stem: str) -> dict[str, dict]:
    """The named entities: those with a proper name among their mentions."""
    return {k: v for k, v in load_entities(coref_dir, stem).items() if v["names"]}


def load_entities(coref_dir: Path, stem: str) -> dict[str, dict]:
    """Every chain of PER mentions: ``{"names": proper names, "mentions": [...]}``."""
    spans: dict[str, tuple[int, int, str]] = {}
    for line in (coref_dir / "brat" / f"{stem}.ann").read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, text = line.split("\t")
            _, start, end = info.split(" ")[:3]
            spans[tid] = (int(start), int(end), text)
    mentions, chain = {}, {}
    for line in (coref_dir / "tsv" / f"{stem}.ann").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0] == "MENTION" and parts[1] in spans:
            mentions[parts[1]] = {"cat": parts[7], "kind": parts[8], "span": spans[parts[1]]}
        elif parts[0] == "COREF":
            chain[parts[1]] = parts[2]
    entities: dict[str, dict] = {}
    for tid, m in mentions.items():
        if m["cat"] == "PER" and tid in chain:
            ent = entities.setdefault(chain[tid], {"names": set(), "mentions": []})
            ent["mentions"].append(m)
            if m["kind"] == "PROP":
                ent["names"].add(norm(m["span"][2]))
    return entities


@dataclass
class CorefCounts:
    n: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    correct: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def add(self, other: "CorefCounts") -> None:
        for k in KINDS:
            self.n[k] += other.n[k]
            self.correct[k] += other.correct[k]

    def rates(self) -> dict:
        n, c = sum(self.n.values()), sum(self.correct.values())
        return {"accuracy": c / n if n else None, "mentions": n,
                **{k: self.correct[k] / self.n[k] if self.n[k] else None for k in KINDS}}


def map_characters(characters: list[dict], entities: dict[str, dict]) -> dict[str, str | None]:
    """Predicted character id -> the gold entity sharing most of its names (None: no single one)."""
    mapping = {}
    for c in characters:
        names = {norm(n) for n in [c.get("name") or "", *(c.get("aliases") or [])]} - {""}
        counts = {e: len(names & v["names"]) for e, v in entities.items()}
        best = max(counts.values(), default=0)
        winners = [e for e, n in counts.items() if n == best]
        if best and len(winners) > 1:
            winners = [e for e in winners if norm(c.get("name") or "") in entities[e]["names"]] or winners
        mapping[str(c["id"])] = winners[0] if best and len(winners) == 1 else None
    return mapping


def score_file(coref_dir: Path, stem: str, prediction: dict) -> CorefCounts:
    entities = load_gold(coref_dir, stem)
    mapping = map_characters(prediction.get("characters", []), entities)
    predicted = [(int(m["start"]), int(m["end"]), m.get("character")) for m in prediction.get("mentions", [])]
    out = CorefCounts()
    for eid, ent in entities.items():
        for m in ent["mentions"]:
            s, e, _ = m["span"]
            kind = m["kind"] if m["kind"] in KINDS else "NOM"
            out.n[kind] += 1
            overlapping = [(min(e, pe) - max(s, ps), -(pe - ps), -ps, ch) for ps, pe, ch in predicted if ps < e and pe > s]
            if overlapping:
                character = max(overlapping, key=lambda x: x[:3])[3]
                out.correct[kind] += character is not None and mapping.get(str(character)) == eid
    return out


def score(coref_dir: Path, pred_dir: Path, held_out: bool | None = None):
    """Scores for the LitBank files with predictions; ``held_out``: only every fifth file
    (sorted by name: 0, 5, 10, …), only the others, or all (None)."""
    stems = sorted(p.stem for p in (Path(coref_dir) / "brat").glob("*.txt"))
    chosen = {s for i, s in enumerate(stems) if held_out is None or (i % 5 == 0) == held_out}
    rows, total = [], CorefCounts()
    for stem in stems:
        path = Path(pred_dir) / f"{stem}.json"
        if stem in chosen and path.exists():
            counts = score_file(Path(coref_dir), stem, json.loads(path.read_text(encoding="utf-8")))
            rows.append((stem, counts))
            total.add(counts)
    return rows, total

