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
