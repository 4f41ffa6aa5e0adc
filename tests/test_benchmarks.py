"""The benchmark scripts measure what they say they measure."""

import importlib.util
from pathlib import Path

import fabula

ROOT = Path(__file__).resolve().parent.parent


def _load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_chapter_recovery_finds_each_chapter_opening_behind_front_matter(tmp_path):
    # read again without headings, "(1814)" and the byline are laid out as titles: counting text
    # paragraphs would put every boundary two paragraphs late
    scenes = _load("scenes")
    novel = tmp_path / "novel_text.txt"
    novel.write_text("Mansfield Lane\n\n(1814)\n\nBy Jane Doe\n\nCHAPTER I\n\nFanny came to the house in May.\n\n"
                     "She was ten years old.\n\nCHAPTER II\n\nTom rode home from Oxford.\n\nHe was tired.\n\n"
                     "CHAPTER III\n\nThe winter came.\n", encoding="utf-8")
    text, offsets, chapters = scenes.without_headings(novel)
    assert chapters == 3 and "CHAPTER" not in text
    flat = tmp_path / "flat.txt"
    flat.write_text(text, encoding="utf-8")
    story = fabula.read(flat)
    paragraphs = [p for p in story.paragraphs if p.kind == "text"]
    opened = [story.text[paragraphs[i].start:paragraphs[i].end] for i in scenes.opening_paragraphs(story, offsets)]
    assert opened == ["Tom rode home from Oxford.", "The winter came."]


def test_litbank_speakers_count_the_quotations_of_named_characters(tmp_path):
    litbank_quotes = _load("litbank_quotes")
    lines = ["Anna Price came into the kitchen .", '" The kettle is cold , " said Anna .',
             "Tom Price looked up from his paper .", '" Then boil it , " said Tom .',
             '" Tea ! " cried a voice from the yard .']
    text = "\n".join(lines) + "\n"
    for folder in ("brat", "tsv", "quotations"):
        (tmp_path / folder).mkdir()
    (tmp_path / "brat" / "x_brat.txt").write_text(text, encoding="utf-8")
    names = [("T1", "Anna Price", "Anna-0", 0), ("T2", "Anna", "Anna-0", text.index("Anna .")),
             ("T3", "Tom Price", "Tom-1", text.index("Tom Price")), ("T4", "Tom", "Tom-1", text.index("Tom ."))]
    (tmp_path / "brat" / "x_brat.ann").write_text(
        "".join(f"{t}\tPROP_PER {s} {s + len(n)}\t{n}\n" for t, n, _, s in names), encoding="utf-8")
    (tmp_path / "tsv" / "x_brat.ann").write_text(
        "".join(f"MENTION\t{t}\t0\t0\t0\t0\t{n}\tPER\tPROP\nCOREF\t{t}\t{e}\n" for t, n, e, _ in names),
        encoding="utf-8")
    ann = tmp_path / "quotations" / "x_brat.ann"
    ann.write_text("QUOTE\tQ1\t1\t0\t1\t6\tx\nATTRIB\tQ1\tAnna-0\nQUOTE\tQ2\t3\t0\t3\t5\tx\nATTRIB\tQ2\tTom-1\n"
                   "QUOTE\tQ3\t4\t0\t4\t3\tx\nATTRIB\tQ3\ta_voice-5\n", encoding="utf-8")
    gold, found, both, counted, right = litbank_quotes.score_file(tmp_path / "brat" / "x_brat.txt", ann, None)
    assert (counted, right) == (2, 2)  # the voice from the yard has no name: not counted
    assert both == gold == 11  # the tokens of "The kettle is cold ,", "Then boil it ,", "Tea !", not the marks
