"""The SQLite database: schema, batched writes, speaker merging, FTS, views and counts.

Implements the contract in ``docs/schema.md``. Only the main process of a load
writes; extraction results arrive here as :class:`~datasette_diplomacy.model.Extraction`
objects, one source file at a time.

Consistency rules, so that a load killed at any moment leaves a usable database
that a re-run completes:

* every row of one source file (articles, quotes, joins) and its ``sources`` row
  are written in one transaction (several small files may share one);
* before the first article is written, ``diplomacy_state`` gets ``counts_dirty``
  and, for a big load, ``fts_dirty`` while the FTS triggers are dropped (the FTS
  index is not kept up to date row by row; see :meth:`Store.begin_load`);
  :meth:`Store.finalize` recomputes the denormalised counts, rebuilds both FTS
  indexes with triggers (so later edits stay in sync) and clears the flags, in
  one transaction. A load that finds a flag set runs ``finalize`` even when no
  file changed;
* a load that (at least) doubles the database also drops, in that first
  transaction, the indexes that neither enforce uniqueness nor serve the load
  itself (:data:`DEFERRED_INDEXES`) and the ``speaker_stats`` triggers, marking
  every speaker dirty instead (new speakers as they are written): building an
  index once at the end is many times cheaper than keeping it up to date row by
  row. :meth:`Store.finalize` (or the next :func:`open_database`, after a
  killed load) creates them again, so the schema a load ends with is the one
  it started with.

Memory does not grow with the database: speaker rows are read from the
database when needed and kept in a bounded cache (:data:`SPEAKER_CACHE_ROWS`;
rows not written yet always stay), per-speaker flags are bitmaps
(:class:`IdSet`), and the surname merge of :meth:`Store.finalize` reads its
candidates in batches.

Row ids are assigned here (``max(id) + 1``), which is what lets quotes and their
join rows be written in batches (``executemany``) instead of one round trip per row.
That assumes one loader writes to a database at a time.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import multiprocessing
from collections import Counter, OrderedDict
from dataclasses import dataclass

import sqlite_utils
from sqlite_utils.db import jsonify_if_needed

from .extract.names import fold, fold_text, person_key
from .extract.transcripts import is_role_name, same_office, same_role
from .model import Extraction, Speaker
from . import summaries

FTS_COLUMNS = {"articles": ["title", "body"], "quotes": ["text"]}
# FTS5's default tokenizer (unicode61): the plugin reads term counts for its
# log-odds prior straight from ``quotes_fts``, which needs unstemmed terms.
FTS_TOKENIZE = None

# Tables in the order their rows are flushed, parents before children.
TABLES = {
    "sources": dict(
        columns={"path": str, "hash": str, "size": int, "mtime": float, "articles": int,
                 "error": str, "loaded_at": str, "settings": str},
        pk="path",
    ),
    "outlets": dict(columns={"id": int, "name": str, "article_count": int}, pk="id"),
    "topics": dict(
        columns={"id": int, "name": str, "description": str, "parent_id": int},
        pk="id",
        foreign_keys=[("parent_id", "topics", "id")],
    ),
    "speakers": dict(
        columns={"id": int, "key": str, "name": str, "type": str, "role": str, "country": str,
                 "organisation": str, "gender": str, "quote_count": int, "article_count": int},
        pk="id",
    ),
    "entities": dict(columns={"id": int, "name": str, "type": str}, pk="id"),
    # ``title`` comes before ``name`` so that Datasette picks it as the label column.
    "articles": dict(
        columns={"id": int, "title": str, "name": str, "source": str, "source_file": str,
                 "url": str, "body": str, "date": str, "dateline": str, "outlet_id": int,
                 "kind": str, "format": str, "content_hash": str, "word_count": int,
                 "quote_count": int, "loaded_at": str},
        pk="id",
        foreign_keys=[("outlet_id", "outlets", "id"), ("source_file", "sources", "path")],
    ),
    "speaker_aliases": dict(
        columns={"id": int, "speaker_id": int, "alias": str},
        pk="id",
        foreign_keys=[("speaker_id", "speakers", "id")],
    ),
    "quotes": dict(
        columns={"id": int, "article_id": int, "speaker_id": int, "text": str, "kind": str,
                 "cue": str, "paragraph": int, "start": int, "end": int, "statement_key": str,
                 "in_title": int},
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
    ),
    "quote_topics": dict(
        columns={"quote_id": int, "topic_id": int},
        pk=("quote_id", "topic_id"),
        foreign_keys=[("quote_id", "quotes", "id"), ("topic_id", "topics", "id")],
    ),
    "quote_mentions": dict(
        columns={"quote_id": int, "speaker_id": int},
        pk=("quote_id", "speaker_id"),
        foreign_keys=[("quote_id", "quotes", "id"), ("speaker_id", "speakers", "id")],
    ),
    "article_topics": dict(
        columns={"article_id": int, "topic_id": int, "count": int},
        pk=("article_id", "topic_id"),
        foreign_keys=[("article_id", "articles", "id"), ("topic_id", "topics", "id")],
    ),
    "article_speakers": dict(
        columns={"article_id": int, "speaker_id": int, "quote_count": int, "role": str},
        pk=("article_id", "speaker_id"),
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
    ),
    "article_entities": dict(
        columns={"article_id": int, "entity_id": int, "count": int},
        pk=("article_id", "entity_id"),
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
    ),
    "diplomacy_state": dict(columns={"key": str, "value": str}, pk="key"),
}

# (table, columns, unique). Foreign key columns that lead a composite primary key
# are already indexed by it and are not repeated here.
INDEXES = [
    ("outlets", ["name"], True),
    ("topics", ["name"], True),
    ("topics", ["parent_id"], False),
    ("speakers", ["key"], True),
    ("speakers", ["name"], False),
    ("speakers", ["type"], False),
    ("speakers", ["country"], False),
    ("speakers", ["quote_count"], False),  # the most quoted first: the comparison's speaker picker
    ("entities", ["name", "type"], True),
    ("entities", ["type"], False),
    ("articles", ["source"], True),
    ("articles", ["source_file"], False),
    ("articles", ["outlet_id"], False),
    ("articles", ["date"], False),
    ("articles", ["kind"], False),
    ("speaker_aliases", ["speaker_id", "alias"], True),
    ("speaker_aliases", ["alias"], False),
    ("quotes", ["article_id"], False),
    ("quotes", ["speaker_id"], False),
    ("quotes", ["kind"], False),
    ("quotes", ["statement_key"], False),
    # the plugin's comparison: one speaker's statements, and one speaker's quotes per article
    ("quotes", ["speaker_id", "statement_key"], False),
    ("quotes", ["speaker_id", "article_id"], False),
    # ... and how many quotes and outlets carried a statement, without reading quote rows
    ("quotes", ["statement_key", "speaker_id", "article_id"], False),
    # articles' small columns without reading the row (and its body's overflow pages),
    # for joins from quotes: the comparison, speaker_stats, quotes_view
    ("articles", ["id", "date", "outlet_id"], False),
    ("quote_topics", ["topic_id"], False),
    ("quote_mentions", ["speaker_id"], False),
    ("article_topics", ["topic_id"], False),
    ("article_speakers", ["speaker_id"], False),
    ("article_entities", ["entity_id"], False),
]

VIEWS = {
    "quotes_view": """
SELECT
  quotes.id,
  quotes.text,
  speakers.name AS speaker,
  quotes.speaker_id,
  speakers.role,
  speakers.country,
  speakers.type AS speaker_type,
  quotes.kind,
  quotes.cue,
  outlets.name AS outlet,
  articles.date,
  quotes.article_id,
  articles.title AS article_title,
  (SELECT json_group_array(name) FROM (
     SELECT topics.name FROM quote_topics JOIN topics ON topics.id = quote_topics.topic_id
     WHERE quote_topics.quote_id = quotes.id ORDER BY topics.name)) AS topics,
  quotes.start,
  quotes."end",
  quotes.paragraph,
  quotes.in_title
