"""Character mentions: names (PROP), descriptions (NOM) and pronouns (PRON).

spaCy's news-trained NER misses many fictional names, so a name is any run
of capitalised words that the tagger calls proper nouns, or that the text
never writes in lower case. Whether a name belongs to a *person* is decided
from evidence that holds in fiction, pooled over every use of the name:
honorifics, being the subject of speech, thought and perception verbs, being
addressed inside dialogue, being listed with other people, NER's opinion,
and place-like contexts ("at Thornbury", "went to Thornbury") against it. The cast stage makes
the decision; this stage collects the evidence.

A description is a person noun with an article or possessor ("the girl", "her
father"); a parent's kin word is one without ("tell mamma", "Mother said so").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..dialogue import QuotedText
from ..lexicon import words
from ..model import Mention, Story
from ..names import (HONORIFICS, PARTICLES, PLURAL_HONORIFICS, given_name_gender, honorific_key, known_given_name,
                     parse_name)
from . import stage
from .cues import SUBJECT
from .kinship import PARENTS
from .narrator import DIALECT_YOU

PERSON_ENTS = {"PERSON"}
SIGN = 1.5  # a use scoring this much without the tagger's opinion shows a person: a person's verb, "poor Anna"
# nouns whose "of" names a place: "the city of Hythe", "a foreigner of Quenby, who settled at Drummond"
PLACE_OF = frozenset({"city", "town", "village", "county", "country", "kingdom", "province", "parish", "island",
                      "isle", "port", "borough", "duchy", "state", "republic", "empire", "capital", "outskirts",
                      "native", "natives", "foreigner", "foreigners", "inhabitant", "inhabitants", "citizen",
                      "citizens", "burgher", "burghers"})
# what "the Lord", "the Almighty" or "the Devil" is in a prayer or an oath
DEITIES = frozenset({"lord", "almighty", "creator", "saviour", "savior", "redeemer", "deity", "preserver", "devil"})
GROUPS = frozenset({"family", "families", "brothers", "sisters", "company", "club", "society", "gang", "crew",
                    "regiment", "brigade", "tribe", "clan", "band", "firm", "committee", "council"})
PITIED = frozenset({"poor", "dear", "dearest"})
# verbs of going whose "to" takes a place: "went to Thornbury", not "spoke to Nell"
JOURNEYS = frozenset({"go", "come", "return", "travel", "journey", "drive", "ride", "sail", "remove", "move",
                      "hasten", "hurry", "proceed", "set", "start", "fly", "walk", "get", "retire", "repair"})
OTHER_ENTS = {"GPE", "LOC", "FAC", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE", "LAW", "DATE"}
PRONOUNS = {
    "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves",
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "we", "us", "our", "ours", "ourselves",
    "they", "them", "their", "theirs", "themselves", "themself", "xe", "xem", "xyr", "xyrs", "xemself",
    "ze", "zir", "zirs", "zirself", "hir", "hirs", "hirself", "thee", "thou", "thy", "thine", "thyself",
} | DIALECT_YOU
# taggers trained on news do not know these, and call "Xe" a proper noun
NEOPRONOUNS = {"xe", "xem", "xyr", "xyrs", "xemself", "ze", "zir", "zirs", "zirself", "hir", "hirs", "hirself"}
RELATIVE_WHO = frozenset({"who", "whom"})
VOCATIVE_AFTER = {",", "!", "?", ".", ";", "—", "–", "…", "”", '"'}
OPENERS = {"“", '"', "‘", "—", "(", "-"}
NAME_WORD = re.compile(r"^[^\W\d_]+(?:[.'’-][^\W\d_]*)*$")  # letters, with inner - ' . ("O'Brien", "St.")
HYPHEN_PARTICLES = frozenset({"the", "de", "la", "le", "du", "von", "van", "upon", "on", "in"})  # "Kit-the-Fox"
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
NOT_NAME_POS = {"PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SYM", "SPACE"}


@dataclass(slots=True)
class NameEvidence:
    """Why fabula thinks a name is a person's, pooled over its uses."""

    count: int = 0
    score: float = 0.0
    inside: int = 0  # uses not at the start of a sentence, where any word is capitalised
    links: set[str] = field(default_factory=set)  # names it is listed or apposed with
    signs: int = 0  # uses that show a person whatever the tagger says: speaking, an honorific, being addressed
    placed: int = 0  # uses that show a place: "in Bath", "went to Calder Hythe"


