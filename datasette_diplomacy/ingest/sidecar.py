"""The ``sources.yml`` sidecar: metadata about files that their text does not state.

A sidecar sits in a directory beside the files it describes and maps file
names to fields::

    # 000_928b3f1760d52fff.txt is from Daily Sabah (the caption's "EPA" is the photo agency)
    000_928b3f1760d52fff.txt:
      outlet: Daily Sabah
    "*.txt":            # a glob pattern gives defaults to every file it matches
      kind: article

Keys are file names, file stems or glob patterns; for one file the patterns
apply first (in file order), then its stem, then its exact name, so the most
specific entry wins. Fields are ``title``, ``date``, ``outlet``, ``url`` and
``kind``. A file's own metadata (front matter, record fields) still wins over
the sidecar, and the sidecar wins over what cleaning finds in the text.

A sidecar is optional. A broken one is reported (one :class:`ReadError` per
problem) and the files load without the entries it could not give.
"""
from __future__ import annotations

import datetime as _dt
import fnmatch
import re
from pathlib import Path

import yaml

from ..model import ReadError

SIDECAR_NAMES = ("sources.yml", "sources.yaml")
SIDECAR_FIELDS = ("title", "date", "outlet", "url", "kind")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Sidecar:
    """The entries of one directory's sidecar (empty when there is none)."""

    def __init__(self, path: Path | None = None, entries: dict[str, dict] | None = None,
                 errors: list[ReadError] | None = None):
        self.path = path
        self.entries = entries or {}
        self.errors = errors or []

    def metadata_for(self, filename: str) -> dict[str, str]:
        """The merged fields the sidecar gives for the file called ``filename``."""
        if not self.entries:
            return {}
        stem = filename.rsplit(".", 1)[0] if "." in filename else filename
        patterns = [k for k in self.entries if _is_pattern(k) and fnmatch.fnmatchcase(filename, k)]
        result: dict[str, str] = {}
        for key in [*patterns, stem, filename]:
            if key in self.entries:
                result.update(self.entries[key])
        return result


def load_sidecar(directory: Path) -> Sidecar:
    """Read the sidecar of ``directory``; a missing one gives an empty :class:`Sidecar`."""
    for name in SIDECAR_NAMES:
        path = directory / name
        if path.is_file():
            return _parse_sidecar(path)
    return Sidecar()


def is_sidecar(path: Path) -> bool:
    return path.name in SIDECAR_NAMES


def _parse_sidecar(path: Path) -> Sidecar:
    source = str(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as error:
        return Sidecar(path, errors=[ReadError(source, yaml_error_message(error))])
    except (OSError, UnicodeDecodeError) as error:
        return Sidecar(path, errors=[ReadError(source, f"cannot read sidecar: {error}")])
    if data is None:
        return Sidecar(path)
    if not isinstance(data, dict):
        return Sidecar(path, errors=[ReadError(source, "sidecar must map file names to fields")])
    entries: dict[str, dict] = {}
    errors: list[ReadError] = []
    for key, fields in data.items():
        key = str(key)
        if not isinstance(fields, dict):
            errors.append(ReadError(source, f"entry {key!r} must be a mapping of fields"))
            continue
        entry = {}
        for field, value in fields.items():
            if field not in SIDECAR_FIELDS:
                errors.append(ReadError(
                    source, f"entry {key!r}: unknown field {field!r} (known: {', '.join(SIDECAR_FIELDS)})"
                ))
            elif value is not None:
                entry[field] = metadata_value(value)
        entries[key] = entry
    return Sidecar(path, entries, errors)


MAX_YAML_NESTING = 100


def load_yaml(text: str):
    """``yaml.safe_load`` (libyaml's when available), refusing absurdly nested input.

    libyaml recurses in C: an unclosed ``[[[[...`` a hundred thousand deep
    crashes the process instead of raising, so nesting is checked first.
    """
    if text.count("[") + text.count("{") > MAX_YAML_NESTING:
        depth = 0
        for bracket in re.findall(r"[\[\]{}]", text):
            depth = depth + 1 if bracket in "[{" else max(0, depth - 1)
            if depth > MAX_YAML_NESTING:
                raise yaml.YAMLError(f"nested more than {MAX_YAML_NESTING} levels deep")
    return yaml.load(text, Loader=_Loader)


def metadata_value(value) -> str:
    """A metadata value as text; YAML dates and datetimes become ISO 8601."""
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return str(value).strip()


def yaml_error_message(error: yaml.YAMLError) -> str:
    """One line naming where the YAML broke: 'malformed YAML at line 3, column 7: ...'."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is not None:
        return f"malformed YAML at line {mark.line + 1}, column {mark.column + 1}: {problem}"
    return f"malformed YAML: {problem}"


def _is_pattern(key: str) -> bool:
    return any(ch in key for ch in "*?[")
