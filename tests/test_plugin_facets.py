"""The m2m and period facets on Datasette's own table pages."""
from __future__ import annotations

import json
import urllib.parse

import pytest

from conftest import make_datasette


def facet(data: dict, name: str) -> dict:
    return data["facet_results"][name]


def relative(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def as_json(url: str) -> str:
    path, _, query = relative(url).partition("?")
    if not path.endswith(".json"):
        path += ".json"
    return f"{path}?{query}"


@pytest.mark.asyncio
async def test_m2m_facet_on_articles_from_url(ds):
    data = (await ds.client.get("/diplomacy/articles.json?_facet_m2m=article_topics")).json()
    topics = facet(data, "article_topics")
    assert topics["type"] == "m2m"
    counts = {v["label"]: v["count"] for v in topics["results"]}
    assert counts == {"Sanctions": 3, "Military exercises": 2, "Energy": 2, "Security guarantees": 1}
    first = topics["results"][0]
    through = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(first["toggle_url"]).query))["_through"]
    assert json.loads(through) == {"table": "article_topics", "column": "topic_id", "value": "1"}


@pytest.mark.asyncio
async def test_m2m_facet_link_filters_and_exports(ds):
    data = (await ds.client.get("/diplomacy/articles.json?_facet_m2m=article_topics")).json()
    energy = next(v for v in facet(data, "article_topics")["results"] if v["label"] == "Energy")
    filtered = (await ds.client.get(as_json(energy["toggle_url"]))).json()
    assert sorted(r[0] for r in filtered["rows"]) == [1, 3]
    selected = next(v for v in facet(filtered, "article_topics")["results"] if v["label"] == "Energy")
    assert selected["selected"] is True
    # Toggling the selected value off removes the _through filter again.
    assert "_through" not in relative(selected["toggle_url"])
    # The filtered page is an ordinary table page: CSV works too.
    path, _, query = relative(energy["toggle_url"]).partition("?")
    csv_text = (await ds.client.get(f"{path.removesuffix('.json')}.csv?{query}")).text
    import csv
    import io

    assert sorted(r["id"] for r in csv.DictReader(io.StringIO(csv_text))) == ["1", "3"]


@pytest.mark.asyncio
async def test_m2m_facet_from_metadata_on_quotes(ds):
    data = (await ds.client.get("/diplomacy/quotes.json")).json()
    topics = facet(data, "quote_topics")
    assert topics["hideable"] is False
    assert {v["label"]: v["count"] for v in topics["results"]}["Sanctions"] == 5
    # Counted within the current filter.
    only_hale = (await ds.client.get("/diplomacy/quotes.json?speaker_id=2")).json()
    counts = {v["label"]: v["count"] for v in facet(only_hale, "quote_topics")["results"]}
    assert counts == {"Sanctions": 2, "Military exercises": 1, "Security guarantees": 1, "Energy": 1}
    # Asking for it again in the URL does not show it twice.
    twice = (await ds.client.get("/diplomacy/quotes.json?_facet_m2m=quote_topics")).json()
    assert [k for k in twice["facet_results"] if k.startswith("quote_topics")] == ["quote_topics"]


@pytest.mark.asyncio
async def test_m2m_facet_articles_by_speaker_and_explicit_column(ds):
    config = json.dumps({"table": "article_speakers", "column": "speaker_id"})
    data = (await ds.client.get(
        "/diplomacy/articles.json?" + urllib.parse.urlencode({"_facet_m2m": config}))).json()
    speakers = {v["label"]: v["count"] for v in facet(data, "article_speakers")["results"]}
    assert speakers["Anna Petrova"] == 3 and speakers["Jonathan Hale"] == 3
    hale = next(v for v in facet(data, "article_speakers")["results"] if v["label"] == "Jonathan Hale")
    rows = (await ds.client.get(as_json(hale["toggle_url"]))).json()["rows"]
    assert len(rows) == 3


@pytest.mark.asyncio
async def test_m2m_facet_ignores_unrelated_or_missing_tables(ds):
    for config in ("quote_topics", "nonexistent", "topics"):
        data = (await ds.client.get(f"/diplomacy/articles.json?_facet_m2m={config}")).json()
        assert config not in data["facet_results"]
    view = (await ds.client.get("/diplomacy/quotes_view.json?_facet_m2m=quote_topics")).json()
    assert "quote_topics" not in view["facet_results"]


@pytest.mark.asyncio
async def test_m2m_facet_html_rendering(ds):
    html = (await ds.client.get("/diplomacy/articles?_facet_m2m=article_topics")).text
    assert "article_topics (m2m)" in html
    assert "_through=" in html


