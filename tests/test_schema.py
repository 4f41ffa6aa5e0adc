"""Every output follows the fabula/1 JSON Schema shipped in the package."""

import pytest

import fabula
from fabula.schema import json_schema
from conftest import FIXTURES, STORIES, zip_epub
from invariants import check_story


def test_the_schema_is_shipped_and_is_a_schema():
    import jsonschema

    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema"] == {"const": "fabula/1"}


@pytest.mark.parametrize("path", [
    *sorted(STORIES.glob("*.txt")),
    FIXTURES / "formats" / "harbour.html",
    FIXTURES / "ao3" / "multi-chapter.html",
    FIXTURES / "ao3" / "single-chapter.html",
], ids=lambda p: p.name)
def test_story_output_follows_the_schema(path):
    check_story(fabula.read(path))


def test_epub_output_follows_the_schema(tmp_path):
    check_story(fabula.read(zip_epub(FIXTURES / "formats" / "harbour-epub", tmp_path / "h.epub")))


def test_the_bundled_example_follows_the_schema():
    from importlib.resources import files

    check_story(fabula.read(str(files("fabula").joinpath("examples/low-tide.txt"))))


def test_a_part_computed_and_empty_is_there_and_one_never_computed_is_not():
    # "no dialogue found" and "quotations never looked for" are different answers
    from fabula.model import story_from_dict
    from fabula.stages import default_stages

    text = "Title\n\nThe rain fell on the empty town. Nothing moved in the streets.\n"
    story = fabula.read(text)
    data = story.to_dict()
    assert data["quotes"] == [] and data["characters"] == [] and "quotes" in data["produced"]
    check_story(story)
    assert story_from_dict(data).to_json() == story.to_json()
    only_quotes = [s for s in default_stages() if s.name == "quotes"]
    data = fabula.read(text, stages=only_quotes).to_dict()
    assert data["produced"] == ["quotes"] and data["quotes"] == []
    assert "characters" not in data and "mentions" not in data and "network" not in data
