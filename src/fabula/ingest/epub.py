"""EPUB e-books, read with the standard library and guarded against hostile archives.

The package document (found through ``META-INF/container.xml``) gives the
Dublin Core record, the manifest and the spine; the spine's XHTML files are
the book in reading order; the table of contents (EPUB 2 ``toc.ncx`` or the
EPUB 3 navigation document) names the chapters. An archive download's EPUB is
the same HTML split into files, so it goes to the archive reader.

Offsets in the map point into the spine's files decoded and laid end to end;
``meta.parts`` says where each file begins.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from urllib.parse import unquote
from xml.etree import ElementTree

from ..errors import E, FabulaError
from ..model import Meta
from .ao3 import is_archive_download
from .blocks import Block, assemble, element_blocks
from .decode import decode
from .dom import Element, Text, parse_html, refuse_entity_declarations
from .html import _is_boilerplate, mark_title, read_tree, strip_gutenberg, text_size
from .layout import SCENE_BREAK
from .source import Source

MAX_MEMBER_BYTES = 64 * 2**20  # one file inside the archive, unpacked
MAX_TOTAL_BYTES = 512 * 2**20  # everything read from the archive, unpacked
MAX_MEMBERS = 10_000
MAX_RATIO = 100  # unpacked / packed: text packs 3-10 times; a zip bomb thousands of times
RATIO_FLOOR = 1 << 20  # smaller members are never refused for their ratio
_XHTML = ("application/xhtml+xml", "text/html", "application/xml", "text/xml")


class _Archive:
    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        self.read_bytes = 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.names = set(self.zip.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise FabulaError(E.BAD_EPUB, path=path, reason=f"the zip archive is damaged or truncated ({exc})") from None
        if len(self.names) > MAX_MEMBERS:
            raise FabulaError(E.UNSAFE_FILE, path=path, reason=f"the archive holds over {MAX_MEMBERS:,} files")

    def read(self, name: str) -> bytes:
        if name not in self.names:
            raise FabulaError(E.BAD_EPUB, path=self.path, reason=f"{name!r} is named but not in the archive")
        info = self.zip.getinfo(name)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FabulaError(E.UNSAFE_FILE, path=self.path, reason=(
                f"{name!r} claims to unpack {info.file_size:,} bytes from {info.compress_size:,} (a zip bomb?)"))
        try:
            with self.zip.open(name) as f:
                data = f.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise FabulaError(E.BAD_EPUB, path=self.path, reason=f"{name!r} cannot be unpacked ({exc})") from None
        self.read_bytes += len(data)
        if len(data) > MAX_MEMBER_BYTES or self.read_bytes > MAX_TOTAL_BYTES:
            raise FabulaError(E.UNSAFE_FILE, path=self.path,
                              reason=f"{name!r} unpacks to more than {MAX_MEMBER_BYTES // 2**20} MB (a zip bomb?)")
        return data

    def markup(self, name: str) -> str:
        """A member's text, decoded, with any entity declarations refused."""
        text, _ = decode(self.read(name), f"{self.path}:{name}")
        refuse_entity_declarations(text, f"{self.path}:{name}")
        return text

    def xml(self, name: str) -> ElementTree.Element:
        text = self.markup(name)
        try:
            return ElementTree.fromstring(text.lstrip("\ufeff").encode("utf-8"))
        except ElementTree.ParseError as exc:
            raise FabulaError(E.BAD_EPUB, path=self.path, reason=f"{name!r} is not well-formed XML ({exc})") from None

    def resolve(self, href: str, base: str) -> str:
        """An archive member's name from a link in file ``base``; links outside the archive are refused."""
        target = unquote(href.split("#", 1)[0])
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), target))
        if target.startswith(("/", "\\")) or ":" in target.split("/")[0] or joined == ".." or joined.startswith("../"):
            raise FabulaError(E.UNSAFE_FILE, path=self.path, reason=f"a link points outside the archive: {href!r}")
        return joined


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [c for c in el.iter() if _local(c.tag) == name]