def _plural_title(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in PLURAL_HONORIFICS or (w.endswith("s") and honorific_key(w[:-1]) is not None and w not in HONORIFICS)


class _Reader:
    """Token access and the casing statistics that tell names from common words."""

    def __init__(self, story: Story) -> None:
        self.story, self.t, self.text = story, story.tokens, story.text
        self.lower: Counter = Counter()
        self.capital_inside: Counter = Counter()  # capitalised, not at a sentence's start
        for i in range(len(self.t)):
            w = self.word(i)
            if w.islower():
                self.lower[w] += 1
            elif w[:1].isupper() and not self.starts_sentence(i):
                self.capital_inside[w.lower()] += 1

    def word(self, i: int) -> str:
        return self.text[self.t.start[i]:self.t.end[i]]

    def starts_sentence(self, i: int) -> bool:
        t = self.t
        return i == 0 or t.sentence[i - 1] != t.sentence[i] or self.word(i - 1) in OPENERS

    def common_word(self, w: str) -> bool:
        """Written in lower case more often than capitalised mid-sentence: "Hastily", "Envy"."""
        low = w.lower()
        return self.lower[low] > self.capital_inside[low]

    def name_like(self, i: int) -> bool:
        w = self.word(i)
        if not w[:1].isupper() or not NAME_WORD.match(w):
            return False
        if honorific_key(w) is not None:
            return True
        if len(w) < 2 or w.lower() in words("not_names") or w.lower() in PRONOUNS or self.common_word(w):
            return False
        if len(w) > 2 and w.isupper():
            return False  # headings and shouting: "IN WHICH PIGLET MEETS A HEFFALUMP"
        t = self.t
        if t.tag[i] in ("NNP", "NNPS") or t.ent[i].endswith("PERSON"):
            return True
        # a capitalised word inside a sentence that the text never lower-cases: "Rook" tagged as a verb
        return not self.starts_sentence(i) and t.pos[i] not in NOT_NAME_POS and not self.lower[w.lower()]

    def continues_name(self, i: int) -> bool:
        """A capitalised common word inside a name: "the Grey Knight", "the Mock Admiral"."""
        w = self.word(i)
        return (w[:1].isupper() and not w.isupper() and not self.starts_sentence(i)
                and self.t.pos[i] in ("PROPN", "NOUN") and w.lower() not in PRONOUNS)

    def stray_opening(self, i: int, hi: int) -> bool:
        """A capitalised adverb opening a sentence before a name: "Unluckily Denzil"."""
        w = self.word(i)
        return (self.starts_sentence(i) and w.endswith("ly") and i + 1 < hi and not given_name_gender(w)
                and self.t.sentence[i + 1] == self.t.sentence[i] and self.name_like(i + 1))

    def hyphenated(self, i: int, hi: int) -> int:
        """The last token of a name written with hyphens from name word ``i`` ("Jean-Paul",
        "Mary-Anne", "Kit-the-Fox"), or ``i`` itself: the tokenizer splits at each hyphen."""
        t, end, k = self.t, i, i
        while k + 2 < hi and self.word(k + 1) == "-" and t.end[k] == t.start[k + 1] and t.end[k + 1] == t.start[k + 2]:
            nxt = self.word(k + 2)
            if nxt[:1].isupper() and NAME_WORD.match(nxt) and not self.common_word(nxt):  # not "the Rabbit-Hole"
                end = k = k + 2
            elif nxt in HYPHEN_PARTICLES:
                k += 2  # "-the-": a name only if a capitalised word follows
            else:
                break
        return end

    def ends_name(self, first: int, last: int, nxt: int) -> bool:
        """Where two names meet with no comma between them: "Edwin Edwin Tolley",
        "Colonel Hythe Monday morning", "make Mrs. Quarles Nora Drummond again"."""
        w = self.word(nxt)
        if w == self.word(last) or (w.lower() in WEEKDAYS and honorific_key(self.word(last)) is None):
            return True  # but "President Sunday" is a name
        # after "Mrs. Quarles", a given name opens another name ("Nora Drummond"), unless the one
        # before was given too, or nothing follows it ("Dr. Howard Archie": Howard is his given name)
        return (last > first and honorific_key(self.word(first)) is not None and known_given_name(w)
                and not known_given_name(self.word(last)) and honorific_key(self.word(last)) is None
                and self.name_follows(nxt))

    def name_follows(self, i: int) -> bool:
        """Whether a name-like word comes right after token ``i`` in its sentence."""
        return i + 1 < len(self.t) and self.t.sentence[i + 1] == self.t.sentence[i] and self.name_like(i + 1)

    def runs(self, lo: int, hi: int):
        """``(first, last)`` token indices of each name in tokens ``lo..hi``; an honorific starts a new name."""
        t = self.t
        i = lo
        while i < hi:
            if not self.name_like(i):
                i += 1
                continue
            if self.stray_opening(i, hi):
                i += 1  # "Unluckily Denzil hit him": the adverb opening the sentence is no part of the name
            j = self.hyphenated(i, hi)
            while j + 1 < hi and t.sentence[j + 1] == t.sentence[i]:
                nxt = j + 1
                if self.ends_name(i, j, nxt):
                    break
                if (honorific_key(self.word(j)) and self.word(nxt)[:1].isupper() and not honorific_key(self.word(nxt))
                        and NAME_WORD.match(self.word(nxt))
                        and t.pos[nxt] not in NOT_NAME_POS and self.word(nxt).lower() not in words("not_names")):
                    j = nxt  # after "Mr." a capitalised word is a name, even "Hall" or "Brown"
                    continue
                if self.name_like(nxt) or self.continues_name(nxt):
                    if honorific_key(self.word(nxt)) and not honorific_key(self.word(j)):
                        break
                elif not (self.word(nxt).lower() in PARTICLES and nxt + 1 < hi and self.name_follows(nxt)):
                    break
                j = self.hyphenated(nxt, hi)
            yield i, j
            i = j + 1


def _evidence(r: _Reader, first: int, last: int, quoted: bool, honorific: bool, titled: bool
              ) -> tuple[float, bool, bool]:
    """How much one use of a name says it is a person's, whether it says so by the text
    itself (a person's verb, an honorific, being addressed), not only by the tagger's opinion,
    and whether it shows a place ("in Bath")."""
    t = r.t
    score = 3.0 if honorific and not titled else 0.0
    dep, head = t.dep[last], t.head[last]
    if dep in SUBJECT and head != last:
        verb = t.lemma[head].lower()
        score += 3.0 if verb in words("speech_verbs") else 1.5 if verb in words("person_verbs") else 0.3
    elif dep == "dobj" and head == first - 1 and head > 0 and t.pos[head - 1] == "PUNCT" \
            and t.lemma[head].lower() in words("speech_verbs"):
        score += 3.0  # '"Perhaps," faltered Margaret': the parser's object of an inverted speech verb
    elif dep == "poss":
        score += 0.5
    elif dep in ("acomp", "amod"):
        score -= 1.0  # "They might not be distinctly Homeric": a word that describes, not one who acts
    before = first - 1
    word_before = r.word(before).lower() if before >= 0 and t.sentence[before] == t.sentence[first] else ""
    placed = dep != "poss" and (word_before in words("place_words") or (  # not "at the Judge's feet"
        word_before == "to" and _journey(t, t.head[before])) or (
        word_before == "of" and before > 0 and r.word(before - 1).lower() in PLACE_OF))  # "a native of Quenby"
    if placed:
        score -= 1.5  # "in Bath"; "they were to go to Calder Hythe", though one speaks "to" people
    if word_before in PITIED:
        score += 1.5  # "poor Florence", "dear Jane": said of people, not of towns
    if last + 2 < len(t) and r.word(last + 1) == "," and r.word(last + 2).lower() in RELATIVE_WHO and not placed:
        # "the life of Pryor, who was a scrivener": "who" is said of people, "which" of places (but
        # "a native of Quenby, who settled at Drummond" says it of the native)
        score += 3.0
    if quoted and 0 < first and last + 1 < len(t):
        # addressed by name: "Peggy, did Mum tell you?" or "Go to bed, Tommy."
        after, before = r.word(last + 1), r.word(first - 1)
        if (after == "," and (before in OPENERS or r.starts_sentence(first))) or (
                before == "," and after in VOCATIVE_AFTER):
            score += 2.0
    sign = score >= SIGN or honorific
    # the news-trained NER is a weak voice on fiction's names: it calls "Farid" an ORG
    ent = t.ent[last][2:]
    if ent in PERSON_ENTS:
        score += 0.5
    elif ent in OTHER_ENTS:
        score -= 0.5
    return score, sign, placed


def _modifies_a_noun(r: _Reader, first: int, last: int, lo: int, hi: int, titled: bool) -> bool:
    """Whether the name ``first``..``last`` modifies the noun after it, after "the" or after a
    capitalised common word modifying that noun too: "the Drummond girls", "the Lion Jasper booth"."""
    t = r.t
    if t.dep[last] != "compound" or last + 1 >= hi or t.pos[last + 1] != "NOUN" or t.head[last] != last + 1:
        return False
    return titled or (first > lo and t.sentence[first - 1] == t.sentence[first]
                      and r.word(first - 1)[:1].isupper() and t.head[first - 1] in (last, last + 1))


def _journey(t, verb: int) -> bool:
    """Whether token ``verb`` is a verb of going whose subject, if it has one, is no thing:
    "they went to Calder Hythe", not "the estate goes to Denzil"."""
    if t.lemma[verb].lower() not in JOURNEYS:
        return False
    subjects = [k for k in range(max(0, verb - 12), verb) if t.head[k] == verb and t.dep[k] in SUBJECT]
    return not any(t.pos[k] == "NOUN" for k in subjects)


def _nominal(t, n: int, lo: int) -> int | None:
    """Start of the description headed by person noun ``n`` ("the bleach blond vampire"),
    or None when it has no determiner or possessor (bare "girls" is not a mention)."""
    children = [k for k in range(max(lo, n - 6), n) if t.head[k] == n
                and t.dep[k] in ("det", "poss", "amod", "compound", "nummod", "nmod")]
    if not any(t.dep[k] in ("det", "poss") for k in children):
        return None
    start = min(children)
    # take in the whole possessor: "the young woman 's father", not "woman 's father"
    while start - 1 >= lo and _descends(t, start - 1, n):
        start -= 1
    return start


def _kin_as_name(r: _Reader, k: int, hi: int) -> bool:
    """Whether token ``k`` is a parent's kin word used as a name, with no article or possessor:
    "tell mama", "Mother gave it to me", "devote herself to papa" (not "Father Brown", nor the
    "mother" of "mother country")."""
    t = r.t
    if r.word(k).lower() not in PARENTS or t.tag[k] in ("NNS", "NNPS") or t.dep[k] == "compound":
        return False
    if any(t.head[j] == k and t.dep[j] in ("det", "poss", "nummod") for j in range(max(0, k - 4), k)):
        return False
    return not (k + 1 < hi and r.word(k + 1)[:1].isupper() and t.pos[k + 1] == "PROPN")


FRONT_MATTER_CHARS = 1000  # where a title page's byline may stand
BYLINE = re.compile(r"(?:\b[Bb][Yy]|\bAuthor:)[ \t_]*(?:[A-Z]\.[ \t]*)*$")  # "by E. M. Hythe": initials too


def _bylined(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is the author's in a byline at the head of the text ("by
    Clara Dunn", "Author: H. G. Quenby"), alone on its line."""
    if start > FRONT_MATTER_CHARS:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)].strip(" \t_")
    return BYLINE.search(text, line_start, start) is not None and rest in ("", ".")


