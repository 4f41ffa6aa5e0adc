"""The character network: edges from lines spoken and shared scenes; GEXF and GraphML files."""

import networkx as nx
import pytest
from typer.testing import CliRunner

import fabula
from fabula.cli import app
from fabula.export import write_network


@pytest.fixture(scope="module")
def ferry(stories):
    return fabula.read(stories / "ferry-crossing.txt")


def edge(story, a, b):
    ids = {c.name: c.id for c in story.characters}
    return next((e for e in story.network["edges"] if (e["source"], e["target"]) == (ids[a], ids[b])), None)


def test_lines_spoken_to_someone_make_a_directed_edge(ferry):
    # "Is the ferry late again?" she asked the porter. / "Late as ever, miss," said Mr. Oakes.
    assert edge(ferry, "Mr. Oakes", "Nell Dawson")["lines"] >= 1
    assert edge(ferry, "Victor Marsh", "Edwin Crane")["lines"] >= 1


def test_shared_scenes_make_edges_both_ways(ferry):
    there = edge(ferry, "Victor Marsh", "Edwin Crane")
    back = edge(ferry, "Edwin Crane", "Victor Marsh")
    assert there["scenes"] == back["scenes"] >= 1
    assert there["weight"] == there["lines"] + there["scenes"]


def test_nodes_carry_size_and_centrality(ferry):
    nodes = {n["name"]: n for n in ferry.network["nodes"]}
    nell = nodes["Nell Dawson"]
    assert nell["lines"] >= 4 and nell["mentions"] >= 10
    assert abs(sum(n["pagerank"] for n in nodes.values()) - 1) < 1e-6
    assert nell["pagerank"] == max(n["pagerank"] for n in nodes.values())


@pytest.mark.parametrize("fmt, reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_graph_files_open_in_networkx_with_the_same_nodes_and_weights(ferry, tmp_path, fmt, reader):
    path = write_network(ferry, tmp_path / f"ferry.{fmt}")
    g = reader(path)
    assert set(g.nodes) == {n["id"] for n in ferry.network["nodes"]}
    assert {(a, b): int(d["weight"]) for a, b, d in g.edges(data=True)} == {
        (e["source"], e["target"]): e["weight"] for e in ferry.network["edges"]}
    assert {n: d["name"] for n, d in g.nodes(data=True)} == {n["id"]: n["name"] for n in ferry.network["nodes"]}


def test_network_command_writes_the_file(stories, tmp_path):
    out = tmp_path / "ferry.graphml"
    result = CliRunner().invoke(app, ["network", str(stories / "ferry-crossing.txt"), "--format", "graphml",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and result.output.strip() == str(out)
    bad = CliRunner().invoke(app, ["network", str(stories / "ferry-crossing.txt"), "--format", "png"])
    assert bad.exit_code == 2 and "E302" in bad.output


def test_scenes_command_prints_the_table(stories):
    result = CliRunner().invoke(app, ["scenes", str(stories / "ferry-crossing.txt")])
    assert result.exit_code == 0, result.output
    for word in ("break", "gap", "time", "place", "cast", "chapter"):
        assert word in result.output
