"""Scenes: where the story moves to another time, place or set of people.

A scene opens at every chapter, at an explicit break (``* * *``, ``<hr>``),
at a wider gap of blank lines than the text uses between paragraphs, at a
narration paragraph that moves the story in time ("Later that night", "The
next morning", "Three days later") or takes its people somewhere new ("She let
them into the room", "They walked down the street"), and where the people on
stage change: the characters mentioned in the paragraphs after a point share
little with those before it, and neither do the words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from ..dialogue import QuotedText
from ..lexicon import _lines, words
from ..model import Paragraph, Scene, Story
from . import stage
from .coref_notes import coref_notes
from .cues import SUBJECT

# text paragraphs on each side compared for a change of cast and words, at several widths: a
# scene changes over a few paragraphs, a chapter's turn over many
WIDTHS = (2, 4, 8, 16)
MIN_SCENE = 2  # text paragraphs: an implicit break this close to another is not taken
CHANGE_THRESHOLD = 0.845  # how different the two sides must be, with the cues below
# Chosen on chapter recovery (benchmarks/scenes.py): a dialogue paragraph rarely opens a scene; a
# printer's capitals on the first word ("IT was broad daylight") mark one where the text uses them
# rarely; so, a little, does a long paragraph of narration.
DIALOGUE_PENALTY = 0.5
CAPITALS_BONUS = 1.0
LONG_BONUS = 0.1
# How the paragraph opens, chosen the same way (a split-half check: weights chosen on one half of
# the novels gained 3 to 4 points on the other). A talk that has just ended in narration is more
# likely to be left than one still going; a scene tends to open by naming its people and its time,
# while a pronoun leans on someone the paragraph before brought in.
AFTER_NARRATION_BONUS = 0.3
DATE_BONUS = 0.1
NAMED_BONUS = 0.1
PRONOUN_OPENING_PENALTY = 0.2
PRONOUN_SUBJECT_PENALTY = 0.1
PRONOUNS_ONLY_PENALTY = 0.1  # the first sentence's people are all pronouns: "A dog barked at her"
_CAPITALS = re.compile(r"^\W*([A-Z]{2,})\b(?=\s+(?:[a-z]|[A-Z][a-z])|[^\w\s])")
MOTION_VERBS = frozenset({"walk", "go", "come", "enter", "arrive", "return", "head", "drive", "ride", "reach",
                          "lead", "let", "take", "bring", "step", "hurry", "run", "climb", "make", "get", "wander",
                          "stroll", "set", "move", "follow", "retire", "proceed", "repair", "hasten"})
MOTION_PREPS = frozenset({"into", "to", "down", "up", "through", "inside", "toward", "towards", "along", "out",
                          "at", "onto", "across"})
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
_OPENING_PUNCT = "\"'“‘«—–-([ \t\n"


@lru_cache(maxsize=1)
def _time_shift() -> re.Pattern:
    return re.compile("|".join(f"(?:{line})" for line in _lines("time_shifts")), re.IGNORECASE)


def _is_narration(story: Story, p: Paragraph) -> bool:
    return story.text[p.start:p.start + 1] not in "\"“‘'«—–"


def _token_ranges(story: Story) -> dict[str, tuple[int, int]]:
    """paragraph id -> (first token, last token + 1)."""
    t = story.tokens
    out: dict[str, list[int]] = {}
    for i, s in enumerate(t.sentence):
        pid = story.sentences[s].paragraph
        if pid in out:
            out[pid][1] = i + 1
        else:
            out[pid] = [i, i + 1]
    return {k: (v[0], v[1]) for k, v in out.items()}


# a move to the next day said anywhere in a paragraph's first sentence ("The carter was up,
# early, next morning")
MODAL = re.compile(r"\b(?:would|will|shall|should|could|might|must|'ll|’ll)\b", re.IGNORECASE)
SECOND_SENTENCE = re.compile(r"[^.!?]{1,60}[.!?]\s+")
NEXT_DAY = re.compile(r"\b(?:(?:the )?(?:next|following) (?:morning|day)|the (?:morning|day) after"
                      r"|(?<!only )(?<!every )one (?!of\b|or\b|and\b)(?:[\w-]+ ){0,2}?(?:morning|evening|afternoon|night|day)"
                      r"|(?:that|this) (?:summer|winter|spring|autumn|same) (?:morning|evening|afternoon|night|day))\b",
                      re.IGNORECASE)


def time_shift(story: Story, p: Paragraph) -> bool:
    if not _is_narration(story, p):
        return False
    opening = story.text[p.start:min(p.end, p.start + 120)].lstrip(_OPENING_PUNCT)
    if _time_shift().match(opening) is not None:
        return True
    # a short first sentence, then the move: "Denzil fell ill as he foretold. Three days later he lay abed"
    second = SECOND_SENTENCE.match(opening)
    if second is not None and _time_shift().match(opening, second.end()) is not None:
        return True
    first = re.split(r"[.!?;]", story.text[p.start:min(p.end, p.start + 300)], maxsplit=1)[0]
    found = NEXT_DAY.search(first)
    # "he would come back the next day": a plan, not the story moving on
    return found is not None and MODAL.search(first, 0, found.start()) is None


def place_shift(story: Story, p: Paragraph, tokens: tuple[int, int] | None) -> str | None:
    """The place a narration paragraph's first sentence moves its people to, if it does."""
    if tokens is None or not _is_narration(story, p):
        return None
    t, text = story.tokens, story.text
    first, last = tokens
    sentence = t.sentence[first]
    places = words("location_nouns")
    for j in range(first, last):
        if t.sentence[j] != sentence:
            break
        # a place noun, even one the tagger took for a number ("into the little parlour")
        if t.pos[j] not in ("NOUN", "NUM") or t.lemma[j].lower() not in places and text[t.start[j]:t.end[j]].lower() not in places:
            continue
        prep = t.head[j]
        if t.dep[j] == "pobj" and text[t.start[prep]:t.end[prep]].lower() in MOTION_PREPS:
            verb = t.head[prep]
        elif t.dep[j] == "dobj":
            verb = prep  # "entered the room", "reached the station"
        else:
            continue
        if t.lemma[verb] in MOTION_VERBS and t.pos[verb] == "VERB":
            return _noun_phrase(story, j)
    return None


