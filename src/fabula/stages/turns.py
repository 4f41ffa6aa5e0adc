"""Turn-taking counted back from the lines whose cue names their speaker.

Speaker attribution goes forward through the text: a line with no cue takes
its speaker from the conversation so far. Afterwards, a line that got its
speaker only from turn-taking or a guess is read again from the named lines
after it: two people talking take turns, and a line whose cue names its
speaker is surer than turn-taking guessed forward from before it.
"""

from __future__ import annotations

from itertools import chain

from ..model import Quote, Story
from .cues import Index


def count_turns_back(story: Story, index: Index, by_turns: set[str], continued: set[int]) -> None:
    """Turn-taking counted back from the lines whose cue names their speaker: a talk whose
    first lines have no cue ("Is it far?" / "Two miles." / "Then we walk," said Anna.) takes
    its turns from its first named line; and a line guessed to be the speaker of the named
    line right after it is rather the other one's (a speaker seldom goes on in a new
    paragraph with no cue to say so). Two people talking take turns, and the line that names
    its speaker is surer than the turn-taking guessed forward from before it."""
    run: list[list[Quote]] = []  # turns in paragraphs one after another; a turn: one speech's lines
    for q in story.quotes:
        p = index.paragraph(q.start)
        if run and (index.paragraph(run[-1][-1].start) == p or q.start in continued):
            run[-1].append(q)  # the same paragraph, or a speech going on into the next
            continue
        if run and index.paragraph(run[-1][-1].end - 1) != p - 1:
            _count_back(run, by_turns)
            run = []
        run.append([q])
    _count_back(run, by_turns)


def _count_back(run: list[list[Quote]], by_turns: set[str]) -> None:
    """In ``run``, turns in paragraphs one after another, the turns before the first line with
    an explicit cue, and a turn right before a later one given the same speaker, where only
    turn-taking or a guess gave them a speaker, alternate between that line's speaker and the
    other one."""
    named_at = [i for i, turn in enumerate(run) if turn[0].kind == "explicit"]
    for n, at in enumerate(named_at):
        named = run[at][0]
        if at == 0:
            continue
        if n == 0:
            back = range(at)
        elif run[at - 1][0].speaker == named.speaker:
            back = range(at - 1, at)
        else:
            continue
        # the other one of the two: whom the named line is said to, else who answers it, else
        # who spoke last before it (looked through only as far as needed: a run may be long)
        others = chain(named.addressees, (run[k][0].speaker for k in range(at + 1, min(at + 2, len(run)))),
                       (run[k][0].speaker for k in range(at - 1, -1, -1)))
        other = next((c for c in others if c is not None and c != named.speaker), None)
        if other is None:
            continue
        for i in back:
            if not all(q.id in by_turns for q in run[i]):
                continue
            speaker, to = (named.speaker, other) if (at - i) % 2 == 0 else (other, named.speaker)
            for q in run[i]:
                q.speaker, q.addressees = speaker, [to]
            if i == at - 1 and not named.addressees:
                named.addressees = [other]  # the named line answers the one before it
