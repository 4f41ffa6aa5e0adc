"""Corpus runs: thousands of works in parallel, into Parquet tables and a DuckDB catalog, resumable."""

from .inputs import expand_inputs
from .runner import CorpusSummary, run_corpus
from .tables import TABLES

__all__ = ["TABLES", "CorpusSummary", "expand_inputs", "run_corpus"]
