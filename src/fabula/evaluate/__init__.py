"""Scoring fabula against annotated corpora (the data itself lives outside the project)."""
