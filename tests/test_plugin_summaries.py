"""The loader's precomputed per-speaker counts (``speaker_stats``) and the plugin's use of them.

The rows must equal what the live count query gives, stay exact through writes
(triggers mark the speakers a write changes; ``refresh`` recounts only those),
and the pages must show the same thing with or without them.
"""
from __future__ import annotations

import re
import shutil
import sqlite3

import pytest
import sqlite_utils

from conftest import build_fixture_db, make_datasette
from datasette_diplomacy import summaries
from datasette_diplomacy.store import Store
from datasette_diplomacy.web import access
from datasette_diplomacy.web.compare_sql import QueryBuilder

from test_store import TAXONOMY, lavrov_article, make_extraction, write_file
from datasette_diplomacy.model import Speaker

PAIRS = ["speaker=1&speaker=2", "speaker=2&speaker=3&speaker=4", "speaker=1&speaker=5"]


def _key(row):
    return tuple(repr(v) for v in row)


def live_rows(conn, speaker_id):
    """The live count query's rows for one speaker, all people named (no top-ten limit)."""
    builder = QueryBuilder([])
    rows = conn.execute(builder.counts(), builder.counts_params(speaker_id, 10**9)).fetchall()
    return sorted(((r[0], r[1], r[3], r[4]) for r in rows
                   if not (r[0] == "statements" and r[4] == 0)), key=_key)


def stored_rows(conn, speaker_id):
    rows = conn.execute(
        f"select part, key, kind, n from {summaries.STATS} where speaker_id = ?", [speaker_id]
    ).fetchall()
    return sorted((tuple(r) for r in rows), key=_key)


def assert_exact(path):
    conn = sqlite3.connect(path)
    try:
        assert conn.execute(f"select count(*) from {summaries.DIRTY}").fetchone()[0] == 0
        for (speaker_id,) in conn.execute("select id from speakers").fetchall():
            assert stored_rows(conn, speaker_id) == live_rows(conn, speaker_id), speaker_id
    finally:
        conn.close()


@pytest.fixture
def summary_db(tmp_path):
    """The fixture database with speaker_stats built, as diplomacy.db in its own directory."""
    (tmp_path / "with").mkdir()
    path = build_fixture_db(tmp_path / "with" / "diplomacy.db")
    db = sqlite_utils.Database(path)
    summaries.drop(db)  # as a database from before the table existed
    summaries.ensure(db)
    assert summaries.dirty_count(db) == 5  # a new table in a database with speakers: all dirty
    assert db.execute("select value from diplomacy_state where key = 'counts_dirty'").fetchone()[0] == "1"
    with db.atomic():
        assert summaries.refresh(db) == 5
    db.close()
    return path


def test_rows_equal_the_live_count_query(summary_db):
    assert_exact(summary_db)
    conn = sqlite3.connect(summary_db)
    parts = {r[0] for r in conn.execute(f"select distinct part from {summaries.STATS}")}
    assert parts == {"outlet", "articles", "day", "statements", "topic", "mentions", "mentioned_by"}


def test_triggers_mark_what_a_write_changes_and_refresh_recounts_only_that(summary_db):
    db = sqlite_utils.Database(summary_db)
    db.execute("PRAGMA foreign_keys = ON")
    before = {sid: stored_rows(db.conn, sid) for sid in (1, 2, 3, 4, 5)}
    # A quote of speaker 2 that names speaker 1 moves to speaker 3 (as a surname merge does).
    quote_id = db.execute(
        "select q.id from quotes q join quote_mentions m on m.quote_id = q.id "
        "where q.speaker_id = 2 and m.speaker_id = 1 limit 1").fetchone()
    assert quote_id, "the fixture has a quote of Hale naming Petrova"
    db.execute("update quotes set speaker_id = 3 where id = ?", [quote_id[0]])
    dirty = {r[0] for r in db.execute(f"select speaker_id from {summaries.DIRTY}")}
    assert dirty == {1, 2, 3}  # old and new speaker, and the speaker the quote names
    with db.atomic():
        assert summaries.refresh(db) == 3
    assert stored_rows(db.conn, 4) == before[4]  # untouched speakers keep their rows
    assert stored_rows(db.conn, 2) != before[2]
    assert_exact(summary_db)
    # Topics and mentions removed, then a whole quote.
    first = db.execute("select quote_id from quote_topics limit 1").fetchone()[0]
    db.execute("delete from quote_topics where quote_id = ?", [first])
    db.execute("delete from quote_mentions where quote_id in (select id from quotes where speaker_id = 1)")
    db.execute("delete from quotes where id = (select max(id) from quotes where speaker_id = 4)")
    assert summaries.dirty_count(db) >= 2
    with db.atomic():
        summaries.refresh(db)
    assert_exact(summary_db)


def test_deleting_a_speaker_deletes_its_rows(summary_db):
    db = sqlite_utils.Database(summary_db)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("insert into speakers (id, key, name, type) values (99, 'nobody', 'Nobody', 'person')")
    db.execute(f"insert into {summaries.STATS} (speaker_id, part, key, kind, n) values (99, 'statements', null, null, 0)")
    db.execute(f"insert into {summaries.DIRTY} (speaker_id) values (99)")
    db.execute("delete from speakers where id = 99")
    assert db.execute(f"select count(*) from {summaries.STATS} where speaker_id = 99").fetchone()[0] == 0
    assert summaries.dirty_count(db) == 0


