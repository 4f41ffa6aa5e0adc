"""Relatives the text itself tells: "her sister Celia", "said her mother".

``kinship`` finds a relative by surname: Margaret Harlow's father is the one Mr.
Harlow. Many relatives share no surname the cast knows ("her sister Celia";
"his mother", of a boy called only William). Once the speakers are known, every
kin description linked by any means (a name beside it, the cue of a line whose
speaker is known, a surname) tells who that relative is, and the same relation
of the same person, left unlinked elsewhere, is the same character where the
text told only one. A husband's wife is his wife's husband, and a sister's
sister (or brother) the one whose sister she is; a parent's child is left
alone, as a parent may have several.

A parent's kin word used as a name, with no article or possessor ("tell mamma",
"a cheerful home for papa"), is the parent of whoever says it in a line, or in
narration of whom the sentence has referred to last: the one told, else the one
by surname.
"""

from __future__ import annotations

from ..dialogue import QuotedText
from ..model import Mention, Story
from .coref import head_token
from .kinship import KIN, KIN_TITLES, ONE_OF, PARENTS, Families, kin_word

# relations that hold both ways, as (a man's word, a woman's word): of a man's wife he is her husband,
# of his sister her brother; a parent has many children, so "her son" says not which son "his mother" is of
BOTH_WAYS = (("husband", "wife"), ("brother", "sister"), ("cousin", "cousin"))
GENDERED = {word: pair for pair in BOTH_WAYS for word in pair}
# the relations told: kin, which a person has few of; not "his friend", of whom anyone has many
RELATIONS = frozenset(KIN) | frozenset(KIN_TITLES) | {"cousin", "niece", "nephew", "grandfather", "grandmother",
                                                     "grandson", "granddaughter", "child", "sister-in-law",
                                                     "brother-in-law", "mother-in-law", "father-in-law"}


def link_known_relatives(story: Story, families: Families) -> None:
    """Link the kin descriptions still unlinked to the relative the text told elsewhere
    (``families``: the cast by surname)."""
    gender = {c.id: c.gender for c in story.characters}
    quoted = QuotedText(story)
    told: dict[tuple[str, str], set[str]] = {}  # (whose, relation) -> the characters it was told to be
    pending: list[tuple[Mention, str, str]] = []
    before: Mention | None = None
    for i, m in enumerate(story.mentions):
        possessor, before = before, m
        kin = kin_word(story, m, possessor) if m.kind == "NOM" else None
        if kin not in RELATIONS:
            continue
        relation, whose = ONE_OF.get(kin, kin), possessor.character  # "mamma": mother
        if m.character is None:
            m.character = _named_beside(story, i, quoted)
        if m.character is None:
            pending.append((m, whose, relation))
            continue
        if m.character == whose:
            continue
        told.setdefault((whose, relation), set()).add(m.character)
        inverse = _inverse(relation, gender.get(whose))
        if inverse:
            told.setdefault((m.character, inverse), set()).add(whose)
    for m, whose, relation in pending:
        found = told.get((whose, relation), set()) - {whose}
        if len(found) == 1:
            m.character = found.pop()
    _link_kin_names(story, told, quoted, families)


def _link_kin_names(story: Story, told: dict[tuple[str, str], set[str]], quoted, families: Families) -> None:
    """A parent's kin word used as a name ("tell mama", "a cheerful home for papa") is the parent
    of whoever says it in a line, or in narration of the person the sentence is about so far:
    the relative told elsewhere, else the one by surname."""
    t = story.tokens
    whose_in: dict[int, str] = {}  # sentence -> the character its narration last referred to by name or pronoun
    for m in story.mentions:
        k = head_token(story, m)
        if k < 0:
            continue
        q = quoted.quote_at(m.start)
        if m.kind in ("PROP", "PRON") and m.character is not None and q is None:
            whose_in[t.sentence[k]] = m.character
            continue
        word = story.text[m.start:m.end].lower()
        if m.kind != "NOM" or m.character is not None or word not in PARENTS:
            continue
        whose = q.speaker if q is not None else whose_in.get(t.sentence[k])
        if whose is None:
            continue
        found = told.get((whose, ONE_OF[word]), set()) - {whose}
        m.character = found.pop() if len(found) == 1 else families.relative(whose, word)


def _inverse(relation: str, gender: str | None) -> str | None:
    """Of someone of that gender whose ``relation`` (wife) a character is, what they are to that
    character (husband): "his sister" Nell's "brother"."""
    if gender not in ("he/him", "she/her") or relation not in GENDERED:
        return None
    return GENDERED[relation][gender == "she/her"]


def _named_beside(story: Story, i: int, quoted) -> str | None:
    """"her sister Celia", "my cousin, John Hythe": the character named right after the
    description (in a line, only with no comma between: "Kiss your aunt, Nell" calls Nell)."""
    m = story.mentions[i]
    for after in story.mentions[i + 1:i + 3]:
        between = story.text[m.end:after.start].strip()
        if after.start >= m.end and (between == "" or (between == "," and not quoted(m.start))):
            return after.character if after.kind == "PROP" else None
    return None
