"""Reading real files: archive downloads (HTML, EPUB), any HTML page, any EPUB, Project Gutenberg."""

import json

import pytest
from conftest import FIXTURES, zip_epub
from typer.testing import CliRunner

import fabula
from fabula.cli import app
from fabula.ingest import load_file, load_text

AO3 = FIXTURES / "ao3"
FORMATS = FIXTURES / "formats"


@pytest.fixture(scope="module")
def ao3_epub(tmp_path_factory):
    return zip_epub(AO3 / "multi-chapter-epub", tmp_path_factory.mktemp("epub") / "harbour-ao3.epub")


@pytest.fixture(scope="module")
def plain_epub(tmp_path_factory):
    return zip_epub(FORMATS / "harbour-epub", tmp_path_factory.mktemp("epub") / "harbour.epub")


def paragraphs(source, kind="text"):
    return [source.text[p.start:p.end] for p in source.paragraphs if p.kind == kind]


# -- archive downloads --

def test_multi_chapter_download_record():
    m = load_file(AO3 / "multi-chapter.html").meta
    assert m.source_format == "ao3"
    assert (m.title, m.author) == ("The Harbour Light", "wrencalloway")
    assert m.rating == "General Audiences"
    assert m.warnings == ["No Archive Warnings Apply"]
    assert m.categories == ["F/M", "Gen"]
    assert m.fandoms == ["Original Work", "Harbour Lights (Web Series)"]
    assert m.relationships == ["Anna Reyes/Joss Fairweather", "Joss Fairweather & Tobias Fairweather"]
    assert m.pairings == [{"characters": ["Anna Reyes", "Joss Fairweather"], "kind": "romantic"},
                          {"characters": ["Joss Fairweather", "Tobias Fairweather"], "kind": "platonic"}]
    assert m.characters == ["Anna Reyes", "Joss Fairweather (Harbour Lights)", "Tobias Fairweather"]
    assert m.tags == ["Lighthouses", "Missing Persons", "Slow Burn"]
    assert m.language == "English" and m.series == ["Part 1 of Tidewater"]
    assert (m.published, m.updated, m.completed, m.words, m.chapter_count) == (
        "2026-03-14", None, "2026-04-02", 1320, "2/2")
    assert m.url == "http://archiveofourown.org/works/31415926"  # old downloads link with http://
    assert m.summary.startswith("A keeper, a stranger") and "beta" in m.notes and "map" in m.end_notes


def test_multi_chapter_download_text_has_chapters_and_no_notes():
    s = load_file(AO3 / "multi-chapter.html")
    assert [c.title for c in s.chapters] == ["Chapter 1: The Keeper", "Chapter 2: The Point"]
    assert paragraphs(s, "heading") == ["Chapter 1: The Keeper", "Chapter 2: The Point"]
    text = paragraphs(s)
    assert text[0].startswith("Anna Reyes had kept the harbour light")
    assert text[-1].endswith("Keepers come everywhere.\"")
    # summaries, notes, chapter notes, end notes and the archive's messages are not story text
    for absent in ("Marguerite", "keeper, a stranger", "Chapter Summary", "Chapter End Notes", "drop by the Archive",
                   "Posted originally", "General Audiences", "wrencalloway"):
        assert absent not in s.text
    assert paragraphs(s, "break") == ["* * *"]  # <hr/> is a scene break


def test_single_chapter_download_has_one_untitled_chapter_and_singular_labels():
    s = load_file(AO3 / "single-chapter.html")
    m = s.meta
    assert (m.rating, m.categories, m.fandoms, m.characters) == (
        "Teen And Up Audiences", ["Gen"], ["Original Work"], ["Anna Reyes"])
    assert m.pairings == [{"characters": ["Anna Reyes", "Joss Fairweather"], "kind": "platonic"}]
    assert m.words == 612 and m.chapter_count is None
    assert m.url.startswith("https://")
    assert [c.title for c in s.chapters] == [None]
    assert "The Keeper" not in s.text  # the hidden toc heading is the work's title, not text
    assert len(paragraphs(s)) == 11 and paragraphs(s, "break") == ["* * *"]


