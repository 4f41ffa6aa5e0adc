"""Quotations on LitBank's quotation layer: how much of the quoted speech fabula finds, and who says it.

LitBank's texts are laid out one tokenised sentence per line, with no blank lines, so a speech
of several sentences runs over several lines: a harder test of detection than PDNC's novels.
Each file in ``coref/brat`` is read as it is; LitBank's ``quotations/tsv/<stem>.ann`` marks each
quotation by (line, token) spans. Counted per token, leaving out the quotation marks themselves:

    recall    = quoted tokens that fall inside a quotation fabula found / quoted tokens
    precision = tokens inside fabula's quotations that are quoted in LitBank / those tokens

Speakers: LitBank's ``ATTRIB`` rows give each quotation's speaker as a coreference entity. Over
the quotations said by a named entity (one with a proper name in the coreference layer) or by
the first-person narrator (the entity of ten or more "I"s outside quotations), a speaker is
right when fabula's quotation overlapping it most is said by a character that maps to that
entity: by names, as ``fabula eval litbank`` maps them, and the narrator to the narrator.

    python benchmarks/litbank_quotes.py                     # all 100 files
    python benchmarks/litbank_quotes.py --files training    # leave out every fifth (held-out) file
"""

from __future__ import annotations

import argparse
import sys
from bisect import bisect_right
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LITBANK = ROOT.parent / "shared" / "data" / "litbank"
MARKS = {'"', "“", "”", "'", "‘", "’"}


def token_starts(text: str) -> list[list[tuple[int, int]]]:
    """Per line, the (start, end) of each space-separated token."""
    out, pos = [], 0
    for line in text.split("\n"):
        tokens, j = [], 0
        for tok in line.split(" "):
            tokens.append((pos + j, pos + j + len(tok)))
            j += len(tok) + 1
        out.append(tokens)
        pos += len(line) + 1
    return out


def gold_quoted(ann: Path, text: str, lines: list[list[tuple[int, int]]]) -> set[int]:
    """Starts of the tokens LitBank marks as quoted."""
    out = set()
    for row in ann.read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if parts[0] != "QUOTE":
            continue
        l1, t1, l2, t2 = map(int, parts[2:6])
        for line in range(l1, l2 + 1):
            lo, hi = (t1 if line == l1 else 0), (t2 if line == l2 else len(lines[line]))
            for s, e in lines[line][lo:hi]:
                if text[s:e] not in MARKS:
                    out.add(s)
    return out


FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
NARRATOR_MIN = 10  # first-person pronouns outside quotations that make an entity the narrator


def gold_speakers(ann: Path, lines: list[list[tuple[int, int]]]) -> list[tuple[int, int, str]]:
    """``(start, end, entity)`` of each quotation LitBank attributes."""
    spans, said = {}, {}
    for row in ann.read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if parts[0] == "QUOTE":
            l1, t1, l2, t2 = map(int, parts[2:6])
            spans[parts[1]] = (lines[l1][t1][0], lines[l2][t2][1])
        elif parts[0] == "ATTRIB":
            said[parts[1]] = parts[2]
    return [(*spans[q], said[q]) for q in spans if q in said]


def narrator_entity(entities: dict[str, dict], quotes: list[tuple[int, int, str]]) -> str | None:
    """The entity most often "I" outside LitBank's quotations, if often enough."""
    counts = {eid: sum(1 for m in ent["mentions"] if m["span"][2].lower() in FIRST_PERSON
                       and not any(s <= m["span"][0] < e for s, e, _ in quotes))
              for eid, ent in entities.items()}
    best = max(counts, key=counts.get, default=None)
    return best if best is not None and counts[best] >= NARRATOR_MIN else None


def speakers_right(story, coref: Path, stem: str, quotes: list[tuple[int, int, str]]) -> tuple[int, int]:
    """``(quotations counted, speakers right)``."""
    from fabula.evaluate.coref import load_entities, map_characters

    every = load_entities(coref, stem)
    entities = {k: v for k, v in every.items() if v["names"]}
    narrator = narrator_entity(every, quotes)
    mapping = map_characters([{"id": c.id, "name": c.name, "aliases": c.aliases} for c in story.characters], entities)
    for c in story.characters:
        if c.is_narrator and mapping.get(c.id) is None:
            mapping[c.id] = narrator
    counted = right = 0
    for start, end, entity in quotes:
        if entity not in entities and entity != narrator:
            continue
        counted += 1
        overlaps = [(min(end, q.end) - max(start, q.start), q) for q in story.quotes if q.start < end and q.end > start]
        best = max(overlaps, key=lambda x: x[0])[1] if overlaps else None
        right += best is not None and best.speaker is not None and mapping.get(best.speaker) == entity
    return counted, right


def score_file(path: Path, ann: Path, cache: Path | None) -> tuple[int, int, int, int, int]:
    from fabula.evaluate.pdnc import parse_cached
    from fabula.pipeline import run_stages
    from fabula.settings import Settings

    text = path.read_text(encoding="utf-8")
    lines = token_starts(text)
    gold = gold_quoted(ann, text, lines)
    story = parse_cached(path, Settings(), cache)
    run_stages(story, Settings())
    starts = [q.start for q in story.quotes]
    predicted = set()
    for tokens in lines:
        for s, e in tokens:
            i = bisect_right(starts, s) - 1
            if i >= 0 and s < story.quotes[i].end and text[s:e].strip() and text[s:e] not in MARKS:
                predicted.add(s)
    counted, right = speakers_right(story, path.parent.parent, path.stem, gold_speakers(ann, lines))
    return len(gold), len(predicted), len(gold & predicted), counted, right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=LITBANK)
    ap.add_argument("--files", choices=("all", "training"), default="all")
    ap.add_argument("--cache", type=Path, default=None)
    args = ap.parse_args()
    texts = sorted((args.data / "coref" / "brat").glob("*.txt"))
    if not texts:
        sys.exit(f"no LitBank texts in {args.data / 'coref' / 'brat'}")
    total = [0, 0, 0, 0, 0]
    for i, path in enumerate(texts):
        ann = args.data / "quotations" / "tsv" / f"{path.stem}.ann"
        if (args.files == "training" and i % 5 == 0) or not ann.exists():
            continue
        for k, v in enumerate(score_file(path, ann, args.cache)):
            total[k] += v
    gold, predicted, both, counted, right = total
    print(f"quoted tokens {gold}, found {predicted}, both {both}: "
          f"recall {both / max(gold, 1):.1%}, precision {both / max(predicted, 1):.1%}")
    print(f"speakers: {right} of {counted} quotations said by a named character or the narrator "
          f"({right / max(counted, 1):.1%})")


if __name__ == "__main__":
    main()
