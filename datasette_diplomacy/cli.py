"""The ``datasette-diplomacy`` command: ``load`` files into a database, or ``extract`` quotes as JSON Lines."""
from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
import sys

import click

WORKERS_HELP = "Extraction processes (default: one per CPU; 1 runs everything in this process)."


def parse_columns(ctx, param, values) -> dict[str, str] | None:
    """``--column body=story_text`` (repeatable) -> ``{"body": "story_text"}``."""
    columns = {}
    for value in values:
        name, sep, field = value.partition("=")
        if not sep or not name.strip() or not field.strip():
            raise click.BadParameter(f"expected NAME=FIELD, got {value!r}", ctx=ctx, param=param)
        columns[name.strip()] = field.strip()
    if columns:
        from .ingest.readers import field_names

        try:
            field_names(columns)
        except ValueError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None
    return columns or None


def reading_options(function):
    """The options ``load`` and ``extract`` share: what to read and how to extract it."""
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option("--topics", "topics", type=click.Path(exists=True, dir_okay=False),
                     help="YAML file of extra topics for the taxonomy."),
        click.option("--replace-topics", is_flag=True,
                     help="Use only the topics of --topics, not the built-in ones."),
        click.option("--workers", type=click.IntRange(min=1), default=None, help=WORKERS_HELP),
        click.option("--column", "columns", multiple=True, metavar="NAME=FIELD",
                     callback=parse_columns,
                     help="Read record field NAME (body, title, date, outlet, url, kind, id) "
                          "from the CSV/JSON field FIELD. Repeatable."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@contextlib.contextmanager
def bad_topics_file_is_a_usage_error():
    """A --topics file that cannot be used stops the command with exit status 2."""
    from .extract.topics import TaxonomyError

    try:
        yield
    except TaxonomyError as error:
        raise click.BadParameter(str(error), param_hint="'--topics'") from None


@click.group()
@click.version_option(package_name="datasette-diplomacy")
def cli():
    """Turn diplomatic news coverage into a SQLite database of who said what."""


@cli.command()
@click.argument("database", type=click.Path(dir_okay=False))
@reading_options
@click.option("--replace", is_flag=True, help="Rebuild the database from scratch.")
def load(database, paths, topics, replace_topics, workers, columns, replace):
    """Load PATHS (files, directories, glob patterns) into DATABASE.

    Files loaded before and unchanged since are skipped. Each file that cannot
    be read or extracted is reported as one "PATH: cause" line on stderr and the
    rest still load; the exit status is then 1.
    """
    from .loader import load as run_load

    if replace_topics and not topics:
        raise click.UsageError("--replace-topics needs --topics FILE")

    progress = sys.stderr.isatty()

    def print_error(line: str) -> None:
        # On a terminal, clear the progress bar's line first; it redraws below.
        click.echo(("\r\x1b[K" if progress else "") + line, err=True)

    with bad_topics_file_is_a_usage_error():
        try:
            summary = run_load(
                database, paths, topics=topics, replace_topics=replace_topics, workers=workers,
                replace=replace, columns=columns, progress=progress, on_error=print_error,
            )
        except sqlite3.DatabaseError as error:  # not a database, disk full, read-only...
            raise click.ClickException(f"{database}: {error}") from None
    for line in summary.lines():
        click.echo(line)
    sys.exit(0 if summary.ok else 1)


@cli.command()
@reading_options
def extract(paths, topics, replace_topics, workers, columns):
    """Print the quotes found in PATHS as JSON Lines, one object per quote (no database).

    Keys: article, quote, speaker, kind, cue, start, end, paragraph, in_title
    (offsets are into the title when true), speaker_type, role, country, topics,
    outlet, date. Errors go to stderr as
    "PATH: cause" lines; the exit status is then 1.
    """
    from .loader import iter_extractions
    from .model import ReadError
    from .records import quote_records

    if replace_topics and not topics:
        raise click.UsageError("--replace-topics needs --topics FILE")
    failed = False
    items = iter_extractions(paths, topics=topics, replace_topics=replace_topics,
                             workers=workers, columns=columns)
    with bad_topics_file_is_a_usage_error():
        first = next(items, None)  # the taxonomy is built before anything is read
    try:
        for item in itertools.chain([first] if first is not None else [], items):
            if isinstance(item, ReadError):
                failed = True
                click.echo(str(item), err=True)
                continue
            for record in quote_records(item):
                click.echo(json.dumps(record, ensure_ascii=False))
    except BrokenPipeError:  # `... | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1 if failed else 0)
    sys.exit(1 if failed else 0)


def main():  # pragma: no cover - python -m datasette_diplomacy.cli
    cli(prog_name=os.path.basename(sys.argv[0]) or "datasette-diplomacy")


if __name__ == "__main__":  # pragma: no cover
    main()
