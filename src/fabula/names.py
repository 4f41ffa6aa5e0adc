"""Personal names: honorifics, given-name forms and nicknames, and parsing a name into parts.

The nickname table is data (``data/given_names.tsv``); this module knows how
names are built in English fiction: an optional honorific, given names, a
surname, particles such as "de" or "van".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

# honorific (lower-case, without the dot) -> gender it implies: "M", "F" or "" (either)
HONORIFICS: dict[str, str] = {
    "mr": "M", "mister": "M", "sir": "M", "lord": "M", "master": "M", "monsieur": "M", "m": "M",
    "herr": "M", "senor": "M", "señor": "M", "signor": "M", "don": "M", "father": "M", "brother": "M",
    "uncle": "M", "king": "M", "prince": "M", "duke": "M", "earl": "M", "baron": "M", "count": "M",
    "squire": "M", "mrs": "F", "missus": "F", "miss": "F", "ms": "F", "lady": "F", "madam": "F",
    "madame": "F", "mme": "F", "mlle": "F", "mademoiselle": "F", "dame": "F", "mistress": "F",
    "frau": "F", "fräulein": "F", "senora": "F", "señora": "F", "signora": "F", "mother": "F",
    "sister": "F", "aunt": "F", "auntie": "F", "queen": "F", "princess": "F", "duchess": "F",
    "countess": "F", "baroness": "F", "widow": "F", "dr": "", "doctor": "", "professor": "", "prof": "",
    "captain": "", "capt": "", "colonel": "", "col": "", "major": "", "general": "", "lieutenant": "",
    "lieut": "", "sergeant": "", "sgt": "", "admiral": "", "commander": "", "inspector": "",
    "reverend": "", "rev": "", "parson": "", "nurse": "", "judge": "", "governor": "", "president": "",
    "detective": "", "officer": "", "agent": "", "saint": "", "st": "", "comrade": "",
    "marquis": "M", "marquess": "M", "marchioness": "F", "viscount": "M", "viscountess": "F", "abbé": "M",
    "abbe": "M", "emperor": "M", "empress": "F", "rabbi": "", "elder": "", "deacon": "", "cousin": "",
}
# the long form of a title -> its short form in HONORIFICS' keys: "the Doctor" is Dr. Tolley, and
# "said her ladyship" Lady Catherine
TITLE_WORDS = {"doctor": "dr", "professor": "prof", "reverend": "rev", "lieutenant": "lieut", "captain": "capt",
               "ladyship": "lady", "lordship": "lord"}
# Forms of address for a married woman: she shares the surname with a husband, not with sisters.
MARRIED = frozenset({"mrs", "missus", "madame", "mme", "frau", "senora", "señora", "signora", "lady", "dame",
                     "begum"})
# Forms of address that follow the name: "Farida Begum", "Farid Sahib", "Selim Bey".
TRAILING_HONORIFICS = {"begum": "F", "sahib": "M", "bey": "M", "pasha": "M", "effendi": "M", "hanim": "F"}
# Plural forms of address name a group, never one character ("the Misses Harlow", "Messrs. Smith").
PLURAL_HONORIFICS = frozenset({"misses", "messrs", "mesdames", "mmes", "messieurs", "ladies", "gentlemen"})
# Honorifics usually followed by a given name rather than a surname ("Sir Walter", "Lady Clara").
GIVEN_NAME_HONORIFICS = frozenset({"sir", "lady", "lord", "dame", "aunt", "auntie", "uncle", "brother",
                                   "sister", "father", "mother", "king", "queen", "prince", "princess", "saint", "st",
                                   "cousin"})
PARTICLES = frozenset({"de", "van", "von", "du", "la", "le", "di", "da", "del", "della", "der", "den",
                       "ten", "ter", "st.", "o'", "mac", "bin", "ibn", "al"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "esq", "esquire"})


def honorific_key(word: str) -> str | None:
    key = word.lower().rstrip(".")
    return key if key in HONORIFICS else None


def honorific_gender(honorific: str | None) -> str:
    return HONORIFICS.get(honorific or "") or TRAILING_HONORIFICS.get(honorific or "", "")


@dataclass(frozen=True, slots=True)
class NameParts:
    honorific: str | None  # "mr", "lady", …
    given: str | None  # lower-case
    surname: str | None  # lower-case (particles included: "de bourgh")
    words: tuple[str, ...]  # the name without honorific, lower-case

    @property
    def key(self) -> str:
        return " ".join(self.words)

    @property
    def honorific_gender(self) -> str:
        return honorific_gender(self.honorific)


def parse_name(words: list[str]) -> NameParts:
    """Split ``["Mr.", "Oswin", "Tarrant"]`` into honorific, given name and surname.

    A name with an article ("the Ferryman", "the Queen") is a title: it has no
    given name or surname and matches only itself, unless a titled name follows
    the article ("the Rev. Mr. Cardew")."""
    if len(words) > 2 and words[0].lower() == "the" and honorific_key(words[1]) and not honorific_key(words[-1]) \
            and all(w[:1].isupper() for w in words[1:]):  # not "the Duke of Omnium"
        words = words[1:]  # "the Rev. Mr. Cardew", "the Reverend Owen Pryor": a titled name
    elif words and words[0].lower() == "the":
        return NameParts(None, None, None, tuple(w.lower() for w in words))
    honorific = None
    rest = list(words)
    while rest and honorific_key(rest[0]):
        honorific = honorific or honorific_key(rest[0])
        rest = rest[1:]
    while rest and rest[-1].lower().rstrip(".") in SUFFIXES:
        rest = rest[:-1]
    if len(rest) > 1 and rest[-1].lower() in TRAILING_HONORIFICS and honorific is None:
        honorific, rest = rest[-1].lower(), rest[:-1]
    low = tuple(w.lower() for w in rest)
    # "Monsieur de", "De": what is left of a name cut short; but "Van" or "Al" alone is someone's given name
    alone = len(low) == 1 and honorific is None and known_given_name(low[0])
    if not low or (all(w in PARTICLES for w in low) and not alone):
        return NameParts(honorific, None, None, ())
    if len(low) == 1:
        word = low[0]
        if honorific is None:
            return NameParts(None, None, None, low)  # one word alone: given name or surname, decided later
        if honorific in ("st", "saint") and not is_given_name(word):
            return NameParts(None, None, None, low)  # "St. Quenby", a surname, as "Monsieur St. Quenby" has it
        if honorific in GIVEN_NAME_HONORIFICS:
            # "Sir Walter", "Lady Clara" name the given name; "Lady Merton" the surname
            return NameParts(honorific, word, None, low) if is_given_name(word) else NameParts(honorific, None, None, low)
        if honorific in ("miss", "master", "ms") and is_given_name(word):
            return NameParts(honorific, word, None, low)  # "Miss Nell", "Master Tom"
        return NameParts(honorific, None, word, low)
    # surname: the last word, with any particles before it ("de Lisle")
    i = len(low) - 1
    while i > 1 and low[i - 1] in PARTICLES:
        i -= 1
    # "Professor de Lisle" has no given name "de", nor "Van Helsing" "van"; "Al Pryor" has "al"
    given = low[0] if low[0] not in PARTICLES or given_name_gender(low[0]) else None
    return NameParts(honorific, given, " ".join(low[i:]), low)


@lru_cache(maxsize=1)
def _given_names() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(name -> gender, name or nickname -> the formal names it may stand for)."""
    genders: dict[str, str] = {}
    forms: dict[str, set[str]] = {}
    table = files("fabula").joinpath("data/given_names.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, gender, nicknames = line.split("\t")
        formal = name.lower()
        genders.setdefault(formal, gender)
        forms.setdefault(formal, set()).add(formal)
        for nick in nicknames.split(","):
            nick = nick.strip().lower()
            if nick:
                forms.setdefault(nick, set()).add(formal)
                genders.setdefault(nick, gender)
    return genders, {k: frozenset(v) for k, v in forms.items()}


def is_given_name(word: str) -> bool:
    return word.lower() in _given_names()[0]


def given_name_gender(word: str) -> str:
    """"M", "F" or "" from the table: a prior only, which pronouns in the text override.
    A hyphenated name is its parts' gender where they agree ("Mary-Anne", "Jean-Paul")."""
    g = _given_names()[0].get(word.lower(), "")
    if not g and "-" in word.strip("-"):
        found = {given_name_gender(part) for part in word.split("-")}
        return found.pop() if len(found) == 1 else ""
    return g if g in ("M", "F") else ""


@lru_cache(maxsize=1)
def _census_genders() -> dict[str, str]:
    table = files("fabula").joinpath("data/census_given_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in table.splitlines() if line and not line.startswith("#"))


def census_gender(word: str) -> str:
    """"M", "F" or "" from the 1990 US Census first names: a weaker prior than
    ``given_name_gender``, for a character's final gender and for ``known_given_name``,
    never for joining two names."""
    return _census_genders().get(word.lower(), "")


def known_given_name(word: str) -> bool:
    """Whether people bear ``word`` as a first name, by the table or else the census ("Hester",
    "Van"): whether it may be a given name at all, not whose."""
    return bool(given_name_gender(word) or census_gender(word))


PET_ENDINGS = ("y", "ie", "my", "ny", "gy", "sy", "ey", "die", "dy", "ty", "tie")  # "Kit" -> "Kitty"


def pet_stems(word: str) -> list[str]:
    """The names of three letters or more that ``word`` may be a pet form of, made by adding
    an ending like -y or -ie: "Kitty" -> "kit", "Hatchy" -> "hatch"."""
    word = word.lower()
    return [word[:-len(e)] for e in PET_ENDINGS if word.endswith(e) and len(word) - len(e) >= 3]


def _look_alike(a: str, b: str) -> bool:
    """Whether two names open alike or share three letters in a row."""
    return a[:2] == b[:2] or any(a[i:i + 3] in b for i in range(len(a) - 2))


def same_given_name(a: str, b: str, siblings: bool = True) -> bool:
    """Whether two given names can name one person: equal, a nickname pair
    ("Peggy"/"Margaret"), a shortening ("Eliza"/"Elizabeth") or a pet form ("Tom"/"Tommy").
    ``siblings``: any two forms of one formal name count too ("Peggy"/"Meg"); otherwise only
    forms that look alike ("Nance"/"Nancy", "Lizzy"/"Eliza"; not "Bessie"/"Eliza")."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    forms = _given_names()[1]
    fa, fb = forms.get(a, frozenset()), forms.get(b, frozenset())
    if a in fb or b in fa:
        return True  # a formal name and one of its forms
    if fa and fa == fb and (siblings or _look_alike(a, b)):
        return True  # two forms of the same names: "Peggy" and "Meg", "Nance" and "Nancy"
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short) and short not in forms and long_ not in forms:
        return True  # an unlisted shortening: "Ros" / "Rosalind", "Den" / "Denzil"
    # pet forms: Tom -> Tommy, Peg -> Peggy, Ben -> Benny, Will -> Willie, Kit -> Kitty
    if short in pet_stems(long_):
        return True
    return False
