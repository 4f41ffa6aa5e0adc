"""Coreference: which character each pronoun and description refers to.

Rules that hold in fiction, in one pass over the text, linear in its length:

- In narration, a third-person pronoun refers to one of the characters of
  its gender referred to in the last twelve sentences, never to the subject
  of its own clause when it is that verb's object ("Anna saw her"); a ranker
  learnt from LitBank picks which (``coref_ranker``). The link is sure where
  the hand-written rules of ``_pick`` agree and call it sure: the subject of
  its sentence or the one before when that is of its gender ("Anna came in.
  She sat down."), a main clause's before one inside it ("Hugh found Kit
  burying his face. He …"), else the only character of its gender in the last
  three sentences. Other links are guesses, listed in ``notes["coref_guesses"]``
  so that speaker attribution can weigh the conversation instead. With no one of
  its gender in the window, the one of it referred to most in the last thirty
  sentences is a guess. A character whose gender the cast could not tell is,
  to the pronouns after, what the last pronoun linked to them was ("he"), and
  takes it for good from three or more pronouns linked to them that agree.
  A pronoun left unlinked starts someone not named yet ("He watched her ..."):
  the pronouns that continue it by those same sure rules are theirs, so the first
  name to come along ("Pennock had sent her") does not take them. That someone is
  a character of their own, named as someone a description brought in is
  (``introduced``: "Why, Jasper!" said to them), and dropped, their pronouns
  unlinked, if never named; speaker attribution reads their pronouns as unlinked.
- A description given to a named character in apposition or with "was" ("Mr.
  Crook, the ferryman"; "Tom was the youngest") refers to them (``descriptions``); a definite
  description of a gendered person ("the girl") refers to the latest
  character of that gender in the sentence or the one before; failing that, the latest
  one of that gender in the window, as a guess no pronoun takes for its antecedent ("the
  boy" is never one a name calls Mr. or Mrs.; "the mother" is someone's, and left alone).
  "That boy", "this woman" are linked the same way, always as guesses.
- "replied his wife", "said the old gentleman": a description a line's cue names its
  speaker by is that speaker, once the speakers are known.
- "Soon a small boy came running down the lane": someone new, who takes the
  pronouns that follow and "the (little) boy" while about, until the speakers
  stage names them or leaves them unnamed (``introduced``).
- "the doctor", "the Colonel": the one character whose name carries that title.
- "her father", "his wife", "Nora's mother": the one relative of that kind
  by surname in the cast (``kinship``); with none, a mother, father, wife or
  husband is one character for each person, named later if at all (``introduced``).
  "His companion", "her friend", "his hostess": the latest other one about, as a guess.
  Where "her" was a guess and only one woman about has such a relative, "her" is
  her. A relative the text names ("her sister Nell", "said her sister" of a known
  speaker) is that relative wherever else it is told of the same person (``relatives``).
- Inside dialogue (after the speakers are known, ``dialogue_coref``): "I" is the speaker, "you"
  the addressee when there is one, and so is a form of address ("Yes, sir",
  "my dear"); "he"/"she" the latest character of that gender, or where that is the
  speaker or the one spoken to, one the talk has named lately ("Has Mr. Cardew come?"
  … "He came on Monday").
- In first-person narration that calls someone by name ("Dear Nell: Your
  letter is here"; "There, Clara, the fog never lifts"), "you"
  outside quotations is them until the chapter ends or someone else is called.
- Plural pronouns ("they") are left unlinked rather than guessed, and so is
  a description with no one of its gender in the sentence or the one before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from ..dialogue import QuotedText
from ..lexicon import labelled
from ..model import Mention, Story
from ..names import TITLE_WORDS
from . import stage
from .cues import SUBJECT
from .gender import pronoun_labels, settled
from .coref_ranker import Entry, Pronoun, candidates, load_ranker
from .descriptions import (ORDINALS, RANKS, descriptions, mention_bare_titles, mention_descriptions, predicated_of,
                           titles_of)
from .introduced import gender_of_description, introduce, introduces, relative, someone
from .kinship import COMPANIONS, KIN, KIN_TITLES, Families, elders, kin_word
from .narrator import FIRST_PERSON, called_out

SECOND = {"you", "your", "yours", "yourself", "thee", "thou", "thy", "thine", "thyself"}
OBJECTS = ("dobj", "pobj", "dative", "iobj")
SURE_SENTENCES = 3  # the only one of a gender this close is the one meant
FAR_SENTENCES = 30  # with no one of a gender in the window, the only one this far back
# how first-person narration calls someone by name: (marks before, words before, marks after)
NARRATION_CALLED = ((",", "—"), ("dear", "dearest", "o"), (",", ":", "!", "—"))
WINDOW_SENTENCES = 8  # a pronoun looks this many sentences back in narration (chosen on LitBank's training files)


UNNAMED = "?"  # the id prefix of someone the narration refers to only by pronouns so far
# gendered nouns of the young: "the boy" is no one a name calls Mr. or Mrs. (a son or daughter is kin,
# left to the kin rules)
YOUNG = frozenset({"boy", "lad", "girl", "lass"})


def head_token(story: Story, m: Mention) -> int:
    """The head token of a mention: its last token."""
    return bisect_right(story.tokens.start, m.end - 1) - 1


@stage(requires=("mentions", "characters", "quotes"), assigns=("mentions.narration", "characters.introduced"))
def coref(story: Story, settings) -> None:
    """Link pronouns and descriptions in narration to characters."""
    link_narration(story, settings, load_ranker())


def link_narration(story: Story, settings, ranker=None) -> None:
    """The coreference stage's work, with the ranker that picks a pronoun's character among the
    candidates (``None``: the hand-written rules of ``_pick``)."""
    t, text = story.tokens, story.text
    paragraph_starts = [p.start for p in story.paragraphs]
    labels = pronoun_labels(settings.pronoun_sets)
    gender: dict[str, str | None] = {c.id: c.gender for c in story.characters}
    nouns = labelled("gendered_nouns")
    given = descriptions(story)
    titles = titles_of(story.characters)
    mention_descriptions(story, given)
    mention_bare_titles(story, titles)
    quoted = QuotedText(story)
    families = Families(story.characters)

    named_once = _named_once(story, paragraph_starts)
    recent: list[Entry] = []  # characters referred to in narration, latest last
    guesses: set[int] = set()  # starts of links made on recency alone
    story.notes["coref_guesses"] = guesses
    # starts of descriptions linked as guesses ("the boy": the latest man about): no one's antecedent
    guessed_descriptions: set[int] = story.notes.setdefault("description_guesses", set())
    chains: dict[str, str] = {}  # an unnamed someone the pronouns refer to -> the character made for them
    # starts of those pronouns: speaker attribution reads them as unlinked, as they may be no one
    chained: set[int] = story.notes.setdefault("pronoun_chains", set())
    kin_links: set[int] = set()  # starts of kin descriptions linked by surname ("his wife")
    story.notes["kin_links"] = kin_links
    character_at: dict[int, str] = {}  # head token -> character, as links are made
    before: Mention | None = None  # the mention looked at last: a possessor ("her" in "her father")
    introduced_by: dict[str, str] = {}  # noun -> the character its latest indefinite description brought in
    grown = elders(story.characters)
    relatives: dict[tuple[str, str], str] = {}  # (whose, which kin) -> the character "her mother" is
    kin_made: set[str] = story.notes.setdefault("relatives", set())  # the same characters: no one's antecedent
    # a first-person narrator is "I" in narration, never "he" or "she": no antecedent either, even where
    # a line the quotations missed calls them by name
    narrators = {c.id for c in story.characters if c.is_narrator}
    last_seen: dict[str, int] = {}  # character -> the sentence it was last referred to in
    for m in story.mentions:
        if quoted(m.start):
            continue
        possessor, before = before, m
        unnamed = None  # the someone not yet named that an unlinked pronoun refers to
        k = head_token(story, m)
        if k < 0:
            continue
        s_index = t.sentence[k]
        paragraph = bisect_right(paragraph_starts, m.start) - 1
        subject = t.dep[k] in SUBJECT
        word = text[m.start:m.end].lower()
        if m.kind == "PRON" and m.character is None:
            label = labels.get(word)
            if label is None:
                continue  # "they", "we", "it": left unlinked
            reflexive = word.endswith("self")
            clause_subject = _clause_subject(story, k, character_at) if t.dep[k] in OBJECTS else None
            about = [e for e in recent if e.character not in named_once or paragraph <= named_once[e.character] + 1] \
                if named_once else recent
            # the rules say which links are sure (subject continuity, the only one of the gender
            # near); the ranker picks, and its pick is sure where the rules' sure pick agrees
            rule, sure = _pick(about, label, s_index, exclude=None if reflexive else clause_subject)
            if rule is not None and rule.startswith(UNNAMED):
                # "He watched her from the pier ... She knew he was there. She had been in Lisbon;
                # Pennock had sent her": someone not named yet, whom the pronouns keep referring to
                unnamed, rule = (rule if sure else None), None
            if unnamed is None:
                pronoun = Pronoun(m.start, label, s_index, paragraph, subject, t.dep[k] == "poss", reflexive,
                                  clause_subject)
                found = candidates([e for e in about if not e.character.startswith(UNNAMED)], pronoun) \
                    if ranker is not None else []
                m.character = ranker.choose(found, pronoun) if found else rule
                sure = sure and m.character == rule
                if m.character is not None and not sure:
                    guesses.add(m.start)
            if m.character is None and not reflexive:
                unnamed = unnamed or f"{UNNAMED}{m.start}"
                recent.append(Entry(unnamed, label, s_index, paragraph, subject, m.kind, True,
                                    subject and _main_clause(t, k)))
                # someone, all the same: named later by a line's vocative ("Why, Emil!") or else no one
                if unnamed not in chains:
                    chains[unnamed] = someone(story, m, label)
                m.character = chains[unnamed]
                chained.add(m.start)
                guesses.add(m.start)
        elif m.kind == "NOM" and m.character is None:
            phrase = " ".join(text[m.start:m.end].lower().split())
            words_ = phrase.split()
            head, lemma = text[t.start[k]:t.end[k]].lower(), t.lemma[k].lower()
            rank = TITLE_WORDS.get(head, head)
            # the kin of an unnamed someone ("his mother", of a "he" not named yet) are no one yet either
            kin = kin_word(story, m, possessor) if possessor is None or possessor.start not in chained else None
            if kin is not None and possessor.start in guesses and families.relative(possessor.character, kin) is None:
                _repick_possessor(possessor, kin, families, recent, labels, text)
            if kin is not None:
                m.character = families.relative(possessor.character, kin)
                if m.character is not None:
                    kin_links.add(m.start)
                elif kin in COMPANIONS:  # "his companion": the other one about, as a guess
                    m.character = _companion(recent, possessor.character, s_index, nouns.get(kin))
                    if m.character is not None:
                        guessed_descriptions.add(m.start)
                else:  # "my mother", with no one of the cast she could be: someone all the same
                    m.character = relative(story, m, possessor.character, kin, relatives, nouns.get(kin))
            elif phrase in given:
                m.character = given[phrase]
            elif (words_[0] == "the" and rank in RANKS and len(titles.get(rank, ())) == 1
                  and not ORDINALS.intersection(words_)):
                m.character = next(iter(titles[rank]))  # "the doctor": the one Dr. of the story
            elif (phrase.startswith("the ") and lemma in introduced_by
                  and s_index - last_seen[introduced_by[lemma]] <= WINDOW_SENTENCES):
                m.character = introduced_by[lemma]  # "a small boy" … "the little boy"
            elif words_[0] in ("the", "this", "that") and lemma in nouns and t.tag[k] != "NNS":
                # (a plural, "the two women", is no one)
                found, sure = _pick(recent, nouns[lemma], s_index, exclude=None, window=1)
                # "the girl" is often someone new: no guessing; nor is she anyone when she is the unnamed "she"
                m.character = found if sure and not found.startswith(UNNAMED) else None
                if m.character is not None and words_[0] != "the":
                    guessed_descriptions.add(m.start)  # "that boy" is as often one only talked of
                # else the latest of that gender about, a guess ("the boy" ran off); but "the mother" is someone's
                if m.character is None and lemma not in KIN and lemma not in KIN_TITLES:
                    fit = [e for e in recent if not (lemma in YOUNG and e.character in grown)]
                    found, _ = _pick(fit, nouns[lemma], s_index, exclude=None)
                    if found is not None and not found.startswith(UNNAMED):
                        m.character = found
                        guessed_descriptions.add(m.start)
            elif words_[0] in ("a", "an") and (said_of := predicated_of(t, k, character_at)):
                m.character = said_of  # "Rufus, a boy of fourteen"; "he was a widower"
            elif introduces(story, m, k):  # "a small boy came running": someone new, named later if at all
                gender_ = gender_of_description(story, k, nouns)
                m.character = introduce(story, m, k, gender_)
                introduced_by[lemma] = m.character
                gender[m.character] = gender_
        if m.character is not None:
            character_at[k] = m.character
            last_seen[m.character] = s_index
            if word not in FIRST_PERSON and word not in SECOND and m.character not in kin_made \
                    and m.start not in guessed_descriptions and m.start not in chained \
                    and m.character not in narrators:
                # a character of untold gender referred to as "he" is a "he" to the pronouns after
                told = gender.get(m.character) or (labels.get(word) if m.kind == "PRON" else None)
                recent.append(Entry(m.character, told, s_index, paragraph, subject, m.kind, m.start not in guesses,
                                    subject and _main_clause(t, k)))
            if len(recent) > 64:
                del recent[:32]
    _link_as(story, character_at, quoted)
    _gender_from_links(story, labels, quoted)
    _link_narration_you(story, quoted)


# a novel: in one this long a name used once or twice with no sign of a person is a place, a
# saint, a book, and a character named once is a passing one; in a short story (or LitBank's
# 2,000-word excerpts) it is as often someone who stays
LONG_WORK_TOKENS = 30_000


def _link_as(story: Story, character_at: dict[int, str], quoted) -> None:
    """"As an idle boy, he had loafed about the market": an indefinite description "as" to a verb
    before its subject, once the subject is linked, is said of them."""
    t = story.tokens
    for m in story.mentions:
        if m.kind == "NOM" and m.character is None and not quoted(m.start) \
                and story.text[m.start:m.end].split()[0].lower() in ("a", "an"):
            k = head_token(story, m)
            if k >= 0 and t.dep[k] == "pobj":
                m.character = predicated_of(t, k, character_at)


def _named_once(story: Story, paragraph_starts: list[int]) -> dict[str, int]:
    """In a novel, the characters named once in all of it -> the paragraph of that name: "St.
    Sebastian" in a painting is no antecedent for the "he" of the pages after it, only of the
    pronouns in its paragraph and the next."""
    if len(story.tokens) < LONG_WORK_TOKENS:
        return {}
    named = Counter(m.character for m in story.mentions if m.kind == "PROP" and m.character)
    return {m.character: bisect_right(paragraph_starts, m.start) - 1 for m in story.mentions
            if m.kind == "PROP" and named[m.character] == 1}


def _link_narration_you(story: Story, quoted) -> None:
    """In first-person narration that calls someone by name ("Dear Nell: Your letter is here";
    "There, Clara, the fog never lifts"), "you" outside quotations is them, until
    the chapter ends or the narration calls someone else."""
    written = story.notes.get("letters", [])  # (start, end, writer id, addressee id): a letter's "you" is its addressee
    narrators = {c.id for c in story.characters if c.is_narrator}
    narrated = bool(narrators)
    if not narrated and not written:
        return
    text = story.text
    starts = [p.start for p in story.paragraphs]
    letter_starts = [start for start, *_ in written]
    addressed, chapter, letter = None, None, None
    for m in story.mentions:
        if quoted(m.start):
            continue
        i = bisect_right(starts, m.start) - 1
        here = story.paragraphs[i].chapter if i >= 0 else None
        j = bisect_right(letter_starts, m.start) - 1
        inside = written[j] if j >= 0 and m.start < written[j][1] else None
        if here != chapter or inside is not letter:
            addressed, chapter, letter = (inside[3] if inside else None), here, inside
        if inside is None and not narrated:
            continue
        # "Dear Nell:", "There, Clara, the fog …", "And now, dear Clara, must I not …"
        # "Me -- I, Sallie McBride, the head of an orphan asylum!": no one calls themself
        if m.kind == "PROP" and m.character is not None and called_out(text, m, *NARRATION_CALLED) \
                and m.character not in narrators and not (inside and m.character == inside[2]):
            addressed = m.character
        elif m.kind == "PRON" and m.character is None and addressed is not None \
                and text[m.start:m.end].lower() in SECOND:
            m.character = addressed


def _main_clause(t, k: int) -> bool:
    """Whether token ``k`` belongs to its sentence's main clause: its verb is the root, or
    joined to the root by "and", not a clause inside ("… found Kit burying his face")."""
    verb = t.head[k]
    return t.dep[verb] == "ROOT" or (t.dep[verb] == "conj" and t.dep[t.head[verb]] == "ROOT")


def _companion(recent: list[Entry], of: str, sentence: int, label: str | None) -> str | None:
    """The latest one referred to lately who is not ``of`` (and is of gender ``label``, when the
    noun tells it: "his hostess"): whom "his companion" or "our visitor" most likely is."""
    return next((e.character for e in reversed(recent) if sentence - e.sentence <= SURE_SENTENCES
                 and e.character != of and not e.character.startswith(UNNAMED)
                 and (label is None or e.label == label)), None)


def _repick_possessor(possessor: Mention, kin: str, families: Families, recent: list[Entry],
                      labels: dict[str, str], text: str) -> None:
    """"She dearly loved her father": where "her" was a guess between two women and only one of
    them has a father in the cast, "her" is that one (and so is the reference it left behind)."""
    label = labels.get(text[possessor.start:possessor.end].lower())
    if label is None or not recent:
        return
    latest = recent[-1].sentence
    having = {e.character for e in recent if e.label == label and latest - e.sentence <= WINDOW_SENTENCES
              and not e.character.startswith(UNNAMED) and families.relative(e.character, kin) is not None}
    if len(having) != 1:
        return
    if recent[-1].kind == "PRON" and recent[-1].character == possessor.character:
        recent[-1].character = next(iter(having))
    possessor.character = having.pop()


LINKED_VOTES = 3  # pronouns linked to a character of untold gender before they tell it
LINKED_SHARE = 0.8


def _gender_from_links(story: Story, labels: dict[str, str], quoted) -> None:
    """A character whose name no pronoun followed ("Holmes" mostly as an object) may still have
    pronouns linked to them as the subject before ("Holmes turned. He …"): where three or more
    agree, they tell the gender that speaker attribution then uses."""
    untold = {c.id: c for c in story.characters if c.gender is None and not c.is_narrator}
    if not untold:
        return
    votes: dict[str, Counter] = {}
    for m in story.mentions:
        if m.kind == "PRON" and m.character in untold and not quoted(m.start):
            label = labels.get(story.text[m.start:m.end].lower())
            if label:
                votes.setdefault(m.character, Counter())[label] += 1
    for cid, counts in votes.items():
        gender = settled(counts, LINKED_VOTES, LINKED_SHARE)
        if gender:
            untold[cid].gender, untold[cid].gender_confidence = gender


def _clause_subject(story: Story, k: int, character_at: dict[int, str]) -> str | None:
    """The character that is the subject of the verb governing token ``k`` ("Anna saw her")."""
    t = story.tokens
    verb = t.head[k]
    if t.dep[k] == "pobj":
        verb = t.head[verb]
    for j in range(max(0, verb - 12), min(len(t), verb + 12)):
        if t.head[j] == verb and t.dep[j] in SUBJECT:
            return character_at.get(j)
    return None


def _pick(recent: list[Entry], label: str, sentence: int, exclude: str | None,
          window: int = WINDOW_SENTENCES) -> tuple[str | None, bool]:
    """``(character, sure)``: among characters of that gender in the window, a subject of this
    sentence or the one before, a main clause's first (sure), else the only one in the last
    ``SURE_SENTENCES`` (sure), else the latest (a guess); a link following from a guess is a guess too. With no one of that
    gender in the window, the subject of this sentence or the one before whose gender the text
    has not told, else the one of it referred to most in the last ``FAR_SENTENCES`` (guesses)."""
    candidates = [e for e in reversed(recent) if sentence - e.sentence <= window
                  and e.label == label and e.character != exclude]
    if not candidates:
        unknown = next((e for e in reversed(recent) if sentence - e.sentence <= 1 and e.subject
                        and e.label is None and e.character != exclude), None)
        if unknown:
            return unknown.character, False
        # no one of that gender lately: the one of it referred to most further back, if one is
        far = Counter(e.character for e in recent if sentence - e.sentence <= FAR_SENTENCES
                      and e.label == label and e.character != exclude).most_common(2)
        return (far[0][0], False) if far and (len(far) == 1 or far[0][1] > far[1][1]) else (None, False)
    subjects = [e for e in candidates if e.subject and sentence - e.sentence <= 1]
    for e in [e for e in subjects if e.main] or subjects:  # subject continuity, a main clause's first
        return e.character, e.sure
    near = [e for e in candidates if sentence - e.sentence <= SURE_SENTENCES]
    if near and len({e.character for e in near}) == 1:  # the only one of that gender nearby
        return near[0].character, all(e.sure for e in near)
    return candidates[0].character, False  # two of a gender and no subject to follow: the latest
