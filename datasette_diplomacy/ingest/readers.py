"""Read files into :class:`~datasette_diplomacy.model.Document` records.

``iter_documents`` takes files, directories and glob patterns and yields one
``Document`` per article, or a one-line ``ReadError`` for each file or record
that cannot be read; a bad file never stops the others.

Formats, chosen by extension:

=============== ========================================================
``.txt``        the whole file is the article
``.md``         optional YAML front matter (``title``, ``date`` or
                ``published_time``, ``outlet``, ``url`` or ``source_url``,
                ``kind``), then the article in Markdown
``.html``       the main text and metadata as trafilatura extracts them
``.json``       one object, or a list of objects, one article each
``.jsonl``      one object per line (streamed)
``.csv``        a header row, then one article per row (streamed);
                ``.tsv`` is the same with tabs
=============== ========================================================

Records (JSON, JSONL, CSV) name their fields as in :data:`FIELD_NAMES`;
``columns`` maps a field to another name, e.g. ``{"body": "story_text"}``.

Size limits: a single-article file (txt, md, html), each record, and each
line of a JSONL or CSV file may be at most :data:`MAX_DOCUMENT_BYTES` (20 MB:
far beyond any real article, small enough that a mistaken dump does not eat
memory); a larger one is a ReadError ("file is 52.4 MB, over the 20 MB limit
for one article") that is neither read nor held in memory. A ``.json`` file
is parsed whole, so it may be at most :data:`MAX_JSON_FILE_BYTES` (200 MB).
JSONL and CSV files are streamed line by line, each line decoded on its own,
and have no file limit: a 50 MB JSONL of many articles loads.
"""
from __future__ import annotations

import codecs
import csv
import glob
import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Document, ReadError
from .decode import NotText, decode_bytes, detect_encoding, normalise_newlines
from .sidecar import Sidecar, is_sidecar, load_sidecar, metadata_value, yaml_error_message

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}

MAX_DOCUMENT_BYTES = 20_000_000
MAX_JSON_FILE_BYTES = 200_000_000

#: The names a record field may have in JSON keys and CSV headers (compared
#: case-insensitively); the first one present wins. ``columns`` adds to these.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title", "headline"),
    "body": ("body", "text", "content"),
    "date": ("date", "published_time", "published", "published_at", "pubdate"),
    "outlet": ("outlet", "publisher", "site_name", "sitename"),
    "url": ("url", "source_url", "link"),
    "kind": ("kind",),
}

#: Values of ``kind`` the input may use, and the article kind each means.
KIND_NAMES = {
    "article": "article", "news": "article", "story": "article", "report": "article",
    "transcript": "transcript", "briefing": "transcript", "press briefing": "transcript",
    "press conference": "transcript", "news conference": "transcript",
    "interview": "transcript", "remarks": "transcript", "speech": "transcript",
}

_SNIFF_BYTES = 64 * 1024
_STREAM_CHUNK = 1 << 20


# ---------------------------------------------------------------------------
# Walking paths


def iter_documents(paths, columns: dict | None = None) -> Iterator[Document | ReadError]:
    """Yield the documents of ``paths``: files, directories (recursively) and glob patterns.

    Directories are walked in sorted order, skipping hidden files and folders,
    sidecars and files whose extension is not a known format. A file named
    explicitly is read whatever its extension (as text if it is not a known
    format). A file reached twice is read once.
    """
    fields = field_names(columns)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[str] = set()
    sidecars: dict[Path, Sidecar] = {}
    for spec in paths:
        yield from _iter_path_spec(str(spec), fields, seen, sidecars)


def read_file(path, columns: dict | None = None, *, sidecar: Sidecar | None = None
              ) -> Iterator[Document | ReadError]:
    """Yield the document(s) of one file (several for JSON lists, JSONL and CSV).

    ``sidecar`` defaults to the ``sources.yml`` of the file's directory.
    """
    path = Path(path)
    fields = field_names(columns)
    if sidecar is None:
        sidecar = load_sidecar(path.parent)
        yield from sidecar.errors
    yield from _read_path(path, fields, sidecar)


def _read_path(path: Path, fields, sidecar: Sidecar) -> Iterator[Document | ReadError]:
    if not path.exists():
        yield ReadError(str(path), "no such file or directory")
        return
    if path.is_dir():
        yield ReadError(str(path), "is a directory (use iter_documents to read directories)")
        return
    reader = _READERS[FORMATS.get(path.suffix.lower(), "txt")]
    defaults = sidecar.metadata_for(path.name)
    try:
        yield from reader(path, str(path), fields, defaults)
    except OSError as error:
        yield ReadError(str(path), f"cannot read: {error.strerror or error}")


