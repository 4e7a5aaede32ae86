"""The speaker comparison: HTML, JSON and CSV from one data structure."""
from __future__ import annotations

import csv
import threading
import io
import re

import pytest

from conftest import SCRIPT_TEXT, copy_db, make_datasette
from datasette_diplomacy.web.compare import CSV_COLUMNS

BASE = "/-/diplomacy/compare"
PAIR = "?speaker=Anna+Petrova&speaker=Jonathan+Hale"


def as_json_array(url: str) -> str:
    """A Datasette table URL's JSON twin, as a plain array of rows."""
    path, _, query = url.partition("?")
    return f"{path}.json?{query}&_shape=array&_size=max"


def parse_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.asyncio
async def test_json_structure(ds):
    response = await ds.client.get(BASE + ".json" + PAIR)
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] is True
    assert data["database"] == "diplomacy"
    assert [s["name"] for s in data["speakers"]] == ["Anna Petrova", "Jonathan Hale"]
    assert [s["quotes"] for s in data["speakers"]] == [5, 4]
    # Petrova's ultimatum was carried by two outlets: counted twice, one statement.
    assert data["speakers"][0]["statements"] == 4
    for section in ("grid", "emphasis", "terms", "outlets", "timeline", "mentions"):
        assert data[section], section
    assert data["urls"]["csv"].startswith("/-/diplomacy/compare.csv?")


