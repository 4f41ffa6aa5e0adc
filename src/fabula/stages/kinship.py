"""Kin descriptions: "her father", "his wife", "Elizabeth's mother".

In fiction a family shares a surname, and the cast usually holds the relative
by it: Elizabeth Bennet's father is the one man of the story called Mr.
Bennet; Mr. Bennet's wife is the one woman called Mrs. Bennet. Aunts and
uncles need not share it, but the story often names them by the title ("Aunt
Josephine"). A kin description is linked only when the cast leaves exactly
one such relative; cousins and friends are left alone.
"""

from __future__ import annotations

from ..model import Character
from ..names import HONORIFICS, MARRIED, parse_name

# kin word -> (gender as an honorific gives it, whether the relative goes by a title and surname)
KIN: dict[str, tuple[str, bool]] = {
    "father": ("M", True), "papa": ("M", True), "pa": ("M", True), "dad": ("M", True), "husband": ("M", True),
    "mother": ("F", True), "mamma": ("F", True), "mama": ("F", True), "ma": ("F", True), "mum": ("F", True),
    "mom": ("F", True), "wife": ("F", True),
    "brother": ("M", False), "son": ("M", False), "sister": ("F", False), "daughter": ("F", False),
}
# kin whose title the story may give them in their name: "her aunt" is the one "Aunt Josephine"
KIN_TITLES = {"aunt": "aunt", "auntie": "aunt", "uncle": "uncle"}
# words between the possessive and the kin word that leave the relation as it is ("her dear father")
MODIFIERS = frozenset({"dear", "dearest", "poor", "good", "old", "own", "late", "beloved", "darling", "little",
                       "elder", "eldest", "younger", "youngest", "only", "young"})


class Families:
    """The characters of a story by surname, with what their names say of gender and marriage."""

    def __init__(self, characters: list[Character]) -> None:
        self.by_surname: dict[str, list[tuple[str, str, bool]]] = {}  # surname -> (id, gender, titled)
        self.surnames: dict[str, set[str]] = {}  # id -> surnames
        self.married: set[str] = set()  # known as Mrs. or Lady
        self.called: dict[str, set[str]] = {}  # kin honorific ("aunt") -> the characters called by it
        for c in characters:
            gender = {"he/him": "M", "she/her": "F"}.get(c.gender or "", "")
            found: dict[str, bool] = {}
            for name in [c.name, *c.aliases]:
                first = name.split()[0].lower() if len(name.split()) > 1 else ""
                if first in KIN_TITLES:
                    self.called.setdefault(KIN_TITLES[first], set()).add(c.id)
                parts = parse_name(name.split())
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
        found = set()
        for surname in self.surnames.get(of, ()):
            for cid, g, t in self.by_surname.get(surname, ()):
                if cid == of or g != gender or (titled and not t):
                    continue
                if titled and gender == "F" and cid not in self.married:
                    continue  # a wife or mother is Mrs. Bennet, not Miss Bennet
                if not titled and cid in self.married:
                    continue  # a sister is not the one known as Mrs.
                found.add(cid)
        return found.pop() if len(found) == 1 else None
