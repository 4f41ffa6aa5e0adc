"""fabula never opens a network connection: sockets are blocked before fabula is imported, then
the whole pipeline runs (plain text, HTML, EPUB, the exports, the report, a corpus run in two
worker processes) through the CLI."""

import subprocess
import sys
import textwrap

from conftest import FIXTURES, STORIES, zip_epub

BLOCKER = textwrap.dedent("""
    import socket, sys

    class NetworkBlocked(RuntimeError):
        pass

    def refuse(*args, **kwargs):
        raise NetworkBlocked("fabula tried to reach the network")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from fabula.cli import run
    sys.argv = ["fabula"] + sys.argv[1:]
    run()
""")


def test_the_whole_pipeline_runs_with_sockets_blocked(tmp_path):
    book = zip_epub(FIXTURES / "formats" / "harbour-epub", tmp_path / "harbour.epub")
    stories = [str(STORIES / "two-friends.txt"), str(FIXTURES / "ao3" / "multi-chapter.html"), str(book)]
    for args in (["read", *stories, "--out", str(tmp_path / "out")],
                 ["network", stories[0], "--out", str(tmp_path / "net.gexf")],
                 ["cast", stories[1]], ["scenes", stories[2]],
                 ["export", stories[1], "--format", "booknlp", "--out", str(tmp_path / "booknlp")],
                 ["report", stories[0], stories[2], "--out", str(tmp_path / "report")],
                 ["corpus", *stories, "--out", str(tmp_path / "corpus"), "--workers", "2"]):
        done = subprocess.run([sys.executable, "-c", BLOCKER, *args], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "NetworkBlocked" not in done.stderr
    assert len(list((tmp_path / "out").glob("*.json"))) == 3
