"""Quotations: every line of dialogue, found the way a reader finds it.

The quotation style is chosen per work from the evidence (double marks,
single marks, or a dash opening the paragraph). Each mark is read as opening
or closing from what stands beside it, and marks pair up like brackets, so a
quotation nested inside a quotation stays part of it. A quotation left open
runs to the end of its paragraph (speech continued in the next paragraph
opens again), unless the next mark, within thirty paragraphs, closes it: text
laid out one sentence per line carries a speech over several lines, and there
a line opening with a mark a few lines on opens the speech's next paragraph, so
the unmarked lines before it are still the speech. A closing mark with no
opening starts its quotation at the beginning of the sentence it closes, and a
mark that either opens or closes closes where nothing follows it in its
paragraph. Short quoted words embedded in narration (a "blip", a title) are not
dialogue.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..lexicon import words
from ..lines import split_into_sentences
from ..model import Quote, Story
from . import stage

OPEN, CLOSE, EITHER = 1, 2, 3
DOUBLE = {'"': EITHER, "“": OPEN, "”": CLOSE, "„": OPEN, "«": OPEN, "»": CLOSE}
SINGLE = {"'": EITHER, "‘": OPEN, "’": EITHER}
DASHES = ("—", "―", "–")
DASH = r"(?:[—―–]|--(?!-))"  # or two hyphens, as Project Gutenberg writes a dash
DASH_OPENS = re.compile(DASH)  # at a paragraph's start
COLON_DASH = re.compile(r":\s*" + DASH)
COLON_DASH_SPEECH = re.compile(r":\s*" + DASH + r"\s*[A-Z]")  # not "as follows:--" before a letter
INNER_DASH = re.compile(r"\s" + DASH + r"\s?")
MIN_WEAK_DASHES = 5  # paragraphs opening with "--" or holding a colon and a dash that make a dash style
OPENING_MARKS = "\"“„«'‘"  # what a paragraph carrying on a speech may open with
CONTRACTION = re.compile(r"(?:ve|ll|re|s|d|m|t|em|tis|twas)\b", re.IGNORECASE)
BEFORE_OPEN = set(" \t\n([{—–-")
END_PUNCT = set(".,!?;:…—–-")
MAX_SCARE_WORDS = 4
# words after which a short quotation is speech, not a quoted word: she said "yes" and left
# lines (sentences) a speech's paragraph may run to, in a text laid out a sentence a line, before a
# line opening with a mark opens its next paragraph
SPEECH_LINES = 8
SPEECH_BEFORE = {"said", "says", "cried", "then", "and", "but", "out", "aloud", "herself", "himself", "themselves",
                 "myself", "yourself", "me", "him", "her", "them", "us"}


def quote_style(story: Story) -> str:
    """"double", "single" or "dash": whichever the work uses most for dialogue."""
    text = story.text
    doubles = sum(text.count(ch) for ch in DOUBLE) / 2
    singles = text.count("‘") + len(re.findall(r"(?:^|(?<=\s))'(?=[A-Z])", text))
    # tokenised text sets its marks apart ("' No good ... '"): there both marks of a line stand so
    singles += len(re.findall(r"(?:^|(?<=\s))'(?=[ \t][A-Z])", text)) / 2
    paragraphs = [p for p in story.paragraphs if p.kind == "text"]
    dashes = sum(1 for p in paragraphs if text.startswith(DASHES, p.start))
    # a paragraph opening with "--", or speech after a colon and a dash, says less: Gutenberg
    # writes every dash "--", and a text split a sentence a line opens lines with them
    weak = sum(1 for p in paragraphs
               if text.startswith("--", p.start) or COLON_DASH_SPEECH.search(text, p.start, p.end))
    dashes += weak if weak >= MIN_WEAK_DASHES else 0
    best = max(("double", doubles), ("single", singles), ("dash", dashes), key=lambda kv: kv[1])
    return best[0] if best[1] > 0 else "double"


def _role(text: str, i: int, marks: dict[str, int], lo: int, hi: int) -> int:
    """OPEN, CLOSE or EITHER, read from the characters beside the mark at ``i``; 0 for an apostrophe."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    single = ch in "'’"
    if single and prev.isalnum() and nxt.isalnum():
        return 0  # don't, o'clock
    if single and CONTRACTION.match(text, i + 1, hi):
        return 0  # tokenised text: "I ’ve", "do n’t", "it ’s"
    declared = marks[ch]
    if declared != EITHER:
        return declared
    if prev.isspace() and nxt.isspace() and text[max(lo, i - 4):i].rstrip().endswith(":"):
        return OPEN  # tokenised 'she said : " Must you leave ?'
    opens = prev in BEFORE_OPEN and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or nxt in END_PUNCT or nxt in ")]}")
    if single and closes and prev not in END_PUNCT:
        return 0  # the girls' books: speech closes after its punctuation ('Go,' she said)
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return EITHER


