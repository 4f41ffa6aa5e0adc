"""Coreference inside the lines, once the speakers are known.

Inside a quotation "I" is its speaker, "you" its one addressee (with none, the
one who answers the line), and so is a form of address ("Yes, sir", "my dear",
"mamma"), and an endearment before a name is the one named ("my dear Tolley",
anywhere); a title after "your" ("your Ladyship") is whoever "your" is; "he" or
"she" is the latest character of that gender who is neither speaker nor
addressee, or, where the latest is one of them, one the talk itself named
lately ("Has Mr. Cardew come?" … "He came on Monday"), and with no one such,
the one spoken to where only the conversation said so; "that boy" or "the man"
is whom "he" would be, of those the story refers to often; "my father" is the
speaker's by surname. A description a line's cue names its speaker by
("replied his wife") is that speaker, and the relatives the text tells are
linked last (``relatives``). The last stage to link mentions: counts, order
and ids settle here.
"""

from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_right

from ..lexicon import labelled
from ..model import Mention, Quote, Story, unique_mentions
from . import stage
from .coref import WINDOW_SENTENCES, YOUNG, head_token
from .counts import recount
from .gender import pronoun_labels
from .kinship import GROWN_NOUNS, KIN_TITLES, Families, boys, elders, kin_word
from .narrator import FIRST_PERSON, SECOND
from .relatives import link_known_relatives

LATEST_KEPT = 4  # characters of a gender a "he" inside a line may mean, the latest last
ANSWER_CHARS = 3000  # how far a reply may be from the line it answers
PERSON_NOUNS = YOUNG | GROWN_NOUNS | {"fellow"}  # "that boy", "the man": nouns for a person, not for a relation
IN_THE_STORY = 5  # mentions that make someone more than a name in passing, as the cast scorer counts them
DEFINING = frozenset({"who", "whom", "whose", "that", "which"})  # "the man who …": a clause says who


@stage(requires=("quotes.speaker", "mentions.narration"), assigns=("mentions.dialogue",))
def dialogue_coref(story: Story, settings) -> None:
    """Inside a quotation, "I" is its speaker, "you" its one addressee, "he"/"she" the
    latest character of that gender who is neither (after the latest, only one the talk named),
    and "my father" the speaker's by surname."""
    t, text = story.tokens, story.text
    labels = pronoun_labels(settings.pronoun_sets)
    gender = {c.id: c.gender for c in story.characters}
    # pronoun set -> (sentence, character, named inside a line) lately linked, the latest last
    latest: dict[str, list[tuple[int, str, bool]]] = {}
    families = Families(story.characters)
    talked_of = _TalkedOf(story)
    guessed = story.notes.get("guessed_addressees", set())
    qi = 0
    before: Mention | None = None
    for m in story.mentions:
        possessor, before = before, m
        while qi < len(story.quotes) and story.quotes[qi].end <= m.start:
            qi += 1
        k = head_token(story, m)
        inside = qi < len(story.quotes) and story.quotes[qi].start <= m.start < story.quotes[qi].end
        if inside and m.kind == "PRON" and m.character is None:
            q = story.quotes[qi]
            word = text[m.start:m.end].lower()
            if word in FIRST_PERSON:
                m.character = q.speaker
            elif word in SECOND and len(q.addressees) == 1:
                m.character = q.addressees[0]
            elif word in SECOND and not q.addressees and q.speaker is not None:
                m.character = _answering(story.quotes, qi)  # "you" with no one addressed: the one replying
            elif word in labels and k >= 0:
                # the latest of that gender, unless that is the speaker or the one spoken to: then
                # one the talk itself named lately ("Has Mr. Cardew come?" … "he has"), if any
                lately = [e for e in reversed(latest.get(labels[word], []))
                          if t.sentence[k] - e[0] <= 2 * WINDOW_SENTENCES]
                m.character = _latest_talked_of(lately, q)
                if m.character is None and lately and q.id in guessed and lately[0][1] in q.addressees:
                    # no one else, and the line went to them only by guess: the last speaker may have
                    # left ('Tom ran out. … Martha sighed. "He never listens."')
                    m.character = lately[0][1]
        elif inside and m.kind == "NOM" and m.character is None:
            kin = kin_word(story, m, possessor)  # "my father", "your wife"
            m.character = families.relative(possessor.character, kin) if kin else None
            if kin is None and k >= 0:
                m.character = talked_of.described(m, k, story.quotes[qi], latest)
        if m.character is not None and k >= 0 and gender.get(m.character):
            kept = latest.setdefault(gender[m.character], [])
            # one the talk has named stays talked of while pronouns refer to them ("Clara has no ear
            # for her music," said Nell; "she plays it all flat.")
            talked = (inside and m.kind == "PROP") or any(e[1] == m.character and e[2] for e in kept)
            seen = [e for e in kept if e[1] != m.character]
            latest[gender[m.character]] = (seen + [(t.sentence[k], m.character, talked)])[-LATEST_KEPT:]
    _link_cues(story)
    link_known_relatives(story, families)
    _link_called(story, families)
    _link_your_title(story)
    _link_endearment(story)
    recount(story)  # the last stage to link mentions: counts, order and ids settle here