def field_names(columns: dict | None) -> dict[str, tuple[str, ...]]:
    """The accepted names of each record field, with ``columns`` mapped names first.

    Raises ``ValueError`` for a field that records do not have, since that is a
    mistake in the call (or the command line), not in a file.
    """
    names = dict(FIELD_NAMES)
    for field, column in (columns or {}).items():
        if field not in FIELD_NAMES:
            raise ValueError(f"unknown field {field!r} in columns (known: {', '.join(FIELD_NAMES)})")
        names[field] = (str(column).strip().lower(), *names[field])
    return names


def _iter_path_spec(spec: str, fields, seen: set[str], sidecars: dict[Path, Sidecar]):
    path = Path(spec)
    if path.is_dir():
        yield from _iter_directory(path, spec, fields, seen, sidecars)
    elif path.is_file():
        yield from _read_once(path, fields, seen, sidecars)
    elif glob.has_magic(spec):
        yield from _iter_glob(spec, fields, seen, sidecars)
    else:
        yield ReadError(spec, "no such file or directory")


def _iter_directory(directory: Path, spec: str, fields, seen, sidecars):
    files = list(_walk(directory))
    if not files:
        yield ReadError(spec, f"no readable files in this directory (looked for {_known_extensions()})")
        return
    for path in files:
        yield from _read_once(path, fields, seen, sidecars)


def _iter_glob(pattern: str, fields, seen, sidecars):
    """Files matching ``pattern`` (``**`` recurses); directories matched are walked.

    Matched files of unknown formats are skipped unless the pattern itself
    names their extension ("notes/*.log"), which is as explicit as naming them.
    """
    explicit_suffix = Path(pattern).suffix.lower()
    if glob.has_magic(explicit_suffix):
        explicit_suffix = ""
    found = False
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            files = list(_walk(path))
        elif _is_readable_name(path) or (explicit_suffix and path.suffix.lower() == explicit_suffix):
            files = [path]
        else:
            files = []
        for file in files:
            found = True
            yield from _read_once(file, fields, seen, sidecars)
    if not found:
        yield ReadError(pattern, f"no readable files match this pattern (looked for {_known_extensions()})")


def _walk(directory: Path) -> Iterator[Path]:
    """Readable files under ``directory``, sorted, skipping hidden entries and sidecars."""
    found = []
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            path = Path(root) / name
            if _is_readable_name(path):
                found.append(path)
    found.sort(key=lambda p: p.parts)
    return iter(found)


def _is_readable_name(path: Path) -> bool:
    return (
        not path.name.startswith(".")
        and not is_sidecar(path)
        and path.suffix.lower() in FORMATS
    )


def _known_extensions() -> str:
    return ", ".join(sorted(FORMATS))


def _read_once(path: Path, fields, seen: set[str], sidecars: dict[Path, Sidecar]):
    key = os.path.realpath(path)
    if key in seen:
        return
    seen.add(key)
    directory = path.parent
    if directory not in sidecars:
        sidecars[directory] = load_sidecar(directory)
        yield from sidecars[directory].errors
    yield from _read_path(path, fields, sidecars[directory])


# ---------------------------------------------------------------------------
# Single-article formats


def _read_text(path: Path, source: str, fields, defaults: dict) -> Iterator[Document | ReadError]:
    text = _read_whole_text(path, source, MAX_DOCUMENT_BYTES, "for one article")
    if isinstance(text, ReadError):
        yield text
        return
    yield _document(source, path.stem, text, "txt", defaults, {})


def _read_markdown(path: Path, source: str, fields, defaults: dict) -> Iterator[Document | ReadError]:
    text = _read_whole_text(path, source, MAX_DOCUMENT_BYTES, "for one article")
    if isinstance(text, ReadError):
        yield text
        return
    try:
        front, body = split_front_matter(text)
    except ValueError as error:
        yield ReadError(source, f"front matter: {error}")
        return
    if not body.strip():
        yield ReadError(source, "no text after the front matter")
        return
    yield _document(source, path.stem, body, "md", defaults, _record_fields(front, FIELD_NAMES))


