"""Background term frequencies of the whole ``quotes`` table (the log-odds prior).

Counting every quote's words in Python on each request would not scale, and the
database already holds the counts: the ``quotes_fts`` index knows how often each
term occurs (read through a temporary ``fts5vocab`` table) and how many tokens
the table holds (the FTS5 "averages" record). That is used whenever the index is
trustworthy: FTS5 with the default ``unicode61`` tokenizer (what :mod:`.terms`
mimics), not flagged ``fts_dirty`` by the loader, and covering as many rows as
``quotes`` has. Otherwise the quotes are counted in Python (beyond
``SCAN_LIMIT`` quotes only the newest, an approximation reported as ``source``).

Reading a frequent term's count means reading its whole posting list, so counts
are cached in the process per database state (file, size and modification time
of the database and its WAL). When the plugin starts, a daemon thread with its
own read-only connection fills the cache for every diplomacy database in one
pass (``warm``), outside any request, then (through ``then``) counts the most
quoted speakers (see :mod:`.counts`). Until it is done, a request looks up only
the terms it needs, under ``sql_time_limit_ms``, and adds them to the cache.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass, field

from datasette.database import QueryInterrupted
from datasette.utils import sqlite_timelimit

from .terms import count_terms, is_content_term

SCAN_LIMIT = 200_000
VOCAB_TABLE = "diplomacy_quotes_vocab"
WARM_LIMIT_MS = 120_000  # the start-up pass runs in the background, not in a request


@dataclass
class Prior:
    counts: dict = field(default_factory=dict)  # content term -> occurrences
    absent: set = field(default_factory=set)  # terms known not to occur
    total: int = 1
    source: str = "fts"
    complete: bool = False


_cache: dict[tuple, Prior] = {}
_lock = threading.Lock()


def _varints(blob: bytes) -> list[int]:
    """Decode SQLite-format varints (as FTS5 stores its averages record)."""
    values, value, count = [], 0, 0
    for byte in blob:
        count += 1
        if count == 9:
            values.append((value << 8) | byte)
            value, count = 0, 0
        elif byte & 0x80:
            value = (value << 7) | (byte & 0x7F)
        else:
            values.append((value << 7) | byte)
            value, count = 0, 0
    return values


def _default_tokenizer(create_sql: str) -> bool:
    """True for ``tokenize='unicode61'`` variants that fold like :mod:`.terms`."""
    spec = create_sql.split("tokenize", 1)[1]
    return "unicode61" in spec and not any(
        word in spec for word in ("porter", "trigram", "remove_diacritics 0", "ascii")
    )


def _fts_total(conn: sqlite3.Connection) -> int | None:
    """Total tokens in ``quotes_fts`` if the index can serve as the prior, else None."""
    row = conn.execute(
        "select sql from sqlite_master where type = 'table' and name = 'quotes_fts'"
    ).fetchone()
    if not row or not row[0]:
        return None
    create_sql = row[0].lower()
    if "fts5" not in create_sql:
        return None
    if "tokenize" in create_sql and not _default_tokenizer(create_sql):
        return None
    if conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'diplomacy_state'"
    ).fetchone():
        dirty = conn.execute(
            "select value from diplomacy_state where key = 'fts_dirty'"
        ).fetchone()
        if dirty and str(dirty[0]).strip() not in ("", "0", "false", "False"):
            return None
    averages = conn.execute("select block from quotes_fts_data where id = 1").fetchone()
    if not averages or not averages[0]:
        return None
    numbers = _varints(averages[0])
    quote_count = conn.execute("select count(*) from quotes").fetchone()[0]
    if len(numbers) < 2 or numbers[0] != quote_count:
        return None
    return numbers[1]


def _vocab(conn) -> str:
    conn.execute(
        f"create virtual table if not exists temp.{VOCAB_TABLE} "
        "using fts5vocab(main, 'quotes_fts', 'row')"
    )
    return f"temp.{VOCAB_TABLE}"


def _lookup(conn, prior: Prior, terms: set[str]) -> None:
    """Add the counts of ``terms`` (those not cached yet) to ``prior`` from the index."""
    wanted = sorted(t for t in terms if t not in prior.counts and t not in prior.absent)
    if not wanted:
        return
    rows = conn.execute(
        f"select term, cnt from {_vocab(conn)} where term in (select value from json_each(?))",
        [json.dumps(wanted)],
    ).fetchall()
    found = dict(rows)
    prior.counts.update(found)
    prior.absent.update(t for t in wanted if t not in found)


def _new_prior(conn) -> Prior:
    """A prior with its corpus size and source, before any term is counted."""
    total_tokens = _fts_total(conn)
    if total_tokens is not None:
        # Every token, stop words included: cheap to read, and the same whether
        # the cache is complete or not. It scales every term's share alike,
        # which the log-odds prior's own scale absorbs (see logodds).
        return Prior(source="fts", total=max(total_tokens, 1))
    count = conn.execute("select count(*) from quotes").fetchone()[0]
    cursor = conn.execute("select text from quotes order by id desc limit ?", [SCAN_LIMIT])
    counts = count_terms(row[0] for row in cursor)
    return Prior(counts=dict(counts), total=max(sum(counts.values()), 1),
                 source="scan" if count <= SCAN_LIMIT else "sample", complete=True)


def _fill(conn, prior: Prior) -> None:
    """Read every content term's count from the index (one pass over it)."""
    prior.counts = {
        term: cnt for term, cnt in conn.execute(f"select term, cnt from {_vocab(conn)}")
        if is_content_term(term)
    }
    prior.absent = set()
    prior.complete = True


