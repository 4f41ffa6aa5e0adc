"""fabula's scorers on a tiny PDNC-shaped novel written for the project: hand-counted numbers,
and the same numbers as the shared yardsticks where ../shared/tools is present."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from fabula.evaluate import cast as cast_scores
from fabula.evaluate import quotes as quote_scores

DATA = Path(__file__).parent / "fixtures" / "pdnc"
PRED = Path(__file__).parent / "fixtures" / "pdnc-pred"
TOOLS = SHARED / "tools"


def test_quote_scores_by_hand():
    _, total = quote_scores.score(DATA, PRED)
    r = total.rates()
    assert (r["gold"], r["matched"]) == (6, 5)
    assert r["speaker_accuracy"] == pytest.approx(3 / 6)
    assert (r["Explicit"], r["Anaphoric"], r["Implicit"]) == (0.75, 0.0, 0.0)
    assert r["precision"] == pytest.approx(5 / 6) and r["recall"] == pytest.approx(5 / 6)
    assert r["addressee_accuracy"] == pytest.approx(3 / 5)


def test_cast_scores_by_hand():
    _, total = cast_scores.score(DATA, PRED)
    r = total.rates()
    assert (total.cast, total.found, total.split) == (3, 3, 1)
    assert r["precision"] == pytest.approx(3 / 4)  # "The Ferry" maps to nobody; "Tom" has too few mentions
    assert r["gender_accuracy"] == pytest.approx(2 / 4)


def _shared(tool, *args):
    if not (TOOLS / tool).exists():
        pytest.skip("the shared yardsticks are not here")
    out = subprocess.run([sys.executable, str(TOOLS / tool), str(DATA), str(PRED), *args],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["micro"]


def test_quote_scores_agree_with_the_shared_yardstick():
    theirs = _shared("score_quotes.py", "--tiebreak-name")
    ours = quote_scores.score(DATA, PRED)[1].rates()
    assert ours["speaker_accuracy"] == pytest.approx(theirs["speaker_accuracy"], abs=1e-4)
    assert ours["precision"] == pytest.approx(theirs["detection"]["precision"], abs=1e-4)
    assert ours["recall"] == pytest.approx(theirs["detection"]["recall"], abs=1e-4)
    for kind in quote_scores.TYPES:
        assert ours[kind] == pytest.approx(theirs["by_type"][kind]["accuracy"], abs=1e-4)


def test_cast_scores_agree_with_the_shared_yardstick():
    theirs = _shared("score_cast.py")
    ours = cast_scores.score(DATA, PRED)[1].rates()
    for key in ("recall", "split_rate", "precision"):
        assert ours[key] == pytest.approx(theirs[key], abs=1e-4)


def test_eval_pdnc_command_runs_fabula_and_prints_scores(tmp_path):
    from typer.testing import CliRunner

    from fabula.cli import app

    result = CliRunner().invoke(app, ["eval", "pdnc", str(DATA), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "TinyNovel.json").exists()
    assert "MICRO" in result.stdout and "cast: recall" in result.stdout


def test_eval_pdnc_with_workers_reports_a_worker_error_by_its_code(tmp_path):
    # an error raised in a worker process crosses back whole: the catalogue's code and message,
    # not a broken process pool
    from typer.testing import CliRunner

    from fabula.cli import app

    taken = tmp_path / "out"
    taken.write_text("a file where the output folder should be", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "pdnc", str(DATA), "--out", str(taken), "--workers", "2"])
    assert result.exit_code == 2, result.output
    assert "E401" in result.output and "TinyNovel.json" in result.output
