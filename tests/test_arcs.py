"""Emotional arcs: sentence valence, smoothed over narrative time."""

import pytest

import fabula
from fabula.stages.arcs import dct_smooth


@pytest.fixture(scope="module")
def garden(stories):
    return fabula.read(stories / "rise-and-fall.txt")


def test_a_story_that_rises_then_falls_has_its_peak_in_the_middle(garden):
    arc = garden.arcs["smoothed"]
    assert len(arc) == 100
    peak = arc.index(max(arc))
    assert 30 <= peak <= 70
    assert arc[0] < 0 and arc[-1] < 0 < arc[peak]


def test_raw_values_are_kept_one_per_sentence(garden):
    raw = garden.arcs["sentences"]
    assert len(raw) == len(garden.sentences)
    assert all(-1 <= v <= 1 for v in raw)
    assert min(raw) < -0.5 and max(raw) > 0.5


def test_character_arcs_follow_what_is_said_around_them(garden):
    mara = next(c for c in garden.characters if c.name == "Mara")
    arc = garden.arcs["characters"][mara.id]
    assert len(arc["smoothed"]) == 100 and len(arc["points"]) >= 5
    assert max(arc["smoothed"]) > 0 > min(arc["smoothed"])


def test_smoothing_keeps_a_constant_and_a_slow_wave():
    times = [i / 200 for i in range(200)]
    assert all(abs(v - 0.5) < 1e-9 for v in dct_smooth(times, [0.5] * 200))
    import math

    wave = [math.cos(math.pi * t) for t in times]  # one half cosine: the first component
    smooth = dct_smooth(times, wave)
    assert smooth[0] > 0.9 and smooth[-1] < -0.9 and abs(smooth[50]) < 0.1