FROM quotes
JOIN articles ON articles.id = quotes.article_id
LEFT JOIN speakers ON speakers.id = quotes.speaker_id
LEFT JOIN outlets ON outlets.id = articles.outlet_id""",
    "articles_view": """
SELECT
  articles.id,
  articles.title,
  outlets.name AS outlet,
  articles.date,
  articles.kind,
  articles.dateline,
  articles.source,
  articles.url,
  articles.quote_count,
  articles.word_count,
  (SELECT json_group_array(name) FROM (
     SELECT topics.name FROM article_topics JOIN topics ON topics.id = article_topics.topic_id
     WHERE article_topics.article_id = articles.id ORDER BY topics.name)) AS topics,
  (SELECT json_group_array(name) FROM (
     SELECT speakers.name FROM article_speakers JOIN speakers ON speakers.id = article_speakers.speaker_id
     WHERE article_speakers.article_id = articles.id
     ORDER BY article_speakers.quote_count DESC, speakers.name)) AS speakers
FROM articles
LEFT JOIN outlets ON outlets.id = articles.outlet_id""",
}

# Rows buffered before a flush inside the open transaction.
FLUSH_ROWS = 5000
_FILE_SAVEPOINT = "diplomacy_file"
# Denormalised counts: (table, column, child table, its foreign key column, extra filter).
_COUNTS = [
    ("articles", "quote_count", "quotes", "article_id", ""),
    ("speakers", "quote_count", "quotes", "speaker_id", ""),
    ("speakers", "article_count", "article_speakers", "speaker_id", ""),
    ("outlets", "article_count", "articles", "outlet_id", ""),
]
_ARTICLE_CHILDREN = ["article_topics", "article_speakers", "article_entities"]
_QUOTE_CHILDREN = ["quote_topics", "quote_mentions"]


_WORD = re.compile(r"[^\W_]+")
_COUNTED_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

# The fast paths of statement_key and count_words work on ASCII bytes, where a
# translate table does what the regexes do. Most text is ASCII but for a few
# punctuation marks; these are replaced first. Each of them is neither a word
# character nor becomes one (or a combining mark) when folded, so as a
# separator it is as good as a space (for count_words, ’ joins words like ').
_SEPARATORS = ("\u2019", "\u2014", "\u201c", "\u201d", "\u2013", "\u2026", "\u2018", "\u2022", "\u00a0",
               "\u2011", "\u2010", "\u00ae", "\u00b0", "\u00a7", "\u00a9", "\u00ab", "\u00bb")
_ASCII_WORD_CHARS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# bytes: word characters kept, every other one a space
_WORDS_ONLY = bytes(c if c in _ASCII_WORD_CHARS else 32 for c in range(256))
# bytes: 1 for a word character, else 0; 1 for a joiner (' or -), else 0
_IS_WORD_CHAR = bytes(c in _ASCII_WORD_CHARS for c in range(256))
_IS_JOINER = bytes(c in b"'-" for c in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_MAX_OTHER_CHARS = 64


def _without_separators(text: str, apostrophe: str = " ") -> str:
    if not text.isascii():
        if "\u2019" in text:
            text = text.replace("\u2019", apostrophe)
        for ch in _SEPARATORS:
            if ch in text:
                text = text.replace(ch, " ")
    return text


def statement_key(text: str) -> str:
    """sha1 of the folded words of a quote: equal for one statement carried by several outlets.

    Folding ignores case, accents and punctuation: "Erdoğan's" and "ERDOGAN'S"
    give the same words.
    """
    text = _without_separators(text)
    folded = text.lower() if text.isascii() else fold_text(text)  # (what fold_text does to ASCII)
    if folded.isascii():
        words = b" ".join(folded.encode("ascii").translate(_WORDS_ONLY).split())
    else:
        words = " ".join(_WORD.findall(folded)).encode("utf-8")
    return hashlib.sha1(words).hexdigest()


def count_words(text: str) -> int:
    """The words of ``text``, a word being letters and digits, joined by ' ’ or - ("don't", "co-chair")."""
    text = _without_separators(text, "'")
    if not text.isascii():
        others = set("".join(_NON_ASCII.findall(text)))
        if len(others) > _MAX_OTHER_CHARS:
            return len(_COUNTED_WORD.findall(text))
        for ch in others:  # only its class matters: a letter or digit, or a separator
            text = text.replace(ch, "a" if ch.isalnum() else " ")
    # as big integers, one byte per character: runs of word characters are counted where
    # they start, and a joiner between two of them makes them one word
    data = text.encode("ascii")
    word = int.from_bytes(data.translate(_IS_WORD_CHAR), "big")
    joiner = int.from_bytes(data.translate(_IS_JOINER), "big")
    after_word, before_word = word >> 8, word << 8  # at each character: the previous, the next is a word char
    return (word & ~after_word).bit_count() - (joiner & after_word & before_word).bit_count()


def fold_label(name: str) -> str:
    """A non-person speaker's name folded for its key: 'The Kremlin ' -> 'kremlin'."""
    text = re.sub(r"\s+", " ", fold(name)).strip(" .,;:'\"")
    return re.sub(r"^the ", "", text)


_PRONOUN_OWNED = re.compile(r"(?:his|her|their|its|our|my|your) ")


def speaker_key(speaker: Speaker, article_source: str) -> str:
    """The global merge key of a document-local speaker.

    Persons key on :func:`~datasette_diplomacy.extract.names.person_key`
    (``lavrov|sergey``, or ``lavrov`` for a surname alone). Groups and institutions
    key on type and folded name (``institution:kremlin``), shared by all articles.
    Anonymous speakers key per article (``anonymous:<article source>:<name>``):
    "a senior administration official" in two briefings, or "Senior Administration
    Official 2" of two different calls, are not known to be the same person; so do
    documents ("the statement", "a new poll": ``document:<article source>:<name>``).
    A person known only by a role ("President", "The First Lady": role words and
    no name, as extraction leaves a transcript's ``THE PRESIDENT`` label that it
    could not resolve to a name) keys per article too
    (``role:<article source>:<name>``): a role has different holders in
    different years and countries. So does an institution or group named by a
    possessive pronoun ("His office", "her supporters": whose, only its article
    tells).
    """
    if speaker.type in ("anonymous", "document") or _PRONOUN_OWNED.match(fold_label(speaker.name)):
        return f"{speaker.type}:{article_source}:{fold_label(speaker.name)}"
    if speaker.type == "person" and is_role_name(speaker.name):
        return f"role:{article_source}:{fold_label(speaker.name)}"
    if speaker.type == "person":
        key = person_key(speaker.name)
        if key:
            return key
    return f"{speaker.type}:{fold_label(speaker.name)}"


# Share of a person's articles that must state its role for the role to tell it apart.
ROLE_SUPPORT = 1 / 3


def surname_target(role: str | None, rows: list[dict], quoted: set[int]) -> dict | None:
    """The full-name person row a surname-only person with ``role`` is, or None.

    ``rows`` are the full-name person rows sharing the surname; ``quoted`` the
    ids of speakers with quotes. The one row whose role is ``role`` wins (among
    several, the one quoted: a person only ever mentioned got the role from a
    misread sentence more likely than a speaker did); else a single row whose
    role does not differ. None when it cannot be told.
    """
    if role:
        same = [r for r in rows if same_role(role, r["role"])]
        if len(same) > 1:
            same = [r for r in same if r["id"] in quoted]
        if len(same) == 1:
            return same[0]
    if len(rows) == 1 and _roles_agree(role, rows[0]["role"]):
        return rows[0]
    return None


def _roles_agree(a: str | None, b: str | None) -> bool:
    """True unless both roles are known and name different offices."""
    return not a or not b or same_role(a, b) or same_role(b, a) or same_office(a, b)


@dataclass
class FileResult:
    """What one source file contributed, for the load summary."""

    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_removed: int = 0
    quotes: int = 0


