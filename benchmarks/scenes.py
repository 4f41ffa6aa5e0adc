"""Chapter recovery: scene breaks found where chapter headings were taken out.

A measurable stand-in for scene segmentation: each PDNC development novel is
laid out, its chapter headings (and title lines) are removed, the paragraphs
are joined with the same blank line everywhere, and fabula is run on the
result. A chapter boundary is recovered when a predicted scene opens within
one paragraph of the chapter's first paragraph.

    python benchmarks/scenes.py                      # all 17 novels, 2 at a time
    python benchmarks/scenes.py --cache /tmp/fabula-scenes   # keep parsed texts for reruns
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDNC = ROOT.parent / "shared" / "data" / "pdnc-dev" / "data"


def without_headings(path: Path) -> tuple[str, list[int], int]:
    """The novel's text without headings, the character offset in it where each chapter after
    the first begins, and the number of chapters. Offsets, not paragraph counts: read again,
    the flattened text may lay out a line of front matter ("(1814)", "By Jane Austen") as a
    title rather than text, and a count would then point a paragraph or two off."""
    from fabula.ingest import load_file

    source = load_file(path)
    titled = {c.id for c in source.chapters if c.title}
    parts, starts, seen = [], [], set()
    offset = 0
    for p in source.paragraphs:
        if p.kind in ("heading", "title"):
            continue
        # front matter (a byline, a dedication) before the first heading is no chapter
        if p.kind == "text" and p.chapter not in seen and p.chapter in titled:
            seen.add(p.chapter)
            if len(seen) > 1:
                starts.append(offset)
        parts.append(source.text[p.start:p.end])
        offset += len(parts[-1]) + 2
    return "\n\n".join(parts) + "\n", starts, len(seen)


def opening_paragraphs(story, offsets: list[int]) -> list[int]:
    """The index (among text paragraphs) of the paragraph each offset falls in; the reader may
    trim a paragraph's leading space, hence the slack."""
    from bisect import bisect_right

    starts = [p.start for p in story.paragraphs if p.kind == "text"]
    return [max(bisect_right(starts, off + 2) - 1, 0) for off in offsets]


def run_novel(novel: Path, work: Path, cache: Path | None) -> tuple[str, int, int, int, int]:
    from fabula.evaluate.pdnc import parse_cached
    from fabula.pipeline import run_stages
    from fabula.settings import Settings

    text, offsets, chapters = without_headings(novel / "novel_text.txt")
    flat = work / novel.name / "novel.txt"
    flat.parent.mkdir(parents=True, exist_ok=True)
    flat.write_text(text, encoding="utf-8")
    story = parse_cached(flat, Settings(), cache)
    run_stages(story, Settings())
    index = {p.id: i for i, p in enumerate(p for p in story.paragraphs if p.kind == "text")}
    gold = opening_paragraphs(story, offsets)
    predicted = [index[s.paragraphs[0]] for s in story.scenes if index[s.paragraphs[0]] > 0]
    found = sum(1 for g in gold if any(abs(g - p) <= 1 for p in predicted))
    return novel.name, len(gold), found, len(predicted), chapters


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=PDNC)
    ap.add_argument("--work", type=Path, default=Path("/tmp/fabula-scenes-work"))
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    novels = sorted(p for p in args.data.iterdir() if (p / "novel_text.txt").exists())
    if not novels:
        sys.exit(f"no PDNC novels in {args.data}")
    with ProcessPoolExecutor(args.workers) as pool:
        rows = list(pool.map(run_novel, novels, [args.work] * len(novels), [args.cache] * len(novels)))
    print(f"{'novel':32} {'bounds':>6} {'found':>6} {'recall':>7} {'breaks':>7} {'ratio':>6}")
    total = [0, 0, 0, 0]
    for name, gold, found, predicted, chapters in rows:
        print(f"{name:32} {gold:6} {found:6} {found / max(gold, 1):7.1%} {predicted:7} {predicted / max(chapters, 1):6.2f}")
        for k, v in enumerate((gold, found, predicted, chapters)):
            total[k] += v
    gold, found, predicted, chapters = total
    print(f"{'MICRO':32} {gold:6} {found:6} {found / max(gold, 1):7.1%} {predicted:7} {predicted / max(chapters, 1):6.2f}")


if __name__ == "__main__":
    main()
