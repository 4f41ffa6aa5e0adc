"""fabula: recover a story's world (cast, dialogue, scenes, network, arcs) from its text."""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from .errors import FabulaError
from .model import Story
from .pipeline import read
from .settings import Settings

try:
    __version__ = version("fabula")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["FabulaError", "Settings", "Story", "read", "__version__"]