def _listed(t, k: int) -> bool:
    """Whether token ``k`` heads a list ("Tom, Ned and Kit"; "Tom, Ned, Kit"): an "and" or
    "or" hangs from one of its items, or it has more than two. Otherwise a name the parser
    joined to it by a comma is set beside it ("the Warden, Mr. Hythe, with whom …")."""
    items, after = {k}, range(k + 1, min(len(t.dep), k + 40))
    for j in after:
        if t.dep[j] == "conj" and t.head[j] in items:
            items.add(j)
    return len(items) > 2 or any(t.head[j] in items and t.dep[j] in ("cc", "preconj") for j in after)


def _words(r: _Reader, first: int, last: int) -> list[str]:
    """The words of the name in tokens ``first..last``, a hyphenated one as one word ("Jean-Paul")."""
    t, out = r.t, []
    for k in range(first, last + 1):
        glued = k > first and t.start[k] == t.end[k - 1] and "-" in (r.word(k), r.word(k - 1))
        if glued:
            out[-1] += r.word(k)
        else:
            out.append(r.word(k))
    return out


def _descends(t, k: int, n: int) -> bool:
    """Whether token ``k`` hangs (directly or not) from token ``n``."""
    for _ in range(12):
        if k == n:
            return True
        if t.head[k] == k:
            return False
        k = t.head[k]
    return False