@pytest.mark.asyncio
async def test_grid_groups_same_statement_across_outlets(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    sanctions = next(row for row in data["grid"] if row["topic"]["name"] == "Sanctions")
    petrova = sanctions["cells"][0]
    ultimatum = next(i for i in petrova["items"] if i["statement_key"] == "st-ultimatums")
    assert ultimatum["outlet_count"] == 2
    assert sorted(r["outlet"] for r in ultimatum["reports"]) == ["Example Times", "Freedonia Herald"]
    for report in ultimatum["reports"]:
        assert report["url"] == (
            f"/-/diplomacy/article/{report['article_id']}?database=diplomacy#quote-{report['quote_id']}"
        )
        assert {"date", "kind", "outlet", "quote_id"} <= set(report)
    # The most widely carried statement of the cell comes first.
    assert petrova["items"][0]["statement_key"] == "st-ultimatums"


@pytest.mark.asyncio
async def test_grid_empty_cell_and_no_topic_row(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    topics = [row["topic"]["name"] for row in data["grid"]]
    assert "Military exercises" in topics
    exercises = next(row for row in data["grid"] if row["topic"]["name"] == "Military exercises")
    petrova = exercises["cells"][0]
    assert petrova["items"] == [] and petrova["quotes"] == 0
    html = (await ds.client.get(BASE + PAIR)).text
    assert "no reported statement" in html
    # Quotes without a topic get their own row, last.
    official = (await ds.client.get(BASE + ".json?speaker=a+senior+official&speaker=2")).json()
    assert official["grid"][-1]["topic"] == {"id": None, "name": "(no topic)"}
    assert official["grid"][-1]["cells"][0]["quotes"] == 1
    assert official["grid"][-1]["topic_url"] is None
    listed = await ds.client.get(as_json_array(official["grid"][-1]["cells"][0]["quotes_url"]))
    assert [q["text"] for q in listed.json()] == ["later called Hale's remarks"]


@pytest.mark.asyncio
async def test_emphasis_shares(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    sanctions = next(e for e in data["emphasis"] if e["topic"]["name"] == "Sanctions")
    petrova, hale = sanctions["speakers"]
    assert petrova == {"speaker_id": 1, "quotes": 3, "share": 0.6}
    assert hale["quotes"] == 2 and hale["share"] == 0.5


@pytest.mark.asyncio
async def test_terms_are_distinctive_and_linked(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    terms = {t["speaker_id"]: t for t in data["terms"]}
    petrova_terms = [t["term"] for t in terms[1]["terms"]]
    hale_terms = [t["term"] for t in terms[2]["terms"]]
    assert "ultimatums" in petrova_terms
    assert "troops" in hale_terms
    assert not set(petrova_terms) & {"the", "we", "will"}
    first = terms[1]["terms"][0]
    assert first["z"] > 0
    assert first["url"].startswith("/diplomacy/quotes_view?speaker_id=1&")
    assert "_search=" in first["url"]
    # Counted once per statement: the ultimatum appears in two outlets, counted once.
    ultimatums = next(t for t in terms[1]["terms"] if t["term"] == "ultimatums")
    assert ultimatums["count"] == 1
    assert data["terms_prior"]["source"] == "fts"


@pytest.mark.asyncio
async def test_outlets_direct_and_reported(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    herald = next(o for o in data["outlets"] if o["outlet"]["name"] == "Freedonia Herald")
    petrova, hale = herald["speakers"]
    assert (petrova["direct"], petrova["indirect"], petrova["direct_share"]) == (1, 1, 0.5)
    assert (hale["quotes"], hale["direct"], hale["indirect"]) == (2, 1, 1)


@pytest.mark.asyncio
async def test_timeline_and_mentions(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    assert [d["date"] for d in data["timeline"]] == ["2022-02-10", "2022-02-11"]
    day1 = data["timeline"][0]["speakers"]
    assert day1 == [{"speaker_id": 1, "quotes": 4}, {"speaker_id": 2, "quotes": 3}]
    mentions = {(m["speaker_id"], m["direction"]): m["others"] for m in data["mentions"]}
    assert [o["name"] for o in mentions[(2, "mentions")]] == ["Anna Petrova"]
    assert [o["name"] for o in mentions[(1, "mentioned_by")]] == ["Jonathan Hale"]
    assert [o["name"] for o in mentions[(1, "mentions")]] == ["Jonathan Hale"]


@pytest.mark.asyncio
async def test_csv_is_tidy_and_agrees_with_json(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    response = await ds.client.get(BASE + ".csv" + PAIR)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = parse_csv(response.text)
    assert list(rows[0].keys()) == CSV_COLUMNS
    sections = {r["section"] for r in rows}
    assert {"speakers", "grid", "emphasis", "terms", "outlets", "timeline", "mentions"} <= sections
    quotes = {r["speaker"]: int(r["value"]) for r in rows
              if r["section"] == "speakers" and r["metric"] == "quotes"}
    assert quotes == {s["name"]: s["quotes"] for s in data["speakers"]}
    grid_ids = sorted(int(r["quote_id"]) for r in rows if r["section"] == "grid")
    json_ids = sorted(
        rep["quote_id"] for row in data["grid"] for cell in row["cells"]
        for item in cell["items"] for rep in item["reports"]
    )
    assert grid_ids == json_ids
    grid_row = next(r for r in rows if r["section"] == "grid" and r["value"] == "st-ultimatums")
    assert grid_row["metric"] == "statement_key"
    assert grid_row["kind"] == "direct" and grid_row["outlet"] and grid_row["date"]
    for term in next(t for t in data["terms"] if t["speaker_id"] == 1)["terms"]:
        assert any(r["section"] == "terms" and r["key"] == term["term"] and r["metric"] == "z"
                   and float(r["value"]) == term["z"] for r in rows)


@pytest.mark.asyncio
async def test_html_agrees_with_json(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    html = (await ds.client.get(BASE + PAIR)).text
    for s in data["speakers"]:
        assert f"{s['quotes']} quote" in html
        assert s["name"] in html
    for row in data["grid"]:
        for cell in row["cells"]:
            for item in cell["items"]:
                for report in item["reports"][:4]:  # the page lists four reports a statement, the JSON more
                    assert report["url"].replace("&", "&amp;") in html
    for t in data["terms"]:
        for term in t["terms"]:
            assert f">{term['term']}</a>" in html
    assert html.count('class="dq-statement"') == sum(
        len(cell["items"]) for row in data["grid"] for cell in row["cells"]
    )
    assert "<svg" in html and "Quotes per day" in html
    for section in ("said", "emphasis", "terms", "outlets", "timeline", "mentions"):
        assert f'id="{section}"' in html


@pytest.mark.asyncio
async def test_ids_names_aliases_and_fragments(ds):
    by_id = (await ds.client.get(BASE + ".json?speaker=1&speaker=2")).json()
    by_alias = (await ds.client.get(BASE + ".json?speaker=Jon+Hale&speaker=the+ruritanian+foreign+minister")).json()
    by_fragment = (await ds.client.get(BASE + ".json?speaker=petr&speaker=HALE")).json()
    by_comma = (await ds.client.get(BASE + ".json?speaker=1,2")).json()
    assert [s["id"] for s in by_id["speakers"]] == [1, 2]
    assert [s["id"] for s in by_alias["speakers"]] == [2, 1]
    assert [s["id"] for s in by_fragment["speakers"]] == [1, 2]
    assert [s["id"] for s in by_comma["speakers"]] == [1, 2]


@pytest.mark.asyncio
async def test_three_speakers_and_speaker_without_quotes(ds):
    response = await ds.client.get(BASE + ".json?speaker=1&speaker=2&speaker=Mira+Quell")
    assert response.status_code == 200
    data = response.json()
    assert data["speakers"][2]["quotes"] == 0
    assert data["notes"] == ["Mira Quell has no reported statement in this database."]
    html = (await ds.client.get(BASE + "?speaker=1&speaker=2&speaker=Mira+Quell")).text
    assert "Mira Quell has no reported statement" in html
    assert all(len(row["cells"]) == 3 for row in data["grid"])


@pytest.mark.asyncio
async def test_unknown_speaker(ds):
    response = await ds.client.get(BASE + ".json?speaker=1&speaker=Nobody+Atall")
    assert response.status_code == 404
    body = response.json()
    assert body["ok"] is False and body["unknown"] == {"speaker": ["Nobody Atall"]}
    html = await ds.client.get(BASE + "?speaker=1&speaker=Nobody+Atall")
    assert html.status_code == 404
    assert "No speaker called &#39;Nobody Atall&#39;" in html.text
    assert 'class="dq-picker"' in html.text
    csv_response = await ds.client.get(BASE + ".csv?speaker=1&speaker=Nobody+Atall")
    assert csv_response.status_code == 404


@pytest.mark.asyncio
async def test_single_speaker_and_none(ds):
    one = await ds.client.get(BASE + ".json?speaker=1")
    assert one.status_code == 400
    assert "at least two" in one.json()["error"]
    same_twice = await ds.client.get(BASE + ".json?speaker=1&speaker=Anna+Petrova")
    assert same_twice.status_code == 400
    html = await ds.client.get(BASE + "?speaker=1")
    assert html.status_code == 400
    assert "Pick at least two different speakers" in html.text
    assert 'value="1"' in html.text  # the picker keeps what was typed
    landing = await ds.client.get(BASE)
    assert landing.status_code == 200
    assert 'class="dq-picker"' in landing.text and "dq-message" not in landing.text
    assert (await ds.client.get(BASE + ".json")).status_code == 400
    assert (await ds.client.get(BASE + ".csv")).status_code == 400
    # Empty inputs of the form are ignored.
    empty = await ds.client.get(BASE + ".json?speaker=1&speaker=&speaker=2&topic=&outlet=&from=&to=")
    assert empty.status_code == 200


@pytest.mark.asyncio
async def test_filters_topic_outlet_dates(ds):
    topic = (await ds.client.get(BASE + ".json" + PAIR + "&topic=Security+guarantees")).json()
    assert topic["filters"]["topic"] == {"id": 2, "name": "Security guarantees"}
    assert [row["topic"]["name"] for row in topic["grid"]] == ["Security guarantees"]
    assert [s["quotes"] for s in topic["speakers"]] == [1, 1]
    by_id = (await ds.client.get(BASE + ".json" + PAIR + "&topic=2")).json()
    assert by_id["speakers"] == topic["speakers"]

    outlet = (await ds.client.get(BASE + ".json" + PAIR + "&outlet=freedonia+herald")).json()
    assert [o["outlet"]["name"] for o in outlet["outlets"]] == ["Freedonia Herald"]
    assert [s["quotes"] for s in outlet["speakers"]] == [2, 2]

    dated = (await ds.client.get(BASE + ".json" + PAIR + "&from=2022-02-11&to=2022-02-11")).json()
    assert [d["date"] for d in dated["timeline"]] == ["2022-02-11"]
    assert [s["quotes"] for s in dated["speakers"]] == [1, 1]
    until = (await ds.client.get(BASE + ".json" + PAIR + "&to=2022-02-10")).json()
    assert [s["quotes"] for s in until["speakers"]] == [4, 3]
    nothing = (await ds.client.get(BASE + ".json" + PAIR + "&from=2023-01-01")).json()
    assert nothing["grid"] == [] and len(nothing["notes"]) == 2
    assert "matching these filters" in nothing["notes"][0]
    html = (await ds.client.get(BASE + PAIR + "&from=2023-01-01")).text
    assert "No reported statement by any of these speakers matching these filters" in html


@pytest.mark.asyncio
@pytest.mark.parametrize("query, status, message", [
    ("&from=yesterday", 400, "'from' must be a date"),
    ("&to=2022-13-40", 400, "'to' must be a date"),
    ("&from=2022-03-01&to=2022-02-01", 400, "'from' must not be after 'to'"),
    ("&topic=Weather", 404, "No topic called 'Weather'"),
    ("&outlet=Nowhere+News", 404, "No outlet called 'Nowhere News'"),
    ("".join(f"&speaker={i}" for i in range(3, 12)), 400, "at most 8"),
])
async def test_bad_parameters(ds, query, status, message):
    response = await ds.client.get(BASE + ".json" + PAIR + query)
    assert response.status_code == status
    assert message in response.json()["error"]
    html = await ds.client.get(BASE + PAIR + query)
    assert html.status_code == status
    assert "Traceback" not in html.text


@pytest.mark.asyncio
async def test_escaping_in_comparison(ds):
    response = await ds.client.get(BASE + "?speaker=5&speaker=2")
    assert response.status_code == 200
    assert SCRIPT_TEXT not in response.text
    assert "&lt;script&gt;alert(" in response.text
    assert "Wire &amp; &lt;Co&gt;" in response.text
    data = (await ds.client.get(BASE + ".json?speaker=5&speaker=2")).json()
    assert data["speakers"][0]["name"] == "Script " + SCRIPT_TEXT  # JSON keeps the data as is


@pytest.mark.asyncio
async def test_database_parameter_with_several_databases(fixture_db_path, tmp_path):
    other = copy_db(fixture_db_path, tmp_path, "second.db")
    ds = make_datasette(fixture_db_path, extra_paths=[other])
    default = (await ds.client.get(BASE + ".json" + PAIR)).json()
    assert default["database"] == "diplomacy"
    second = (await ds.client.get(BASE + ".json" + PAIR + "&database=second")).json()
    assert second["database"] == "second"
    assert "database=second" in second["grid"][0]["cells"][0]["items"][0]["reports"][0]["url"]
    html = (await ds.client.get(BASE + PAIR + "&database=second")).text
    assert '<select name="database">' in html
    assert (await ds.client.get(BASE + ".json" + PAIR + "&database=missing")).status_code == 404


@pytest.mark.asyncio
async def test_any_database_name_and_non_diplomacy_database(fixture_db_path, tmp_path):
    import sqlite_utils

    renamed = copy_db(fixture_db_path, tmp_path, "coverage_2022.db")
    plain = tmp_path / "plain.db"
    sqlite_utils.Database(plain)["things"].insert({"id": 1})
    ds = make_datasette(str(plain), metadata={}, extra_paths=[renamed])
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    assert data["database"] == "coverage_2022"
    not_ours = await ds.client.get(BASE + ".json" + PAIR + "&database=plain")
    assert not_ours.status_code == 404
    assert "does not hold diplomacy data" in not_ours.json()["error"]


@pytest.mark.asyncio
async def test_no_diplomacy_database_at_all(tmp_path):
    import sqlite_utils

    plain = tmp_path / "plain.db"
    sqlite_utils.Database(plain)["things"].insert({"id": 1})
    ds = make_datasette(str(plain), metadata={})
    response = await ds.client.get(BASE + ".json" + PAIR)
    assert response.status_code == 404
    assert "No diplomacy database" in response.json()["error"]


@pytest.mark.asyncio
async def test_time_out_gives_a_clear_message(ds, monkeypatch):
    from datasette.database import Database, QueryInterrupted

    from datasette_diplomacy.web import counts

    # Counts cached by earlier tests would answer without running the query.
    monkeypatch.setattr(counts, "_cache", type(counts._cache)())

    async def interrupted(self, sql, *args, **kwargs):
        # The live count query, or the loader's precomputed counts when present.
        if "as materialized" in sql or "speaker_stats" in sql:
            raise QueryInterrupted(Exception("interrupted"), sql, {})
        return await original(self, sql, *args, **kwargs)

    original = Database.execute
    monkeypatch.setattr(Database, "execute", interrupted)
    for suffix, kind in ((".json", "json"), ("", "html"), (".csv", "csv")):
        response = await ds.client.get(BASE + suffix + PAIR)
        assert response.status_code == 504, kind
        assert "time limit" in response.text
        assert "Traceback" not in response.text


@pytest.mark.asyncio
async def test_real_time_limit(fixture_db_path):
    """A tiny sql_time_limit_ms on a heavier query path still answers cleanly."""
    ds = make_datasette(fixture_db_path, settings={"sql_time_limit_ms": 1})
    response = await ds.client.get(BASE + ".json" + PAIR)
    assert response.status_code in (200, 504)
    if response.status_code == 504:
        assert "time limit of 1 ms" in response.json()["error"]


@pytest.mark.asyncio
async def test_links_in_grid_point_at_existing_quotes(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    for row in data["grid"]:
        for cell in row["cells"]:
            for item in cell["items"]:
                for report in item["reports"]:
                    path, _, fragment = report["url"].partition("#")
                    page = await ds.client.get(path)
                    assert page.status_code == 200
                    assert f'id="{fragment}"' in page.text
            more = await ds.client.get(as_json_array(cell["quotes_url"]))
            assert more.status_code == 200


@pytest.mark.asyncio
async def test_topic_and_speaker_links(ds):
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    sanctions = next(row for row in data["grid"] if row["topic"]["name"] == "Sanctions")
    narrowed = (await ds.client.get(sanctions["topic_url"].replace("/compare?", "/compare.json?"))).json()
    assert narrowed["filters"]["topic"]["name"] == "Sanctions"
    for s in data["speakers"]:
        assert (await ds.client.get(s["url"])).status_code == 200
        shown = await ds.client.get(as_json_array(s["quotes_url"]))
        assert len(shown.json()) == s["quotes"]
    cell = sanctions["cells"][0]
    listed = (await ds.client.get(as_json_array(cell["quotes_url"]))).json()
    assert len(listed) == cell["quotes"]


def test_csv_columns_constant():
    assert CSV_COLUMNS[:5] == ["section", "speaker", "key", "metric", "value"]
    assert re.fullmatch(r"[a-z_,]+", ",".join(CSV_COLUMNS))


@pytest.mark.asyncio
async def test_sample_bounds_text_work_but_not_counts(ds, monkeypatch):
    from datasette_diplomacy.web import compare

    full = (await ds.client.get(BASE + ".json" + PAIR)).json()
    monkeypatch.setattr(compare, "SAMPLE", 1)
    sampled = (await ds.client.get(BASE + ".json" + PAIR)).json()
    assert [s["quotes"] for s in sampled["speakers"]] == [s["quotes"] for s in full["speakers"]]
    assert [s["sampled_quotes"] for s in sampled["speakers"]] == [1, 1]
    assert sampled["emphasis"] == full["emphasis"]
    assert sampled["outlets"] == full["outlets"]
    assert sampled["timeline"] == full["timeline"]
    assert any("newest 1 quotes" in note for note in sampled["notes"])
    shown = {(row["topic"]["name"], c["speaker_id"], i["statement_key"])
             for row in sampled["grid"] for c in row["cells"] for i in c["items"]}
    # Petrova's newest quote is about energy; Hale's about sanctions and energy.
    assert shown == {("Energy", 1, "st-unhelpful"), ("Sanctions", 2, "st-table"),
                     ("Energy", 2, "st-table")}
    # The newest quote of each speaker is the one shown, with all its reports.
    assert [t["statements_counted"] for t in sampled["terms"]] == [1, 1]
    cells = [c for row in sampled["grid"] for c in row["cells"] if c["items"]]
    assert all(c["more"] == c["quotes"] - sum(i["report_count"] for i in c["items"]) for c in cells)


@pytest.mark.asyncio
async def test_cached_counts_answer_like_fresh_ones(ds, monkeypatch):
    from collections import OrderedDict

    from datasette_diplomacy.web import counts

    monkeypatch.setattr(counts, "_cache", OrderedDict())
    fresh = (await ds.client.get(BASE + ".json" + PAIR)).json()
    fresh_page = (await ds.client.get("/-/diplomacy/speaker/1.json")).json()
    speaker_keys = lambda: [k for k in counts._cache if not isinstance(k[1], tuple)]  # noqa: E731
    assert {key[1] for key in speaker_keys()} == {1, 2}
    # and each speaker's sample term counts
    assert {key[1] for key in counts._cache} - {1, 2} == {("terms", 1), ("terms", 2)}
    assert (await ds.client.get(BASE + ".json" + PAIR)).json() == fresh
    assert (await ds.client.get("/-/diplomacy/speaker/1.json")).json() == fresh_page
    # Filters are part of the key: a narrowed comparison is counted afresh.
    narrowed = (await ds.client.get(BASE + ".json" + PAIR + "&topic=Sanctions")).json()
    assert [s["quotes"] for s in narrowed["speakers"]] != [s["quotes"] for s in fresh["speakers"]]
    assert len(speaker_keys()) == 4


@pytest.mark.asyncio
async def test_counts_follow_writes_to_the_database(fixture_db_path, tmp_path, monkeypatch):
    import sqlite3
    from collections import OrderedDict

    from datasette_diplomacy.web import counts

    monkeypatch.setattr(counts, "_cache", OrderedDict())
    path = copy_db(fixture_db_path, tmp_path, "diplomacy.db")
    ds = make_datasette(path)
    before = (await ds.client.get(BASE + ".json" + PAIR)).json()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            """insert into quotes (id, article_id, speaker_id, text, kind, cue, paragraph,
                                   start, "end", statement_key)
               select (select max(id) + 1 from quotes), article_id, speaker_id, text, kind,
                      cue, paragraph, start, "end", statement_key
               from quotes where speaker_id = 1 order by id limit 1"""
        )
    conn.close()
    after = (await ds.client.get(BASE + ".json" + PAIR)).json()
    assert after["speakers"][0]["quotes"] == before["speakers"][0]["quotes"] + 1
    page = (await ds.client.get("/-/diplomacy/speaker/1.json")).json()
    assert page["quote_count"] == after["speakers"][0]["quotes"]


def test_start_up_pass_counts_the_most_quoted(fixture_db_path, tmp_path, monkeypatch):
    from collections import OrderedDict

    import sqlite_utils

    from datasette_diplomacy import summaries
    from datasette_diplomacy.web import background, counts

    monkeypatch.setattr(counts, "WARM_MIN_QUOTES", 4)
    # With the loader's speaker_stats up to date there is nothing to count ahead.
    monkeypatch.setattr(counts, "_cache", OrderedDict())
    db = make_datasette(fixture_db_path).get_database("diplomacy")
    background.warm(db, then=counts.warm)
    assert not counts._cache
    # Without them (an older database), the most quoted are counted at start-up.
    path = copy_db(fixture_db_path, tmp_path, "diplomacy.db")
    summaries.drop(sqlite_utils.Database(path))
    monkeypatch.setattr(counts, "_cache", OrderedDict())
    db = make_datasette(path).get_database("diplomacy")
    background.warm(db, then=counts.warm)
    # Petrova (5 quotes) and Hale (4) qualify; unfiltered counts only.
    assert sorted((key[1], key[2]) for key in counts._cache) == [(1, ()), (2, ())]


def test_background_pass_starts_once_per_database_state(fixture_db_path, tmp_path, monkeypatch):
    import sqlite3

    from datasette_diplomacy.web import background

    started = []
    monkeypatch.setattr(background, "_warmed", {})
    monkeypatch.setattr(background, "warm", lambda db, then=None: started.append(db.name))
    path = copy_db(fixture_db_path, tmp_path, "diplomacy.db")
    db = make_datasette(path).get_database("diplomacy")
    background.warm_once(db)
    background.warm_once(db)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("update speakers set role = role where id = 1")
        conn.execute("insert into topics (id, name) values (999, 'Written after start-up')")
    conn.close()
    background.warm_once(db)
    for thread in threading.enumerate():
        if thread.name.startswith("diplomacy-prior"):
            thread.join(5)
    assert started == ["diplomacy", "diplomacy"]


@pytest.mark.asyncio
async def test_statement_reports_are_capped_but_counted_in_full(ds, monkeypatch):
    """Only the first REPORTS_PER_STATEMENT quotes of a statement (and its last, for
    the wording) are fetched; its report and outlet counts still cover every quote."""
    from datasette_diplomacy.web import compare

    full = (await ds.client.get(BASE + ".json" + PAIR)).json()
    monkeypatch.setattr(compare, "REPORTS_PER_STATEMENT", 1)
    capped = (await ds.client.get(BASE + ".json" + PAIR)).json()
    items = {(row["topic"]["name"], cell["speaker_id"], item["statement_key"]): item
             for data in (full,) for row in data["grid"] for cell in row["cells"]
             for item in cell["items"]}
    seen = 0
    for row in capped["grid"]:
        for cell in row["cells"]:
            for item in cell["items"]:
                whole = items[(row["topic"]["name"], cell["speaker_id"], item["statement_key"])]
                assert len(item["reports"]) == 1
                assert item["reports"][0] == whole["reports"][0]
                assert (item["report_count"], item["outlet_count"], item["text"]) == (
                    whole["report_count"], whole["outlet_count"], whole["text"])
                seen += whole["report_count"] > 1
    assert seen  # the ultimatum statement, carried twice, was cut to one report


@pytest.mark.asyncio
async def test_prior_still_being_read_falls_back_to_the_sample(ds, monkeypatch):
    """A big database's corpus prior can take longer than sql_time_limit_ms right after
    start-up: the comparison answers anyway, its words weighed against the sample."""
    from datasette.database import QueryInterrupted

    from datasette_diplomacy.web import compare

    async def slow(*args, **kwargs):
        raise QueryInterrupted(Exception("interrupted"), "prior", {})

    monkeypatch.setattr(compare, "background_counts", slow)
    response = await ds.client.get(BASE + ".json" + PAIR)
    assert response.status_code == 200
    data = response.json()
    assert data["terms_prior"]["source"] == "sample"
    assert any(t["terms"] for t in data["terms"])
    html = await ds.client.get(BASE + PAIR)
    assert html.status_code == 200 and "the newest quotes" in html.text


@pytest.mark.asyncio
async def test_page_shortens_long_statements_and_lists_four_reports(fixture_db_path, tmp_path):
    import sqlite3

    path = copy_db(fixture_db_path, tmp_path, "diplomacy.db")
    long_text = "We will keep talking. " * 40  # 880 characters
    conn = sqlite3.connect(path)
    with conn:
        key = conn.execute("select statement_key from quotes where speaker_id = 1 order by id limit 1").fetchone()[0]
        conn.execute("update quotes set text = ? where statement_key = ?", [long_text, key])
        for n in range(5):  # the same statement reported five more times
            conn.execute(
                """insert into quotes (id, article_id, speaker_id, text, kind, cue, paragraph,
                                       start, "end", statement_key)
                   select (select max(id) + 1 from quotes), article_id, speaker_id, text, kind,
                          cue, paragraph, start, "end", statement_key
                   from quotes where statement_key = ? order by id limit 1""", [key])
    conn.close()
    ds = make_datasette(path)
    data = (await ds.client.get(BASE + ".json" + PAIR)).json()
    item = next(i for row in data["grid"] for c in row["cells"] for i in c["items"] if i["statement_key"] == key)
    assert item["text"] == long_text and item["report_count"] >= 6
    html = (await ds.client.get(BASE + PAIR)).text
    assert long_text not in html and "We will keep talking. We will keep talking." in html
    assert f"and {item['report_count'] - 4} more reports" in html
