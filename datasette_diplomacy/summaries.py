"""Precomputed per-speaker counts: what the comparison and speaker pages show, unfiltered.

``speaker_stats`` holds, for every speaker, the rows the plugin's per-speaker
count query (``web.compare_sql.QueryBuilder.counts``) would return without
filters, but for *all* people named (not only the top ten) and without labels
(names are joined when read, so a renamed outlet, topic or speaker needs no
recount):

===============  =================================  ========  ==========================
part             key                                kind      n
===============  =================================  ========  ==========================
``outlet``       outlet id (NULL: unknown outlet)   kind      quotes
``articles``     outlet id                          NULL      distinct articles
``day``          ``substr(articles.date, 1, 10)``   NULL      quotes
``statements``   NULL                               NULL      distinct statements
``topic``        topic id (-1: no topic)            NULL      quotes (x topics)
``mentions``     speaker id named in the quotes     NULL      quotes naming them
``mentioned_by`` speaker id of quotes naming this   NULL      quotes
===============  =================================  ========  ==========================

Keeping it exact after re-loads without recounting everything: triggers on
``quotes``, ``quote_topics``, ``quote_mentions`` (and on ``articles`` when its
outlet or date changes in place) put every speaker whose counts a write can
change into ``speaker_stats_dirty``, in the same transaction as the write.
:func:`refresh` (called by ``Store.finalize``) recounts only those speakers,
set-based, and empties the table. So the rows of a speaker are exact whenever
the speaker is not in ``speaker_stats_dirty``, whatever state a load was
interrupted in, and the plugin checks exactly that before using them.

A database from before this table existed gets it (and every speaker marked
dirty, plus ``counts_dirty`` so that the next load runs ``finalize`` even when
no file changed) from :func:`ensure`, which ``store.ensure_schema`` calls.
"""
from __future__ import annotations

import sqlite_utils

STATS = "speaker_stats"
DIRTY = "speaker_stats_dirty"
_PREFIX = "diplomacy_stats_"

# "key" has no declared type (no affinity): outlet and topic ids stay integers
# and days stay text, as the live count query returns them.
# Deleting a speaker (orphans, surname merges) deletes its rows of both tables.
_SPEAKER_FK = "INTEGER NOT NULL REFERENCES [speakers]([id]) ON DELETE CASCADE"
_CREATE = [
    f"""CREATE TABLE IF NOT EXISTS [{STATS}] (
        [speaker_id] {_SPEAKER_FK},
        [part] TEXT NOT NULL,
        [key],
        [kind] TEXT,
        [n] INTEGER NOT NULL
    )""",
    f"CREATE INDEX IF NOT EXISTS [idx_{STATS}_speaker_id] ON [{STATS}] ([speaker_id], [part])",
    f"CREATE TABLE IF NOT EXISTS [{DIRTY}] ([speaker_id] {_SPEAKER_FK})",
    f"CREATE UNIQUE INDEX IF NOT EXISTS [idx_{DIRTY}_speaker_id] ON [{DIRTY}] ([speaker_id])",
]

_MARK = f"INSERT OR IGNORE INTO [{DIRTY}] ([speaker_id])"
_TRIGGERS = {
    "quotes_ai": f"""AFTER INSERT ON quotes WHEN new.speaker_id IS NOT NULL BEGIN
        {_MARK} VALUES (new.speaker_id); END""",
    "quotes_ad": f"""AFTER DELETE ON quotes WHEN old.speaker_id IS NOT NULL BEGIN
        {_MARK} VALUES (old.speaker_id); END""",
    # A quote moved to another speaker (surname merge) also changes "mentioned_by"
    # of everyone the quote names.
    "quotes_au": f"""AFTER UPDATE OF speaker_id, article_id, kind, statement_key ON quotes BEGIN
        {_MARK} SELECT old.speaker_id WHERE old.speaker_id IS NOT NULL;
        {_MARK} SELECT new.speaker_id WHERE new.speaker_id IS NOT NULL;
        {_MARK} SELECT speaker_id FROM quote_mentions WHERE quote_id = new.id; END""",
    "quote_topics_ai": f"""AFTER INSERT ON quote_topics BEGIN
        {_MARK} SELECT speaker_id FROM quotes WHERE id = new.quote_id AND speaker_id IS NOT NULL; END""",
    "quote_topics_ad": f"""AFTER DELETE ON quote_topics BEGIN
        {_MARK} SELECT speaker_id FROM quotes WHERE id = old.quote_id AND speaker_id IS NOT NULL; END""",
    "quote_mentions_ai": f"""AFTER INSERT ON quote_mentions BEGIN
        {_MARK} SELECT new.speaker_id WHERE new.speaker_id IS NOT NULL;
        {_MARK} SELECT speaker_id FROM quotes WHERE id = new.quote_id AND speaker_id IS NOT NULL; END""",
    "quote_mentions_ad": f"""AFTER DELETE ON quote_mentions BEGIN
        {_MARK} SELECT old.speaker_id WHERE old.speaker_id IS NOT NULL;
        {_MARK} SELECT speaker_id FROM quotes WHERE id = old.quote_id AND speaker_id IS NOT NULL; END""",
    "articles_au": f"""AFTER UPDATE OF outlet_id, date ON articles BEGIN
        {_MARK} SELECT DISTINCT speaker_id FROM quotes
                WHERE article_id = new.id AND speaker_id IS NOT NULL; END""",
}

