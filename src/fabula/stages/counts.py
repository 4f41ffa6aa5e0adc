"""Keeping character counts and ids true after a stage links more mentions."""

from __future__ import annotations

from ..model import Story, unique_mentions


def recount(story: Story) -> None:
    """After a stage links more mentions, count them again, keep the cast biggest first,
    and renumber the ids everywhere they are used."""
    story.mentions = unique_mentions(story.mentions)  # a description linked here was already a mention
    counts: dict[str, int] = {}
    for m in story.mentions:
        if m.character is not None:
            counts[m.character] = counts.get(m.character, 0) + 1
    for c in story.characters:
        c.mentions = counts.get(c.id, 0)
    order = sorted(story.characters, key=lambda c: -c.mentions)  # stable: ties keep their order
    new_id = {c.id: f"c{i}" for i, c in enumerate(order, start=1)}
    for c in order:
        c.id = new_id[c.id]
    story.characters = order
    for m in story.mentions:
        if m.character is not None:
            m.character = new_id[m.character]
    for q in story.quotes:
        q.speaker = new_id.get(q.speaker) if q.speaker else None
        q.addressees = [new_id[a] for a in q.addressees]
