"""The wheel: built with `python -m build`, installed (not editable) into a fresh virtual
environment that cannot see the source tree, it gives the same output as the development install."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    return out


def test_the_wheel_carries_every_data_file(dist):
    wheel = next(dist.glob("fabula-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for inside in ("fabula/examples/low-tide.txt", "fabula/data/given_names.tsv", "fabula/schema/fabula-1.schema.json",
                   "fabula/lexicon/time_shifts.txt", "fabula/lexicon/location_nouns.txt", "fabula/cli.py",
                   "fabula/report/report.js", "fabula/report/report.css"):
        assert inside in names, inside
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    for field in ("License-Expression: Apache-2.0", "Requires-Python: >=3.11", "Requires-Dist: spacy",
                  "Description-Content-Type: text/markdown", "Provides-Extra: dask"):
        assert field in text, field
    assert next(dist.glob("fabula-*.tar.gz"))


def test_the_installed_wheel_gives_the_same_output(dist, tmp_path):
    wheel = next(dist.glob("fabula-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, timeout=1200, env=env,
                   cwd=tmp_path)
    story = tmp_path / "story.txt"
    story.write_bytes((ROOT / "tests" / "stories" / "ferry-crossing.txt").read_bytes())
    where = subprocess.run([str(python), "-c", "import fabula; print(fabula.__file__)"], check=True, env=env,
                           cwd=tmp_path, capture_output=True, text=True).stdout
    assert str(venv) in where and str(ROOT) not in where  # the installed copy, not the source tree
    subprocess.run([str(venv / "bin" / "fabula"), "read", "story.txt", "--out", "wheel", "--report"], check=True,
                   env=env, cwd=tmp_path, capture_output=True, timeout=600)
    subprocess.run([sys.executable, "-m", "fabula.cli", "read", "story.txt", "--out", "editable", "--report"],
                   check=True, cwd=tmp_path, capture_output=True, timeout=600)
    for name in ("story.json", "story.html"):
        assert (tmp_path / "wheel" / name).read_bytes() == (tmp_path / "editable" / name).read_bytes(), name
    subprocess.run([str(venv / "bin" / "fabula"), "report", "story.txt", "--out", "report"], check=True,
                   env=env, cwd=tmp_path, capture_output=True, timeout=600)
    assert (tmp_path / "report" / "story.html").read_bytes() == (tmp_path / "editable" / "story.html").read_bytes()
    doctor = subprocess.run([str(venv / "bin" / "fabula"), "doctor", "--no-probe"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
