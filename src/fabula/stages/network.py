"""The character network: who talks to whom, and who shares scenes.

An edge from A to B counts the lines A says to B (speaker to addressee) and
the scenes both are present in; its ``weight`` is the two added. A node
carries the character's name, gender, mentions and lines spoken, and three
centralities over the weighted graph: weighted degree, PageRank and
betweenness. The graph goes into the story's JSON; ``fabula.export.write_network``
writes it as GEXF or GraphML, which Gephi opens.
"""

from __future__ import annotations

from collections import Counter
from itertools import permutations

from ..dialogue import lines_by_speaker
from ..model import Story
from . import stage


def edges_of(story: Story) -> dict[tuple[str, str], dict[str, int]]:
    lines: Counter = Counter()
    for q in story.quotes:
        if q.speaker:
            for a in q.addressees:
                if a != q.speaker:
                    lines[(q.speaker, a)] += 1
    shared: Counter = Counter()
    for scene in story.scenes:
        for a, b in permutations(dict.fromkeys(scene.characters), 2):
            shared[(a, b)] += 1
    out = {}
    for pair in sorted(set(lines) | set(shared)):
        out[pair] = {"lines": lines[pair], "scenes": shared[pair], "weight": lines[pair] + shared[pair]}
    return out


def _centralities(story: Story, nodes: list[str], edges: dict) -> dict[str, dict[str, float]]:
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    for (a, b), e in edges.items():
        g.add_edge(a, b, weight=e["weight"])
    degree = dict(g.degree(weight="weight"))
    pagerank = _pagerank(nodes, edges)
    # betweenness walks shortest paths: a strong tie is a short distance
    for _, _, data in g.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    between = nx.betweenness_centrality(g, weight="distance") if len(nodes) > 2 else {n: 0.0 for n in nodes}
    return {n: {"degree": float(degree.get(n, 0)), "pagerank": round(pagerank.get(n, 0.0), 6),
                "betweenness": round(between.get(n, 0.0), 6)} for n in nodes}


def _pagerank(nodes: list[str], edges: dict, damping: float = 0.85, rounds: int = 100) -> dict[str, float]:
    """PageRank by power iteration over the weighted edges (networkx's needs SciPy); a node with
    no way out spreads its share evenly."""
    if not nodes:
        return {}
    n = len(nodes)
    out_weight: dict[str, float] = {}
    for (a, _), e in edges.items():
        out_weight[a] = out_weight.get(a, 0.0) + e["weight"]
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(rounds):
        dangling = sum(rank[v] for v in nodes if not out_weight.get(v))
        new = dict.fromkeys(nodes, (1.0 - damping) / n + damping * dangling / n)
        for (a, b), e in edges.items():
            new[b] += damping * rank[a] * e["weight"] / out_weight[a]
        done = sum(abs(new[v] - rank[v]) for v in nodes) < 1e-10 * n
        rank = new
        if done:
            break
    return rank


@stage(requires=("characters", "quotes.speaker", "quotes.addressees", "scenes"), assigns=("network",))
def network(story: Story, settings) -> None:
    spoken = lines_by_speaker(story)
    edges = edges_of(story)
    linked = {n for pair in edges for n in pair}
    nodes = [c for c in story.characters if c.id in linked or spoken[c.id] or c.mentions >= 2]
    ids = [c.id for c in nodes]
    central = _centralities(story, ids, {k: v for k, v in edges.items() if k[0] in ids and k[1] in ids})
    story.network = {
        "directed": True,
        "nodes": [{"id": c.id, "name": c.name, "gender": c.gender, "mentions": c.mentions, "lines": spoken[c.id],
                   **central[c.id]} for c in nodes],
        "edges": [{"source": a, "target": b, **e} for (a, b), e in edges.items() if a in ids and b in ids],
    }
