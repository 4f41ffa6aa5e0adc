"""Letters in a story: where each one runs, who wrote it and to whom.

An epistolary novel, or a letter given whole in the narration, is told in the
first person by its writer, not by the story's narrator: in "Dearest Anna,
I walk by the river every morning … Your affectionate Clara", "I" is Clara. A
letter opens with a heading that names both ("LETTER II. MR. ASHDOWN TO
LADY HOWELL") or with a salutation ("Dearest Nell,", "My dear Mr. Pruett:",
"TO Mrs. Pruett"), and ends with its signature ("Yours ever, Tom Baker"; a
name alone on its line) or where the next letter or chapter begins; one with
no writer yet known ends too where a paragraph of dialogue opens, unless its
writer signs it before another letter begins: then the talk was quoted in it.
Greeting the same person again ("My dear Nell, -- and my dear Tom too")
inside an unsigned letter starts no new one. A letter left unsigned in a
correspondence is the writer's who signed another one to the same person.

Names are read as written and handed to ``resolve``, which says which
character, if any, a name is; a line in capitals that is no one's name
("NEXT DAY.") ends no letter. A heading's names come with their place in the
text: a titled name in a heading that says it is a letter ("LETTER II. MR.
CARDEW TO …") is a person even where the story names them nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Hashable

NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
CAPITALS = r"[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4}"
# "LETTER I LADY HOWELL TO THE REV. MR. ASHDOWN", "MR. ASHDOWN TO LADY HOWELL."
HEADING = re.compile(rf"^(?:LETTER\s+[IVXLC\d]+\.?\s*)?(?P<writer>{CAPITALS})\s+TO\s+(?P<to>{CAPITALS})"
                     r"(?=\s+[A-Z][a-z]|\s*[.,:]|\s*$)")
# "Dearest Nell,", "My dear Mr. Pruett:", "Dearest, dearest Nell, --", "TO Mrs. Pruett, England"
SALUTATION = re.compile(rf"^(?:(?:[Mm]y\s+)?(?:[Dd]ear(?:est)?|[Bb]eloved)(?:\s*,\s*[Dd]ear(?:est)?)?\s+|TO\s+)"
                        rf"(?P<to>{NAME})\s*[,:!—-]")
# "Your affectionate Clara", "Yours as ever, entirely yours, TOM BAKER."
SIGN_OFF = re.compile(r"^(?:[Yy]ours?|[Ee]ver|[Bb]elieve me|[Aa]ffectionately|[Ff]aithfully|[Ss]incerely|[Tt]ruly)\b")
RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")  # a run of capitalised words
OPENING = "\"“‘«—"  # marks a paragraph of dialogue opens with
SIGNATURE_WORDS = 6  # a line this short, all capitalised words, may be a signature alone
# a sign-off is short (in words, not counting marks set apart): "Your Ladyship may have heard that I …
# Mr. Evelyn …" is the letter going on
SIGN_OFF_WORDS = 12
# a chapter heading that the layout left on one line with the chapter's first sentence ("Chapter 2 Margot sat …")
CHAPTER_OPENING = re.compile(r"^(?:chapter|book|part|letter)\s+(?:\d+|[ivxlc]+)\b", re.IGNORECASE)


@dataclass(slots=True)
class Letter:
    start: int
    end: int
    writer: Hashable | None  # what ``resolve`` made of the writer's name
    to: Hashable | None


def letters(story, quoted, resolve: Callable[..., Hashable | None]) -> list[Letter]:
    """The letters in the narration of ``story``, in order. ``resolve(name)`` says who a name
    is; ``resolve(name, (start, end))``, for a name in a heading, may make them someone."""
    text, found = story.text, []
    current: Letter | None = None
    chapter = None
    talked_over: Letter | None = None  # an unsigned letter the talk ended, which its signature may yet go on

    def close(end: int, writer=None) -> None:
        nonlocal current, talked_over
        talked_over = None
        if current is not None:
            current.end = end
            current.writer = current.writer if current.writer is not None else writer
            found.append(current)
            current = None

    for p in story.paragraphs:
        if p.chapter != chapter or CHAPTER_OPENING.match(text[p.start:p.start + 20]):
            close(p.start)
            chapter = p.chapter
        if p.kind != "text":
            continue
        if quoted(p.start) or text[p.start:p.start + 1] in OPENING:
            if current is not None and current.writer is None:
                close(p.start)  # an unsigned letter is over where the talk starts again
                talked_over = found[-1]
            continue
        line = text[p.start:p.end]
        heading, salutation = HEADING.match(line[:160]), SALUTATION.match(line[:160])
        if salutation and not heading and current is not None and current.writer is None \
                and resolve(salutation.group("to")) == current.to:
            continue  # "My dear Nell, -- and my dear Tom too": the same letter, greeting again
        if heading or salutation:
            close(p.start)
            if heading:
                # only a heading that says it is a letter makes its names people ("MRS. HOLLY GOES TO
                # TOWN" may be a chapter's title)
                said = line.startswith("LETTER")
                writer = resolve(heading.group("writer"), (p.start + heading.start("writer"),
                                                           p.start + heading.end("writer")) if said else None)
                to = resolve(heading.group("to"), (p.start + heading.start("to"), p.start + heading.end("to"))
                             if said else None)
            else:
                writer, to = None, resolve(salutation.group("to"))
            current = Letter(p.start, p.end, writer, to)
        elif (current is not None or talked_over is not None) and (
                (SIGN_OFF.match(line) and _words(line) <= SIGN_OFF_WORDS) or _signature_only(line)):
            writer = signer(line, resolve)
            if writer is not None and current is None:
                # the letter the talk seemed to end is signed now: the talk was quoted in it
                current = found.pop()
            if writer is not None:
                close(p.end, writer)
    close(len(text))
    _same_correspondence(found)
    # "IN WHICH WE ARE INTRODUCED TO …", "A VOYAGE TO …": a heading naming no one is no letter's
    return [letter for letter in found if letter.writer is not None or letter.to is not None]


def _words(line: str) -> int:
    """How many words a line has, not counting marks set apart ("so , SALLIE": two)."""
    return sum(1 for w in line.split() if any(ch.isalnum() for ch in w))


def _signature_only(line: str) -> bool:
    words = line.replace(",", " ").replace(".", " ").split()
    return 0 < len(words) <= SIGNATURE_WORDS and all(w[:1].isupper() for w in words)


def signer(line: str, resolve) -> Hashable | None:
    """The first run of capitalised words in a signature line that is someone's name, or a
    name its first words make ("Clara HOLLY END, SUNDAY": Clara, the next letter's place run on)."""
    for run in RUN.finditer(line):
        words = run.group().split()
        for n in range(len(words), 0, -1):
            who = resolve(" ".join(words[:n]))
            if who is not None:
                return who
    return None


def _same_correspondence(found: list[Letter]) -> None:
    """An unsigned letter to someone is by whoever signed the other letters to them, when one did."""
    writers: dict[Hashable, set] = {}
    for letter in found:
        if letter.writer is not None and letter.to is not None:
            writers.setdefault(letter.to, set()).add(letter.writer)
    for letter in found:
        if letter.writer is None and letter.to is not None and len(writers.get(letter.to, ())) == 1:
            letter.writer = next(iter(writers[letter.to]))
