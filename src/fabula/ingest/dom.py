"""A small, forgiving HTML tree with source offsets, on the standard library's parser.

Story files come from many tools (archives, word processors, e-book
converters), so the tree is built the way browsers read tag soup: void
elements close themselves, a block element closes an open paragraph, and an
end tag with no open match is ignored. Every text node keeps the offset of its
characters in the decoded file, so the offset map back to the file is exact;
entities (``&amp;``) are kept as separate nodes because they change length.

Nothing here recurses: a file of a million nested ``<div>`` is a flat loop.
Entity declarations never take effect: the parser does not read a DOCTYPE's
internal subset, and :func:`refuse_entity_declarations` turns such files away
before any XML parser sees them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

from ..errors import E, FabulaError

VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])
# Elements that end an open <p>, as browsers do.
CLOSES_P = frozenset(
    ["address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul"]
)
_SIBLING_CLOSES = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th"},
                   "th": {"td", "th"}, "option": {"option"}}
MAX_ELEMENTS = 2_000_000  # a long novel's HTML has a few hundred thousand; more is a flood of empty tags
_MATCH_DEPTH = 64  # how far up an end tag looks for its start: bounds work on broken input
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


class Text:
    __slots__ = ("pos", "raw_len", "text")

    def __init__(self, text: str, pos: int, raw_len: int) -> None:
        self.text = text  # the characters as read (entities resolved)
        self.pos = pos  # offset of the first source character in the decoded file
        self.raw_len = raw_len  # how many source characters it came from


class Element:
    __slots__ = ("attrs", "children", "parent", "pos", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None, pos: int = 0) -> None:
        self.tag = tag
        self.pos = pos  # offset of the start tag in the decoded file
        self.attrs = attrs
        self.children: list[Element | Text] = []
        self.parent = parent

    @property
    def id(self) -> str:
        return self.attrs.get("id", "")

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        stack: list[Element] = [self]
        while stack:
            el = stack.pop()
            yield el
            stack.extend(c for c in reversed(el.children) if isinstance(c, Element))

    def find_all(self, test: Callable[[Element], bool]) -> list[Element]:
        return [el for el in self.iter() if test(el)]

    def find(self, test: Callable[[Element], bool]) -> Element | None:
        return next((el for el in self.iter() if test(el)), None)

    def texts(self) -> Iterator[Text]:
        """Every text node below this element, in document order."""
        stack: list[Element | Text] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, Text):
                yield node
            else:
                stack.extend(reversed(node.children))

    def text_content(self) -> str:
        """The text below this element with runs of white space made one space."""
        return " ".join("".join(t.text for t in self.texts()).split())

    def has_ancestor(self, test: Callable[[Element], bool]) -> bool:
        el = self.parent
        while el is not None:
            if test(el):
                return True
            el = el.parent
        return False


def tag_is(*names: str) -> Callable[[Element], bool]:
    wanted = frozenset(names)
    return lambda el: el.tag in wanted


def has_class(name: str, tag: str | None = None) -> Callable[[Element], bool]:
    return lambda el: name in el.classes and (tag is None or el.tag == tag)


def refuse_entity_declarations(markup: str, path: str) -> None:
    """Files with a DOCTYPE internal subset are refused: story files never need one, and it
    is how entity-expansion bombs ("billion laughs") and external-entity attacks are built."""
    head = markup[:65536]
    if _INTERNAL_SUBSET.search(head) or "<!ENTITY" in head:
        raise FabulaError(E.UNSAFE_FILE, path=path,
                          reason="it declares XML entities (a DOCTYPE internal subset)")


class _TreeBuilder(HTMLParser):
    def __init__(self, source: str, path: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.path = path
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.root = Element("#document", {}, None)
        self.stack: list[Element] = [self.root]
        self.elements = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _close(self, tag: str) -> bool:
        for depth in range(1, min(len(self.stack), _MATCH_DEPTH + 1)):
            if self.stack[-depth].tag == tag:
                del self.stack[-depth:]
                return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        top = self.stack[-1]
        if tag in CLOSES_P and top.tag == "p" or tag in _SIBLING_CLOSES and top.tag in _SIBLING_CLOSES[tag]:
            self.stack.pop()
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise FabulaError(E.TOO_LARGE, path=self.path, what="the markup", size=self.elements, unit="elements",
                              limit=MAX_ELEMENTS)
        parent = self.stack[-1]
        el = Element(tag, {k: (v or "") for k, v in attrs}, parent, self._offset())
        parent.children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()  # <div/> in XHTML is an empty div

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and not self._close("p"):
            self.handle_starttag("p", [])  # a stray </p> is an empty paragraph, as in browsers
            self.stack.pop()
            return
        if tag == "br":
            self.handle_starttag("br", [])  # </br> is read as <br>
            return
        self._close(tag)

    def _text(self, text: str, raw_len: int) -> None:
        if text:
            self.stack[-1].children.append(Text(text, self._offset(), raw_len))

    def handle_data(self, data: str) -> None:
        self._text(data, len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, opening: str) -> None:
        """An entity or character reference: its text, and how many source characters it spans
        (the ``;`` is optional in HTML)."""
        end = self._offset() + len(opening)
        raw = opening + (";" if end < len(self.source) and self.source[end] == ";" else "")
        self._text(html.unescape(raw), len(raw))


def parse_html(markup: str, path: str = "<markup>") -> Element:
    """The document tree of ``markup``; text offsets are offsets into ``markup``."""
    builder = _TreeBuilder(markup, path)
    builder.feed(markup)
    builder.close()
    return builder.root
