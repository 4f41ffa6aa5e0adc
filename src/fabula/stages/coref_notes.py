"""What coreference leaves for the stages after it.

Which of its links are only guesses (speaker attribution weighs the
conversation instead, scenes take them for no sign of who is there), and
which characters it made itself from descriptions and pronouns, to be named
or dropped once the speakers are known (``introduced``). Offsets are the
starts of mentions; characters are ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Story


@dataclass
class CorefNotes:
    guesses: set[int] = field(default_factory=set)  # pronouns linked on recency alone
    # descriptions linked as guesses ("the boy": the latest man about): no one's antecedent
    description_guesses: set[int] = field(default_factory=set)
    pronoun_chains: set[int] = field(default_factory=set)  # pronouns of someone not named (yet)
    kin_links: set[int] = field(default_factory=set)  # kin descriptions linked by surname ("his wife")
    someones: set[str] = field(default_factory=set)  # the characters made for pronoun chains
    relatives: set[str] = field(default_factory=set)  # "her father", made a character of its own
    # every character coreference made -> the start of its first reference
    introduced: dict[str, int] = field(default_factory=dict)


def coref_notes(story: Story) -> CorefNotes:
    """The story's coreference notes (empty before the coreference stage has run)."""
    return story.notes.setdefault("coref", CorefNotes())
