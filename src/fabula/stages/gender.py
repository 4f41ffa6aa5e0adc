"""Gender from pronouns: the pronoun set the text uses for a character.

A character's pronouns are read where the text makes the reference plain:
their name is the subject of a clause in narration, and the next subject
pronoun, before any other name intervenes, continues it. Honorifics ("Mrs.", "Sir") and the
given-name table add a little; the text's own pronouns outweigh them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from ..lexicon import labelled, words
from ..lines import one_sentence_per_line
from .cues import SUBJECT

NAME_GENDER_SET = {"M": "he/him", "F": "she/her"}
TITLE_WEIGHT = 1.0  # per use of "Mr.", "Mrs.", "Sir", …
TABLE_WEIGHT = 1.0  # the given-name table: one vote, which the text's pronouns outweigh
OVERRULE = 3.0  # how many times the table's side the other pronoun set must weigh to overrule it
WINDOW = 30  # tokens after a name in which its pronoun is looked for
LOOSE_WEIGHT = 0.34
POSSESSIVE_WEIGHT = 0.34
# "Her name was Nell": the narration says whose the name is; as much as a few plain pronouns
NAME_STATEMENT_WEIGHT = 3.0
NAME_STATEMENT = re.compile(r"\b(?P<whose>[Hh]is|[Hh]er)\s+(?:(?:first|given|christian|Christian|real)\s+)?name\s+(?:was|is)\s+$")
# clauses inside the name's own sentence whose subject is as often someone else
# ("Anna smiled since he had come")
PARTICIPLES = frozenset({"advcl", "xcomp", "conj"})  # "said he, [shaking his head]"
SUBORDINATE = frozenset({"advcl", "relcl", "acl", "ccomp", "csubj", "pcomp"})


def pronoun_labels(pronoun_sets: tuple[str, ...]) -> dict[str, str]:
    """pronoun -> its set's label: "he/him/his/himself" labels he, him, his, himself as "he/him".

    "they" is not among the default sets: in most fiction it is plural, and
    counting it would blur every character; a setting can add it."""
    out = {}
    for spec in pronoun_sets:
        forms = [f.strip().lower() for f in spec.split("/") if f.strip()]
        for form in forms:
            out.setdefault(form, "/".join(forms[:2]))
    return out


def pronoun_votes(story, names: list[tuple[str, object]], quoted, labels: dict[str, str]) -> dict[str, Counter]:
    """For each name (display form), how often each pronoun set follows it."""
    t, text = story.tokens, story.text
    starts = t.start
    name_starts = sorted(m.start for _, m in names)
    paragraph = [s.paragraph for s in story.sentences]
    # in LitBank's layout a line break is no paragraph's end: the name's sentence and the next count
    reach = 1 if one_sentence_per_line(story) else 0
    votes: dict[str, Counter] = {}
    for display, m in names:
        if quoted(m.start):
            continue
        stated = NAME_STATEMENT.search(text, max(0, m.start - 40), m.start)
        if stated and labels.get(stated.group("whose").lower()):
            votes.setdefault(display, Counter())[labels[stated.group("whose").lower()]] += NAME_STATEMENT_WEIGHT
        k = bisect_left(starts, m.end)
        if k >= len(t):
            continue
        # subject continuity ("Ralph stood up. He ...") is plain; after an object, weaker
        weight = 1.0 if t.dep[k - 1] in SUBJECT else LOOSE_WEIGHT
        nxt = bisect_left(name_starts, m.end)
        limit = name_starts[nxt] if nxt < len(name_starts) else len(text)
        home = paragraph[t.sentence[k]]
        for j in range(k, min(len(t), k + WINDOW)):
            if starts[j] >= limit or (paragraph[t.sentence[j]] != home and
                                      t.sentence[j] - t.sentence[k - 1] > reach):
                break
            word = text[starts[j]:t.end[j]].lower()
            label = labels.get(word)
            if label and not quoted(starts[j]):
                # the next subject continues the name; an object ("looked at her") is someone else
                if t.dep[j] in SUBJECT or word.endswith("self"):
                    w = weight
                    if t.sentence[j] == t.sentence[k - 1] and t.dep[t.head[j]] in SUBORDINATE:
                        w = min(w, LOOSE_WEIGHT)
                    votes.setdefault(display, Counter())[label] += w
                elif t.dep[j] == "poss" and _own_possessive(t, j, k - 1, weight == 1.0):
                    # "Nell never takes her eye off Kit": a possessive in the subject's own clause
                    votes.setdefault(display, Counter())[label] += POSSESSIVE_WEIGHT
                    continue
                break
    return votes


def _own_possessive(t, j: int, name: int, subject: bool) -> bool:
    """Whether possessive ``j`` is the named one's: in the clause the name is the subject of,
    or in a participle hanging on it, also after a speaker named behind the verb ("said the
    surgeon, buttoning his coat")."""
    verb, owner_verb = t.head[name], t.head[t.head[j]]
    if subject and owner_verb == verb:
        return True
    participle = t.tag[owner_verb] == "VBG" and t.head[owner_verb] == verb and t.dep[owner_verb] in PARTICIPLES
    return participle and (subject or t.lemma[verb].lower() in words("speech_verbs"))


def gender_of(votes: Counter, titled: Counter, table: str) -> tuple[str | None, float]:
    """The winning pronoun set and its share of the evidence; None on a tie or no evidence.

    ``votes``: pronoun sets continuing the name; ``titled``: "M"/"F" counts of
    gendered honorifics used for them; ``table``: the given-name table's "M"/"F"."""
    score = Counter({label: float(n) for label, n in votes.items()})
    for g, n in titled.items():
        score[NAME_GENDER_SET[g]] += TITLE_WEIGHT * n
    if table:
        score[NAME_GENDER_SET[table]] += TABLE_WEIGHT
    total = sum(score.values())
    if not total:
        return None, 0.0
    (label, top), *rest = score.most_common()
    named = NAME_GENDER_SET.get(table)
    if rest and rest[0][1] == top and not named:
        return None, round(top / total, 3)
    if named and label != named and top < OVERRULE * score[named]:
        # a frequent name gathers stray pronouns from the people around it ("Gilbert … she"):
        # the text overrules the name table only when it is clear
        return named, round(score[named] / total, 3)
    return label, round(top / total, 3)


def role_gender(description: str) -> str:
    """"M"/"F" where the description's noun says it ("the waiter", "the policewoman"), else ""."""
    noun = description.split()[-1].lower()
    label = labelled("role_genders").get(noun) or labelled("gendered_nouns").get(noun)
    if label is None and noun.endswith("woman"):
        label = "she/her"
    elif label is None and noun.endswith("man") and len(noun) > 4 and noun not in ("german", "human", "roman"):
        label = "he/him"
    return {"he/him": "M", "she/her": "F"}.get(label or "", "")


# forms of address that say the gender of whom a line is said to ("Yes, sir." / "Thank you, ma'am.")
ADDRESS_GENDER = re.compile(
    r"\b(?:(?P<m>sir|mister|sonny|my (?:good |dear |young )?(?:man|boy|lad|fellow))|"
    r"(?P<f>ma'am|ma’am|madam|missus|my (?:good |dear |young )?(?:lady|girl|lass)))\b(?=\s*[,!?.;—–…]|\s*$)",
    re.IGNORECASE)
ADDRESS_VOTES = 1  # lines addressing a character of untold gender before they tell it
ADDRESS_SHARE = 0.8


def settled(counts: Counter, votes: int, share: float) -> tuple[str, float] | None:
    """``(pronoun set, its share)`` when the set most ``counts`` give has at least ``votes`` of
    them and ``share`` of all; else None."""
    (label, n), = counts.most_common(1)
    total = sum(counts.values())
    return (label, round(n / total, 3)) if n >= votes and n >= share * total else None


def address_genders(story, characters: set[str]) -> dict[str, tuple[str, float]]:
    """Gender of characters the text never gave pronouns, from how the lines said to them
    address them: lines calling the one person spoken to "sir", and none (or few) calling
    them "ma'am", make a man."""
    votes: dict[str, Counter] = {}
    for q in story.quotes:
        if len(q.addressees) != 1 or q.addressees[0] not in characters:
            continue
        for match in ADDRESS_GENDER.finditer(story.text, q.start, q.end):
            votes.setdefault(q.addressees[0], Counter())["he/him" if match.group("m") else "she/her"] += 1
    found = {cid: settled(counts, ADDRESS_VOTES, ADDRESS_SHARE) for cid, counts in votes.items()}
    return {cid: gender for cid, gender in found.items() if gender}


TALKED_OF_VOTES = 1  # lines that talk of a character of untold gender and go on with a pronoun
TALKED_OF_SHARE = 0.8


def talked_of_genders(story, characters: set[str], labels: dict[str, str]) -> dict[str, tuple[str, float]]:
    """Gender of characters the narration never gave pronouns, from the lines that talk of
    them: the subject pronoun that follows their name in the same sentence of a line, before
    any other name ("We must hurry Pryor a little; he is behindhand")."""
    t, text = story.tokens, story.text
    mentions = sorted((m for m in story.mentions if m.kind == "PROP" and m.character is not None),
                      key=lambda m: m.start)
    starts = [m.start for m in mentions]
    votes: dict[str, Counter] = {}
    for q in story.quotes:
        i = bisect_left(starts, q.start)
        while i < len(mentions) and mentions[i].start < q.end:
            m = mentions[i]
            i += 1
            if m.character not in characters:
                continue
            limit = min(q.end, starts[i] if i < len(starts) else q.end)
            k = bisect_left(t.start, m.end)
            while k < len(t) and t.start[k] < limit and t.sentence[k] == t.sentence[k - 1]:
                label = labels.get(text[t.start[k]:t.end[k]].lower())
                if label and t.dep[k] in SUBJECT:
                    votes.setdefault(m.character, Counter())[label] += 1
                    break
                k += 1
    found = {cid: settled(counts, TALKED_OF_VOTES, TALKED_OF_SHARE) for cid, counts in votes.items()}
    return {cid: gender for cid, gender in found.items() if gender}
