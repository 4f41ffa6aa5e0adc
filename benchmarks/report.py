"""The report for a 200,000-word novel: its size, and how long headless Chromium takes to open it.

    python benchmarks/report.py                      # the LitBank full text nearest 200,000 words
    python benchmarks/report.py --novel PATH

The time is from navigation to the page's script having run (``html[data-ready]``), the median of
five loads in a fresh page each.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LITBANK = ROOT.parent / "shared" / "data" / "litbank" / "original"


def main() -> None:
    import fabula
    from fabula.report import write_report

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--novel", type=Path)
    ap.add_argument("--words", type=int, default=200_000)
    args = ap.parse_args()
    novel = args.novel or min(LITBANK.glob("*.txt"),
                              key=lambda p: abs(len(p.read_text(encoding="utf-8").split()) - args.words))
    t0 = time.perf_counter()
    story = fabula.read(novel)
    analysed = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        path = write_report(story, Path(tmp) / "report.html")
        rendered = time.perf_counter() - t0
        size = path.stat().st_size
        from playwright.sync_api import sync_playwright

        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        loads = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            for _ in range(5):
                page = browser.new_page()
                t0 = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_selector("html[data-ready=true]", state="attached")
                loads.append(time.perf_counter() - t0)
                page.close()
            browser.close()
    print(f"{novel.name}: {story.word_count:,} words, {len(story.characters)} characters, {len(story.quotes)} quotations")
    print(f"analysed in {analysed:.1f} s; report written in {rendered:.2f} s; {size / 2**20:.1f} MB; "
          f"opens in {statistics.median(loads):.2f} s (median of 5; {min(loads):.2f}-{max(loads):.2f} s)")


if __name__ == "__main__":
    main()
