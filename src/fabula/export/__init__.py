"""Writers for what a ``Story`` holds. Each format is one module."""

from .network_graph import network_graph, write_network
from .story_json import write_json

__all__ = ["network_graph", "write_json", "write_network"]
