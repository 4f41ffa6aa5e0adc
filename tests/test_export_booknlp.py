"""BookNLP-compatible files: BookNLP's columns, token ids that cross-reference, and JSON round trips."""

import csv
import json

import pytest
from typer.testing import CliRunner

import fabula
from fabula.cli import app
from fabula.export import load_json, write_booknlp
from fabula.export.booknlp import ENTITY_COLUMNS, QUOTE_COLUMNS, TOKEN_COLUMNS


@pytest.fixture(scope="module")
def ferry(stories):
    return fabula.read(stories / "ferry-crossing.txt")


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_files_have_booknlp_columns_and_ids(ferry, tmp_path):
    write_booknlp(ferry, tmp_path, "ferry")
    tokens = read_tsv(tmp_path / "ferry.tokens")
    assert tuple(tokens[0]) == TOKEN_COLUMNS
    assert [int(t["token_ID_within_document"]) for t in tokens] == list(range(len(ferry.tokens)))
    for t in tokens[:50]:
        assert ferry.text[int(t["byte_onset"]):int(t["byte_offset"])] == t["word"]
        assert 0 <= int(t["syntactic_head_ID"]) < len(tokens)
    entities = read_tsv(tmp_path / "ferry.entities")
    assert tuple(entities[0]) == ENTITY_COLUMNS
    nell = next(c for c in ferry.characters if c.name == "Nell Dawson")
    first = next(e for e in entities if e["text"] == "Nell Dawson")
    assert first["COREF"] == nell.id[1:] and first["prop"] == "PROP" and first["cat"] == "PER"
    words = " ".join(tokens[i]["word"] for i in range(int(first["start_token"]), int(first["end_token"]) + 1))
    assert words == "Nell Dawson"
    quotes = read_tsv(tmp_path / "ferry.quotes")
    assert tuple(quotes[0]) == QUOTE_COLUMNS and len(quotes) == len(ferry.quotes)
    oakes = next(q for q in quotes if q["quote"].startswith("Late as ever"))
    assert oakes["mention_phrase"] == "Mr. Oakes"
    assert tokens[int(oakes["quote_start"])]["word"] in ('"', "\u201c")  # the span takes in the marks
    book = json.loads((tmp_path / "ferry.book").read_text(encoding="utf-8"))
    entry = next(c for c in book["characters"] if c["id"] == int(nell.id[1:]))
    assert {"c": 1, "n": "Nell Dawson"} in entry["mentions"]["proper"]
    assert entry["g"]["argmax"] == "she/her"
    assert any(a["w"] == "waited" for a in entry["agent"])


def test_export_command_reads_stories_and_fabula_json(stories, tmp_path):
    runner = CliRunner()
    done = runner.invoke(app, ["read", str(stories / "ferry-crossing.txt"), "--out", str(tmp_path / "json")])
    assert done.exit_code == 0
    saved = tmp_path / "json" / "ferry-crossing.json"
    assert load_json(saved).to_json() == saved.read_text(encoding="utf-8").strip()
    for source, folder in ((saved, "from-json"), (stories / "ferry-crossing.txt", "from-story")):
        done = runner.invoke(app, ["export", str(source), "--format", "booknlp", "--out", str(tmp_path / folder)])
        assert done.exit_code == 0, done.output
    for ext in ("tokens", "entities", "quotes", "book"):
        a = (tmp_path / "from-json" / f"ferry-crossing.{ext}").read_bytes()
        assert a == (tmp_path / "from-story" / f"ferry-crossing.{ext}").read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "other"}', encoding="utf-8")
    done = runner.invoke(app, ["export", str(bad), "--out", str(tmp_path)])
    assert done.exit_code == 2 and "E113" in done.output
