"""One work of a corpus: analysed, written atomically, or recorded as failed.

Each output file is written under a temporary name and renamed into place, and
the work's row in the ``works`` table is written last: a work is done exactly
when that file exists. Files are named by the work's id (a hash of its bytes),
so a run killed half-way and started again overwrites what it left and never
duplicates a work.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..errors import E, FabulaError
from ..export.atomic import write_atomic
from ..settings import Settings
from .tables import TABLES, rows, schemas


@dataclass(slots=True)
class WorkResult:
    path: str
    work_id: str | None
    status: str  # "done", "skipped" (done by an earlier run with the same settings) or "failed"
    code: str | None = None
    message: str | None = None
    words: int = 0
    seconds: float = 0.0
    worker: int = 0  # the process id that did it
    peak_mb: float = 0.0  # that process's peak memory so far


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def settings_key(settings: Settings) -> str:
    return hashlib.sha256(repr((settings, __version__)).encode()).hexdigest()[:16]


def work_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _write_table(table: str, records: list[dict], target: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = schemas()[table]
    arrow = pa.Table.from_pylist(records, schema=schema)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    pq.write_table(arrow, tmp)
    os.replace(tmp, target)


def ensure_layout(out: Path) -> None:
    """The corpus folder: ``json/``, ``tables/<table>/`` (each with an empty ``_schema.parquet`` so
    the catalog's views always have their columns) and ``errors/``."""
    for table in TABLES:
        folder = out / "tables" / table
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "_schema.parquet").exists():
            _write_table(table, [], folder / "_schema.parquet")
    (out / "json").mkdir(exist_ok=True)
    (out / "errors").mkdir(exist_ok=True)
    for stale in out.rglob(".*.part"):  # left by a run that was killed while writing
        stale.unlink(missing_ok=True)


def done_before(out: Path, work_id: str, key: str) -> bool:
    marker = out / "tables" / "works" / f"{work_id}.parquet"
    if not marker.exists():
        return False
    import pyarrow.parquet as pq

    try:
        return pq.read_table(marker, columns=["settings"]).column("settings").to_pylist() == [key]
    except Exception:  # a damaged marker: do the work again
        return False


def process_work(path: str, out: str, settings: Settings, one_blas_thread: bool = False) -> WorkResult:
    """Analyse the work at ``path`` into the corpus folder ``out``; never raises. ``one_blas_thread``:
    this process is one of several sharing the cores."""
    from ..pipeline import read

    if one_blas_thread:
        from ..nlp import one_blas_thread as limit

        limit()
    out_dir = Path(out)
    started = time.perf_counter()
    key = settings_key(settings)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return _failed(out_dir, path, None, FabulaError(E.FILE_NOT_FOUND, path=path))
    except IsADirectoryError:
        return _failed(out_dir, path, None, FabulaError(E.IS_DIRECTORY, path=path))
    except OSError as exc:
        return _failed(out_dir, path, None, FabulaError(E.UNREADABLE, path=path, reason=exc.strerror or str(exc)))
    work_id = work_id_of(data)
    if done_before(out_dir, work_id, key):
        return WorkResult(path, work_id, "skipped")
    try:
        story = read(Path(path), settings=settings)
    except FabulaError as exc:
        return _failed(out_dir, path, work_id, exc)
    except Exception as exc:  # a bug inside a stage: recorded, and the corpus goes on
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
        return _failed(out_dir, path, work_id, FabulaError(E.STAGE_CRASHED, path=path, reason=reason))
    tables = rows(story, work_id, str(path), key, __version__)
    write_atomic(out_dir / "json" / f"{work_id}.json", (story.to_json() + "\n").encode("utf-8"))
    for table in TABLES[1:]:
        _write_table(table, tables[table], out_dir / "tables" / table / f"{work_id}.parquet")
    _write_table("works", tables["works"], out_dir / "tables" / "works" / f"{work_id}.parquet")  # the commit
    error = out_dir / "errors" / f"{work_id}.json"
    if error.exists():
        error.unlink()
    return WorkResult(path, work_id, "done", words=story.word_count, seconds=time.perf_counter() - started,
                      worker=os.getpid(), peak_mb=round(_peak_mb(), 1))


def _failed(out: Path, path: str, work_id: str | None, exc: FabulaError) -> WorkResult:
    name = work_id or hashlib.sha256(str(path).encode()).hexdigest()[:16]
    record = {"path": str(path), "work_id": work_id, "code": exc.code, "message": exc.message, "hint": exc.hint}
    write_atomic(out / "errors" / f"{name}.json", (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    return WorkResult(str(path), work_id, "failed", exc.code, exc.message)
