"""The narrator of first-person narration: "I" outside quotation marks is one character; and
whom first-person narration calls "you"."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Story
from ..names import parse_name, same_given_name

FIRST_PERSON = ("i", "me", "my", "mine", "myself")
# the archaic "ye" and the dialect spellings of a line ("I don't want yeh to go"; "yer hat"), which
# the tagger calls proper nouns ("Ye", "yeh") or a noun ("yuh")
DIALECT_YOU = frozenset({"ye", "yeh", "yuh", "yer"})
SECOND = {"you", "your", "yours", "yourself", "thee", "thou", "thy", "thine", "thyself"} | DIALECT_YOU
NAMED = re.compile(r"\b(?:[Mm]y name (?:is|was)|[Cc]all me|I am|I'm|I’m|I called myself|I ,|I,"
                   r"|I (?:was|am) (?:called|named|christened)|(?:called|named|christened) me)\s+"
                   r"((?:[A-Z][\w'’-]+\s?){1,3})")
MIN_SHARE = 0.025  # first-person pronouns per word of narration: 3–7% in first-person novels, under 2.5% in others
MIN_COUNT = 5
# a narration that names its "I" ("and I, Ellen Marsh") is told in the first person even where its
# "we" outnumbers its "I" (a narrator telling what "we three" did)
MIN_SHARE_SELF_NAMED = 0.01
CALLED_MARKS = (",", '"', "“", "‘", "'")  # "…, Penrose,"
CALLED_WORDS = ("dear", "my", "oh", "o", "ah")  # "my dear Penrose!", "O Romeo"
CALLED_AFTER = (",", "!", "?", ".", ";", "—", "–", "…", '"', "”")
NARRATED_SHARE = 0.1  # of a name's uses, at most this many in narration: a narrator calls themself "I"


def self_named(story, quoted) -> list[list[str]]:
    """The names narration gives its "I": "Call me Ellen", "I, Ellen Marsh, …"."""
    out = []
    for p in story.paragraphs:
        for match in NAMED.finditer(story.text, p.start, p.end):
            if not quoted(match.start()):
                out.append(match.group(1).split())
    return out


def first_person_narration(story, quoted, taken: set[int] = frozenset()) -> list:
    """The "I", "me", "my" … of the narration, outside quotations, but for those whose starts
    are ``taken`` (already someone else's: a letter's writer)."""
    text = story.text
    return [m for m in story.mentions if m.kind == "PRON" and text[m.start:m.end].lower() in FIRST_PERSON
            and not quoted(m.start) and m.start not in taken]


def find_narrator(story, quoted, given_names: list[set[str]], taken: set[int] = frozenset()):
    """``(index of the narrator's cluster or None for a new one, first-person mentions)``,
    or None when the story is not told in the first person. ``taken``: starts of first-person
    mentions already someone else's (a letter's writer)."""
    first = first_person_narration(story, quoted, taken)
    narration = sum(1 for s, pos in zip(story.tokens.start, story.tokens.pos) if pos != "PUNCT" and not quoted(s))
    if len(first) < MIN_COUNT or len(first) < MIN_SHARE_SELF_NAMED * narration:
        return None
    for named in self_named(story, quoted):
        parts = parse_name(named)
        for i, given in enumerate(given_names):
            if parts.words and any(same_given_name(parts.words[0], g) for g in given):
                return i, first
    return (None, first) if len(first) >= MIN_SHARE * narration else None


def called_in_dialogue_only(story, quoted, clusters_mentions: list[list]) -> int | None:
    """The cluster an unnamed "I" most likely is: the one whose name the narration (almost)
    never uses but other people's lines call out ("Come in, Penrose!"). A first-person narrator
    is "I" in narration and a name only in what others say to them. None where no cluster, or
    more than one equally, fits."""
    text = story.text
    best, best_key, tied = None, None, False
    for i, mentions in enumerate(clusters_mentions):
        names = [m for m in mentions if m.kind == "PROP"]
        inside = [m for m in names if quoted(m.start)]
        if not inside or len(names) - len(inside) > max(1, NARRATED_SHARE * len(names)):
            continue
        called = sum(1 for m in inside if _called(text, m))
        key = (called, len(names))
        if not called:
            continue
        if best_key is None or key > best_key:
            best, best_key, tied = i, key, False
        elif key == best_key:
            tied = True
    return None if tied else best


def _called(text: str, m) -> bool:
    return called_out(text, m, CALLED_MARKS, CALLED_WORDS, CALLED_AFTER)


def called_out(text: str, m, marks: tuple[str, ...], words: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether name mention ``m`` calls someone: right after one of ``marks`` or a whole word
    of ``words`` (or the start of the text), and followed by one of ``after``."""
    before = text[max(0, m.start - 12):m.start].rstrip().lower()
    words_before = before.split()
    last_word = words_before[-1].lstrip("\"“‘'") if words_before else ""
    # a whole word: "brother to Lord Burlesdon," calls no one, though "to" ends as "O" does
    return (not before or before.endswith(marks) or last_word in words) \
        and text[m.end:m.end + 3].lstrip()[:1] in after


# how first-person narration calls someone by name: (marks before, words before, marks after)
NARRATION_CALLED = ((",", "—"), ("dear", "dearest", "o"), (",", ":", "!", "—"))


def link_narration_you(story: Story, quoted) -> None:
    """In first-person narration that calls someone by name ("Dear Nell: Your letter is here";
    "There, Clara, the fog never lifts"), "you" outside quotations is them, until
    the chapter ends or the narration calls someone else."""
    written = story.notes.get("letters", [])  # (start, end, writer id, addressee id): a letter's "you" is its addressee
    narrators = {c.id for c in story.characters if c.is_narrator}
    narrated = bool(narrators)
    if not narrated and not written:
        return
    text = story.text
    starts = [p.start for p in story.paragraphs]
    letter_starts = [start for start, *_ in written]
    addressed, chapter, letter = None, None, None
    for m in story.mentions:
        if quoted(m.start):
            continue
        i = bisect_right(starts, m.start) - 1
        here = story.paragraphs[i].chapter if i >= 0 else None
        j = bisect_right(letter_starts, m.start) - 1
        inside = written[j] if j >= 0 and m.start < written[j][1] else None
        if here != chapter or inside is not letter:
            addressed, chapter, letter = (inside[3] if inside else None), here, inside
        if inside is None and not narrated:
            continue
        # "Dear Nell:", "There, Clara, the fog …", "And now, dear Clara, must I not …"
        # "Me -- I, Nell Farrow, the keeper of a lighthouse!": no one calls themself
        if m.kind == "PROP" and m.character is not None and called_out(text, m, *NARRATION_CALLED) \
                and m.character not in narrators and not (inside and m.character == inside[2]):
            addressed = m.character
        elif m.kind == "PRON" and m.character is None and addressed is not None \
                and text[m.start:m.end].lower() in SECOND:
            m.character = addressed
