"""Corpus runs: parallel, into Parquet and DuckDB, resumable after a kill, bad works recorded."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from fabula.cli import app
from fabula.corpus import TABLES, expand_inputs, run_corpus
from conftest import FIXTURES, STORIES

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """The project's stories and format fixtures, run with two workers."""
    folder = tmp_path_factory.mktemp("inputs")
    for f in STORIES.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    shutil.copy(FIXTURES / "ao3" / "multi-chapter.html", folder / "harbour-ao3.html")
    shutil.copy(FIXTURES / "formats" / "harbour.html", folder / "harbour-page.html")
    out = tmp_path_factory.mktemp("corpus")
    summary = run_corpus([folder], out, workers=2)
    return folder, out, summary


def test_every_work_lands_once_in_json_and_tables(small_corpus):
    folder, out, summary = small_corpus
    n = len(list(folder.iterdir()))
    assert (summary.total, summary.done, summary.failed) == (n, n, 0)
    assert len(list((out / "json").glob("*.json"))) == n
    con = duckdb.connect(str(out / "catalog.duckdb"), read_only=True)
    assert con.execute("select count(*), count(distinct work_id) from works").fetchone() == (n, n)
    for table in TABLES[1:]:
        orphans = con.execute(f"select count(*) from {table} where work_id not in (select work_id from works)").fetchone()
        assert orphans == (0,)
    assert con.execute("select count(*) from quotes").fetchone()[0] > 50
    dupes = con.execute("select count(*) from (select work_id, quote_id from quotes group by all having count(*) > 1)")
    assert dupes.fetchone() == (0,)
    ao3 = con.execute("select title, year, fandoms from works where source_format = 'ao3'").fetchone()
    assert ao3 == ("The Harbour Light", 2026, ["Original Work", "Harbour Lights (Web Series)"])


def test_rows_join_back_to_the_json(small_corpus):
    _, out, _ = small_corpus
    con = duckdb.connect(str(out / "catalog.duckdb"), read_only=True)
    work_id, quote_id, text = con.execute("select work_id, quote_id, text from quotes order by work_id, start limit 1").fetchone()
    story = json.loads((out / "json" / f"{work_id}.json").read_text(encoding="utf-8"))
    q = next(q for q in story["quotes"] if q["id"] == quote_id)
    assert story["text"][q["start"]:q["end"]] == text


def test_a_second_run_skips_every_finished_work(small_corpus):
    folder, out, summary = small_corpus
    again = run_corpus([folder], out, workers=1)
    assert (again.done, again.skipped) == (0, summary.total)


def test_the_readme_queries_run(small_corpus):
    _, out, _ = small_corpus
    queries = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(queries) >= 5
    con = duckdb.connect(str(out / "catalog.duckdb"), read_only=True)
    for query in queries:
        assert con.execute(query).fetchall(), query


def test_bad_works_are_recorded_and_the_rest_complete(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(STORIES / "two-friends.txt", folder)
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.epub").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["corpus", str(folder), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 2
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((Path(e["path"]).name, e["code"]) for e in errors) == [
        ("broken.epub", "E109"), ("empty.txt", "E104"), ("picture.txt", "E103")]
    con = duckdb.connect(str(out / "catalog.duckdb"), read_only=True)
    assert con.execute("select count(*) from works").fetchone() == (1,)


def test_a_crash_inside_a_stage_is_recorded(tmp_path, monkeypatch):
    import fabula.pipeline

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(fabula.pipeline, "read", broken)
    summary = run_corpus([STORIES / "two-friends.txt"], tmp_path, workers=1)
    assert summary.failed == 1 and summary.results[0].code == "E501"
    assert "ZeroDivisionError" in summary.results[0].message


def test_a_killed_run_finishes_on_the_next_with_each_work_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, f in enumerate(sorted(STORIES.glob("*.txt")) * 2):  # 14 works: every story twice, made distinct
        (folder / f"{i:02d}-{f.name}").write_text(f.read_text(encoding="utf-8") + f"\n\nCopy {i}.\n", encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "fabula.cli", "corpus", str(folder), "--out", str(out), "--workers", "1"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    works = out / "tables" / "works"
    deadline = time.time() + 120
    while time.time() < deadline and len([p for p in works.glob("*.parquet") if p.name != "_schema.parquet"]) < 3:
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    finished = len([p for p in works.glob("*.parquet") if p.name != "_schema.parquet"])
    assert 3 <= finished < 14  # killed part way
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"{14 - finished} analysed, {finished} done before" in done.stdout
    con = duckdb.connect(str(out / "catalog.duckdb"), read_only=True)
    assert con.execute("select count(*), count(distinct work_id), count(distinct path) from works").fetchone() == (14, 14, 14)
    assert con.execute("select count(*) from (select work_id, quote_id from quotes group by all having count(*) > 1)").fetchone() == (0,)
    assert not list(out.rglob("*.part"))  # what the killed run was writing is cleared away


def test_inputs_folders_globs_and_lists(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "two.html").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "skip-me.txt").write_text("x", encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text("# works\na/notes.md\n\na/one.txt\n", encoding="utf-8")
    found = expand_inputs([tmp_path / "a", f"@{listing}"], exclude=("skip-*",))
    assert [p.name for p in found] == ["one.txt", "two.html", "notes.md"]


def test_dask_local_runs_the_same_code(tmp_path):
    pytest.importorskip("distributed")
    summary = run_corpus([STORIES / "two-friends.txt", STORIES / "xe-story.txt"], tmp_path, workers=1, dask="local")
    assert (summary.done, summary.failed) == (2, 0)
    local = run_corpus([STORIES / "two-friends.txt"], tmp_path / "again", workers=1)
    work_id = local.results[0].work_id
    assert (tmp_path / "json" / f"{work_id}.json").read_bytes() == (tmp_path / "again" / "json" / f"{work_id}.json").read_bytes()
