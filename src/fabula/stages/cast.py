"""The cast: which names are people's, their clusters as characters, gender and the narrator.

Whether a name is a person's is weighed over all its uses (``_is_person``); the
names are then joined into characters the way a reader joins them
(``clusters.py``), and each character gets its fullest name, its aliases, its
gender and, in first-person narration, the narrator's flag.
"""

from __future__ import annotations

import re
from collections import Counter

from ..dialogue import QuotedText
from ..lexicon import words
from ..model import Character, Mention, Story, unique_mentions
from ..names import HONORIFICS, given_name_gender, honorific_key, is_given_name, parse_name
from . import stage
from .coref import LONG_WORK_TOKENS
from .described import person_like
from .clusters import JUNIOR, Cluster, cluster_names, join_apposed_titles, join_misspelt
from .mentions import NOT_NAME_POS
from .letters import Letter, letters
from .narrator import called_in_dialogue_only, find_narrator, first_person_narration, self_named
from .tagged import seed_from_tags, tagged_names
from .gender import gender_of, pronoun_labels, pronoun_votes
from .kinship import KIN_TITLES


LETTERS_SHARE = 0.8  # of the text in one writer's letters: an epistolary story, told by its writer


def _person_score(key: str, evidence: dict, plural_of: set[str]) -> float:
    ev = evidence.get(key)
    if ev is None:
        return 0.0
    parts = key.split()
    if _place_name(key) and not (ev.score > 0 and parts[-1] in words("surname_place_words")
                                 and given_name_gender(parts[0])):
        return -1.0  # "Gull Lodge", "Thornbury Park"; but "the lovely Rosalind Hill" is a woman
    if key in plural_of:
        return -1.0  # "the Harlows", "Miss Crooks": a family
    if parts[0] == "the" and len(parts) > 1 and parts[-1].endswith("s") and not parts[-1].endswith(("ss", "us", "is")):
        return -1.0  # "the Indians", "the Misses Harlow": a group
    score = ev.score
    if len(parts) > 1 and parts[0] != "the":  # a full name borrows from its parts
        score += 0.5 * sum(evidence[w].score for w in parts if w in evidence)
    # listed with people: "Anna, Clara, Denzil, and Tom"; but "Hollowmere" beside "Cardew Street" is a place
    strong = sum(1 for k in ev.links if k in evidence and evidence[k].score >= 2 and not _place_name(k))
    return score + min(2, strong)


def _place_name(key: str) -> bool:
    """"Gull Lodge", "Thornbury Park": a name ending in a word for a place."""
    parts = key.split()
    return len(parts) > 1 and parts[0] != "the" and parts[-1] in words("place_suffixes")


RARE_USES = 2  # a name used this rarely, and only opening sentences, needs strong evidence
STRONG_EVIDENCE = 3.0  # a speech verb's subject, or an honorific
SIGNLESS_USES = 5  # a person's name used this often shows them speaking, addressed or titled at least once
MIN_MEAN_EVIDENCE = 0.2  # per use: a name used often with little sign of a person is a place or thing
SIGNED_USES, SIGNED_SHARE = 3, 0.1  # uses showing a person, at least, that outweigh a low mean
TAGGER_ONLY = -0.5  # per use: what the tagger's doubt alone takes from a name


