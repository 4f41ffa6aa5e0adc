"""The speed-ups change nothing: byte-identical JSON with NumPy's or blis's matrix multiply, and
with one or two processes sharing the spaCy pass."""

import pytest

import fabula
from conftest import FIXTURES, STORIES


def long_story(tmp_path):
    """Enough paragraphs for the work to be shared between processes."""
    parts = [(STORIES / name).read_text(encoding="utf-8") for name in sorted(p.name for p in STORIES.glob("*.txt"))]
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(parts * 6), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["ferry-crossing.txt", "harlow-sisters.txt"])
def test_matrix_multiply_does_not_change_the_output(name):
    fast = fabula.read(STORIES / name, fast_matmul=True).to_json()
    plain = fabula.read(STORIES / name, fast_matmul=False).to_json()
    assert fast == plain


def test_two_workers_give_the_same_output_as_one(tmp_path):
    from fabula.nlp import PARALLEL_MIN_PARAGRAPHS

    path = long_story(tmp_path)
    one = fabula.read(path, workers=1)
    assert sum(1 for p in one.paragraphs if p.kind == "text") >= PARALLEL_MIN_PARAGRAPHS  # really shared
    two = fabula.read(path, workers=2)
    assert two.to_json() == one.to_json()
    html = fabula.read(FIXTURES / "ao3" / "multi-chapter.html", workers=2).to_json()
    assert html == fabula.read(FIXTURES / "ao3" / "multi-chapter.html").to_json()
