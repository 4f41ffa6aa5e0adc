"""The nlp step: spaCy over the paragraphs, once, into compact records.

spaCy ``Doc`` objects live only inside :func:`annotate`, one batch of
paragraphs at a time, so memory stays flat however long the novel is. The
stages read the ``Story``'s records, never spaCy.
"""

from __future__ import annotations

import logging
import re
import sys
from functools import lru_cache
from typing import Callable

from .errors import E, FabulaError
from .ingest import Source
from .model import Sentence, Story, TokenTable

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
REQUIRED_COMPONENTS = ("tagger", "parser")


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """The spaCy pipeline ``name`` (package name or folder), loaded once per process."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        # spaCy's E050 is "can't find model"; anything else is a broken install.
        if "E050" in str(exc) or "E053" in str(exc):
            raise FabulaError(E.SPACY_MODEL_MISSING, name=name) from exc
        raise FabulaError(E.SPACY_MODEL_BROKEN, name=name, reason=str(exc).splitlines()[0]) from exc
    except Exception as exc:  # a pipeline package that fails on import
        raise FabulaError(E.SPACY_MODEL_BROKEN, name=name, reason=f"{type(exc).__name__}: {exc}") from exc
    for component in REQUIRED_COMPONENTS:
        if component not in nlp.pipe_names:
            raise FabulaError(E.SPACY_MODEL_NO_PARSER, name=name, component=component)
    log.info("loaded spaCy pipeline %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
    return nlp


def pipeline_label(nlp) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def annotate(source: Source, nlp, *, batch_size: int = 64, progress: Progress | None = None,
             max_piece: int = 20_000) -> Story:
    """A ``Story`` with tokens and sentences for every text paragraph of ``source``."""
    story = Story(text=source.text, meta=source.meta, chapters=source.chapters, paragraphs=source.paragraphs,
                  offset_map=source.offsets, emphasis=source.emphasis)
    story.meta.language_pipeline = pipeline_label(nlp)
    paragraphs = [p for p in source.paragraphs if p.kind == "text"]
    pieces = [(p, start, end) for p in paragraphs for start, end in _pieces(source.text, p.start, p.end, max_piece)]
    # Newlines inside a wrapped paragraph become spaces: same length, so
    # offsets hold, and spaCy sees one run of prose instead of SPACE tokens.
    texts = (source.text[start:end].replace("\n", " ") for _, start, end in pieces)
    docs = nlp.pipe(texts, batch_size=batch_size)
    total = len(pieces)
    for done, ((paragraph, start, _), doc) in enumerate(zip(pieces, docs), start=1):
        _add_doc(story, start, paragraph.id, doc)
        if progress and (done % batch_size == 0 or done == total):
            progress("nlp", done, total)
    return story


_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+")


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """A paragraph as spans of at most ``limit`` characters, cut after the last sentence end
    in the second half of each span, else at the last space, else anywhere."""
    out = []
    while end - start > limit:
        window = text[start:start + limit]
        cut = None
        for m in _SENTENCE_END.finditer(window, limit // 2):
            cut = m.end()
        if cut is None:
            space = window.rfind(" ", limit // 2)
            cut = space + 1 if space > 0 else limit
        out.append((start, start + cut))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


def _add_doc(story: Story, offset: int, paragraph_id: str, doc) -> None:
    tokens: TokenTable = story.tokens
    intern = sys.intern
    absolute: dict[int, int] = {}
    kept = [t for t in doc if not t.is_space]
    base = len(tokens)
    for k, tok in enumerate(kept):
        absolute[tok.i] = base + k
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        s_index = len(story.sentences)
        story.sentences.append(
            Sentence(start=offset + words[0].idx, end=offset + words[-1].idx + len(words[-1]), paragraph=paragraph_id)
        )
        for tok in words:
            ent = f"{tok.ent_iob_}-{tok.ent_type_}" if tok.ent_type_ else "O"
            tokens.append(
                offset + tok.idx,
                offset + tok.idx + len(tok),
                s_index,
                absolute.get(tok.head.i, absolute[tok.i]),
                intern(tok.pos_),
                intern(tok.tag_),
                intern(tok.dep_),
                intern(tok.lemma_),
                intern(ent),
            )