def test_archive_epub_reads_like_the_archive_html(ao3_epub):
    html = load_file(AO3 / "multi-chapter.html")
    epub = load_file(ao3_epub)
    assert epub.text == html.text
    assert [(c.title, c.start, c.end) for c in epub.chapters] == [(c.title, c.start, c.end) for c in html.chapters]
    for field in ("title", "author", "rating", "fandoms", "relationships", "characters", "tags", "words",
                  "summary", "notes", "end_notes"):
        assert getattr(epub.meta, field) == getattr(html.meta, field), field
    assert epub.meta.publisher == "Archive of Our Own"
    assert [name for name, _ in epub.meta.parts][0] == "The_Harbour_Light_split_000.xhtml"


def test_offsets_point_back_into_the_markup():
    path = AO3 / "multi-chapter.html"
    raw = path.read_text(encoding="utf-8")
    s = load_file(path)
    for p in s.paragraphs:
        if p.kind == "break":
            assert raw[s.offsets.to_original(p.start):].startswith("<hr")
            continue
        start, n = s.offsets.to_original(p.start), min(12, p.end - p.start)
        assert raw[start:start + n] == s.text[p.start:p.start + n]
        end = s.offsets.to_original(p.end - 1)
        assert raw[end] == s.text[p.end - 1]


def test_character_tags_name_the_cast():
    story = fabula.read(AO3 / "multi-chapter.html")
    names = {c.name: c for c in story.characters}
    assert {"Anna Reyes", "Joss Fairweather", "Tobias Fairweather"} <= set(names)
    assert "Joss" in names["Joss Fairweather"].aliases  # the tag's full name joins the text's short name
    assert not any("Marguerite" in c.name for c in story.characters)  # only in the notes


# -- any HTML page, any EPUB --

def test_web_page_main_text_without_boilerplate():
    s = load_file(FORMATS / "harbour.html")
    assert (s.meta.title, s.meta.author, s.meta.language) == ("The Harbour Light", "Wren Calloway", "en")
    for absent in ("Tidewater Stories", "Popular", "Home", "Lovely story", "More by this author", "Drowned Bell",
                   "All rights reserved", "analytics", "font-family"):
        assert absent not in s.text, absent
    assert [c.title for c in s.chapters] == ["Chapter 1: The Keeper", "Chapter 2: The Point"]
    assert paragraphs(s, "title") == ["The Harbour Light", "by Wren Calloway"]
    assert [s.text[a:b] for a, b in s.emphasis] == ["know", "Someone"]


def test_epub_spine_toc_and_dublin_core(plain_epub):
    s = load_file(plain_epub)
    m = s.meta
    assert (m.title, m.author, m.language, m.subjects) == (
        "The Harbour Light", "Wren Calloway", "en", ["Sea stories", "Lighthouses"])
    assert [c.title for c in s.chapters] == ["Chapter 1: The Keeper", "Chapter 2: The Point"]
    assert paragraphs(s, "title") == ["The Harbour Light", "by Wren Calloway"]
    assert "Contents" not in s.text  # the navigation document is not part of the story
    assert [p[0] for p in m.parts] == ["OEBPS/title.xhtml", "OEBPS/chapter-1.xhtml", "OEBPS/chapter-2.xhtml"]


def test_same_story_in_three_formats_gives_same_cast_and_quotes(plain_epub):
    def world(path):
        story = fabula.read(path)
        names = {c.id: c.name for c in story.characters}
        cast = sorted((c.name, c.mentions, c.gender) for c in story.characters)
        quotes = [(story.text[q.start:q.end], names.get(q.speaker), q.kind) for q in story.quotes]
        return cast, quotes

    text = world(FORMATS / "harbour.txt")
    assert len(text[1]) == 21
    assert world(FORMATS / "harbour.html") == text
    assert world(plain_epub) == text


def test_format_is_told_from_content_not_name(tmp_path):
    misnamed = tmp_path / "story.txt"
    misnamed.write_bytes((AO3 / "multi-chapter.html").read_bytes())
    assert load_file(misnamed).meta.source_format == "ao3"
    html_text = (FORMATS / "harbour.html").read_text(encoding="utf-8")
    assert load_text(html_text).meta.title == "The Harbour Light"


# -- Project Gutenberg --

