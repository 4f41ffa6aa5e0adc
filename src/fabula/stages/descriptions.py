"""What the text calls characters besides their names.

- "Mr. Crook, the ferryman" / "Mr. Crook was the ferryman": "the ferryman" is
  Mr. Crook wherever the text uses it (``descriptions``), and so is its role
  alone ("the parochial undertaker": "the undertaker") where no one else is
  given it; each use is a mention of him (``mention_descriptions``).
- "the Doctor", "the widow": the one character whose name carries that title
  (``titles_of``, ``RANKS``); "Mademoiselle had finished": the title used alone
  as a name (``mention_bare_titles``).
- "Rufus, a boy of fourteen"; "Sir Roland remained a widower": an indefinite
  description said of the character it is in apposition to or the subject
  of its copula (``predicated_of``).

Coreference links descriptions with these; speaker attribution reads them for
"said the ferryman".
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..lexicon import labelled, words
from ..model import Mention, Story, unique_mentions
from ..names import HONORIFICS, TITLE_WORDS
from .cues import SUBJECT

# words that count people: "the first cabman" is not "the second cabman", nor "the other doctor" Dr. Tolley
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "other", "another", "next", "last",
                      "elder", "younger", "eldest", "youngest", "older"})

# titles that "the <title>" names a titled character by ("the Doctor" for Dr. Tolley); kin words
# that are also honorifics ("Aunt", "Father") are left out: "the father" is anyone's
RANKS = frozenset({"dr", "prof", "rev", "lieut", "capt", "colonel", "col", "major", "general", "sergeant",
                   "admiral", "commander", "inspector", "judge", "governor", "president", "detective", "squire",
                   "king", "queen", "prince", "princess", "duke", "duchess", "earl", "count", "countess", "baron",
                   "baroness", "marquis", "viscount", "emperor", "empress", "rabbi", "parson", "widow"})


def titles_of(characters) -> dict[str, set[str]]:
    """Title (its short form: "dr", "capt") -> ids of the characters whose names carry it."""
    out: dict[str, set[str]] = {}
    for c in characters:
        for name in [c.name, *c.aliases]:
            words_ = name.split()
            if words_[0].lower() == "the":
                words_ = words_[1:]  # "the Widow Quill"
            first = words_[0].lower().rstrip(".") if words_ else ""
            if first in HONORIFICS and len(words_) > 1:
                out.setdefault(TITLE_WORDS.get(first, first), set()).add(c.id)
    return out


def definite_description(story: Story, j: int) -> tuple[str, int] | None:
    """``("the old mariner", start)`` when token ``j`` heads a description with "the"."""
    t, text = story.tokens, story.text
    det = [k for k in range(max(0, j - 4), j) if t.head[k] == j and t.dep[k] == "det"]
    if not det or text[t.start[det[0]]:t.end[det[0]]].lower() != "the":
        return None
    return " ".join(text[t.start[det[0]]:t.end[j]].lower().split()), t.start[det[0]]


def descriptions(story: Story) -> dict[str, str]:
    """"Mr. Crook, the ferryman" / "Mr. Crook was the ferryman": descriptions that the text gives
    a named character, so that "the ferryman" is him."""
    t = story.tokens
    starts = [m.start for m in story.mentions]
    out: dict[str, str] = {}
    short: dict[str, set[str]] = {}  # the role noun alone -> characters given it
    generic = set(labelled("gendered_nouns")) | words("relational_nouns") | {"person", "one", "creature"}
    for j in range(len(t)):
        if t.pos[j] != "NOUN" or t.dep[j] not in ("appos", "attr"):
            continue
        described = definite_description(story, j)
        if described is None:
            continue
        head = t.head[j]
        if t.dep[j] == "attr":  # "X was the beadle": the subject of the copula
            head = copula_subject(t, head)
            if head is None:
                continue
        i = bisect_right(starts, t.start[head]) - 1
        m = story.mentions[i] if i >= 0 else None
        noun = story.text[t.start[j]:t.end[j]].lower()
        if described[0] == "the " + noun and noun in generic:
            continue  # "Hatch was the man": said of one man here, but "the man" is every man elsewhere
        if m is not None and m.kind == "PROP" and m.character and m.start <= t.start[head] < m.end:
            out.setdefault(described[0], m.character)
            if described[0].count(" ") > 1 and noun not in generic:  # "the parochial undertaker": "the undertaker"
                short.setdefault("the " + noun, set()).add(m.character)
    for phrase, characters in short.items():
        if len(characters) == 1:  # two beadles make "the beadle" no one's
            out.setdefault(phrase, characters.pop())
    return out


def predicated_of(t, k: int, character_at: dict[int, str]) -> str | None:
    """The character an indefinite description headed by token ``k`` is said of: the name it is
    in apposition to ("Rufus, a boy of fourteen"), or the linked subject of its copula ("Sir
    Roland remained a widower") or of the verb it is "as" to ("as a boy he loafed about the market")."""
    if t.dep[k] == "appos":
        return character_at.get(t.head[k])
    if t.dep[k] == "attr":
        subject = copula_subject(t, t.head[k])
        return character_at.get(subject) if subject is not None else None
    if t.dep[k] == "pobj" and t.lemma[t.head[k]].lower() == "as" and t.dep[t.head[k]] == "prep":
        # "as a suitor he would have ranked himself high", "known as a rich young widow"
        subject = copula_subject(t, t.head[t.head[k]])
        return character_at.get(subject) if subject is not None else None
    return None


def copula_subject(t, verb: int) -> int | None:
    """The subject token of copula ``verb`` ("Tom was the miller"), among the words before it."""
    return next((j for j in range(max(0, verb - 8), verb) if t.head[j] == verb and t.dep[j] in SUBJECT), None)


def phrase_pattern(phrases) -> re.Pattern:
    """Any of the lower-case ``phrases`` as whole words, in any case, across line breaks."""
    return re.compile(r"\b(?:" + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in sorted(phrases)) + r")\b",
                      re.IGNORECASE)


