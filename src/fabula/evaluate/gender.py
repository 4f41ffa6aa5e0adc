"""Gender accuracy against PDNC's character lists (M/F annotations).

Each predicted character is mapped to the PDNC character whose name set
shares the most names with its name and aliases (as the shared scorers map
them); a tie maps nowhere. Accuracy is over mapped characters whose gold
gender is M or F: "he/him" must meet M, "she/her" F; no gender counts wrong.
"""

from __future__ import annotations

import ast
import csv
import json
from pathlib import Path

SET_TO_GOLD = {"he/him": "M", "she/her": "F"}


def _norm(s: str) -> str:
    return " ".join(str(s).lower().split())


def gold_characters(novel_dir: Path) -> dict[str, tuple[set[str], str]]:
    out = {}
    with open(novel_dir / "character_info.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            raw = row.get("Aliases", "").strip()
            aliases = ast.literal_eval(raw) if raw and raw != "nan" else []
            names = {_norm(a) for a in aliases} | {_norm(row["Main Name"])}
            out[row["Character ID"].strip()] = (names - {""}, row.get("Gender", "").strip())
    return out


def score(data_dir: Path, pred_dir: Path) -> dict:
    rows = {}
    for novel in sorted(p for p in Path(data_dir).iterdir() if (p / "character_info.csv").exists()):
        pred_path = Path(pred_dir) / f"{novel.name}.json"
        if not pred_path.exists():
            continue
        gold = gold_characters(novel)
        n = correct = 0
        for c in json.loads(pred_path.read_text(encoding="utf-8")).get("characters", []):
            names = {_norm(x) for x in [c.get("name", "")] + list(c.get("aliases", []))} - {""}
            counts = {gid: len(names & g[0]) for gid, g in gold.items()}
            best = max(counts.values(), default=0)
            winners = [gid for gid, k in counts.items() if k == best]
            if best == 0 or len(winners) != 1 or gold[winners[0]][1] not in ("M", "F"):
                continue
            n += 1
            correct += SET_TO_GOLD.get(c.get("gender") or "") == gold[winners[0]][1]
        rows[novel.name] = {"characters": n, "correct": correct}
    total = sum(r["characters"] for r in rows.values())
    right = sum(r["correct"] for r in rows.values())
    return {"per_novel": rows, "characters": total, "correct": right, "accuracy": right / total if total else None}


if __name__ == "__main__":
    import sys

    print(json.dumps(score(Path(sys.argv[1]), Path(sys.argv[2])), indent=1))
