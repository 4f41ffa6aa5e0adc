"""Emotional arcs: how the feeling of the story rises and falls over narrative time.

Each sentence gets a valence from VADER (its lexicon ships with the package,
MIT licence), -1 to 1. The story's arc is those values smoothed with a
discrete cosine transform low-pass, as syuzhet does: the first few cosine
components of the series, read back at 100 points of narrative time (0–100%).
Sentences VADER scores 0 (no word of feeling in them, about
half of all) are left out of the smoothing: they are no evidence, and
counting them as neutral flattens every arc. A character's arc is built the same way from what they say (their lines) and
the narration sentences that mention them, placed at their narrative time.
The raw values stay in the output so others can smooth them their own way.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..dialogue import QuotedText
from ..model import Story
from . import stage

# cosine components kept: the arc's broad shape, not each scene's swings (syuzhet keeps 5;
# at 5 a short story's closing passage is smoothed into the middle)
LOW_PASS = 7
POINTS = 100  # narrative time is read at 0%, 1%, …, 99%
MIN_CHARACTER_POINTS = 12  # fewer values than this make no arc


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def valence(text: str) -> float:
    """VADER's compound score of a piece of text, -1 (negative) to 1 (positive)."""
    return _analyzer().polarity_scores(text)["compound"]


def dct_smooth(times: list[float], values: list[float], low_pass: int = LOW_PASS, points: int = POINTS) -> list[float]:
    """``values`` observed at ``times`` (0–1), smoothed by keeping the first ``low_pass`` cosine
    components and read at ``points`` evenly spaced times. Unevenly spaced values are first
    averaged into ``points`` bins, empty bins taking their neighbours' value."""
    if not values:
        return []
    bins: list[list[float]] = [[] for _ in range(points)]
    for t, v in zip(times, values):
        bins[min(points - 1, int(t * points))].append(v)
    series: list[float | None] = [sum(b) / len(b) if b else None for b in bins]
    _fill(series)
    n = len(series)
    coeffs = [sum(x * math.cos(math.pi / n * (i + 0.5) * k) for i, x in enumerate(series)) for k in range(low_pass)]
    out = []
    for i in range(n):
        total = coeffs[0] / 2 + sum(coeffs[k] * math.cos(math.pi / n * (i + 0.5) * k) for k in range(1, low_pass))
        out.append(round(2 * total / n, 4))
    return out


def _fill(series: list[float | None]) -> None:
    """Empty bins take the nearest filled bin's value (the mean of both when equally near)."""
    known = [i for i, v in enumerate(series) if v is not None]
    if not known:
        series[:] = [0.0] * len(series)
        return
    k = 0
    for i, v in enumerate(series):
        if v is not None:
            continue
        while k + 1 < len(known) and known[k + 1] < i:
            k += 1
        left, right = known[k], known[k + 1] if k + 1 < len(known) else None
        if left > i:
            series[i] = series[left]
        elif right is None or i - left < right - i:
            series[i] = series[left]
        elif right - i < i - left:
            series[i] = series[right]
        else:
            series[i] = (series[left] + series[right]) / 2


def _felt(times: list[float], values: list[float]) -> tuple[list[float], list[float]]:
    """The values that carry feeling (not 0), with their times; all of them if none do."""
    kept = [(t, v) for t, v in zip(times, values) if v != 0]
    if not kept:
        return times, values
    return [t for t, _ in kept], [v for _, v in kept]


@stage(requires=("sentences", "quotes.speaker", "mentions.dialogue", "characters"), assigns=("arcs",))
def arcs(story: Story, settings) -> None:
    if not story.sentences:
        return
    length = max(len(story.text), 1)
    text = story.text
    sentence_valence = [valence(text[s.start:s.end]) for s in story.sentences]
    times = [s.start / length for s in story.sentences]

    quoted = QuotedText(story)
    points: dict[str, list[tuple[float, float]]] = {}
    for q in story.quotes:
        if q.speaker:
            points.setdefault(q.speaker, []).append((q.start / length, valence(text[q.start:q.end])))
    starts = [s.start for s in story.sentences]
    from bisect import bisect_right

    seen: set[tuple[str, int]] = set()
    for m in story.mentions:
        if m.character is None or quoted(m.start):
            continue
        i = bisect_right(starts, m.start) - 1
        if i < 0 or (m.character, i) in seen:
            continue
        seen.add((m.character, i))
        points.setdefault(m.character, []).append((times[i], sentence_valence[i]))

    characters = {}
    for c in story.characters:
        series = sorted(points.get(c.id, []))
        if len(series) < MIN_CHARACTER_POINTS:
            continue
        characters[c.id] = {
            "points": [[round(t * 100, 2), v] for t, v in series],
            "smoothed": dct_smooth(*_felt([t for t, _ in series], [v for _, v in series])),
        }
    story.arcs = {
        "method": "VADER sentence valence, discrete cosine transform low-pass",
        "low_pass": LOW_PASS,
        "sentences": sentence_valence,
        "smoothed": dct_smooth(*_felt(times, sentence_valence)),
        "characters": characters,
    }
