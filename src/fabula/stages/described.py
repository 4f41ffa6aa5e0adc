"""Speakers known by a description: "said the ferryman".

A description the text gives a named character ("Mr. Crook, the ferryman") is
that character. A role that says nothing of gender or kin ("the mariner")
becomes a character of its own on its first use as a speaker; "the burly
barman" and "the barman" are one such character, "the first cabman" and "the
second cabman" two. An epithet the story keeps using for someone ("the
gentleman in the white waistcoat", "the man with the black beard") names a
character of its own even where its noun alone ("the gentleman") would be
someone with a name. Their gender comes afterwards from the pronouns that
follow their description anywhere in the narration.
"""

from __future__ import annotations

import re
from collections import Counter

from ..lexicon import labelled, words
from ..model import Character, Mention, Story
from .descriptions import ORDINALS, definite_description, descriptions, phrase_pattern
from .cues import Index
from .gender import gender_of, pronoun_votes, role_gender

# how often the text must use "the <noun> in/with the <thing>" before it is someone's epithet rather
# than a passing description ("said the girl in the doorway")
EPITHET_USES = 4


def person_like(noun: str) -> bool:
    """A role: a person noun, or a word made like one ("undertaker", "sailor", "physician")."""
    return noun in words("person_nouns") or noun.endswith(("er", "or", "ist", "ian", "ant", "man", "ess", "eer"))


class Described:
    def __init__(self, story: Story, index: Index) -> None:
        self.story, self.index = story, index
        self.given: dict[str, str] = descriptions(story)  # "the mariner" -> its character id
        self.created: list[str] = []  # characters made here from descriptions
        self.roles: dict[str, str] = {}  # "barman" -> the character made from "the (burly) barman"
        self.uses: dict[tuple[str, str], int] = {}  # ("gentleman", "waistcoat") -> times the text says it
        self.nouns: dict[str, str] = {}  # a made character -> its person noun, which may say its gender

    def common_noun(self, j: int) -> bool:
        """A noun, or a lower-case word the parser took for a name ("said the barman")."""
        t = self.index.t
        return t.pos[j] == "NOUN" or (t.pos[j] == "PROPN" and self.story.text[t.start[j]].islower())

    def description_of(self, j: int) -> tuple[str, int] | None:
        """``("the old mariner", start)`` when subject token ``j`` is a noun heading a definite description."""
        return definite_description(self.story, j) if self.common_noun(j) else None

    def epithet(self, j: int, start: int) -> tuple[str, int, str] | None:
        """``("the gentleman in the white waistcoat", end, "gentleman in/with waistcoat")`` when the
        person noun ``j``, heading a description from ``start``, has a thing it is "in" or "with"
        that the text uses for the same noun at least ``EPITHET_USES`` times."""
        t, text = self.index.t, self.story.text
        for k in range(j + 1, min(j + 3, len(t))):
            if t.head[k] != j or t.dep[k] != "prep" or text[t.start[k]:t.end[k]].lower() not in ("in", "with"):
                continue
            thing = next((o for o in range(k + 1, min(k + 6, len(t))) if t.head[o] == k and t.dep[o] == "pobj"), None)
            if thing is None or t.pos[thing] != "NOUN":
                continue
            det = [d for d in range(k + 1, thing) if t.head[d] == thing and t.dep[d] == "det"]
            if not det or text[t.start[det[0]]:t.end[det[0]]].lower() != "the":
                continue
            noun, obj = text[t.start[j]:t.end[j]].lower(), text[t.start[thing]:t.end[thing]].lower()
            if (noun, obj) not in self.uses:
                pattern = rf"\bthe\s+(?:[\w-]+\s+)?{re.escape(noun)}\s+(?:in|with)\s+the\s+(?:[\w-]+\s+){{0,2}}{re.escape(obj)}\b"
                self.uses[noun, obj] = len(re.findall(pattern, text, re.IGNORECASE))
            if self.uses[noun, obj] < EPITHET_USES:
                return None
            name = " ".join(text[start:t.end[thing]].lower().split())
            return name, t.end[thing], f"{noun} in/with {obj}"
        return None

    def speaker(self, j: int) -> str | None:
        """The character the description headed by token ``j`` in a speech cue names, made on
        its first use for a role. "The old gentleman" and "her mother" are mostly someone with
        a name, so they never become characters of their own."""
        found = self.description_of(j)
        if found is None:
            return None
        name, start = found
        t = self.index.t
        end = t.end[j]
        lemma = t.lemma[j].lower()
        word = self.story.text[t.start[j]:t.end[j]].lower()
        noun = word  # the role a made character is known by: "barman", or "gentleman in/with waistcoat"
        epithet = self.epithet(j, start) if name not in self.given else None
        if epithet is not None:
            name, end, noun = epithet
        if name not in self.given:
            if epithet is None and (lemma in words("relational_nouns") or lemma in labelled("gendered_nouns")
                                    or t.tag[j] not in ("NN", "NNP") or not person_like(lemma)):
                return None
            counted = bool(ORDINALS.intersection(name.split()))
            cid = self.roles.get(noun) if not counted else None
            if cid is not None:  # "the burly barman" and "the barman": one role, one character
                next(c for c in self.story.characters if c.id == cid).aliases.append(name)
            else:
                cid = f"c{len(self.story.characters) + 1}"
                self.story.characters.append(Character(cid, name, [], None, 0.0, 0))
                self.created.append(cid)
                self.nouns[cid] = word
                self.index.gender[cid] = None
                if not counted:
                    self.roles.setdefault(noun, cid)
            self.given[name] = cid
        cid = self.given[name]
        self.story.mentions.append(Mention(start, end, "NOM", cid))
        return cid

    def settle_genders(self, labels: dict[str, str]) -> None:
        """Pronouns that continue a made character's description ("the mariner … He spat"),
        wherever the narration uses it ("the driver bestowing, as he passed, a lash"), give
        their gender; else the role's own ("the waiter")."""
        if not self.created:
            return
        story, made = self.story, set(self.created)
        uses = [(m.character, m) for m in story.mentions if m.character in made]
        named = {c.name.lower(): c.id for c in story.characters if c.id in made}
        named.update({a.lower(): c.id for c in story.characters if c.id in made for a in c.aliases})
        pattern = phrase_pattern(named)
        taken = {m.start for _, m in uses}
        uses += [(named[" ".join(found.group().lower().split())], Mention(found.start(), found.end(), "NOM"))
                 for found in pattern.finditer(story.text) if found.start() not in taken]
        votes = pronoun_votes(story, uses, self.index.quoted, labels)
        for c in story.characters:
            if c.id in made:
                c.gender, c.gender_confidence = gender_of(votes.get(c.id, Counter()), Counter(),
                                                            role_gender(self.nouns.get(c.id, c.name)))
