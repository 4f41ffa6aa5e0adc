"""Quotation scores against PDNC: detection, speaker accuracy by quote type, addressees.

The rules are those of the shared yardstick (``score_quotes.py --tiebreak-name``),
so the numbers agree: a gold quotation is matched by the predicted quotation
that overlaps its sub-spans most (ties: the earliest); it is correct when that
quotation's speaker maps to the gold speaker. A predicted character maps to the
gold character sharing most of its names (name + aliases, lower-cased,
whitespace collapsed); a tie is broken by the predicted name, else unmapped.
Addressee accuracy, fabula's own addition: over matched gold quotations whose
addressees are known, the share whose predicted addressees include one of them.
"""

from __future__ import annotations

import ast
import csv
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from . import score_folder

TYPES = ("Explicit", "Anaphoric", "Implicit")


def norm(s) -> str:
    return " ".join(str(s).lower().split())


@dataclass
class Gold:
    names: dict[str, set[str]]  # character id -> its names
    quotes: list[dict]  # spans, speaker, addressees, type


def load_gold(novel_dir: Path) -> Gold:
    names: dict[str, set[str]] = {}
    by_main: dict[str, str] = {}
    by_alias: dict[str, str] = {}
    with open(novel_dir / "character_info.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cid = row["Character ID"].strip()
            raw = row.get("Aliases", "").strip()
            aliases = ast.literal_eval(raw) if raw and raw != "nan" else []
            names[cid] = ({norm(a) for a in aliases} | {norm(row["Main Name"])}) - {""}
            by_main[norm(row["Main Name"])] = cid
            for a in names[cid]:
                by_alias.setdefault(a, cid)
    resolve = lambda n: by_main.get(norm(n), by_alias.get(norm(n)))  # noqa: E731
    quotes = []
    with open(novel_dir / "quotation_info.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            raw = row.get("addressees", "").strip()
            addressees = ast.literal_eval(raw) if raw.startswith("[") else []
            kind = row.get("quoteType", "").strip()
            quotes.append({"spans": [(int(s), int(e)) for s, e in ast.literal_eval(row["quoteByteSpans"])],
                           "speaker": resolve(row["speaker"]),
                           "addressees": {a for a in map(resolve, addressees) if a},
                           "type": kind if kind in TYPES else "Unknown"})
    return Gold(names, quotes)


def map_characters(characters: list[dict], gold: Gold) -> dict[str, str | None]:
    out = {}
    for c in characters:
        names = {norm(n) for n in [c.get("name") or "", *(c.get("aliases") or [])]} - {""}
        counts = {gid: len(names & g) for gid, g in gold.names.items()}
        best = max(counts.values(), default=0)
        winners = [gid for gid, n in counts.items() if n == best]
        if best and len(winners) > 1:
            winners = [g for g in winners if norm(c.get("name") or "") in gold.names[g]] or winners
        out[str(c["id"])] = winners[0] if best and len(winners) == 1 else None
    return out


@dataclass
class Counts:
    n: dict = field(default_factory=lambda: dict.fromkeys(TYPES + ("Unknown",), 0))
    matched: dict = field(default_factory=lambda: dict.fromkeys(TYPES + ("Unknown",), 0))
    correct: dict = field(default_factory=lambda: dict.fromkeys(TYPES + ("Unknown",), 0))
    predicted: int = 0
    predicted_hit: int = 0
    addressed: int = 0
    addressed_correct: int = 0

    def add(self, other: "Counts") -> None:
        for k in TYPES + ("Unknown",):
            self.n[k] += other.n[k]
            self.matched[k] += other.matched[k]
            self.correct[k] += other.correct[k]
        for k in ("predicted", "predicted_hit", "addressed", "addressed_correct"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def rates(self) -> dict:
        n, m, c = (sum(d.values()) for d in (self.n, self.matched, self.correct))
        r = lambda a, b: a / b if b else None  # noqa: E731
        return {"speaker_accuracy": r(c, n), "precision": r(self.predicted_hit, self.predicted),
                "recall": r(m, n), "addressee_accuracy": r(self.addressed_correct, self.addressed),
                **{t: r(self.correct[t], self.n[t]) for t in TYPES}, "gold": n, "matched": m}


def _overlapping(starts: list[int], spans: list[tuple], s: int, e: int, longest: int):
    j = bisect_left(starts, e) - 1
    while j >= 0 and starts[j] >= s - longest:
        ps, pe = spans[j][0], spans[j][1]
        if min(e, pe) > max(s, ps):
            yield j, min(e, pe) - max(s, ps)
        j -= 1


def score_novel(novel_dir: Path, prediction: dict) -> Counts:
    gold = load_gold(novel_dir)
    mapping = map_characters(prediction.get("characters", []), gold)
    pred = sorted((int(q["start"]), int(q["end"]), q) for q in prediction.get("quotes", []))
    starts = [p[0] for p in pred]
    longest = max((e - s for s, e, _ in pred), default=0)
    counts = Counts(predicted=len(pred))
    for g in gold.quotes:
        counts.n[g["type"]] += 1
        overlap: dict[int, int] = {}
        for s, e in g["spans"]:
            for j, ov in _overlapping(starts, pred, s, e, longest):
                overlap[j] = overlap.get(j, 0) + ov
        if not overlap:
            continue
        counts.matched[g["type"]] += 1
        q = pred[max(overlap, key=lambda j: (overlap[j], -pred[j][0]))][2]
        speaker = q.get("speaker")
        if speaker is not None and g["speaker"] is not None and mapping.get(str(speaker)) == g["speaker"]:
            counts.correct[g["type"]] += 1
        if g["addressees"]:
            counts.addressed += 1
            counts.addressed_correct += bool({mapping.get(str(a)) for a in q.get("addressees", [])} & g["addressees"])
    gold_spans = sorted(sp for g in gold.quotes for sp in g["spans"])
    gold_starts = [s for s, _ in gold_spans]
    gold_longest = max((e - s for s, e in gold_spans), default=0)
    counts.predicted_hit = sum(1 for s, e, _ in pred
                               if next(_overlapping(gold_starts, gold_spans, s, e, gold_longest), None))
    return counts


def score(data_dir: Path, pred_dir: Path) -> tuple[list[tuple[str, Counts]], Counts]:
    return score_folder(data_dir, pred_dir, "quotation_info.csv", score_novel, Counts())


def table(rows: list[tuple[str, Counts]], total: Counts) -> str:
    def pct(v):
        return "     -" if v is None else f"{100 * v:6.2f}"

    head = f"{'Novel':30s} {'gold':>5s} {'P':>6s} {'R':>6s} {'Acc':>6s} {'Exp':>6s} {'Ana':>6s} {'Imp':>6s} {'Addr':>6s}"
    lines = [head, "-" * len(head)]
    for name, c in rows + [("MICRO", total)]:
        r = c.rates()
        lines.append(f"{name:30s} {r['gold']:5d} {pct(r['precision'])} {pct(r['recall'])} {pct(r['speaker_accuracy'])} "
                     + " ".join(pct(r[t]) for t in TYPES) + f" {pct(r['addressee_accuracy'])}")
    return "\n".join(lines)