def read_epub(data: bytes, *, path: str, repair_text: bool, max_chars: int | None = None) -> Source:
    archive = _Archive(data, path)
    container = archive.xml("META-INF/container.xml")
    rootfiles = _children(container, "rootfile")
    if not rootfiles or not rootfiles[0].get("full-path"):
        raise FabulaError(E.BAD_EPUB, path=path, reason="META-INF/container.xml names no package document")
    opf_name = archive.resolve(rootfiles[0].get("full-path", ""), "")
    package = archive.xml(opf_name)
    meta = _dublin_core(package)
    manifest = {}
    for item in _children(package, "item"):
        if item.get("id") and item.get("href"):
            manifest[item.get("id")] = (archive.resolve(item.get("href", ""), opf_name), item.get("media-type", ""),
                                        item.get("properties", ""))
    spine_el = next(iter(_children(package, "spine")), None)
    if spine_el is None:
        raise FabulaError(E.BAD_EPUB, path=path, reason="the package document has no spine")
    toc_titles, toc_files = _table_of_contents(archive, manifest, spine_el)
    spine: list[str] = []
    listed: set[str] = set()
    for ref in _children(spine_el, "itemref"):
        entry = manifest.get(ref.get("idref", ""))
        if entry is None or entry[1] not in _XHTML or "nav" in entry[2].split() or entry[0] in toc_files:
            continue
        if ref.get("linear", "yes") == "no" or entry[0] in listed:  # a file listed twice is read once
            continue
        listed.add(entry[0])
        spine.append(entry[0])
    if not spine:
        raise FabulaError(E.BAD_EPUB, path=path, reason="the spine lists no readable XHTML file")

    joined = Element("#document", {}, None)
    base = shown = 0
    for name in spine:
        text = archive.markup(name)
        shown += text_size(text)
        if max_chars is not None and shown > max_chars:
            raise FabulaError(E.TOO_LARGE, path=path, what="the text in this e-book", size=shown, unit="characters",
                              limit=max_chars)
        doc = parse_html(text, f"{path}:{name}")
        body = doc.find(lambda el: el.tag == "body") or doc
        part = Element("section", {"data-file": name}, joined, base)
        for el in body.iter():
            el.pos += base
            for child in el.children:
                if isinstance(child, Text):
                    child.pos += base
        part.children = body.children
        for child in part.children:
            if isinstance(child, Element):
                child.parent = part
        joined.children.append(part)
        meta.parts.append([name, base])
        base += len(text)

    if is_archive_download(joined):
        return read_tree(joined, path=path, encoding=None, repair_text=repair_text, meta=meta)
    meta.source_path = path
    blocks: list[Block] = []
    titles: list[str | None] = []
    for i, part in enumerate(joined.children):
        found = element_blocks(part, skip=_is_boilerplate)
        for b in found:
            if b.kind == "text" and SCENE_BREAK.match(b.text):
                b.kind = "break"
        if i < 2:
            mark_title(found, meta)  # a title page: the title and byline, no chapter
        if not any(b.kind == "text" for b in found):
            blocks.extend(b for b in found if b.kind == "title")
            continue
        name = part.attrs["data-file"]
        heading = next((b.text for b in found if b.kind == "heading"), None)
        titles.append(toc_titles.get(name) or heading)
        for b in found:
            b.chapter = len(titles) - 1
        blocks.extend(found)
    blocks = strip_gutenberg(blocks)
    return assemble(blocks, titles, meta, repair_text=repair_text, structured=True)


def _dublin_core(package: ElementTree.Element) -> Meta:
    meta = Meta(source_format="epub")
    metadata = next(iter(_children(package, "metadata")), None)
    if metadata is None:
        return meta

    def texts(name: str) -> list[str]:
        return [" ".join((el.text or "").split()) for el in _children(metadata, name) if (el.text or "").strip()]

    meta.title = next(iter(texts("title")), None)
    creators = texts("creator")
    meta.author = ", ".join(creators) if creators else None
    meta.language = next(iter(texts("language")), None)
    meta.publisher = next(iter(texts("publisher")), None)
    meta.subjects = texts("subject")
    return meta


def _table_of_contents(archive: _Archive, manifest: dict, spine_el: ElementTree.Element) -> tuple[dict[str, str], set[str]]:
    """Chapter titles by file, from the EPUB 3 navigation document or the EPUB 2 NCX; and the
    files that are only a table of contents."""
    titles: dict[str, str] = {}
    toc_files: set[str] = set()
    nav = next((v for v in manifest.values() if "nav" in v[2].split()), None)
    if nav is not None:
        toc_files.add(nav[0])
        doc = parse_html(archive.markup(nav[0]), f"{archive.path}:{nav[0]}")
        toc = doc.find(lambda el: el.tag == "nav" and "toc" in el.attrs.get("epub:type", "")) or doc
        for a in toc.iter():
            if a.tag == "a" and a.attrs.get("href"):
                titles.setdefault(archive.resolve(a.attrs["href"], nav[0]), a.text_content())
        return titles, toc_files
    ncx = manifest.get(spine_el.get("toc", "")) or next(
        (v for v in manifest.values() if v[1] == "application/x-dtbncx+xml"), None)
    if ncx is None:
        return titles, toc_files
    tree = archive.xml(ncx[0])
    for point in _children(tree, "navPoint"):
        label = next(iter(_children(point, "text")), None)
        content = next(iter(_children(point, "content")), None)
        if label is not None and content is not None and content.get("src"):
            titles.setdefault(archive.resolve(content.get("src", ""), ncx[0]), " ".join((label.text or "").split()))
    return titles, toc_files