def remove_database(path: str) -> None:
    """Delete a database file with its WAL, shared-memory and journal files
    (and the FTS build files a killed :meth:`Store.finalize` may have left)."""
    for suffix in ("", "-wal", "-shm", "-journal", *(_FTS_BUILD_SUFFIX + table for table in FTS_COLUMNS)):
        try:
            os.remove(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def _cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: ``DB`` + this + the table's name: the file :class:`FtsBuild` builds that table's FTS index in.
_FTS_BUILD_SUFFIX = "-fts-"


def _build_fts(path: str, db_path: str, table: str, columns: list[str]) -> None:
    """Fill the FTS table of the build file ``path`` from ``table`` of the database ``db_path``
    (:class:`FtsBuild`'s process: exits with 1, silently, when it fails)."""
    try:
        from .loader import _die_with_parent

        _die_with_parent()  # a killed load leaves no build running
        with sqlite_utils.Database(path) as build:
            build.execute("PRAGMA synchronous = OFF")  # a scratch file: copied, then deleted
            build.execute("ATTACH DATABASE ? AS [source]", [db_path])
            quoted = ", ".join(f"[{column}]" for column in columns)
            with build.atomic():
                build.execute(f"INSERT INTO [{table}_fts] (rowid, {quoted}) SELECT rowid, {quoted} FROM [source].[{table}]")
    except BaseException:  # noqa: BLE001 - finalize then rebuilds in place
        os._exit(1)


class FtsBuild:
    """One table's FTS index built in a database file of its own, in a process, from the rows
    the store's database has committed; :meth:`copy_into` then puts it in that database.

    Tokenising every title, body and quote is most of :meth:`Store.finalize` (about 3 of its
    6 seconds for 10,000 briefings) and it needs nothing of what finalize does besides (no
    step of it changes an article's title or body or a quote's text), so it runs beside those
    steps, on another core (a reader of a WAL database does not wait for its writer). A process
    rather than a thread, so that the builds share nothing with this one (no GIL, none of SQLite's
    process-wide mutexes); measured, the two did not differ on this machine. The build file's FTS table is made by sqlite-utils'
    ``enable_fts`` (on an empty stand-in table of the same name and columns) and filled by the
    statement ``populate_fts`` runs, in one transaction, so its shadow tables are the ones a
    rebuild in place writes, byte for byte (a test compares them); :meth:`copy_into` copies
    them with the table's and its triggers' SQL.
    """

    def __init__(self, db_path: str, table: str, columns: list[str]):
        self.db_path = db_path
        self.table = table
        self.columns = columns
        self.path = f"{db_path}{_FTS_BUILD_SUFFIX}{table}"
        self.alias = f"fts_build_{table}"
        remove_database(self.path)  # a killed finalize's
        with sqlite_utils.Database(self.path) as build:
            build[table].create({column: str for column in columns})
            build[table].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZE)
        self._process = multiprocessing.Process(
            target=_build_fts, args=(self.path, db_path, table, columns), name=f"fts-{table}", daemon=True)
        self._process.start()

    def join(self) -> bool:
        """Wait for the build; True when it succeeded."""
        if self._process.exitcode is None:
            self._process.join()
        return self._process.exitcode == 0

    def stop(self) -> None:
        """End the build if it is still running (finalize failed)."""
        if self._process.exitcode is None:
            self._process.terminate()
            self._process.join()

    def copy_into(self, db: sqlite_utils.Database) -> None:
        """Replace ``db``'s FTS table of the table (and its triggers) with the one built,
        inside ``db``'s open transaction; the build file must be attached as :attr:`alias`."""
        fts = f"{self.table}_fts"
        db[self.table].disable_fts()
        schema = db.execute(
            f"SELECT type, name, sql FROM [{self.alias}].sqlite_master "
            "WHERE type IN ('table', 'trigger') AND (name = ? OR tbl_name = ?) ORDER BY rowid",
            [fts, self.table]).fetchall()
        for kind, name, sql in schema:
            if kind == "table" and name == fts:
                db.execute(sql)  # the virtual table, which creates its shadow tables
        shadows = [name for (name,) in db.execute(
            f"SELECT name FROM [{self.alias}].sqlite_master WHERE type = 'table' AND name GLOB ? "
            "ORDER BY name", [fts + "_*"])]
        for name in shadows:
            db.execute(f"DELETE FROM [{name}]")
            db.execute(f"INSERT INTO [{name}] SELECT * FROM [{self.alias}].[{name}]")
        for kind, name, sql in schema:
            if kind == "trigger":
                db.execute(sql)

    def remove(self) -> None:
        remove_database(self.path)


def open_database(path) -> sqlite_utils.Database:
    """Open (creating) a database with WAL, foreign keys and the schema in place."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        db.enable_wal()
        # With WAL, NORMAL loses at most the last commits on power loss, never consistency.
        db.execute("PRAGMA synchronous = NORMAL")
    ensure_schema(db)
    return db


#: Indexes a load reads while it writes (the rows of a re-loaded file; see
#: :meth:`Store.start_file`): kept when a big load drops the others.
_LOAD_INDEXES = {("articles", ("source_file",)), ("quotes", ("article_id",))}
#: The indexes a big load drops and :meth:`Store.finalize` creates again (see
#: :meth:`Store.begin_load`): those that enforce no uniqueness and that the load does not read.
DEFERRED_INDEXES = [(table, columns) for table, columns, unique in INDEXES
                    if not unique and (table, tuple(columns)) not in _LOAD_INDEXES]


def index_name(table: str, columns: list[str]) -> str:
    """The name sqlite-utils' ``create_index`` gives an index."""
    return f"idx_{table}_{'_'.join(columns)}"


