"""Joining names into characters: clusters of the names a reader takes for one person.

"Margaret Harlow", "Margaret", "Peggy", "Meg" and "Miss Margaret" are one woman;
"Mr. Harlow" and "Mrs. Harlow" are two people; a bare surname ("Tarrant") is the man
called "Mr. Tarrant" before the woman called "Miss Tarrant". Fuller names are placed
first, so shorter ones join a character that already exists; then titles set beside a
name and misprints of a name join it too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from ..model import Mention
from ..names import (HONORIFICS, MARRIED, TITLE_WORDS, TRAILING_HONORIFICS, NameParts, census_gender,
                     given_name_gender, honorific_gender, is_given_name, pet_stems, same_given_name)
from .gender import role_gender
from .kinship import KIN_TITLES


@dataclass
class Cluster:
    given: set[str] = field(default_factory=set)
    surname: str | None = None
    honorifics: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)  # display form -> count
    parts: dict[str, NameParts] = field(default_factory=dict)  # display form -> parts
    mentions: list[Mention] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)  # pronoun set -> weight
    narrator: bool = False
    tagged: str | None = None  # the name the work's character tags give them

    def absorb(self, other: "Cluster") -> None:
        """Take in another cluster found to be the same person."""
        self.given |= other.given
        self.surname = self.surname or other.surname
        self.honorifics.update(other.honorifics)
        self.surfaces.update(other.surfaces)
        for display, parts in other.parts.items():
            self.parts.setdefault(display, parts)
        self.mentions.extend(other.mentions)
        self.votes.update(other.votes)
        self.narrator = self.narrator or other.narrator

    @property
    def size(self) -> int:
        return sum(self.surfaces.values())

    def titled_gender(self) -> str:
        """"M"/"F" from the honorifics used for them alone."""
        g = self.titled_counts()
        return "" if g["M"] == g["F"] else g.most_common(1)[0][0]

    def titled_counts(self) -> Counter:
        """How often a male ("M") or female ("F") honorific was used for them."""
        out: Counter = Counter()
        for h, n in self.honorifics.items():
            if honorific_gender(h):
                out[honorific_gender(h)] += n
        return out

    def table_gender(self) -> str:
        found = {given_name_gender(g) for g in self.given} - {""}
        return found.pop() if len(found) == 1 else ""

    def prior_gender(self) -> str:
        """The name table's gender, else the census first names', else a title's ("the Footman"):
        for the final gender only."""
        table = self.table_gender()
        if table:
            return table
        found = {census_gender(g) for g in self.given} - {""}
        if not found:  # "the Footman", "the Rajah", a "Constable" called by his role
            found = {role_gender(p.key) for p in self.parts.values()
                     if len(p.words) == 1 or p.words[0] == "the"} - {""}
        return found.pop() if len(found) == 1 else ""

    def hard_gender(self) -> str:
        """"M"/"F" from honorifics, else from the given-name table: what placement may rely on."""
        return self.titled_gender() or self.table_gender()

    def name_gender(self) -> str:
        """"M"/"F" from honorifics, pronouns after their names and the given-name table;
        "" when unknown or contested."""
        titled = self.titled_counts()
        g = Counter({"M": 2.0 * titled["M"], "F": 2.0 * titled["F"]})
        g["M"] += self.votes["he/him"]
        g["F"] += self.votes["she/her"]
        for name in self.given:
            if given_name_gender(name):
                g[given_name_gender(name)] += 1
        total = g["M"] + g["F"]
        if not total or max(g.values()) < 2 * total / 3:
            return ""
        return "M" if g["M"] > g["F"] else "F"

    def add(self, display: str, parts: NameParts, mention: Mention, votes: Counter) -> None:
        if display not in self.surfaces:
            self.votes.update(votes)
        self.surfaces[display] += 1
        self.parts.setdefault(display, parts)
        self.mentions.append(mention)
        if parts.honorific:
            self.honorifics[parts.honorific] += 1
        # "Mrs. John Ashdown" is named after her husband: his given name is not hers
        if parts.given and given_name_gender(parts.given) in ("", parts.honorific_gender or given_name_gender(parts.given)):
            self.given.add(parts.given)
        if parts.surname and not self.surname:
            self.surname = parts.surname


FORMAL = frozenset({"sir", "lady", "lord", "dame"})
# forms of address that stand for a title: "your Ladyship" is the one Lady about, "his Majesty" the King
ADDRESSED = {"ladyship": ("lady",), "lordship": ("lord",), "majesty": ("king", "queen", "emperor", "empress"),
             "highness": ("prince", "princess")}
PLAIN = frozenset({"mr", "mrs", "miss", "ms"})
ELDER_TITLES = frozenset({"mr", "sir", "lord"})  # what an uncle is called, not his nephews' "Tom"


def _best(candidates: list[Cluster]) -> Cluster | None:
    return max(candidates, key=lambda c: c.size) if candidates else None


def _by_given(clusters: list[Cluster], given: str, gender: str, exact_only: bool = False,
              bare: bool = False) -> Cluster | None:
    """A cluster with this given name: an exact match first, then a nickname. A
    full name never joins someone called Sir or Lady by a nickname ("Tom
    Ashdown" is not Sir Thomas); a bare nickname may, when no one else fits
    ("Harry" for Lord Arthur)."""
    fits = [c for c in clusters if not gender or c.hard_gender() in ("", gender)]
    exact = [c for c in fits if given in c.given]
    if exact or exact_only:
        return _best(exact)
    # "Bessie" and "Eliza" may both be Elizabeths, but two women unless "Elizabeth" joins them
    nick = [c for c in fits if any(same_given_name(given, g, siblings=False) for g in c.given)]
    plain = [c for c in nick if not any(c.honorifics[h] for h in FORMAL)]
    return _best(plain or (nick if bare else []))


def _place(parts: NameParts, clusters: list[Cluster], miss_surnames: set[str], spoken: bool = True) -> Cluster | None:
    """The existing cluster this name joins, or None for a new character."""
    hg = parts.honorific_gender
    if parts.words[0] == "the":
        title = parts.words[1] if len(parts.words) == 2 else None
        plain = " ".join(parts.words[1:])  # "the Grey Knight" is the "Grey Knight"
        return _best([c for c in clusters if {parts.key, plain} & {p.key for p in c.parts.values()}]) or (
            _best(_titled(clusters, title)) if title in HONORIFICS else None) or (  # "the Colonel"
            _headed_by(clusters, title) if title else None)  # "the Rabbit" is the "White Rabbit"
    if parts.honorific:  # "Mrs Pruett" is the "Mrs. Pruett" met before
        same_form = [c for c in clusters if any(p.honorific == parts.honorific and p.words == parts.words
                                                for p in c.parts.values())]
        if len(same_form) == 1:
            return same_form[0]
    if parts.given and given_name_gender(parts.given) and hg and given_name_gender(parts.given) != hg:
        return None  # "Mrs. John Ashdown": a wife named after her husband
    if parts.given and parts.surname and hg == "F" and parts.honorific in MARRIED and any(
            parts.given in c.given and c.surname == parts.surname and not c.hard_gender() and c.name_gender() == "M"
            for c in clusters):
        return None  # "Mrs. Calder Hythe", where the text calls Calder Hythe "he": his wife, though the table lacks "Calder"
    formal = parts.honorific in FORMAL  # "Sir Thomas" is not the son everyone calls Tom
    if formal:  # nor is "Sir John" the "Mr. John Ward" whom no one calls Sir
        clusters = [c for c in clusters if c.honorifics[parts.honorific] or not any(c.honorifics[h] for h in PLAIN)]
    if parts.given and parts.surname:
        same = [c for c in clusters if c.surname == parts.surname]
        return _by_given(same, parts.given, hg, exact_only=formal)
    if parts.given:
        return _by_given(clusters, parts.given, hg, exact_only=formal)
    same = [c for c in clusters if c.surname == (parts.surname or parts.words[0])]
    if parts.surname:
        found = _by_surname(parts, same, miss_surnames)
        if found or same or not hg:
            return found
        # "Mrs. Rachel", "Mr. Teddy": a given name after a gendered honorific
        return _by_given(clusters, parts.surname, hg, exact_only=True)
    word = parts.words[0]
    if parts.honorific:  # "Lady Merton": a surname, or a given name the table does not know
        found = _best([c for c in same if c.honorifics[parts.honorific]]) or _by_given(clusters, word, hg,
                                                                                        exact_only=True)
        if found is None and parts.honorific in KIN_TITLES:  # "aunt Quill": the one relative of that surname
            kin = [c for c in clusters if c.hard_gender() == hg and (c.surname == word or any(
                p.honorific and p.words == (word,) for p in c.parts.values()))]  # "Lady Quill" too
            elders = [c for c in kin if any(c.honorifics[h] for h in (MARRIED if hg == "F" else ELDER_TITLES))]
            found = kin[0] if len(kin) == 1 else elders[0] if len(elders) == 1 else None  # not her nieces
        return found
    # a pet name for Sir or Lady someone is what their intimates call them, in dialogue ("Harry" for
    # Lord Arthur); one the narration uses too is someone else's ("Kitty", not Lady Catherine)
    # a nickname shared by names of both sexes ("Kit") joins no one of the other sex ("Christopher")
    found = _by_given(clusters, word, given_name_gender(word), bare=spoken) or _pet_form(clusters, word)
    titled = [c for c in same if not c.given and c.hard_gender() != "F" and c.honorifics]
    if found and word in found.given and found.name_gender() == "M" and len(titled) == 1:
        return titled[0]  # "Calder" is Colonel Calder: men go by surname, not Mr. Hythe's given name
    if found:
        return found
    # "his Secretary", "a Voice": the one character the text calls "the Secretary"
    article = [c for c in clusters if any(p.words == ("the", word) for p in c.parts.values())]
    if len(article) == 1 and not same:
        return article[0]
    # in a family of men, the bare surname is the one the text calls "Mr." and the surname alone
    mister = [c for c in same if any(p.honorific == "mr" and not p.given and p.surname == word
                                     for p in c.parts.values())]
    if len(mister) == 1:
        return mister[0]
    # else it names a man ("Tarrant") before a woman; a woman only when she is the only one
    # of the name and no one is called "X Begum" ("Farid Begum" is Farid's wife)
    women = [c for c in same if not any(h in TRAILING_HONORIFICS for h in c.honorifics)]
    return _best([c for c in same if c.name_gender() == "M"] or [c for c in same if c.hard_gender() != "F"]
                 or (women if len(same) == 1 else []))


def _titled(clusters: list[Cluster], title: str) -> list[Cluster]:
    """The clusters a title names, in either form: "the Doctor" is "Dr Tolley"."""
    short = TITLE_WORDS.get(title, title)
    return [c for c in clusters if any(n and TITLE_WORDS.get(h, h) == short for h, n in c.honorifics.items())]


def _headed_by(clusters: list[Cluster], word: str) -> Cluster | None:
    """The one character whose longer name ends in ``word``: "White Rabbit" for "the Rabbit"."""
    found = [c for c in clusters if any(p.words[-1] == word and len(p.words) > (2 if p.words[0] == "the" else 1)
                                        for p in c.parts.values())]
    return found[0] if len(found) == 1 else None


def _pet_form(clusters: list[Cluster], word: str) -> Cluster | None:
    """A pet form of a name already known, given name or surname: "Hatchy", "Billy"."""
    for stem in pet_stems(word):
        found = [c for c in clusters if c.surname == stem or stem in c.given]
        if len(found) == 1:
            return found[0]
    return None


def _by_surname(parts: NameParts, same: list[Cluster], miss_surnames: set[str]) -> Cluster | None:
    hg = parts.honorific_gender
    if parts.honorific in MARRIED:
        # a wife, not her daughters: the only woman of the name, where no Miss of it is spoken of
        women = [c for c in same if c.given and c.name_gender() == "F"]
        return women[0] if len(women) == 1 and parts.surname not in miss_surnames else None
    if hg == "F":
        # "Miss Harlow" is the eldest daughter: the sister never called "Miss Jane"
        # a woman, or someone the text has given no title ("Edna"), never "Captain Hale"
        unmarried = [c for c in same if (c.hard_gender() == "F" or (not c.hard_gender() and not c.honorifics))
                     and not any(c.honorifics[h] for h in MARRIED)]
        eldest = [c for c in unmarried if not any(p.honorific == "miss" and p.given for p in c.parts.values())]
        return _best(eldest or unmarried)
    if hg == "M":
        men = [c for c in same if c.hard_gender() in ("", "M") and not any(c.honorifics[h] for h in FORMAL)]
        return _best([c for c in men if c.name_gender() == "M"] or men)
    # "Admiral Hale", "Comrade Pryor": the same title, else someone not called Mrs. or Miss
    return _best([c for c in same if c.honorifics[parts.honorific]]
                 or [c for c in same if c.hard_gender() != "F"])


def _order(parts: NameParts) -> int:
    if parts.given and parts.surname:
        return 0
    if parts.honorific and (parts.given or parts.surname):
        return 1
    return 2


def cluster_names(found: list[tuple[str, NameParts, Mention]], votes: dict[str, Counter],
                  quoted=lambda offset: True, listed_surnames: dict[str, set[str]] | None = None,
                  sisters: frozenset[str] = frozenset()) -> list[Cluster]:
    """Join name mentions into clusters, fuller names first; ``votes`` are the
    pronoun sets seen after each name; ``listed_surnames``, given names listed before a full
    name ("Nell, Tom and Clara Dunn") with its surname; ``sisters``, the surnames of families
    the text speaks of as several daughters ("the Miss Harlows")."""
    by_display: dict[str, list[tuple[NameParts, Mention]]] = {}
    for display, parts, mention in found:
        by_display.setdefault(display, []).append((parts, mention))
    order = sorted(by_display, key=lambda d: (_order(by_display[d][0][0]), -len(by_display[d]), d))
    firsts = [v[0][0] for v in by_display.values()]
    miss_surnames = {parts.surname for parts in firsts if parts.honorific == "miss"}
    # a daughter listed with her sister's full name is a Miss of it too: "Nell, Tom and Clara Dunn"
    miss_surnames |= {surname for given, surnames in (listed_surnames or {}).items()
                      if given_name_gender(given) == "F" for surname in surnames}
    mister_surnames = {parts.surname for parts in firsts if parts.honorific == "mr" and not parts.given}
    juniors = {d.split()[1].lower() for d, uses in by_display.items()
               if JUNIOR.match(d) and len(uses) >= JUNIOR_USES and is_given_name(d.split()[1])}
    clusters: list[Cluster] = []
    shared: list[tuple[str, list[tuple[NameParts, Mention]], list[Cluster]]] = []
    for display in order:
        uses = by_display[display]
        parts = uses[0][0]
        spoken = 2 * sum(1 for _, m in uses if quoted(m.start)) >= len(uses)
        junior = len(parts.words) == 1 and any(same_given_name(parts.words[0], j) for j in juniors)
        pool = clusters
        if junior:
            parts = _as_junior(parts)
            pool = [c for c in clusters if not _elder_of(c, parts.given, mister_surnames)]
        if len(parts.words) == 1 and parts.words[0] in ADDRESSED:
            holders = [c for c in pool if any(c.honorifics[h] for h in ADDRESSED[parts.words[0]])]
            if len(holders) != 1:
                continue  # "your Ladyship" with no Lady, or two: no one by that alone
            cluster = holders[0]
        else:
            cluster = _place(parts, pool, miss_surnames, spoken)
        if cluster is None:
            cluster = Cluster()
            if len(parts.words) == 1 and not parts.surname and not parts.given:
                if parts.honorific:
                    cluster.surname = parts.words[0]  # "Lady Merton"
                else:
                    cluster.given.add(parts.words[0])  # "Nell": a given name until shown otherwise
            clusters.append(cluster)
        sharers = _sharing_given_name(parts, pool, cluster)
        if sharers:  # settled once every name is placed, when the families are known
            shared.append((display, [(parts if junior else p, m) for p, m in uses], sharers))
            continue
        for p, m in uses:
            cluster.add(display, parts if junior else p, m, votes.get(display, Counter()))
    # "Charles", when two Charleses have been named: the one whose family was named last before
    # this use ("Nora", "Mrs Quarles" around Arthur Quarles), not only his own name: the text
    # names in full ("Arthur Drummond") the one the bare name does not mean
    for display, uses, sharers in shared:
        starts = [sorted(m.start for f in clusters if f is c or (c.surname and f.surname == c.surname)
                         for m in f.mentions) for c in sharers]
        for p, m in uses:
            _latest_before(sharers, starts, m.start).add(display, p, m, votes.get(display, Counter()))
    eldest = [_eldest_sister(c, found, votes) for c in clusters if c.surname in sisters]
    return clusters + [c for c in eldest if c.surfaces]


YOUNGER_USES = 5  # how often a sister is called "Miss Nell" for that to be her title, not a servant's word


def _eldest_sister(c: Cluster, found, votes) -> Cluster:
    """Of a family of several daughters ("the Miss Harlows"), the one the text calls "Miss
    Nell" is a younger sister, and "Miss Harlow" the eldest, whose given name the text may
    never join to the surname: taken out of ``c`` into a cluster of her own (empty when ``c``
    is not such a sister)."""
    eldest = Cluster()
    younger = sum(c.surfaces[d] for d, p in c.parts.items() if p.honorific == "miss" and p.given and not p.surname) \
        >= YOUNGER_USES
    forms = [d for d, p in c.parts.items() if p.honorific == "miss" and not p.given and p.surname == c.surname]
    if not younger or not forms:
        return eldest
    display_of = {id(m): d for d, _, m in found}
    for display in forms:
        taken = [m for m in c.mentions if display_of.get(id(m)) == display]
        for m in taken:
            eldest.add(display, c.parts[display], m, votes.get(display, Counter()))
        c.mentions = [m for m in c.mentions if display_of.get(id(m)) != display]
        c.honorifics["miss"] -= len(taken)
        del c.surfaces[display], c.parts[display]
    return eldest


JUNIOR = re.compile(r"young \S+$")  # the display of "young Tom": the son, where his father is "Mr." someone
JUNIOR_USES = 2


def _as_junior(parts: NameParts) -> NameParts:
    """"Tom", "Mr. Tom" for someone the text calls "young Tom": the word is his given name."""
    return NameParts(parts.honorific, parts.words[0], None, parts.words)


def _elder_of(cluster: Cluster, given: str, mister_surnames: set[str]) -> bool:
    """Whether ``cluster`` is the man "young <given>" is told apart from: a man of the same
    given name whom the text calls "Mr." and his surname ("Mr. Pryor" for the father of
    "young Thomas")."""
    return cluster.surname in mister_surnames and any(same_given_name(given, g) for g in cluster.given)


SHARER_USES = 5  # uses of fuller names before a character can share a bare given name with another


def _sharing_given_name(parts: NameParts, clusters: list[Cluster], placed: Cluster) -> list[Cluster]:
    """The characters a bare given name may mean, where several named people share it
    ("Arthur Quarles" and "Arthur Drummond"); empty where it means one."""
    word = parts.words[0]
    if parts.honorific or parts.surname or len(parts.words) != 1 or word not in placed.given:
        return []
    sharers = [c for c in clusters if word in c.given and c.surname and len(c.mentions) >= SHARER_USES]
    return sharers if len(sharers) > 1 and placed in sharers else []


def _latest_before(clusters: list[Cluster], starts: list[list[int]], offset: int) -> Cluster:
    """The cluster with a mention nearest before ``offset`` (the biggest where none comes before);
    ``starts``: each cluster's mention starts, sorted."""
    best, best_start = max(clusters, key=lambda c: c.size), -1
    for c, s in zip(clusters, starts):
        i = bisect_left(s, offset)
        if i and s[i - 1] > best_start:
            best, best_start = c, s[i - 1]
    return best


def join_apposed_titles(clusters: list[Cluster], apposed) -> list[Cluster]:
    """A character known only by a title ("the Collector") joins the one named character the
    text sets it beside ("the Warden, Mr. Hythe"), and so does the title's short form
    ("the Superintendent" after "Mr. McBryde, the District Superintendent"), when the text sets
    the title beside no one else."""
    owner = {" ".join(d.split()).lower(): c for c in clusters for d in c.surfaces}
    heads: dict[str, set[int]] = {}  # "superintendent" -> the named characters given that title
    for pair in apposed:
        for title, name in (pair, pair[::-1]):
            named = owner.get(name)
            plural = title.endswith("s") and not title.endswith(("ss", "us", "is"))  # "the Willoughbys": a family
            if title.startswith("the ") and not plural and named is not None and (named.given or named.surname) \
                    and owner.get(title) is not named:
                heads.setdefault(title.split()[-1], set()).add(id(named))
    by_id = {id(c): c for c in clusters}
    for c in clusters:
        forms = {p.words for p in c.parts.values()}
        if c.surfaces and not c.given and not c.surname and all(w[0] == "the" or ("the", *w) in forms for w in forms):
            named = {n for p in c.parts.values() for n in heads.get(p.words[-1], ())}
            if len(named) == 1 and by_id[next(iter(named))] is not c:
                by_id[next(iter(named))].absorb(c)
                c.surfaces.clear()
    return [c for c in clusters if c.surfaces or c.narrator]


MISSPELT_SHARE = 20  # a spelling used at most once for every 20 uses of the other is its misprint


def _one_letter_more(short: str, long: str) -> bool:
    """"Pruet" and "Pruett", "Rachel" and "Rachael": one letter left out, not the first."""
    return (len(long) == len(short) + 1 and len(short) >= 5 and short[0] == long[0]
            and any(long[:i] + long[i + 1:] == short for i in range(1, len(long))))


def _misspelling(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    differ = [(x, y) for x, y in zip(wa, wb) if x != y]
    return len(differ) == 1 and (_one_letter_more(*differ[0]) or _one_letter_more(*differ[0][::-1]))


def join_misspelt(clusters: list[Cluster]) -> list[Cluster]:
    """A rare name one letter short or long of a frequent one is its misprint ("Mr. Pruet"
    for Mr. Pruett, "Rachel" for Rachael); a letter changed is another name ("Tolley", "Talley")."""
    out = list(clusters)
    bigs = [c for c in clusters if c.size >= MISSPELT_SHARE]  # few: the inner loop stays short
    for small in sorted(clusters, key=lambda c: c.size):
        hosts = {id(big): big for big in bigs if big is not small and big.size >= MISSPELT_SHARE * small.size
                 and any(_misspelling(d, e) for d in small.surfaces for e in big.surfaces)}
        if len(hosts) == 1:
            next(iter(hosts.values())).absorb(small)
            out.remove(small)
            if small in bigs:
                bigs.remove(small)
    return out
