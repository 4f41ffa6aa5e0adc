"""The work's own character tags name its cast.

An archive download says who is in the story ("Characters: Anna Reyes, Joss
Fairweather (Harbour Lights)", "Relationships: Anna Reyes/Joss Fairweather").
A tagged full name joins the short names the text uses for that person
("Joss", "Mr. Fairweather" when no other tagged character has that surname)
and becomes the character's name. Tags never add a character the text does
not mention.
"""

from __future__ import annotations

import re

from ..model import Meta
from ..names import NameParts, parse_name, same_given_name

_DISAMBIGUATION = re.compile(r"\s*\([^()]*\)\s*$")  # "Rook (The Harbour Light)"
_NOT_A_PERSON = re.compile(r"\b(?:original (?:\w+ )?characters?|reader|you|everyone|others?|ensemble)\b",
                           re.IGNORECASE)


def clean_tag(name: str) -> str:
    """A character tag without the archive's fandom disambiguation."""
    return " ".join(_DISAMBIGUATION.sub("", name).split())


def tagged_names(meta: Meta) -> list[str]:
    """Tagged character names, character tags first, then names only found in relationship tags."""
    names = [clean_tag(c) for c in meta.characters]
    names += [n for p in meta.pairings for n in p.get("characters", [])]
    return [n for n in dict.fromkeys(names) if n and not _NOT_A_PERSON.search(n)]


def _matches(cluster, parts: NameParts) -> bool:
    keys = {p.key for p in cluster.parts.values()}
    if parts.key in keys:
        return True
    if parts.given:
        if cluster.surname and parts.surname and cluster.surname != parts.surname:
            return False
        return any(g == parts.given or same_given_name(g, parts.given) for g in cluster.given)
    if len(parts.words) == 1:  # "Rook": a one-word tag
        word = parts.words[0]
        return word in cluster.given or word == cluster.surname
    return False


def seed_from_tags(clusters: list, names: list[str]) -> list:
    """Merge the clusters each tagged name covers and give them that name."""
    if not names:
        return clusters
    parsed = [(n, parse_name(n.split())) for n in names]
    surname_owners: dict[str, int] = {}
    for _, parts in parsed:
        if parts.surname:
            surname_owners[parts.surname] = surname_owners.get(parts.surname, 0) + 1
    claimed: set[int] = set()
    for name, parts in parsed:
        if not parts.words:
            continue
        found = [c for c in clusters if id(c) not in claimed and c.surfaces and _matches(c, parts)]
        if not found:
            continue
        found.sort(key=lambda c: -c.size)
        head = found[0]
        gender = head.name_gender()
        if parts.surname and surname_owners.get(parts.surname) == 1:
            # "Mr. Fairweather" is Joss when no other tagged character is a Fairweather
            found += [c for c in clusters if c not in found and id(c) not in claimed and not c.given
                      and c.surname == parts.surname and c.hard_gender() in ("", gender)]
        for other in found[1:]:
            if other.hard_gender() and gender and other.hard_gender() != gender:
                continue
            head.absorb(other)
            clusters.remove(other)
        head.tagged = name
        claimed.add(id(head))
    return clusters
