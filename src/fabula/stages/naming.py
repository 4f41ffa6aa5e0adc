"""Naming characters by how the others address them.

An unnamed narrator, or a character the text made from a description ("the
painter"), is the named character whom the lines around theirs keep calling by
name: "Barnaby," says Hale, and the narrator answers; "Edwin, you are absurd,"
and the painter answers.
"""

from __future__ import annotations

from collections import Counter

from ..dialogue import QuotedText
from ..model import Character, Story
from .coref_notes import coref_notes
from .narrator import NARRATED_SHARE


def _called_by(story: Story, addressed: dict[str, list[str]], who: set[str]) -> dict[str, Counter]:
    """How others address each of ``who`` by name: the names called in a line one of them
    answers with a cued line, and in a line answering a cued line of theirs ("Barnaby," says
    Hale; the next line is "I said"). One pass over the lines for all of them."""
    calling: dict[str, dict[str, list[str]]] = {}  # each line counts once, though it may both answer and be answered
    for q, answer in zip(story.quotes, story.quotes[1:]):
        if answer.speaker in who and answer.kind != "implicit" and q.speaker != answer.speaker:
            calling.setdefault(answer.speaker, {})[q.id] = [
                a for a in addressed.get(q.id, []) if a not in (q.speaker, answer.speaker)]
        if q.speaker in who and q.kind != "implicit" and answer.speaker not in (None, q.speaker):
            calling.setdefault(q.speaker, {})[answer.id] = [
                a for a in addressed.get(answer.id, []) if a not in (answer.speaker, q.speaker)]
    return {c: Counter(a for names in lines.values() for a in names) for c, lines in calling.items()}


def _one_name(votes: Counter, least: int = 2) -> str | None:
    """The name ``least`` exchanges or more call someone by, where no other comes near."""
    if not votes:
        return None
    (named, n), *rest = votes.most_common()
    return named if n >= least and not (rest and rest[0][1] * 2 > n) else None


def merge_into(story: Story, into: dict[str, str | None]) -> None:
    """Each character ``old`` in ``into`` is ``into[old]``: their mentions, lines and addressees
    move over. One going to ``None`` is no one: their mentions and lines go unattributed."""
    story.characters = [c for c in story.characters if c.id not in into]
    for m in story.mentions:
        if m.character in into:
            m.character = into[m.character]
    _move_lines(story, into)


def _move_lines(story: Story, into: dict[str, str | None]) -> None:
    """The lines said by or to each ``old`` in ``into`` are said by or to ``into[old]``."""
    for q in story.quotes:
        q.speaker = into.get(q.speaker, q.speaker)
        q.addressees = [a for a in dict.fromkeys(into.get(a, a) for a in q.addressees) if a not in (None, q.speaker)]


def name_the_narrator(story: Story, addressed: dict[str, list[str]]) -> bool:
    """An unnamed narrator is named by how others address them: "Barnaby," says Hale, and
    the next line is the narrator's ("I said"). Two such exchanges or more, all naming the
    same character, make the narrator that character."""
    narrator = next((c for c in story.characters if c.is_narrator and not c.aliases
                     and c.name == "the narrator"), None)
    if narrator is None:
        return False
    named = _one_name(_called_by(story, addressed, {narrator.id}).get(narrator.id, Counter()))
    if named is None:
        return False
    if _namesake(story, narrator, named):
        return True
    for c in story.characters:
        if c.id == named:
            c.is_narrator = True
    merge_into(story, {narrator.id: named})
    return True


def _namesake(story: Story, narrator: Character, named: str) -> bool:
    """Where the narration itself uses the called name, as a narrator does not for
    themself, the name belongs to two people: the narrator, called "Rudolf" by their
    family, and the "Prince Rudolf" whose story the narration tells. The narrator takes
    the name and its uses inside quotations, and the lines and addresses; the other
    keeps the narration's uses."""
    quoted = QuotedText(story)
    names = [m for m in story.mentions if m.character == named and m.kind == "PROP"]
    inside = [m for m in names if quoted(m.start)]
    if len(names) - len(inside) <= max(1, NARRATED_SHARE * len(names)) or not inside:
        return False
    called = Counter(story.text[m.start:m.end] for m in inside).most_common(1)[0][0]
    narrator.name = called
    for m in inside:
        m.character = narrator.id
    other = next(c for c in story.characters if c.id == named)
    still = {story.text[m.start:m.end] for m in names if m.character == named}
    other.aliases = [a for a in other.aliases if a in still]
    _move_lines(story, {named: narrator.id})
    return True


# exchanges that must call a described character by one name before they are that character: more
# than the narrator's two, since a wrong join takes a named character's lines ("Doctor Tolley," to
# the policeman, twice in a siege)
DESCRIBED_CALLED = 3


def known_by_epithet(story: Story, described: list[str]) -> list[str]:
    """The characters, besides ``described`` and those coreference made, that the cast knows
    by an epithet with "the" rather than a name ("the Pedlar"; "Pedlar", used as "the Pedlar"):
    the others' addresses name them as they name described ones."""
    made = coref_notes(story).introduced
    return [c.id for c in story.characters if not c.is_narrator and c.id not in made and c.id not in described
            and (c.name.lower().startswith("the ")
                 or (" " not in c.name and ("the " + c.name).lower() in map(str.lower, c.aliases)))]


def name_the_described(story: Story, addressed: dict[str, list[str]], made: list[str]) -> bool:
    """A character made from a description is the named one the others call them by: "the
    painter" answers "Edwin, ..." and is answered with "Edwin, ...", so the painter is Edwin
    Tolley, and the description becomes one of his names."""
    merged = False
    by_id = {c.id: c for c in story.characters}
    votes = _called_by(story, addressed, set(made))
    for cid in made:
        described = by_id.get(cid)
        named = _one_name(votes.get(cid, Counter()), DESCRIBED_CALLED) if described is not None else None
        target = by_id.get(named) if named is not None else None
        if target is None or target.id in made or (described.gender and target.gender
                                                    and described.gender != target.gender):
            continue
        target.aliases += [a for a in [described.name, *described.aliases] if a not in target.aliases]
        merge_into(story, {cid: target.id})
        merged = True
    return merged
