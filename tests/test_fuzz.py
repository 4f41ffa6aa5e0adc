"""Property-based tests: random bytes, markup and text never crash fabula or break its invariants.

Each property runs 2,000 examples (the "full" Hypothesis profile in conftest.py); the only
exceptions allowed are fabula's own coded errors.
"""

import string

from hypothesis import given
from hypothesis import strategies as st

import fabula
from fabula import FabulaError
from fabula.ingest import load_text
from fabula.ingest.html import read_html
from invariants import check_story

ODD = [
    "\u0301", "\u0308", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202c", "\u05e9", "\u0627",
    "\u00a0", "\u2028", "\u2029", "\x00", "\x0b", "\x0c", "\r", "\t", "\U0001f600", "\ud7ff", "\ue000",
]
QUOTES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u2014", "\u2013", "`"]
WORDS = ["said", "Anna", "Joss", "he", "she", "asked", "Mr.", "Mrs.", "the", "and", "I", "you", "Chapter 1",
         "* * *", "Later that night", "went", "into", "room", "...", "!", "?", ",", "."]

soup = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTES), st.sampled_from(ODD),
              st.sampled_from([" ", " ", " ", "\n", "\n\n", "\n\n\n"]),
              st.text(alphabet=string.ascii_letters, min_size=1, max_size=8),
              st.text(max_size=3)),
    max_size=80,
).map("".join)


def _read_or_refuse(read, *args, **kwargs):
    try:
        return read(*args, **kwargs)
    except FabulaError:
        return None


@given(st.binary(max_size=600))
def test_any_bytes_are_read_or_refused_with_a_code(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "story.txt"
    path.write_bytes(data)
    try:
        source = fabula.ingest.load_file(path)
    except FabulaError as exc:
        assert exc.code.startswith("E1")
        return
    n = len(source.text)
    for p in source.paragraphs:
        assert 0 <= p.start <= p.end <= n
        assert 0 <= source.offsets.to_original(p.start) <= source.offsets.orig_length


MARKUP = ["<p>", "</p>", "<div>", "</div>", "<br>", "<hr>", "<i>", "</i>", "<em>", "<h2>", "</h2>", "<pre>",
          "</pre>", "<script>", "</script>", "<!--", "-->", "&amp;", "&lt;", "&#8220;", "&#x201d;", "&bogus;", "&",
          "<", ">", "<a href='javascript:x'>", "</a>", "<dl class='tags'>", "<dt>", "<dd>", "<div id='chapters'>",
          "<![CDATA[", "]]>", "<!DOCTYPE html>", "<body>", "</body>"]


@given(st.lists(st.one_of(st.sampled_from(MARKUP), soup), max_size=40).map("".join))
def test_any_markup_is_read_or_refused_with_a_code(markup):
    source = _read_or_refuse(read_html, "<html><body>" + markup, path="fuzz.html", encoding=None, repair_text=True)
    if source is None:
        return
    n = len(source.text)
    last = 0
    for p in source.paragraphs:
        assert last <= p.start <= p.end <= n
        last = p.end
    for start, end in source.emphasis:
        assert 0 <= start <= end <= n


@given(soup)
def test_any_text_is_laid_out_within_bounds(text):
    source = _read_or_refuse(load_text, text)
    if source is None:
        return
    n = len(source.text)
    for p in source.paragraphs:
        assert 0 <= p.start <= p.end <= n and source.text[p.start:p.end].strip()


@given(soup)
def test_the_whole_pipeline_keeps_its_invariants(text):
    story = _read_or_refuse(fabula.read, text)
    if story is not None:
        check_story(story)
