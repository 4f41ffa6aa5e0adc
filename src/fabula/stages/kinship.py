"""Kin descriptions: "her father", "his wife", "Elizabeth's mother".

In fiction a family shares a surname, and the cast usually holds the relative
by it: Margaret Harlow's father is the one man of the story called Mr.
Harlow; Mr. Harlow's wife is the one woman called Mrs. Harlow. Aunts and
uncles need not share it, but the story often names them by the title ("Aunt
Josephine"). A kin description is linked only when the cast leaves exactly
one such relative; cousins and friends are left alone.

Where a family holds several who fit, the names still tell the generations
apart, as the story's own people do. A wife known by her husband's name is
his: Arthur Quarles's wife is "Mrs. Arthur Quarles", not "Mrs. Quarles", his
mother. A parent is the one of them known by a title or by honorific and
surname alone ("Sir Hugh Drummond", "Mrs. Drummond"), where the children go
by their given names ("Hal Drummond") or a husband's ("Mrs. Kit Drummond").
Brothers, sisters and children are left alone: nothing in a name says which
sister is meant.
"""

from __future__ import annotations

from ..model import Character, Mention, Story
from ..names import HONORIFICS, MARRIED, NameParts, parse_name

# kin word -> (gender as an honorific gives it, whether the relative goes by a title and surname)
KIN: dict[str, tuple[str, bool]] = {
    "father": ("M", True), "papa": ("M", True), "pa": ("M", True), "dad": ("M", True), "husband": ("M", True),
    "mother": ("F", True), "mamma": ("F", True), "mama": ("F", True), "ma": ("F", True), "mum": ("F", True),
    "mom": ("F", True), "wife": ("F", True),
    "brother": ("M", False), "son": ("M", False), "sister": ("F", False), "daughter": ("F", False),
}
# kin whose title the story may give them in their name: "her aunt" is the one "Aunt Josephine"
KIN_TITLES = {"aunt": "aunt", "auntie": "aunt", "uncle": "uncle"}
PARENTS = frozenset({"father", "papa", "pa", "dad", "mother", "mamma", "mama", "ma", "mum", "mom"})
SPOUSES = frozenset({"husband", "wife"})
CHILDREN = frozenset({"son", "daughter"})
# kin a person has one of: "her mother" is one person all through, named or not
ONE_OF = {"mother": "mother", "mamma": "mother", "mama": "mother", "ma": "mother", "mum": "mother",
          "mom": "mother", "father": "father", "papa": "father", "pa": "father", "dad": "father",
          "wife": "wife", "husband": "husband"}
RANKED = frozenset({"sir", "lady", "lord", "dame"})  # titles a family's head goes by ("Sir Hugh", "Lady Anne")
# "his companion": the other one of two people together, not the one "his" refers to
COMPANIONS = frozenset({"companion", "friend", "guide", "guest", "host", "hostess", "visitor", "interlocutor",
                        "comrade", "partner", "neighbour", "neighbor", "caller"})
# a married woman's titles, and a grown man's
GROWN_TITLES = MARRIED | {"mr", "sir", "lord", "monsieur", "dr", "rev", "colonel", "captain", "capt", "major",
                          "general", "admiral", "judge", "squire"}
# nouns for a grown person, which a boy is not
GROWN_NOUNS = frozenset({"man", "gentleman", "woman", "lady", "gentlemen"})
# words between the possessive and the kin word that leave the relation as it is ("her dear father")
MODIFIERS = frozenset({"dear", "dearest", "poor", "good", "old", "own", "late", "beloved", "darling", "little",
                       "elder", "eldest", "younger", "youngest", "only", "young"})


def called(characters, titles) -> set[str]:
    """The characters a name of theirs gives one of ``titles`` before a name ("Mrs. Harlow")."""
    return {c.id for c in characters for name in [c.name, *c.aliases]
            if len(name.split()) > 1 and name.split()[0].lower().rstrip(".") in titles}


def elders(characters) -> set[str]:
    """The characters a name gives a married woman's or a grown man's title ("Mrs. Harlow",
    "Sir Hugh"): who "her mother" or "his father" is likelier to be than "Miss Nora", and
    whom "the boy" is not."""
    return called(characters, GROWN_TITLES)


def boys(characters) -> set[str]:
    """The characters a name calls "Master" ("Master Kit Hollin"): boys, whom "the gentleman" or
    "the old man" is not."""
    return called(characters, {"master"})


