"""``fabula doctor``: what fabula runs on here, what is missing, and how fast spaCy can go.

Every check is a :class:`Check` with a status (``ok``, ``warn``, ``missing``), what was found,
and for anything missing the command that fixes it. A missing required part makes
:func:`diagnose` report failure; optional parts and a slow matrix library only warn.
"""

from __future__ import annotations

import importlib
import platform
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .settings import DEFAULT_SPACY_MODEL

# (module, distribution, what it is for); required ones come from fabula's own dependencies
REQUIRED = (
    ("spacy", "spacy", "tokens, tags and parses"),
    ("ftfy", "ftfy", "mojibake repair"),
    ("charset_normalizer", "charset-normalizer", "encoding detection"),
    ("networkx", "networkx", "GEXF and GraphML files"),
    ("vaderSentiment", "vaderSentiment", "sentence valence for the arcs"),
    ("pyarrow", "pyarrow", "corpus Parquet tables"),
    ("duckdb", "duckdb", "the corpus catalog"),
    ("typer", "typer", "the command line"),
    ("rich", "rich", "tables and progress bars"),
)
OPTIONAL = (
    ("distributed", "distributed", "`fabula corpus --dask`", "pip install 'fabula[dask]'"),
)
SLOW_WORDS_PER_SECOND = 3000  # spaCy's small English pipeline does 5,000-15,000 on a laptop core
PROBE_SECONDS = 10.0


@dataclass(slots=True)
class Check:
    name: str
    status: str  # "ok", "warn" or "missing"
    found: str
    fix: str | None = None


@dataclass(slots=True)
class Diagnosis:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.status != "missing" for c in self.checks)


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def diagnose(spacy_model: str = DEFAULT_SPACY_MODEL, *, probe: bool = True,
             probe_seconds: float = PROBE_SECONDS) -> Diagnosis:
    from . import __version__

    d = Diagnosis()
    d.checks.append(Check("fabula", "ok", f"{__version__} at {Path(__file__).resolve().parent}"))
    d.checks.append(Check("python", "ok" if sys.version_info >= (3, 11) else "missing",
                          f"{platform.python_version()} ({sys.executable})",
                          None if sys.version_info >= (3, 11) else "install Python 3.11 or newer"))
    for module, dist, purpose in REQUIRED:
        try:
            importlib.import_module(module)
            d.checks.append(Check(module, "ok", f"{_version(dist) or '?'} ({purpose})"))
        except ImportError as exc:
            d.checks.append(Check(module, "missing", f"cannot import: {exc} (needed for {purpose})",
                                  f"pip install --force-reinstall fabula  # or: pip install {dist}"))
    for module, dist, purpose, fix in OPTIONAL:
        try:
            importlib.import_module(module)
            d.checks.append(Check(module, "ok", f"{_version(dist) or '?'} (optional: {purpose})"))
        except ImportError:
            d.checks.append(Check(module, "warn", f"not installed (optional: {purpose})", fix))
    nlp = _pipeline(d, spacy_model)
    if nlp is not None:
        from .nlp import numpy_matmul_is_faster

        faster = numpy_matmul_is_faster()
        d.checks.append(Check("matrix multiply", "ok", "NumPy's BLAS (measured faster here than blis; same output)"
                              if faster else "blis (measured at least as fast here as NumPy's BLAS)"))
    if nlp is not None and probe:
        _speed_probe(d, nlp, probe_seconds)
    return d


def _pipeline(d: Diagnosis, name: str):
    from .errors import FabulaError
    from .nlp import load_pipeline, pipeline_label

    try:
        nlp = load_pipeline(name)
    except FabulaError as exc:
        d.checks.append(Check("spaCy pipeline", "missing", f"{name!r}: {exc.message}", exc.hint))
        return None
    path = getattr(nlp, "path", None)
    where = str(path) if path else "an in-memory pipeline"
    d.checks.append(Check("spaCy pipeline", "ok", f"{pipeline_label(nlp)} from {where} ({', '.join(nlp.pipe_names)})"))
    return nlp


def _speed_probe(d: Diagnosis, nlp, seconds: float) -> None:
    """spaCy's words per second on the bundled example, for up to ``seconds``; the matrix
    library (blis) is what makes it slow when it picks a generic kernel for the CPU."""
    from importlib.resources import files

    text = files("fabula").joinpath("examples/low-tide.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    words = done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds and done < 20:
        for doc in nlp.pipe(paragraphs):
            words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        done += 1
    elapsed = time.perf_counter() - start
    rate = words / elapsed if elapsed else 0.0
    if rate >= SLOW_WORDS_PER_SECOND:
        d.checks.append(Check("speed", "ok", f"spaCy reads {rate:,.0f} words/s on one core"))
    else:
        d.checks.append(Check(
            "speed", "warn", f"spaCy reads only {rate:,.0f} words/s on one core (a laptop does 5,000 or more)",
            "the matrix library blis may have picked a generic kernel for this CPU: try `BLIS_ARCH_TYPE=haswell` "
            "(or skx, zen) in the environment, or reinstall blis from source with `pip install --no-binary blis "
            "blis`; run corpora with --workers to use every core"))