def mention_descriptions(story: Story, given: dict[str, str]) -> None:
    """Every use of a description the text gave a character ("the miller") is a mention of them."""
    if not given:
        return
    pattern = phrase_pattern(given)
    taken = {(m.start, m.end) for m in story.mentions}
    starts = sorted(m.start for m in story.mentions)
    added = []
    for match in pattern.finditer(story.text):
        span = (match.start(), match.end())
        if span in taken:
            continue
        i = bisect_right(starts, match.start()) - 1
        inside = i >= 0 and any(m.start <= match.start() < m.end and m.kind == "PROP" for m in story.mentions[i:i + 1])
        if not inside:
            added.append(Mention(span[0], span[1], "NOM", given[" ".join(match.group().lower().split())]))
    if added:
        story.mentions = unique_mentions(story.mentions + added)


# titles a text uses alone as a name ("Mademoiselle had finished.", "Colonel, you are right"); not the
# forms of address anyone gets ("sir", "miss") nor kin ("Father", "Aunt")
BARE_TITLES = frozenset({"mademoiselle", "madame", "monsieur", "colonel", "doctor", "dr", "professor", "prof",
                         "captain", "capt", "major", "admiral", "general", "inspector", "lieutenant", "sergeant",
                         "judge", "squire", "commander", "signor", "signora", "herr", "frau"})


def mention_bare_titles(story: Story, titles: dict[str, set[str]]) -> None:
    """A title used alone as a name, capitalised and without an article ("Mademoiselle had
    finished"), is a mention of the one character whose name carries it."""
    t, text = story.tokens, story.text
    starts = [m.start for m in story.mentions]
    added = []
    for k in range(len(t)):
        word = text[t.start[k]:t.end[k]]
        key = word.lower().rstrip(".")
        titled = titles.get(TITLE_WORDS.get(key, key), ()) if key in BARE_TITLES else ()
        if len(titled) != 1 or not word[0].isupper():
            continue
        nxt = text[t.start[k + 1]:t.end[k + 1]] if k + 1 < len(t) else ""
        prev = text[t.start[k - 1]:t.end[k - 1]].lower() if k else ""
        if nxt[:1].isupper() or prev in ("the", "a", "an", "this", "that", "our", "your", "his", "her", "my"):
            continue  # "Colonel Hythe", "the Colonel": names and descriptions found elsewhere
        i = bisect_right(starts, t.start[k]) - 1
        if i >= 0 and story.mentions[i].start <= t.start[k] < story.mentions[i].end:
            continue
        added.append(Mention(t.start[k], t.end[k], "PROP", next(iter(titled))))
    if added:
        story.mentions = unique_mentions(story.mentions + added)