@pytest.mark.asyncio
async def test_m2m_suggestions(ds):
    data = (await ds.client.get("/diplomacy/articles.json?_facet=kind")).json()
    suggested = {(s["name"], s.get("type")) for s in data["suggested_facets"]}
    assert ("article_speakers", "m2m") in suggested
    assert ("article_entities", "m2m") in suggested
    # article_topics is already a metadata facet: not suggested again.
    assert ("article_topics", "m2m") not in suggested


@pytest.mark.asyncio
async def test_period_facet_month_and_week(ds):
    month = (await ds.client.get("/diplomacy/articles.json?_facet_period=date")).json()
    values = facet(month, "date by month")["results"]
    assert [(v["label"], v["count"]) for v in values] == [("2022-02", 3)]
    pairs = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(values[0]["toggle_url"]).query))
    assert pairs["date__gte"] == "2022-02-01" and pairs["date__lt"] == "2022-03-01"
    config = urllib.parse.quote(json.dumps({"column": "date", "by": "week"}))
    week = (await ds.client.get(f"/diplomacy/articles.json?_facet_period={config}")).json()
    values = facet(week, "date by week")["results"]
    assert [(v["value"], v["count"]) for v in values] == [("2022-02-07", 3)]
    filtered = (await ds.client.get(as_json(values[0]["toggle_url"]))).json()
    assert len(filtered["rows"]) == 3
    assert facet(filtered, "date by week")["results"][0]["selected"] is True


@pytest.mark.asyncio
async def test_period_facet_on_view(ds):
    data = (await ds.client.get("/diplomacy/quotes_view.json?_facet_period=date")).json()
    assert facet(data, "date by month")["results"][0]["count"] == 13


@pytest.mark.asyncio
async def test_period_suggestion_needs_more_than_one_month(fixture_db_path, tmp_path):
    import shutil

    import sqlite_utils

    path = tmp_path / "diplomacy.db"
    shutil.copy(fixture_db_path, path)
    sqlite_utils.Database(path).execute("update articles set date = '2022-03-01' where id = 3")
    sqlite_utils.Database(path).conn.commit()
    ds = make_datasette(str(path))
    # (articles has it in metadata.yml already: suggested on the view, which does not)
    data = (await ds.client.get("/diplomacy/quotes_view.json")).json()
    assert any(s["name"] == "date" and s.get("type") == "period" for s in data["suggested_facets"])
    seeds_like = (await ds.client.get("/diplomacy/quotes_view.json?date__lt=2022-03-01")).json()
    assert not any(s.get("type") == "period" for s in seeds_like["suggested_facets"])


@pytest.mark.asyncio
async def test_articles_default_period_facet(ds):
    """metadata.yml buckets articles by month (index-backed) instead of Datasette's
    per-day date facet, which scans the whole table (bodies included)."""
    data = (await ds.client.get("/diplomacy/articles.json?_extra=facet_results")).json()
    by_month = data["facet_results"]["date by month"]
    assert by_month["type"] == "period" and by_month["hideable"] is False
    assert sum(v["count"] for v in by_month["results"]) == 3
    assert "date" not in data["facet_results"]  # Datasette's date facet is no longer a default


@pytest.mark.asyncio
async def test_facets_report_time_outs(ds, monkeypatch):
    from datasette.database import Database, QueryInterrupted

    original = Database.execute

    async def slow(self, sql, *args, **kwargs):
        if "group by j." in sql or "strftime('%Y-%m-01'" in sql:
            raise QueryInterrupted(Exception("interrupted"), sql, {})
        return await original(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", slow)
    html = await ds.client.get("/diplomacy/articles?_facet_period=date")
    assert html.status_code == 200
    # Datasette's own wording, as for its column facets (metadata facet first).
    assert "These facets timed out: article_topics, date by month" in html.text
    data = (await ds.client.get("/diplomacy/articles.json?_facet_period=date")).json()
    assert "article_topics" not in data["facet_results"]


@pytest.mark.asyncio
async def test_m2m_facet_hidden_when_join_table_denied(fixture_db_path):
    from conftest import load_metadata

    metadata = load_metadata()
    metadata["databases"]["diplomacy"]["tables"]["article_topics"]["allow"] = {"id": "editor"}
    ds = make_datasette(fixture_db_path, metadata=metadata)
    data = (await ds.client.get("/diplomacy/articles.json?_facet_m2m=article_topics")).json()
    assert "article_topics" not in data["facet_results"]
    assert not any(s["name"] == "article_topics" for s in data["suggested_facets"])
