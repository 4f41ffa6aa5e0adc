"""Bytes to text: tell a story file from other files, then find its encoding."""

from __future__ import annotations

import io
import zipfile

from ..errors import E, FabulaError

# (prefix, what it is) for files people drop on fabula by mistake.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def sniff_format(data: bytes, path: str) -> str:
    """``"text"``, ``"html"`` or ``"epub"``; raises for files that hold no story text."""
    head = data[:64]
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data, path)
    if head[4:12] in (b"ftypisom", b"ftypmp42", b"ftypM4A ") or head.startswith(b"RIFF"):
        raise FabulaError(E.BINARY_FILE, path=path, what="an audio or video file")
    for magic, what in MAGIC:
        if head.startswith(magic):
            raise FabulaError(E.BINARY_FILE, path=path, what=what)
    lead = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lead.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in data[:4096].lower():
        return "html"
    return "text"


def _sniff_zip(data: bytes, path: str) -> str:
    # An EPUB's first entry is an uncompressed file "mimetype" holding its type.
    if data[30:38] == b"mimetype" and b"application/epub+zip" in data[38:100]:
        return "epub"
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        names = []
    if "META-INF/container.xml" in names:
        return "epub"  # an e-book whose mimetype entry is missing or misplaced
    if any(n.startswith("word/") for n in names):
        what = "a Word document"
    elif any(n.startswith(("xl/", "ppt/")) for n in names):
        what = "an Office document"
    elif "mimetype" in names:
        what = "an OpenDocument file"
    else:
        what = "a zip archive"
    raise FabulaError(E.BINARY_FILE, path=path, what=what)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text and the name of its encoding.

    A byte-order mark decides first; then strict UTF-8, which almost never
    passes by accident; then Windows-1252/Latin-1 if they read cleanly; then
    charset-normalizer's best guess.
    """
    if not data.strip():
        raise FabulaError(E.EMPTY_FILE, path=path)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding, path)
            except UnicodeDecodeError:
                raise FabulaError(E.UNDECODABLE, path=path) from None
    sample = data[:65536]
    # UTF-16 without a BOM first: ASCII text in it is also valid UTF-8, NULs and all
    utf16 = _utf16_without_bom(sample) if b"\x00" in sample else None
    if utf16 is None:
        try:
            return _checked(data.decode("utf-8"), "utf-8", path)
        except UnicodeDecodeError:
            pass
    if b"\x00" in sample:
        encoding = _utf16_without_bom(sample)
        if encoding is None:
            raise FabulaError(E.BINARY_FILE, path=path, what="binary data")
        try:
            return _checked(data.decode(encoding), encoding, path)
        except UnicodeDecodeError:
            raise FabulaError(E.UNDECODABLE, path=path) from None
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\f\v")
    if controls > max(8, len(sample) // 100):
        raise FabulaError(E.BINARY_FILE, path=path, what="binary data")
    from charset_normalizer import from_bytes

    # Most non-UTF-8 fiction is Windows-1252 or Latin-1, which charset-normalizer
    # alone often mistakes for a Baltic or Central European code page (ï → ď):
    # prefer the Western reading whenever it reads cleanly.
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1"]).best()
    if best is None or best.chaos > 0.1:
        best = from_bytes(data).best()
    if best is None:
        raise FabulaError(E.UNDECODABLE, path=path)
    return _checked(str(best), best.encoding, path)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text in a Latin script has a NUL in every other byte."""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str, path: str) -> tuple[str, str]:
    if not text.strip():
        raise FabulaError(E.EMPTY_FILE, path=path)
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > max(8, len(sample) // 100):
        raise FabulaError(E.BINARY_FILE, path=path, what="binary data")
    return text, encoding
