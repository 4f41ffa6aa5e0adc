"""People the narration brings in by a description before it names them.

"Soon a small boy came running down the lane": the boy is someone, and the
pronouns that follow ("he asked") are his, not the last man's with a name.
Coreference makes such a description, an indefinite one heading a clause as
its subject ("a youthful private", "an elderly parson" by whom someone was
met) or its verb's object ("by the gate he saw a small boy"), a character of
its own on the spot, so that it can take pronouns; its
gender is its noun's where the noun has one ("boy"), else the pronouns'.

Once the speakers are known, such a character is the named one the text
names while they are about (referred to in the last three sentences), where
that is the name's first use since the description, within 120 sentences
of it: the vocative of a line someone else says to them (the little boy is
poking a stick into everything; "Jasper," said Mary, "what are you doing?"), a
name they say after "I am" / "my name is" ("I am Edwin Tolley"), one that
follows them with "was" ("The young lady was Nell Farrow"), or one the
narration gives after "named", "called", "known as" or "it was". Their
mentions and lines become that character's. One never named is dropped and
its mentions left unlinked: a passing "a servant" is no one in the cast.

Someone the narration refers to only by pronouns so far ("On the step he sat
crying") is made a character the same way, named or dropped the same way; they
are also named by a name that opens a sentence as its subject while they are
about ("He was nearly thirty ... But Quarles knew the town
well"), where a name inside a clause about someone else is not
("She had been in Lisbon; Pennock had sent her").

A mother, father, wife or husband described by kin ("my mother", "her
father") whom the cast holds no one for by surname is made a character the
same way, one for each person and kin, and named or dropped the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..dialogue import QuotedText
from ..model import Character, Mention, Story
from .coref_notes import coref_notes
from .kinship import ONE_OF
from .naming import merge_into

INTRODUCING = ("nsubj", "nsubjpass", "dobj")  # "a small boy came running", "a girl was seen", "he saw a boy"
# how near (in sentences) the last reference to the described person must be to a name's first use
NEAR_SENTENCES = 3
# how soon after the description the name must come: one much later is likelier someone else's
NAMED_WITHIN = 120  # a novel may take a chapter to name the boy it brought in
SELF_NAMING = re.compile(r"\b(?:I\s+am|I'm|I’m|my\s+name\s+is|my\s+name's|my\s+name’s|call\s+me)\s*$", re.IGNORECASE)
COPULA = re.compile(r"\s+(?:was|is)\s+$")
NARRATION_NAMING = re.compile(r"\b(?:named|called|known(?:\s+\w+){0,4}\s+as|name\s+(?:was|is)|[Ii]t\s+(?:is|was))\s*$")


def introduces(story: Story, m: Mention, k: int) -> bool:
    """Whether NOM mention ``m``, headed by token ``k``, brings someone new in: an indefinite
    singular description that is its clause's subject or its verb's object, or the agent
    after "by"."""
    t, text = story.tokens, story.text
    if m.kind != "NOM" or text[m.start:m.end].split()[0].lower() not in ("a", "an") or t.tag[k] != "NN":
        return False
    if t.dep[k] in INTRODUCING:
        verb = t.head[k]
    elif t.dep[k] == "pobj" and t.dep[t.head[k]] == "agent":
        verb = t.head[t.head[k]]
    else:
        return False
    # told as it happened ("came", "was dancing"), not a truth of any such person ("a girl marries
    # young", "an author ought to consider")
    return any(t.tag[j] == "VBD" for j in range(max(0, verb - 4), verb + 1) if j == verb or t.head[j] == verb)


def gender_of_description(story: Story, k: int, nouns: dict[str, str]) -> str | None:
    """The pronoun set of the person a description headed by token ``k`` names: its noun's
    ("boy"), or a gendered noun's before it ("a woman servant")."""
    t = story.tokens
    label = nouns.get(t.lemma[k].lower())
    for j in range(max(0, k - 3), k):
        if label is None and t.head[j] == k and t.dep[j] in ("compound", "amod"):
            label = nouns.get(t.lemma[j].lower())
    return label


def introduce(story: Story, m: Mention, k: int, label: str | None) -> str:
    """A new character for the person ``m`` describes, of pronoun set ``label``; returns its id."""
    t, text = story.tokens, story.text
    return _new_character(story, m, "the " + text[t.start[k]:t.end[k]].lower(), label)


def someone(story: Story, m: Mention, label: str | None) -> str:
    """A new character for the someone a pronoun with no antecedent refers to ("He watched her
    from the pier"), of pronoun set ``label``; returns its id."""
    cid = _new_character(story, m, "someone", label)
    coref_notes(story).someones.add(cid)
    return cid


def _new_character(story: Story, m: Mention, name: str, label: str | None) -> str:
    """A character coreference makes, first referred to by ``m``, listed in ``coref_notes(story).introduced``."""
    cid = f"c{len(story.characters) + 1}"
    while any(c.id == cid for c in story.characters):
        cid += "i"
    story.characters.append(Character(cid, name, [], label, 0.5 if label else 0.0, 0))
    coref_notes(story).introduced[cid] = m.start
    return cid


