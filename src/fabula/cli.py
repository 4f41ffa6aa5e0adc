"""The command line: a thin layer over the library. Every command calls one
importable function; this module only parses options, shows progress and
turns coded errors into one line and exit status 2."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .errors import E, FabulaError
from .corpus.inputs import DEFAULT_INCLUDE
from .export import load_json, write_booknlp, write_json, write_network
from .pipeline import read as read_story
from .settings import DEFAULT_SPACY_MODEL, Settings

EXIT_INPUT_ERROR = 2

app = typer.Typer(
    name="fabula",
    help="Recover a story's world from its text: cast, dialogue, scenes, network, arcs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fabula {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback when something fails."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what each step does to stderr."),
) -> None:
    """fabula reads stories. Run `fabula COMMAND --help` for each command's options and an example."""
    _state["debug"] = debug
    if verbose:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def _report(exc: FabulaError) -> None:
    if _state["debug"]:
        err.print_exception()
    err.print(f"fabula: error {exc.code}: {exc.message} ({exc.hint})", markup=False, soft_wrap=True)


def _analysed(path: Path, **settings):
    """The story a file holds: a JSON file fabula wrote is read back, any other file analysed."""
    return load_json(path) if path.suffix.lower() == ".json" else read_story(path, **settings)


def _unique_stem(path: Path, used: set[str]) -> str:
    stem, n = path.stem, 2
    while stem in used:
        stem, n = f"{path.stem}-{n}", n + 1
    used.add(stem)
    return stem


@app.command("read")
def read_command(
    stories: List[Path] = typer.Argument(..., help="Story files to analyse.", show_default=False),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for the output: OUT/<stem>.json per story."),
    spacy_model: str = typer.Option(DEFAULT_SPACY_MODEL, "--spacy-model", help="Installed spaCy pipeline name, or its folder."),
    no_repair: bool = typer.Option(False, "--no-repair", help="Keep the text exactly as decoded: no mojibake repair or normalisation."),
    indent: Optional[int] = typer.Option(None, "--indent", help="Indent the JSON by this many spaces (default: compact)."),
    max_chars: int = typer.Option(Settings().max_chars, "--max-chars", help="Refuse stories whose text is longer than this."),
    report: bool = typer.Option(False, "--report", help="Also write the HTML report, OUT/<stem>.html."),
    workers: int = typer.Option(1, "--workers", "-w", help="Processes sharing the spaCy pass over each story (same output)."),
) -> None:
    """Analyse each STORY (plain text, HTML, EPUB, an archive download) and write OUT/<stem>.json.

    Example: fabula read story.txt other.txt --out out/
    """
    try:
        settings = Settings.make(spacy_model=spacy_model, repair_text=not no_repair, max_chars=max_chars,
                                 workers=workers)
    except FabulaError as exc:
        _report(exc)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    failed = 0
    used: set[str] = set()
    show = err.is_terminal
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=not show, transient=True) as bar:
        task = bar.add_task("", total=None)

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        for path in stories:
            bar.update(task, description=f"{path.name}", completed=0, total=None)
            try:
                story = read_story(path, settings=settings, progress=progress)
                stem = _unique_stem(path, used)
                target = write_json(story, out / f"{stem}.json", indent=indent)
                if report:
                    from .report import write_report

                    typer.echo(str(write_report(story, out / f"{stem}.html")))
            except FabulaError as exc:
                _report(exc)
                failed += 1
                if exc.code.startswith("E2"):  # the pipeline itself is missing: every story would fail
                    break
                continue
            typer.echo(str(target))  # one path per line on stdout, for pipes
    if failed:
        raise typer.Exit(EXIT_INPUT_ERROR)


@app.command("report")
def report_command(
    stories: List[Path] = typer.Argument(..., help="Story files to analyse, or JSON files `fabula read` wrote.", show_default=False),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for the pages: OUT/<stem>.html."),
    spacy_model: str = typer.Option(DEFAULT_SPACY_MODEL, "--spacy-model", help="Installed spaCy pipeline name, or its folder."),
    max_chars: int = typer.Option(Settings().max_chars, "--max-chars", help="Refuse stories whose text is longer than this."),
) -> None:
    """Write a self-contained, interactive HTML report for each STORY and print its path.

    Example: fabula report story.txt --out reports/
    """
    from .report import write_report

    failed = 0
    for path in stories:
        try:
            story = _analysed(path, spacy_model=spacy_model, max_chars=max_chars)
            target = write_report(story, out / f"{path.stem}.html")
        except FabulaError as exc:
            _report(exc)
            failed += 1
            continue
        typer.echo(str(target))
    if failed:
        raise typer.Exit(EXIT_INPUT_ERROR)


