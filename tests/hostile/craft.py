"""Crafted hostile and broken files, each named for what it tries, and what fabula must do with it.

``FILES`` maps a file name to (the file's bytes, or a function making them; the outcome): the
outcome is ``"read"`` (analysed) or the error code fabula must refuse it with. The files are made
at test time, so the big ones never sit in the repository.
"""

from __future__ import annotations

import io
import zipfile

STORY = '"Is this the light?" he asked.\n\n"Know what?" said Anna.\n\nJoss set the lantern down.\n'
BOMB_DTD = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    + "]>"
)

CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
             "</rootfiles></container>")


def opf(items: str, spine: str) -> str:
    return ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata>'
            f"<manifest>{items}</manifest><spine>{spine}</spine></package>")


CHAPTER = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
           + "".join(f"<p>{p}</p>" for p in STORY.strip().split("\n\n")) + "</body></html>")
GOOD_OPF = opf('<item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>', '<itemref idref="c1"/>')


def epub(members: dict[str, bytes | str], *, mimetype: bool = True) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        if mimetype:
            z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def good_epub(**replace) -> bytes:
    members = {"META-INF/container.xml": CONTAINER, "OEBPS/content.opf": GOOD_OPF, "OEBPS/c1.xhtml": CHAPTER}
    members.update(replace)
    return epub(members)


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", CONTAINER)
        z.writestr("OEBPS/content.opf", GOOD_OPF)
        with z.open("OEBPS/c1.xhtml", "w", force_zip64=True) as f:
            f.write(b"<html><body><p>")
            zeros = b"0" * (1 << 20)
            for _ in range(80):  # 80 MB unpacked, about 80 KB packed
                f.write(zeros)
    return buf.getvalue()


def ratio_bomb() -> bytes:
    """A chapter of 8 MB of one letter: it packs a thousand times smaller than it unpacks."""
    return good_epub(**{"OEBPS/c1.xhtml": "<html><body><p>" + "a" * (8 << 20) + "</p></body></html>"})


def many_members() -> bytes:
    members = {f"OEBPS/x{i}.css": "" for i in range(10_001)}
    return good_epub(**members)


def spine_loop() -> bytes:
    items = '<item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>'
    return good_epub(**{"OEBPS/content.opf": opf(items, '<itemref idref="c1"/>' * 20_000)})


def paragraphs_10k() -> bytes:
    return ("\n\n".join("Word." for _ in range(10_000)) + "\n").encode()


