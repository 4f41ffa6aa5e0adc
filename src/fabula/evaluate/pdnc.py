"""Run fabula over PDNC novels and write one prediction file per novel.

The files are fabula's own JSON, which ``shared/tools/score_quotes.py`` and
``score_cast.py`` read. Parsing (ingest + spaCy) dominates the time and does
not change while stages are developed, so parsed stories can be cached.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..export import write_json
from ..model import Story
from ..pipeline import parse, run_stages
from ..settings import Settings

log = logging.getLogger(__name__)
CACHE_VERSION = "4"
PARSED_PARTS = ("text", "meta", "chapters", "paragraphs", "sentences", "tokens", "offset_map")


def novels(data_dir: Path) -> list[Path]:
    return sorted(p for p in Path(data_dir).iterdir() if (p / "novel_text.txt").exists())


def parse_cached(path: Path, settings: Settings, cache: Path | None):
    """``parse(path)``, kept in ``cache`` (when given) under a key of the file's bytes and the settings."""
    if cache is None:
        return parse(path, settings)
    # only what changes the parse: speed settings (workers, fast_matmul) give the same result
    parse_settings = (settings.spacy_model, settings.repair_text, settings.max_chars, settings.max_paragraph_chars)
    key = hashlib.sha256(path.read_bytes() + repr((parse_settings, CACHE_VERSION)).encode()).hexdigest()[:16]
    cached = cache / f"{path.parent.name}-{path.stem}-{key}.pickle"
    if cached.exists():
        return Story(**pickle.loads(cached.read_bytes()))
    story = parse(path, settings)
    cache.mkdir(parents=True, exist_ok=True)
    # only what parsing made, so the cache outlives new Story fields
    parsed = {name: getattr(story, name) for name in PARSED_PARTS}
    cached.write_bytes(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
    return story


def predict_novel(novel_dir: Path, out_dir: Path, settings: Settings, cache: Path | None) -> Path:
    story = parse_cached(novel_dir / "novel_text.txt", settings, cache)
    run_stages(story, settings)
    return write_json(story, Path(out_dir) / f"{novel_dir.name}.json")


def predict(data_dir: Path, out_dir: Path, *, settings: Settings | None = None,
            workers: int = 1, cache: Path | None = None) -> list[Path]:
    """Write ``out_dir/<Novel>.json`` for every novel folder in ``data_dir``."""
    settings = settings or Settings()
    dirs = novels(data_dir)
    if workers <= 1:
        return [predict_novel(d, out_dir, settings, cache) for d in dirs]
    with ProcessPoolExecutor(workers) as pool:
        futures = [pool.submit(predict_novel, d, out_dir, settings, cache) for d in dirs]
        return [f.result() for f in futures]


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m fabula.evaluate.pdnc", description=predict.__doc__)
    ap.add_argument("data_dir", type=Path, help="a folder of PDNC novel folders (each with novel_text.txt)")
    ap.add_argument("out_dir", type=Path, help="where to write <Novel>.json")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--cache", type=Path, help="a folder to keep parsed novels in between runs")
    args = ap.parse_args(argv)
    for path in predict(args.data_dir, args.out_dir, workers=args.workers, cache=args.cache):
        print(path)


if __name__ == "__main__":
    main()
