"""Speech cues: the narration beside a quotation, and who it says is speaking.

"said Anna", "Anna replied", "cried his wife", "was Lord Arthur's answer", a
cue ending the paragraph before ("Sir William thus began:"), an action beat
("She turned to face him."), and "said to X" for the addressee. Everything is
read off the tokens and the parse; ``Cues`` finds token positions and leaves
deciding who they refer to to the attribution.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..dialogue import QuotedText
from ..lexicon import words
from ..model import Mention, Story

SUBJECT = ("nsubj", "nsubjpass")
INTRODUCING = (",", ":", "—", "-", ";")  # a paragraph ending so leads into the next one's line
ADJACENT_TOKENS = 5  # '"…," said Mr. Harlow, …': a line's own cue comes right after it
CLOSING = " \t\n\"”’'»"  # what may follow the words of a line before its paragraph ends: space and closing marks
OPENING = " \t\n\"“‘'«"  # what may come before the words of a line that opens its paragraph: space and opening marks
ONGOING = frozenset({"begin", "continue", "resume", "go", "proceed", "pursue", "finish", "conclude", "put"})
TIME_CLAUSE = frozenset({"as", "when", "while", "before", "after", "till", "until", "though", "although",
                         "because", "since", "whilst"})  # words opening a clause that is no report
# verbs that only ever report words: "I laughed at that, and he frowned" opens a paragraph of its own,
# "I asked, with more sharpness than I meant" ends the line before
SAYING = frozenset({"say", "ask", "answer", "reply", "inquire", "enquire", "return", "rejoin", "remark", "observe",
                    "exclaim", "cry", "add", "repeat", "retort", "respond", "explain", "protest", "demand",
                    "whisper", "murmur", "mutter", "stammer", "interpose", "resume"})
VOICES = frozenset({"voice", "lip", "tongue", "mouth"})  # whose voice speaks is who speaks
EMERGING = frozenset({"burst", "come", "break", "escape", "issue", "fall"})  # words that "burst from" someone
NOT_FRONTED = ("pobj", "dobj", "dative", "poss", "compound", "attr", "appos", "conj")  # names no verb's subject


class Index:
    """Lookups from offsets to tokens, sentences, mentions and quotations."""

    def __init__(self, story: Story) -> None:
        self.story, self.t = story, story.tokens
        self.mentions = [m for m in story.mentions if m.kind == "PRON" or m.character is not None]
        self.mention_starts = [m.start for m in self.mentions]
        self.quoted = QuotedText(story)  # quoted(offset): inside a quotation?
        self.paragraph_starts = [p.start for p in story.paragraphs]
        self.sentence_starts = [s.start for s in story.sentences]
        self.gender = {c.id: c.gender for c in story.characters}
        self.narrator = next((c.id for c in story.characters if c.is_narrator), None)

    def paragraph(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def sentence(self, offset: int):
        i = bisect_right(self.sentence_starts, offset) - 1
        return self.story.sentences[max(i, 0)]

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

class Cues:
    def __init__(self, story: Story, index: Index, labels: dict[str, str]) -> None:
        self.story, self.index, self.labels = story, index, labels

    def regions(self, i: int, para, p_index: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """The narration sentence right after quotation ``i`` and the one right before it.

        A quotation opening its paragraph may be introduced at the end of the
        paragraph before ("Sir William thus began." / "Jane, taking out the
        letter, said,"), when that paragraph is narration only."""
        story, idx = self.story, self.index
        quotes, q = story.quotes, story.quotes[i]

        def until(end: int) -> int:  # where the narration after the line stops: the next line, or ``end``
            return quotes[i + 1].start - 1 if i + 1 < len(quotes) and quotes[i + 1].start < end else end

        nxt = until(para.end)
        prev = quotes[i - 1].end + 1 if i > 0 and quotes[i - 1].end > para.start else para.start
        after = (q.end + 1, nxt)
        if not story.text[after[0]:after[1]].strip(CLOSING) and p_index + 1 < len(story.paragraphs):
            # one sentence per line: "cried his wife impatiently ." continues on the next line
            following = story.paragraphs[p_index + 1]
            if following.kind == "text" and self.cue_line(following.start):
                nxt = until(following.end)
                after = (following.start, nxt)
        ks = idx.tokens(*after)
        if len(ks):
            first = ks[0]
            words_ = [k for k in ks if story.text[idx.t.start[k]] not in CLOSING]
            if words_ and story.text[idx.t.start[words_[0]]].islower():
                # '! ” she cried .': the parser ended the sentence at the mark; a lower-case word goes on with it
                first = words_[0]
            after = (after[0], min(nxt, max(idx.sentence(idx.t.start[first]).end, after[0] + 1)))
            if after[1] >= para.end and self.introduces_next(i, p_index) and not self.cue_adjacent(after):
                after = (after[0], after[0])  # "…" And gathering her work, she rose, when Jane called out,
        before = (prev, max(prev, q.start - 1))
        ks = idx.tokens(*before)
        if not story.text[before[0]:before[1]].strip(OPENING) and not self.cue_of_line_before(i, p_index):
            ks = ks[:0]  # only the line's opening mark, set apart from it ('“ Hang the boy'): no narration
        if len(ks):
            before = (min(idx.sentence(idx.t.start[ks[-1]]).start, before[1]), before[1])
            before = (max(before[0], prev), before[1])
        elif p_index > 0 and (i == 0 or quotes[i - 1].end < para.start):
            before = self.introduction(i, p_index) or before
        return after, before

    def cue_of_line_before(self, i: int, p_index: int) -> bool:
        """Whether the paragraph before quotation ``i`` is the cue of the line before it, put on a
        line of its own by a layout of a sentence a line ("I asked , with more sharpness …")."""
        story = self.story
        if i == 0 or p_index < 2 or self.index.paragraph(story.quotes[i - 1].end - 1) != p_index - 2:
            return False
        return self.cue_line(story.paragraphs[p_index - 1].start)

    def cue_line(self, start: int) -> bool:
        """Whether the line from ``start`` goes on with the cue of the line before, which a sentence
        a line has put on a line of its own: it opens in lower case ("cried his wife ."), or with
        "I said", "I asked", capital and all."""
        if self.story.text[start:start + 1].islower():
            return True
        ks = self.index.tokens(start, start + 40)
        return len(ks) > 1 and self.story.text[start:start + 2] == "I " and self.speech_verb(ks[1]) \
            and self.index.t.lemma[ks[1]].lower() in SAYING

    def introduces_next(self, i: int, p_index: int) -> bool:
        """Whether paragraph ``p_index`` ends in "," or ":" right before a paragraph opening with a line."""
        story = self.story
        if p_index + 1 >= len(story.paragraphs) or i + 1 >= len(story.quotes):
            return False
        following = story.paragraphs[p_index + 1]
        ends = story.text[story.paragraphs[p_index].start:story.paragraphs[p_index].end].rstrip()[-1:]
        return ends in INTRODUCING and story.quotes[i + 1].start <= following.start + 1

    def cue_adjacent(self, region: tuple[int, int], last: bool = False) -> bool:
        """Whether a speech verb comes within the first (or ``last``) few words of ``region``
        ("said he, and …", "… began wrapping itself up, remarking,")."""
        ks = self.index.tokens(*region)
        return any(self.speech_verb(k) for k in (ks[-ADJACENT_TOKENS:] if last else ks[:ADJACENT_TOKENS]))

    def speech_verb(self, k: int) -> bool:
        t = self.index.t
        return t.pos[k] in ("VERB", "AUX") and t.lemma[k].lower() in words("speech_verbs")

    def introduces(self, region: tuple[int, int], line_start: int) -> bool:
        """Whether the narration ``region`` before a line ends in its cue: '… remarking, "'."""
        return self.ends_leading_in(region, line_start) and self.cue_adjacent(region, last=True)

    def ends_leading_in(self, region: tuple[int, int], line_start: int) -> bool:
        """Whether the narration before a line ends in "," or ":", leading into it."""
        return self.story.text[region[0]:line_start].rstrip("\"'“‘ \n")[-1:] in (",", ":")

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
        if start == last.start or ends in INTRODUCING:
            return sentence_start, last.end
        return None

    def cue(self, region: tuple[int, int], before: bool = False):
        """``(subject token, verb token)`` of a speech verb in ``region``: the first, or, in the
        narration ``before`` a quotation, the last ("he was still arguing the point when Tom
        came in, calling out, "…"": Tom's "calling", nearest the line)."""
        ks = self.index.tokens(*region)
        for k in (reversed(ks) if before else ks):
            if self.speech_verb(k) and not self.reported(k) and not self.doing(k):
                subject = self.subject_of(k, region)
                if subject is not None:
                    return subject, k
        return None

    def doing(self, k: int) -> bool:
        """"began pacing the study", "went on reading": a verb of going on that goes on with a deed;
        "went to her room": going, not going on."""
        t, text = self.index.t, self.story.text
        if t.lemma[k].lower() == "go" and not any(t.head[j] == k and text[t.start[j]:t.end[j]].lower() == "on"
                                                  for j in range(k + 1, min(len(t), k + 3))):
            return True
        if t.lemma[k].lower() not in ONGOING:
            return False
        return any(t.head[j] == k and t.dep[j] == "xcomp" and t.pos[j] == "VERB" and not self.index.quoted(t.start[j])
                   for j in range(k + 1, min(len(t), k + 6)))

    def reported(self, k: int) -> bool:
        """"Elizabeth replied that she was.": speech told, not quoted; no cue for a quotation."""
        t, text = self.index.t, self.story.text
        for j in range(max(0, k - 15), min(len(t), k + 15)):
            # "said Hatch, shaking his hand", "said Nora, as soon as he was gone" parsed as
            # what was said: no report
            if t.head[j] == k and j > k and t.dep[j] == "ccomp" and t.tag[j] != "VBG" \
                    and not self.index.quoted(t.start[j]) \
                    and not any(text[t.start[i]:t.end[i]].lower() in TIME_CLAUSE for i in range(k + 1, j)) \
                    and not self.set_off(k, j):
                return True
        return False

    def set_off(self, k: int, j: int) -> bool:
        """Whether a comma stands between verb ``k`` and the clause ``j`` the parser hung on it:
        "he gasped, his voice breaking" is an aside, where "he gasped that …" reports."""
        t, text = self.index.t, self.story.text
        first = min([i for i in range(k + 1, j + 1) if t.head[i] == j] + [j])  # where clause j begins
        return any(text[t.start[i]:t.end[i]] == "," for i in range(k + 1, first))

    def subject_of(self, k: int, region: tuple[int, int]) -> int | None:
        """The speaker in "Anna said", in the inverted "said Anna" / "cried his wife" (which the
        parser often reads as an object), or of the verb this one continues ("Denzil made no
        comment, but said:", "Elizabeth hastened to explain")."""
        t = self.index.t
        seen, verb = set(), k
        while k not in seen:
            seen.add(k)
            near = self.index.tokens(max(region[0], t.start[k] - 250), min(region[1], t.end[k] + 80))
            doer = self.doer(k, near)
            if doer is not None:
                return doer
            for j in near:
                if t.head[j] == k and t.dep[j] in SUBJECT:
                    if t.tag[j] in ("WP", "WDT") and t.dep[k] == "relcl" and t.start[t.head[k]] >= region[0]:
                        return t.head[k]  # "Mr. Pryor, who … then remarked:": the one "who" is
                    return self.speaker_in(j, k, near)
            if t.dep[k] in ("dep", "acl") and t.pos[t.head[k]] == "PROPN" and t.start[t.head[k]] >= region[0]:
                return t.head[k]  # "and Jasper, at a quiet moment, then added" hung on "Jasper"
            if t.dep[k] == "pcomp":  # "took the first opportunity of saying": the verb taking it
                up = t.head[k]
                while t.pos[up] not in ("VERB", "AUX") and t.head[up] != up and k - up < 12:
                    up = t.head[up]
                if t.pos[up] in ("VERB", "AUX") and t.start[up] >= region[0] and up not in seen:
                    k = up
                    continue
            # "… and said", "began to say", and "presented the thimble, saying": the verb continued
            if (t.dep[k] in ("conj", "xcomp") or (t.dep[k] == "advcl" and t.tag[k] == "VBG")) \
                    and t.head[k] != k and t.start[t.head[k]] >= region[0]:
                k = t.head[k]
                continue
            # "Frederick looked up and, after a silence, said:" parsed with "looked" under "said"
            earlier = [j for j in self.index.tokens(max(region[0], t.start[k] - 250), t.start[k])
                       if t.head[j] == k and t.dep[j] in ("ccomp", "conj", "advcl")]
            if earlier and earlier[0] not in seen:
                k = earlier[0]
                continue
            break
        if k != verb:  # the verb continued has no subject: the name fronting its clause, else after it
            fronted = self.fronted(k, region)
            return fronted if fronted is not None else self.inverted(k, region)
        inverted = self.inverted(k, region)
        return inverted if inverted is not None else self.fronted(k, region)  # "Edmund, to whom …, replied,"

    def doer(self, k: int, near: range) -> int | None:
        """Who does verb ``k`` when it has no plain subject: the agent of a passive ("when thus
        accosted by Miss Farrow"), the possessor of a gerund ("by Mrs Pruett's suddenly saying")."""
        t = self.index.t
        agent = next((o for j in near if t.head[j] == k and t.dep[j] == "agent"
                      for o in near if t.head[o] == j and t.dep[o] == "pobj"), None)
        if agent is not None or t.tag[k] != "VBG":
            return agent
        return next((j for j in near if t.head[j] == k and t.dep[j] == "poss"), None)

    def speaker_in(self, j: int, k: int, near: range) -> int:
        """The speaker in subject ``j`` of speech verb ``k``, past the parser's slips: "replied
        Elizabeth smiling" read as "[Elizabeth smiling] replied", "the March Hare meekly replied"
        as "[Hare meekly] replied"; and whose voice speaks ("his voice said", "Tolley, whose
        clear voice said")."""
        t = self.index.t
        if t.pos[j] == "VERB":
            named = [o for o in near if t.head[o] == j and t.pos[o] in ("PROPN", "NOUN", "PRON")
                     and t.dep[o] in ("compound", "nsubj") and o < j]
            if named:
                return named[-1]
        if t.lemma[j].lower() in VOICES:
            owner = next((o for o in near if t.head[o] == j and t.dep[o] == "poss"), None)
            if owner is not None:
                return t.head[k] if t.tag[owner] == "WP$" and t.dep[k] == "relcl" else owner
        if t.pos[j] != "PROPN" and t.tag[j] != "PRP":
            named = [o for o in near if t.head[o] == j and t.pos[o] == "PROPN" and t.dep[o] == "compound" and o < j]
            if named and j - named[-1] == 1 and self.story.text[t.start[j]].islower():
                return named[-1]
        return j

    def inverted(self, k: int, region: tuple[int, int]) -> int | None:
        """The speaker after the verb: "said the old man", "cried his wife", "broke in Lord Arthur"."""
        t = self.index.t
        j = k + 1
        while j < len(t) and t.start[j] < region[1] and (t.pos[j] in ("DET", "ADJ", "ADP") or t.tag[j] == "PRP$"):
            j += 1
        if j < len(t) and t.start[j] < region[1] and t.pos[j] in ("PROPN", "PRON", "NOUN"):
            while j + 1 < len(t) and t.pos[j + 1] == "PROPN" and t.start[j + 1] < region[1]:
                j += 1  # "said Mr. Harlow": the name's last word
            return j
        return None

    def fronted(self, k: int, region: tuple[int, int]) -> int | None:
        """The name heading the clause of verb ``k`` when the parser left it without a subject:
        "Nell, feeling it due to her pride, returned to Mr. Cardew, and said,"."""
        t, text = self.index.t, self.story.text
        start = max(region[0], self.index.sentence(t.start[k]).start)
        for j in reversed(self.index.tokens(start, t.start[k])):
            if t.pos[j] == "PROPN" and t.dep[j] not in NOT_FRONTED and not self.index.quoted(t.start[j]) \
                    and j + 1 < len(t) and text[t.start[j + 1]:t.end[j + 1]] == ",":
                return j
            if t.pos[j] == "PRON" and t.dep[j] in SUBJECT and text[t.start[j]:t.end[j]].lower() not in ("who", "that"):
                return None  # a subject of its own clause: not this verb's
        return None

    def spoken_noun(self, region: tuple[int, int]) -> int | None:
        """"was Lord Arthur's answer", "was the view of Mr. Crook": the possessor of a speech noun;
        "were the words that broke from Captain Hythe", "came from Sir Hugh's lips":
        whom the words come from."""
        t, text = self.index.t, self.story.text
        nouns = words("speech_nouns")
        for k in self.index.tokens(*region):
            if t.lemma[k].lower() in EMERGING and t.pos[k] == "VERB":
                source = self.source_of(k, region)
                if source is not None:
                    return source
            if t.pos[k] == "NOUN" and t.lemma[k].lower() in nouns:
                for j in self.index.tokens(max(region[0], t.start[k] - 60), min(region[1], t.end[k] + 60)):
                    if t.head[j] == k and t.dep[j] == "poss":
                        return j
                    if t.head[j] == k and text[t.start[j]:t.end[j]] == "of":
                        for o in self.index.tokens(t.end[j], min(region[1], t.end[j] + 60)):
                            if t.head[o] == j and t.dep[o] == "pobj":
                                return o
        return None

    def source_of(self, k: int, region: tuple[int, int]) -> int | None:
        """X in "burst from X", "came from X's lips"."""
        t, text = self.index.t, self.story.text
        ks = self.index.tokens(max(region[0], t.start[k]), min(region[1], t.end[k] + 60))
        for j in ks:
            if t.head[j] == k and text[t.start[j]:t.end[j]].lower() == "from":
                o = next((o for o in ks if t.head[o] == j and t.dep[o] == "pobj"), None)
                if o is not None and t.lemma[o].lower() in VOICES:
                    o = next((p for p in ks if t.head[p] == o and t.dep[p] == "poss"), None)
                return o if o is not None and t.pos[o] in ("PROPN", "NOUN", "PRON") else None
        return None

    def actor(self, region: tuple[int, int], last: bool = False) -> int | None:
        """The first (or ``last``) subject in ``region`` that refers to a person: an action beat.
        A passive one is acted upon, not acting ("Tom was handed a cup"), and is left out."""
        t, text = self.index.t, self.story.text
        ks = self.index.tokens(*region)
        for j in (reversed(ks) if last else ks):
            if t.dep[j] in SUBJECT and t.dep[j] != "nsubjpass" and (self.index.mention_at(t.start[j], t.end[j]) is not None
                                        or text[t.start[j]:t.end[j]].lower() in self.labels):
                return j
        return None

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

