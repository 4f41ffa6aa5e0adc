"""Checks against the shared evaluation data (skipped where ../shared is absent; never committed)."""

import json

import pytest
from typer.testing import CliRunner

from conftest import SHARED, shared_path
from fabula.cli import app
from fabula.ingest import load_file


def test_example_story_is_repaired_and_laid_out(tmp_path):
    story = shared_path("examples", "survivor-guilt.txt")
    result = CliRunner().invoke(app, ["read", str(story), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "survivor-guilt.json").read_text(encoding="utf-8"))
    assert "not sure\u2026" in data["text"] and "ā€¦" not in data["text"]
    lines = [line.strip() for line in story.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [data["text"][p["start"]:p["end"]] for p in data["paragraphs"]]
    assert len(paragraphs) == len(lines) == 79
    assert data["meta"]["title"] == lines[0]


PDNC = SHARED / "data" / "pdnc-dev" / "data"
NOVELS = sorted(PDNC.glob("*/novel_text.txt")) if PDNC.exists() else []


@pytest.mark.parametrize("novel", NOVELS, ids=lambda p: p.parent.name)
def test_pdnc_text_is_kept_exactly_and_paragraphs_start_after_blank_lines(novel):
    original = novel.read_text(encoding="utf-8")
    source = load_file(novel)
    assert source.text == original  # PDNC's quotation offsets index this text
    assert source.offsets.is_identity
    assert len(source.paragraphs) > 100
    for p in source.paragraphs:
        before = original[:p.start]
        line_start = before.rfind("\n") + 1
        assert before[line_start:].strip() == ""  # only indentation before it on its line
        assert line_start == 0 or original[:line_start].endswith("\n\n")
        assert original[p.end - 1] != "\n"
