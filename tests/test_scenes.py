"""Scenes: each break rule on a story written for the project."""

import pytest

import fabula
from fabula.model import Paragraph, Story
from fabula.stages.scenes import time_shift


@pytest.fixture(scope="module")
def ferry(stories):
    return fabula.read(stories / "ferry-crossing.txt")


def openings(story):
    return [(sc.opens, story.text[sc.start:sc.start + 20]) for sc in story.scenes]


def test_every_break_rule_opens_a_scene(ferry):
    assert openings(ferry) == [
        ("start", "Nell Dawson waited o"),
        ("break", "The ferry came in at"),  # a "* * *" line
        ("gap", "The cabin below was "),  # three blank lines where the text uses one
        ("time", "The next morning the"),
        ("place", "She walked up the hi"),  # narration taking its people somewhere new
        ("cast", "Far away in the city"),  # other people, other words
        ("chapter", "Nell's mother opened"),
    ]


def test_scenes_cover_the_text_in_order_and_know_their_chapter(ferry):
    text_paragraphs = [p for p in ferry.paragraphs if p.kind == "text"]
    assert ferry.scenes[0].start == text_paragraphs[0].start
    assert ferry.scenes[-1].end == text_paragraphs[-1].end
    for a, b in zip(ferry.scenes, ferry.scenes[1:]):
        assert a.end < b.start
    assert [sc.chapter for sc in ferry.scenes] == ["ch1"] * 6 + ["ch2"]


def test_who_is_present_and_where(ferry):
    names = {c.id: c.name for c in ferry.characters}
    city = ferry.scenes[5]
    assert {names[c] for c in city.characters} == {"Victor Marsh", "Edwin Crane"}
    assert "Nell Dawson" not in {names[c] for c in city.characters}  # only talked about there
    assert city.place == "the city"
    assert ferry.scenes[4].place in ("the hill", "the village")


@pytest.mark.parametrize("opening, shifts", [
    ("Later that night he remembered.", True),
    ("Three days later the letter came.", True),
    ("The next morning it rained.", True),
    ("Meanwhile, in the city, Victor waited.", True),
    ("In the morning the rain had stopped.", True),
    ("\u201cLater,\u201d she said.", False),  # dialogue, not narration
    ("He was later than usual.", False),
    ("When they were gone, Nora sat down to sew.", True),
    ("It was a raw, foggy, bitter evening, when the carter set out.", True),
    ("It was not till the afternoon that she spoke.", False),
    ("The first week of the holiday passed quickly.", True),
    ("June was to bring Nora home to Quenby.", True),
    ("When the dusk was gathering, a man came up the road.", True),
    ("Their cousin's wedding day arrived.", True),
    ("Kit caught a chill. Three days later he could not rise.", True),  # a short first sentence, then the move
    ("Martha, walking home one late May evening, saw the lamps.", True),
    ("They sat together on the lawn that summer afternoon.", True),
    ("He said he would one day be rich.", False),  # a plan
    ("The Harlows stayed only one night at Quenby.", False),
])
def test_time_shift_openings(opening, shifts):
    story = Story(text=opening, paragraphs=[Paragraph("p1", 0, len(opening), None)])
    assert time_shift(story, story.paragraphs[0]) is shifts


def test_the_sliding_windows_match_a_direct_cosine():
    import math
    import random
    from collections import Counter

    from fabula.stages.scenes import _sliding_similarity

    rng = random.Random(7)
    items = [Counter(rng.choice("abcdefg") for _ in range(rng.randint(0, 5))) for _ in range(40)]
    for width in (2, 4, 8, 16):
        for i, sim in enumerate(_sliding_similarity(items, width)):
            before = sum(items[max(0, i - width):i], Counter())
            after = sum(items[i:i + width], Counter())
            if not before or not after:
                assert sim is None
                continue
            dot = sum(n * after[k] for k, n in before.items())
            want = dot / math.sqrt(sum(n * n for n in before.values()) * sum(n * n for n in after.values()))
            assert abs(sim - want) < 1e-9


def test_the_next_morning_said_inside_the_first_sentence_opens_a_scene():
    from fabula.stages.scenes import time_shift

    story = fabula.read("Title\n\nThe old man sat by the fire all night.\n\n"
                        "The carter was up, early, next morning, and waited.\n\n"
                        "He said he would come back the next day. Then he left.\n")
    paragraphs = [p for p in story.paragraphs if p.kind == "text"]
    assert [time_shift(story, p) for p in paragraphs] == [False, True, False]


def test_a_paragraph_opening_with_a_word_in_capitals_may_open_a_chapter():
    from fabula.stages.scenes import _capitals
    assert _capitals("THE Monday was a wet Monday in spring")  # a printer's opening, before a name too
    assert _capitals("WHEN Hester took Nell up to bed")
    assert _capitals("IT was late.")
    assert _capitals("MR. HARLOW walked home from the mill")  # the title in capitals with the name
    assert not _capitals("CHAPTER ONE")  # a heading, not an opening
    assert not _capitals("I said nothing.") and not _capitals("Mr. Harlow came in.")


def test_a_title_line_in_capitals_opens_a_scene():
    story = fabula.read("The Book\n\nJoe sat in the kitchen of the little house and ate his supper alone. "
                        "The rain came down.\n\nHe went to bed early and slept badly.\n\nBROKEN HOPES\n\n"
                        "What Joe lacked more than anything was a friend.\n\nHe had none in the city.\n")
    title = next(s for s in story.scenes if story.text[s.start:].startswith("BROKEN HOPES"))
    assert title.opens == "title"
    from fabula.stages.scenes import _title_line
    assert not _title_line("FITZWILLIAM DARCY.") and not _title_line('"HELP!"') and not _title_line("OK")


def test_how_a_paragraph_opens_weighs_on_opening_a_scene():
    from fabula.stages.scenes import _opening_score, _token_ranges

    story = fabula.read("Title\n\nMartha Greene sat in the kitchen.\n\n"
                        "On the third of June Martha Greene drove to the coast.\n\n"
                        "She closed the door behind her.\n\n"
                        "A dog barked at her from the gate.\n")
    ranges = _token_ranges(story)
    kinds = {m.start: m.kind for m in story.mentions}
    named, dated, pronoun, pronouns_only = (_opening_score(story, ranges[p.id], kinds)
                                            for p in story.paragraphs if p.kind == "text")
    assert dated > named > 0  # a date and a name: the story moving on to someone
    assert pronoun < pronouns_only < 0  # a pronoun opening and subject lean on the paragraph before
    assert pronouns_only < named


def test_a_talk_ended_in_narration_is_likelier_left_than_one_going_on():
    from fabula.stages.scenes import _implicit_scores

    story = fabula.read("Title\n\nTom looked out of the window.\n\n\u201cIt will rain,\u201d said Tom.\n\n"
                        "The rain fell on the roofs.\n\nThe rain fell on the fields.\n")
    paragraphs = [p for p in story.paragraphs if p.kind == "text"]
    flat = _implicit_scores(story, paragraphs, [0.0] * len(paragraphs), {})
    assert flat[3] > flat[2]  # the same opening, after narration rather than after a line
