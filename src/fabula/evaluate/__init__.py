"""Scoring fabula against annotated corpora (the data itself lives outside the project)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, TypeVar

C = TypeVar("C")


def score_folder(data_dir: Path, pred_dir: Path, needs: str, score_novel: Callable[[Path, dict], C],
                 total: C) -> tuple[list[tuple[str, C]], C]:
    """Score ``pred_dir/<Novel>.json`` for every novel folder of ``data_dir`` holding ``needs``;
    per-novel counts, and their sum added into ``total``."""
    rows = []
    for novel in sorted(p for p in Path(data_dir).iterdir() if (p / needs).exists()):
        path = Path(pred_dir) / f"{novel.name}.json"
        if path.exists():
            counts = score_novel(novel, json.loads(path.read_text(encoding="utf-8")))
            rows.append((novel.name, counts))
            total.add(counts)
    return rows, total