def relative(story: Story, m: Mention, of: str, kin: str, made: dict[tuple[str, str], str],
             label: str | None) -> str | None:
    """The character ``m`` ("his mother") names, made on its first use, when ``kin`` is one a
    person has only one of; ``made`` holds those made so far by (whose, which kin)."""
    relation = ONE_OF.get(kin)
    if relation is None:
        return None
    if (of, relation) not in made:
        owner = next((c.name for c in story.characters if c.id == of), of)
        made[of, relation] = _new_character(story, m, f"{owner}'s {relation}", label)
        coref_notes(story).relatives.add(made[of, relation])  # kept apart until named
    return made[of, relation]


def name_the_introduced(story: Story, addressed: dict[str, list[str]]) -> bool:
    """Merge each introduced character into the one the text names while they are about
    (see the module's note), and drop those never named. True when any changed."""
    introduced = coref_notes(story).introduced
    if not introduced:
        return False
    by_id = {c.id: c for c in story.characters}
    someones = coref_notes(story).someones
    sentence_of = _sentence_finder(story)
    refs: dict[str, list[int]] = {}  # introduced character -> starts of its mentions, in order
    ends: dict[int, str] = {}  # where a mention of an introduced character ends -> that character
    named_at: dict[str, list[int]] = {}  # named character -> starts of its proper-name mentions
    for m in story.mentions:
        if m.character in introduced:
            refs.setdefault(m.character, []).append(m.start)
            ends[m.end] = m.character
        elif m.kind == "PROP" and m.character is not None:
            named_at.setdefault(m.character, []).append(m.start)
    merged: dict[str, str | None] = {}
    for start, named, may_name in sorted(_namings(story, named_at, ends, addressed), key=lambda x: x[0]):
        c = by_id[named]
        if c.is_narrator:
            continue
        found = []  # (start of the latest reference before the name, introduced character)
        for cid in may_name(set(introduced) - set(merged)):
            if start < introduced[cid]:
                continue
            described, starts = by_id[cid], refs.get(cid, [])
            i = bisect_right(starts, start) - 1
            uses = named_at[named]
            since = uses[bisect_right(uses, introduced[cid] - 1)]  # the name's first use after the description
            if (i >= 0 and since == start and sentence_of(start) - sentence_of(starts[i]) <= NEAR_SENTENCES
                    and sentence_of(start) - sentence_of(introduced[cid]) <= NAMED_WITHIN
                    and not (described.gender and c.gender and described.gender != c.gender)):
                found.append((starts[i], cid))
        # one a description or kin brought in before a pronoun's someone: "My mother was tall. Her
        # name was Martha Quill" names the mother
        brought_in = [f for f in found if f[1] not in someones] or found
        if brought_in:
            merged[max(brought_in)[1]] = named
    merge_into(story, {cid: merged.get(cid) for cid in introduced})
    return True


def _namings(story: Story, named_at: dict[str, list[int]], ends: dict[int, str], addressed: dict[str, list[str]]):
    """``(start, character, may_name)`` for each proper-name mention that could name someone
    introduced: ``may_name(introduced)`` gives those of them it may name (the forms of the
    module's note)."""
    text = story.text
    quote_at = QuotedText(story).quote_at
    someones = coref_notes(story).someones
    gender = {c.id: c.gender for c in story.characters}
    for named, starts in named_at.items():
        for start in starts:
            q = quote_at(start)
            copula = COPULA.search(text[max(0, start - 12):start]) if q is None else None
            if copula and start - len(copula.group()) in ends:
                yield start, named, lambda introduced, cid=ends[start - len(copula.group())]: {cid} & introduced
            elif q is None:
                if NARRATION_NAMING.search(text[max(0, start - 40):start]):
                    yield start, named, lambda introduced: introduced
                elif _main_subject(story, start) and gender.get(named) is not None:
                    # "He was some seven-and-twenty ... But Quarles had an old attachment": a
                    # name first used opening a sentence as its subject goes on with the "he" before it
                    yield start, named, lambda introduced, g=gender[named]: {
                        cid for cid in introduced & someones if gender.get(cid) == g}
            elif SELF_NAMING.search(text[q.start:start]):
                yield start, named, lambda introduced, q=q: {q.speaker} & introduced
            elif named in addressed.get(q.id, []):
                yield start, named, lambda introduced, q=q: introduced - {q.speaker}


def _main_subject(story: Story, start: int) -> bool:
    """Whether the name starting at ``start`` opens its sentence as a subject ("But Quarles had",
    "His aunt Martha stood")."""
    t = story.tokens
    k = bisect_right(t.start, start) - 1
    first = k
    while k >= 0 and t.dep[k] == "compound" and t.head[k] > k:
        k = t.head[k]  # "Mr. Hythe": the name's last word
    if k < 0 or t.dep[k] != "nsubj":
        return False
    opening = story.sentences[t.sentence[k]].start
    # "But Quarles had", "His aunt Martha stood": before it, one word or the name's own ("His aunt")
    before = [j for j in range(max(0, first - 6), first) if t.start[j] >= opening]
    own = [j for j in before if t.head[j] == k or t.head[t.head[j]] == k]
    return len(before) - len(own) <= 1


def _sentence_finder(story: Story):
    """offset -> the index of the sentence it is in."""
    starts = [s.start for s in story.sentences]
    return lambda offset: bisect_right(starts, offset) - 1
