"""The narrator of first-person narration: "I" outside quotation marks is one character."""

from __future__ import annotations

import re

from ..names import parse_name, same_given_name

FIRST_PERSON = ("i", "me", "my", "mine", "myself")
NAMED = re.compile(r"\b(?:[Mm]y name (?:is|was)|[Cc]all me|I am|I'm|I’m|I called myself|I ,|I,"
                   r"|I (?:was|am) (?:called|named|christened)|(?:called|named|christened) me)\s+"
                   r"((?:[A-Z][\w'’-]+\s?){1,3})")
MIN_SHARE = 0.025  # first-person pronouns per word of narration: 3–7% in first-person novels, under 2.5% in others
MIN_COUNT = 5


def self_named(story, quoted) -> list[list[str]]:
    """The names narration gives its "I": "Call me Ellen", "I, Ellen Marsh, …"."""
    out = []
    for p in story.paragraphs:
        for match in NAMED.finditer(story.text, p.start, p.end):
            if not quoted(match.start()):
                out.append(match.group(1).split())
    return out


def find_narrator(story, quoted, given_names: list[set[str]]):
    """``(index of the narrator's cluster or None for a new one, first-person mentions)``,
    or None when the story is not told in the first person."""
    text = story.text
    first = [m for m in story.mentions if m.kind == "PRON" and text[m.start:m.end].lower() in FIRST_PERSON
             and not quoted(m.start)]
    narration = sum(1 for s, pos in zip(story.tokens.start, story.tokens.pos) if pos != "PUNCT" and not quoted(s))
    if len(first) < MIN_COUNT or len(first) < MIN_SHARE * narration:
        return None
    for named in self_named(story, quoted):
        parts = parse_name(named)
        for i, given in enumerate(given_names):
            if parts.words and any(same_given_name(parts.words[0], g) for g in given):
                return i, first
    return None, first


