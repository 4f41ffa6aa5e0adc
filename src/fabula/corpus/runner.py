"""Running a corpus: local worker processes by default, or a Dask cluster through the same code.

Each worker loads the spaCy pipeline once (``load_pipeline`` is cached per process) and then
analyses work after work; results come back as they finish, so progress is live.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..errors import E, FabulaError
from ..export.atomic import write_atomic
from ..settings import Settings
from .catalog import build_catalog
from .inputs import DEFAULT_INCLUDE, expand_inputs
from .work import WorkResult, ensure_layout, process_work

CorpusProgress = Callable[[WorkResult, int, int], None]  # (result, done, total)


@dataclass(slots=True)
class CorpusSummary:
    out: Path
    total: int
    done: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    results: list[WorkResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0


def run_corpus(inputs: list[str | Path], out: str | Path, *, settings: Settings | None = None,
               workers: int | None = None, dask: str | None = None, include: tuple[str, ...] = DEFAULT_INCLUDE,
               exclude: tuple[str, ...] = (), progress: CorpusProgress | None = None) -> CorpusSummary:
    """Analyse every work the inputs name into the folder ``out``: ``json/<work_id>.json``,
    ``tables/<table>/<work_id>.parquet``, ``errors.jsonl`` and ``catalog.duckdb``. Works done by
    an earlier run with the same settings are skipped; a failing work is recorded and the others
    go on."""
    settings = settings or Settings()
    out = Path(out)
    paths = [str(p) for p in expand_inputs(inputs, include, exclude)]
    ensure_layout(out)
    summary = CorpusSummary(out=out, total=len(paths))
    workers = workers or os.cpu_count() or 1
    # the longest works first, so no worker is left with a long one while the others idle
    paths.sort(key=_size, reverse=True)
    results = _dask(paths, out, settings, workers, dask) if dask else _local(paths, out, settings, workers)
    for result in results:
        summary.results.append(result)
        if result.status == "done":
            summary.done += 1
            summary.words += result.words
        elif result.status == "skipped":
            summary.skipped += 1
        else:
            summary.failed += 1
        if progress:
            progress(result, len(summary.results), summary.total)
    failures = sorted((r for r in summary.results if r.status == "failed"), key=lambda r: r.path)
    lines = [json.dumps({"path": r.path, "work_id": r.work_id, "code": r.code, "message": r.message},
                        ensure_ascii=False) for r in failures]
    write_atomic(out / "errors.jsonl", "".join(line + "\n" for line in lines))
    build_catalog(out)
    return summary


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _local(paths: list[str], out: Path, settings: Settings, workers: int) -> Iterator[WorkResult]:
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield process_work(path, str(out), settings)
        return
    with ProcessPoolExecutor(workers) as pool:
        futures = {pool.submit(process_work, path, str(out), settings, True): path for path in paths}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool as exc:
                path = futures[future]
                err = FabulaError(E.WORKER_DIED, path=path, reason=str(exc) or "killed")
                yield WorkResult(path, None, "failed", err.code, err.message)


def _dask(paths: list[str], out: Path, settings: Settings, workers: int, address: str) -> Iterator[WorkResult]:
    try:
        from distributed import Client, LocalCluster, as_completed as dask_completed
    except ImportError as exc:
        raise FabulaError(E.BAD_DASK, address=address, reason="Dask is not installed: pip install 'dask[distributed]'") from exc
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        raise FabulaError(E.BAD_DASK, address=address, reason=str(exc)) from exc
    try:
        futures = client.map(process_work, paths, out=str(out.resolve()), settings=settings, one_blas_thread=True,
                             pure=False)
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
