"""Writers for what a ``Story`` holds. Each format is one module."""

from .booknlp import write_booknlp
from .network_graph import network_graph, write_network
from .story_json import load_json, write_json

__all__ = ["load_json", "network_graph", "write_booknlp", "write_json", "write_network"]