def _noun_phrase(story: Story, head: int) -> str:
    """The noun phrase a place noun heads: its determiner and modifiers, "the hotel room"."""
    t = story.tokens
    start = head
    while start - 1 >= 0 and t.head[start - 1] == head and t.dep[start - 1] in ("det", "compound", "amod", "poss"):
        start -= 1
    return " ".join(story.text[t.start[start]:t.end[head]].split())


def _gap(story: Story, before: Paragraph, after: Paragraph) -> int:
    return story.text.count("\n", before.end, after.start)


def change_scores(story: Story, paragraphs: list[Paragraph], ranges: dict) -> list[float]:
    """For each text paragraph, how much the cast and the words after it differ from before it."""
    quoted = QuotedText(story)
    t, text = story.tokens, story.text
    people: list[Counter] = []
    vocab: list[Counter] = []
    guesses = coref_notes(story).guesses  # a pronoun guessed on recency: no sign of who is there
    mentions = sorted((m.start, m.character) for m in story.mentions if m.character and m.start not in guesses)
    speakers = [(q.start, q.speaker) for q in story.quotes if q.speaker]
    k = s = 0
    for p in paragraphs:
        c: Counter = Counter()
        while k < len(mentions) and mentions[k][0] < p.end:
            if mentions[k][0] >= p.start and not quoted(mentions[k][0]):
                c[mentions[k][1]] += 1
            k += 1
        while s < len(speakers) and speakers[s][0] < p.end:
            if speakers[s][0] >= p.start:
                c[speakers[s][1]] += 1
            s += 1
        people.append(c)
        lo, hi = ranges.get(p.id, (0, 0))
        vocab.append(Counter(t.lemma[j].lower() for j in range(lo, hi)
                             if t.pos[j] in CONTENT_POS and not quoted(t.start[j]) and len(text[t.start[j]:t.end[j]]) > 2))
    n = len(paragraphs)
    total = [0.0] * n
    weights = [0.0] * n
    for width in WIDTHS:
        for items, weight in ((people, 0.6), (vocab, 0.4)):
            for i, sim in enumerate(_sliding_similarity(items, width)):
                if sim is not None:
                    total[i] += (1.0 - sim) * weight
                    weights[i] += weight
    return [total[i] / weights[i] if i and weights[i] else 0.0 for i in range(n)]


