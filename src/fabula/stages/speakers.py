"""Who says each line, and to whom.

Three kinds of evidence, strongest first. An explicit cue: a speech verb
beside the quotation whose subject is a name ("said Anna"). An anaphoric
cue: its subject is a pronoun or a description ("she said", "cried his
wife"), resolved to the most recent character of that gender in narration,
preferring the people in the conversation. Otherwise the conversation
(implicit): a line in the same paragraph as the last one is the same
speaker's; a character acting in the narration beside it ("She turned to
face him.") is the speaker; someone just addressed by name answers; two
people talking take turns. A name addressed inside the line ("Buffy, you
don't have to.") is its addressee and never its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, deque

from ..lexicon import labelled, words
from ..model import Character, Mention, Quote, Story
from ..names import HONORIFICS
from . import stage
from .gender import gender_of, pronoun_labels, pronoun_votes

FIRST = {"i", "me", "my", "mine", "myself"}
SUBJECT = ("nsubj", "nsubjpass")
LOOKBACK_PARAGRAPHS = 4  # how far back a pronoun looks for its character
CONVERSATION_GAP = 5  # paragraphs without dialogue that end a conversation
TITLE_WORDS = {"doctor": "dr", "professor": "prof", "reverend": "rev", "lieutenant": "lieut", "captain": "capt"}
SELF_NAMED = re.compile(r"\b(?:[Mm]y name is|[Mm]y name's|I am|I'm|I’m|[Cc]all me)\s+(?=[A-Z])")
VOCATIVE_BEFORE = {",", "dear", "my", "oh", "o", "ah"}
VOCATIVE_AFTER = {",", ".", "!", "?", ";", "—", "…"}


class _Index:
    """Lookups from offsets to tokens, sentences, mentions and quotations."""

    def __init__(self, story: Story) -> None:
        self.story, self.t = story, story.tokens
        self.mentions = [m for m in story.mentions if m.kind == "PRON" or m.character is not None]
        self.mention_starts = [m.start for m in self.mentions]
        self.quote_starts = [q.start for q in story.quotes]
        self.paragraph_starts = [p.start for p in story.paragraphs]
        self.sentence_starts = [s.start for s in story.sentences]
        self.gender = {c.id: c.gender for c in story.characters}
        self.narrator = next((c.id for c in story.characters if c.is_narrator), None)

    def paragraph(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def sentence(self, offset: int):
        i = bisect_right(self.sentence_starts, offset) - 1
        return self.story.sentences[max(i, 0)]

    def quoted(self, offset: int) -> bool:
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and self.story.quotes[i].start <= offset < self.story.quotes[i].end

    def mention_at(self, start: int, end: int) -> Mention | None:
        i = bisect_right(self.mention_starts, start) - 1
        while i >= 0 and self.mentions[i].start > start - 80:
            m = self.mentions[i]
            if m.start <= start and end <= m.end:
                return m
            i -= 1
        return None

    def tokens(self, start: int, end: int) -> range:
        return range(bisect_left(self.t.start, start), bisect_left(self.t.start, end))


def _person_like(noun: str) -> bool:
    """A role: a person noun, or a word made like one ("mariner", "navvy" is not; "undertaker" is)."""
    return noun in words("person_nouns") or noun.endswith(("er", "or", "ist", "ian", "ant", "man", "ess", "eer"))


def appositions(story: Story) -> dict[str, str]:
    """"Mr. Bumble, the beadle" / "Mr. Bumble was the beadle": descriptions that a named
    character is given in narration, so that "said the beadle" is him."""
    t, text = story.tokens, story.text
    starts = [m.start for m in story.mentions]
    out: dict[str, str] = {}
    for j in range(len(t)):
        if t.pos[j] != "NOUN" or t.dep[j] not in ("appos", "attr"):
            continue
        det = [k for k in range(max(0, j - 4), j) if t.head[k] == j and t.dep[k] == "det"]
        if not det or text[t.start[det[0]]:t.end[det[0]]].lower() != "the":
            continue
        head = t.head[j]
        if t.dep[j] == "attr":  # "X was the beadle": the subject of the copula
            head = next((k for k in range(max(0, head - 8), head) if t.head[k] == head and t.dep[k] in SUBJECT), None)
            if head is None:
                continue
        i = bisect_right(starts, t.start[head]) - 1
        m = story.mentions[i] if i >= 0 else None
        if m is not None and m.kind == "PROP" and m.character and m.start <= t.start[head] < m.end:
            out.setdefault(" ".join(text[t.start[det[0]]:t.end[j]].lower().split()), m.character)
    return out


class Conversation:
    """Who has spoken lately, for turn-taking."""

    def __init__(self) -> None:
        self.speakers: deque[str] = deque(maxlen=8)
        self.last_paragraph = -(10**9)
        self.last_speaker: str | None = None
        self.last_addressees: list[str] = []

    def reset(self) -> None:
        self.speakers.clear()
        self.last_speaker, self.last_addressees = None, []

    def said(self, speaker: str | None, addressees: list[str], paragraph: int) -> None:
        if speaker is not None and (not self.speakers or self.speakers[-1] != speaker):
            self.speakers.append(speaker)
        self.last_speaker, self.last_addressees, self.last_paragraph = speaker, addressees, paragraph

    def participants(self) -> list[str]:
        seen: list[str] = []
        for s in reversed(self.speakers):
            if s not in seen:
                seen.append(s)
        return seen

    def next_turn(self) -> str | None:
        """The one who spoke before the last speaker: A, B, A, B."""
        people = self.participants()
        if self.last_speaker is None:
            return None
        return people[1] if len(people) >= 2 and people[0] == self.last_speaker else None


class Attributor:
    def __init__(self, story: Story, settings) -> None:
        self.story, self.index = story, _Index(story)
        self.labels = pronoun_labels(settings.pronoun_sets)
        self.conversation = Conversation()
        self.descriptions: dict[str, str] = {}  # "the mariner" -> its character id
        self.created: list[str] = []  # characters made here from descriptions
        self.titles: dict[str, set[str]] = {}  # "admiral" -> characters whose names carry it
        for c in story.characters:
            for name in [c.name, *c.aliases]:
                first = name.split()[0].lower().rstrip(".")
                if first in HONORIFICS and len(name.split()) > 1:
                    self.titles.setdefault(TITLE_WORDS.get(first, first), set()).add(c.id)
        self.descriptions.update(appositions(story))

    # -- the narration beside a quotation --
    def regions(self, i: int, para, p_index: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """The narration sentence right after quotation ``i`` and the one right before it.

        A quotation opening its paragraph may be introduced at the end of the
        paragraph before ("Sir William thus began." / "Jane, taking out the
        letter, said,"), when that paragraph is narration only."""
        story, idx = self.story, self.index
        quotes, q = story.quotes, story.quotes[i]
        nxt = quotes[i + 1].start - 1 if i + 1 < len(quotes) and quotes[i + 1].start < para.end else para.end
        prev = quotes[i - 1].end + 1 if i > 0 and quotes[i - 1].end > para.start else para.start
        after = (q.end + 1, nxt)
        ks = idx.tokens(*after)
        if len(ks):
            after = (after[0], min(nxt, max(idx.sentence(idx.t.start[ks[0]]).end, after[0] + 1)))
        before = (prev, max(prev, q.start - 1))
        ks = idx.tokens(*before)
        if len(ks):
            before = (min(idx.sentence(idx.t.start[ks[-1]]).start, before[1]), before[1])
            before = (max(before[0], prev), before[1])
        elif p_index > 0 and (i == 0 or quotes[i - 1].end < para.start):
            before = self.introduction(i, p_index) or before
        return after, before

    def introduction(self, i: int, p_index: int) -> tuple[int, int] | None:
        """The last sentence of the paragraph before, when it introduces this one's speech:
        narration after its last quotation that ends in "said," or ":" ("he soon afterwards said,")."""
        story, idx = self.story, self.index
        last = story.paragraphs[p_index - 1]
        if last.kind != "text":
            return None
        start = story.quotes[i - 1].end + 1 if i > 0 and story.quotes[i - 1].end > last.start else last.start
        ks = idx.tokens(start, last.end)
        if not len(ks):
            return None
        sentence_start = max(start, idx.sentence(idx.t.start[ks[-1]]).start)
        ends = story.text[sentence_start:last.end].rstrip()[-1:]
        if start == last.start or ends in (",", ":", "—", "-", ";"):
            return sentence_start, last.end
        return None

    def cue(self, region: tuple[int, int]):
        """``(subject token, verb token)`` of a speech verb in ``region``."""
        t, speech = self.index.t, words("speech_verbs")
        for k in self.index.tokens(*region):
            if t.pos[k] in ("VERB", "AUX") and t.lemma[k].lower() in speech and not self.reported(k):
                subject = self.subject_of(k, region)
                if subject is not None:
                    return subject, k
        return None

    def reported(self, k: int) -> bool:
        """"Elizabeth replied that she was.": speech told, not quoted; no cue for a quotation."""
        t = self.index.t
        for j in range(max(0, k - 15), min(len(t), k + 15)):
            if t.head[j] == k and j > k and t.dep[j] == "ccomp" and not self.index.quoted(t.start[j]):
                return True
        return False

    def subject_of(self, k: int, region: tuple[int, int]) -> int | None:
        """The speaker in "Anna said", in the inverted "said Anna" / "cried his wife" (which the
        parser often reads as an object), or of the verb this one continues ("Denham made no
        comment, but said:", "Elizabeth hastened to explain")."""
        t = self.index.t
        seen = set()
        while k not in seen:
            seen.add(k)
            for j in self.index.tokens(max(region[0], t.start[k] - 250), min(region[1], t.end[k] + 80)):
                if t.head[j] == k and t.dep[j] in SUBJECT:
                    return j
            if t.dep[k] in ("conj", "xcomp") and t.head[k] != k and t.start[t.head[k]] >= region[0]:
                k = t.head[k]
                continue
            # "Frederick looked up and, after a silence, said:" parsed with "looked" under "said"
            earlier = [j for j in self.index.tokens(max(region[0], t.start[k] - 250), t.start[k])
                       if t.head[j] == k and t.dep[j] in ("ccomp", "conj", "advcl")]
            if earlier and earlier[0] not in seen:
                k = earlier[0]
                continue
            break
        j = k + 1
        while j < len(t) and t.start[j] < region[1] and (t.pos[j] in ("DET", "ADJ", "ADP") or t.tag[j] == "PRP$"):
            j += 1  # "said the old man", "cried his wife", "broke in Lord Henry"
        if j < len(t) and t.start[j] < region[1] and t.pos[j] in ("PROPN", "PRON", "NOUN"):
            while j + 1 < len(t) and t.pos[j + 1] == "PROPN" and t.start[j + 1] < region[1]:
                j += 1  # "said Mr. Bennet": the name's last word
            return j
        return None

    def spoken_noun(self, region: tuple[int, int]) -> int | None:
        """"was Lord Henry's answer", "was the view of Mr. Wadgers": the possessor of a speech noun."""
        t, text = self.index.t, self.story.text
        nouns = words("speech_nouns")
        for k in self.index.tokens(*region):
            if t.pos[k] == "NOUN" and t.lemma[k].lower() in nouns:
                for j in self.index.tokens(max(region[0], t.start[k] - 60), min(region[1], t.end[k] + 60)):
                    if t.head[j] == k and t.dep[j] == "poss":
                        return j
                    if t.head[j] == k and text[t.start[j]:t.end[j]] == "of":
                        for o in self.index.tokens(t.end[j], min(region[1], t.end[j] + 60)):
                            if t.head[o] == j and t.dep[o] == "pobj":
                                return o
        return None

    def actor(self, region: tuple[int, int]) -> int | None:
        """The first subject in ``region`` that refers to a person: an action beat."""
        t, text = self.index.t, self.story.text
        for j in self.index.tokens(*region):
            if t.dep[j] in SUBJECT and (self.index.mention_at(t.start[j], t.end[j]) is not None
                                        or text[t.start[j]:t.end[j]].lower() in self.labels):
                return j
        return None

    def acting(self, region: tuple[int, int], exclude: set[str]) -> str | None:
        j = self.actor(region) if region[0] < region[1] else None
        return self.who(j, exclude)[0] if j is not None else None

    def addressee_of_verb(self, k: int, region: tuple[int, int]) -> str | None:
        """X in "said to X"."""
        t, text = self.index.t, self.story.text
        for j in self.index.tokens(*region):
            if t.head[j] == k and text[t.start[j]:t.end[j]].lower() == "to":
                for o in self.index.tokens(t.end[j], min(region[1], t.end[j] + 40)):
                    if t.head[o] == j:
                        m = self.index.mention_at(t.start[o], t.end[o])
                        return m.character if m is not None and m.kind == "PROP" else None
        return None

    # -- who a word refers to --
    def recent(self, offset: int, lowest_paragraph: int, subjects: bool = False):
        """Characters named in narration before ``offset``, most recent first (only where
        the name is a clause's subject, with ``subjects``)."""
        idx, t = self.index, self.index.t
        i = bisect_left(idx.mention_starts, offset) - 1
        while i >= 0:
            m = idx.mentions[i]
            if idx.paragraph(m.start) < lowest_paragraph:
                return
            if m.kind != "PRON" and m.character is not None and not idx.quoted(m.start):
                if not subjects or t.dep[bisect_left(t.start, m.end) - 1] in SUBJECT:
                    yield m.character
            i -= 1

    def resolve(self, word: str, offset: int, exclude: set[str]) -> str | None:
        """The character a pronoun or gendered description in a cue stands for.

        In order: the latest subject of that gender in this paragraph ("Andrew
        … he could only say"); whose turn it is, when they fit; the latest
        subject, then the latest name, of that gender nearby; someone of that
        gender in the conversation."""
        if word in FIRST:
            return self.index.narrator
        label = self.labels.get(word) or labelled("gendered_nouns").get(word)
        if label is None:
            return None
        fits = lambda c: c not in exclude and self.index.gender.get(c) == label  # noqa: E731
        here = self.index.paragraph(offset)
        found = next((c for c in self.recent(offset, here, subjects=True) if fits(c)), None)
        if found is not None:
            return found
        found = next((c for c in self.recent(offset, here, subjects=False) if fits(c)), None)
        found = found or next((c for c in self.recent(offset, here - 1, subjects=True) if fits(c)), None)
        if found is not None:
            return found
        turn = self.conversation.next_turn()
        if turn is not None and fits(turn):
            return turn
        found = next((c for c in self.recent(offset, here - LOOKBACK_PARAGRAPHS) if fits(c)), None)
        return found or next((c for c in self.conversation.participants() if fits(c)), None)

    def titled(self, word: str, offset: int, exclude: set[str]) -> str | None:
        """"cried the Admiral": the character most recently named with that title."""
        having = self.titles.get(TITLE_WORDS.get(word, word))
        if not having:
            return None
        lowest = self.index.paragraph(offset) - 20 * LOOKBACK_PARAGRAPHS
        recent = next((c for c in self.recent(offset, lowest) if c in having and c not in exclude), None)
        return recent or (next(iter(having)) if len(having) == 1 else None)

    def description_of(self, j: int) -> tuple[str, int] | None:
        """``("the old mariner", start)`` when subject token ``j`` heads a definite description."""
        t, text = self.index.t, self.story.text
        if t.pos[j] != "NOUN":
            return None
        det = [k for k in range(max(0, j - 4), j) if t.head[k] == j and t.dep[k] == "det"]
        if not det or text[t.start[det[0]]:t.end[det[0]]].lower() != "the":
            return None
        return " ".join(text[t.start[det[0]]:t.end[j]].lower().split()), t.start[det[0]]

    def described(self, j: int, cue: bool) -> str | None:
        """"said the beadle": the character given that description ("Mr. Bumble, the beadle"),
        or, for a role that says nothing of gender or kin ("the mariner"), a character known by
        the description, made on its first use as a speaker. "The old gentleman" and "her
        mother" are mostly someone with a name, so they never become characters of their own."""
        found = self.description_of(j) if cue else None
        if found is None:
            return None
        name, start = found
        lemma = self.index.t.lemma[j].lower()
        if name not in self.descriptions:
            if (lemma in words("relational_nouns") or lemma in labelled("gendered_nouns")
                    or self.index.t.tag[j] != "NN" or not _person_like(lemma)):
                return None
            cid = f"c{len(self.story.characters) + 1}"
            self.story.characters.append(Character(cid, name, [], None, 0.0, 0))
            self.created.append(cid)
            self.descriptions[name] = cid
            self.index.gender[cid] = None
        cid = self.descriptions[name]
        self.story.mentions.append(Mention(start, self.index.t.end[j], "NOM", cid))
        return cid

    def who(self, j: int, exclude: set[str], cue: bool = False):
        """``(character, cue mention, kind)`` for the subject token ``j``."""
        t, text = self.index.t, self.story.text
        m = self.index.mention_at(t.start[j], t.end[j])
        if m is not None and m.kind == "PROP":
            return (m.character, m, "explicit") if m.character not in exclude else (None, m, None)
        title = self.titled(text[t.start[j]:t.end[j]].lower(), t.start[j], exclude) if t.pos[j] == "NOUN" else None
        if title is not None:  # "said the doctor": Dr. Kemp
            return title, Mention(t.start[j], t.end[j], "NOM", title), "anaphoric"
        described = self.described(j, cue)
        if described is not None and described not in exclude:
            return described, self.story.mentions[-1], "anaphoric"
        word = text[t.start[j]:t.end[j]].lower()
        who = self.resolve(word, t.start[j], exclude) or self.titled(word, t.start[j], exclude)
        cue = m if m is not None else Mention(t.start[j], t.end[j], "NOM" if t.pos[j] == "NOUN" or
                                                 t.pos[j] == "PROPN" else "PRON")
        return (who, cue, "anaphoric") if who else (None, cue, None)

    def vocatives(self, q: Quote) -> list[str]:
        """Characters addressed by name inside the quotation."""
        text, out = self.story.text, []
        i = bisect_left(self.index.mention_starts, q.start)
        while i < len(self.index.mentions) and self.index.mentions[i].start < q.end:
            m = self.index.mentions[i]
            i += 1
            if m.kind != "PROP" or m.character is None:
                continue
            before = text[q.start:m.start].rstrip().split()
            after = text[m.end:q.end].lstrip()[:1]
            opens = not before or before[-1].lower().strip(",") in VOCATIVE_BEFORE or before[-1].endswith(",")
            if opens and (after in VOCATIVE_AFTER or not after) and m.character not in out:
                out.append(m.character)
        return out

    def guess(self, q: Quote, exclude: set[str], same_paragraph: bool) -> str | None:
        """Last resort: someone else in the conversation, else the character last named in narration."""
        conv = self.conversation
        for c in conv.participants():
            if c not in exclude and (c != conv.last_speaker or same_paragraph):
                return c
        lowest = self.index.paragraph(q.start) - LOOKBACK_PARAGRAPHS
        return next((c for c in self.recent(q.start, lowest) if c not in exclude and c != conv.last_speaker), None)

    def introduced(self, q: Quote) -> Mention | None:
        """"My name is Oswin Tarrant," said the stranger: the name the speaker gives themself."""
        text = self.story.text
        for match in SELF_NAMED.finditer(text, q.start, q.end):
            i = bisect_left(self.index.mention_starts, match.end())
            if i < len(self.index.mentions):
                m = self.index.mentions[i]
                if m.start == match.end() and m.kind == "PROP" and m.character is not None:
                    return m
        return None

    # -- one quotation --
    def attribute(self, i: int, previous: Quote | None) -> None:
        story, idx, conv = self.story, self.index, self.conversation
        q = story.quotes[i]
        p_index = idx.paragraph(q.start)
        para = story.paragraphs[p_index]
        if previous is not None:
            prev_para = idx.paragraph(previous.start)
            between = story.paragraphs[prev_para + 1:p_index]
            if (para.chapter != story.paragraphs[prev_para].chapter or any(p.kind == "break" for p in between)
                    or p_index - conv.last_paragraph > CONVERSATION_GAP):
                conv.reset()
        addressed = self.vocatives(q)
        exclude = set(addressed)
        speaker = cue = kind = None
        after, before = self.regions(i, para, p_index)
        to = None
        named = self.introduced(q)
        if named is not None:
            for region in (after, before):  # the description in the cue is this character from now on
                found = self.cue(region) if region[0] < region[1] else None
                described = self.description_of(found[0]) if found else None
                if described:
                    self.descriptions.setdefault(described[0], named.character)
                    break
        same_paragraph = previous is not None and idx.paragraph(previous.start) == p_index
        # '"A," said she, "B."': the second part shares the cue before it
        for region in ((before, after) if same_paragraph else (after, before)):
            found = self.cue(region) if region[0] < region[1] else None
            if found:
                speaker, cue, kind = self.who(found[0], exclude, cue=True)
                to = self.addressee_of_verb(found[1], region)
                if speaker:
                    break
        if speaker is None and after[0] < after[1]:
            j = self.spoken_noun(after)
            if j is not None:
                speaker, cue, kind = self.who(j, exclude)
        if speaker is None:
            speaker = self.acting(before, exclude)  # "She turned quickly to face him. "…""
        if speaker is None and same_paragraph and previous.speaker not in exclude:
            speaker = previous.speaker  # a paragraph holds one speaker's lines
        if speaker is None:
            speaker = self.acting(after, exclude)
        if speaker is None and not same_paragraph:
            answer = [c for c in conv.last_addressees if c != conv.last_speaker and c not in exclude]
            speaker = answer[0] if answer else conv.next_turn()
            if speaker in exclude:
                speaker = None
        if speaker is None:
            speaker = self.guess(q, exclude, same_paragraph)
        if speaker is not None and kind is None:
            kind = "implicit"
        addressees = addressed or ([to] if to else [])
        if not addressees and conv.last_speaker and conv.last_speaker != speaker:
            addressees = [conv.last_speaker]
        q.speaker, q.kind = speaker, kind if speaker else None
        q.cue = [cue.start, cue.end] if cue is not None and speaker is not None and kind != "implicit" else None
        q.addressees = [a for a in addressees if a and a != speaker]
        conv.said(speaker, q.addressees, p_index)


@stage(requires=("quotes", "characters", "mentions"),
       assigns=("quotes.speaker", "quotes.addressees", "characters.described"))
def speakers(story: Story, settings) -> None:
    """Fill each quotation's ``speaker``, ``addressees``, ``kind`` and ``cue``."""
    attributor = Attributor(story, settings)
    previous = None
    for i, q in enumerate(story.quotes):
        attributor.attribute(i, previous)
        previous = q
    if attributor.created:
        _gender_described(story, attributor, settings)
    if any(m.kind == "NOM" and m.character for m in story.mentions):
        _recount(story)


def _gender_described(story: Story, attributor, settings) -> None:
    """Pronouns that continue a described speaker ("the mariner … He spat") give their gender."""
    made = set(attributor.created)
    uses = [(m.character, m) for m in story.mentions if m.character in made]
    votes = pronoun_votes(story, uses, attributor.index.quoted, attributor.labels)
    for c in story.characters:
        if c.id in made:
            c.gender, c.gender_confidence = gender_of(votes.get(c.id, Counter()), Counter(), "")


def _recount(story: Story) -> None:
    """Mentions added here (descriptions that speak) change the counts: count again, keep the
    cast biggest first, and renumber the ids everywhere they are used."""
    story.mentions.sort(key=lambda m: (m.start, m.end))
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
