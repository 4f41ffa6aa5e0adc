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


def test_example_story_scenes_network_and_arc():
    import fabula

    story = fabula.read(shared_path("examples", "survivor-guilt.txt"))
    openers = [story.text[sc.start:sc.start + 40] for sc in story.scenes]
    for opening in ("They walked down the street", "She let them into the room", "Later that night"):
        assert any(o.startswith(opening) for o in openers), opening
    names = {c.id: c.name for c in story.characters}
    heaviest = max(story.network["edges"], key=lambda e: e["weight"])
    assert {names[heaviest["source"]], names[heaviest["target"]]} == {"Buffy", "Spike"}
    arc = story.arcs["smoothed"]
    low, high = arc.index(min(arc)), arc.index(max(arc))
    # the low falls in a grief passage: the ruins of the firm (about 5-20%) or the talk of the dead (70-90%)
    assert 5 <= low <= 20 or 70 <= low <= 90
    assert high >= 90  # the ending


LITBANK_COREF = SHARED / "data" / "litbank" / "coref"


@pytest.mark.skipif(not (LITBANK_COREF / "brat").exists(), reason="LitBank is not here")
def test_the_shipped_pronoun_ranker_is_what_its_script_trains_on_litbank(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).parent.parent
    out = tmp_path / "ranker.json"
    run = subprocess.run([sys.executable, str(root / "scripts" / "train_coref_ranker.py"), "--litbank",
                          str(LITBANK_COREF), "--out", str(out)], capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    shipped = root / "src" / "fabula" / "data" / "coref_ranker.json"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), "retrain and commit the ranker"


# a run of this many words shared with an evaluation novel is copied from it, not written for the
# project (common phrases run shorter: "who introduced himself by the name of" is seven)
COPIED_WORDS = 8


@pytest.mark.skipif(not NOVELS, reason="PDNC is not here")
def test_the_tests_readme_and_code_are_written_for_the_project_not_copied_from_the_novels():
    import re
    from pathlib import Path

    root = Path(__file__).parent.parent
    ours: dict[str, str] = {}  # each run of words in our files -> the file it is in
    for path in [root / "README.md", *sorted((root / "src" / "fabula").rglob("*.py")),
                 *sorted((root / "src" / "fabula" / "lexicon").glob("*.txt")),
                 *sorted(p for p in (root / "tests").rglob("*") if p.suffix in (".py", ".txt", ".md", ".html"))]:
        words = re.findall(r"[a-z]+", path.read_text(encoding="utf-8", errors="replace").lower())
        for i in range(len(words) - COPIED_WORDS + 1):
            ours.setdefault(" ".join(words[i:i + COPIED_WORDS]), str(path.relative_to(root)))
    copied = set()
    for novel in [*NOVELS, *sorted((LITBANK_COREF / "brat").glob("*.txt"))]:
        words = re.findall(r"[a-z]+", novel.read_text(encoding="utf-8").lower())
        for i in range(len(words) - COPIED_WORDS + 1):
            run = " ".join(words[i:i + COPIED_WORDS])
            if run in ours:
                copied.add((ours[run], run))
    assert sorted(copied) == []
