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
  three sentences. Other links are guesses, listed in ``coref_notes(story).guesses``
  so that speaker attribution can weigh the conversation instead. With no one of
  its gender in the window, the one of it referred to most in the last thirty
  sentences is a guess. A character whose gender the cast could not tell is,
  to the pronouns after, what the last pronoun linked to them was ("he"), and
  takes it for good from three or more pronouns linked to them that agree.
  With no one else for it, a pronoun beside a line that calls one character of its
  gender is them ('"My dear Mr. Harlow," said his lady to him').
  A pronoun left unlinked starts someone not named yet ("He watched her ..."):
  the pronouns that continue it by those same sure rules are theirs, so the first
  name to come along ("Pennock had sent her") does not take them, and so is the next
  one of its gender with no one else of it in the window, up to thirty sentences on
  (a talk of many lines between). That someone is
  a character of their own, named as someone a description brought in is
  (``introduced``: "Why, Jasper!" said to them), and dropped, their pronouns
  unlinked, if never named; speaker attribution reads their pronouns as unlinked.
- A description given to a named character in apposition or with "was" ("Mr.
  Crook, the ferryman"; "Tom was the youngest") refers to them (``descriptions``), and so does
  one the narration names at once ("a man named Pryor", "the officer, whose name was
  Pryor", "a friend of his named Pryor",
  "a little girl, Nell Farrow, who"); a definite
  description of a gendered person ("the girl") refers to the latest
  character of that gender in the sentence or the one before; failing that, the latest
  one of that gender in the window, as a guess no pronoun takes for its antecedent ("the
  boy" is never one a name calls Mr. or Mrs.; "the mother" is someone's, and left alone).
  "That boy", "this woman" are linked the same way, always as guesses.
- "replied his wife", "said the old gentleman": a description a line's cue names its
  speaker by is that speaker, once the speakers are known.
- "Soon a small boy came running down the lane": someone new, who takes the
  pronouns that follow and "the (little) boy" while about, until the speakers
  stage names them or leaves them unnamed (``introduced``). Such a child is also
  "the child" (a word for a child of no gender, which no named character takes)
  and, up to thirty sentences on, "the (or this) little boy" where the one about is no one
  "the boy" or "the child" has referred to before.
- "the doctor", "the Colonel": the one character whose name carries that title.
- "her father", "his wife", "Nora's mother": the one relative of that kind
  by surname in the cast (``kinship``); the parent of one known by a given name alone
  ("Nell"), the one grown man (or woman: a Mr., a Mrs., a Sir) referred to in the last
  thirty sentences, as a guess; with none, a mother, father, wife or
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

import re
from bisect import bisect_right
from collections import Counter

from ..dialogue import QuotedText
from ..lexicon import labelled
from ..model import Mention, Story
from ..names import TITLE_WORDS
from . import stage
from .cues import SUBJECT
from .gender import pronoun_labels, settled
from .coref_notes import coref_notes
from .coref_ranker import Entry, Pronoun, candidates, load_ranker
from .descriptions import (ORDINALS, RANKS, descriptions, mention_bare_titles, mention_descriptions, predicated_of,
                           titles_of)
from .introduced import gender_of_description, introduce, introduces, relative, someone
from .kinship import COMPANIONS, GROWN_NOUNS, KIN, KIN_TITLES, PARENTS, Families, boys, elders, kin_word
from .narrator import FIRST_PERSON, SECOND, link_narration_you

OBJECTS = ("dobj", "pobj", "dative", "iobj")
SURE_SENTENCES = 3  # the only one of a gender this close is the one meant
FAR_SENTENCES = 30  # with no one of a gender in the window, the only one this far back
WINDOW_SENTENCES = 8  # a pronoun looks this many sentences back in narration (chosen on LitBank's training files)


UNNAMED = "?"  # the id prefix of someone the narration refers to only by pronouns so far
# what gives a description the name after it: "a man named Pryor", "a lady whose name was Nell Farrow"
APPOSED_NAME = re.compile(r"\s*,\s*")  # "a little girl, Nell Farrow, who …"
NAMED_AFTER = re.compile(r"(?:\s+of\s+(?:his|hers|mine|theirs|ours|yours))?\s*,?\s*"  # "a friend of his, "
                         r"(?:named|called|whose\s+name\s+(?:was|is)"
                         r"|(?:who\s+(?:introduced|announced)\s+(?:himself|herself)\s+)?by\s+(?:the\s+)?name\s+of)\s+")
# gendered nouns of the young: "the boy" is no one a name calls Mr. or Mrs. (a son or daughter is kin,
# left to the kin rules)
YOUNG = frozenset({"boy", "lad", "girl", "lass"})
# words for a child that tell no gender: "a small boy" brought in is "the child" after
CHILD_WORDS = frozenset({"child", "infant", "baby", "urchin", "youngster", "kid"})


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
    linker = NarrationLinker(story, settings, ranker)
    for m in story.mentions:
        if not linker.quoted(m.start):
            linker.link(m)
    _link_as(story, linker.character_at, linker.quoted)
    _gender_from_links(story, linker.labels, linker.quoted)
    link_narration_you(story, linker.quoted)


class NarrationLinker:
    """One pass over the mentions in narration, in text order, linking each pronoun and
    description from what was referred to before it."""

    def __init__(self, story: Story, settings, ranker) -> None:
        self.story, self.ranker = story, ranker
        self.paragraph_starts = [p.start for p in story.paragraphs]
        self.labels = pronoun_labels(settings.pronoun_sets)
        self.gender: dict[str, str | None] = {c.id: c.gender for c in story.characters}
        self.nouns = labelled("gendered_nouns")
        self.given = descriptions(story)
        self.titles = titles_of(story.characters)
        mention_descriptions(story, self.given)
        mention_bare_titles(story, self.titles)
        self.quoted = QuotedText(story)
        self.families = Families(story.characters)
        self.named_once = _named_once(story, self.paragraph_starts)
        self.recent: list[Entry] = []  # characters referred to in narration, latest last
        notes = coref_notes(story)
        self.guesses = notes.guesses
        self.guessed_descriptions = notes.description_guesses
        self.chains: dict[str, str] = {}  # an unnamed someone the pronouns refer to -> the character made for them
        # starts of those pronouns: speaker attribution reads them as unlinked, as they may be no one
        self.chained = notes.pronoun_chains
        self.kin_links = notes.kin_links
        self.character_at: dict[int, str] = {}  # head token -> character, as links are made
        self.before: Mention | None = None  # the mention looked at last: a possessor ("her" in "her father")
        self.introduced_by: dict[str, str] = {}  # noun -> the character its latest indefinite description brought in
        self.young: str | None = None  # the latest child so brought in ("a small boy")
        self.called_young: set[str] = set()  # characters a word for a child has referred to ("the girl")
        self.grown = elders(story.characters)
        self.boys = boys(story.characters)
        self.relatives: dict[tuple[str, str], str] = {}  # (whose, which kin) -> the character "her mother" is
        self.kin_made = notes.relatives  # the same characters: no one's antecedent
        # a first-person narrator is "I" in narration, never "he" or "she": no antecedent either, even where
        # a line the quotations missed calls them by name
        self.narrators = {c.id for c in story.characters if c.is_narrator}
        self.last_seen: dict[str, int] = {}  # character -> the sentence it was last referred to in
        self.names_at = {m.start: m for m in story.mentions if m.kind == "PROP"}
        self.quote_starts = [q.start for q in story.quotes]
        self.mention_starts = [m.start for m in story.mentions]

    def link(self, m: Mention) -> None:
        """Link mention ``m`` of the narration, if it is an unlinked pronoun or description, and
        remember what it refers to for the mentions after it."""
        t = self.story.tokens
        possessor, self.before = self.before, m
        k = head_token(self.story, m)
        if k < 0:
            return
        word = self.story.text[m.start:m.end].lower()
        if m.kind == "PRON" and m.character is None:
            if word not in self.labels:
                return  # "they", "we", "it": left unlinked
            self._pronoun(m, k, word)
        elif m.kind == "NOM" and m.character is None:
            self._description(m, k, possessor)
        if m.character is None:
            return
        s_index = t.sentence[k]
        self.character_at[k] = m.character
        if m.kind == "NOM" and (t.lemma[k].lower() in YOUNG or t.lemma[k].lower() in CHILD_WORDS) \
                and word.startswith(("the ", "this ", "that ")) and m.start not in self.guessed_descriptions:
            self.called_young.add(m.character)  # not "as a boy he loafed about": said of a man's past
        self.last_seen[m.character] = s_index
        if word not in FIRST_PERSON and word not in SECOND and m.character not in self.kin_made \
                and m.start not in self.guessed_descriptions and m.start not in self.chained \
                and m.character not in self.narrators:
            # a character of untold gender referred to as "he" is a "he" to the pronouns after
            told = self.gender.get(m.character) or (self.labels.get(word) if m.kind == "PRON" else None)
            self._remember(m, k, m.character, told, m.start not in self.guesses)
        if len(self.recent) > 64:
            del self.recent[:32]

    def _remember(self, m: Mention, k: int, character: str, label: str | None, sure: bool) -> None:
        t = self.story.tokens
        paragraph = bisect_right(self.paragraph_starts, m.start) - 1
        subject = t.dep[k] in SUBJECT
        self.recent.append(Entry(character, label, t.sentence[k], paragraph, subject, m.kind, sure,
                                 subject and _main_clause(t, k)))

    def _pronoun(self, m: Mention, k: int, word: str) -> None:
        """A third-person pronoun: the ranker's pick among the characters of its gender about, sure
        where the rules' sure pick agrees; with no one, someone not named yet."""
        story, t = self.story, self.story.tokens
        label = self.labels[word]
        s_index = t.sentence[k]
        reflexive = word.endswith("self")
        clause_subject = _clause_subject(story, k, self.character_at) if t.dep[k] in OBJECTS else None
        named_once, recent = self.named_once, self.recent
        paragraph = bisect_right(self.paragraph_starts, m.start) - 1
        about = [e for e in recent if e.character not in named_once or paragraph <= named_once[e.character] + 1] \
            if named_once else recent
        # the rules say which links are sure (subject continuity, the only one of the gender
        # near); the ranker picks, and its pick is sure where the rules' sure pick agrees
        rule, sure = _pick(about, label, s_index, exclude=None if reflexive else clause_subject)
        unnamed = None  # the someone not yet named that an unlinked pronoun refers to
        earlier = None  # a someone of its gender referred to further back, with no one else of it since
        if rule is not None and rule.startswith(UNNAMED):
            # "He watched her from the pier ... She knew he was there. She had been in Lisbon;
            # Pennock had sent her": someone not named yet, whom the pronouns keep referring to
            unnamed, earlier, rule = (rule if sure else None), (None if sure else rule), None
        if unnamed is None:
            pronoun = Pronoun(m.start, label, s_index, paragraph, t.dep[k] in SUBJECT, t.dep[k] == "poss",
                              reflexive, clause_subject)
            found = candidates([e for e in about if not e.character.startswith(UNNAMED)], pronoun) \
                if self.ranker is not None else []
            m.character = self.ranker.choose(found, pronoun) if found else rule
            sure = sure and m.character == rule
            if m.character is not None and not sure:
                self.guesses.add(m.start)
        if m.character is None:
            # '"My dear Mr. Harlow," said his lady to him': no one of its gender in the narration,
            # but the line its sentence frames calls one
            m.character = self._called_beside(m, label)
            if m.character is not None:
                unnamed = None
                self.guesses.add(m.start)
        if m.character is None and not reflexive:
            # after a talk of many lines, "she" is still the someone of before it
            unnamed = unnamed or earlier or f"{UNNAMED}{m.start}"
            self._remember(m, k, unnamed, label, True)
            # someone, all the same: named later by a line's vocative ("Why, Emil!") or else no one
            if unnamed not in self.chains:
                self.chains[unnamed] = someone(story, m, label)
            m.character = self.chains[unnamed]
            self.chained.add(m.start)
            self.guesses.add(m.start)

    def _called_beside(self, m: Mention, label: str) -> str | None:
        """The one character of pronoun set ``label`` named in the line right before or after
        pronoun ``m`` in its sentence."""
        story, t = self.story, self.story.tokens
        sentence = story.sentences[t.sentence[head_token(story, m)]]
        i = bisect_right(self.quote_starts, m.start)
        lines = [q for q in story.quotes[max(0, i - 1):i + 1] if q.start < sentence.end and q.end > sentence.start]
        named = {n.character for q in lines for n in story.mentions[bisect_right(self.mention_starts, q.start - 1):
                                                                     bisect_right(self.mention_starts, q.end)]
                 if n.kind == "PROP" and n.character is not None and self.gender.get(n.character) == label}
        return named.pop() if len(named) == 1 else None

    def _description(self, m: Mention, k: int, possessor: Mention | None) -> None:
        """A description: someone's kin, one given a name, a title, one brought in lately, or the
        latest of its gender about; an indefinite one said of someone or bringing someone in."""
        story, t, text = self.story, self.story.tokens, self.story.text
        s_index = t.sentence[k]
        phrase = " ".join(text[m.start:m.end].lower().split())
        words_ = phrase.split()
        head, lemma = text[t.start[k]:t.end[k]].lower(), t.lemma[k].lower()
        rank = TITLE_WORDS.get(head, head)
        # the kin of an unnamed someone ("his mother", of a "he" not named yet) are no one yet either
        kin = kin_word(story, m, possessor) if possessor is None or possessor.start not in self.chained else None
        if kin is not None:
            self._kin(m, kin, possessor, s_index)
        elif words_[0] in ("a", "an", "the") and (named := self._named_after(k, m.end, apposed=words_[0] != "the")):
            m.character = named  # "a man named Pryor", "the officer, whose name was Pryor"
        elif phrase in self.given:
            m.character = self.given[phrase]
        elif (words_[0] == "the" and rank in RANKS and len(self.titles.get(rank, ())) == 1
              and not ORDINALS.intersection(words_)):
            m.character = next(iter(self.titles[rank]))  # "the doctor": the one Dr. of the story
        elif (phrase.startswith("the ") and lemma in self.introduced_by
              and s_index - self.last_seen[self.introduced_by[lemma]] <= WINDOW_SENTENCES):
            m.character = self.introduced_by[lemma]  # "a small boy" … "the little boy"
        elif words_[0] in ("the", "this", "that") and lemma in CHILD_WORDS \
                and (young := self._young_brought_in(lemma, s_index)):
            m.character = young  # "a small boy came trotting" … "the child"
        elif words_[0] in ("the", "this", "that") and lemma in self.nouns and t.tag[k] != "NNS":
            # (a plural, "the two women", is no one)
            self._gendered(m, lemma, words_[0], s_index)
        elif words_[0] in ("a", "an") and (said_of := predicated_of(t, k, self.character_at)):
            m.character = said_of  # "Rufus, a boy of fourteen"; "he was a widower"
        elif introduces(story, m, k):  # "a small boy came running": someone new, named later if at all
            gender_ = gender_of_description(story, k, self.nouns)
            m.character = introduce(story, m, k, gender_)
            self.introduced_by[lemma] = m.character
            if lemma in YOUNG or lemma in CHILD_WORDS:
                self.young = m.character
            self.gender[m.character] = gender_

    def _young_brought_in(self, lemma: str, s_index: int) -> str | None:
        """The child an indefinite description brought in lately ("a small boy"), for a word for a
        child that tells no gender ("the child", "the urchin"), which no named character takes, or
        for one of that child's gender that no one just before is ("the little boy")."""
        young = self.young
        if young is None or s_index - self.last_seen[young] > FAR_SENTENCES:
            return None
        if lemma in CHILD_WORDS:
            return young
        return young if lemma in YOUNG and self.gender.get(young) in (None, self.nouns.get(lemma)) else None

    def _named_after(self, k: int, end: int, apposed: bool) -> str | None:
        """The character a name right after the noun ``k`` of a description, or after the whole
        description (ending at ``end``), gives it ("a man named Pryor", "the officer, whose name
        was Pryor", "a friend of his named Pryor"); or, where ``apposed``, the name in apposition
        to it ("a little girl, Nell Farrow, who")."""
        t, text = self.story.tokens, self.story.text
        for after in (t.end[k], end):
            found = NAMED_AFTER.match(text, after)
            named = self.names_at.get(found.end()) if found else None
            if named is not None:
                return named.character
        if not apposed:
            return None
        found = APPOSED_NAME.match(text, end)
        named = self.names_at.get(found.end()) if found else None
        if named is not None and named.character is not None and text[named.end:named.end + 2].strip()[:1] in ",;.)":
            return named.character
        return None

    def _kin(self, m: Mention, kin: str, possessor: Mention, s_index: int) -> None:
        """"her father", "his companion": the relative by surname, the latest other one about
        (a guess), or a relative of the possessor's own making."""
        families = self.families
        if possessor.start in self.guesses and families.relative(possessor.character, kin) is None:
            _repick_possessor(possessor, kin, families, self.recent, self.labels, self.story.text)
        m.character = families.relative(possessor.character, kin)
        if m.character is not None and kin in KIN_TITLES \
                and s_index - self.last_seen.get(m.character, -FAR_SENTENCES - 1) > FAR_SENTENCES:
            m.character = None  # "her aunt": the one called "Aunt Pruett" only while she is about; one may have two
        if m.character is not None:
            self.kin_links.add(m.start)
        elif kin in COMPANIONS:  # "his companion": the other one about, as a guess
            m.character = _companion(self.recent, possessor.character, s_index, self.nouns.get(kin))
            if m.character is not None:
                self.guessed_descriptions.add(m.start)
        elif kin in PARENTS and not families.surnames.get(possessor.character) \
                and (elder := self._elder_about(possessor.character, kin, s_index)) is not None:
            m.character = elder
            self.guessed_descriptions.add(m.start)
        else:  # "my mother", with no one of the cast she could be: someone all the same
            m.character = relative(self.story, m, possessor.character, kin, self.relatives, self.nouns.get(kin))

    def _elder_about(self, of: str, kin: str, s_index: int) -> str | None:
        """For "her father" of someone with no surname ("Nell"), the one grown man (a grown
        woman, for "her mother") referred to lately, none when several are."""
        label = self.nouns.get(kin)
        found = {e.character for e in self.recent if e.character in self.grown and e.character != of
                 and e.label == label and s_index - e.sentence <= FAR_SENTENCES}
        return found.pop() if len(found) == 1 else None

    def _gendered(self, m: Mention, lemma: str, determiner: str, s_index: int) -> None:
        """"the girl": the one of that gender just before (sure), else the latest about (a guess)."""
        label = self.nouns[lemma]
        # a grown man is never "the boy", nor a boy "the gentleman"
        fit = [e for e in self.recent if not (lemma in YOUNG and e.character in self.grown)
               and not (lemma in GROWN_NOUNS and e.character in self.boys)]
        found, sure = _pick(fit, label, s_index, exclude=None, window=1)
        # "the girl" is often someone new: no guessing; nor is she anyone when she is the unnamed "she"
        m.character = found if sure and not found.startswith(UNNAMED) else None
        young = self._young_brought_in(lemma, s_index) if determiner in ("the", "this") else None
        if young is not None:
            # "a small boy" … "the little boy": the child brought in, rather than one about whom
            # nothing has called a child
            about = m.character or _pick(fit, label, s_index, exclude=None)[0]
            if about not in self.called_young:
                m.character = young
                return
        if m.character is not None and determiner != "the":
            self.guessed_descriptions.add(m.start)  # "that boy" is as often one only talked of
        # else the latest of that gender about, a guess ("the boy" ran off); but "the mother" is someone's
        if m.character is None and lemma not in KIN and lemma not in KIN_TITLES:
            found, _ = _pick(fit, label, s_index, exclude=None)
            if found is not None and not found.startswith(UNNAMED):
                m.character = found
                self.guessed_descriptions.add(m.start)


# a novel: in one this long a name used once or twice with no sign of a person is a place, a
# saint, a book, and a character named once is a passing one; in a short story (or LitBank's
# 2,000-word excerpts) it is as often someone who stays
LONG_WORK_TOKENS = 30_000


def _link_as(story: Story, character_at: dict[int, str], quoted) -> None:
    """"As a lazy boy, he had idled about the docks": an indefinite description "as" to a verb
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
