"""Corpus throughput: works/s and words/s with 1 and 2 local workers and through Dask.

    python benchmarks/corpus.py                 # the 100 LitBank full novels (about 11M words: hours here)
    python benchmarks/corpus.py --smallest 12   # the 12 shortest novels

Each configuration writes into a fresh folder, so nothing is skipped; the peak memory is each
worker process's own.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LITBANK = ROOT.parent / "shared" / "data" / "litbank" / "original"


def main() -> None:
    from fabula.corpus import run_corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=LITBANK)
    ap.add_argument("--smallest", type=int, default=0, help="only the N shortest novels (0: all)")
    ap.add_argument("--configs", default="local:1,local:2,dask:2")
    args = ap.parse_args()
    novels = sorted(args.data.glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))
    if args.smallest:
        novels = novels[:args.smallest]
    print(f"{len(novels)} works, {sum(len(p.read_text(encoding='utf-8').split()) for p in novels):,} words")
    base = None
    for config in args.configs.split(","):
        kind, workers = config.split(":")
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            summary = run_corpus(novels, out, workers=int(workers), dask="local" if kind == "dask" else None)
            seconds = time.perf_counter() - t0
        peaks: dict[int, float] = {}
        for r in summary.results:
            peaks[r.worker] = max(peaks.get(r.worker, 0.0), r.peak_mb)
        base = base or seconds
        print(f"{kind} x{workers}: {seconds:7.1f} s, {summary.done / seconds:.3f} works/s, "
              f"{summary.words / seconds:,.0f} words/s, speed-up {base / seconds:.2f}, "
              f"peak per worker {max(peaks.values(), default=0):.0f} MB, failed {summary.failed}")


if __name__ == "__main__":
    main()
