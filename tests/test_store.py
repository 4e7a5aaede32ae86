"""The store: schema, merges, views, FTS, replacing a file's rows, crash flags.

These tests build Extraction objects by hand (no reading or extraction), so
each one states exactly which speakers and quotes go in.
"""
from __future__ import annotations

import json
import os
import pathlib
import sqlite3
from types import SimpleNamespace

import pytest

from datasette_diplomacy.extract.names import person_key
from datasette_diplomacy.model import Article, Entity, Extraction, Quote, Speaker
from datasette_diplomacy.store import Store, speaker_key, statement_key

TAXONOMY = SimpleNamespace(topics=[
    SimpleNamespace(name="Ukraine", description="The war in Ukraine", parent=None),
    SimpleNamespace(name="Sanctions", description="Economic sanctions", parent="Ukraine"),
    SimpleNamespace(name="Energy", description="Gas and oil", parent=None),
])


def make_extraction(source, body, quotes, speakers=(), *, title="A title", outlet="Reuters",
                    date="2022-02-10", topics=None, entities=(), content_hash=None, kind="article"):
    """An Extraction of ``body``; each quote is (text, speaker id, kind[, topics[, mentions]])."""
    built = []
    for text, speaker, quote_kind, *rest in quotes:
        start = body.index(text)
        built.append(Quote(
            text=text, start=start, end=start + len(text), kind=quote_kind, speaker=speaker,
            cue="said", topics=list(rest[0]) if rest else [],
            mentions=list(rest[1]) if len(rest) > 1 else [],
        ))
    article = Article(
        name=source.rsplit("/", 1)[-1], source=source, format="txt", body=body, title=title,
        date=date, outlet=outlet, kind=kind, content_hash=content_hash or str(hash(body)),
    )
    return Extraction(article=article, speakers=list(speakers), quotes=built,
                      topics=dict(topics or {}), entities=list(entities))


def write_file(store, path, *extractions, loaded_at="2024-01-01T00:00:00"):
    """Store one source file's extractions the way a load does, and finish the load."""
    store.start_file(path)
    for extraction in extractions:
        store.add(extraction, loaded_at)
    result = store.finish_file(path, hash="h-" + path, size=1, mtime=1.0,
                               articles=len(extractions), error=None, loaded_at=loaded_at)
    store.commit()
    store.finalize()
    return result


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "test.db")
    store.sync_topics(TAXONOMY)
    yield store
    store.close()


def rows(store, sql, params=()):
    return [tuple(row) for row in store.db.execute(sql, params).fetchall()]


def speaker_names(store):
    return sorted(name for (name,) in rows(store, "SELECT name FROM speakers"))


LAVROV_BODY = 'Sergey Lavrov said: "We are ready to talk." Later he said the talks were useful.'


def lavrov_article(source="/corpus/a.txt", name="Sergey Lavrov", outlet="Reuters"):
    body = LAVROV_BODY.replace("Sergey Lavrov", name)
    return make_extraction(
        source, body,
        [("We are ready to talk.", "s1", "direct", ["Sanctions"]),
         ("the talks were useful", "s1", "indirect")],
        [Speaker("s1", name, role="Foreign Minister", country="Russia", aliases=[name, "Lavrov"])],
        outlet=outlet, topics={"Ukraine": 2}, entities=[Entity("Russia", "country", 2)],
    )


# -- schema -----------------------------------------------------------------


def test_schema_has_every_table_and_column_of_the_contract(store):
    expected = {
        "outlets": {"id", "name", "article_count"},
        "articles": {"id", "name", "source", "url", "title", "body", "date", "dateline",
                     "outlet_id", "kind", "format", "content_hash", "word_count",
                     "quote_count", "loaded_at"},
        "speakers": {"id", "key", "name", "type", "role", "country", "organisation", "gender",
                     "quote_count", "article_count"},
        "speaker_aliases": {"id", "speaker_id", "alias"},
        "quotes": {"id", "article_id", "speaker_id", "text", "kind", "cue", "paragraph",
                   "start", "end", "statement_key"},
        "topics": {"id", "name", "description", "parent_id"},
        "quote_topics": {"quote_id", "topic_id"},
        "article_topics": {"article_id", "topic_id", "count"},
        "article_speakers": {"article_id", "speaker_id", "quote_count"},
        "quote_mentions": {"quote_id", "speaker_id"},
        "entities": {"id", "name", "type"},
        "article_entities": {"article_id", "entity_id", "count"},
        "sources": {"path", "hash", "size", "mtime", "articles", "error", "loaded_at"},
        "diplomacy_state": {"key", "value"},
    }
    for table, columns in expected.items():
        assert columns <= set(store.db[table].columns_dict), table
    assert store.db["articles_fts"].exists() and store.db["quotes_fts"].exists()
    assert store.db.journal_mode == "wal"


def test_every_id_column_is_a_foreign_key_with_an_index(store):
    for table in store.db.tables:
        if table.name.endswith("_fts") or "_fts_" in table.name:
            continue
        foreign = {fk.column for fk in table.foreign_keys}
        indexed = {index.columns[0] for index in table.indexes}
        for column in table.columns_dict:
            if column.endswith("_id"):
                assert column in foreign, f"{table.name}.{column} is not a foreign key"
                assert column in indexed, f"{table.name}.{column} has no index"


def test_unique_keys_of_the_contract(store):
    unique = {
        (table.name, tuple(index.columns))
        for table in store.db.tables for index in table.indexes if index.unique
    }
    for key in [("outlets", ("name",)), ("articles", ("source",)), ("speakers", ("key",)),
                ("topics", ("name",)), ("entities", ("name", "type")),
                ("speaker_aliases", ("speaker_id", "alias")),
                ("quote_topics", ("quote_id", "topic_id"))]:
        assert key in unique, key