class _TalkedOf:
    """"What's gone with that boy?": a person noun with "the", "this" or "that" in a line is, as
    "he" there is, the latest of its gender about who is neither speaker nor addressee (after the
    latest, only one the talk named); never a grown man for "the boy" nor a boy for "the man"."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.nouns = labelled("gendered_nouns")
        # a name the story uses only in passing (a composer, a byword for the hangman) is no one talked of
        # as "the man": only those referred to often enough to be in the story
        counts = Counter(m.character for m in story.mentions if m.character is not None)
        passing = {c.id for c in story.characters if counts[c.id] < IN_THE_STORY}
        grown, young = elders(story.characters) | passing, boys(story.characters) | passing
        self.unfit = {**dict.fromkeys(YOUNG, grown), **dict.fromkeys(GROWN_NOUNS, young), "fellow": passing}

    def described(self, m: Mention, k: int, q: Quote, latest: dict[str, list[tuple[int, str, bool]]]) -> str | None:
        t = self.story.tokens
        words_ = self.story.text[m.start:m.end].lower().split()
        lemma = t.lemma[k].lower()
        if len(words_) > 3 or words_[0] not in ("the", "this", "that") or lemma not in PERSON_NOUNS \
                or t.tag[k] == "NNS" or (k + 1 < len(t.lemma) and t.lemma[k + 1].lower() in DEFINING):
            return None  # "the man who wrote it" is whoever the clause says
        unfit = self.unfit[lemma]
        lately = [e for e in reversed(latest.get(self.nouns[lemma], []))
                  if t.sentence[k] - e[0] <= 2 * WINDOW_SENTENCES and e[1] not in unfit]
        return _latest_talked_of(lately, q)


def _latest_talked_of(lately: list[tuple[int, str, bool]], q: Quote) -> str | None:
    """Of ``lately`` (the latest first), the latest who is neither the line's speaker nor its
    addressee; after the latest, only one the talk itself named."""
    return next((c for i, (_, c, talked) in enumerate(lately)
                 if c not in (q.speaker, *q.addressees) and (i == 0 or talked)), None)


def _link_cues(story: Story) -> None:
    """The description a line's cue names its speaker by ("replied his wife", "said the old
    gentleman") refers to that speaker, however the speakers stage came to know them."""
    cues = {q.cue[1]: (q.cue[0], q.speaker) for q in story.quotes if q.cue and q.speaker}
    for m in story.mentions:
        cue = cues.get(m.end) if m.kind == "NOM" and m.character is None else None
        if cue is not None and m.start <= cue[0]:
            m.character = cue[1]


# "Yes, sir." / "Come here, my boy!" / "Oh, mamma, look": a form of address is the one addressee
CALLED = re.compile(
    r"(?:^|(?<=[,;:!?—–]\s)|(?<=[,;:!?—–])|(?<=\b[Oo]h\s)|(?<=\b[Oo]\s))"
    r"((?:[Mm]y\s+)?(?:(?:dear|dearest|good|old|poor|little|young|sweet|kind|brave)\s+)*"
    r"(?:sir|madam|ma'am|ma’am|miss|uncle|aunt|auntie|papa|pa|mamma|mama|ma|pop|mother|father|boy|lad|"
    r"child|friend|fellow|dear|darling|son|daughter|doctor|parson|captain|sister|brother|love|honey|"
    r"girl|man|woman|lady|cousin|nurse|master|mistress|missus|suh|sonny|kid|baby))\b(?=\s*[,!?.;—–…]|\s*$)",
    re.IGNORECASE)


