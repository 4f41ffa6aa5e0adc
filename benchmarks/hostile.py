"""Time and peak memory of reading hostile or oversized files (ingest only, no spaCy).

Each case runs in a fresh child process, so its peak memory (max RSS) is its own.

    python benchmarks/hostile.py            # the 50 MB one-line HTML and the other cases
    python benchmarks/hostile.py --mb 10    # a smaller one-line HTML
    python benchmarks/hostile.py --max-chars 60000000   # read the 50 MB page instead of refusing it
    python benchmarks/hostile.py --crafted  # the whole pipeline on each file of tests/hostile/craft.py
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

PARAGRAPH = '<p>"It is late," said Anna, and she looked at the <i>sea</i> for a long time &amp; said nothing.</p>'


def make_cases(folder: Path, mb: int) -> dict[str, Path]:
    cases = {}
    one_line = folder / "one-line.html"
    n = mb * 2**20 // len(PARAGRAPH)
    one_line.write_text("<html><body>" + PARAGRAPH * n + "</body></html>", encoding="utf-8")
    cases[f"{mb} MB HTML on one line"] = one_line
    tags_only = folder / "tags-only.html"
    tags_only.write_text("<html><body>" + "<div><span></span></div>" * (mb * 2**20 // 24) + "</body></html>",
                         encoding="utf-8")
    cases[f"{mb} MB of empty tags on one line"] = tags_only
    deep = folder / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 1_000_000 + "<p>Anna said so.</p>" + "</body></html>",
                    encoding="utf-8")
    cases["1,000,000 nested <div> never closed"] = deep
    unclosed = folder / "unclosed.html"
    unclosed.write_text("<html><body><p>" + "<b>x " * 500_000 + "</i>" * 500_000, encoding="utf-8")
    cases["500,000 unclosed tags, 500,000 stray end tags"] = unclosed
    bomb = folder / "zip-bomb.epub"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", '<container><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>')
        z.writestr("c.opf", '<package><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>'
                            '</manifest><spine><itemref idref="a"/></spine></package>')
        with z.open("a.xhtml", "w", force_zip64=True) as f:  # 1 GiB unpacked, written in pieces
            f.write(b"<html><body><p>")
            block = b"a" * (1 << 20)
            for _ in range(1024):
                f.write(block)
            f.write(b"</p></body></html>")
    cases["EPUB whose chapter unpacks to 1 GiB"] = bomb
    return cases


def child(path: str, max_chars: int, whole: bool = False) -> dict:
    from fabula import FabulaError, read
    from fabula.ingest import load_file

    if whole:
        from fabula.nlp import load_pipeline
        from fabula.settings import Settings

        load_pipeline(Settings().spacy_model)  # loading the pipeline is not the file's cost
    t0 = time.perf_counter()
    try:
        if whole:
            story = read(Path(path), max_chars=max_chars)
            source = story
        else:
            source = load_file(path, max_chars=max_chars)
        outcome = f"read: {len(source.text):,} characters, {len(source.paragraphs):,} paragraphs"
    except FabulaError as exc:
        outcome = f"{exc.code}: {exc.message}"
    seconds = time.perf_counter() - t0
    return {"seconds": round(seconds, 2), "peak_mb": round(_peak_mb()), "outcome": outcome}


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM, unlike ru_maxrss, is not inherited from the
    parent across exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=50, help="size of the one-line HTML cases in MB")
    ap.add_argument("--max-chars", type=int, default=20_000_000, help="the max_chars setting (default fabula's)")
    ap.add_argument("--crafted", action="store_true", help="run the whole pipeline on tests/hostile/craft.py's files")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--whole", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.max_chars, args.whole)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        cases = crafted(Path(tmp)) if args.crafted else make_cases(Path(tmp), args.mb)
        worst = [0.0, 0.0]
        for name, path in cases.items():
            size = path.stat().st_size / 2**20
            command = [sys.executable, __file__, "--child", str(path), "--max-chars", str(args.max_chars)]
            out = subprocess.run(command + (["--whole"] if args.crafted else []), capture_output=True, text=True,
                                 check=False)
            if out.returncode:
                print(f"{name}: child failed\n{out.stderr[-2000:]}")
                continue
            r = json.loads(out.stdout)
            worst = [max(worst[0], r["seconds"]), max(worst[1], r["peak_mb"])]
            print(f"{name} ({size:.1f} MB file): {r['seconds']} s, peak {r['peak_mb']} MB; {r['outcome']}")
        print(f"slowest {worst[0]} s, largest peak {worst[1]} MB")


def crafted(folder: Path) -> dict[str, Path]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "hostile"))
    from craft import FILES, make

    out = {}
    for name in sorted(FILES):
        path = folder / name
        path.write_bytes(make(name))
        out[name] = path
    return out


if __name__ == "__main__":
    main()
