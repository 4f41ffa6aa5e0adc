"""Every crafted file in ``craft.FILES`` is analysed or refused with its coded error: never a
crash, never a hang, never a gigabyte of memory.

The guard here only catches hangs, with room for a slow machine; the time and peak memory of
each file are measured by ``python benchmarks/hostile.py --crafted`` (each at most 10 s here).
"""

import resource
import signal

import pytest

import fabula
from fabula import FabulaError
from craft import FILES, make

GUARD_SECONDS = 30
MEMORY_LIMIT_MB = 1024


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("name", sorted(FILES))
def test_crafted_file(name, tmp_path):
    path = tmp_path / name
    path.write_bytes(make(name))
    expected = FILES[name][1]
    before = _rss_mb()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(GUARD_SECONDS)
    try:
        try:
            story = fabula.read(path)
            outcome = "read"
        except FabulaError as exc:
            outcome = exc.code
            assert name in exc.message  # the message names the file
    except Hang:
        pytest.fail(f"{name}: still running after {GUARD_SECONDS} s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert outcome == expected
    assert _rss_mb() - before < MEMORY_LIMIT_MB
    if outcome == "read":
        n = len(story.text)
        for p in story.paragraphs:
            assert 0 <= p.start <= p.end <= n
        for q in story.quotes:
            assert 0 <= q.start <= q.end <= n


def test_there_are_at_least_thirty():
    assert len(FILES) >= 30
