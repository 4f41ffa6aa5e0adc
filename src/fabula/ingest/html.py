"""HTML files: an archive download, a Project Gutenberg book, or any web page.

For a web page the story is the main text without its navigation and
boilerplate: the ``<main>``/``<article>`` or the story container that holds
the most paragraph text, without headers, footers, menus, comment threads
and link lists. Block elements make paragraphs, ``<br>`` starts a new line,
``<hr>`` and ``***`` lines are scene breaks, headings open chapters.
"""

from __future__ import annotations

import re

from ..errors import E, FabulaError
from ..model import Meta
from .ao3 import is_archive_download, read_archive_download
from .blocks import Block, assemble, element_blocks
from .dom import Element, parse_html, refuse_entity_declarations
from .gutenberg import GUTENBERG_END, GUTENBERG_START
from .layout import HEADING, SCENE_BREAK
from .source import Source

_CONTAINER = re.compile(
    r"(?:^|[-_\s])(?:content|story|storytext|chapter|chapters|text|entry|post|userstuff|article|body|main)"
    r"(?:$|[-_\s])", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"(?:^|[-_\s])(?:comments?|sidebar|menu|navigation|navbar|share|social|related|advert\w*|ads?|banner|"
    r"cookie\w*|breadcrumbs?|pg-boilerplate|pg-header|pg-footer|pgheader|pgfooter|skip|footnotes-nav)"
    r"(?:$|[-_\s])", re.IGNORECASE)


_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_BYLINE = re.compile(r"^by\s+(\S.{0,80})$", re.IGNORECASE)


def read_html(markup: str, *, path: str | None, encoding: str | None, repair_text: bool,
              max_chars: int | None = None) -> Source:
    refuse_entity_declarations(markup, path or "<text>")
    if max_chars is not None:
        check_text_size(markup, path or "<text>", max_chars)
    root = parse_html(markup, path or "<text>")
    return read_tree(root, path=path, encoding=encoding, repair_text=repair_text)


def text_size(markup: str, chunk: int = 1 << 20) -> int:
    """About how many characters of text ``markup`` shows: tags out, white space collapsed.
    Read a megabyte at a time (cut after a ``>``), so memory stays small on huge files."""
    size = pos = 0
    while pos < len(markup):
        end = markup.find(">", pos + chunk)
        end = len(markup) if end < 0 else end + 1
        size += len(_SPACES.sub(" ", _TAGS.sub("", markup[pos:end])))
        pos = end
    return size


def check_text_size(markup: str, path: str, max_chars: int) -> None:
    """Refuse markup holding more text than allowed before building its tree, which costs
    time and memory in proportion to the file."""
    size = text_size(markup)
    if size > max_chars:
        raise FabulaError(E.TOO_LARGE, path=path, what="the text in this markup", size=size, unit="characters",
                          limit=max_chars)


def read_tree(root: Element, *, path: str | None, encoding: str | None, repair_text: bool,
              meta: Meta | None = None) -> Source:
    """The ``Source`` of a parsed document (one HTML file, or an e-book's files joined)."""
    if is_archive_download(root):
        blocks, titles, found = read_archive_download(root)
        found.source_path, found.encoding = path, encoding
        if meta is not None:  # an e-book's own record fills what the preface lacks
            _fill(found, meta)
        return assemble(blocks, titles, found, repair_text=repair_text, structured=True)
    meta = meta or Meta()
    meta.source_path, meta.encoding = path, encoding
    meta.source_format = meta.source_format if meta.source_format != "text" else "html"
    _page_meta(root, meta)
    blocks = page_blocks(root)
    mark_title(blocks, meta)
    return assemble(blocks, [], meta, repair_text=repair_text, structured=False)


def page_blocks(root: Element) -> list[Block]:
    """The main text of a page as blocks, boilerplate left out."""
    main = _main_container(root)
    blocks = element_blocks(main, skip=_is_boilerplate)
    for b in blocks:
        if b.kind == "text" and SCENE_BREAK.match(b.text):
            b.kind = "break"
        elif b.kind == "heading" and not (HEADING.match(b.text) or len(b.text) <= 120):
            b.kind = "text"
    return strip_gutenberg(blocks)