@app.command("cast")
def cast_command(
    story: Path = typer.Argument(..., help="The story file.", show_default=False),
    spacy_model: str = typer.Option(DEFAULT_SPACY_MODEL, "--spacy-model", help="Installed spaCy pipeline name, or its folder."),
    min_mentions: int = typer.Option(1, "--min-mentions", help="Leave out characters mentioned fewer times."),
    max_chars: int = typer.Option(Settings().max_chars, "--max-chars", help="Refuse stories whose text is longer than this."),
) -> None:
    """Print the cast of STORY as a table: name, aliases, gender, mentions, biggest first.

    Example: fabula cast story.txt --min-mentions 3
    """
    try:
        result = read_story(story, spacy_model=spacy_model, max_chars=max_chars)
    except FabulaError as exc:
        _report(exc)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    table = Table(title=result.meta.title or story.name, show_lines=False)
    for column, justify in (("name", "left"), ("aliases", "left"), ("gender", "left"), ("mentions", "right")):
        table.add_column(column, justify=justify)
    for c in result.characters:
        if c.mentions < min_mentions:
            continue
        gender = f"{c.gender} ({c.gender_confidence:.0%})" if c.gender else "unknown"
        name = f"{c.name} (narrator)" if c.is_narrator else c.name
        table.add_row(name, ", ".join(c.aliases), gender, str(c.mentions))
    Console(highlight=False, soft_wrap=not sys.stdout.isatty()).print(table)


@app.command("scenes")
def scenes_command(
    story: Path = typer.Argument(..., help="The story file.", show_default=False),
    spacy_model: str = typer.Option(DEFAULT_SPACY_MODEL, "--spacy-model", help="Installed spaCy pipeline name, or its folder."),
    max_chars: int = typer.Option(Settings().max_chars, "--max-chars", help="Refuse stories whose text is longer than this."),
) -> None:
    """Print the scenes of STORY as a table: where each opens and why, its place and who is present.

    Example: fabula scenes story.txt
    """
    try:
        result = read_story(story, spacy_model=spacy_model, max_chars=max_chars)
    except FabulaError as exc:
        _report(exc)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    names = {c.id: c.name for c in result.characters}
    table = Table(title=result.meta.title or story.name, show_lines=False)
    for column in ("scene", "paragraphs", "opens", "place", "present", "begins"):
        table.add_column(column)
    for sc in result.scenes:
        begins = " ".join(result.text[sc.start:sc.start + 60].split())
        table.add_row(sc.id, "–".join(dict.fromkeys(sc.paragraphs)), sc.opens, sc.place or "",
                      ", ".join(names.get(c, c) for c in sc.characters[:6]), begins + "…")
    Console(highlight=False, soft_wrap=not sys.stdout.isatty()).print(table)


@app.command("network")
def network_command(
    story: Path = typer.Argument(..., help="The story file.", show_default=False),
    fmt: str = typer.Option("gexf", "--format", "-f", help="gexf or graphml."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="The file to write (default out/<stem>.<format>)."),
    spacy_model: str = typer.Option(DEFAULT_SPACY_MODEL, "--spacy-model", help="Installed spaCy pipeline name, or its folder."),
    max_chars: int = typer.Option(Settings().max_chars, "--max-chars", help="Refuse stories whose text is longer than this."),
) -> None:
    """Write the character network of STORY as GEXF or GraphML (Gephi opens both) and print its path.

    Example: fabula network story.txt --format graphml --out story.graphml
    """
    try:
        if fmt.lower() not in ("gexf", "graphml"):
            raise FabulaError(E.BAD_SETTING, name="format", reason=f"{fmt!r} is not gexf or graphml")
        result = read_story(story, spacy_model=spacy_model, max_chars=max_chars)
        target = write_network(result, out or Path("out") / f"{story.stem}.{fmt.lower()}", fmt)
    except FabulaError as exc:
        _report(exc)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    typer.echo(str(target))