# "your Ladyship", "your honour": a title said to someone is whoever "your" is, in a line or a letter
YOUR_TITLE = re.compile(r"\s+((?:[Rr]oyal\s+)?(?:[Ll]adyship|[Ll]ordship|[Hh]onou?r|[Ww]orship|[Mm]ajesty|[Hh]ighness|"
                        r"[Gg]race|[Ee]xcellency|[Rr]everence))\b")


# "my dear Tolley", "My dearest Nell": the endearment before a name is a mention of its own, of the one named
ENDEARMENT = re.compile(r"\b[Mm]y\s+(?:(?:dear|dearest|good|poor|sweet|kind|old|darling)\s+)*"
                        r"(?:dear|dearest|darling)\s*$")


def _link_endearment(story: Story) -> None:
    """"My dear Tolley": "my dear" is a mention of Tolley, as "my dear" alone is of the one spoken to."""
    text, added = story.text, []
    taken = {(m.start, m.end) for m in story.mentions}
    for m in story.mentions:
        if m.kind != "PROP" or m.character is None:
            continue
        found = ENDEARMENT.search(text, max(0, m.start - 40), m.start)
        if found is None:
            continue
        span = (found.start(), found.start() + len(found.group().rstrip()))
        if span not in taken:
            added.append(Mention(span[0], span[1], "NOM", m.character))
    if added:
        story.mentions = unique_mentions(story.mentions + added)


def _link_your_title(story: Story) -> None:
    """The title after a linked "your" is its character (``clusters.ADDRESSED`` gives "Ladyship"
    alone to the one Lady about)."""
    text, added = story.text, []
    by_start = {m.start: m for m in story.mentions}
    for m in story.mentions:
        if m.kind != "PRON" or m.character is None or text[m.start:m.end].lower() != "your":
            continue
        found = YOUR_TITLE.match(text, m.end)
        if found is None:
            continue
        title = by_start.get(found.start(1))
        if title is None:
            added.append(Mention(found.start(1), found.end(1), "NOM", m.character))
        elif title.character is None:
            title.character = m.character
    if added:
        story.mentions = unique_mentions(story.mentions + added)


def _link_called(story: Story, families: Families) -> None:
    """A form of address inside a line ("sir", "my dear", "mamma") refers to its one addressee; an
    aunt or uncle called where no one is known to be spoken to, to the one the story calls so
    ("Uncle, you look tired" of Uncle Calder)."""
    text, added = story.text, []
    starts = [m.start for m in story.mentions]
    for q in story.quotes:
        for match in CALLED.finditer(text[q.start:q.end]):
            s, e = q.start + match.start(1), q.start + match.end(1)
            word = match.group(1).lower().split()[-1]
            # "Uncle, you look tired": with no one known to be spoken to, the one "Uncle John"
            called = q.addressees[0] if len(q.addressees) == 1 else \
                families.relative(q.speaker, word) if q.speaker is not None and word in KIN_TITLES else None
            if called is None:
                continue
            i = bisect_right(starts, e - 1) - 1
            near = [m for m in story.mentions[max(0, i - 2):i + 1] if m.start < e and s < m.end
                    and not (m.kind == "PRON" and m.end - m.start < e - s)]  # not the "my" of "my dear": the speaker
            if any(m.character is not None for m in near):
                continue
            for m in near:
                m.character = called
            if not near:
                added.append(Mention(s, e, "NOM", called))
    if added:
        story.mentions = unique_mentions(story.mentions + added)


def _answering(quotes, i: int) -> str | None:
    """The speaker of the next line, or else of the line before, when that is someone else."""
    q = quotes[i]
    for j in (i + 1, i - 1):
        if 0 <= j < len(quotes) and quotes[j].speaker not in (None, q.speaker) \
                and abs(quotes[j].start - q.start) < ANSWER_CHARS:
            return quotes[j].speaker
    return None
