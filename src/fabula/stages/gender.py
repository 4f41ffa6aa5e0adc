"""Gender from pronouns: the pronoun set the text uses for a character.

A character's pronouns are read where the text makes the reference plain:
the first third-person singular pronoun after their name in narration,
before any other name intervenes. Honorifics ("Mrs.", "Sir") and the
given-name table add a little; the text's own pronouns outweigh them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

# "they" is left out: in most fiction it is plural, and counting it would blur every character
PRONOUN_SETS = {
    "he/him": ("he", "him", "his", "himself"),
    "she/her": ("she", "her", "hers", "herself"),
    "xe/xem": ("xe", "xem", "xyr", "xyrs", "xemself"),
    "ze/zir": ("ze", "zir", "zirs", "zirself", "hir", "hirs", "hirself"),
}
PRONOUN_TO_SET = {p: label for label, ps in PRONOUN_SETS.items() for p in ps}
NAME_GENDER_SET = {"M": "he/him", "F": "she/her"}
NAME_WEIGHT = 2
WINDOW = 25  # tokens after a name in which its pronoun is looked for


def vote_pronouns(story, clusters, quoted) -> None:
    """Add to each cluster's ``votes`` the pronoun sets that follow its names."""
    t, text = story.tokens, story.text
    starts = t.start
    name_starts = sorted(m.start for c in clusters for m in c.mentions if m.kind == "PROP")
    paragraph = [s.paragraph for s in story.sentences]
    for c in clusters:
        for m in c.mentions:
            if m.kind != "PROP" or quoted(m.start):
                continue
            k = bisect_left(starts, m.end)
            if k >= len(t):
                continue
            nxt = bisect_left(name_starts, m.end)
            limit = name_starts[nxt] if nxt < len(name_starts) else len(text)
            home = paragraph[t.sentence[k]]
            for j in range(k, min(len(t), k + WINDOW)):
                if starts[j] >= limit or paragraph[t.sentence[j]] != home:
                    break
                label = PRONOUN_TO_SET.get(text[starts[j]:t.end[j]].lower())
                if label and not quoted(starts[j]):
                    c.votes[label] += 1
                    break


def gender_of(votes: Counter, name_gender: str) -> tuple[str | None, float]:
    """The winning pronoun set and its share of the evidence; None on a tie or no evidence."""
    votes = Counter(votes)
    if name_gender:
        votes[NAME_GENDER_SET[name_gender]] += NAME_WEIGHT
    total = sum(votes.values())
    if not total:
        return None, 0.0
    (label, top), *rest = votes.most_common()
    if rest and rest[0][1] == top:
        return None, round(top / total, 3)
    return label, round(top / total, 3)