def _is_person(key: str, evidence: dict, plural_of: set[str], names_by_word: Counter | None = None) -> bool:
    """Whether the name ``key`` is a person's. ``names_by_word``, given for a work of novel
    length: how many names hold each word."""
    ev = evidence.get(key)
    if ev is not None and " " not in key and ev.count <= RARE_USES and not ev.inside and ev.score < STRONG_EVIDENCE \
            and not given_name_gender(key):
        return False  # "Adept as she was": a word capitalised only where a sentence starts
    if names_by_word is not None and ev is not None and ev.count <= RARE_USES and not ev.signs \
            and not given_name_gender(key.split()[0]) and not any(names_by_word[w] > 1 for w in _own_words(key)):
        return False  # "taken from some Margrave's barge", once in a novel: no sign of a person, and no character
    if ev is not None and ev.count >= SIGNLESS_USES and not ev.signs and not given_name_gender(key.split()[0]) and not any(
            evidence[k].signs for k in [*key.split(), *ev.links] if k in evidence):
        return False  # "the Maidan", "Mohurram": used often, and only the tagger (and verbs anything takes) calls it a person
    if ev is not None and key.startswith("the ") and ev.count == 1 and not ev.inside and not ev.signs \
            and not person_like(key.split()[-1]):
        return False  # "The Lone Hill", a heading run into the first sentence: no "the Ferryman"
    score = _person_score(key, evidence, plural_of)
    if score <= 0 and ev is not None and not ev.placed and score >= TAGGER_ONLY * ev.count \
            and given_name_gender(key.split()[0]):
        return True  # "a recipe for Mina": a given name nothing shows a place, only the tagger doubts
    # a name the text often shows as a person's (said, addressed, titled) is one, however often the
    # news-trained tagger calls it a place ("Henrietta", a GPE to it seventy times)
    return score > 0 and (score >= MIN_MEAN_EVIDENCE * ev.count or ev.signs >= max(SIGNED_USES, SIGNED_SHARE * ev.count))


def _own_words(key: str) -> set[str]:
    """The words of a name that another name sharing them would join it by: not "the" or a title."""
    return {w for w in key.split() if w != "the" and not honorific_key(w)}


def _plurals(evidence: dict) -> set[str]:
    """Names that are plurals of commoner names: "bennets" beside "bennet" (but not
    "Rivers" beside a stray "River")."""
    count: dict[str, int] = {}
    for key, ev in evidence.items():
        last = key.split()[-1]
        count[last] = count.get(last, 0) + ev.count
    out = set()
    for key, ev in evidence.items():
        last = key.split()[-1]
        for stem in (last[:-2] if last.endswith("es") else None, last[:-1] if last.endswith("s") else None):
            if stem and count.get(stem, 0) > count[last]:
                out.add(key)
    return out


YOUNG = re.compile(r"\b[Yy]oung\s$")
# "the Miss Harlows", "the Misses Harlow": a family of several daughters, where the text says it this often
SISTERS_USES = 3
SISTERS = re.compile(r"\bMiss\s+([A-Z][\w'’-]+?)s\b|\bMisses\s+([A-Z][\w'’-]+)\b")
KIN_BEFORE = re.compile(r"\b(?:" + "|".join(KIN_TITLES) + r")\s$")  # "her aunt Quill": the aunt is in the name


def _display(text: str) -> str:
    words_ = text.split()
    if words_ and words_[0] in ("The", "Young"):
        words_[0] = words_[0].lower()
    return " ".join(words_)


def _more_mentions(story: Story, person: set[str], covered: set[int]) -> list[Mention]:
    """Capitalised uses of a known person's name that the tagger did not call a name ("Rook"
    tagged as a verb, "The Invisible Man rose" with "Invisible" an adjective), where a one-word
    name is no function word ("What" opening a question)."""
    t, text = story.tokens, story.text
    words_ = {k for k in person if " " not in k}
    out = []
    for s, e, pos in zip(t.start, t.end, t.pos):
        w = text[s:e]
        if s not in covered and w[:1].isupper() and w.lower() in words_ and pos not in NOT_NAME_POS:
            out.append(Mention(s, e, "PROP"))
    longer = sorted((k for k in person if " " in k), key=len, reverse=True)
    if longer:
        def written(key: str) -> str:  # "the invisible man" as "[Tt]he Invisible Man"
            parts = key.split()
            head = "[Tt]he" if parts[0] == "the" else re.escape(parts[0].capitalize())
            return r"\s+".join([head] + [re.escape(p.capitalize()) for p in parts[1:]])
        pattern = re.compile(r"\b(?:" + "|".join(written(k) for k in longer) + r")\b")
        for found in pattern.finditer(text):
            if not any(i in covered for i in range(found.start(), found.end())):
                out.append(Mention(found.start(), found.end(), "PROP"))
                covered.update(range(found.start(), found.end()))
    return out