FILES: dict[str, tuple] = {
    # not stories at all
    "png-named-story.txt": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "E103"),
    "pdf-named-story.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E103"),
    "gzip-named-story.txt": (b"\x1f\x8b\x08\x00" + b"\x00" * 40, "E103"),
    "program-named-story.txt": (b"\x7fELF\x02\x01\x01" + b"\x00" * 60, "E103"),
    "nul-bytes-in-text.txt": (b"Once upon a time\x00\x00\x00" * 200, "E103"),
    "control-character-soup.txt": (bytes(range(1, 9)) * 500, "E103"),
    "empty.txt": (b"", "E104"),
    "whitespace-only.txt": (b" \n\t\r\n   \n", "E104"),
    "bom-only.txt": (b"\xef\xbb\xbf", "E104"),
    # odd but honest text
    "utf16-without-bom.txt": (STORY.encode("utf-16-le"), "read"),
    "utf32-with-bom.txt": (STORY.encode("utf-32"), "read"),
    "windows-1252-curly-quotes.txt": ("\u201cIs this the light?\u201d he asked.\n\n\u201cKnow what?\u201d said Anna.\n"
                                      .encode("cp1252"), "read"),
    "lone-surrogate-bytes.txt": (b'"Hello," said Anna. \xed\xa0\x80 She left.\n', "read"),
    "double-mojibake.txt": ("\u201cHello,\u201d said Anna.".encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
                            .decode("cp1252", errors="replace").encode("utf-8"), "read"),
    "rtl-combining-zero-width.txt": (("\u05e9\u05dc\u05d5\u05dd said Anna\u200d\u200b. e\u0301\u0301\u0301 \u202eevil\u202c"
                                      " \u0627\u0644\u0633\u0644\u0627\u0645\n\n\"Yes,\" he said.\n").encode(), "read"),
    "quote-mark-soup.txt": (("\"\u201c\u201d'\u2018\u2019\u00ab\u00bb\u2014 " * 400 + "\n").encode(), "read"),
    "unclosed-quote-to-the-end.txt": (("\u201cAnd then she spoke and never stopped " * 200).encode(), "read"),
    "mixed-line-endings.txt": (b'"Hi," said Anna.\r\n\r\n"Hello," said Joss.\r\r"Bye."\n', "read"),
    "ten-thousand-one-word-paragraphs.txt": (paragraphs_10k, "read"),
    "one-line-without-breaks.txt": (lambda: ("word " * 25_000).encode(), "read"),
    "fifty-megabytes-on-one-line.txt": (lambda: b"word " * 10_485_760, "E111"),
    # markup
    "html-script-and-style-only.html": (b"<html><head><script>alert(1)</script><style>p{}</style></head><body></body></html>",
                                        "E112"),
    "html-entity-bomb.html": ((BOMB_DTD + "<html><body><p>&lol9;</p></body></html>").encode(), "E110"),
    "html-external-entity.html": (b'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                                  b"<html><body><p>&xxe;</p></body></html>", "E110"),
    "html-nested-two-hundred-thousand-deep.html": (lambda: (b"<html><body>" + b"<div>" * 200_000
                                                            + b"<p>Anna said so.</p></body></html>"), "read"),
    "html-unclosed-and-stray-tags.html": (lambda: b"<html><body><p>" + b"<b>x " * 20_000 + b"</i>" * 20_000, "read"),
    "html-unterminated-comment.html": (b"<html><body><p>Anna spoke.</p><!-- " + b"never closed " * 1000, "read"),
    "html-megabyte-attribute.html": (lambda: b'<html><body><p title="' + b"a" * (1 << 20) + b'">Anna spoke.</p></body></html>',
                                     "read"),
    "html-fifty-megabytes-on-one-line.html": (lambda: b"<html><body>" + b"<p>Anna said so.</p>" * 2_700_000, "E111"),
    "html-javascript-links.html": (b'<html><body><p><a href="javascript:alert(1)">"Click," said Anna.</a></p>'
                                   b'<p onclick="alert(1)">Joss waited.</p></body></html>', "read"),
    # e-books
    "epub-truncated.epub": (lambda: good_epub()[:200], "E109"),
    "epub-that-is-plain-text.epub": (STORY.encode(), "E109"),
    "epub-that-is-a-word-document.epub": (lambda: epub({"word/document.xml": "<w/>"}, mimetype=False), "E109"),
    "epub-without-container.epub": (lambda: epub({"OEBPS/c1.xhtml": CHAPTER}), "E109"),
    "epub-manifest-escapes-archive.epub": (lambda: good_epub(**{"OEBPS/content.opf": opf(
        '<item id="c1" href="../../etc/passwd" media-type="application/xhtml+xml"/>', '<itemref idref="c1"/>')}), "E110"),
    "epub-container-absolute-path.epub": (lambda: good_epub(**{
        "META-INF/container.xml": CONTAINER.replace("OEBPS/content.opf", "/etc/passwd")}), "E110"),
    "epub-entity-bomb-in-package.epub": (lambda: good_epub(**{"OEBPS/content.opf": BOMB_DTD + GOOD_OPF.split("?>", 1)[1]}),
                                         "E110"),
    "epub-entity-bomb-in-chapter.epub": (lambda: good_epub(**{"OEBPS/c1.xhtml": BOMB_DTD + "<html><body><p>&lol9;</p></body></html>"}),
                                         "E110"),
    "epub-zip-bomb.epub": (zip_bomb, "E110"),
    "epub-compression-ratio-bomb.epub": (ratio_bomb, "E110"),
    "epub-ten-thousand-members.epub": (many_members, "E110"),
    "epub-spine-lists-a-file-twenty-thousand-times.epub": (spine_loop, "read"),
    "epub-spine-names-a-missing-file.epub": (lambda: good_epub(**{"OEBPS/content.opf": opf(
        '<item id="c1" href="gone.xhtml" media-type="application/xhtml+xml"/>', '<itemref idref="c1"/>')}), "E109"),
    "epub-package-not-well-formed.epub": (lambda: good_epub(**{"OEBPS/content.opf": GOOD_OPF[:-20]}), "E109"),
}


def make(name: str) -> bytes:
    data, _ = FILES[name]
    return data() if callable(data) else data
