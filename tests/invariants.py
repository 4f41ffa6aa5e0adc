"""What every analysed story must satisfy, whatever its input: used by the schema and fuzz tests."""

import json

import jsonschema

from fabula.schema import json_schema

_VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def check_story(story) -> None:
    """Spans inside the text and in order, ids that resolve, JSON that follows the schema."""
    data = json.loads(story.to_json())
    errors = sorted(_VALIDATOR.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, errors[0].message + " at " + "/".join(map(str, errors[0].path))
    n = len(data["text"])

    def spans(items, name):
        last = -1
        for item in items:
            assert 0 <= item["start"] <= item["end"] <= n, (name, item)
            assert item["start"] >= last, (name, "out of order", item)
            last = item["start"]

    spans(data["chapters"], "chapters")
    spans(data["paragraphs"], "paragraphs")
    spans(data.get("sentences", []), "sentences")
    spans(data.get("mentions", []), "mentions")
    spans(data.get("quotes", []), "quotes")
    spans(data.get("scenes", []), "scenes")
    for a, b in zip(data["paragraphs"], data["paragraphs"][1:]):
        assert a["end"] <= b["start"], ("paragraphs overlap", a, b)
    for a, b in zip(data.get("quotes", []), data.get("quotes", [])[1:]):
        assert a["end"] <= b["start"], ("quotes overlap", a, b)
    chapters = {c["id"] for c in data["chapters"]}
    paragraphs = {p["id"] for p in data["paragraphs"]}
    characters = {c["id"] for c in data.get("characters", [])}
    assert all(p["chapter"] in chapters for p in data["paragraphs"] if p["chapter"] is not None)
    assert all(s["paragraph"] in paragraphs for s in data.get("sentences", []))
    assert all(m["character"] in characters for m in data.get("mentions", []) if m["character"])
    for q in data.get("quotes", []):
        assert q["speaker"] is None or q["speaker"] in characters
        assert set(q["addressees"]) <= characters
    for sc in data.get("scenes", []):
        assert set(sc["characters"]) <= characters and set(sc["paragraphs"]) <= paragraphs
    for e in data.get("network", {}).get("edges", []):
        assert e["source"] in characters and e["target"] in characters
    tokens = data.get("tokens")
    if tokens:
        assert len({len(v) for v in tokens.values()}) == 1
        assert all(0 <= s <= e <= n for s, e in zip(tokens["start"], tokens["end"]))
        assert all(0 <= h < len(tokens["head"]) for h in tokens["head"])
    for start, end in data.get("emphasis", []):
        assert 0 <= start <= end <= n
