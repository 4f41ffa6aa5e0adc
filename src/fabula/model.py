"""The data model: what fabula knows about a story.

All offsets are character offsets into ``Story.text``, end exclusive. Ids are
stable strings derived from position, so the same input gives the same ids.
Stages fill the parts of a ``Story`` they produce; a part no stage has
computed stays empty and is left out of the JSON.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass, field
from typing import Any, Literal

from .offsets import OffsetMap

SCHEMA = "fabula/1"

ParagraphKind = Literal["text", "title", "heading", "break"]


@dataclass(slots=True)
class Chapter:
    id: str
    start: int
    end: int
    title: str | None  # the heading's text; None for matter before the first heading


@dataclass(slots=True)
class Paragraph:
    id: str
    start: int
    end: int
    chapter: str | None
    kind: ParagraphKind = "text"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: str


class TokenTable:
    """Tokens stored column by column, so a novel's 300,000 tokens stay small.

    ``head`` is the absolute index of the syntactic head (a root points at
    itself); ``sentence`` is the index into ``Story.sentences``. Strings for
    tags come from small vocabularies and are interned.
    """

    INT_COLUMNS = ("start", "end", "sentence", "head")
    STR_COLUMNS = ("pos", "tag", "dep", "lemma", "ent")

    __slots__ = INT_COLUMNS + STR_COLUMNS

    def __init__(self) -> None:
        for name in self.INT_COLUMNS:
            setattr(self, name, array("l"))
        for name in self.STR_COLUMNS:
            setattr(self, name, [])

    def __len__(self) -> int:
        return len(self.start)

    def append(self, start: int, end: int, sentence: int, head: int,
               pos: str, tag: str, dep: str, lemma: str, ent: str) -> None:
        self.start.append(start)
        self.end.append(end)
        self.sentence.append(sentence)
        self.head.append(head)
        self.pos.append(pos)
        self.tag.append(tag)
        self.dep.append(dep)
        self.lemma.append(lemma)
        self.ent.append(ent)

    def to_dict(self) -> dict[str, list]:
        out: dict[str, list] = {}
        for name in self.INT_COLUMNS:
            out[name] = getattr(self, name).tolist()
        for name in self.STR_COLUMNS:
            out[name] = list(getattr(self, name))
        return out


MentionKind = Literal["PROP", "NOM", "PRON"]


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: MentionKind  # PROP a name, NOM a description ("the girl"), PRON a pronoun
    character: str | None = None  # a Character id, or None where fabula cannot tell


_KIND_RANK = {"PROP": 0, "NOM": 1, "PRON": 2}


def unique_mentions(mentions: list[Mention]) -> list[Mention]:
    """One mention per span, in text order: a linked one before an unlinked one, then a name
    before a description before a pronoun ("the Queen" is a name and a description)."""
    best: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        key = (m.start, m.end)
        old = best.get(key)
        if old is None or (old.character is None, _KIND_RANK[old.kind]) > (m.character is None, _KIND_RANK[m.kind]):
            best[key] = m
    return sorted(best.values(), key=lambda m: (m.start, m.end))


@dataclass(slots=True)
class Character:
    id: str
    name: str  # the fullest proper name used
    aliases: list[str]  # every other name used for them, most frequent first
    gender: str | None  # a pronoun set such as "she/her", "he/him", "they/them"; None when unknown
    gender_confidence: float  # the share of the evidence that agrees, 0–1
    mentions: int  # how many mentions refer to them
    is_narrator: bool = False


QuoteKind = Literal["explicit", "anaphoric", "implicit"]


@dataclass(slots=True)
class Quote:
    id: str
    start: int  # the words inside the marks
    end: int
    speaker: str | None = None  # a Character id
    addressees: list[str] = field(default_factory=list)  # Character ids
    cue: list[int] | None = None  # [start, end] of the mention that names the speaker
    kind: QuoteKind | None = None  # how the speaker was found; None while unattributed


SceneOpening = Literal["start", "chapter", "break", "gap", "title", "time", "place", "cast"]


@dataclass(slots=True)
class Scene:
    id: str
    start: int
    end: int
    chapter: str | None  # a Chapter id
    paragraphs: list[str]  # [first, last] paragraph ids
    opens: SceneOpening  # why a new scene begins here
    characters: list[str] = field(default_factory=list)  # present: speaking, addressed, or acting in narration
    place: str | None = None  # where the text names it ("the hotel room", "Hollowmere")


@dataclass(slots=True)
class Meta:
    title: str | None = None
    author: str | None = None
    source_path: str | None = None
    source_format: str = "text"
    encoding: str | None = None
    repaired: bool = False  # True when text repair changed anything (offsets then differ from the file)
    language_pipeline: str | None = None
    # What the file says about the work (archive downloads, e-books, Project Gutenberg); empty when absent.
    language: str | None = None
    url: str | None = None
    publisher: str | None = None
    rating: str | None = None
    warnings: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)  # as tagged: "Anna Reyes/Joss Fairweather"
    pairings: list[dict[str, Any]] = field(default_factory=list)  # {"characters": [...], "kind": "romantic"|"platonic"}
    characters: list[str] = field(default_factory=list)  # character tags; they seed the cast
    tags: list[str] = field(default_factory=list)  # additional tags
    subjects: list[str] = field(default_factory=list)  # an e-book's subjects
    series: list[str] = field(default_factory=list)
    summary: str | None = None
    notes: str | None = None
    end_notes: str | None = None
    published: str | None = None
    updated: str | None = None
    completed: str | None = None
    words: int | None = None  # the word count the archive states
    chapter_count: str | None = None  # as the archive states it: "3/3", "2/?"
    parts: list[list[Any]] = field(default_factory=list)  # an e-book's files: [href, start offset in the original]


@dataclass(slots=True)
class Story:
    text: str
    meta: Meta = field(default_factory=Meta)
    chapters: list[Chapter] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: TokenTable = field(default_factory=TokenTable)
    characters: list[Character] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    scenes: list[Scene] = field(default_factory=list)
    network: dict[str, Any] = field(default_factory=dict)
    arcs: dict[str, Any] = field(default_factory=dict)
    offset_map: OffsetMap | None = None  # text offsets -> offsets in the decoded input
    emphasis: list[list[int]] = field(default_factory=list)  # [start, end] of italic text in marked-up input
    # the parts the stages have computed ("quotes", "characters" …): one listed is exported even when
    # empty (no dialogue found), one not listed is absent (never computed)
    produced: list[str] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)  # what one stage leaves for the next; not exported

    @property
    def word_count(self) -> int:
        """Tokens that are words (not punctuation), once the nlp step has run."""
        return sum(1 for pos in self.tokens.pos if pos not in ("PUNCT", "SYM", "SPACE"))

    def to_dict(self) -> dict[str, Any]:
        return story_to_dict(self)

    def to_json(self, indent: int | None = None) -> str:
        """The whole story as ``fabula/1`` JSON; byte-identical for the same story."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _record(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