def split_front_matter(text: str) -> tuple[dict, str]:
    """Split ``---``-fenced YAML front matter off ``text``: ``(fields, rest)``.

    Text without front matter gives ``({}, text)``. Raises ``ValueError`` with
    a one-line message when the front matter is not valid YAML.
    """
    if not text.startswith("---"):
        return {}, text
    first_newline = text.find("\n")
    if first_newline < 0 or text[3:first_newline].strip():
        return {}, text
    end = _front_matter_end(text, first_newline + 1)
    if end is None:
        return {}, text
    yaml_end, body_start = end
    import yaml

    from .sidecar import load_yaml

    try:
        data = load_yaml(text[first_newline + 1 : yaml_end])
    except yaml.YAMLError as error:
        raise ValueError(yaml_error_message(error)) from None
    except RecursionError:
        raise ValueError("malformed YAML: nested too deeply") from None
    return (data if isinstance(data, dict) else {}), text[body_start:]


def _front_matter_end(text: str, start: int) -> tuple[int, int] | None:
    position = start
    while position < len(text):
        newline = text.find("\n", position)
        line_end = len(text) if newline < 0 else newline
        if text[position:line_end].rstrip() in ("---", "..."):
            return position, min(len(text), line_end + 1)
        if newline < 0:
            return None
        position = newline + 1
    return None


def _read_html(path: Path, source: str, fields, defaults: dict) -> Iterator[Document | ReadError]:
    html = _read_whole_text(path, source, MAX_DOCUMENT_BYTES, "for one article")
    if isinstance(html, ReadError):
        yield html
        return
    extracted = extract_html(html)
    if extracted is None:
        yield ReadError(source, "no article text found in the HTML")
        return
    text, metadata = extracted
    yield _document(source, path.stem, text, "html", defaults, metadata)


def extract_html(html: str) -> tuple[str, dict] | None:
    """Main text of a web page (paragraphs separated by blank lines) and its metadata.

    Uses trafilatura (no hand-written tag stripping): navigation, footers and
    banners are left out by its boilerplate detection. The date search is
    limited to the page's markup so that a date in the text is left to
    cleaning, which knows how to read datelines.
    """
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return None
    lines = [line.strip() for line in (result.text or "").split("\n")]
    text = "\n\n".join(line for line in lines if line)
    if not any(len(line.split()) >= 4 for line in lines):
        return None  # what is left is link text ("Home", "World news"), not an article
    metadata = {
        "title": result.title,
        "date": result.date,
        "outlet": result.sitename,
        "url": result.url,
    }
    return text, {k: v for k, v in metadata.items() if v}


# ---------------------------------------------------------------------------
# Record formats


def _read_json(path: Path, source: str, fields, defaults: dict) -> Iterator[Document | ReadError]:
    text = _read_whole_text(path, source, MAX_JSON_FILE_BYTES, "for a .json file (use .jsonl for more)")
    if isinstance(text, ReadError):
        yield text
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield ReadError(source, f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}")
        return
    except RecursionError:
        yield ReadError(source, "malformed JSON: nested too deeply")
        return
    if isinstance(data, dict):
        yield _record_document(data, source, path.stem, "json", fields, defaults)
    elif isinstance(data, list):
        if not data:
            yield ReadError(source, "empty JSON list: no articles")
        for number, record in enumerate(data, 1):
            yield _record_document(record, f"{source}#{number}", f"{path.stem}-{number}", "json",
                                   fields, defaults)
    else:
        yield ReadError(source, f"JSON holds {_json_type(data)}, not an object or a list of objects")


def _read_jsonl(path: Path, source: str, fields, defaults: dict) -> Iterator[Document | ReadError]:
    encoding = _stream_encoding(path, source)
    if isinstance(encoding, ReadError):
        yield encoding
        return
    number = 0
    for line in _stream_lines(path, encoding, MAX_DOCUMENT_BYTES):
        if line.text is not None and not line.text.strip():
            continue
        number += 1
        record_source = f"{source}#{number}"
        if line.problem:
            yield ReadError(record_source, line.problem)
            if line.fatal:
                return
            continue
        try:
            record = json.loads(line.text)
        except json.JSONDecodeError as error:
            yield ReadError(record_source, f"malformed JSON on line {line.number}, "
                            f"column {error.colno}: {error.msg}")
            continue
        except RecursionError:
            yield ReadError(record_source, f"malformed JSON on line {line.number}: nested too deeply")
            continue
        yield _record_document(record, record_source, f"{path.stem}-{number}", "jsonl", fields, defaults)
    if number == 0:
        yield ReadError(source, "empty file")


def _read_csv(path: Path, source: str, fields, defaults: dict) -> Iterator[Document | ReadError]:
    encoding = _stream_encoding(path, source)
    if isinstance(encoding, ReadError):
        yield encoding
        return
    if csv.field_size_limit() < MAX_DOCUMENT_BYTES:
        csv.field_size_limit(MAX_DOCUMENT_BYTES)
    lines = _stream_lines(path, encoding, MAX_DOCUMENT_BYTES)
    yield from _csv_records(lines, path, source, fields, defaults)


