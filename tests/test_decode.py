"""Every supported encoding decodes to the same text; non-text files are refused with a code."""

import zipfile
from io import BytesIO

import pytest

from fabula.errors import FabulaError
from fabula.ingest import load_file

STORY = "“Café,” said Zoë — naïve, as ever. “Je m’appelle Chloé.”\n\nHe laughed… and left.\n" * 5
# Latin-1 has no curly quotes, dashes or ellipsis.
PLAIN = STORY.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-").replace("…", "...")


@pytest.mark.parametrize(
    "data, expected",
    [
        (STORY.encode("utf-8"), STORY),
        (b"\xef\xbb\xbf" + STORY.encode("utf-8"), STORY),
        (STORY.encode("utf-16"), STORY),  # with BOM, little-endian here
        (b"\xfe\xff" + STORY.encode("utf-16-be"), STORY),
        (STORY.encode("cp1252"), STORY),
        (PLAIN.encode("latin-1"), PLAIN),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "windows-1252", "latin-1"],
)
def test_encodings_decode_to_the_story(tmp_path, data, expected):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    source = load_file(path)
    assert source.text == expected
    assert not source.text.startswith("\ufeff")


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(50)


@pytest.mark.parametrize(
    "name, data, code, words",
    [
        ("picture.txt", PNG, "E103", "PNG image"),
        ("archive.zip", _zip({"a.txt": b"hello"}), "E103", "zip archive"),
        ("letter.docx", _zip({"word/document.xml": b"<w/>"}), "E103", "Word document"),
        ("empty.txt", b"", "E104", "empty"),
        ("blank.txt", b" \n\n\t \r\n", "E104", "empty"),
        ("noise.txt", bytes(range(256)) * 40, "E103", "binary"),
        ("garbled.txt", bytes((i * 97 + 131) % 128 + 128 for i in range(3000)), "E105", "encoding"),
    ],
)
def test_bad_files_raise_coded_errors_naming_the_file(tmp_path, name, data, code, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FabulaError) as info:
        load_file(path)
    assert info.value.code == code
    assert str(path) in info.value.message
    assert words in info.value.message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(FabulaError) as info:
        load_file(tmp_path / "nope.txt")
    assert info.value.code == "E101"
    with pytest.raises(FabulaError) as info:
        load_file(tmp_path)
    assert info.value.code == "E102"


def test_an_epub_without_its_container_file_is_a_clear_error(tmp_path):
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip")
        z.writestr("OEBPS/ch1.xhtml", b"<html/>")
    path = tmp_path / "book.epub"
    path.write_bytes(buf.getvalue())
    with pytest.raises(FabulaError) as info:
        load_file(path)
    assert info.value.code == "E109" and "container.xml" in info.value.message


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(PLAIN.encode("utf-16-le"))
    assert load_file(path).text == PLAIN
