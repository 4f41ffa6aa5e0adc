"""BookNLP-compatible files: ``.tokens``, ``.entities``, ``.quotes`` and ``.book``.

Columns, token ids and file shapes follow BookNLP's English pipeline, so scripts written for
its output read fabula's: token ids count from 0 over the whole document, spans name their
first and last token (inclusive), ``byte_onset``/``byte_offset`` are character offsets into the
text (as in BookNLP), and a character's ``COREF`` id is the number of its fabula id (``c12`` →
12). Mentions fabula could not link get ids of their own after the characters'. Only people are
found, so every entity's ``cat`` is ``PER``; fabula has no event tagger, so ``event`` is ``O``.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import Counter
from pathlib import Path

from ..model import Story
from .atomic import write_atomic

TOKEN_COLUMNS = ("paragraph_ID", "sentence_ID", "token_ID_within_sentence", "token_ID_within_document", "word",
                 "lemma", "byte_onset", "byte_offset", "POS_tag", "fine_POS_tag", "dependency_relation",
                 "syntactic_head_ID", "event")
ENTITY_COLUMNS = ("COREF", "start_token", "end_token", "prop", "cat", "text")
QUOTE_COLUMNS = ("quote_start", "quote_end", "mention_start", "mention_end", "mention_phrase", "char_id", "quote")
GENDER_LABELS = {"he/him": "he/him/his", "she/her": "she/her", "they/them": "they/them/their"}


def _clean(value: object) -> str:
    """A TSV field: tabs and line breaks inside text become spaces."""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _coref_id(character: str | None) -> int | None:
    return int(character[1:]) if character and character[1:].isdigit() else None


class _Tokens:
    def __init__(self, story: Story) -> None:
        self.starts = list(story.tokens.start)
        self.ends = list(story.tokens.end)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last token inside the character span, or None if none is."""
        first = bisect_left(self.starts, start)
        last = bisect_right(self.starts, end - 1) - 1
        if first >= len(self.starts) or last < first:
            return None
        return first, last


def tokens_rows(story: Story) -> list[list[object]]:
    t = story.tokens
    paragraph_index = {p.id: i for i, p in enumerate(story.paragraphs)}
    rows = []
    within = 0
    for i in range(len(t)):
        if i and t.sentence[i] != t.sentence[i - 1]:
            within = 0
        sentence = story.sentences[t.sentence[i]]
        rows.append([paragraph_index[sentence.paragraph], t.sentence[i], within, i, story.text[t.start[i]:t.end[i]],
                     t.lemma[i], t.start[i], t.end[i], t.pos[i], t.tag[i], t.dep[i], t.head[i], "O"])
        within += 1
    return rows


def entity_rows(story: Story) -> list[list[object]]:
    index = _Tokens(story)
    next_id = max((_coref_id(c.id) or 0 for c in story.characters), default=0) + 1
    rows = []
    for m in story.mentions:
        span = index.span(m.start, m.end)
        if span is None:
            continue
        coref = _coref_id(m.character)
        if coref is None:
            coref, next_id = next_id, next_id + 1
        rows.append([coref, span[0], span[1], m.kind, "PER", story.text[m.start:m.end]])
    return rows


def quote_rows(story: Story) -> list[list[object]]:
    index = _Tokens(story)
    rows = []
    for q in story.quotes:
        # BookNLP's quotation spans take in the quotation marks around the words
        span = index.span(max(q.start - 1, 0), min(q.end + 1, len(story.text)))
        if span is None:
            continue
        mention = index.span(*q.cue) if q.cue else None
        rows.append([span[0], span[1], mention[0] if mention else "None", mention[1] if mention else "None",
                     story.text[q.cue[0]:q.cue[1]] if q.cue else "None",
                     _coref_id(q.speaker) if q.speaker else "None", story.text[q.start:q.end]])
    return rows


def book(story: Story) -> dict:
    """BookNLP's ``.book``: per character, names by kind, gender inference, and the words they
    govern as agent (subject), patient (object) and possessor."""
    t, text = story.tokens, story.text
    index = _Tokens(story)
    kinds = {"PROP": "proper", "NOM": "common", "PRON": "pronoun"}
    by_character: dict[str, dict] = {}
    for c in story.characters:
        by_character[c.id] = {"names": {k: Counter() for k in kinds.values()}, "agent": [], "patient": [],
                              "mod": [], "poss": []}
    for m in story.mentions:
        entry = by_character.get(m.character or "")
        if entry is None:
            continue
        entry["names"][kinds[m.kind]][text[m.start:m.end]] += 1
        span = index.span(m.start, m.end)
        if span is None:
            continue
        head = next((j for j in range(span[0], span[1] + 1) if not span[0] <= t.head[j] <= span[1] or t.head[j] == j),
                    span[1])
        governor = t.head[head]
        relation = t.dep[head]
        word = {"w": text[t.start[governor]:t.end[governor]], "i": governor}
        if relation in ("nsubj", "agent"):
            entry["agent"].append(word)
        elif relation in ("dobj", "nsubjpass", "iobj"):
            entry["patient"].append(word)
        elif relation == "poss":
            entry["poss"].append(word)
    characters = []
    for c in story.characters:
        entry = by_character[c.id]
        gender = GENDER_LABELS.get(c.gender or "", c.gender)
        characters.append({
            "id": _coref_id(c.id),
            "count": c.mentions,
            "mentions": {kind: [{"c": n, "n": name} for name, n in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))]
                         for kind, names in entry["names"].items()},
            "g": {"inference": {gender: c.gender_confidence} if gender else {}, "argmax": gender,
                  "max": c.gender_confidence if gender else None, "total": c.mentions},
            "agent": entry["agent"], "patient": entry["patient"], "mod": entry["mod"], "poss": entry["poss"],
        })
    return {"characters": characters}


def write_booknlp(story: Story, out_dir: str | Path, stem: str) -> list[Path]:
    """Write ``stem.tokens``, ``stem.entities``, ``stem.quotes`` and ``stem.book`` into ``out_dir``."""
    out = Path(out_dir)
    files = {
        f"{stem}.tokens": _tsv(TOKEN_COLUMNS, tokens_rows(story)),
        f"{stem}.entities": _tsv(ENTITY_COLUMNS, entity_rows(story)),
        f"{stem}.quotes": _tsv(QUOTE_COLUMNS, quote_rows(story)),
        f"{stem}.book": json.dumps(book(story), ensure_ascii=False),
    }
    return [write_atomic(out / name, content) for name, content in files.items()]


def _tsv(columns: tuple[str, ...], rows: list[list[object]]) -> str:
    lines = ["\t".join(columns)] + ["\t".join(_clean(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"