GUTENBERG = """\ufeffThe Project Gutenberg eBook of The Harbour Light

This ebook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever.

Title: The Harbour Light

Author: Wren Calloway

Release date: November 26, 2026 [eBook #99999]

Language: English

*** START OF THE PROJECT GUTENBERG EBOOK THE HARBOUR LIGHT ***

Produced by a volunteer.



{story}

*** END OF THE PROJECT GUTENBERG EBOOK THE HARBOUR LIGHT ***

Updated editions will replace the previous one--the old editions will
be renamed.

Section 1. General Terms of Use and Redistributing Project Gutenberg-tm
electronic works
"""


def test_gutenberg_licence_is_stripped_and_record_kept(tmp_path):
    body = (FORMATS / "harbour.txt").read_text(encoding="utf-8").split("\n", 2)[2].strip()
    path = tmp_path / "pg99999.txt"
    raw = GUTENBERG.format(story=body)
    path.write_text(raw, encoding="utf-8")
    s = load_file(path)
    assert (s.meta.title, s.meta.author, s.meta.language, s.meta.source_format) == (
        "The Harbour Light", "Wren Calloway", "English", "gutenberg")
    assert s.text.strip().startswith("Chapter 1: The Keeper")
    assert "Gutenberg" not in s.text and "Produced by" not in s.text and "Terms of Use" not in s.text
    decoded = raw.lstrip("\ufeff")
    first = next(p for p in s.paragraphs if p.kind == "text")
    start = s.offsets.to_original(first.start)
    assert decoded[start:start + 20] == s.text[first.start:first.start + 20]


def test_gutenberg_html_boilerplate_is_left_out(tmp_path):
    page = """<!DOCTYPE html><html lang="en"><head><title>The Harbour Light | Project Gutenberg</title></head><body>
<section class="pg-boilerplate pgheader" id="pg-header"><h2>The Project Gutenberg eBook of The Harbour Light</h2>
<p>This ebook is for the use of anyone anywhere.</p>
<p>*** START OF THE PROJECT GUTENBERG EBOOK THE HARBOUR LIGHT ***</p></section>
<h1>THE HARBOUR LIGHT</h1><h2>CHAPTER I.</h2>
<p>"Is this the light?" he asked.</p><p>"Know what?" said Anna.</p>
<section class="pg-boilerplate pgfooter" id="pg-footer"><p>*** END OF THE PROJECT GUTENBERG EBOOK ***</p>
<p>Section 1. General Terms of Use</p></section></body></html>"""
    path = tmp_path / "pg.html"
    path.write_text(page, encoding="utf-8")
    s = load_file(path)
    assert "Gutenberg" not in s.text and "Terms of Use" not in s.text
    assert paragraphs(s) == ['"Is this the light?" he asked.', '"Know what?" said Anna.']
    assert [c.title for c in s.chapters] == ["CHAPTER I."]


def test_json_carries_the_record_and_emphasis(tmp_path):
    result = CliRunner().invoke(app, ["read", str(FORMATS / "harbour.html"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "harbour.json").read_text(encoding="utf-8"))
    assert data["meta"]["source_format"] == "html"
    assert [data["text"][a:b] for a, b in data["emphasis"]] == ["know", "Someone"]
    assert data["offset_map"]  # markup was skipped, so offsets differ from the file's


def test_preformatted_text_keeps_its_paragraphs(tmp_path):
    path = tmp_path / "old.html"
    path.write_text("<html><body><pre>\n\"Is this the light?\" he asked.\nThe keeper nodded.\n\n"
                    "\"Know what?\" said Anna,\nturning away.\n</pre></body></html>", encoding="utf-8")
    s = load_file(path)
    assert paragraphs(s) == ['"Is this the light?" he asked. The keeper nodded.', '"Know what?" said Anna, turning away.']


def test_archive_epub_without_the_chapters_wrapper(tmp_path):
    folder = tmp_path / "unwrapped"
    import shutil

    shutil.copytree(AO3 / "multi-chapter-epub", folder)
    for f in folder.glob("*split_00[23].xhtml"):
        text = f.read_text(encoding="utf-8").replace('<div id="chapters" class="userstuff">', "<div>")
        f.write_text(text, encoding="utf-8")
    s = load_file(zip_epub(folder, tmp_path / "unwrapped.epub"))
    assert [c.title for c in s.chapters] == ["Chapter 1: The Keeper", "Chapter 2: The Point"]
    assert s.text == load_file(AO3 / "multi-chapter.html").text