def _paragraph_ranges(story: Story):
    """``(paragraph, first token, end token)`` for each analysed paragraph."""
    t = story.tokens
    para_of_sentence = [s.paragraph for s in story.sentences]
    by_id = {p.id: p for p in story.paragraphs}
    lo, n = 0, len(t)
    while lo < n:
        pid = para_of_sentence[t.sentence[lo]]
        hi = lo
        while hi < n and para_of_sentence[t.sentence[hi]] == pid:
            hi += 1
        yield by_id[pid], lo, hi
        lo = hi


@stage(requires=("tokens", "sentences", "paragraphs", "quotes"),
       assigns=("mentions", "notes.names", "notes.apposed", "notes.listed_surnames"))
def mentions(story: Story, settings) -> None:
    """Fill ``story.mentions`` with every candidate mention, and pool name evidence in ``notes``."""
    r = _Reader(story)
    t = r.t
    evidence: dict[str, NameEvidence] = defaultdict(NameEvidence)
    apposed: Counter = Counter()  # pairs of names (lower case) set side by side as one person
    found: list[Mention] = []
    person_nouns = words("person_nouns")
    in_quote = QuotedText(story)
    lists: list[list] = []  # names listed together ("Nell, Tom and Clara Dunn"), in order
    list_of: dict[int, list] = {}  # the last token of a name -> its list
    for _, lo, hi in _paragraph_ranges(story):
        names_by_last: dict[int, tuple[str, str]] = {}  # last token -> (key, display in lower case)
        for first, last in r.runs(lo, hi):
            names = _words(r, first, last)
            if any(_plural_title(w) for w in names):
                continue  # "the Misses Harlow", "the Captains Hale": a group
            if _bylined(story.text, t.start[first], t.end[last]):
                continue  # "The Low Tide, by E. M. Hythe": the author, in the front matter
            titled = first > lo and r.word(first - 1).lower() == "the" and t.sentence[first - 1] == t.sentence[first]
            if _modifies_a_noun(r, first, last, lo, hi, titled):
                continue  # "the Drummond girls": a family, not a name; "the Lion Jasper booth": a show's
            if titled and len(names) == 1 and names[0].lower() in DEITIES:
                continue  # "the Lord knows", "the Almighty": no one of the story's people
            if titled and names[-1].lower() in GROUPS:
                continue  # "the Merry Band", "the Jolly Company": a band of people, no one of them
            if titled:  # "the Ferryman", "the Queen": the article is part of how they are named
                first -= 1
                names = ["the"] + names
            parts = parse_name(names)
            if not parts.words:
                continue
            quoted = in_quote(t.start[first])
            ev = evidence[parts.key]
            ev.count += 1
            ev.inside += not r.starts_sentence(first)  # for "the Ferryman", where "the" stands
            # "the Judge" is titled as much as "Judge Miller" is, though the title is all its name
            honorific = parts.honorific is not None or (titled and parts.words[-1] in HONORIFICS)
            score, sign, placed = _evidence(r, first, last, quoted, honorific, titled)
            ev.score += score
            ev.signs += sign
            ev.placed += placed
            display = " ".join(names).lower()
            names_by_last[last] = parts.key, display
            if t.dep[last] == "conj" and t.head[last] in list_of:  # "Nell, Tom and Clara Dunn"
                list_of[last] = list_of[t.head[last]]
                list_of[last].append(parts)
            else:
                list_of[last] = [parts]
                lists.append(list_of[last])
            if t.dep[last] in ("conj", "appos") and t.head[last] in names_by_last:
                other, other_display = names_by_last[t.head[last]]
                if other != parts.key:
                    ev.links.add(other)
                    evidence[other].links.add(parts.key)
                    between = story.text[t.end[t.head[last]]:t.start[first]].strip()
                    if between == "," and (t.dep[last] == "appos" or not _listed(t, t.head[last])):
                        # "the Warden, Mr. Hythe": one person, two names ("George the Fifth" is one name)
                        apposed[tuple(sorted((other_display, display)))] += 1
            found.append(Mention(t.start[first], t.end[last], "PROP"))
        for k in range(lo, hi):
            low = r.word(k).lower()
            if low in PRONOUNS and (t.pos[k] == "PRON" or low in NEOPRONOUNS or low in DIALECT_YOU):
                found.append(Mention(t.start[k], t.end[k], "PRON"))
            elif t.pos[k] == "NOUN" and t.lemma[k].lower() in person_nouns:
                start = _nominal(t, k, lo)
                if start is not None:
                    found.append(Mention(t.start[start], t.end[k], "NOM"))
                elif _kin_as_name(r, k, hi):
                    found.append(Mention(t.start[k], t.end[k], "NOM"))
            elif t.pos[k] == "PROPN" and _kin_as_name(r, k, hi) and k not in names_by_last:
                found.append(Mention(t.start[k], t.end[k], "NOM"))  # "Mother said so", not read as a name
    found.sort(key=lambda m: (m.start, m.end))
    story.mentions = found
    story.notes["names"] = dict(evidence)
    story.notes["apposed"] = apposed
    story.notes["listed_surnames"] = _listed_surnames(lists)


def _listed_surnames(lists) -> dict[str, set[str]]:
    """Given names listed before a full name that ends the list, with its surname: "Nell, Tom
    and Clara Dunn" are all Dunns."""
    out: dict[str, set[str]] = {}
    for names in lists:
        last = names[-1]
        if len(names) < 2 or not (last.given and last.surname) or last.honorific:
            continue
        for parts in names[:-1]:
            if len(parts.words) == 1 and not parts.honorific:  # a name of one word, as a given name
                out.setdefault(parts.key, set()).add(last.surname)
    return out
