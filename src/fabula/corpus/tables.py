"""A story as rows of the corpus tables: works, characters, mentions, quotes, scenes, edges.

Every row carries the ``work_id`` of its work; ids inside a work (``c3``, ``q12``) are the
story JSON's own, so a row joins back to the JSON file.
"""

from __future__ import annotations

from typing import Any

from ..dialogue import lines_by_speaker
from ..model import Story

TABLES = ("works", "characters", "mentions", "quotes", "scenes", "edges")


def rows(story: Story, work_id: str, path: str, settings_key: str, version: str) -> dict[str, list[dict[str, Any]]]:
    text = story.text
    length = max(len(text), 1)
    lines = lines_by_speaker(story)
    m = story.meta
    year = None
    for date in (m.published, m.completed, m.updated):
        if date and date[:4].isdigit():
            year = int(date[:4])
            break
    dialogue = sum(q.end - q.start for q in story.quotes)
    works = [{
        "work_id": work_id, "path": path, "title": m.title, "author": m.author, "source_format": m.source_format,
        "language": m.language, "year": year, "fandoms": list(m.fandoms), "rating": m.rating,
        "characters": len(story.characters), "quotes": len(story.quotes), "scenes": len(story.scenes),
        "chapters": len(story.chapters), "words": story.word_count, "text_chars": len(text),
        "dialogue_share": round(dialogue / length, 6), "settings": settings_key, "fabula_version": version,
    }]
    characters = [{
        "work_id": work_id, "character_id": c.id, "name": c.name, "aliases": list(c.aliases), "gender": c.gender,
        "gender_confidence": c.gender_confidence, "mentions": c.mentions, "lines": lines.get(c.id, 0),
        "is_narrator": c.is_narrator,
    } for c in story.characters]
    mentions = [{
        "work_id": work_id, "start": x.start, "end": x.end, "kind": x.kind, "character_id": x.character,
        "text": text[x.start:x.end],
    } for x in story.mentions]
    quotes = [{
        "work_id": work_id, "quote_id": q.id, "start": q.start, "end": q.end, "speaker_id": q.speaker,
        "addressee_ids": list(q.addressees), "kind": q.kind, "position": round(q.start / length, 6),
        "text": text[q.start:q.end],
    } for q in story.quotes]
    scenes = [{
        "work_id": work_id, "scene_id": s.id, "start": s.start, "end": s.end, "chapter": s.chapter, "opens": s.opens,
        "place": s.place, "character_ids": list(s.characters),
    } for s in story.scenes]
    edges = [{"work_id": work_id, **e} for e in story.network.get("edges", [])]
    return {"works": works, "characters": characters, "mentions": mentions, "quotes": quotes, "scenes": scenes,
            "edges": edges}


def schemas():
    """The pyarrow schema of each table, so an empty table still has its columns."""
    import pyarrow as pa

    s, i, f, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    strings = pa.list_(pa.string())
    return {
        "works": pa.schema([("work_id", s), ("path", s), ("title", s), ("author", s), ("source_format", s),
                            ("language", s), ("year", i), ("fandoms", strings), ("rating", s), ("characters", i),
                            ("quotes", i), ("scenes", i), ("chapters", i), ("words", i), ("text_chars", i),
                            ("dialogue_share", f), ("settings", s), ("fabula_version", s)]),
        "characters": pa.schema([("work_id", s), ("character_id", s), ("name", s), ("aliases", strings),
                                 ("gender", s), ("gender_confidence", f), ("mentions", i), ("lines", i),
                                 ("is_narrator", b)]),
        "mentions": pa.schema([("work_id", s), ("start", i), ("end", i), ("kind", s), ("character_id", s),
                               ("text", s)]),
        "quotes": pa.schema([("work_id", s), ("quote_id", s), ("start", i), ("end", i), ("speaker_id", s),
                             ("addressee_ids", strings), ("kind", s), ("position", f), ("text", s)]),
        "scenes": pa.schema([("work_id", s), ("scene_id", s), ("start", i), ("end", i), ("chapter", s),
                             ("opens", s), ("place", s), ("character_ids", strings)]),
        "edges": pa.schema([("work_id", s), ("source", s), ("target", s), ("lines", i), ("scenes", i),
                            ("weight", i)]),
    }