def create_indexes(db: sqlite_utils.Database) -> None:
    """Create the indexes of :data:`INDEXES` that are missing."""
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique, if_not_exists=True)


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, indexes and views that are missing (idempotent)."""
    with db.atomic():
        for name, spec in TABLES.items():
            table = db[name]
            if not table.exists():
                table.create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))
                continue
            # A database from an earlier version: add the columns it lacks.
            for column, column_type in spec["columns"].items():
                if column not in table.columns_dict:
                    table.add_column(column, column_type)
        create_indexes(db)
        for name, sql in VIEWS.items():
            db.create_view(name, sql.strip(), replace=True)
    for table, columns in FTS_COLUMNS.items():
        if not db[table].detect_fts():
            db[table].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZE)
    summaries.ensure(db)  # per-speaker counts for the plugin, kept exact by triggers


#: Speaker rows kept in memory between lookups (least recently used ones are dropped
#: and read again from the database when needed): bounds the loader's memory
#: whatever the number of speakers. Rows not yet written are always kept.
SPEAKER_CACHE_ROWS = 4096
_SPEAKER_COLUMNS = "id, key, name, type, role, country, organisation, gender"

#: The columns of the rows :class:`Store` queues for each table, in tuple order
#: (a speaker is queued as its row dict, whose values are taken in this order when written).
ROW_COLUMNS = {
    "sources": ("path", "hash", "size", "mtime", "articles", "error", "loaded_at", "settings"),
    "outlets": ("id", "name", "article_count"),
    "topics": ("id", "name"),
    "speakers": ("id", "key", "name", "type", "role", "country", "organisation", "gender"),
    "entities": ("id", "name", "type"),
    "articles": ("id", "title", "name", "source", "source_file", "url", "body", "date", "dateline",
                 "outlet_id", "kind", "format", "content_hash", "word_count", "quote_count", "loaded_at"),
    "speaker_aliases": ("speaker_id", "alias"),
    "quotes": ("id", "article_id", "speaker_id", "text", "kind", "cue", "paragraph", "start", "end",
               "statement_key", "in_title"),
    "quote_topics": ("quote_id", "topic_id"),
    "quote_mentions": ("quote_id", "speaker_id"),
    "article_topics": ("article_id", "topic_id", "count"),
    "article_speakers": ("article_id", "speaker_id", "quote_count", "role"),
    "article_entities": ("article_id", "entity_id", "count"),
}


def _insert_sql(table: str, *, ignore: bool = False, upsert_on: str | None = None) -> str:
    """The INSERT sqlite-utils writes for ``insert_all`` (``ignore``) or ``upsert_all`` (``upsert_on``: the pk)."""
    columns = ROW_COLUMNS[table]
    sql = (f"INSERT{' OR IGNORE' if ignore else ''} INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    if upsert_on:
        sql += f" ON CONFLICT([{upsert_on}]) DO UPDATE SET " + ", ".join(
            f"[{c}] = excluded.[{c}]" for c in columns if c != upsert_on)
    return sql


_INSERT_SQL = {
    table: _insert_sql(table, ignore=table == "speaker_aliases",
                       upsert_on="path" if table == "sources" else None)
    for table in ROW_COLUMNS
}
_UPSERT_SPEAKERS = _insert_sql("speakers", upsert_on="id")
_ROWS_SAVEPOINT = "diplomacy_rows"
_MARK_DIRTY = f"INSERT OR IGNORE INTO [{summaries.DIRTY}] (speaker_id) VALUES (?)"


def _speaker_values(row: dict) -> tuple:
    return (row["id"], row["key"], row["name"], row["type"], row["role"], row["country"],
            row["organisation"], row["gender"])


def _write_rows(conn, sql: str, rows: list[tuple]) -> None:
    """``executemany`` in a savepoint, all rows or none, as sqlite-utils' ``insert_all`` writes a batch.

    A value SQLite cannot store (a list, a dict) is JSON-encoded as sqlite-utils does.
    """
    conn.execute(f"SAVEPOINT {_ROWS_SAVEPOINT}")
    try:
        try:
            conn.executemany(sql, rows)
        except (sqlite3.InterfaceError, sqlite3.ProgrammingError):
            conn.execute(f"ROLLBACK TO {_ROWS_SAVEPOINT}")
            conn.executemany(sql, [tuple(map(jsonify_if_needed, row)) for row in rows])
    except BaseException:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO {_ROWS_SAVEPOINT}")
            conn.execute(f"RELEASE {_ROWS_SAVEPOINT}")
        raise
    conn.execute(f"RELEASE {_ROWS_SAVEPOINT}")


class IdSet:
    """A set of non-negative integer ids as a bitmap: one bit per id up to the largest.

    For the per-speaker flags a load keeps (quoted, role stated): a few kilobytes
    for a hundred thousand speakers, where a Python set would take megabytes.
    """

    __slots__ = ("_bits",)

    def __init__(self, ids=()):
        self._bits = bytearray()
        for value in ids:
            self.add(value)

    def add(self, value: int) -> None:
        index = value >> 3
        if index >= len(self._bits):
            self._bits.extend(bytes(max(index + 1 - len(self._bits), len(self._bits) // 2 + 64)))
        self._bits[index] |= 1 << (value & 7)

    def __contains__(self, value) -> bool:
        if not isinstance(value, int) or value < 0:
            return False
        index = value >> 3
        return index < len(self._bits) and bool(self._bits[index] & (1 << (value & 7)))


class Store:
    """Writes extractions into a database, one source file at a time.

    Typical use::

        store = Store("news.db")
        store.sync_topics(taxonomy)
        store.begin_load()
        store.start_file(path)
        for extraction in extractions:
            store.add(extraction, loaded_at)
        store.finish_file(path, hash=..., size=..., mtime=..., articles=n, error=None, loaded_at=...)
        store.commit()
        store.finalize()
    """

    def __init__(self, path, *, replace: bool = False):
        if replace and str(path) != ":memory:":
            remove_database(str(path))
        self.path = path
        self.db = open_database(path)
        # Rows of completed files not yet written, and rows of the current file:
        # kept apart so that an aborted file drops only its own rows.
        self._buffers: dict[str, list[dict]] = {}
        self._file_rows: dict[str, list[dict]] = {}
        self._pending_rows = 0
        self._uncommitted_articles = 0
        self._savepoint = False
        self._file: str | None = None
        self._file_result: FileResult | None = None
        self._old_articles: dict[str, tuple[int, str]] = {}
        self._loading = False
        # True while the speaker_stats triggers are dropped (see begin_load): new speakers
        # are then marked dirty as they are written
        self._stats_untracked = False
        self._load_caches()

    # -- state -------------------------------------------------------------

    def state(self, key: str) -> str | None:
        rows = self.db.execute("SELECT value FROM diplomacy_state WHERE key = ?", [key]).fetchall()
        return rows[0][0] if rows else None

    def set_state(self, key: str, value: str | None) -> None:
        if value is None:
            self.db["diplomacy_state"].delete_where("key = ?", [key])
        else:
            self.db["diplomacy_state"].upsert({"key": key, "value": value}, pk="key")

    @property
    def dirty(self) -> bool:
        """True when an earlier load stopped before rebuilding FTS or recounting."""
        return bool(self.state("fts_dirty") or self.state("counts_dirty"))

    def sources_of(self, paths: list[str]) -> dict[str, dict]:
        """The ``sources`` rows of ``paths`` (those it has) keyed by path."""
        found = {}
        for start in range(0, len(paths), 500):
            chunk = paths[start:start + 500]
            placeholders = ", ".join("?" for _ in chunk)
            for row in self.db.query(f"SELECT * FROM sources WHERE path IN ({placeholders})", chunk):
                found[row["path"]] = row
        return found

    def touch_source(self, path: str, mtime: float) -> None:
        """Record the new mtime of a file whose bytes did not change."""
        self.db["sources"].update(path, {"mtime": mtime})

    # -- caches -------------------------------------------------------------

    def _load_caches(self) -> None:
        """Read the id maps that let rows be written without looking each one up.

        Called again after a rollback, since the rolled-back rows are gone.
        """
        db = self.db
        # Speaker rows: a bounded cache by key (the database has them all), and the
        # rows created or changed since the last flush, which only memory has right.
        self._speakers: OrderedDict[str, dict] = OrderedDict()
        self._pinned: dict[int, dict] = {}
        self._pinned_by_surname: dict[str, list[dict]] = {}  # pinned rows with a full-name key
        self._outlets = {r["name"]: r["id"] for r in db.query("SELECT id, name FROM outlets")}
        self._topics = {r["name"]: r["id"] for r in db.query("SELECT id, name FROM topics")}
        self._entities = {
            (r["name"], r["type"]): r["id"] for r in db.query("SELECT id, name, type FROM entities")
        }
        self._next_id = {
            table: (db.execute(f"SELECT max(id) FROM [{table}]").fetchone()[0] or 0) + 1
            for table in ("speakers", "outlets", "topics", "entities", "articles", "quotes")
        }
        self._new_speaker_ids: set[int] = set()
        self._changed_speaker_ids: set[int] = set()
        self._stated_roles = IdSet()
        self._quoted = IdSet(
            row[0] for row in db.execute("SELECT DISTINCT speaker_id FROM quotes WHERE speaker_id IS NOT NULL")
        )

    def _take_id(self, table: str) -> int:
        value = self._next_id[table]
        self._next_id[table] = value + 1
        return value

    def _remember_speaker(self, row: dict) -> None:
        """Put ``row`` in the speaker cache (most recently used), dropping the oldest
        rows beyond :data:`SPEAKER_CACHE_ROWS` that the database has as they are."""
        speakers = self._speakers
        speakers[row["key"]] = row
        speakers.move_to_end(row["key"])
        while len(speakers) > SPEAKER_CACHE_ROWS:
            key, oldest = next(iter(speakers.items()))
            if oldest["id"] in self._pinned:
                speakers.move_to_end(key)  # not written yet: keep it
                if len(self._pinned) >= len(speakers):
                    break
                continue
            del speakers[key]

    def _pin(self, row: dict) -> None:
        """Keep ``row`` in memory until it is written (created or changed since the last flush)."""
        self._pinned[row["id"]] = row
        if "|" in row["key"]:
            self._pinned_by_surname.setdefault(row["key"].partition("|")[0], []).append(row)
        self._remember_speaker(row)

    def _unpin_written(self) -> None:
        self._pinned = {
            i: row for i, row in self._pinned.items()
            if i in self._new_speaker_ids or i in self._changed_speaker_ids
        }
        self._pinned_by_surname = {}
        for row in self._pinned.values():
            if "|" in row["key"]:
                self._pinned_by_surname.setdefault(row["key"].partition("|")[0], []).append(row)

    def _speaker_rows(self, where: str, params: list) -> list[dict]:
        """Speaker rows matching ``where`` in the database, as the cached (or pinned) row objects.

        Rows changed in memory since the last flush come from memory; the caller
        checks them against its condition again (a renamed row has another key).
        """
        rows = []
        for values in self.db.conn.execute(f"SELECT {_SPEAKER_COLUMNS} FROM speakers WHERE {where}", params):
            row = self._pinned.get(values[0])
            if row is None:
                row = self._speakers.get(values[1])
                if row is None or row["id"] != values[0]:
                    row = dict(zip(("id", "key", "name", "type", "role", "country", "organisation",
                                    "gender"), values))
                self._remember_speaker(row)
            rows.append(row)
        return rows

    def _speaker_by_key(self, key: str) -> dict | None:
        row = self._speakers.get(key)
        if row is not None:
            self._speakers.move_to_end(key)
            return row
        # (rows created since the last flush are in the cache: pinned rows are never dropped)
        for row in self._speaker_rows("key = ?", [key]):
            if row["key"] == key:
                return row
        return None

    def _full_name_rows(self, surname: str) -> list[dict]:
        """The person rows whose key is ``surname|first``, in key order."""
        prefix = surname + "|"
        found = {}
        for row in self._speaker_rows(
            # (``+type``: a range of the key index, never every person through the type index)
            "key > ? AND key < ? AND +type = 'person'", [prefix, surname + chr(ord("|") + 1)]
        ):
            found[row["id"]] = row
        for row in self._pinned_by_surname.get(surname, ()):
            found.setdefault(row["id"], row)
        rows = [row for row in found.values()
                if row["type"] == "person" and row["key"].startswith(prefix) and len(row["key"]) > len(prefix)]
        return sorted(rows, key=lambda row: row["key"])

    # -- transactions -----------------------------------------------------

    def _ensure_transaction(self) -> None:
        if not self.db.conn.in_transaction:
            self.db.begin()
            # Rows of one file reference each other in any order; checked at COMMIT.
            self.db.execute("PRAGMA defer_foreign_keys = ON")

    def commit(self) -> None:
        """Flush buffered rows and commit. Only call between files."""
        assert self._file is None, "commit() in the middle of a file"
        self._flush(self._buffers)
        self.db.commit()
        self._uncommitted_articles = 0

    def rollback(self) -> None:
        """Drop everything since the last commit, including buffered rows."""
        self._buffers.clear()
        self._file_rows.clear()
        self._pending_rows = 0
        self._uncommitted_articles = 0
        self._savepoint = False
        self._end_file()
        self.db.rollback()
        self._load_caches()

    @property
    def uncommitted_articles(self) -> int:
        """Articles written or buffered since the last commit (for batching commits)."""
        return self._uncommitted_articles

    def close(self) -> None:
        if self.db.conn.in_transaction:
            self.rollback()
        self.db.close()

    # -- topics -------------------------------------------------------------

    def sync_topics(self, taxonomy) -> None:
        """Make the ``topics`` table match the taxonomy: name, description, parent.

        Writes only what differs, so a re-load with the same taxonomy changes
        nothing. Topics that left the taxonomy are deleted once nothing refers to them.
        """
        for topic in taxonomy.topics:
            if topic.name not in self._topics:
                self._topics[topic.name] = self._take_id("topics")
        wanted = [
            {
                "id": self._topics[topic.name],
                "name": topic.name,
                "description": getattr(topic, "description", None),
                "parent_id": self._topics.get(topic.parent) if getattr(topic, "parent", None) else None,
            }
            for topic in taxonomy.topics
        ]
        current = {row["id"]: row for row in self.db["topics"].rows}
        changed = [row for row in wanted if current.get(row["id"]) != row]
        names = [topic.name for topic in taxonomy.topics]
        placeholders = ", ".join("?" for _ in names) or "NULL"
        unused = f"""name NOT IN ({placeholders})
                AND id NOT IN (SELECT topic_id FROM quote_topics)
                AND id NOT IN (SELECT topic_id FROM article_topics)
                AND id NOT IN (SELECT parent_id FROM topics WHERE parent_id IS NOT NULL)"""
        has_unused = self.db.execute(f"SELECT count(*) FROM topics WHERE {unused}", names).fetchone()[0]
        if not changed and not has_unused:
            return
        self._ensure_transaction()
        if changed:
            self.db["topics"].upsert_all(changed, pk="id")
        if has_unused:
            self.db["topics"].delete_where(unused, names)
        self.db.commit()
        self._load_caches()

    # -- starting a load ----------------------------------------------------

    def begin_load(self, *, rebuild_fts: bool = True, rebuild_indexes: bool = False) -> None:
        """Mark the counts (and FTS, when rebuilding it) dirty before any article is written.

        With ``rebuild_fts`` the FTS triggers are dropped, so rows are written
        without row-by-row index maintenance and :meth:`finalize` rebuilds both
        indexes; that is the fast way for a big load. A small load into a big
        database keeps the triggers instead (rebuilding would cost more than it
        saves). Committed at once, so a crash from here on leaves the flags set.

        ``rebuild_indexes`` (for a load that at least doubles the database)
        also drops the :data:`DEFERRED_INDEXES` and the ``speaker_stats``
        triggers, and marks every speaker dirty (speakers written from here on
        are marked as they are written), so the stats stay exact whenever a
        speaker is not dirty, as the plugin expects. :meth:`finalize` creates
        indexes and triggers again, and so does the next :func:`open_database`
        after a killed load.
        """
        if self._loading:
            return
        with self.db.atomic():
            self.set_state("counts_dirty", "1")
            if rebuild_fts:
                self.set_state("fts_dirty", "1")
                for table in FTS_COLUMNS:
                    for suffix in ("_ai", "_ad", "_au"):
                        self.db.execute(f"DROP TRIGGER IF EXISTS [{table}{suffix}]")
            if rebuild_indexes:
                summaries.suspend(self.db)
                for table, columns in DEFERRED_INDEXES:
                    self.db.execute(f"DROP INDEX IF EXISTS [{index_name(table, columns)}]")
                self._stats_untracked = True
        self._loading = True

    # -- files --------------------------------------------------------------

    def start_file(self, path: str) -> None:
        """Begin the rows of ``path``, deleting those an earlier load of it wrote.

        The file's writes go into a savepoint (opened only once something of the
        file must reach the database before it is complete), so that
        :meth:`abort_file` can undo them without losing other files. Article ids
        are kept per ``source`` so a re-loaded article keeps its URL.
        """
        assert self._file is None, "start_file() before finish_file()"
        self.begin_load()
        self._ensure_transaction()
        self._file = path
        self._file_result = FileResult()
        self._old_articles = {
            row["source"]: (row["id"], row["content_hash"])
            for row in self.db.query(
                "SELECT id, source, content_hash FROM articles WHERE source_file = ?", [path]
            )
        }
        if self._old_articles:
            self._open_file_savepoint()
            self._delete_file_rows(path)

    def _open_file_savepoint(self) -> None:
        """Write the completed files' rows, then open the current file's savepoint."""
        if not self._savepoint:
            self._flush(self._buffers)
            self.db.execute(f"SAVEPOINT {_FILE_SAVEPOINT}")
            self._savepoint = True

    def _delete_file_rows(self, path: str) -> None:
        articles = "SELECT id FROM articles WHERE source_file = ?"
        quotes = f"SELECT id FROM quotes WHERE article_id IN ({articles})"
        for table in _QUOTE_CHILDREN:
            self.db[table].delete_where(f"quote_id IN ({quotes})", [path])
        self.db["quotes"].delete_where(f"article_id IN ({articles})", [path])
        for table in _ARTICLE_CHILDREN:
            self.db[table].delete_where(f"article_id IN ({articles})", [path])
        self.db["articles"].delete_where("source_file = ?", [path])

    def add(self, extraction: Extraction, loaded_at: str, *,
            statement_keys: list[str] | None = None, word_count: int | None = None) -> None:
        """Queue the rows of one extracted document of the current file.

        ``statement_keys`` (one per quote) and ``word_count`` are computed here
        unless given: the loader has its workers compute them, off this process.
        """
        assert self._file is not None, "add() outside start_file()/finish_file()"
        article = extraction.article
        old = self._old_articles.pop(article.source, None)
        if old is None:
            article_id = self._take_id("articles")
            self._file_result.articles_new += 1
        else:
            article_id = old[0]
            if old[1] == article.content_hash:
                self._file_result.articles_unchanged += 1
            else:
                self._file_result.articles_updated += 1

        speaker_ids = self._resolve_speakers(extraction)
        quotes = extraction.quotes
        self._buffer("articles", (
            article_id, article.title, article.name, article.source, self._file, article.url,
            article.body, article.date, article.dateline, self._outlet_id(article.outlet),
            article.kind, article.format, article.content_hash,
            count_words(article.body) if word_count is None else word_count,
            len(quotes), loaded_at,
        ))
        if statement_keys is None:
            statement_keys = [statement_key(quote.text) for quote in quotes]
        rows = self._file_rows
        added = 1
        if quotes:
            added += self._buffer_quotes(extraction, article_id, speaker_ids, statement_keys)
        if extraction.topics:
            topic_id = self._topic_id
            article_topics = [(article_id, topic_id(name), count)
                              for name, count in sorted(extraction.topics.items())]
            rows.setdefault("article_topics", []).extend(article_topics)
            added += len(article_topics)
        if extraction.entities:
            entity_counts: Counter = Counter()
            entity_id = self._entity_id
            for entity in extraction.entities:
                entity_counts[entity_id(entity.name, entity.type)] += entity.count
            article_entities = [(article_id, entity, count) for entity, count in sorted(entity_counts.items())]
            rows.setdefault("article_entities", []).extend(article_entities)
            added += len(article_entities)
        self._pending_rows += added - 1  # (the article row counted itself)
        self._file_result.quotes += len(quotes)
        self._uncommitted_articles += 1
        if self._pending_rows >= FLUSH_ROWS:
            self._open_file_savepoint()  # a big file: write what it has so far
            self._flush(self._file_rows)

    def _buffer_quotes(self, extraction: Extraction, article_id: int, speaker_ids: dict,
                       statement_keys: list[str]) -> int:
        """Queue the rows of the document's quotes (and their joins); how many rows."""
        quotes_by_speaker: Counter = Counter()
        rows = self._file_rows
        quote_rows = rows.setdefault("quotes", [])
        quote_topics = rows.setdefault("quote_topics", [])
        quote_mentions = rows.setdefault("quote_mentions", [])
        before = len(quote_topics) + len(quote_mentions)
        topic_id = self._topic_id
        quoted = self._quoted
        next_id = self._next_id["quotes"]
        for quote, key in zip(extraction.quotes, statement_keys, strict=True):
            quote_id = next_id
            next_id += 1
            speaker_id = speaker_ids.get(quote.speaker) if quote.speaker else None
            if speaker_id is not None:
                quotes_by_speaker[speaker_id] += 1
                quoted.add(speaker_id)
            quote_rows.append((
                quote_id, article_id, speaker_id, quote.text, quote.kind, quote.cue, quote.paragraph,
                quote.start, quote.end, key, int(quote.in_title),
            ))
            if quote.topics:
                for topic in sorted({topic_id(name) for name in quote.topics}):
                    quote_topics.append((quote_id, topic))
            if quote.mentions:
                mentioned = {speaker_ids[m] for m in quote.mentions if m in speaker_ids}
                mentioned.discard(speaker_id)
                for mentioned_id in sorted(mentioned):
                    quote_mentions.append((quote_id, mentioned_id))
        self._next_id["quotes"] = next_id
        roles = {speaker_ids[s.id]: s.role for s in extraction.speakers if s.role and s.id in speaker_ids}
        article_speakers = [(article_id, speaker_id, count, roles.get(speaker_id))
                            for speaker_id, count in sorted(quotes_by_speaker.items())]
        if article_speakers:
            rows.setdefault("article_speakers", []).extend(article_speakers)
        return (len(extraction.quotes) + len(quote_topics) + len(quote_mentions) - before
                + len(article_speakers))

    def finish_file(self, path: str, *, hash: str | None, size: int | None,
                    mtime: float | None, articles: int, error: str | None,
                    loaded_at: str, settings: str | None = None) -> FileResult:
        """Write the file's ``sources`` row and flush; the transaction stays open.

        ``settings`` fingerprints what else the articles depend on (taxonomy,
        column mapping, sidecar): a re-load with other settings reads the file
        again. Articles an earlier load had from this file and this one did not
        produce (records removed from a JSONL file) are gone for good.
        """
        assert self._file == path, "finish_file() for another file"
        self._buffer("sources", (path, hash, size, mtime, articles, error, loaded_at, settings))
        if self._savepoint:
            self._flush(self._file_rows)
            self.db.execute(f"RELEASE {_FILE_SAVEPOINT}")
            self._savepoint = False
        else:
            for table, rows in self._file_rows.items():
                self._buffers.setdefault(table, []).extend(rows)
            self._file_rows.clear()
        if self._pending_rows >= FLUSH_ROWS:
            self._flush(self._buffers)
        result = self._file_result
        result.articles_removed = len(self._old_articles)
        self._end_file()
        return result

    def abort_file(self) -> None:
        """Undo everything of the current file; rows an earlier load wrote for it come back.

        Rows of files completed before it stay (and are written now, so that the
        id caches can be reloaded from the database).
        """
        assert self._file is not None, "abort_file() outside a file"
        self._pending_rows -= sum(len(rows) for rows in self._file_rows.values())
        self._file_rows.clear()
        if self._savepoint:
            self.db.execute(f"ROLLBACK TO {_FILE_SAVEPOINT}")
            self.db.execute(f"RELEASE {_FILE_SAVEPOINT}")
            self._savepoint = False
        self._flush(self._buffers)
        self._end_file()
        self._load_caches()

    def record_failure(self, path: str, error: str, loaded_at: str) -> None:
        """Note in ``sources`` that ``path`` could not be stored, so the next load retries it."""
        self._ensure_transaction()
        self.db["sources"].upsert(
            {"path": path, "error": error, "loaded_at": loaded_at}, pk="path"
        )

    def _end_file(self) -> None:
        self._file = None
        self._file_result = None
        self._old_articles = {}

    # -- lookups that create rows -------------------------------------------

    def _buffer(self, table: str, row) -> None:
        """Queue a row of the current file: a tuple in :data:`ROW_COLUMNS` order (a speaker: its dict)."""
        self._file_rows.setdefault(table, []).append(row)
        self._pending_rows += 1

    def _outlet_id(self, name: str | None) -> int | None:
        if not name:
            return None
        if name not in self._outlets:
            self._outlets[name] = self._take_id("outlets")
            self._buffer("outlets", (self._outlets[name], name, 0))
        return self._outlets[name]

    def _topic_id(self, name: str) -> int:
        """A topic's id; a name the taxonomy did not list gets a bare row."""
        if name not in self._topics:
            self._topics[name] = self._take_id("topics")
            self._buffer("topics", (self._topics[name], name))
        return self._topics[name]

    def _entity_id(self, name: str, type: str) -> int:
        key = (name, type)
        if key not in self._entities:
            self._entities[key] = self._take_id("entities")
            self._buffer("entities", (self._entities[key], name, type))
        return self._entities[key]

    # -- speakers -----------------------------------------------------------

    def _resolve_speakers(self, extraction: Extraction) -> dict[str, int]:
        """Map the document's speakers that quotes refer to onto global speaker ids."""
        used = {q.speaker for q in extraction.quotes if q.speaker}
        used.update(m for q in extraction.quotes for m in q.mentions)
        # speakers of transcript turns: their role is the one their label states
        labelled = {q.speaker for q in extraction.quotes if q.speaker and q.kind == "transcript"}
        ids = {}
        for speaker in extraction.speakers:
            if speaker.id not in used or not speaker.name:
                continue
            row = self._speaker_row(speaker, extraction.article.source)
            self._fill_speaker(row, speaker, stated=speaker.id in labelled)
            ids[speaker.id] = row["id"]
            for alias in dict.fromkeys([speaker.name, *speaker.aliases]):
                if alias and alias.strip():
                    self._buffer("speaker_aliases", (row["id"], alias.strip()))
        return ids

    def _speaker_row(self, speaker: Speaker, article_source: str) -> dict:
        """The global row for a local speaker, merging or creating it.

        A surname-only key merges into the one full-name person sharing the
        surname whose role is the speaker's ("Biden", President -> "Joe Biden",
        President, not "Jill Biden", First Lady), else into the single full-name
        person with that surname when their roles do not differ. When none exists
        yet it gets its own row, which the first full name with that surname and
        no other role later takes over (renaming it), so "Psaki" in an early
        briefing and "Jen Psaki" in a later one end up as one person. Anything
        else stays a separate row: a surname shared by several people is not
        guessed.
        """
        key = speaker_key(speaker, article_source)
        row = self._speaker_by_key(key)
        if row is not None:
            return row
        if speaker.type == "person" and ":" not in key:
            surname, _, first = key.partition("|")
            full_rows = self._full_name_rows(surname)
            if not first and full_rows:
                target = surname_target(speaker.role, full_rows, self._quoted)
                if target is not None:
                    return target
            if first and not full_rows:
                surname_row = self._speaker_by_key(surname)
                if surname_row is not None and _roles_agree(surname_row["role"], speaker.role):
                    return self._rename_speaker(surname_row, key, speaker.name)
        return self._new_speaker(key, speaker)

    def _new_speaker(self, key: str, speaker: Speaker) -> dict:
        row = {
            "id": self._take_id("speakers"), "key": key, "name": speaker.name.strip(),
            "type": speaker.type, "role": None, "country": None, "organisation": None,
            "gender": None,
        }
        self._new_speaker_ids.add(row["id"])
        self._pin(row)
        self._buffer("speakers", row)
        return row

    def _rename_speaker(self, row: dict, new_key: str, name: str) -> dict:
        self._speakers.pop(row["key"], None)
        row["key"] = new_key
        row["name"] = name.strip()
        self._changed_speaker_ids.add(row["id"])
        self._pin(row)
        return row

    def _fill_speaker(self, row: dict, speaker: Speaker, stated: bool = False) -> None:
        """Fill the row's empty details from this document's speaker.

        A role ``stated`` by a transcript label ("THE PRESIDENT", "PRESIDENT
        BIDEN") also replaces a role read from prose, once per row and load
        ("under President" from "... under President Biden" is no role).
        """
        for field in ("role", "country", "organisation", "gender"):
            value = getattr(speaker, field, None)
            if row[field] is None and value:
                row[field] = value
                self._changed_speaker_ids.add(row["id"])
                self._pin(row)
        if stated and speaker.role and row["id"] not in self._stated_roles:
            self._stated_roles.add(row["id"])
            if row["role"] != speaker.role:
                row["role"] = speaker.role
                self._changed_speaker_ids.add(row["id"])
                self._pin(row)

    # -- flushing -----------------------------------------------------------

    def _flush(self, buffers: dict[str, list] | None = None) -> None:
        """Write queued rows with one ``executemany`` per table, parents first.

        ``buffers`` is the completed files' queue or the current file's; speaker
        rows changed since the last flush (details filled in, renamed) go out too.
        The statements are what sqlite-utils' ``insert_all``/``upsert_all`` would
        run, prepared once (see :func:`_insert_sql`) instead of per batch.
        """
        buffers = self._buffers if buffers is None else buffers
        # Speakers still queued for insertion go out as they are now, details included.
        changed_ids = self._changed_speaker_ids - self._new_speaker_ids
        if not any(buffers.values()) and not changed_ids:
            return
        self._ensure_transaction()
        if changed_ids:
            pinned = self._pinned
            _write_rows(self.db.conn, _UPSERT_SPEAKERS, [_speaker_values(pinned[i]) for i in sorted(changed_ids)])
            self._changed_speaker_ids -= changed_ids
        for table in TABLES:
            rows = buffers.pop(table, None)
            if not rows:
                continue
            self._pending_rows -= len(rows)
            if table == "speakers":
                written = {row["id"] for row in rows}
                self._new_speaker_ids -= written
                self._changed_speaker_ids -= written
                rows = [_speaker_values(row) for row in rows]
                _write_rows(self.db.conn, _INSERT_SQL[table], rows)
                if self._stats_untracked:
                    _write_rows(self.db.conn, _MARK_DIRTY, [(row[0],) for row in rows])
                continue
            _write_rows(self.db.conn, _INSERT_SQL[table], rows)
        self._unpin_written()

    # -- end of a load -----------------------------------------------------

    def finalize(self) -> None:
        """Recount, drop orphans, rebuild FTS if it is dirty, clear the flags, ANALYZE.

        One transaction: a crash in here leaves the flags set and the next load
        does it again. Set-based SQL over the whole database (about 6 seconds for
        10,000 briefings with 460,000 quotes, half of it the FTS rebuild, which
        runs in processes beside the rest: see :class:`FtsBuild`).
        """
        assert self._file is None, "finalize() in the middle of a file"
        self._flush(self._buffers)
        fts_dirty = bool(self.state("fts_dirty"))
        builds = self._start_fts_builds() if fts_dirty else []
        try:
            self._ensure_transaction()
            # what begin_load(rebuild_indexes=True) dropped (no-ops otherwise), before the
            # merges and recounts below, which need the indexes
            create_indexes(self.db)
            summaries.ensure(self.db, mark_existing=False)
            self._vote_roles()
            self._merge_surnames()
            self._vote_roles()
            self._recount()
            self._delete_orphans()
            summaries.refresh(self.db)  # recount the speakers this load changed
            if fts_dirty:
                built = {build.table: build for build in builds if build.join()}
                for table, columns in FTS_COLUMNS.items():
                    if table in built:
                        built[table].copy_into(self.db)
                    else:
                        self.db[table].disable_fts()
                        self.db[table].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZE)
            self.set_state("fts_dirty", None)
            self.set_state("counts_dirty", None)
            self.db.commit()
        except BaseException:
            for build in builds:
                build.stop()  # no need to wait for what will not be copied
            raise
        finally:
            self._end_fts_builds(builds)
        self._loading = False
        self._stats_untracked = False
        self._uncommitted_articles = 0
        # Statistics for the query planner (Datasette's facets and joins), sampled: cheap.
        self.db.execute("PRAGMA analysis_limit = 1000")
        self.db.execute("ANALYZE")
        self._load_caches()

    def _start_fts_builds(self) -> list[FtsBuild]:
        """Start building the FTS indexes beside the rest of :meth:`finalize` (see :class:`FtsBuild`),
        once the rows they index are committed; none for a database in memory or on a single CPU,
        where copying would only add to the work (or if a build file cannot be made: finalize
        then rebuilds in place, as it always did)."""
        if str(self.path) == ":memory:" or not isinstance(self.path, (str, os.PathLike)) or _cpus() < 2:
            return []
        self.db.commit()  # (what _flush wrote: rows of completed files; the flags stay set)
        builds = []
        try:
            for table, columns in FTS_COLUMNS.items():
                build = FtsBuild(os.path.abspath(self.path), table, columns)
                builds.append(build)
                self.db.execute(f"ATTACH DATABASE ? AS [{build.alias}]", [build.path])
        except (sqlite3.Error, OSError):
            self._end_fts_builds(builds)
            return []
        return builds

    def _end_fts_builds(self, builds: list[FtsBuild]) -> None:
        """Wait for the builds, detach and delete their files (after a failure: roll back first)."""
        if not builds:
            return
        if self.db.conn.in_transaction:
            self.db.rollback()  # (finalize failed: its flags stay set)
        attached = {row[1] for row in self.db.execute("PRAGMA database_list")}
        for build in builds:
            build.join()
            if build.alias in attached:
                self.db.execute(f"DETACH DATABASE [{build.alias}]")
            build.remove()

    def _merge_surnames(self) -> None:
        """Merge surname-only persons into the full-name person :func:`surname_target` picks.

        While loading, a surname seen before its full name (or before the full
        name's role was known) keeps its own row; this pass, over the whole
        database, moves its quotes, mentions, article links and aliases to the
        full-name row and deletes it. Only surname rows that have a target are
        touched, so a second run changes nothing.

        Reads the candidates in batches (memory does not grow with the number of
        speakers); each one sees the full-name rows as they were when the pass
        began, apart from quotes moved to them.
        """
        quoted = IdSet(
            r[0] for r in self.db.conn.execute("SELECT DISTINCT speaker_id FROM quotes WHERE speaker_id IS NOT NULL"))
        roles_before: dict[int, str | None] = {}  # full-name rows given a role by this pass
        last_id = -1
        while True:
            batch = self.db.conn.execute(
                """SELECT id, key, name, role FROM speakers AS s
                   WHERE id > ? AND type = 'person' AND instr(key, ':') = 0 AND instr(key, '|') = 0
                     AND EXISTS (SELECT 1 FROM speakers AS f WHERE f.key > s.key || '|'
                                 AND f.key < s.key || '}' AND +f.type = 'person' AND instr(f.key, ':') = 0)
                   ORDER BY id LIMIT 500""", [last_id]).fetchall()
            if not batch:
                break
            last_id = batch[-1][0]
            for values in batch:
                self._merge_surname(dict(zip(("id", "key", "name", "role"), values)), quoted, roles_before)

    def _merge_surname(self, row: dict, quoted: IdSet, roles_before: dict) -> None:
        full = [
            {"id": i, "key": k, "name": n, "role": roles_before.get(i, r)}
            for i, k, n, r in self.db.conn.execute(
                """SELECT id, key, name, role FROM speakers
                   WHERE key > ? AND key < ? AND +type = 'person' AND instr(key, ':') = 0 ORDER BY id""",
                [row["key"] + "|", row["key"] + "}"])
        ]
        # a role that few of its articles state ("Secretary Fauci", a slip of the tongue once
        # in a hundred briefings) does not keep a surname apart
        target = surname_target(row["role"], full, quoted)
        if target is None and self._role_support(row["id"]) < ROLE_SUPPORT:
            target = surname_target(None, full, quoted)
        if target is None:
            return
        old, new = row["id"], target["id"]
        self.db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [new, old])
        for table, other in (("quote_mentions", "quote_id"), ("article_speakers", "article_id")):
            extra = ", quote_count, role" if table == "article_speakers" else ""
            self.db.execute(
                f"INSERT OR IGNORE INTO {table} ({other}, speaker_id{extra}) "
                f"SELECT {other}, ?{extra} FROM {table} WHERE speaker_id = ?", [new, old])
            self.db.execute(f"DELETE FROM {table} WHERE speaker_id = ?", [old])
        self.db.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) "
            "SELECT ?, alias FROM speaker_aliases WHERE speaker_id = ?", [new, old])
        self.db.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [old])
        if target["role"] is None and row["role"]:
            roles_before.setdefault(new, None)
            self.db.execute("UPDATE speakers SET role = ? WHERE id = ?", [row["role"], new])
        self.db.execute("DELETE FROM speakers WHERE id = ?", [old])
        if new in quoted or old in quoted:
            quoted.add(new)

    def _vote_roles(self) -> None:
        """Give each speaker the role most of its articles state (ties: a transcript label's, then
        the role it has, then the earliest article's).

        A role read once from a misread sentence or a slip ("by Sean Hannity", "Secretary
        Fauci") would otherwise stick to a person quoted in hundreds of articles just because
        that article was loaded first. Only rows whose role changes are written.
        """
        self.db.execute(
            """UPDATE speakers SET role = voted.role
               FROM (SELECT speaker_id, role FROM (
                       SELECT speaker_id, article_speakers.role AS role, row_number() OVER (
                         PARTITION BY speaker_id
                         ORDER BY count(*) DESC, max(articles.kind = 'transcript') DESC,
                                  max(article_speakers.role IS current.role) DESC, min(article_id)) AS rank
                       FROM article_speakers JOIN articles ON articles.id = article_speakers.article_id
                       JOIN speakers AS current ON current.id = article_speakers.speaker_id
                       WHERE article_speakers.role IS NOT NULL GROUP BY speaker_id, article_speakers.role)
                     WHERE rank = 1) AS voted
               WHERE voted.speaker_id = speakers.id AND speakers.role IS NOT voted.role"""
        )

    def _role_support(self, speaker_id: int) -> float:
        """Share of a person's articles that state the person's current role
        (1.0 unless the person has a role and three or more articles)."""
        share, articles = self.db.conn.execute(
            """SELECT avg(a.role IS NOT NULL AND a.role = s.role), count(*)
               FROM article_speakers a JOIN speakers s ON s.id = a.speaker_id
               WHERE a.speaker_id = ? AND s.type = 'person' AND s.role IS NOT NULL""",
            [speaker_id]).fetchone()
        return share if articles >= 3 else 1.0

    def _recount(self) -> None:
        """Set every denormalised count from one grouped scan per count.

        (A correlated ``count(*)`` per row lets SQLite pick a poor index, e.g.
        all of a press secretary's 100,000 quotes for each article.) Only rows
        whose count differs are written, so a recount of a loaded database is a no-op.
        """
        for table, column, child, fk_column, filter_sql in _COUNTS:
            self.db.execute(
                f"""UPDATE [{table}] SET [{column}] = 0
                    WHERE [{column}] IS NOT 0 AND NOT EXISTS (
                        SELECT 1 FROM [{child}] WHERE [{child}].[{fk_column}] = [{table}].id)"""
            )
            self.db.execute(
                f"""UPDATE [{table}] SET [{column}] = counted.n
                    FROM (SELECT [{fk_column}] AS key, count(*) AS n FROM [{child}]
                          WHERE [{fk_column}] IS NOT NULL {filter_sql} GROUP BY [{fk_column}]) AS counted
                    WHERE counted.key = [{table}].id AND [{table}].[{column}] IS NOT counted.n"""
            )
        self.db.execute(
            """UPDATE article_speakers SET quote_count = counted.n
               FROM (SELECT article_id, speaker_id, count(*) AS n FROM quotes
                     WHERE speaker_id IS NOT NULL GROUP BY article_id, speaker_id) AS counted
               WHERE counted.article_id = article_speakers.article_id
                 AND counted.speaker_id = article_speakers.speaker_id
                 AND article_speakers.quote_count IS NOT counted.n"""
        )

    def _delete_orphans(self) -> None:
        """Remove speakers, outlets and entities no article refers to any more."""
        orphan_speakers = """SELECT id FROM speakers WHERE
               NOT EXISTS (SELECT 1 FROM quotes WHERE quotes.speaker_id = speakers.id)
               AND NOT EXISTS (SELECT 1 FROM quote_mentions WHERE quote_mentions.speaker_id = speakers.id)
               AND NOT EXISTS (SELECT 1 FROM article_speakers WHERE article_speakers.speaker_id = speakers.id)"""
        self.db["speaker_aliases"].delete_where(f"speaker_id IN ({orphan_speakers})")
        self.db["speakers"].delete_where(f"id IN ({orphan_speakers})")
        self.db["outlets"].delete_where(
            "NOT EXISTS (SELECT 1 FROM articles WHERE articles.outlet_id = outlets.id)"
        )
        self.db["entities"].delete_where(
            "NOT EXISTS (SELECT 1 FROM article_entities WHERE article_entities.entity_id = entities.id)"
        )