def state_key(db) -> tuple:
    """Identifies one state of a database file (changes whenever it is written)."""
    if not db.path or db.is_memory:
        return (db.name, "memory", id(db))
    stats = []
    for path in (db.path, db.path + "-wal"):
        try:
            st = os.stat(path)
            stats.append((st.st_size, st.st_mtime_ns))
        except OSError:
            stats.append(None)
    return (db.name, db.path, tuple(stats))


def _interrupted(error: sqlite3.OperationalError) -> bool:
    return error.args == ("interrupted",)


async def background_counts(datasette, database: str, terms: set[str]) -> dict:
    """Counts of ``terms`` over all quotes, the corpus size, and where they came from.

    Returns ``{"counts": {term: n}, "total": tokens, "source": "fts" | "scan" | "sample"}``.
    Raises QueryInterrupted past Datasette's ``sql_time_limit_ms``.
    """
    db = datasette.get_database(database)
    key = state_key(db)
    time_limit = datasette.setting("sql_time_limit_ms")

    def work(conn):
        with _lock:
            prior = _cache.get(key)
        if prior is not None and prior.complete:
            return prior
        try:
            with sqlite_timelimit(conn, time_limit):
                if prior is None:
                    prior = _new_prior(conn)
                if not prior.complete:
                    _lookup(conn, prior, terms)
        except sqlite3.OperationalError as error:
            if _interrupted(error):
                raise QueryInterrupted(error, "background term counts", {})
            raise
        with _lock:
            current = _cache.get(key)
            if current is None or not current.complete:
                _cache[key] = prior
            # Forget older states of this database.
            for old in [k for k in _cache if k[0] == key[0] and k != key]:
                del _cache[old]
        return prior

    prior = await db.execute_fn(work)
    return {
        "counts": {t: prior.counts[t] for t in terms if t in prior.counts},
        "total": prior.total,
        "source": prior.source,
    }


def warm(db, then=None) -> None:
    """Fill the cache for ``db`` in one pass (runs in a daemon thread at start-up).

    ``then(db, conn, time_limit_ms)``, if given, runs next on the same read-only
    connection (the plugin passes :func:`.counts.warm`).
    """
    if not db.path or db.is_memory:
        return
    key = state_key(db)
    mode = "immutable=1" if db.is_mutable is False else "mode=ro"
    try:
        conn = sqlite3.connect(f"file:{db.path}?{mode}", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return
    try:
        with sqlite_timelimit(conn, WARM_LIMIT_MS):
            prior = _new_prior(conn)
            if not prior.complete:
                _fill(conn, prior)
        with _lock:
            if key == state_key(db):
                _cache[key] = prior
        if then is not None:
            then(db, conn, WARM_LIMIT_MS)
    except sqlite3.Error:
        pass  # a locked, busy or half-written database: requests fill the cache instead
    finally:
        conn.close()


_warmed: dict[str, tuple] = {}  # database name -> state the background pass was started for


def warm_once(db, then=None) -> None:
    """Start :func:`warm` in a daemon thread unless it was started for this state of ``db``.

    Called at start-up and by every counting request, so that after a load the new
    state is counted in the background too.
    """
    key = state_key(db)
    with _lock:
        if _warmed.get(db.name) == key:
            return
        _warmed[db.name] = key
    threading.Thread(
        target=warm, args=(db, then), name=f"diplomacy-prior-{db.name}", daemon=True
    ).start()


def warm_in_background(datasette, names, then=None) -> None:
    for name in names:
        warm_once(datasette.get_database(name), then)