def _spans_in_paragraph(text: str, lo: int, hi: int, marks: dict[str, int], sentence_start,
                        carried: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Outermost quotations inside ``text[lo:hi]``, as (start, end) of the words inside the marks,
    and whether a quotation is still open at the end. ``carried``: a quotation left open in the
    paragraph before goes on here (text laid out one sentence per line)."""
    spans: list[tuple[int, int]] = []
    stack: list[int] = [lo - 1] if carried else []
    for i in range(lo, hi):
        ch = text[i]
        if ch not in marks:
            continue
        role = _role(text, i, marks, lo, hi)
        if role == 0:
            continue
        if role == EITHER:
            # a mark with nothing after it in its paragraph closes, whatever the count before
            role = CLOSE if stack or not text[i + 1:hi].strip() else OPEN
        if role == OPEN:
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                spans.append((start + 1, i))
        else:
            # a closing mark with no opening: the quotation began with the sentence it ends
            begin = max(sentence_start(i), spans[-1][1] + 1 if spans else lo)
            spans.append((begin, i))
    if stack:
        spans.append((stack[0] + 1, hi))
    return [(s, e) for s, e in spans if text[s:e].strip()], bool(stack)


def _continues(text: str, paragraphs, n: int, marks: dict[str, int], lookahead: int = 30,
               sentence_lines: bool = False) -> bool:
    """Whether a quotation left open before paragraph ``n`` goes on into it: the next quotation
    mark, here or in the next few paragraphs, closes rather than opens. A quotation opened and
    closed inside a paragraph, after words of its own, is quoted within the speech ("she was
    glad to say 'good night,' and go ...") and is passed over. In a text laid out a sentence a
    line (``sentence_lines``), a line opening with a mark a few lines on opens the speech's next
    paragraph: the lines before it, marked or not, are the rest of this one."""
    for k, p in enumerate(paragraphs[n:n + lookahead]):
        reopens = sentence_lines and 0 < k <= SPEECH_LINES  # a mark opening this line ends the paragraph before
        nested, seen = 0, False
        for i in range(p.start, p.end):
            if text[i] not in marks:
                continue
            role = _role(text, i, marks, p.start, p.end)
            if not role:
                continue
            first, seen = not seen, True
            if nested:
                nested += 1 if role == OPEN else -1
                continue
            if role == EITHER:
                if _opens_paragraph(text, p.start, i):
                    return reopens  # tokenised '" I know how tired you are ...': a speech opening, or opening again
                if first:
                    # a mark with space on both sides (tokenised text: 'care . "'): an odd number of
                    # marks in the paragraph means one of them closes what was carried in, the first
                    return _mark_count(text, p.start, p.end, marks) % 2 == 1
                return True
            if role == CLOSE:
                return True
            if not text[p.start:i].strip(OPENING_MARKS + " "):
                return reopens  # a paragraph opening with a quotation
            nested = 1
        if nested:
            return False  # opened and not closed here: a speech of its own, not one quoted within
    return False


def _opens_paragraph(text: str, start: int, i: int) -> bool:
    """Whether the mark at ``i`` begins its paragraph and a capitalised word follows it."""
    return not text[start:i].strip() and text[i + 1:i + 3].lstrip()[:1].isupper()


def _mark_count(text: str, lo: int, hi: int, marks: dict[str, int]) -> int:
    return sum(1 for i in range(lo, hi) if text[i] in marks and _role(text, i, marks, lo, hi))


def _dash_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Dash dialogue: "— Yes, — he said, — I know." alternates speech and narration. Speech
    opens a paragraph with its dash, or follows a colon ("His aunt said: — Peter will say sorry.");
    a Gutenberg text writes the dash as "--"."""
    opening = DASH_OPENS.match(text, lo, hi) or COLON_DASH.search(text, lo, hi)
    if opening is None:
        return []
    spans, pos, speech = [], opening.end(), True
    for m in INNER_DASH.finditer(text, pos, hi):
        if speech:
            spans.append((pos, m.start()))
        pos, speech = m.end(), not speech
    if speech:
        spans.append((pos, hi))
    return [(s, e) for s, e in spans if text[s:e].strip()]


CUE_SUBJECT = ("PRON", "PROPN")  # "he said", "Denzil said", "said Denzil Pryor"
CUE_WORDS = 4  # tokens a cue's subject may take
CLAUSE_ENDS = {",", ".", ";", ":", "!", "?"}


def _without_cues(story: Story, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Dash speech with its cue written in, between commas ("— Look at the sea, Denzil said, it
    is the colour of slate.") or after it ("— Yes, said Calder quietly."): the speech around the cue."""
    t, text = story.tokens, story.text
    out = []
    for s, e in spans:
        lo, hi = bisect_right(t.start, s - 1), bisect_right(t.start, e - 1)
        pos = s
        k = lo
        while k < hi:
            cue = _inline_cue(story, k, lo, hi)
            if cue is None:
                k += 1
                continue
            before, after = cue
            out.append((pos, t.end[before]))  # up to the comma before the cue
            if after < hi and text[t.start[after]:t.end[after]] == ",":
                pos, k = t.end[after], after + 1  # the speech goes on after the cue
            else:
                pos, k = e, hi  # the cue ends the sentence: narration from here
        out.append((pos, e))
    return [(a, b) for a, b in out if text[a:b].strip(" ,.;:!?—–-")]


def _inline_cue(story: Story, k: int, lo: int, hi: int) -> tuple[int, int] | None:
    """``(the punctuation before, the punctuation after)`` when token ``k`` is a speech verb
    cueing the speech it stands in: after a comma, "!" or "?", with its subject before it ("he
    said") or after it ("said he"), up to the next punctuation."""
    t, text = story.tokens, story.text
    if t.lemma[k].lower() not in words("speech_verbs") or t.tag[k] not in ("VBD", "VBZ"):
        return None
    left = k - 1
    while left >= lo and k - left <= CUE_WORDS and t.pos[left] in CUE_SUBJECT:
        left -= 1
    subject_before = left < k - 1
    if left < lo or text[t.start[left]:t.end[left]] not in (",", "!", "?"):
        return None
    right = k + 1
    if not subject_before:  # "said Denzil Pryor"
        while right < hi and right - k <= CUE_WORDS and t.pos[right] in CUE_SUBJECT:
            right += 1
        if right == k + 1:
            return None
    while right < hi and text[t.start[right]:t.end[right]] not in CLAUSE_ENDS:
        right += 1  # "Calder said with a long look at the gulls ."
    return left, right


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def is_scare_quote(text: str, s: int, e: int, paragraph_start: int) -> bool:
    """A word or title in quotation marks inside narration: a "blip", "The Times", no "haggler,"
    and so on. Dialogue opens a paragraph or follows punctuation or a speech verb; these follow a
    plain word and run on into the sentence."""
    inner = text[s:e].strip()
    if not inner or s - 1 <= paragraph_start or len(inner.split()) > MAX_SCARE_WORDS:
        return False
    after = text[e + 1:e + 3].lstrip()
    runs_on = not after or after[0].islower() or after[0] in ",;:)"
    if not runs_on:
        return False
    if inner[-1] not in END_PUNCT:
        return True
    if inner[-1] in "!?…—–-":
        return False  # "Mercy! Mercy!", a sulky "Good night, father!": said aloud
    before = text[max(paragraph_start, s - 30):s - 1].rstrip().split()
    word = before[-1].lower() if before else ""
    return bool(word) and word[-1].isalpha() and not _speechlike(word)


def _speechlike(word: str) -> bool:
    """"said", "saying", "out" (called out), "herself" (said to herself): speech comes next."""
    if word in SPEECH_BEFORE:
        return True
    verbs = words("speech_verbs")
    stems = (word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e", word[:-3] + "y")
    return any(stem in verbs for stem in stems if stem)


@stage(requires=("paragraphs", "sentences"), assigns=("quotes",))
def quotes(story: Story, settings) -> None:
    """Fill ``story.quotes`` with every line of dialogue, in text order, unattributed."""
    text = story.text
    style = quote_style(story)
    marks = DOUBLE if style == "double" else SINGLE
    sentence_starts = [s.start for s in story.sentences]

    def sentence_start(offset: int) -> int:
        i = bisect_right(sentence_starts, offset) - 1
        return sentence_starts[i] if i >= 0 else 0

    found: list[tuple[int, int]] = []
    continued: set[int] = set()  # starts of quotations carried on from the paragraph before
    paragraphs = [p for p in story.paragraphs if p.kind == "text"]
    sentence_lines = split_into_sentences(story)
    open_before = False
    for n, p in enumerate(paragraphs):
        if style == "dash":
            spans = _without_cues(story, _dash_spans(text, p.start, p.end))
        else:
            left_open = open_before
            carried = open_before and _continues(text, paragraphs, n, marks, sentence_lines=sentence_lines)
            spans, open_before = _spans_in_paragraph(text, p.start, p.end, marks, sentence_start, carried)
            spans = [sp for sp in spans if not is_scare_quote(text, *sp, p.start)]
            # carried on: a speech left open at the end of the paragraph before, going on here with
            # no mark (one sentence per line) or with the fresh opening mark each paragraph of a
            # long speech gets
            if left_open and spans and not text[p.start:spans[0][0]].strip(OPENING_MARKS + " "):
                continued.add(_trim(text, *spans[0])[0])
        found.extend(_trim(text, s, e) for s, e in spans)
    story.quotes = [Quote(id=f"q{i}", start=s, end=e) for i, (s, e) in enumerate(found, start=1) if e > s]
    story.notes["quote_style"] = style
    story.notes["continued_quotes"] = continued