def test_store_finalize_keeps_them_exact_across_loads(tmp_path):
    path = tmp_path / "store.db"
    store = Store(path)
    store.sync_topics(TAXONOMY)
    write_file(store, "/corpus/a.txt", lavrov_article("/corpus/a.txt", "Sergey Lavrov"))
    write_file(store, "/corpus/b.txt", lavrov_article("/corpus/b.txt", "Lavrov"))  # merged at finalize
    assert summaries.dirty_count(store.db) == 0
    assert store.db.execute(f"select count(*) from {summaries.STATS}").fetchone()[0] > 0
    # A changed file: its old rows go, the new ones come, another speaker appears.
    write_file(store, "/corpus/a.txt", make_extraction(
        "/corpus/a.txt", 'Antony Blinken said "we disagree".', [("we disagree", "s1", "direct")],
        [Speaker("s1", "Antony Blinken")], outlet="AP"))
    store.close()
    assert_exact(str(path))


def _datasette(path):
    return make_datasette(path)


@pytest.mark.asyncio
async def test_pages_are_the_same_with_and_without_them(summary_db, tmp_path):
    (tmp_path / "without").mkdir()
    plain = build_fixture_db(tmp_path / "without" / "diplomacy.db")
    summaries.drop(sqlite_utils.Database(plain))
    with_stats, without = _datasette(summary_db), _datasette(plain)
    for pair in PAIRS:
        a = (await with_stats.client.get(f"/-/diplomacy/compare.json?{pair}")).json()
        b = (await without.client.get(f"/-/diplomacy/compare.json?{pair}")).json()
        assert a["ok"] and a == b, pair
    for speaker_id in (1, 2, 4):
        a = (await with_stats.client.get(f"/-/diplomacy/speaker/{speaker_id}.json")).json()
        b = (await without.client.get(f"/-/diplomacy/speaker/{speaker_id}.json")).json()
        assert a == b, speaker_id


@pytest.mark.asyncio
async def test_fresh_rows_replace_the_live_query_and_dirty_ones_do_not(summary_db, monkeypatch):
    from datasette.database import Database

    seen = []
    original = Database.execute

    async def recording(self, sql, *args, **kwargs):
        seen.append(sql)
        return await original(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", recording)
    ds = _datasette(summary_db)
    response = await ds.client.get("/-/diplomacy/compare.json?speaker=1&speaker=2")
    assert response.status_code == 200
    assert any(summaries.STATS in sql for sql in seen)
    live = "select 'outlet' as part"  # the live count query
    assert not any(live in sql for sql in seen)

    # Speaker 2 marked stale: its counts come from the live query, 1's from the table.
    conn = sqlite3.connect(summary_db)
    conn.execute(f"insert into {summaries.DIRTY} (speaker_id) values (2)")
    conn.execute(f"update {summaries.STATS} set n = n + 1000 where speaker_id = 2")  # stale rows
    conn.commit()
    conn.close()
    seen.clear()
    data = (await _datasette(summary_db).client.get(
        "/-/diplomacy/compare.json?speaker=1&speaker=2")).json()
    assert [s["quotes"] for s in data["speakers"]] == [5, 4]  # not the stale +1000
    assert sum(live in sql for sql in seen) == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("path, tables", [
    ("/-/diplomacy/compare?speaker=1&speaker=2", access.COMPARE_TABLES),
    ("/-/diplomacy/compare.json?speaker=1&speaker=2", access.COMPARE_TABLES),
    ("/-/diplomacy/speaker/1.json", access.SPEAKER_TABLES),
])
async def test_routes_with_them_read_only_checked_tables(summary_db, monkeypatch, path, tables):
    from datasette.database import Database

    names = set(sqlite_utils.Database(summary_db).table_names()) | {"quotes_view", "articles_view"}
    assert summaries.STATS in names and summaries.DIRTY in names
    seen: set[str] = set()
    original = Database.execute

    async def recording(self, sql, *args, **kwargs):
        if "sqlite_master" not in sql:
            seen.update(t for t in names if re.search(rf"\b{t}\b", sql))
        return await original(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", recording)
    ds = _datasette(summary_db)
    assert (await ds.client.get(path)).status_code == 200
    read = {t for t in seen if not t.startswith("quotes_fts")}
    assert summaries.STATS in read
    assert read <= set(tables), sorted(read - set(tables))


@pytest.mark.asyncio
@pytest.mark.parametrize("table", access.SUMMARY_TABLES)
async def test_denying_a_summary_table_denies_the_pages(summary_db, table):
    from test_plugin_permissions import denied

    metadata = denied(
        lambda m: m["databases"]["diplomacy"]["tables"][table].update(allow={"id": "root"}))
    ds = make_datasette(summary_db, metadata=metadata)
    for path in ("/-/diplomacy/compare.json?speaker=1&speaker=2", "/-/diplomacy/speaker/1.json"):
        response = await ds.client.get(path)
        assert response.status_code == 403, (path, table)
        assert "Petrova" not in response.text