def test_topics_come_from_the_taxonomy_with_parents(store):
    assert rows(store, """SELECT t.name, t.description, p.name FROM topics t
                          LEFT JOIN topics p ON p.id = t.parent_id ORDER BY t.name""") == [
        ("Energy", "Gas and oil", None),
        ("Sanctions", "Economic sanctions", "Ukraine"),
        ("Ukraine", "The war in Ukraine", None),
    ]


# -- one article ----------------------------------------------------------


def test_an_article_with_its_quotes_speakers_topics_and_entities(store):
    write_file(store, "/corpus/a.txt", lavrov_article())
    assert rows(store, "SELECT name, role, country, quote_count, article_count FROM speakers") == [
        ("Sergey Lavrov", "Foreign Minister", "Russia", 2, 1)
    ]
    body = rows(store, "SELECT body FROM articles")[0][0]
    for text, start, end in rows(store, 'SELECT text, start, "end" FROM quotes'):
        assert body[start:end] == text
    assert rows(store, "SELECT name, article_count FROM outlets") == [("Reuters", 1)]
    assert rows(store, "SELECT quote_count, word_count FROM articles") == [(2, 15)]
    assert rows(store, "SELECT e.name, ae.count FROM article_entities ae JOIN entities e ON e.id = ae.entity_id") == [
        ("Russia", 2)
    ]
    assert rows(store, "SELECT alias FROM speaker_aliases ORDER BY alias") == [
        ("Lavrov",), ("Sergey Lavrov",)
    ]
    assert rows(store, "PRAGMA foreign_key_check") == []


def test_quotes_view_has_names_instead_of_ids_and_topics_as_json(store):
    write_file(store, "/corpus/a.txt", lavrov_article())
    view = list(store.db.query("SELECT * FROM quotes_view ORDER BY start"))
    assert [v["speaker"] for v in view] == ["Sergey Lavrov", "Sergey Lavrov"]
    assert view[0]["outlet"] == "Reuters" and view[0]["date"] == "2022-02-10"
    assert view[0]["speaker_type"] == "person" and view[0]["country"] == "Russia"
    assert json.loads(view[0]["topics"]) == ["Sanctions"]
    assert json.loads(view[1]["topics"]) == []
    assert list(view[0]) == ["id", "text", "speaker", "speaker_id", "role", "country",
                             "speaker_type", "kind", "cue", "outlet", "date", "article_id",
                             "article_title", "topics", "start", "end", "paragraph", "in_title"]


def test_articles_view_lists_topics_and_quoted_speakers(store):
    write_file(store, "/corpus/a.txt", lavrov_article())
    (view,) = store.db.query("SELECT * FROM articles_view")
    assert json.loads(view["topics"]) == ["Ukraine"]
    assert json.loads(view["speakers"]) == ["Sergey Lavrov"]
    assert view["outlet"] == "Reuters" and view["quote_count"] == 2