@stage(requires=("mentions", "notes.names", "notes.apposed", "notes.listed_surnames", "quotes"),
       assigns=("characters",))
def cast(story: Story, settings) -> None:
    text = story.text
    evidence = story.notes.get("names", {})
    quoted = QuotedText(story)

    for named in self_named(story, quoted):  # "Call me Ellen": the narrator's own name is a person's
        key = parse_name(named).key
        if key in evidence:
            evidence[key].score += 5
            evidence[key].signs += 1
    plural_of = _plurals(evidence)
    # in a novel, a name said once or twice with no sign of a person and no word it shares with
    # another name ("Quilp Ashdown" beside "Mr. Ashdown") is a place, a saint, a book
    names_by_word = Counter(w for k in evidence for w in _own_words(k)) \
        if len(story.tokens) >= LONG_WORK_TOKENS else None
    person = {k for k in evidence if _is_person(k, evidence, plural_of, names_by_word)}
    # "Clara", often at places ("went to Clara"), is still the Clara of "Clara Dunn"
    # and "But Beatrice grew …": a known given name that opens a person's full name ("Beatrice
    # O'Hara") is that person's, whatever the news-trained tagger made of it alone (an ORG)
    full_names = [k.split() for k in person if " " in k and not k.startswith("the ")]
    given_of_people = {words_[0] for words_ in full_names}
    parts_of_people = {w for words_ in full_names for w in words_}
    person |= {k for k in parts_of_people & evidence.keys() - plural_of
               if _person_score(k, evidence, plural_of) > 0 or (k in given_of_people and given_name_gender(k))}
    others = [m for m in story.mentions if m.kind != "PROP"]
    props = [m for m in story.mentions if m.kind == "PROP"]
    covered = {s for m in props for s in range(m.start, m.end)}
    props += _more_mentions(story, person, covered)
    names = []
    for m in props:
        if " " not in text[m.start:m.end] and YOUNG.search(text, max(0, m.start - 6), m.start):
            m.start -= 6  # "young Tom" is a name of its own: the son of a father of the same name
        kin = KIN_BEFORE.search(text, max(0, m.start - 7), m.start) if " " not in text[m.start:m.end] else None
        display = _display(text[m.start:m.end])
        if kin and not is_given_name(display):  # "her aunt Quill" as if written "Aunt Quill" (not "uncle John")
            display = f"{kin.group().strip().capitalize()} {display}"
        parts = parse_name(display.split()[1:] if JUNIOR.match(display) else display.split())
        if parts.words and parts.key in person:
            names.append((display, parts, m))
    votes = pronoun_votes(story, [(d, m) for d, _, m in names], quoted, pronoun_labels(settings.pronoun_sets))
    families = Counter((found.group(1) or found.group(2)).lower() for found in SISTERS.finditer(text))
    sisters = frozenset(surname for surname, uses in families.items() if uses >= SISTERS_USES)
    clusters = join_apposed_titles(cluster_names(names, votes, quoted, story.notes.get("listed_surnames"), sisters),
                                   story.notes.get("apposed", {}))
    clusters = join_misspelt(clusters)
    written = letters(story, quoted, lambda name, at=None: _cluster_named(clusters, name, at))
    taken = _letters_to_writers(story, quoted, written, clusters)
    narrator = find_narrator(story, quoted, [c.given for c in clusters], taken)
    writers = {w.writer for w in written if w.writer is not None}
    if narrator is None and len(writers) == 1 and sum(w.end - w.start for w in written) >= LETTERS_SHARE * len(text):
        # the letters of one writer are the story ("Dear Nell Farrow: …"): the writer is its narrator
        index = next(i for i, c in enumerate(clusters) if id(c) in writers)
        narrator = index, first_person_narration(story, quoted, taken)
    if narrator is not None:
        index, first_person = narrator
        if index is None:
            index = called_in_dialogue_only(story, quoted, [c.mentions for c in clusters])
        if index is None:
            clusters.append(Cluster())
            index = len(clusters) - 1
        clusters[index].narrator = True
        clusters[index].mentions.extend(first_person)

    clusters = seed_from_tags(clusters, tagged_names(story.meta))
    clusters.sort(key=lambda c: (-len(c.mentions), min(m.start for m in c.mentions)))
    characters = []
    for i, c in enumerate(clusters, start=1):
        cid = f"c{i}"
        for m in c.mentions:
            m.character = cid
        name = _full_name(c)
        aliases = [d for d, _ in sorted(c.surfaces.items(), key=lambda kv: (-kv[1], kv[0])) if d != name]
        gender, confidence = gender_of(c.votes, c.titled_counts(), c.prior_gender())
        characters.append(Character(cid, name, aliases, gender, confidence, len(c.mentions), c.narrator))
    named = [m for _, _, m in names]
    seen = {id(m) for m in named}
    headed = [m for c in clusters for m in c.mentions if m.kind == "PROP" and id(m) not in seen]  # letter headings
    story.mentions = unique_mentions(others + named + headed)
    story.characters = characters
    ids = {id(c): f"c{i}" for i, c in enumerate(clusters, start=1)}  # a letter names its people by id(cluster)
    story.notes["letters"] = [(w.start, w.end, ids.get(w.writer), ids.get(w.to)) for w in written]


