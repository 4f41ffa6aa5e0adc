"""The DuckDB catalog: one view per table over the corpus's Parquet files.

A view reads every work's file (``tables/<table>/*.parquet``); all but ``works`` keep only rows
whose work has its ``works`` row, so a work a killed run left half-written is never counted.
The views name the files by absolute path: after moving the folder, run the corpus again (it
skips every finished work) to rebuild the catalog.
"""

from __future__ import annotations

from pathlib import Path

from .tables import TABLES


def build_catalog(out: Path) -> Path:
    import duckdb

    target = out / "catalog.duckdb"
    tmp = out / ".catalog.duckdb.part"
    if tmp.exists():
        tmp.unlink()
    con = duckdb.connect(str(tmp))
    try:
        for table in TABLES:
            files = str((out / "tables" / table).resolve() / "*.parquet").replace("'", "''")
            query = f"select * from read_parquet('{files}', union_by_name = true)"
            if table != "works":
                query += " where work_id in (select work_id from works)"
            con.execute(f"create or replace view {table} as {query}")
    finally:
        con.close()
    tmp.replace(target)
    return target
