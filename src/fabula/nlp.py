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
from .model import Meta, Sentence, Story, TokenTable

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
REQUIRED_COMPONENTS = ("tagger", "parser")


@lru_cache(maxsize=1)
def numpy_matmul_is_faster() -> bool:
    """Whether NumPy's matrix multiply beats blis's here, measured once per process.

    blis picks its kernel by CPU model and falls back to a slow generic one on CPUs it does not
    know; NumPy's BLAS is tuned for most. Both give the same spaCy output (tested), so the
    faster is used."""
    import time

    import blis.py
    import numpy

    rng = numpy.random.default_rng(0)
    a = rng.random((256, 384), dtype=numpy.float32)
    b = rng.random((384, 256), dtype=numpy.float32)

    def best(run) -> float:
        run()
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            for _ in range(4):
                run()
            times.append(time.perf_counter() - t0)
        return min(times)

    return best(lambda: numpy.matmul(a, b)) < 0.8 * best(lambda: blis.py.gemm(a, b))


def one_blas_thread() -> None:
    """Keep NumPy's BLAS to one thread in this process: where several worker processes share the
    cores, a BLAS that also starts a thread per core only makes them wait for each other."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def _use_matmul(fast: bool) -> str:
    from thinc.api import NumpyOps, set_current_ops

    use_numpy = fast and numpy_matmul_is_faster()
    set_current_ops(NumpyOps(use_blis=not use_numpy))
    return "numpy" if use_numpy else "blis"


@lru_cache(maxsize=4)
def load_pipeline(name: str, fast_matmul: bool = True):
    """The spaCy pipeline ``name`` (package name or folder), loaded once per process.
    ``fast_matmul``: route the models' matrix multiplies through NumPy when it is faster here."""
    import spacy

    matmul = _use_matmul(fast_matmul)  # the models take the current ops when they are built
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        # spaCy's E050 is "can't find model"; anything else is a broken install.
        if "E050" in str(exc) or "E053" in str(exc):
            raise FabulaError(E.SPACY_MODEL_MISSING, name=name) from exc
        raise FabulaError(E.SPACY_MODEL_BROKEN, name=name, reason=str(exc).splitlines()[0]) from exc
    except Exception as exc:  # a pipeline package that fails on import
        raise FabulaError(E.SPACY_MODEL_BROKEN, name=name, reason=f"{type(exc).__name__}: {exc}") from exc
    log.info("matrix multiply through %s", matmul)
    _split_dashes(nlp)
    for component in REQUIRED_COMPONENTS:
        if component not in nlp.pipe_names:
            raise FabulaError(E.SPACY_MODEL_NO_PARSER, name=name, component=component)
    log.info("loaded spaCy pipeline %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
    return nlp


# Older printing glues dashes to the words and quotation marks around them ('said she;--"and
# so'), which the news-trained tokenizer leaves as one token, hiding the pronoun of a cue.
DASH_INFIXES = (r"(?<=\w)[;,:!?.](?=--)", r"--+", r"(?<=--)[\"“”‘’]")


def _split_dashes(nlp) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *DASH_INFIXES]).finditer


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


PARALLEL_MIN_PARAGRAPHS = 200  # below this, starting workers costs more than it saves


def annotate_parallel(source: Source, name: str, fast_matmul: bool, *, workers: int, batch_size: int = 64,
                      max_piece: int = 20_000, progress: Progress | None = None) -> Story:
    """``annotate`` with pipeline ``name``, the paragraphs shared among ``workers`` processes in
    contiguous runs of about equal length and joined in order: the same records as one process
    makes (one worker, or a short story, runs here)."""
    from concurrent.futures import ProcessPoolExecutor

    paragraphs = [p for p in source.paragraphs if p.kind == "text"]
    if workers <= 1 or len(paragraphs) < PARALLEL_MIN_PARAGRAPHS:
        return annotate(source, load_pipeline(name, fast_matmul), batch_size=batch_size, progress=progress,
                        max_piece=max_piece)
    total = sum(p.end - p.start for p in paragraphs) or 1
    runs: list[list] = [[] for _ in range(workers)]
    done = 0
    for p in paragraphs:
        runs[min(workers - 1, done * workers // total)].append(p)
        done += p.end - p.start
    runs = [r for r in runs if r]
    with ProcessPoolExecutor(len(runs)) as pool:
        parts = list(pool.map(_annotate_run, [source.text] * len(runs), runs, [name] * len(runs),
                              [fast_matmul] * len(runs), [batch_size] * len(runs), [max_piece] * len(runs)))
    story = Story(text=source.text, meta=source.meta, chapters=source.chapters, paragraphs=source.paragraphs,
                  offset_map=source.offsets, emphasis=source.emphasis)
    story.meta.language_pipeline = parts[0][0]
    for _, sentences, tokens in parts:
        s_base, t_base = len(story.sentences), len(story.tokens)
        story.sentences.extend(sentences)
        t = story.tokens
        for i in range(len(tokens)):
            t.append(tokens.start[i], tokens.end[i], tokens.sentence[i] + s_base, tokens.head[i] + t_base,
                     tokens.pos[i], tokens.tag[i], tokens.dep[i], tokens.lemma[i], tokens.ent[i])
    if progress:
        progress("nlp", len(paragraphs), len(paragraphs))
    return story


def _annotate_run(text: str, paragraphs: list, name: str, fast_matmul: bool, batch_size: int, max_piece: int):
    one_blas_thread()
    part = Source(text=text, meta=Meta(), paragraphs=paragraphs)
    story = annotate(part, load_pipeline(name, fast_matmul), batch_size=batch_size, max_piece=max_piece)
    return story.meta.language_pipeline, story.sentences, story.tokens


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