def _cluster_named(clusters: list[Cluster], name: str, at: tuple[int, int] | None = None) -> int | None:
    """``id`` of the one cluster a name written in a letter's heading or signature is ("LADY
    HOWELL", "the Rev. Mr. Ashdown", "Clara"), or None. A gendered honorific must agree. A titled
    name in a heading (``at``: its place) that no cluster holds is someone all the same: a new one."""
    words = [w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split()]
    parts = parse_name(words)
    if not parts.words:
        return None
    said = {HONORIFICS.get(honorific_key(w) or "", "") for w in words} - {""}  # "the Rev. Mr.": M
    found = [c for c in clusters if any(p.key == parts.key for p in c.parts.values())
             and not (said and c.titled_gender() and c.titled_gender() not in said)]
    if not found and len(parts.words) == 1:  # "Clara": the one cluster with that given name
        found = [c for c in clusters if parts.words[0] in c.given]
    if not found and at is not None and parts.honorific is not None:
        # "LETTER II. MR. CARDEW TO …": the writer; shown as the text would write the name in
        # running prose, its last honorific and the name ("the Rev. Mr. Cardew": "Mr. Cardew")
        last = max(i for i, w in enumerate(words) if honorific_key(w))
        display = " ".join(words[last:])
        cluster = Cluster()
        cluster.add(display, parse_name(display.split()), Mention(at[0], at[1], "PROP"), Counter())
        clusters.append(cluster)
        found = [cluster]
    return id(found[0]) if len(found) == 1 else None


def _letters_to_writers(story: Story, quoted, written: list[Letter], clusters: list[Cluster]) -> set[int]:
    """Give the first-person mentions in each letter's narration to its writer; their starts."""
    by_id = {id(c): c for c in clusters}
    taken: set[int] = set()
    first = first_person_narration(story, quoted)
    for letter in written:
        writer = by_id.get(letter.writer)
        if writer is None:
            continue
        mine = [m for m in first if letter.start <= m.start < letter.end]
        writer.mentions.extend(mine)
        taken.update(m.start for m in mine)
    return taken


def _full_name(c: Cluster) -> str:
    """The fullest name: given name and surname if used, else the longest, titled form first."""
    if not c.surfaces:
        return c.tagged or "the narrator"
    best = max(c.surfaces, key=lambda d: (
        bool(c.parts[d].given and c.parts[d].surname), c.parts[d].words[0] != "the", len(c.parts[d].words),
        c.parts[d].honorific is not None, c.surfaces[d], d))
    if c.tagged and len(c.tagged.split()) >= len(best.split()):
        return c.tagged  # the work's own tag: "Joss Fairweather" for a man the text calls Joss
    return best
