"""Exact per-speaker counts, shared by the comparison and the speaker page.

One statement per speaker (see :meth:`.compare_sql.QueryBuilder.counts`) reads
the speaker's quotes once, through the ``quotes.speaker_id`` index, and groups
them seven ways: per outlet and kind, distinct articles per outlet, per day,
distinct statements, per topic, the people the speaker names most
(``mentions``) and those who name the speaker most (``mentioned_by``).

For the most quoted people that pass is the slowest part of a page (about a
second for 150,000 quotes), and it only changes when the database does, so its
result is cached in the process per database state (the same key as the
log-odds prior, :func:`.background.state_key`) and per speaker and filters: a
comparison of A with B and one of A with C share A's counts, and the speaker
page reuses them. At start-up, and again when a request finds the database
changed, the background pass fills the cache for the ``WARM_SPEAKERS`` most
quoted speakers after the prior (:func:`warm`), so even their first page is fast.
"""
from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from collections import OrderedDict, defaultdict

from datasette.utils import sqlite_timelimit

from .. import summaries
from .background import state_key, warm_once
from .compare_sql import QueryBuilder
from .terms import count_terms

PARTS = ("outlet", "articles", "day", "statements", "topic", "mentions", "mentioned_by")
TOP_OTHERS = 10  # people per speaker in ``mentions`` and ``mentioned_by``
CACHE_SIZE = 256  # (state, speaker, filters) entries kept
WARM_SPEAKERS = 50  # most quoted speakers counted at start-up ...
WARM_MIN_QUOTES = 2000  # ... when they have at least this many quotes

_cache: OrderedDict = OrderedDict()
_lock = threading.Lock()


def _parts(rows) -> dict:
    parts = {name: [] for name in PARTS}
    for row in rows:
        parts[row["part"]].append(
            {"key": row["key"], "label": row["label"], "kind": row["kind"], "n": row["n"]}
        )
    return parts


def _store(key: tuple, parts: dict) -> None:
    with _lock:
        _cache[key] = parts
        _cache.move_to_end(key)
        # Forget older states of this database, then the least recently used.
        for old in [k for k in _cache if k[0][0] == key[0][0] and k[0] != key[0]]:
            del _cache[old]
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def _cached(key: tuple) -> dict | None:
    with _lock:
        parts = _cache.get(key)
        if parts is not None:
            _cache.move_to_end(key)
        return parts


async def speaker_counts(db, builder: QueryBuilder, speaker_ids) -> dict:
    """``{speaker id: {part: [{"key", "label", "kind", "n"}]}}`` for ``builder``'s filters.

    Raises QueryInterrupted (from Datasette) past ``sql_time_limit_ms``.
    """
    warm_once(db, warm)  # after a load: count the most quoted speakers in the background
    state = state_key(db)
    result, missing = {}, []
    for speaker_id in speaker_ids:
        parts = _cached((state, speaker_id, builder.filter_key))
        if parts is None:
            missing.append(speaker_id)
        else:
            result[speaker_id] = parts
    if missing and not builder.filtered:
        # Unfiltered: the loader's precomputed rows, when they are up to date.
        stored = await summary_counts(db, missing)
        for speaker_id, parts in stored.items():
            result[speaker_id] = parts
            _store((state, speaker_id, builder.filter_key), parts)
        missing = [s for s in missing if s not in stored]
    sql = builder.counts()
    answers = await asyncio.gather(*[
        db.execute(sql, builder.counts_params(speaker_id, TOP_OTHERS)) for speaker_id in missing
    ])
    for speaker_id, answer in zip(missing, answers):
        result[speaker_id] = _parts(answer.rows)
        _store((state, speaker_id, builder.filter_key), result[speaker_id])
    return {speaker_id: result[speaker_id] for speaker_id in speaker_ids}


SUMMARY_SQL = f"""
    with clean(id) as (
        select value from json_each(:ids)
        where value not in (select speaker_id from {summaries.DIRTY})
    )
    select id as speaker_id, '' as part, null as key, null as label, null as kind, 0 as n
    from clean
    union all
    select st.speaker_id, st.part, st.key,
           case when st.part = 'outlet' then o.name when st.part = 'topic' then t.name
                when st.part in ('mentions', 'mentioned_by') then sp.name end,
           st.kind, st.n
    from {summaries.STATS} st
    left join outlets o on st.part = 'outlet' and o.id = st.key
    left join topics t on st.part = 'topic' and t.id = st.key
    left join speakers sp on st.part in ('mentions', 'mentioned_by') and sp.id = st.key
    where st.speaker_id in clean
"""