_DIRTY_IDS = f"(SELECT speaker_id FROM [{DIRTY}])"
_SELECTED = f"""SELECT q.id, q.speaker_id, q.kind, q.article_id, q.statement_key,
                       a.outlet_id, a.date
                FROM quotes q JOIN articles a ON a.id = q.article_id
                WHERE q.speaker_id IN {_DIRTY_IDS}"""
_INSERT = f"INSERT INTO [{STATS}] (speaker_id, part, key, kind, n)"
# One statement per part, each over the dirty speakers' quotes only.
_PARTS = [
    f"""{_INSERT} SELECT speaker_id, 'outlet', outlet_id, kind, count(*)
        FROM ({_SELECTED}) GROUP BY speaker_id, outlet_id, kind""",
    f"""{_INSERT} SELECT speaker_id, 'articles', outlet_id, NULL, count(DISTINCT article_id)
        FROM ({_SELECTED}) GROUP BY speaker_id, outlet_id""",
    f"""{_INSERT} SELECT speaker_id, 'day', substr(date, 1, 10) AS day, NULL, count(*)
        FROM ({_SELECTED}) WHERE day IS NOT NULL AND day != '' GROUP BY speaker_id, day""",
    f"""{_INSERT} SELECT speaker_id, 'statements', NULL, NULL,
               count(DISTINCT coalesce(statement_key, 'q' || id))
        FROM ({_SELECTED}) GROUP BY speaker_id""",
    f"""{_INSERT} SELECT s.speaker_id, 'topic', coalesce(qt.topic_id, -1), NULL, count(*)
        FROM ({_SELECTED}) s LEFT JOIN quote_topics qt ON qt.quote_id = s.id
        GROUP BY s.speaker_id, coalesce(qt.topic_id, -1)""",
    f"""{_INSERT} SELECT s.speaker_id, 'mentions', qm.speaker_id, NULL, count(*)
        FROM ({_SELECTED}) s CROSS JOIN quote_mentions qm ON qm.quote_id = s.id
        WHERE qm.speaker_id != s.speaker_id
        GROUP BY s.speaker_id, qm.speaker_id""",
    f"""{_INSERT} SELECT qm.speaker_id, 'mentioned_by', q.speaker_id, NULL, count(*)
        FROM quote_mentions qm JOIN quotes q ON q.id = qm.quote_id
        JOIN articles a ON a.id = q.article_id
        WHERE qm.speaker_id IN {_DIRTY_IDS} AND q.speaker_id != qm.speaker_id
        GROUP BY qm.speaker_id, q.speaker_id""",
]


def ensure(db: sqlite_utils.Database, *, mark_existing: bool = True) -> None:
    """Create the tables, index and triggers that are missing (idempotent).

    When ``speaker_stats`` is new in a database that already holds speakers,
    every speaker is marked dirty and ``counts_dirty`` is set, so the next load
    runs ``Store.finalize`` (and with it :func:`refresh`) even if no file changed
    (unless ``mark_existing`` is false).
    """
    new = not db[STATS].exists() and mark_existing
    with db.atomic():
        for sql in _CREATE:
            db.execute(sql)
        for name, body in _TRIGGERS.items():
            db.execute(f"CREATE TRIGGER IF NOT EXISTS [{_PREFIX}{name}] {body}")
        if new and db["speakers"].exists() and db["speakers"].count:
            db.execute(f"INSERT OR IGNORE INTO [{DIRTY}] (speaker_id) SELECT id FROM speakers")
            if db["diplomacy_state"].exists():
                db["diplomacy_state"].upsert({"key": "counts_dirty", "value": "1"}, pk="key")


def dirty_count(db: sqlite_utils.Database) -> int:
    return db.execute(f"SELECT count(*) FROM [{DIRTY}]").fetchone()[0]


def refresh(db: sqlite_utils.Database) -> int:
    """Recount the dirty speakers (inside the caller's transaction); how many there were."""
    if not db[DIRTY].exists():
        return 0
    dirty = dirty_count(db)
    if dirty:
        db.execute(f"DELETE FROM [{STATS}] WHERE speaker_id IN {_DIRTY_IDS}")
        for sql in _PARTS:
            db.execute(sql)
        db.execute(f"DELETE FROM [{DIRTY}]")
    return dirty


def drop_triggers(db: sqlite_utils.Database) -> None:
    """Remove the triggers that keep the counts exact (:func:`ensure` creates them again)."""
    for name in _TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS [{_PREFIX}{name}]")


def suspend(db: sqlite_utils.Database) -> None:
    """Stop keeping the counts while a big load writes (inside the caller's transaction).

    The triggers go and every speaker is marked dirty, so the counts of a speaker
    that is not dirty stay exact; :func:`ensure` and :func:`refresh` at the end of
    the load bring triggers and counts back.
    """
    drop_triggers(db)
    db.execute(f"INSERT OR IGNORE INTO [{DIRTY}] (speaker_id) SELECT id FROM speakers")


def drop(db: sqlite_utils.Database) -> None:
    """Remove the triggers and both tables (the plugin then counts live)."""
    drop_triggers(db)
    for table in (STATS, DIRTY):
        db.execute(f"DROP TABLE IF EXISTS [{table}]")


def rebuild(db: sqlite_utils.Database) -> int:
    """Mark every speaker dirty and recount them all (for tests and repairs)."""
    ensure(db, mark_existing=False)
    with db.atomic():
        db.execute(f"INSERT OR IGNORE INTO [{DIRTY}] (speaker_id) SELECT id FROM speakers")
        return refresh(db)