def test_full_text_search_finds_articles_and_quotes(store):
    write_file(store, "/corpus/a.txt", lavrov_article())
    found = rows(store, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", ["ready"])
    assert len(found) == 1
    assert rows(store, "SELECT title FROM articles WHERE id IN "
                       "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", ["useful"]) == [
        ("A title",)
    ]


def test_full_text_search_stays_in_sync_after_the_load(store):
    write_file(store, "/corpus/a.txt", lavrov_article())
    store.db.execute("UPDATE quotes SET text = 'entirely different words'")
    assert rows(store, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'ready'") == []
    assert len(rows(store, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'entirely'")) == 2


# -- merging speakers across documents -------------------------------------------------


def test_transliterations_of_one_name_merge_into_one_speaker(store):
    store.start_file("/corpus/a.txt")
    store.add(lavrov_article("/corpus/a.txt", "Sergey Lavrov", outlet="Reuters"), "t")
    store.finish_file("/corpus/a.txt", hash="a", size=1, mtime=1.0, articles=1, error=None, loaded_at="t")
    write_file(store, "/corpus/b.txt", lavrov_article("/corpus/b.txt", "Sergei Lavrov", outlet="TASS"))
    assert rows(store, "SELECT name, quote_count, article_count FROM speakers") == [
        ("Sergey Lavrov", 4, 2)
    ]
    assert rows(store, "SELECT alias FROM speaker_aliases ORDER BY alias") == [
        ("Lavrov",), ("Sergei Lavrov",), ("Sergey Lavrov",)
    ]


def test_a_surname_alone_merges_into_the_one_full_name_sharing_it(store):
    write_file(store, "/corpus/a.txt", lavrov_article("/corpus/a.txt", "Sergey Lavrov"))
    write_file(store, "/corpus/b.txt", lavrov_article("/corpus/b.txt", "Lavrov"))
    assert rows(store, "SELECT key, name, quote_count FROM speakers") == [
        ("lavrov|sergey", "Sergey Lavrov", 4)
    ]


def test_a_surname_alone_is_left_apart_when_two_full_names_share_it(store):
    body = 'Joe Biden said "yes". Jill Biden said "no".'
    write_file(store, "/corpus/a.txt", make_extraction(
        "/corpus/a.txt", body, [("yes", "s1", "direct"), ("no", "s2", "direct")],
        [Speaker("s1", "Joe Biden"), Speaker("s2", "Jill Biden")]))
    write_file(store, "/corpus/b.txt", make_extraction(
        "/corpus/b.txt", 'Biden said "maybe".', [("maybe", "s1", "direct")], [Speaker("s1", "Biden")]))
    assert speaker_names(store) == ["Biden", "Jill Biden", "Joe Biden"]


def test_a_surname_seen_first_becomes_the_full_name_seen_later(store):
    write_file(store, "/corpus/a.txt", make_extraction(
        "/corpus/a.txt", 'MS. PSAKI: Good afternoon.', [("Good afternoon.", "s1", "transcript")],
        [Speaker("s1", "Psaki", gender="f")]))
    write_file(store, "/corpus/b.txt", make_extraction(
        "/corpus/b.txt", 'Jen Psaki said "hello".', [("hello", "s1", "direct")],
        [Speaker("s1", "Jen Psaki", role="Press Secretary")]))
    write_file(store, "/corpus/c.txt", make_extraction(
        "/corpus/c.txt", 'MS. PSAKI: Thanks.', [("Thanks.", "s1", "transcript")],
        [Speaker("s1", "Psaki")]))
    assert rows(store, "SELECT key, name, role, gender, quote_count, article_count FROM speakers") == [
        (person_key("Jen Psaki"), "Jen Psaki", "Press Secretary", "f", 3, 3)
    ]


def test_anonymous_speakers_are_kept_apart_per_article(store):
    body = 'A senior administration official said "no comment". The Kremlin said "we deny it".'
    quotes = [("no comment", "s1", "direct"), ("we deny it", "s2", "direct")]
    speakers = [Speaker("s1", "a senior administration official", type="anonymous"),
                Speaker("s2", "the Kremlin", type="institution")]
    write_file(store, "/corpus/a.txt", make_extraction("/corpus/a.txt", body, quotes, speakers))
    write_file(store, "/corpus/b.txt", make_extraction("/corpus/b.txt", body, quotes, speakers))
    assert rows(store, "SELECT key, article_count FROM speakers ORDER BY key") == [
        ("anonymous:/corpus/a.txt:a senior administration official", 1),
        ("anonymous:/corpus/b.txt:a senior administration official", 1),
        ("institution:kremlin", 2),
    ]


def test_speaker_keys():
    assert speaker_key(Speaker("s1", "Sergei Lavrov"), "x") == speaker_key(Speaker("s2", "SERGEY LAVROV"), "y")
    assert speaker_key(Speaker("s1", "Senior Administration Official 2", type="anonymous"), "call.md") == (
        "anonymous:call.md:senior administration official 2"
    )
    assert speaker_key(Speaker("s1", "Western officials", type="group"), "x") == "group:western officials"
    # "the statement" of one article is not the statement of another
    assert speaker_key(Speaker("s1", "the statement", type="document"), "a.txt") == "document:a.txt:statement"
    # "His office" in two articles is two presidents' offices
    assert speaker_key(Speaker("s1", "His office", type="institution"), "a.txt") == "institution:a.txt:his office"
    assert speaker_key(Speaker("s1", "His office", type="institution"), "b.txt") != speaker_key(
        Speaker("s2", "His office", type="institution"), "a.txt")
    assert speaker_key(Speaker("s1", "their supporters", type="group"), "a.txt") == "group:a.txt:their supporters"


def test_details_fill_in_but_are_not_overwritten(store):
    write_file(store, "/corpus/a.txt", make_extraction(
        "/corpus/a.txt", 'Antony Blinken said "yes".', [("yes", "s1", "direct")],
        [Speaker("s1", "Antony Blinken")]))
    write_file(store, "/corpus/b.txt", make_extraction(
        "/corpus/b.txt", 'Tony Blinken said "no".', [("no", "s1", "direct")],
        [Speaker("s1", "Tony Blinken", role="Secretary of State", country="United States")]))
    write_file(store, "/corpus/c.txt", make_extraction(
        "/corpus/c.txt", 'Antony Blinken said "maybe".', [("maybe", "s1", "direct")],
        [Speaker("s1", "Antony Blinken", role="diplomat", country="US")]))
    assert rows(store, "SELECT name, role, country FROM speakers") == [
        ("Antony Blinken", "Secretary of State", "United States")
    ]


def test_mentions_link_a_quote_to_the_speakers_it_names(store):
    body = 'Truss said "Lavrov is wrong".'
    write_file(store, "/corpus/a.txt", make_extraction(
        "/corpus/a.txt", body, [("Lavrov is wrong", "s1", "direct", [], ["s2"])],
        [Speaker("s1", "Elizabeth Truss"), Speaker("s2", "Sergey Lavrov")]))
    assert rows(store, """SELECT s.name FROM quote_mentions m JOIN speakers s ON s.id = m.speaker_id""") == [
        ("Sergey Lavrov",)
    ]
    assert rows(store, "SELECT name, quote_count FROM speakers ORDER BY name") == [
        ("Elizabeth Truss", 1), ("Sergey Lavrov", 0)
    ]


def test_the_same_statement_in_several_outlets_shares_its_statement_key(store):
    assert statement_key("We are ready to talk.") == statement_key("we are READY, to talk")
    assert statement_key("We are ready to talk.") != statement_key("We are not ready to talk.")
    write_file(store, "/corpus/a.txt", lavrov_article("/corpus/a.txt", outlet="Reuters"))
    write_file(store, "/corpus/b.txt", lavrov_article("/corpus/b.txt", outlet="TASS"))
    shared = rows(store, """SELECT statement_key, count(DISTINCT outlet) FROM quotes_view
                            JOIN quotes USING (id) GROUP BY statement_key""")
    assert [n for _, n in shared] == [2, 2]


# -- re-loading ----------------------------------------------------------------


def test_writing_a_file_again_replaces_its_rows_and_keeps_article_ids(store):
    write_file(store, "/corpus/a.txt", lavrov_article())
    (article_id,) = rows(store, "SELECT id FROM articles")[0]
    changed = make_extraction(
        "/corpus/a.txt", 'Antony Blinken said "we disagree".', [("we disagree", "s1", "direct")],
        [Speaker("s1", "Antony Blinken")], outlet="AP")
    result = write_file(store, "/corpus/a.txt", changed)
    assert (result.articles_new, result.articles_updated) == (0, 1)
    assert rows(store, "SELECT id FROM articles") == [(article_id,)]
    assert rows(store, "SELECT text FROM quotes") == [("we disagree",)]
    # Lavrov, Reuters and Russia are no longer referred to by anything.
    assert speaker_names(store) == ["Antony Blinken"]
    assert rows(store, "SELECT name FROM outlets") == [("AP",)]
    assert rows(store, "SELECT count(*) FROM entities") == [(0,)]
    assert rows(store, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'ready'") == []
    assert rows(store, "PRAGMA foreign_key_check") == []


def test_records_gone_from_a_file_are_removed(store):
    write_file(store, "/corpus/many.jsonl",
               lavrov_article("/corpus/many.jsonl#1"), lavrov_article("/corpus/many.jsonl#2"))
    result = write_file(store, "/corpus/many.jsonl", lavrov_article("/corpus/many.jsonl#1"))
    assert (result.articles_unchanged, result.articles_removed) == (1, 1)
    assert rows(store, "SELECT source FROM articles") == [("/corpus/many.jsonl#1",)]


def test_an_aborted_file_leaves_its_earlier_rows_in_place(store):
    write_file(store, "/corpus/a.txt", lavrov_article())
    before = rows(store, "SELECT id, title, body FROM articles")
    store.start_file("/corpus/a.txt")
    store.add(make_extraction("/corpus/a.txt", "Nothing quoted.", []), "t")
    store.abort_file()
    store.commit()
    store.finalize()
    assert rows(store, "SELECT id, title, body FROM articles") == before
    assert rows(store, "SELECT count(*) FROM quotes") == [(2,)]


def test_a_new_store_on_an_interrupted_load_sees_it_dirty(tmp_path):
    path = tmp_path / "crash.db"
    store = Store(path)
    store.sync_topics(TAXONOMY)
    store.start_file("/corpus/a.txt")
    store.add(lavrov_article(), "t")
    store.finish_file("/corpus/a.txt", hash="a", size=1, mtime=1.0, articles=1, error=None, loaded_at="t")
    store.commit()
    store.db.close()  # the process dies: no finalize
    again = Store(path)
    assert again.dirty
    assert again.db["speakers"].get(1)["quote_count"] in (None, 0)  # not recounted yet
    assert rows(again, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'ready'") == [(0,)]
    again.finalize()
    assert not again.dirty
    assert rows(again, "SELECT quote_count FROM speakers") == [(2,)]
    assert len(rows(again, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'ready'")) == 1
    again.close()


def test_replace_starts_from_an_empty_database(tmp_path):
    path = tmp_path / "r.db"
    store = Store(path)
    store.sync_topics(TAXONOMY)
    write_file(store, "/corpus/a.txt", lavrov_article())
    store.close()
    fresh = Store(path, replace=True)
    assert fresh.db["articles"].count == 0 and fresh.db["sources"].count == 0
    fresh.close()


def test_integrity_after_many_writes(store):
    for n in range(5):
        write_file(store, f"/corpus/{n}.txt", lavrov_article(f"/corpus/{n}.txt"))
    write_file(store, "/corpus/2.txt", make_extraction("/corpus/2.txt", "No quotes.", []))
    assert rows(store, "PRAGMA integrity_check") == [("ok",)]
    assert rows(store, "PRAGMA foreign_key_check") == []
    assert rows(store, "SELECT quote_count, article_count FROM speakers") == [(8, 4)]
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO quotes (id, article_id, text) VALUES (999, 999, 'x')")


def test_aborting_a_file_keeps_the_files_before_it_in_the_same_transaction(store):
    store.start_file("/corpus/a.txt")
    store.add(lavrov_article("/corpus/a.txt"), "t")
    store.finish_file("/corpus/a.txt", hash="a", size=1, mtime=1.0, articles=1, error=None, loaded_at="t")
    store.start_file("/corpus/b.txt")
    store.add(lavrov_article("/corpus/b.txt", "Antony Blinken"), "t")
    store.abort_file()
    store.commit()
    store.finalize()
    assert rows(store, "SELECT path FROM sources") == [("/corpus/a.txt",)]
    assert rows(store, "SELECT source FROM articles") == [("/corpus/a.txt",)]
    assert rows(store, "SELECT name, quote_count FROM speakers") == [("Sergey Lavrov", 2)]
    assert rows(store, "PRAGMA foreign_key_check") == []


def test_a_big_file_is_written_in_batches_inside_its_savepoint(store, monkeypatch):
    import datasette_diplomacy.store as store_module

    monkeypatch.setattr(store_module, "FLUSH_ROWS", 10)
    path = "/corpus/big.jsonl"
    store.start_file(path)
    for n in range(1, 21):
        store.add(lavrov_article(f"{path}#{n}"), "t")
    assert store.db["articles"].count > 0  # flushed before the file was complete
    store.abort_file()
    assert store.db["articles"].count == 0
    write_file(store, path, *[lavrov_article(f"{path}#{n}") for n in range(1, 21)])
    assert rows(store, "SELECT count(*), sum(quote_count) FROM articles") == [(20, 40)]


def test_role_labels_key_per_article():
    assert speaker_key(Speaker("s1", "President"), "a.md") == "role:a.md:president"
    assert speaker_key(Speaker("s1", "The First Lady"), "a.md") == "role:a.md:first lady"
    assert speaker_key(Speaker("s1", "Vice President"), "a.md") != speaker_key(Speaker("s1", "Vice President"), "b.md")


def test_nameless_president_of_two_articles_are_two_speakers(store):
    body = "THE PRESIDENT: We will defend every inch of NATO territory."
    quotes = [("We will defend every inch of NATO territory.", "s1", "transcript")]
    president = Speaker("s1", "President", role="President")
    write_file(store, "a.md", make_extraction("a.md", body, quotes, [president],
                                              title="Remarks by President Biden and President Macron"))
    write_file(store, "b.md", make_extraction("b.md", body, quotes, [president],
                                              title="Remarks by President Trump and President Erdogan"))
    rows = list(store.db.query("SELECT key, name, type, quote_count FROM speakers ORDER BY key"))
    assert [(r["name"], r["type"], r["quote_count"]) for r in rows] == [("President", "person", 1)] * 2
    assert rows[0]["key"] != rows[1]["key"]


def test_surname_merges_by_role(store):
    body = "Text of the speech on the economy. And more words here."
    def one(source, name, role):
        return make_extraction(source, body, [("Text of the speech on the economy.", "s1", "direct")],
                               [Speaker("s1", name, role=role)])
    write_file(store, "1.md", one("1.md", "Jill Biden", "First Lady"))
    write_file(store, "2.md", one("2.md", "Joe Biden", "President"))
    write_file(store, "3.md", one("3.md", "Biden", "President"))
    write_file(store, "4.md", one("4.md", "Biden", "Senator"))
    rows = {r["name"]: r["quote_count"] for r in store.db.query("SELECT name, quote_count FROM speakers")}
    # the President's surname goes to the President; another office's stays apart
    assert rows == {"Jill Biden": 1, "Joe Biden": 2, "Biden": 1}


def test_surname_row_is_not_taken_over_by_another_office(store):
    body = "Text of the speech on the economy. And more words here."
    def one(source, name, role):
        return make_extraction(source, body, [("Text of the speech on the economy.", "s1", "direct")],
                               [Speaker("s1", name, role=role)])
    write_file(store, "1.md", one("1.md", "Biden", "President"))
    write_file(store, "2.md", one("2.md", "Jill Biden", "First Lady"))
    write_file(store, "3.md", one("3.md", "Psaki", None))
    write_file(store, "4.md", one("4.md", "Jen Psaki", "Press Secretary"))
    rows = {r["name"]: r["quote_count"] for r in store.db.query("SELECT name, quote_count FROM speakers")}
    assert rows == {"Biden": 1, "Jill Biden": 1, "Jen Psaki": 2}


def test_comparison_indexes(store):
    indexes = {tuple(i.columns) for i in store.db["quotes"].indexes}
    assert ("speaker_id", "statement_key") in indexes
    assert ("speaker_id", "article_id") in indexes


def test_surname_seen_first_merges_at_finalize(store):
    body = "Text of the speech on the economy. And more words here."
    def one(source, *speakers):
        quotes = [("Text of the speech on the economy.", "s1", "direct", [], [s.id for s in speakers[1:]])]
        return make_extraction(source, body, quotes, list(speakers))
    write_file(store, "1.md", one("1.md", Speaker("s1", "Biden", role="President")))
    write_file(store, "2.md", one("2.md", Speaker("s1", "Jill Biden", role="First Lady")))
    # Hunter is only mentioned, with a misread role: the quoted Joe Biden is the President
    write_file(store, "3.md", one("3.md", Speaker("s1", "Joe Biden", role="President"),
                                  Speaker("s2", "Hunter Biden", role="President")))
    rows = {r["name"]: r["quote_count"] for r in store.db.query("SELECT name, quote_count FROM speakers")}
    assert rows == {"Jill Biden": 1, "Joe Biden": 2, "Hunter Biden": 0}
    aliases = {r["alias"] for r in store.db.query(
        "SELECT alias FROM speaker_aliases JOIN speakers ON speakers.id = speaker_id WHERE name = 'Joe Biden'")}
    assert aliases == {"Biden", "Joe Biden"}
    assert rows_of(store, "SELECT count(*) FROM article_speakers") == [(3,)]
    # a later surname goes straight to the merged person
    write_file(store, "4.md", one("4.md", Speaker("s1", "Biden", role="President")))
    rows = {r["name"]: r["quote_count"] for r in store.db.query("SELECT name, quote_count FROM speakers")}
    assert rows["Joe Biden"] == 3 and "Biden" not in rows


def rows_of(store, sql):
    return [tuple(r) for r in store.db.execute(sql).fetchall()]


def test_a_label_role_replaces_a_role_read_in_prose(store):
    prose = make_extraction("1.md", 'Trump said "we will win", as when he was president.',
                            [("we will win", "s1", "direct")],
                            [Speaker("s1", "Donald Trump", role="when he was president")])
    label = make_extraction("2.md", "THE PRESIDENT: Thank you very much.",
                            [("Thank you very much.", "s1", "transcript")],
                            [Speaker("s1", "Donald Trump", role="President")], kind="transcript")
    later = make_extraction("3.md", "THE FORMER PRESIDENT: Hello.", [("Hello.", "s1", "transcript")],
                            [Speaker("s1", "Donald Trump", role="Former President")], kind="transcript")
    write_file(store, "1.md", prose)
    write_file(store, "2.md", label, later)
    assert rows_of(store, "SELECT name, role FROM speakers") == [("Donald Trump", "President")]


def test_a_titled_surname_merges_into_the_full_name_holding_that_office(store):
    """"President Biden" is the Biden whose role is President, not a relative who shares the surname."""
    body = 'Joe Biden said "yes". His sister Valerie Biden said "no".'
    write_file(store, "/corpus/a.txt", make_extraction(
        "/corpus/a.txt", body, [("yes", "s1", "direct"), ("no", "s2", "direct")],
        [Speaker("s1", "Joe Biden", role="President"), Speaker("s2", "Valerie Biden")]))
    write_file(store, "/corpus/b.txt", make_extraction(
        "/corpus/b.txt", 'THE PRESIDENT: Maybe.', [("Maybe.", "s1", "transcript")],
        [Speaker("s1", "Biden", role="President")]))
    assert rows(store, "SELECT name, quote_count FROM speakers ORDER BY name") == [
        ("Joe Biden", 2), ("Valerie Biden", 1)]


def test_two_spellings_of_one_office_do_not_keep_a_surname_apart(store):
    write_file(store, "/corpus/a.txt", make_extraction(
        "/corpus/a.txt", 'Maria Okafor said "yes".', [("yes", "s1", "direct")],
        [Speaker("s1", "Maria Okafor", role="National Security Council Coordinator for Strategic Communications")]))
    write_file(store, "/corpus/b.txt", make_extraction(
        "/corpus/b.txt", 'MS. OKAFOR: No.', [("No.", "s1", "transcript")],
        [Speaker("s1", "Okafor", role="NSC Coordinator for Strategic Communications")]))
    assert rows(store, "SELECT name, quote_count FROM speakers") == [("Maria Okafor", 2)]


def test_a_surname_with_another_office_stays_apart(store):
    write_file(store, "/corpus/a.txt", make_extraction(
        "/corpus/a.txt", 'Maria Okafor said "yes".', [("yes", "s1", "direct")],
        [Speaker("s1", "Maria Okafor", role="Deputy Press Secretary")]))
    write_file(store, "/corpus/b.txt", make_extraction(
        "/corpus/b.txt", 'MR. OKAFOR: No.', [("No.", "s1", "transcript")],
        [Speaker("s1", "Okafor", role="Press Secretary")]))
    assert speaker_names(store) == ["Maria Okafor", "Okafor"]


def test_a_speaker_takes_the_role_most_of_its_articles_state(store):
    def article(path, role):
        return make_extraction(path, 'Amara Okafor said "yes".', [("yes", "s1", "direct")],
                               [Speaker("s1", "Amara Okafor", role=role)])
    write_file(store, "1.md", article("1.md", "by Sean Hannity"))  # a misread, loaded first
    write_file(store, "2.md", article("2.md", "Governor"), article("3.md", "Governor"))
    assert rows_of(store, "SELECT name, role FROM speakers") == [("Amara Okafor", "Governor")]
    assert rows_of(store, "SELECT role FROM article_speakers ORDER BY article_id") == [
        ("by Sean Hannity",), ("Governor",), ("Governor",)]


def test_a_role_few_articles_state_does_not_keep_a_surname_apart(store):
    def article(path, name, role=None):
        return make_extraction(path, f'{name} said "yes".', [("yes", "s1", "direct")],
                               [Speaker("s1", name, role=role)])
    write_file(store, "1.md", article("1.md", "Okafor", "Secretary"),  # "Secretary Okafor", once
               *[article(f"{n}.md", "Okafor") for n in range(2, 6)])
    write_file(store, "6.md", article("6.md", "Amara Okafor", "Chief Medical Adviser"))
    assert rows_of(store, "SELECT name, quote_count, role FROM speakers") == [("Amara Okafor", 6, "Chief Medical Adviser")]


# -- a big load: indexes and stats triggers dropped, and back at the end ---------


def schema(store):
    """The schema as sqlite_master holds it (ANALYZE's tables aside)."""
    return sorted(rows(store, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                              "WHERE name NOT LIKE 'sqlite_%'"))


def stats(store):
    return sorted(rows(store, "SELECT speaker_id, part, key, kind, n FROM speaker_stats"), key=repr)


def load_three_files(store, *, finalize=True):
    """Three files by two speakers, with topics and mentions."""
    for n, name in enumerate(["Sergey Lavrov", "Antony Blinken", "Sergey Lavrov"]):
        path = f"/corpus/{n}.txt"
        store.start_file(path)
        body = f'{name} said: "We are ready to talk, Blinken and Lavrov." He said it again in {n}.'
        store.add(make_extraction(
            path, body, [("We are ready to talk, Blinken and Lavrov.", "s1", "direct", ["Ukraine"], ["s2"])],
            [Speaker("s1", name, role="Foreign Minister"),
             Speaker("s2", "Blinken" if "Lavrov" in name else "Lavrov")],
            topics={"Ukraine": 1}, entities=[Entity("Ukraine", "country", 2)]), "t")
        store.finish_file(path, hash=f"h{n}", size=1, mtime=1.0, articles=1, error=None, loaded_at="t")
        store.commit()
    if finalize:
        store.finalize()


def test_a_big_load_builds_its_indexes_at_the_end_into_the_same_database(tmp_path):
    from datasette_diplomacy import store as store_module, summaries

    plain = Store(tmp_path / "plain.db")
    plain.sync_topics(TAXONOMY)
    load_three_files(plain)
    big = Store(tmp_path / "big.db")
    big.sync_topics(TAXONOMY)
    big.begin_load(rebuild_indexes=True)
    names = {name for _, name, _, _ in schema(big)}
    for table, columns in store_module.DEFERRED_INDEXES:
        assert store_module.index_name(table, columns) not in names
    assert "idx_quotes_article_id" in names and "idx_articles_source_file" in names  # the load reads these
    assert not any(name.startswith("diplomacy_stats_") for name in names)
    load_three_files(big, finalize=False)
    # without the triggers every speaker is dirty: the plugin counts them live
    assert rows(big, "SELECT count(*) FROM speakers WHERE id NOT IN (SELECT speaker_id FROM speaker_stats_dirty)") \
        == [(0,)]
    big.finalize()
    assert schema(big) == schema(plain)
    for table in ("articles", "quotes", "speakers", "quote_topics", "quote_mentions", "article_speakers",
                  "speaker_aliases", "speaker_stats_dirty"):
        assert sorted(rows(big, f"SELECT * FROM {table}"), key=repr) == \
            sorted(rows(plain, f"SELECT * FROM {table}"), key=repr)
    assert stats(big) == stats(plain) and stats(big)
    summaries.rebuild(big.db)
    assert stats(big) == stats(plain)
    assert rows(big, "PRAGMA integrity_check") == [("ok",)]
    # the triggers are back: a later small load keeps the stats exact
    write_file(big, "/corpus/0.txt", make_extraction("/corpus/0.txt", "No quotes.", []))
    write_file(plain, "/corpus/0.txt", make_extraction("/corpus/0.txt", "No quotes.", []))
    assert stats(big) == stats(plain)
    big.close()
    plain.close()


def test_a_big_load_killed_before_finalize_gets_indexes_and_triggers_back_when_opened(tmp_path):
    from datasette_diplomacy import summaries

    reference = Store(tmp_path / "reference.db")
    reference.sync_topics(TAXONOMY)
    load_three_files(reference)
    path = tmp_path / "killed.db"
    store = Store(path)
    store.sync_topics(TAXONOMY)
    load_three_files(store)  # a first load, then a big one into it
    store.begin_load(rebuild_indexes=True)
    # every speaker is dirty while the triggers are gone, the old ones too
    assert rows(store, "SELECT count(*) FROM speaker_stats_dirty") == [(2,)]
    store.start_file("/corpus/new.txt")
    store.add(lavrov_article("/corpus/new.txt", "Wang Yi"), "t")
    store.finish_file("/corpus/new.txt", hash="n", size=1, mtime=1.0, articles=1, error=None, loaded_at="t")
    store.commit()
    assert rows(store, "SELECT count(*) FROM speaker_stats_dirty") == [(3,)]  # the new speaker too
    store.db.close()  # the process dies: no finalize
    again = Store(path)
    assert again.dirty
    # indexes and stats triggers are back at once (the FTS triggers with finalize, as before)
    fts_triggers = {"articles_ai", "articles_ad", "articles_au", "quotes_ai", "quotes_ad", "quotes_au"}
    assert [r for r in schema(again) if r[1] not in fts_triggers] == \
        [r for r in schema(reference) if r[1] not in fts_triggers]
    again.finalize()
    assert schema(again) == schema(reference)
    counted = stats(again)
    summaries.rebuild(again.db)
    assert stats(again) == counted
    assert rows(again, "SELECT name, quote_count FROM speakers ORDER BY name") == [
        ("Antony Blinken", 1), ("Sergey Lavrov", 2), ("Wang Yi", 2)]
    again.close()
    reference.close()


# -- the FTS index built beside finalize (FtsBuild) ------------------------------

FTS_WORDS = ("sanctions talks border minister energy gas pipeline ceasefire envoy summit treaty grain "
             "corridor port drone strike missile reactor inspectors embassy visa tariff quota").split()


def load_many_files(store, count=400):
    """``count`` files of varied words (a few hundred kilobytes of text, so that FTS5 writes
    more than one segment), loaded as a big load does: FTS triggers dropped, finalize pending."""
    import random

    rng = random.Random(7)
    store.begin_load(rebuild_fts=True)
    for n in range(count):
        path = f"/corpus/many-{n}.txt"
        words = [f"{rng.choice(FTS_WORDS)}{rng.randrange(400)}" for _ in range(rng.randrange(50, 400))]
        quote = " ".join(words[:12])
        body = f'Sergey Lavrov said: "{quote}." ' + " ".join(words[12:])
        store.start_file(path)
        store.add(make_extraction(path, body, [(quote, "s1", "direct")], [Speaker("s1", "Sergey Lavrov")],
                                  title=f"Item {n} {words[-1]}"), "t")
        store.finish_file(path, hash=f"h{n}", size=1, mtime=1.0, articles=1, error=None, loaded_at="t")
        store.commit()


def fts_content(store):
    """The FTS tables' SQL and every row of their shadow tables, and what a search finds."""
    names = [name for (name,) in rows(store, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name GLOB '*_fts_*' ORDER BY name")]
    content = {name: rows(store, f"SELECT * FROM [{name}] ORDER BY 1, 2") for name in names}
    content["schema"] = [r for r in schema(store) if "_fts" in r[1] or r[0] == "trigger"]
    content["search"] = rows(store, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'sanctions1 OR envoy2'")
    for table in ("articles_fts", "quotes_fts"):
        assert rows(store, f"INSERT INTO {table}({table}) VALUES('integrity-check')") == []
    return content


def build_files(path):
    return sorted(p.name for p in path.parent.iterdir() if "-fts-" in p.name)


@pytest.fixture
def in_place(tmp_path, monkeypatch):
    """A store whose finalize rebuilds FTS in place, as before FtsBuild (the reference)."""
    with monkeypatch.context() as patched:
        patched.setattr(Store, "_start_fts_builds", lambda self: [])
        reference = Store(tmp_path / "in-place.db")
        reference.sync_topics(TAXONOMY)
        load_many_files(reference)
        reference.finalize()
    yield reference
    reference.close()


def test_the_fts_index_built_beside_finalize_is_the_one_a_rebuild_in_place_writes(tmp_path, in_place):
    from datasette_diplomacy import store as store_module

    started = []
    original = store_module.FtsBuild.__init__

    def recording(self, *args):
        original(self, *args)
        started.append(self.table)

    beside = Store(tmp_path / "beside.db")
    beside.sync_topics(TAXONOMY)
    load_many_files(beside)
    store_module.FtsBuild.__init__ = recording
    try:
        beside.finalize()
    finally:
        store_module.FtsBuild.__init__ = original
    assert started == ["articles", "quotes"]
    assert len(rows(beside, "SELECT * FROM quotes_fts_data")) > 3  # several segments
    assert fts_content(beside) == fts_content(in_place)
    assert build_files(tmp_path / "beside.db") == []
    assert [name for _, name, _ in rows(beside, "PRAGMA database_list")] == ["main"]
    assert beside.state("fts_dirty") is None
    # the triggers the copy made keep the index in sync, in this connection and another
    for store in (beside, in_place):
        write_file(store, "/corpus/later.txt", lavrov_article("/corpus/later.txt"))
    assert fts_content(beside) == fts_content(in_place)
    beside.close()
    again = Store(tmp_path / "beside.db")
    write_file(again, "/corpus/later2.txt", lavrov_article("/corpus/later2.txt"))
    write_file(in_place, "/corpus/later2.txt", lavrov_article("/corpus/later2.txt"))
    assert fts_content(again) == fts_content(in_place)
    again.close()


def test_a_failed_fts_build_falls_back_to_a_rebuild_in_place(tmp_path, monkeypatch, in_place):
    from datasette_diplomacy import store as store_module

    def failing(*args):
        os._exit(1)  # as _build_fts exits when it fails

    monkeypatch.setattr(store_module, "_build_fts", failing)
    store = Store(tmp_path / "failed.db")
    store.sync_topics(TAXONOMY)
    load_many_files(store)
    store.finalize()
    assert fts_content(store) == fts_content(in_place)
    assert build_files(tmp_path / "failed.db") == []
    store.close()


def test_finalize_failing_before_the_copy_stops_the_builds_and_keeps_the_flags(tmp_path, monkeypatch):
    from datasette_diplomacy import store as store_module, summaries

    stopped = []
    original_stop = store_module.FtsBuild.stop

    def recording_stop(self):
        stopped.append(self.table)
        original_stop(self)

    def failing_refresh(db):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_module.FtsBuild, "stop", recording_stop)
    monkeypatch.setattr(summaries, "refresh", failing_refresh)
    path = tmp_path / "stopped.db"
    store = Store(path)
    store.sync_topics(TAXONOMY)
    load_many_files(store)
    with pytest.raises(sqlite3.OperationalError):
        store.finalize()
    assert stopped == ["articles", "quotes"]
    assert store.state("fts_dirty") == "1" and store.state("counts_dirty") == "1"
    assert build_files(path) == []
    assert [name for _, name, _ in rows(store, "PRAGMA database_list")] == ["main"]
    store.close()


def test_on_a_single_cpu_finalize_rebuilds_fts_in_place(tmp_path, monkeypatch, in_place):
    from datasette_diplomacy import store as store_module

    def no_build(*args):
        raise AssertionError("no FtsBuild on one CPU")

    monkeypatch.setattr(store_module, "_cpus", lambda: 1)
    monkeypatch.setattr(store_module.FtsBuild, "__init__", no_build)
    store = Store(tmp_path / "one-cpu.db")
    store.sync_topics(TAXONOMY)
    load_many_files(store)
    store.finalize()
    assert fts_content(store) == fts_content(in_place)
    store.close()


def test_finalize_failing_while_copying_the_fts_index_keeps_the_flags_for_a_rerun(tmp_path, monkeypatch, in_place):
    from datasette_diplomacy import store as store_module

    path = tmp_path / "copy.db"
    store = Store(path)
    store.sync_topics(TAXONOMY)
    load_many_files(store)
    original = store_module.FtsBuild.copy_into

    def copy_then_fail(self, db):
        original(self, db)
        if self.table == "quotes":
            raise sqlite3.OperationalError("interrupted")

    monkeypatch.setattr(store_module.FtsBuild, "copy_into", copy_then_fail)
    with pytest.raises(sqlite3.OperationalError):
        store.finalize()
    assert store.state("fts_dirty") == "1" and store.state("counts_dirty") == "1"
    assert build_files(path) == []
    store.close()
    monkeypatch.setattr(store_module.FtsBuild, "copy_into", original)
    # a killed finalize leaves its build files: the next one starts them afresh
    for table in ("articles", "quotes"):
        pathlib.Path(f"{path}-fts-{table}").write_bytes(b"not a database")
    again = Store(path)
    assert again.dirty
    again.finalize()
    assert fts_content(again) == fts_content(in_place)
    assert build_files(path) == []
    again.close()
    pathlib.Path(f"{path}-fts-quotes").write_bytes(b"left by a killed load")
    Store(path, replace=True).close()
    assert build_files(path) == []


# -- statement keys and word counts: fast paths equal to the plain definitions ----

TRICKY_TEXTS = [
    "", " ", "a", "don't", "co-chair", "a-b-c", "a--b", "-a-", "'a'", "a'-b", "x_y", "__init__",
    "It’s “the” plan — the U.S.-led one… ‘OK’ • 1,000 and 3.5%",
    "Erdoğan’s ‘plan’ — ÇAVUŞOĞLU said: «Non!»  Ünal_x re‑set",
    "Ｆｕｌｌｗｉｄｔｈ ﬁnal Ⅻ ½ café naïve Ærø Łódź ™ ® © °C § 2²",
    "Лавров заявил: «Мы готовы». 王毅说：“中方支持。” مرحبا",
    "e\u0301 a\u0308 Z\u0336 \u2018quoted\u2019 it\u2019s \u00a0nbsp\u2011dash\u2010hy",
    "’’’ —— ’a’ a’’b a’-’b 🚨 ✅ ‑",
]


def _plain_statement_key(text):
    import hashlib
    import re

    from datasette_diplomacy.extract.names import fold_text

    return hashlib.sha1(" ".join(re.findall(r"[^\W_]+", fold_text(text))).encode("utf-8")).hexdigest()


def _plain_word_count(text):
    import re

    return len(re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", text))


def _random_texts(count=20000, seed=7):
    import random

    rng = random.Random(seed)
    pieces = list("aZ09_ '-’‘—“”–…•\u00a0\u2011\u2010®°©§«».,\n\téßİıﬁ½²ÅΩжш中ğ🚨\u200b\ufeff™") + [
        "e\u0301", "n\u0303", "’s", "--", "a-b", "x’y"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(count)]
    # many distinct non-ASCII characters: the regex path
    texts += ["".join(chr(rng.randint(0x80, 0x3000)) + rng.choice(" a-'’") for _ in range(120)) for _ in range(50)]
    return texts


def test_statement_keys_and_word_counts_equal_their_regex_definitions():
    from datasette_diplomacy.store import count_words

    for text in TRICKY_TEXTS + _random_texts():
        assert statement_key(text) == _plain_statement_key(text), text
        assert count_words(text) == _plain_word_count(text), text


def test_the_separators_statement_keys_replace_are_no_word_characters_folded_or_not():
    import unicodedata

    from datasette_diplomacy.store import _SEPARATORS

    for ch in _SEPARATORS:
        assert not ch.isalnum() and not unicodedata.combining(ch)
        folded = unicodedata.normalize("NFKD", ch).lower()
        assert not any(c.isalnum() or c == "_" or unicodedata.combining(c) for c in folded), ch