def _csv_records(lines: Iterator["_Line"], path: Path, source: str, fields, defaults: dict):
    """Rows of a CSV file as Documents; a row with undecodable bytes is a ReadError."""
    problems: dict[int, str] = {}  # physical line number -> why its bytes did not decode
    fatal: list[str] = []

    def texts() -> Iterator[str]:
        for line in lines:
            if line.fatal or line.text is None:  # a CSV cannot resume after a line it could not read
                fatal.append(line.problem)
                return
            if line.problem:
                problems[line.number] = line.problem
            yield line.text

    text_lines = texts()
    head = list(itertools.islice(text_lines, 50))
    dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else _sniff_dialect("".join(head))
    reader = csv.reader(itertools.chain(head, text_lines), dialect, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        yield ReadError(source, f"malformed CSV at line {reader.line_num}: {error}")
        return
    if header is None or not any(cell.strip() for cell in header):
        yield ReadError(source, fatal[0] if fatal else "empty file")
        return
    header = [cell.strip() for cell in header]
    lowered = [cell.lower() for cell in header]
    if not any(name in lowered for name in fields["body"]):
        yield ReadError(source, f"no body column (looked for {', '.join(fields['body'])}; "
                        f"the columns are: {', '.join(header)})")
        return
    number = 0
    last_line = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield ReadError(f"{source}#{number + 1}", f"malformed CSV at line {reader.line_num}: {error}")
            return
        first_line, last_line = last_line + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        record_source = f"{source}#{number}"
        problem = next((problems[n] for n in range(first_line, last_line + 1) if n in problems), None)
        if problem:
            yield ReadError(record_source, problem)
        elif len(row) != len(header):
            yield ReadError(record_source, f"row at line {last_line} has {len(row)} fields, "
                            f"the header has {len(header)}")
        else:
            yield _record_document(dict(zip(lowered, row)), record_source, f"{path.stem}-{number}", "csv",
                                   fields, defaults)
    if fatal:
        yield ReadError(f"{source}#{number + 1}", fatal[0])
    elif number == 0:
        yield ReadError(source, "no rows after the header")


def _sniff_dialect(sample: str):
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel
    dialect.doublequote = True  # the sniffer guesses this from little evidence
    return dialect


def _record_document(record, source: str, default_name: str, fmt: str, fields, defaults: dict
                     ) -> Document | ReadError:
    """One record (a JSON object or CSV row) as a Document, or why it is not one."""
    if not isinstance(record, dict):
        return ReadError(source, f"record is {_json_type(record)}, not an object")
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    body_key = next((k for k in fields["body"] if k in lowered), None)
    if body_key is None:
        return ReadError(source, f"record has no body (looked for {', '.join(fields['body'])}; "
                         f"it has: {', '.join(map(str, record)) or 'no fields'})")
    body = lowered[body_key]
    if isinstance(body, list) and all(isinstance(part, str) for part in body):
        body = "\n\n".join(body)  # a list of paragraphs
    if not isinstance(body, str):
        return ReadError(source, f"record's {body_key!r} is {_json_type(body)}, not text")
    if not body.strip():
        return ReadError(source, f"record has an empty body ({body_key!r})")
    if len(body) > MAX_DOCUMENT_BYTES:
        return ReadError(source, f"body is {_mb(len(body))}, over the {_mb(MAX_DOCUMENT_BYTES)} limit "
                         "for one article")
    metadata = _record_fields(lowered, fields)
    name = metadata.pop("id", None) or default_name
    return _document(source, name, normalise_newlines(body), fmt, defaults, metadata)


def _record_fields(record: dict, fields) -> dict[str, str]:
    """The metadata fields (title, date, outlet, url, kind, id) present in ``record``."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    result = {}
    for field in ("id", "title", "date", "outlet", "url", "kind"):
        for key in fields[field]:
            value = lowered.get(key)
            if value is not None and not isinstance(value, (dict, list)) and str(value).strip():
                result[field] = metadata_value(value)
                break
    return result


def _document(source: str, name: str, text: str, fmt: str, defaults: dict, metadata: dict) -> Document:
    """A Document whose fields come from the file (``metadata``), else the sidecar (``defaults``)."""
    merged = {**defaults, **{k: v for k, v in metadata.items() if v}}
    kind = merged.get("kind")
    return Document(
        source=source,
        name=name,
        text=text,
        format=fmt,
        title=_one_line(merged.get("title")),
        date=merged.get("date"),
        outlet=_one_line(merged.get("outlet")),
        url=merged.get("url"),
        kind=KIND_NAMES.get(kind.strip().lower()) if kind else None,
    )


def _one_line(value: str | None) -> str | None:
    """Collapse whitespace (YAML's ``\\_`` gives no-break spaces in WH titles)."""
    if not value:
        return None
    return " ".join(value.split()) or None


# ---------------------------------------------------------------------------
# Bytes, sizes, streams


def _read_whole_text(path: Path, source: str, limit: int, limit_reason: str) -> str | ReadError:
    """The decoded text of a file read whole, or why it cannot be."""
    size = path.stat().st_size
    if size > limit:
        return ReadError(source, f"file is {_mb(size)}, over the {_mb(limit)} limit {limit_reason}")
    data = path.read_bytes()
    if not data.strip():
        return ReadError(source, "empty file" if not data else "empty file (only whitespace)")
    try:
        text = decode_bytes(data)
    except NotText as error:
        return ReadError(source, str(error))
    if not text.strip():
        return ReadError(source, "empty file (only whitespace)")
    return text


def _stream_encoding(path: Path, source: str) -> str | ReadError:
    """The encoding of a record file, found from its first 64 KB (the rest is not read here)."""
    with path.open("rb") as raw:
        head = raw.read(_SNIFF_BYTES)
    if not head.strip():
        return ReadError(source, "empty file")
    try:
        return detect_encoding(head, final=len(head) < _SNIFF_BYTES)
    except NotText as error:
        return ReadError(source, str(error))


@dataclass
class _Line:
    number: int  # 1-based physical line number
    text: str | None
    problem: str | None = None  # why the line cannot be used
    fatal: bool = False  # the rest of the file cannot be read either


def _stream_lines(path: Path, encoding: str, limit: int) -> Iterator[_Line]:
    """The lines of a file, one at a time, each decoded on its own.

    Decoding line by line means one line of stray bytes (a cp1252 quote in a
    UTF-8 export) spoils one record, not the rest of the file. A line longer
    than ``limit`` is skipped without being held in memory. UTF-16 and UTF-32
    files are read through a text decoder, since their newlines are not one byte.
    """
    if encoding.startswith(("utf-16", "utf-32")):
        yield from _stream_wide_lines(path, encoding, limit)
        return
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    with path.open("rb") as stream:
        number = 0
        while True:
            raw = stream.readline(limit + 1)
            if not raw:
                return
            number += 1
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if len(raw) > limit and not raw.endswith(b"\n"):
                _skip_rest_of_line(stream)
                yield _Line(number, None, f"line {number} is over the {_mb(limit)} limit for one article")
                continue
            try:
                yield _Line(number, raw.decode(codec))
            except UnicodeDecodeError as error:
                yield _Line(number, raw.decode(codec, "replace"),
                            f"line {number} is not valid {codec} (byte {error.start + 1}: {error.reason})")


def _stream_wide_lines(path: Path, encoding: str, limit: int) -> Iterator[_Line]:
    with open(path, encoding=encoding, newline="") as stream:
        number = 0
        while True:
            try:
                text = stream.readline(limit + 1)
            except UnicodeDecodeError as error:
                yield _Line(number + 1, None, f"cannot decode after line {number} as {encoding}: {error.reason}",
                            fatal=True)
                return
            if not text:
                return
            number += 1
            if len(text) > limit and not text.endswith("\n"):
                _skip_rest_of_line(stream)
                yield _Line(number, None, f"line {number} is over the {_mb(limit)} limit for one article")
                continue
            yield _Line(number, text)


def _skip_rest_of_line(stream) -> None:
    while True:
        rest = stream.readline(_STREAM_CHUNK)
        if not rest or rest.endswith(b"\n" if isinstance(rest, bytes) else "\n"):
            return


def _mb(size: int) -> str:
    """Decimal megabytes, as people read file sizes: 52400000 -> '52.4 MB', 20000000 -> '20 MB'."""
    megabytes = size / 1_000_000
    if megabytes == int(megabytes):
        return f"{megabytes:.0f} MB"
    return f"{megabytes:.1f} MB" if megabytes >= 0.1 else f"{megabytes:.3g} MB"


def _json_type(value) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "a number"
    )


_READERS = {
    "txt": _read_text,
    "md": _read_markdown,
    "html": _read_html,
    "json": _read_json,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
}

__all__ = ["iter_documents", "read_file", "field_names", "split_front_matter", "extract_html",
           "FORMATS", "FIELD_NAMES", "MAX_DOCUMENT_BYTES", "MAX_JSON_FILE_BYTES"]