def _sliding_similarity(items: list[Counter], width: int) -> list[float | None]:
    """For each index i, the cosine between the ``width`` items before i and the ``width`` from
    i on. The two windows slide along and their dot product and norms are kept up to date with
    each item that enters or leaves, so the cost is linear in the text."""
    before: dict = {}
    after: dict = {}
    state = [0.0, 0.0, 0.0]  # dot product, squared norm before, squared norm after

    def move(item: Counter, into: dict, other: dict, sign: int, norm: int) -> None:
        for key, n in item.items():
            old = into.get(key, 0)
            new = old + sign * n
            state[0] += (new - old) * other.get(key, 0)
            state[norm] += new * new - old * old
            into[key] = new

    for item in items[:width]:
        move(item, after, before, 1, 2)
    out: list[float | None] = []
    for i in range(len(items)):
        dot, nb, na = state
        out.append(dot / math.sqrt(nb * na) if nb > 0 and na > 0 else None)
        move(items[i], before, after, 1, 1)
        if i - width >= 0:
            move(items[i - width], before, after, -1, 1)
        move(items[i], after, before, -1, 2)
        if i + width < len(items):
            move(items[i + width], after, before, 1, 2)
    return out


def _title_line(text: str) -> bool:
    """A section title left in the text as a paragraph of its own: "BROKEN HOPES"."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 4 and len(text.split()) <= 8 and all(c.isupper() for c in letters)
            and not any(c in text for c in "\"“”‘’'") and text.rstrip()[-1:] not in "!?,;:.")


_CAPITAL_TITLE = re.compile(r"^\W*(?:MR|MRS|DR|ST)\.?\s+[A-Z]{2,}\b(?!\.)")


def _capitals(text: str) -> bool:
    m = _CAPITALS.match(text)
    if m is not None and m.group(1) not in ("I", "A", "O", "OK", "MR", "MRS", "DR", "ST"):
        return True
    return _CAPITAL_TITLE.match(text) is not None  # "MR. GRADGRIND walked homeward"


def _opening_score(story: Story, tokens: tuple[int, int] | None, mention_kinds: dict[int, str]) -> float:
    """What the first sentence of a narration paragraph says about opening a scene."""
    if tokens is None:
        return 0.0
    t = story.tokens
    first, last = tokens
    sentence = range(first, next((j for j in range(first, last) if t.sentence[j] != t.sentence[first]), last))
    score = 0.0
    if any(t.ent[j].endswith(("DATE", "TIME")) for j in sentence):
        score += DATE_BONUS
    if t.pos[first] == "PRON":
        score -= PRONOUN_OPENING_PENALTY
    subject = next((j for j in sentence if t.dep[j] in ("nsubj", "nsubjpass")), None)
    if subject is not None and t.pos[subject] == "PRON":
        score -= PRONOUN_SUBJECT_PENALTY
    kinds = [mention_kinds[t.start[j]] for j in sentence if t.start[j] in mention_kinds]
    if kinds and kinds[0] == "PROP":
        score += NAMED_BONUS
    if "PRON" in kinds and "PROP" not in kinds:
        score -= PRONOUNS_ONLY_PENALTY
    return score


def _implicit_scores(story: Story, paragraphs: list[Paragraph], change: list[float],
                     ranges: dict[str, tuple[int, int]]) -> list[float]:
    heads = [_capitals(story.text[p.start:p.start + 40]) for p in paragraphs]
    capitals_rare = sum(heads) < 0.1 * len(paragraphs)
    lengths = sorted(p.end - p.start for p in paragraphs)
    median = lengths[len(lengths) // 2]
    narration = [_is_narration(story, p) for p in paragraphs]
    mention_kinds = {m.start: m.kind for m in story.mentions}
    out = []
    for i, p in enumerate(paragraphs):
        score = change[i]
        if narration[i]:
            score += _opening_score(story, ranges.get(p.id), mention_kinds)
        else:
            score -= DIALOGUE_PENALTY
        if i and narration[i - 1]:
            score += AFTER_NARRATION_BONUS
        if heads[i] and capitals_rare:
            score += CAPITALS_BONUS
        if p.end - p.start > 2 * median:
            score += LONG_BONUS
        out.append(score)
    return out


def scene_openings(story: Story, ranges: dict[str, tuple[int, int]]) -> list[tuple[int, str, str | None]]:
    """(index into the text paragraphs, why, place) for each paragraph that opens a scene;
    ``ranges`` are the paragraphs' token spans (``_token_ranges``)."""
    paragraphs = [p for p in story.paragraphs if p.kind == "text"]
    if not paragraphs:
        return []
    gaps = [_gap(story, a, b) for a, b in zip(paragraphs, paragraphs[1:])]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else 1
    between: dict[int, set[str]] = {}  # kinds of non-text paragraphs before each text paragraph
    i = 0
    for p in story.paragraphs:
        if p.kind == "text":
            i += 1
        else:
            between.setdefault(i, set()).add(p.kind)
    openings: list[tuple[int, str, str | None]] = [(0, "start", place_shift(story, paragraphs[0], ranges.get(paragraphs[0].id)))]
    for i in range(1, len(paragraphs)):
        p, prev = paragraphs[i], paragraphs[i - 1]
        place = place_shift(story, p, ranges.get(p.id))
        if p.chapter != prev.chapter:
            openings.append((i, "chapter", place))
        elif "break" in between.get(i, ()):
            openings.append((i, "break", place))
        elif gaps[i - 1] >= usual + 2 and not between.get(i):
            openings.append((i, "gap", place))
        elif _title_line(story.text[p.start:p.end]) and not _title_line(story.text[prev.start:prev.end]):
            openings.append((i, "title", None))
        elif time_shift(story, p):
            openings.append((i, "time", place))
        elif place is not None:
            openings.append((i, "place", place))
    scores = _implicit_scores(story, paragraphs, change_scores(story, paragraphs, ranges), ranges)
    taken = [i for i, _, _ in openings]
    for i in sorted(range(1, len(paragraphs)), key=lambda i: -scores[i]):
        if scores[i] < CHANGE_THRESHOLD:
            break
        if any(abs(i - j) < MIN_SCENE for j in taken):
            continue
        if scores[i] < max(scores[max(i - MIN_SCENE, 1):i + MIN_SCENE]):
            continue
        taken.append(i)
        openings.append((i, "cast", None))
    return sorted(openings)


