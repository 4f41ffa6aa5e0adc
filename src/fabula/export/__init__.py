"""Writers for what a ``Story`` holds. Each format is one module."""

from .story_json import write_json

__all__ = ["write_json"]