class Families:
    """The characters of a story by surname, with what their names say of gender and marriage."""

    def __init__(self, characters: list[Character]) -> None:
        self.by_surname: dict[str, list[tuple[str, str, bool]]] = {}  # surname -> (id, gender, titled)
        self.surnames: dict[str, set[str]] = {}  # id -> surnames
        self.married: set[str] = set()  # known as Mrs. or Lady
        self.called: dict[str, set[str]] = {}  # kin honorific ("aunt") -> the characters called by it
        self.given: dict[str, set[str]] = {}  # id -> the given names in their names ("Mrs. Kit Drummond": kit)
        self.ranked: set[str] = set()  # known by a title: "Sir Hugh", "Lady Anne Drummond"
        parsed = {c.id: [(name, parse_name(name.split())) for name in [c.name, *c.aliases]] for c in characters}
        borne: dict[str, set[str]] = {}  # surname -> the characters whose names give it as one
        for cid, names in parsed.items():
            for _, parts in names:
                if parts.surname:
                    borne.setdefault(parts.surname, set()).add(cid)
        for c in characters:
            gender = {"he/him": "M", "she/her": "F"}.get(c.gender or "", "")
            found: dict[str, bool] = {}
            for name, parts in parsed[c.id]:
                first = name.split()[0].lower() if len(name.split()) > 1 else ""
                if first in KIN_TITLES:
                    self.called.setdefault(KIN_TITLES[first], set()).add(c.id)
                parts = _as_family_name(parts, borne, c.id)
                if parts.given:
                    self.given.setdefault(c.id, set()).add(parts.given)
                if parts.honorific in RANKED:
                    self.ranked.add(c.id)
                if parts.surname:
                    titled = parts.honorific is not None
                    found[parts.surname] = found.get(parts.surname, False) or titled
                    gender = gender or HONORIFICS.get(parts.honorific or "", "")
                    if parts.honorific in MARRIED:
                        self.married.add(c.id)
            self.surnames[c.id] = set(found)
            for surname, titled in found.items():
                self.by_surname.setdefault(surname, []).append((c.id, gender, titled))

    def relative(self, of: str, kin: str) -> str | None:
        """The one character who is ``of``'s ``kin`` by surname (or, for an aunt or uncle, the
        one the story calls "Aunt …" or "Uncle …"), or None."""
        if kin in KIN_TITLES:
            called = self.called.get(KIN_TITLES[kin], set()) - {of}
            return next(iter(called)) if len(called) == 1 else None
        if kin not in KIN:
            return None
        gender, titled = KIN[kin]
        if of in self.married and kin not in SPOUSES and kin not in CHILDREN:
            return None  # Mrs. Harlow's surname is her husband's: his parents and sisters are not hers
        found = set()
        for surname in self.surnames.get(of, ()):
            for cid, g, t in self.by_surname.get(surname, ()):
                if cid == of or g != gender or (titled and not t):
                    continue
                if titled and gender == "F" and cid not in self.married:
                    continue  # a wife or mother is Mrs. Harlow, not Miss Harlow
                if not titled and cid in self.married:
                    continue  # a sister is not the one known as Mrs.
                found.add(cid)
        if len(found) > 1:
            found = self.senior(of, kin, found)
        return found.pop() if len(found) == 1 else None

    def senior(self, of: str, kin: str, found: set[str]) -> set[str]:
        """Of several in a family who could be ``of``'s spouse or parent, those the names mark as
        such (see the module's docstring); the same set when the names do not tell."""
        if kin in SPOUSES:  # "Mrs. Arthur Quarles" is Arthur Quarles's wife
            shared = {cid for cid in found if self.given.get(cid, set()) & self.given.get(of, set())}
            return shared or found
        if kin in PARENTS:
            ranked = found & self.ranked
            if ranked:
                return ranked
            plain = {cid for cid in found if not self.given.get(cid)}  # "Mrs. Drummond", never "Mrs. Kit Drummond"
            return plain or found
        return found


def _as_family_name(parts: NameParts, borne: dict[str, set[str]], cid: str) -> NameParts:
    """"Lady Quenby", "Miss Francis": a title before one word that may be a given name or a
    surname is the surname where someone else in the cast bears it as one (Sir Calder Quenby's
    wife, Mr. Tod Francis's daughter)."""
    if parts.surname is None and parts.honorific is not None and len(parts.words) == 1 \
            and borne.get(parts.words[0], set()) - {cid}:
        return NameParts(parts.honorific, None, parts.words[0], parts.words)
    return parts


def kin_word(story: Story, m: Mention, possessor: Mention | None) -> str | None:
    """"father" when ``m`` is "her father", "his dear old father" or "Elizabeth's father", with
    the possessor already linked to a character; "wife" for "his lady"."""
    if possessor is None or possessor.character is None or possessor.start != m.start or possessor.end >= m.end:
        return None
    said = story.text[possessor.start:possessor.end].lower()
    rest = story.text[possessor.end:m.end].lower()
    if possessor.kind == "PROP" and rest[:2] in ("'s", "’s"):
        rest = rest[2:]
    elif possessor.kind != "PRON" or said not in ("his", "her", "my", "your", "thy"):
        return None
    words_ = rest.split()
    if not words_ or not all(w in MODIFIERS for w in words_[:-1]):
        return None
    # "his lady" (or "his good lady") is his wife; "her lady" is whom a maid serves
    return "wife" if words_[-1] == "lady" and said == "his" else words_[-1]