STAGE_PARTS = ("characters", "mentions", "quotes", "scenes", "network", "arcs")  # what stages fill


def story_to_dict(story: Story) -> dict[str, Any]:
    out: dict[str, Any] = {"schema": SCHEMA, "meta": _record(story.meta), "text": story.text}
    out["chapters"] = [_record(c) for c in story.chapters]
    out["paragraphs"] = [_record(p) for p in story.paragraphs]
    if story.offset_map is not None and not story.offset_map.is_identity:
        out["offset_map"] = story.offset_map.to_list()
    if story.emphasis:
        out["emphasis"] = story.emphasis
    if story.sentences:
        out["sentences"] = [_record(s) for s in story.sentences]
    if len(story.tokens):
        out["tokens"] = story.tokens.to_dict()
    # Later stages fill these; absent until computed, never faked, and present (if empty) once computed.
    if story.produced:
        out["produced"] = list(story.produced)
    for name in STAGE_PARTS:
        value = getattr(story, name)
        if value or name in story.produced:
            out[name] = [_record(x) if hasattr(x, "__slots__") else x for x in value] \
                if isinstance(value, list) else value
    return out


def story_from_dict(data: dict[str, Any]) -> Story:
    """A ``Story`` from its ``fabula/1`` JSON (as ``story_to_dict`` makes it)."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} story: schema is {data.get('schema')!r}")
    meta_fields = set(Meta.__slots__)
    story = Story(
        text=data["text"],
        meta=Meta(**{k: v for k, v in data["meta"].items() if k in meta_fields}),
        chapters=[Chapter(**c) for c in data.get("chapters", [])],
        paragraphs=[Paragraph(**p) for p in data.get("paragraphs", [])],
        sentences=[Sentence(**s) for s in data.get("sentences", [])],
        characters=[Character(**c) for c in data.get("characters", [])],
        mentions=[Mention(**m) for m in data.get("mentions", [])],
        quotes=[Quote(**q) for q in data.get("quotes", [])],
        scenes=[Scene(**s) for s in data.get("scenes", [])],
        network=data.get("network", {}),
        arcs=data.get("arcs", {}),
        emphasis=data.get("emphasis", []),
        produced=list(data.get("produced", [])),
    )
    tokens = data.get("tokens")
    if tokens:
        for name in TokenTable.INT_COLUMNS:
            getattr(story.tokens, name).extend(tokens[name])
        for name in TokenTable.STR_COLUMNS:
            getattr(story.tokens, name).extend(tokens[name])
    if data.get("offset_map"):
        m = OffsetMap()
        for t, o, linear in data["offset_map"]:
            m._segment(t, o, bool(linear))
        m.text_length = len(story.text)
        story.offset_map = m
    return story