@app.command("corpus")
def corpus_command(
    inputs: List[str] = typer.Argument(..., help="Story files, folders (searched recursively), or @LIST files naming one path per line.",
                                       show_default=False),
    out: Path = typer.Option(Path("out/corpus"), "--out", "-o", help="The corpus folder: json/, tables/, errors.jsonl, catalog.duckdb."),
    workers: int = typer.Option(0, "--workers", "-w", help="Works analysed at once (default: every core)."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Run on a Dask cluster: 'local', or a scheduler address such as tcp://host:8786."),
    include: List[str] = typer.Option(list(DEFAULT_INCLUDE), "--include", help="Globs of files to take from folders (repeat the option)."),
    exclude: List[str] = typer.Option([], "--exclude", help="Globs of files to leave out (repeat the option)."),
    spacy_model: str = typer.Option(DEFAULT_SPACY_MODEL, "--spacy-model", help="Installed spaCy pipeline name, or its folder."),
    max_chars: int = typer.Option(Settings().max_chars, "--max-chars", help="Refuse stories whose text is longer than this."),
) -> None:
    """Analyse a whole corpus in parallel into JSON, Parquet tables and a DuckDB catalog; a re-run skips finished works.

    Example: fabula corpus stories/ more.epub @list.txt --out corpus/ --workers 4
    """
    from rich.progress import TimeRemainingColumn

    from .corpus import run_corpus

    try:
        settings = Settings.make(spacy_model=spacy_model, max_chars=max_chars)
    except FabulaError as exc:
        _report(exc)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=err,
                  disable=not err.is_terminal, transient=True) as bar:
        task = bar.add_task("works", total=None, rate="")

        def progress(result, done: int, total: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0
            rate = f"{done / elapsed:.2f} works/s" if elapsed else ""
            bar.update(task, completed=done, total=total, rate=rate)
            if result.status == "failed":
                err.print(f"fabula: error {result.code}: {result.message}", markup=False, soft_wrap=True)

        try:
            summary = run_corpus(inputs, out, settings=settings, workers=workers or None, dask=dask,
                                 include=tuple(include), exclude=tuple(exclude), progress=progress)
        except FabulaError as exc:
            _report(exc)
            raise typer.Exit(EXIT_INPUT_ERROR) from None
    typer.echo(f"{summary.total} works: {summary.done} analysed, {summary.skipped} done before, "
               f"{summary.failed} failed (see {out / 'errors.jsonl'}); catalog: {out / 'catalog.duckdb'}")
    if summary.failed:
        raise typer.Exit(EXIT_INPUT_ERROR)


@app.command("export")
def export_command(
    inputs: List[Path] = typer.Argument(..., help="Story files to analyse, or JSON files `fabula read` wrote.", show_default=False),
    fmt: str = typer.Option("booknlp", "--format", "-f", help="booknlp (.tokens, .entities, .quotes, .book), json, gexf or graphml."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for the files: OUT/<stem>.<extension>."),
    spacy_model: str = typer.Option(DEFAULT_SPACY_MODEL, "--spacy-model", help="Installed spaCy pipeline name, or its folder."),
) -> None:
    """Write each INPUT in another format: BookNLP's files, fabula's JSON, or the network as GEXF or GraphML.

    Example: fabula export story.txt --format booknlp --out booknlp/
    """
    fmt = fmt.lower()
    failed = 0
    for path in inputs:
        try:
            if fmt not in ("booknlp", "json", "gexf", "graphml"):
                raise FabulaError(E.BAD_SETTING, name="format", reason=f"{fmt!r} is not booknlp, json, gexf or graphml")
            story = _analysed(path, spacy_model=spacy_model)
            if fmt == "booknlp":
                written = write_booknlp(story, out, path.stem)
            elif fmt == "json":
                written = [write_json(story, out / f"{path.stem}.json")]
            else:
                written = [write_network(story, out / f"{path.stem}.{fmt}", fmt)]
        except FabulaError as exc:
            _report(exc)
            failed += 1
            if exc.code == "E302":
                break
            continue
        for target in written:
            typer.echo(str(target))
    if failed:
        raise typer.Exit(EXIT_INPUT_ERROR)


@app.command("doctor")
def doctor_command(
    spacy_model: str = typer.Option(DEFAULT_SPACY_MODEL, "--spacy-model", help="The spaCy pipeline to check."),
    no_probe: bool = typer.Option(False, "--no-probe", help="Skip the ten-second speed probe."),
) -> None:
    """Check this installation: fabula's version, Python, every dependency, the spaCy pipeline and its speed.

    Example: fabula doctor
    """
    from .doctor import diagnose

    result = diagnose(spacy_model, probe=not no_probe)
    marks = {"ok": "ok", "warn": "warning", "missing": "MISSING"}
    for check in result.checks:  # plain lines, so a fix can be copied whole
        typer.echo(f"{marks[check.status]:<8} {check.name}: {check.found}")
        if check.fix:
            typer.echo(f"{'':<8} fix: {check.fix}")
    if not result.ok:
        err.print("fabula: something fabula needs is missing: run the fix lines above", markup=False)
        raise typer.Exit(1)


eval_app = typer.Typer(
    help="Score fabula against annotated corpora.\n\nExample: fabula eval pdnc ../shared/data/pdnc-dev/data --out out/pdnc",
    no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("pdnc")
def eval_pdnc_command(
    data_dir: Path = typer.Argument(..., help="A folder of PDNC novel folders (novel_text.txt, character_info.csv, quotation_info.csv).",
                                    show_default=False),
    out: Path = typer.Option(Path("out/pdnc"), "--out", "-o", help="Where to write <Novel>.json for each novel."),
    workers: int = typer.Option(1, "--workers", "-w", help="Novels analysed at once."),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Keep parsed novels here, so later runs only redo the stages."),
) -> None:
    """Run fabula on every PDNC novel in DATA_DIR and print quotation, speaker, addressee, cast and gender scores.

    Example: fabula eval pdnc ../shared/data/pdnc-dev/data --out out/pdnc --workers 2
    """
    from .evaluate import cast as cast_scores
    from .evaluate import quotes as quote_scores
    from .evaluate.pdnc import predict

    try:
        predict(data_dir, out, workers=workers, cache=cache)
    except FabulaError as exc:
        _report(exc)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    rows, total = quote_scores.score(data_dir, out)
    typer.echo(quote_scores.table(rows, total))
    _, cast_total = cast_scores.score(data_dir, out)
    r = {k: "-" if v is None else f"{v:.2%}" for k, v in cast_total.rates().items()}
    typer.echo(f"\ncast: recall {r['recall']}, split {r['split_rate']}, precision {r['precision']} "
               f"(characters with >= {cast_scores.MIN_MENTIONS} mentions), gender accuracy {r['gender_accuracy']}")


@eval_app.command("litbank")
def eval_litbank_command(
    coref_dir: Path = typer.Argument(..., help="LitBank's coref folder (holding brat/ and tsv/).", show_default=False),
    out: Path = typer.Option(Path("out/litbank"), "--out", "-o", help="Where to write <stem>.json for each file."),
) -> None:
    """Run fabula on every LitBank coreference file and print how well mentions of named characters
    are linked (PROP, NOM, PRON), on the held-out fifth (files 0, 5, 10, …) and on the rest.

    Example: fabula eval litbank ../shared/data/litbank/coref --out out/litbank
    """
    from .evaluate import coref as coref_scores

    files = sorted((coref_dir / "brat").glob("*.txt"))
    if not files:
        _report(FabulaError(E.FILE_NOT_FOUND, path=str(coref_dir / "brat" / "*.txt")))
        raise typer.Exit(EXIT_INPUT_ERROR)
    for path in files:
        try:
            write_json(read_story(path), out / f"{path.stem}.json")
        except FabulaError as exc:
            _report(exc)
    for label, held_out in (("held out (every fifth file)", True), ("the other files", False), ("all", None)):
        rows, total = coref_scores.score(coref_dir, out, held_out=held_out)
        r = {k: "-" if v is None else f"{v:.2%}" for k, v in total.rates().items() if k != "mentions"}
        typer.echo(f"{label:28s} files {len(rows):3d}  mentions {total.rates()['mentions']:6d}  "
                   f"accuracy {r['accuracy']}  PROP {r['PROP']}  NOM {r['NOM']}  PRON {r['PRON']}")


def run() -> None:
    app()


if __name__ == "__main__":
    run()
