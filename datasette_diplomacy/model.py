"""The records that flow through the pipeline: read -> clean -> extract -> store.

Every stage takes and returns these plain dataclasses, so extraction stays a pure
function of a document and its results can be pickled to and from worker processes.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Document:
    """One article as read from a file, before cleaning.

    ``source`` names where it came from: the file path, or ``path#N`` for the
    N-th record (1-based) of a JSON list, JSONL or CSV file. ``name`` is the
    article's short id: the file stem, or ``stem-N`` for records (a record's own
    ``id`` field wins when it has one).  Metadata fields hold what the input
    states (front matter, JSON fields, CSV columns, a sidecar file), unparsed.
    """

    source: str
    name: str
    text: str
    format: str  # txt, md, html, json, jsonl, csv
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    kind: str | None = None  # "article" or "transcript" when the input says so


@dataclass
class ReadError:
    """A file (or record) that could not be read; ``message`` is one line."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class Article:
    """A cleaned document with the metadata found in it.

    Quote offsets refer to ``body``. ``date`` is ISO 8601 (``2022-02-10`` or
    ``2022-02-10T11:40:00``) or None when no date could be found.
    """

    name: str
    source: str
    format: str
    body: str
    title: str | None = None
    date: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    url: str | None = None
    kind: str = "article"  # "article" or "transcript"
    content_hash: str = ""


@dataclass
class Speaker:
    """A speaker as one document knows them.

    ``id`` is local to the document ("s1", "s2", ...); the store merges speakers
    of all documents into one canonical person each. ``type`` is ``person``,
    ``anonymous`` ("a senior administration official"), ``group`` ("Western
    officials"), ``institution`` ("the Kremlin") or ``document`` ("the
    statement", "a new poll": a source that is a text). ``aliases`` are the surface
    forms (names, titles, roles; never pronouns) that referred to them here.
    """

    id: str
    name: str
    type: str = "person"
    role: str | None = None
    country: str | None = None
    organisation: str | None = None
    gender: str | None = None  # "m", "f" or None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Quote:
    """A statement attributed (or left unattributed) in the body or the title.

    ``body[start:end] == text`` always holds, or ``title[start:end] == text`` for a
    quote of the title (``in_title``: "…, Lavrov says"). ``kind`` is ``direct``,
    ``indirect``, ``position`` (a stance or intention: "opposed the plan",
    "declined to comment"), ``transcript`` or ``question``; ``speaker`` is a
    ``Speaker.id`` or None; ``cue`` is the reporting verb or transcript label;
    ``paragraph`` is the 0-based index in ``paragraph_spans(body)``, None in the title.
    """

    text: str
    start: int
    end: int
    kind: str
    speaker: str | None = None
    cue: str | None = None
    paragraph: int | None = 0
    topics: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # Speaker.ids named inside the quote
    in_title: bool = False


@dataclass
class Entity:
    """A country, organisation, agreement or place mentioned in the body."""

    name: str
    type: str  # country, organisation, agreement, place
    count: int = 1


@dataclass
class Extraction:
    """Everything extracted from one document."""

    article: Article
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    topics: dict[str, int] = field(default_factory=dict)  # topic name -> matches in the body
    entities: list[Entity] = field(default_factory=list)