def strip_gutenberg(blocks: list[Block]) -> list[Block]:
    """Drop a Project Gutenberg licence header and footer kept in the page's text."""
    start = next((i for i, b in enumerate(blocks) if GUTENBERG_START.search(b.text)), None)
    if start is not None:
        blocks = blocks[start + 1:]
    end = next((i for i, b in enumerate(blocks) if GUTENBERG_END.search(b.text)), None)
    if end is not None:
        blocks = blocks[:end]
    return blocks


def _fill(meta: Meta, other: Meta) -> None:
    for name in ("title", "author", "language", "publisher"):
        if getattr(meta, name) is None and getattr(other, name) is not None:
            setattr(meta, name, getattr(other, name))
    meta.subjects = meta.subjects or other.subjects
    meta.parts = other.parts


def _page_meta(root: Element, meta: Meta) -> None:
    if meta.title is None:
        title = root.find(lambda el: el.tag == "title")
        og = root.find(lambda el: el.tag == "meta" and el.attrs.get("property") == "og:title")
        if og is not None and og.attrs.get("content", "").strip():
            meta.title = " ".join(og.attrs["content"].split())
        elif title is not None and title.text_content():
            meta.title = title.text_content()
    if meta.author is None:
        author = root.find(lambda el: el.tag == "meta" and el.attrs.get("name", "").lower() in ("author", "dc.creator"))
        if author is not None and author.attrs.get("content", "").strip():
            meta.author = " ".join(author.attrs["content"].split())
    if meta.language is None:
        html_el = root.find(lambda el: el.tag == "html")
        if html_el is not None and html_el.attrs.get("lang"):
            meta.language = html_el.attrs["lang"]


def mark_title(blocks: list[Block], meta: Meta) -> None:
    """A first heading that repeats the page's title is the title, not a chapter."""
    for i, b in enumerate(blocks[:3]):
        if b.kind == "heading" and meta.title and b.text.lower() in meta.title.lower() and not HEADING.match(b.text):
            b.kind = "title"
            meta.title = b.text
            mark_byline(blocks[i + 1:i + 2], meta)
            return


def mark_byline(blocks: list[Block], meta: Meta) -> None:
    """"by Jane Doe" right after the title is the byline."""
    for b in blocks:
        m = _BYLINE.match(b.text)
        if m and b.kind == "text":
            b.kind = "title"
            meta.author = meta.author or m.group(1)


def _paragraph_chars(el: Element) -> int:
    return sum(len(t.text.strip()) for t in el.texts())


def _main_container(root: Element) -> Element:
    body = root.find(lambda el: el.tag == "body") or root
    candidates = [el for el in body.iter() if el.tag in ("main", "article") or el.attrs.get("role") == "main"
                  or _CONTAINER.search(el.id) or any(_CONTAINER.search(c) for c in el.classes)][:200]
    if not candidates:
        return body
    total = _paragraph_chars(body)
    # the outermost candidate holding most of the text: inner ones may be one chapter of many
    best = max(candidates, key=_paragraph_chars)
    chars = _paragraph_chars(best)
    if total and chars < 0.4 * total:
        return body
    return best


def _is_boilerplate(el: Element) -> bool:
    if el.tag in ("header", "footer", "aside", "nav", "menu"):
        return True
    if _BOILERPLATE.search(el.id) or any(_BOILERPLATE.search(c) for c in el.classes):
        return True
    if el.tag in ("ul", "ol"):
        return _link_share(el) > 0.6
    return False


def _link_share(el: Element) -> float:
    """The share of an element's text that sits in links: menus and link lists are mostly links."""
    linked = 0
    for a in el.iter():
        if a.tag == "a":
            linked += len(a.text_content())
    total = len(el.text_content())
    return linked / total if total else 0.0
