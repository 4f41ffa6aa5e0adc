"""Broken and hostile files fail with a coded error, never a traceback or a hang."""

import zipfile
from io import BytesIO

import pytest
from conftest import FIXTURES, zip_epub
from typer.testing import CliRunner

from fabula import FabulaError
from fabula.cli import app
from fabula.ingest import epub, load_file

EPUB_DIR = FIXTURES / "formats" / "harbour-epub"

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def epub_with(tmp_path, name="book.epub", replace=None, extra=None):
    """The fixture EPUB with some members replaced or added."""
    src = zip_epub(EPUB_DIR, tmp_path / "src.epub")
    dest = tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = (replace or {}).get(item.filename, zin.read(item.filename))
            zout.writestr(item, data)
        for member, data in (extra or {}).items():
            zout.writestr(member, data)
    return dest


def code_of(path):
    with pytest.raises(FabulaError) as info:
        load_file(path)
    return info.value


def test_truncated_zip(tmp_path):
    whole = zip_epub(EPUB_DIR, tmp_path / "whole.epub").read_bytes()
    cut = tmp_path / "cut.epub"
    cut.write_bytes(whole[: len(whole) // 2])
    err = code_of(cut)
    assert err.code == "E109" and "damaged or truncated" in err.message and "cut.epub" in err.message


def test_manifest_pointing_outside_the_archive(tmp_path):
    opf = (EPUB_DIR / "OEBPS" / "content.opf").read_text(encoding="utf-8")
    evil = opf.replace('href="chapter-1.xhtml"', 'href="../../etc/passwd"')
    err = code_of(epub_with(tmp_path, replace={"OEBPS/content.opf": evil}))
    assert err.code == "E110" and "outside the archive" in err.message


def test_container_pointing_to_an_absolute_path(tmp_path):
    container = (EPUB_DIR / "META-INF" / "container.xml").read_text(encoding="utf-8")
    evil = container.replace("OEBPS/content.opf", "/etc/passwd")
    err = code_of(epub_with(tmp_path, replace={"META-INF/container.xml": evil}))
    assert err.code == "E110"


@pytest.mark.parametrize("member", ["OEBPS/content.opf", "OEBPS/chapter-1.xhtml", "META-INF/container.xml"])
def test_entity_expansion_bomb_in_an_epub(tmp_path, member):
    body = (EPUB_DIR / member).read_text(encoding="utf-8")
    body = BOMB + body.split("?>", 1)[1].replace("<!DOCTYPE html>", "")
    err = code_of(epub_with(tmp_path, replace={member: body.replace("Anna", "&lol9;")}))
    assert err.code == "E110" and "entities" in err.message


def test_entity_expansion_bomb_in_html(tmp_path):
    path = tmp_path / "bomb.html"
    path.write_text(BOMB + "<html><body><p>&lol9;</p></body></html>", encoding="utf-8")
    assert code_of(path).code == "E110"


def test_file_that_claims_to_be_epub_but_is_not(tmp_path):
    path = tmp_path / "story.epub"
    path.write_text("Once upon a time there was a story in plain text.", encoding="utf-8")
    err = code_of(path)
    assert err.code == "E109" and "not a zip archive" in err.message
    office = tmp_path / "letter.epub"
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    office.write_bytes(buf.getvalue())
    assert code_of(office).code == "E109"


def test_zip_bomb_member_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(epub, "MAX_MEMBER_BYTES", 1 << 20)
    chapter = (EPUB_DIR / "OEBPS" / "chapter-1.xhtml").read_text(encoding="utf-8")
    huge = chapter.replace("</section>", "<p>" + "a" * (2 << 20) + "</p></section>")
    err = code_of(epub_with(tmp_path, replace={"OEBPS/chapter-1.xhtml": huge}))
    assert err.code == "E110" and "zip bomb" in err.message


def test_missing_spine_file_and_broken_xml(tmp_path):
    opf = (EPUB_DIR / "OEBPS" / "content.opf").read_text(encoding="utf-8")
    err = code_of(epub_with(tmp_path, "a.epub", replace={"OEBPS/content.opf": opf.replace("chapter-2.xhtml", "gone.xhtml")}))
    assert err.code == "E109" and "gone.xhtml" in err.message
    err = code_of(epub_with(tmp_path, "b.epub", replace={"OEBPS/content.opf": opf.replace("</package>", "")}))
    assert err.code == "E109" and "well-formed" in err.message


def test_deeply_nested_html_does_not_overflow(tmp_path):
    path = tmp_path / "deep.html"
    depth = 200_000
    path.write_text("<html><body>" + "<div>" * depth + "<p>\"Hello,\" said Anna.</p>" + "</div>" * depth
                    + "</body></html>", encoding="utf-8")
    source = load_file(path)
    assert source.text == "\"Hello,\" said Anna."


def test_html_with_no_story_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
                    encoding="utf-8")
    assert code_of(path).code == "E112"


def test_text_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "long.html"
    path.write_text("<html><body>" + "<p>Words and more words.</p>" * 100 + "</body></html>", encoding="utf-8")
    with pytest.raises(FabulaError) as info:
        load_file(path, max_chars=1000)
    assert info.value.code == "E111"
    with pytest.raises(FabulaError) as info:
        load_file(path, max_chars=100)  # refused before parsing: the file is over 8 bytes per allowed character
    assert info.value.code == "E111" and "the file" in info.value.message


def test_cli_reports_a_bad_epub_without_a_traceback(tmp_path):
    path = tmp_path / "story.epub"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    result = CliRunner().invoke(app, ["read", str(path), "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "E109" in result.output and "Traceback" not in result.output


def test_markup_holding_too_much_text_is_refused_before_parsing(tmp_path, monkeypatch):
    from fabula.ingest import dom

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed a file that should have been refused")

    monkeypatch.setattr("fabula.ingest.html.parse_html", no_parsing)
    path = tmp_path / "one-line.html"
    path.write_text("<html><body>" + "<p>Words and more words.</p>" * 1000 + "</body></html>", encoding="utf-8")
    with pytest.raises(FabulaError) as info:
        load_file(path, max_chars=10_000)
    assert info.value.code == "E111" and "characters" in info.value.message
    assert dom.MAX_ELEMENTS >= 1_000_000


def test_a_flood_of_empty_elements_is_refused(tmp_path, monkeypatch):
    from fabula.ingest import dom

    monkeypatch.setattr(dom, "MAX_ELEMENTS", 10_000)
    path = tmp_path / "tags.html"
    path.write_text("<html><body><p>Anna said so.</p>" + "<span></span>" * 20_000 + "</body></html>", encoding="utf-8")
    err = code_of(path)
    assert err.code == "E111" and "elements" in err.message and "tags.html" in err.message
