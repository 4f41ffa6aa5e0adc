"""Who says each line, and to whom.

Three kinds of evidence, strongest first. An explicit cue: a speech verb
beside the quotation whose subject is a name ("said Anna"). An anaphoric
cue: its subject is a pronoun or a description ("she said", "cried his
wife"), resolved to the most recent character of that gender in narration,
preferring the people in the conversation. Otherwise the conversation
(implicit): a line in the same paragraph as the last one is the same
speaker's; a character acting in the narration beside it ("She turned to
face him.") is the speaker; someone just addressed by name answers; two
people talking take turns. A name addressed inside the line ("Kit, you
don't have to.") is its addressee and never its speaker. Afterwards the turns are
also counted back from each line whose cue names its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..lexicon import labelled
from ..lines import split_into_sentences
from ..names import MARRIED, TITLE_WORDS
from ..model import Mention, Paragraph, Quote, Story
from . import stage
from .conversation import Conversation
from .coref_notes import coref_notes
from .coref import head_token
from .descriptions import RANKS, titles_of
from .kinship import COMPANIONS, GROWN_NOUNS, KIN_TITLES, PARENTS, SPOUSES, boys, called, elders
from .counts import recount
from .cues import CLOSING, SUBJECT, Cues, Index
from .described import Described
from .gender import address_genders, pronoun_labels, talked_of_genders
from .narrator import FIRST_PERSON
from .introduced import name_the_introduced
from .turns import count_turns_back
from .naming import known_by_epithet, name_the_described, name_the_narrator

LOOKBACK_PARAGRAPHS = 4  # how far back a pronoun looks for its character
AHEAD_CHARS = 5000  # how far ahead an unnamed "she" may be named
FAR_PARAGRAPHS = 40  # how far back it looks when no one of its gender is nearer
CONVERSATION_GAP = 5  # paragraphs without dialogue that end a conversation
SENTENCES_PER_PARAGRAPH = 3  # in the novels of LitBank's training files, a paragraph holds about three sentences (median 3.07)
CONVERSATION_GAP_CHARS = 800  # characters of narration between two lines that end a conversation
SELF_NAMED = re.compile(r"\b(?:[Mm]y name is|[Mm]y name's|I am|I'm|I’m|[Cc]all me)\s+(?=[A-Z])")
PLAIN_TITLES = frozenset({"lady", "lord", "mr", "mrs", "miss", "ms", "sir", "madam", "master", "mistress",
                          "dame", "gentleman"})  # words that say a kind of person before they say a title
VOCATIVE_BEFORE = {",", "dear", "my", "oh", "o", "ah"}
# a rank word said to someone: "Yes, captain.", "Doctor, come quickly!" (not "the doctor")
TITLE_CALLED = re.compile(r"(?:^|(?<=[,;:!?—–]\s)|(?<=\b[Oo]h\s)|(?<=\b[Mm]y\s)|(?<=\b[Dd]ear\s))([A-Za-z]+)(?=\s*[,!?.;—–]|\s*$)")
VOCATIVE_AFTER = {",", ".", "!", "?", ";", "—", "…"}
NAME_WORDS = r"\s*(?:[A-Z][\w'’-]*\.?\s+){0,3}[A-Z][\w'’-]*\s*"  # up to four capitalised words: a name
NAME_ALONE = re.compile(NAME_WORDS + r"[,.!?]*\s*")  # "Pryor!", "Mr. Tod,"
ANSWERING_NAME = re.compile(NAME_WORDS + r"\.?\s*")  # "Quarles.", "Mr. Tod."


class Attributor:
    def __init__(self, story: Story, settings) -> None:
        self.story, self.index = story, Index(story)
        self.labels = pronoun_labels(settings.pronoun_sets)
        self.cues = Cues(story, self.index, self.labels)
        self.conversation = Conversation()
        self.descriptions = Described(story, self.index)  # "said the mariner": speakers known by a description
        self.addressed: dict[str, list[str]] = {}  # quotation id -> characters named in it as addressees
        self.going_on: list[tuple[Quote, Quote]] = []  # (line, the same speaker's next line in the same talk)
        self.by_turns: set[str] = set()  # lines given a speaker by turn-taking or a guess, not by any cue
        self.coref = coref_notes(story)  # which links coreference only guessed, which characters it made
        self.last_cue: int | None = None  # the speech verb the last line was attributed by
        self.replying = False  # this line opens the paragraph right after the last line's
        self.quote_starts = [q.start for q in story.quotes]
        self.called: list[str] = []  # whom the last line called by name
        self.continued = story.notes.get("continued_quotes", set())
        self.line_per_sentence = split_into_sentences(story)
        # a sentence a line: the lines of narration that end a talk are sentences, not paragraphs
        self.gap = CONVERSATION_GAP * (SENTENCES_PER_PARAGRAPH if self.line_per_sentence else 1)
        self.titles = titles_of(story.characters)  # "admiral" -> characters whose names carry it
        # "said her mother": a married woman ("Mrs.", "Lady"), "said his father" a titled man, first
        self.elders = elders(story.characters)
        self.boys = boys(story.characters)
        self.married = called(story.characters, MARRIED)  # "said the girl": not Mrs. Harlow
        self.first_seen: dict[str, int] = {}  # character -> offset of its first mention
        for m in story.mentions:
            if m.character is not None:
                self.first_seen.setdefault(m.character, m.start)

    # -- the narration beside a quotation --
    def acting(self, region: tuple[int, int], exclude: set[str], last: bool = False) -> str | None:
        j = self.cues.actor(region, last) if region[0] < region[1] else None
        return self.who(j, exclude)[0] if j is not None else None

    # -- who a word refers to --
    def recent(self, offset: int, lowest_paragraph: int, subjects: bool = False):
        """Characters named in narration before ``offset``, most recent first (only where
        the name is a clause's subject, or the possessor of one, with ``subjects``)."""
        idx, t = self.index, self.index.t
        i = bisect_left(idx.mention_starts, offset) - 1
        while i >= 0:
            m = idx.mentions[i]
            if idx.paragraph(m.start) < lowest_paragraph:
                return
            if m.character is not None and m.character not in self.coref.relatives and not idx.quoted(m.start) \
                    and m.start not in self.coref.description_guesses and (
                    m.kind != "PRON" or (m.start not in self.coref.guesses
                                         and self.story.text[m.start:m.end].lower() not in FIRST_PERSON)):
                k = head_token(self.story, m)
                # "Nell's voice broke the silence": the one whose part is the subject is as good as it
                if not subjects or t.dep[k] in SUBJECT or (t.dep[k] == "poss" and t.dep[t.head[k]] in SUBJECT):
                    yield m.character
            i -= 1

    def narrator_near(self, offset: int, lowest_paragraph: int) -> bool:
        """Whether the narration refers to its "I" between paragraph ``lowest_paragraph`` and ``offset``."""
        idx, text = self.index, self.story.text
        i = bisect_left(idx.mention_starts, offset) - 1
        while i >= 0 and idx.paragraph(idx.mentions[i].start) >= lowest_paragraph:
            m = idx.mentions[i]
            if m.kind == "PRON" and not idx.quoted(m.start) and text[m.start:m.end].lower() in FIRST_PERSON:
                return True
            i -= 1
        return False

    def resolve(self, word: str, offset: int, exclude: set[str], ranked: str | None = None) -> str | None:
        """The character a pronoun or gendered description in a cue stands for.

        In order, among characters of the pronoun's gender: for a pronoun, the
        latest subject in this paragraph ("Andrew … he could only say"), then the
        latest name in it; in a paragraph right after the last line, whoever that line was said
        to ("Harry, you are dreadful!" / "You will always like me," he replied);
        the subject of the paragraph before (where that paragraph is the last speaker's
        own line, the ranker's pick between them going on and the other's turn); whose
        turn it is; the latest name
        nearby; anyone in the conversation, then anyone its lines were said to; the latest
        of that gender further back; and, with nobody of that gender, someone whose gender
        is unknown. ``ranked``: the
        coreference ranker's guess for the pronoun, which decides between the last speaker
        going on and the other's turn."""
        if word in FIRST_PERSON:
            return self.index.narrator
        label = self.labels.get(word) or labelled("gendered_nouns").get(word)
        if label is None:
            return None
        exclude = exclude | self.coref.someones  # the unnamed someone of a pronoun chain speaks only once named
        fits = lambda c: c not in exclude and self.index.gender.get(c) == label  # noqa: E731
        here = self.index.paragraph(offset)
        if word in self.labels:  # a description is not whoever its paragraph has just named
            found = next((c for c in self.recent(offset, here, subjects=True) if fits(c)), None) or next(
                (c for c in self.recent(offset, here, subjects=False) if fits(c)), None)
            if found is not None:
                return found
        conv = self.conversation
        turn = conv.next_turn()
        if self.replying:  # a new paragraph right after a line is mostly someone else's reply
            answer = next((c for c in conv.last_addressees if c != conv.last_speaker and fits(c)), None)
            if answer is not None:
                return answer
        found = next((c for c in self.recent(offset, here - 1, subjects=True) if fits(c)), None)
        if found is not None and found == conv.last_speaker and self.replying:
            if ranked is not None and fits(ranked):
                return ranked  # the last speaker going on, or the other's turn: the coreference ranker's pick
            other = turn if turn is not None and fits(turn) else next(
                (c for c in self.recent(offset, here - LOOKBACK_PARAGRAPHS) if fits(c) and c != conv.last_speaker), None)
            return other or found
        if found is not None:
            # the subject of the narration just before: after narration of their own, the last speaker
            # speaking again is no less likely than the other's turn ("Martha wiped her eyes and
            # smiled." / "I was thinking about Nell," she explained.)
            return found
        if turn is not None and fits(turn):
            return turn
        found = next((c for c in self.recent(offset, here - LOOKBACK_PARAGRAPHS) if fits(c)), None)
        found = found or next((c for c in conv.participants() if fits(c)), None)
        found = found or next((c for c in conv.addressed() if fits(c)), None)  # "Mrs. Pruett," … said the old lady
        # else the latest of that gender further back: "he cried" is still a man
        found = found or next((c for c in self.recent(offset, here - FAR_PARAGRAPHS) if fits(c)), None)
        if found is not None:
            return found
        # nobody of that gender: someone whose gender the text has not told, whose turn it is
        unknown = lambda c: c not in exclude and self.index.gender.get(c) is None  # noqa: E731
        if turn is not None and unknown(turn):
            return turn
        found = next((c for c in self.recent(offset, here - 1, subjects=True) if unknown(c)), None)
        # nobody of that gender for forty paragraphs: the most mentioned character of it met so far
        # (the cast is ordered by mentions), and with none met yet, the first of it named from here
        # on ("the young lady", later Daisy)
        found = found or next((c.id for c in self.story.characters
                               if fits(c.id) and self.first_seen.get(c.id, offset) < offset), None)
        if found is not None:
            return found
        coming = [c for c in self.index.gender if fits(c) and offset < self.first_seen.get(c, -1) < offset + AHEAD_CHARS]
        return min(coming, key=lambda c: self.first_seen[c], default=None)

    def other_party(self, offset: int, exclude: set[str]) -> str | None:
        """The other one of two people talking: whoever the last line was said to, whose turn
        it is, or someone else in the conversation or named lately, but not the last speaker."""
        conv = self.conversation
        named = self.recent(offset, self.index.paragraph(offset) - LOOKBACK_PARAGRAPHS)
        for c in [*conv.last_addressees, conv.next_turn(), *conv.participants(), *named]:
            if c is not None and c not in exclude and c != conv.last_speaker:
                return c
        return None

    def titled(self, word: str, offset: int, exclude: set[str]) -> str | None:
        """"cried the Admiral": the character most recently named with that title."""
        having = self.titles.get(TITLE_WORDS.get(word, word))
        if not having:
            return None
        lowest = self.index.paragraph(offset) - 20 * LOOKBACK_PARAGRAPHS
        recent = next((c for c in self.recent(offset, lowest) if c in having and c not in exclude), None)
        return recent or (next(iter(having)) if len(having) == 1 else None)

    def who(self, j: int, exclude: set[str], cue: bool = False):
        """``(character, cue mention, kind)`` for the subject token ``j``."""
        t, text = self.index.t, self.story.text
        m = self.index.mention_at(t.start[j], t.end[j])
        if m is not None and m.kind == "PROP":
            return (m.character, m, "explicit") if m.character not in exclude else (None, m, None)
        if m is not None and m.kind == "PRON" and m.character is not None and m.character not in exclude \
                and text[m.start:m.end].lower() not in FIRST_PERSON and m.start not in self.coref.guesses \
                and not self.answers_vocative(m.character):
            return m.character, m, "anaphoric"  # the coreference stage already knows who "she" is
        if m is not None and m.kind == "NOM" and m.character is not None and m.character not in exclude \
                and m.start in self.coref.kin_links:
            return m.character, m, "anaphoric"  # "said her father": coreference found him by surname
        word = text[t.start[j]:t.end[j]].lower()
        if word in ("latter", "former") and j > 0 and text[t.start[j - 1]:t.end[j - 1]].lower() == "the":
            # "said the latter": the one named last before the line; "the former", the one before
            named = list(dict.fromkeys(self.recent(t.start[j], self.index.paragraph(t.start[j]) - 1)))
            named = [c for c in named if c not in exclude]
            pick = (named[0] if word == "latter" else named[1]) if len(named) > (word == "former") else None
            cue = Mention(t.start[j - 1], t.end[j], "NOM")
            return (pick, cue, "anaphoric") if pick else (None, cue, None)
        before = text[t.start[j - 1]:t.end[j - 1]].lower() if j > 0 else ""
        if (word == "other" and before == "the") or (t.lemma[j].lower() in COMPANIONS and before in ("his", "her")):
            # "said the other", "rejoined his companion": the other one of the two, not who spoke last
            pick = self.other_party(t.start[j], exclude)
            cue = Mention(t.start[j - 1], t.end[j], "NOM")
            return (pick, cue, "anaphoric") if pick else (None, cue, None)
        # "said the doctor": Dr. Tolley; but "said the old lady" is no Lady Drummond, nor "the gentleman" anyone's title
        ranked_title = self.descriptions.common_noun(j) and word not in PLAIN_TITLES
        # "said her mother", "said her aunt": someone's kin, among the grown people about; an aunt is
        # one of her aunts, not the one the story calls "Aunt Pruett"
        kin = before in ("his", "her", "my", "your") and (word in PARENTS | SPOUSES or word in KIN_TITLES)
        title = self.titled(word, t.start[j], exclude) if ranked_title and not (kin and word in KIN_TITLES) else None
        if title is not None:  # "said the doctor": Dr. Tolley
            return title, Mention(t.start[j], t.end[j], "NOM", title), "anaphoric"
        described = self.descriptions.speaker(j) if cue else None
        if described is not None and described not in exclude:
            return described, self.story.mentions[-1], "anaphoric"
        ranked = m.character if m is not None and m.kind == "PRON" and m.start in self.coref.guesses \
            and m.start not in self.coref.pronoun_chains else None
        who = None
        if kin:
            who = self.resolve(word, t.start[j], exclude | (set(self.index.gender) - self.elders))
        if word in GROWN_NOUNS:  # "said the old gentleman": not the boy
            exclude = exclude | self.boys
        elif word in ("girl", "lass"):
            exclude = exclude | self.married
        who = who or self.resolve(word, t.start[j], exclude, ranked) or self.titled(word, t.start[j], exclude)
        cue = m if m is not None else Mention(t.start[j], t.end[j], "NOM" if t.pos[j] == "NOUN" or
                                                 t.pos[j] == "PROPN" else "PRON")
        return (who, cue, "anaphoric") if who else (None, cue, None)

    def of_other_gender(self, j: int) -> set[str]:
        """The characters a pronoun or gendered noun ("said the young lady") at token ``j`` cannot
        be, by their known gender."""
        t = self.index.t
        label = self.labels.get(self.story.text[t.start[j]:t.end[j]].lower()) \
            or labelled("gendered_nouns").get(t.lemma[j].lower())
        if label is None:
            return set()
        return {c for c, g in self.index.gender.items() if g is not None and g != label}

    def answers_vocative(self, character: str) -> bool:
        """Whether a pronoun the coreference stage gave to ``character`` from the narration, in
        the paragraph right after a line, is rather the one that line called by name, of the same
        gender and not its speaker ("Harry, you are dreadful!" cried Owen. / "You will always
        forgive me," he replied.): the one called answers, whoever the narration was about."""
        gender = self.index.gender.get(character)
        return self.replying and any(
            c != character and c != self.conversation.last_speaker and self.index.gender.get(c) == gender
            for c in self.called)

    def names_in(self, q: Quote):
        """The linked names inside the quotation, in order."""
        idx = self.index
        i = bisect_left(idx.mention_starts, q.start)
        while i < len(idx.mentions) and idx.mentions[i].start < q.end:
            m = idx.mentions[i]
            if m.kind == "PROP" and m.character is not None:
                yield m
            i += 1

    def vocatives(self, q: Quote, previous: Quote | None = None) -> list[str]:
        """Characters addressed inside the quotation: by name, or by a rank only one of them holds.
        A line that is only a name, after a question, answers it ("What is his name?" / "Nell
        Farrow."), and one that is only a name the line before said echoes it ("Mr. Cardew!"
        repeated Nell): it calls no one. A "Miss Harlow" called is relinked to the sister it means
        (``surname_meant``)."""
        text, out = self.story.text, []
        if previous is not None and text[previous.start:previous.end].rstrip(CLOSING + " ").endswith("?") \
                and ANSWERING_NAME.fullmatch(text[q.start:q.end]):
            return out
        if previous is not None and NAME_ALONE.fullmatch(text[q.start:q.end]) and self.whole_speech(q) \
                and {m.character for m in self.names_in(q)} & {n.character for n in self.names_in(previous)}:
            return out  # "… you must give up Pryor." / "Pryor," cried the girl: the name echoed, no one called
        for m in self.names_in(q):
            before = text[q.start:m.start].rstrip().split()
            after = text[m.end:q.end].lstrip()[:1]
            opens = not before or before[-1].lower().strip(",") in VOCATIVE_BEFORE or before[-1].endswith(",") or (
                before[-1].lower() == "you" and (len(before) == 1 or before[-2][-1:] in ".!?"))  # "You Kit!"
            if opens and (after in VOCATIVE_AFTER or not after) and m.character not in out:
                m.character = self.surname_meant(m, q)
                out.append(m.character)
        # "And where do we live, parson?": a rank said to someone is the one character who holds it,
        for found in TITLE_CALLED.finditer(text[q.start:q.end]):
            word = found.group(1).lower()
            rank = TITLE_WORDS.get(word, word)
            # and "uncle" called bare, the one the story calls "Uncle …" ("my dear aunt" may be any aunt)
            said_before = text[q.start:q.start + found.start()].lower()
            bare = rank in KIN_TITLES and not said_before.endswith(("my ", "dear "))
            having = self.titles.get(rank, ()) if rank in RANKS or bare else ()
            if len(having) == 1 and next(iter(having)) not in out:
                out.append(next(iter(having)))
        return out

    def whole_speech(self, q: Quote) -> bool:
        """Whether no other line follows ``q`` in its paragraph ('"Tom," he said, "we have …"' is one
        speech in two parts)."""
        i = bisect_left(self.quote_starts, q.start)
        nxt = self.story.quotes[i + 1] if i + 1 < len(self.story.quotes) else None
        return nxt is None or self.index.paragraph(nxt.start) != self.index.paragraph(q.start)

    def surname_meant(self, m: Mention, q: Quote) -> str:
        """The character a "Miss Harlow" or "Mr. Harlow" said to someone is: the eldest sister or
        the father, whom the cast gives that form, unless they are not about and one sister (or
        son) who is about shares the surname (said to Nell Harlow while her elder sister is away,
        to Tom Harlow while his father is)."""
        words_ = self.story.text[m.start:m.end].split()
        title = words_[0].rstrip(".").lower() if len(words_) == 2 else None
        if title not in ("miss", "mr"):
            return m.character
        about = set(self.conversation.participants()) | set(
            self.recent(q.start, self.index.paragraph(q.start) - LOOKBACK_PARAGRAPHS))
        if m.character in about:
            return m.character
        surname = words_[1].lower()
        sharing = {c.id for c in self.story.characters if c.id != m.character and c.id in about
                   and self.index.gender.get(c.id) == ("she/her" if title == "miss" else "he/him")
                   and c.id not in self.married
                   and any(n.lower().split()[-1] == surname for n in [c.name, *c.aliases])}
        return sharing.pop() if len(sharing) == 1 else m.character

    def talked_of(self, q: Quote, addressed: list[str], introduced: Mention | None) -> set[str]:
        """Characters a line names but does not call, nor names as its speaker (``introduced``: "I
        am Edwin Tolley"): "I knew nothing of Lady Drummond's family" is seldom Lady Drummond's own line."""
        named = {m.character for m in self.names_in(q)} - set(addressed)
        return named - {introduced.character} if introduced is not None else named

    def guess(self, q: Quote, exclude: set[str], same_paragraph: bool) -> str | None:
        """Last resort: someone else in the conversation, else the character last named in narration,
        else, with no one else about, the last speaker going on."""
        conv = self.conversation
        for c in conv.participants():
            if c not in exclude and (c != conv.last_speaker or same_paragraph):
                return c
        lowest = self.index.paragraph(q.start) - LOOKBACK_PARAGRAPHS
        return next((c for c in self.recent(q.start, lowest) if c not in exclude and c != conv.last_speaker),
                    conv.last_speaker if conv.last_speaker not in exclude else None)

    def after_its_cue(self, previous: Quote, q: Quote, p_index: int) -> bool:
        """In text laid out a sentence a line, whether line ``q`` opens the line right after the one
        where ``previous`` ended and narration followed it ('"Just so," he answered, turning the
        wheel.' / '"The mill road is always dry."'): the layout has split one paragraph, and
        the speech goes on unless a cue of its own says otherwise (on LitBank's training files the
        same speaker goes on in 121 of 157 such lines)."""
        if not self.line_per_sentence or self.index.paragraph(previous.end - 1) != p_index - 1:
            return False
        story = self.story
        before = story.paragraphs[p_index - 1]
        tail = story.text[previous.end:before.end].strip(CLOSING)
        opening = story.text[story.paragraphs[p_index].start:q.start].strip(CLOSING + "“‘")
        asked = story.text[previous.start:previous.end].rstrip(CLOSING).endswith("?")  # a question is answered
        return bool(tail) and not opening and not asked

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
        last_heard = self.carry_on(q, p_index, previous)
        addressed = self.vocatives(q, previous)
        self.addressed[q.id] = addressed
        after, before = self.cues.regions(i, para, p_index)
        introduced = self.introduced(q)
        if introduced is not None:
            self.name_from_introduction(introduced, after, before)
        # a line carried on from the paragraph before, with no new opening mark, is the same speech
        same_paragraph = previous is not None and (idx.paragraph(previous.start) == p_index
                                                   or q.start in self.continued
                                                   or self.after_its_cue(previous, q, p_index))
        self.replying = previous is not None and idx.paragraph(previous.end - 1) == p_index - 1
        self.called = self.addressed.get(previous.id, []) if previous is not None else []
        line = Line(q, previous, para, p_index, before, after, same_paragraph, set(addressed))
        speaker, cue, kind, verb, to = self.by_cue(line)
        if speaker is None:
            line.exclude = line.exclude | self.talked_of(q, addressed, introduced)
            speaker = self.by_conversation(line)
        if speaker is not None and kind is None:
            kind = "implicit"
        addressees = self.addressees_of(line, speaker, addressed or ([to] if to else []), last_heard)
        if not addressed and not to:  # no vocative, no "said to": whom it went to is the conversation's guess
            self.story.notes.setdefault("guessed_addressees", set()).add(q.id)
        q.speaker, q.kind = speaker, kind if speaker else None
        q.cue = [cue.start, cue.end] if cue is not None and speaker is not None and kind != "implicit" else None
        q.addressees = [a for a in addressees if a and a != speaker]
        # the turn-taking starts afresh after the aside: it does not count whom the line was likely said to
        conv.said(speaker, [a for a in q.addressees if a != last_heard], p_index)
        self.last_cue = verb

    def carry_on(self, q: Quote, p_index: int, previous: Quote | None) -> str | None:
        """End the conversation at a new chapter, a scene break or a long stretch without lines;
        returns whom a line after a long aside in the same scene is still likely said to."""
        story, conv = self.story, self.conversation
        if previous is None:
            return None
        prev_para = self.index.paragraph(previous.start)
        between = story.paragraphs[prev_para + 1:p_index]
        if (story.paragraphs[p_index].chapter != story.paragraphs[prev_para].chapter
                or any(p.kind == "break" for p in between) or p_index - conv.last_paragraph > self.gap):
            conv.reset()
        elif q.start - previous.end > CONVERSATION_GAP_CHARS:
            last_heard = conv.last_speaker
            conv.reset()
            return last_heard
        return None

    def name_from_introduction(self, named: Mention, after: tuple[int, int], before: tuple[int, int]) -> None:
        """'"My name is Oswin Tarrant," said the stranger': the cue's description is ``named`` from now on."""
        for region, ahead in ((after, False), (before, True)):
            found = self.cues.cue(region, before=ahead) if region[0] < region[1] else None
            described = self.descriptions.description_of(found[0]) if found else None
            if described:
                self.descriptions.given.setdefault(described[0], named.character)
                return

    def by_cue(self, line: "Line"):
        """``(speaker, cue mention, kind, speech verb, whom the verb says it to)`` from a cue
        beside the line, or from a noun that says it ("was Sir Thomas's observation")."""
        q, previous, exclude, idx = line.q, line.previous, line.exclude, self.index
        before, after = line.before, line.after
        speaker = cue = kind = verb = to = None
        # '"A," said she, "B."': the second part shares the cue before it
        sides = ((before, True), (after, False))  # (region, whether it comes before the line)
        # a line is mostly introduced by the narration after it, unless the narration before ends in its cue
        led = line.same_paragraph or (line.para.start <= before[0] < before[1]
                                      and self.cues.introduces(before, q.start))
        for region, ahead in (sides if led else sides[::-1]):
            found = self.cues.cue(region, before=ahead) if region[0] < region[1] else None
            shared = self.last_cue is not None and ahead and region[0] <= idx.t.start[self.last_cue] < region[1]
            if found and line.same_paragraph and (found[1] == self.last_cue or shared) \
                    and previous.speaker not in exclude:
                speaker, kind, verb = previous.speaker, previous.kind, self.last_cue  # one cue, one speaker
                cue = Mention(*previous.cue, "PROP" if kind == "explicit" else "PRON") if previous.cue else None
                break
            if found:
                to = self.cues.addressee_of_verb(found[1], region)
                # "she explained to Nell": whoever "she" is, not Nell
                speaker, cue, kind = self.who(found[0], exclude | {to} if to else exclude, cue=True)
                if speaker is None:  # "she said" of someone unnamed yet: at least no man said it
                    exclude |= self.of_other_gender(found[0])
                if speaker:
                    verb = found[1]
                    break
            elif not ahead and not line.same_paragraph:  # '"…" was Sir Thomas's observation': before any cue before
                j = self.cues.spoken_noun(region) if region[0] < region[1] else None
                if j is not None:
                    speaker, cue, kind = self.who(j, exclude)
                    if speaker is not None:
                        break
        if speaker is None and after[0] < after[1]:
            j = self.cues.spoken_noun(after)
            if j is not None:
                speaker, cue, kind = self.who(j, exclude)
        if speaker is None and before[0] < before[1] and self.cues.ends_leading_in(before, q.start):
            j = self.cues.spoken_noun(before)  # "Mary's declaration was, "…""
            if j is not None:
                speaker, cue, kind = self.who(j, exclude)
        return speaker, cue, kind, verb, to

    def by_conversation(self, line: "Line") -> str | None:
        """The speaker of a line with no cue: who acts beside it, the same paragraph's speaker,
        the one just addressed or whose turn it is, else a guess."""
        q, previous, exclude, conv = line.q, line.previous, line.exclude, self.conversation
        speaker = self.acting(line.before, exclude, last=True)  # "She turned quickly to face him. "…""
        if speaker is None and line.same_paragraph and previous.speaker not in exclude:
            speaker = previous.speaker  # a paragraph holds one speaker's lines
        if speaker is None:
            speaker = self.acting(line.after, exclude)
        if speaker is None and not line.same_paragraph:
            answer = [c for c in conv.last_addressees if c != conv.last_speaker and c not in exclude]
            speaker = answer[0] if answer else conv.next_turn()
            if speaker in exclude:
                speaker = None
            elif speaker is not None:
                self.by_turns.add(q.id)
        if speaker is None:
            speaker = self.guess(q, exclude, line.same_paragraph)
            if speaker is not None:
                self.by_turns.add(q.id)
        return speaker

    def addressees_of(self, line: "Line", speaker: str | None, addressees: list[str],
                      last_heard: str | None) -> list[str]:
        """Whom the line is said to: those it names or its verb says (``addressees``), else the
        people the same speech went to, else the last speaker, else, for the first line of a
        talk, whoever the narration has just brought in."""
        q, previous, conv, story = line.q, line.previous, self.conversation, self.story
        if not addressees and line.same_paragraph and speaker == previous.speaker:
            # the same speech goes on to the same people, whoever says it (the speaker of '"Jasper,"
            # said the young lady, "come here."' may be no one named yet)
            addressees = list(previous.addressees)
        if speaker is not None and previous is not None and speaker == previous.speaker == conv.last_speaker:
            self.going_on.append((previous, q))
        if not addressees and (conv.last_speaker or last_heard) not in (None, speaker):
            addressees = [conv.last_speaker or last_heard]
        if not addressees and conv.last_speaker is None and last_heard is None and speaker is not None:
            # the first line of a talk: to whoever the narration has just brought in
            p_index = line.p_index
            before_it = story.paragraphs[p_index - 1] if p_index > 0 else None
            lowest = p_index - 1 if before_it is not None and before_it.kind == "text" and \
                before_it.chapter == line.para.chapter else p_index  # not across a scene break
            met = next((c for c in self.recent(q.start, lowest) if c != speaker), None)
            if met is None and self.index.narrator not in (None, speaker) and self.narrator_near(q.start, lowest):
                met = self.index.narrator  # "I" was there when someone else spoke first
            addressees = [met] if met is not None else []
        return addressees


def _speech_takes_its_cue(quotes: list[Quote], continued: set[int]) -> None:
    """One speech carried over several paragraphs (or lines, one sentence a line) with its cue
    only after a later part ('"Don't quarrel, girls. / Dear me! / How happy we'd be!" said
    Nell.'): the parts before the cue, which the conversation gave a speaker, are the cue's."""
    speech: list[Quote] = []
    for q in quotes:
        if speech and q.start in continued:
            speech.append(q)
        else:
            speech = [q]
        if q.kind in ("explicit", "anaphoric") and len(speech) > 1:
            for part in reversed(speech[:-1]):
                if part.kind != "implicit":
                    break
                part.speaker = q.speaker
                part.addressees = [a for a in part.addressees if a != q.speaker] or list(q.addressees)


@dataclass
class Line:
    """One quotation being attributed, with what its attribution reads around it."""
    q: Quote
    previous: Quote | None  # the line before it
    para: Paragraph
    p_index: int  # its paragraph's index
    before: tuple[int, int]  # the narration before it that may hold its cue
    after: tuple[int, int]  # and after it
    same_paragraph: bool  # the same speech as the line before: its paragraph, or carried on from it
    exclude: set[str]  # who cannot have said it: those it calls by name, and more as cues tell


@stage(requires=("quotes", "characters", "mentions"),
       assigns=("quotes.speaker", "quotes.addressees", "characters.described"))
def speakers(story: Story, settings) -> None:
    """Fill each quotation's ``speaker``, ``addressees``, ``kind`` and ``cue``."""
    attributor = Attributor(story, settings)
    previous = None
    for i, q in enumerate(story.quotes):
        attributor.attribute(i, previous)
        previous = q
    _speech_takes_its_cue(story.quotes, attributor.continued)
    if not attributor.line_per_sentence:  # there a paragraph is a sentence, not a speaker's turn
        count_turns_back(story, attributor.index, attributor.by_turns, attributor.continued)
    attributor.descriptions.settle_genders(attributor.labels)
    untold = {c.id: c for c in story.characters if c.gender is None and not c.is_narrator}
    for cid, (label, confidence) in address_genders(story, set(untold)).items():
        untold[cid].gender, untold[cid].gender_confidence = label, confidence
        del untold[cid]
    for cid, (label, confidence) in talked_of_genders(story, set(untold), attributor.labels).items():
        untold[cid].gender, untold[cid].gender_confidence = label, confidence
    # one speaker's next line in the same talk goes to the same people, when nothing says otherwise;
    # filled in after the turn-taking, which does not learn from it: the other is as likely to answer
    for before, q in attributor.going_on:
        if not q.addressees:
            q.addressees = [a for a in before.addressees if a != q.speaker]
    renamed = name_the_narrator(story, attributor.addressed)
    made = attributor.descriptions.created
    renamed = name_the_described(story, attributor.addressed, made + known_by_epithet(story, made)) or renamed
    renamed = name_the_introduced(story, attributor.addressed) or renamed
    if renamed or any(m.kind == "NOM" and m.character for m in story.mentions):
        recount(story)