class _Presence:
    """Who is present between two offsets. The quotations and the narration's acting mentions
    are sorted once, so each scene looks only at its own: linear in the text, where a pass over
    every mention for every scene grew with the square of its length."""

    def __init__(self, story: Story, quoted: QuotedText) -> None:
        t = story.tokens
        self.order = {c.id: i for i, c in enumerate(story.characters)}
        self.lines = sorted(((q.start, [q.speaker] if q.speaker else [], q.addressees) for q in story.quotes),
                            key=lambda x: x[0])
        acting = []
        for m in story.mentions:
            if m.character and not quoted(m.start):
                j = bisect_left(t.start, m.start)
                while j < len(t) and t.start[j] < m.end:
                    if t.dep[j] in SUBJECT:
                        acting.append((m.start, m.character))
                        break
                    j += 1
        self.acting = sorted(acting)
        self.line_starts = [x[0] for x in self.lines]
        self.acting_starts = [x[0] for x in self.acting]

    def __call__(self, start: int, end: int) -> list[str]:
        """Characters who speak, are spoken to, or act (a subject in narration), most present first."""
        present: Counter = Counter()
        for k in range(bisect_left(self.line_starts, start), bisect_left(self.line_starts, end)):
            _, speaker, addressees = self.lines[k]
            present.update(speaker)
            present.update(addressees)
        for k in range(bisect_left(self.acting_starts, start), bisect_left(self.acting_starts, end)):
            present[self.acting[k][1]] += 1
        return sorted(present, key=lambda c: (-present[c], self.order.get(c, 0)))


def _first_place(story: Story, paragraphs: list[Paragraph], ranges: dict) -> str | None:
    """The first setting the scene's narration names: "in the garden", "at Thornbury"."""
    t, text = story.tokens, story.text
    places = words("location_nouns")
    for p in paragraphs[:3]:
        if not _is_narration(story, p):
            continue
        lo, hi = ranges.get(p.id, (0, 0))
        for j in range(lo, hi):
            if t.dep[j] != "pobj" or text[t.start[t.head[j]]:t.end[t.head[j]]].lower() not in ("in", "at", "into", "inside"):
                continue
            if (t.pos[j] == "NOUN" and t.lemma[j].lower() in places) or t.ent[j].endswith(("GPE", "LOC", "FAC")):
                return _noun_phrase(story, j)
    return None


@stage(requires=("paragraphs", "quotes.speaker", "mentions.dialogue", "characters"), assigns=("scenes",))
def scenes(story: Story, settings) -> None:
    paragraphs = [p for p in story.paragraphs if p.kind == "text"]
    if not paragraphs:
        return
    ranges = _token_ranges(story)
    quoted = QuotedText(story)
    openings = scene_openings(story, ranges)
    present = _Presence(story, quoted)
    out = []
    for n, (i, why, place) in enumerate(openings):
        j = openings[n + 1][0] if n + 1 < len(openings) else len(paragraphs)
        members = paragraphs[i:j]
        start, end = members[0].start, members[-1].end
        out.append(Scene(
            id=f"s{n + 1}", start=start, end=end, chapter=members[0].chapter,
            paragraphs=[members[0].id, members[-1].id], opens=why,
            characters=present(start, end),
            place=place or _first_place(story, members, ranges),
        ))
    story.scenes = out
