"""The command line: output files, one-line coded errors with exit 2, docs for every command."""

import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fabula import __version__
from fabula.cli import app

README = Path(__file__).parent.parent / "README.md"
runner = CliRunner()


def test_read_writes_json_per_story(stories, tmp_path):
    result = runner.invoke(app, ["read", str(stories / "two-friends.txt"), str(stories / "wrapped.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for stem in ("two-friends", "wrapped"):
        data = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
        assert data["schema"] == "fabula/1"
        assert str(tmp_path / f"{stem}.json") in result.stdout


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"fabula {__version__}"


@pytest.mark.parametrize("make, code", [
    (lambda d: d / "missing.txt", "E101"),
    (lambda d: d, "E102"),
    (lambda d: (d / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40)) and d / "pic.png", "E103"),
    (lambda d: (d / "empty.txt").write_bytes(b"") or d / "empty.txt", "E104"),
])
def test_bad_input_is_one_line_exit_2_no_traceback(tmp_path, make, code):
    target = make(tmp_path)
    result = runner.invoke(app, ["read", str(target), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"fabula: error {code}: {target}")
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback(tmp_path):
    result = runner.invoke(app, ["--debug", "read", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "E101" in result.stderr


def test_one_bad_story_does_not_stop_the_others(stories, tmp_path):
    result = runner.invoke(app, ["read", str(tmp_path / "missing.txt"), str(stories / "wrapped.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert (tmp_path / "wrapped.json").exists()


def test_missing_pipeline_is_a_clear_error(stories, tmp_path):
    result = runner.invoke(app, ["read", str(stories / "wrapped.txt"), "--spacy-model", "nope_pipeline", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "E201" in result.stderr and "pip install" in result.stderr


def _commands():
    return sorted(typer.main.get_command(app).commands)


def test_every_command_is_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    for name in _commands():
        assert re.search(rf"^#+ .*`fabula {name}", readme, re.MULTILINE), f"README has no section for `fabula {name}`"


@pytest.mark.parametrize("name", _commands())
def test_every_command_help_has_an_example(name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0 and "Example: fabula " + name in result.stdout
