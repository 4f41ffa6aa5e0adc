"""The character network as a networkx graph, and as GEXF or GraphML files (Gephi opens both)."""

from __future__ import annotations

from pathlib import Path

from ..errors import E, FabulaError
from ..model import Story

FORMATS = ("gexf", "graphml")


def network_graph(story: Story):
    """The story's network as a networkx ``DiGraph``: nodes keyed by character id with their
    name, gender, mentions, lines and centralities; edges with ``lines``, ``scenes`` and ``weight``."""
    import networkx as nx

    g = nx.DiGraph(name=story.meta.title or "")
    for node in story.network.get("nodes", []):
        g.add_node(node["id"], **{k: v for k, v in node.items() if k != "id" and v is not None})
    for e in story.network.get("edges", []):
        g.add_edge(e["source"], e["target"], lines=e["lines"], scenes=e["scenes"], weight=e["weight"])
    return g


def write_network(story: Story, path: str | Path, fmt: str | None = None) -> Path:
    """Write the network to ``path`` as ``gexf`` or ``graphml`` (by default from the suffix)."""
    import networkx as nx

    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "gexf").lower()
    if fmt not in FORMATS:
        raise FabulaError(E.BAD_SETTING, name="format", reason=f"{fmt!r} is not one of {', '.join(FORMATS)}")
    g = network_graph(story)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "gexf":
            nx.write_gexf(g, path)
        else:
            nx.write_graphml(g, path)
    except OSError as exc:
        raise FabulaError(E.CANNOT_WRITE, path=str(path), reason=exc.strerror or str(exc)) from exc
    return path
