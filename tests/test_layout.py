"""Paragraph styles, chapter headings, scene breaks and the title of plain texts."""

import pytest

from fabula.ingest import load_file, load_text
from fabula.ingest.layout import HEADING, SCENE_BREAK, analyse_layout


def _texts(text, layout, kind=None):
    return [text[p.start:p.end] for p in layout.paragraphs if kind is None or p.kind == kind]


def test_one_paragraph_per_line(stories):
    source = load_file(stories / "two-friends.txt")
    texts = [source.text[p.start:p.end] for p in source.paragraphs]
    assert texts[0] == "The Bridge"
    assert texts[-1].startswith("Later that night") and texts[-1].endswith("a word.")
    assert len(texts) == 7
    assert [p.kind for p in source.paragraphs].count("break") == 1
    assert source.meta.title == "The Bridge"


def test_lines_without_blank_lines_are_paragraphs():
    text = "\n".join(["A long first paragraph that goes on and on for a while, well past any wrapping width a printer would use."] * 3)
    layout = analyse_layout(text)
    assert layout.style == "lines" and len(layout.paragraphs) == 3


def test_hard_wrapped_paragraphs(stories):
    source = load_file(stories / "wrapped.txt")
    texts = [source.text[p.start:p.end] for p in source.paragraphs]
    assert len(texts) == 3
    assert texts[0].startswith("The old house") and texts[0].endswith("in the spring.")
    assert texts[1].startswith('"Is anyone home?"') and "\n" in texts[1]
    for p in source.paragraphs:  # every paragraph starts right after a blank line (or the file start)
        assert p.start == 0 or source.text[:p.start].endswith("\n\n")


@pytest.mark.parametrize("line", [
    "Chapter 1", "CHAPTER IV.", "CHAPTER IV. The Ferry Sails at Noon", "I.", "XII", "Part Two",
    "BOOK THE FIRST", "PART I: MOSQUE", "Chapter Twenty-One", "Prologue", "Epilogue: Years Later", "7",
])
def test_headings(line):
    assert HEADING.match(line)


@pytest.mark.parametrize("line", [
    "Part of me wanted to stay.", "Chapter and verse, she said.", "I went home.", "In 1871 it was lit.",
    "Book club met on Tuesdays.",
])
def test_not_headings(line):
    assert not HEADING.match(line)


@pytest.mark.parametrize("line", ["* * *", "***", "#", "~~~", "-----", "o0o", "  *  *  *  "])
def test_scene_breaks(line):
    assert SCENE_BREAK.match(line)


def test_chapters_split_the_text():
    text = (
        "A Tale\n\nby Jo Writer\n\nPart One\n\nChapter 1\n\nIt began.\n\nIt went on.\n\n"
        "Chapter 2\n\nIt ended.\n"
    )
    source = load_text(text)
    assert source.meta.title == "A Tale" and source.meta.author == "Jo Writer"
    assert [c.title for c in source.chapters] == ["Part One — Chapter 1", "Chapter 2"]
    first, second = source.chapters
    assert text[first.start:first.end].startswith("Part One") and "It went on." in text[first.start:first.end]
    assert text[second.start:second.end].strip() == "Chapter 2\n\nIt ended."
    by_text = {text[p.start:p.end]: p for p in source.paragraphs}
    assert by_text["It began."].chapter == "ch1" and by_text["It ended."].chapter == "ch2"
    assert by_text["Chapter 2"].kind == "heading"


def test_a_story_without_headings_is_one_chapter(stories):
    source = load_file(stories / "two-friends.txt")
    assert len(source.chapters) == 1 and source.chapters[0].title is None
    assert all(p.chapter == "ch1" for p in source.paragraphs if p.kind != "title")


def test_a_first_line_of_dialogue_is_not_a_title():
    source = load_text("“Run!” she cried.\n\nThey ran.\n\nAnd ran.\n")
    assert source.meta.title is None


def test_a_heading_run_into_the_first_sentence_is_prose():
    source = load_text("CHAPTER 1 The Ferry Call me Barnaby , if you like .\nThe boat was late .\nIt always was .\n")
    assert source.paragraphs[0].kind == "text"
    assert load_text("CHAPTER I.\n\nThe boat was late.\n\nIt always was.\n").paragraphs[0].kind == "heading"