async def has_summary(db) -> bool:
    """True when the database has the loader's ``speaker_stats`` (see :mod:`..summaries`)."""
    return await db.table_exists(summaries.STATS) and await db.table_exists(summaries.DIRTY)


def _summary_parts(rows) -> dict:
    """Rows of ``speaker_stats`` (with labels) -> the parts :func:`_parts` gives for the live query."""
    parts = {name: [] for name in PARTS}
    for row in rows:
        if row["part"] in ("mentions", "mentioned_by") and row["label"] is None:
            continue  # like the live query's inner join on speakers
        parts[row["part"]].append(
            {"key": row["key"], "label": row["label"], "kind": row["kind"], "n": row["n"]}
        )
    if not parts["statements"]:
        parts["statements"] = [{"key": None, "label": None, "kind": None, "n": 0}]
    for name in ("mentions", "mentioned_by"):
        # The live query's order and limit: most first, then by name.
        parts[name] = sorted(parts[name], key=lambda r: (-r["n"], r["label"]))[:TOP_OTHERS]
    return parts


async def summary_counts(db, speaker_ids) -> dict:
    """``{speaker id: parts}`` from ``speaker_stats`` for the speakers whose rows are up to
    date (not in ``speaker_stats_dirty``); the others are left out. One query for all."""
    if not await has_summary(db):
        return {}
    rows = (await db.execute(SUMMARY_SQL, {"ids": json.dumps(list(speaker_ids))})).rows
    grouped: dict = {}
    for row in rows:
        grouped.setdefault(row["speaker_id"], [])
        if row["part"]:
            grouped[row["speaker_id"]].append(row)
    return {speaker_id: _summary_parts(rows) for speaker_id, rows in grouped.items()}


def warm(db, conn: sqlite3.Connection, time_limit_ms: int) -> None:
    """Count the most quoted speakers, unfiltered, on ``conn`` (the start-up pass)."""
    state = state_key(db)
    builder = QueryBuilder([])
    conn.row_factory = sqlite3.Row
    try:
        with sqlite_timelimit(conn, time_limit_ms):
            if _summary_is_fresh(conn):
                return  # requests read the loader's precomputed counts: nothing to warm
            top = [row[0] for row in conn.execute(
                "select id from speakers where quote_count >= ? "
                "order by quote_count desc, id limit ?",
                [WARM_MIN_QUOTES, WARM_SPEAKERS],
            )]
            sql = builder.counts()
            for speaker_id in top:
                rows = conn.execute(sql, builder.counts_params(speaker_id, TOP_OTHERS)).fetchall()
                if state != state_key(db):
                    return  # written to meanwhile: requests count the new state
                _store((state, speaker_id, builder.filter_key), _parts(rows))
    except sqlite3.Error:
        pass  # locked, half-written or too slow: requests fill the cache instead


def _summary_is_fresh(conn: sqlite3.Connection) -> bool:
    tables = conn.execute(
        "select count(*) from sqlite_master where type = 'table' and name in (?, ?)",
        [summaries.STATS, summaries.DIRTY],
    ).fetchone()[0]
    return tables == 2 and conn.execute(
        f"select 1 from {summaries.DIRTY} limit 1").fetchone() is None


def sample_terms(db, builder: QueryBuilder, speaker_id: int, texts) -> dict:
    """Term counts of a speaker's sampled statements (``texts``), cached like the counts.

    The sample (the newest quotes of the speaker under ``builder``'s filters) only
    changes with the database, and tokenising a thousand transcript turns costs
    more than every query of the comparison together.
    """
    key = (state_key(db), ("terms", speaker_id), builder.filter_key)
    counted = _cached(key)
    if counted is None:
        counted = count_terms(texts)
        _store(key, counted)
    return counted


def by_part(counts: dict, part: str) -> list[dict]:
    """All speakers' rows of one part, each with its ``speaker_id``."""
    return [dict(row, speaker_id=sid) for sid, parts in counts.items() for row in parts[part]]


def totals(counts: dict) -> dict:
    """Quotes per speaker (the sum of the outlet part)."""
    result = defaultdict(int)
    for sid, parts in counts.items():
        result[sid] = sum(r["n"] for r in parts["outlet"])
    return result
