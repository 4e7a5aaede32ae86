"""metadata.yml: descriptions, facets, sort orders, search and canned queries."""
from __future__ import annotations

import pytest
import sqlite_utils

from conftest import load_metadata

INTERNAL = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")


def described_tables():
    return load_metadata()["databases"]["diplomacy"]["tables"]


def assert_everything_described(path):
    db = sqlite_utils.Database(path)
    tables = described_tables()
    for name in db.table_names() + db.view_names():
        if name.endswith(INTERNAL) or name.startswith("sqlite_"):
            continue  # FTS shadow tables and SQLite's own, which Datasette hides
        assert name in tables, f"{name} has no description in metadata.yml"
        assert tables[name].get("description"), name
        columns = tables[name].get("columns", {})
        for column in db[name].columns_dict:
            assert columns.get(column), f"{name}.{column} has no description"
            # YAML reads " #" as a comment: a cut-off description loses its closing bracket.
            assert columns[column].count("(") == columns[column].count(")"), (name, column)


def test_metadata_top_level():
    metadata = load_metadata()
    assert metadata["title"]
    assert "Apache-2.0" in metadata["license"]
    assert "©" in metadata["license"] and "publishers" in metadata["license"]
    database = metadata["databases"]["diplomacy"]
    assert "research sample" in database["description_html"]
    assert "five news reports" in database["source"]


def test_every_table_view_and_column_is_described(fixture_db_path):
    assert_everything_described(fixture_db_path)


@pytest.mark.asyncio
@pytest.mark.parametrize("table", sorted(described_tables()))
async def test_every_table_page_renders_with_its_facets(ds, table):
    response = await ds.client.get(f"/diplomacy/{table}.json?_extra=facet_results")
    assert response.status_code == 200, table
    data = response.json()
    configured = described_tables()[table].get("facets", [])
    assert len(data["facet_results"]) >= len(configured), (table, list(data["facet_results"]))
    html = await ds.client.get(f"/diplomacy/{table}")
    assert html.status_code == 200
    assert "These facets timed out" not in html.text


@pytest.mark.asyncio
async def test_sort_orders_and_labels(ds):
    speakers = (await ds.client.get("/diplomacy/speakers.json?_shape=array")).json()
    counts = [s["quote_count"] for s in speakers]
    assert counts == sorted(counts, reverse=True)
    quotes = (await ds.client.get("/diplomacy/quotes.json?_labels=on&_shape=array")).json()
    assert quotes[0]["speaker_id"]["label"] == "Anna Petrova"
    assert quotes[0]["article_id"]["label"] == "Talks in Ruritania end without agreement"
    topics = (await ds.client.get("/diplomacy/quote_topics.json?_labels=on&_shape=array")).json()
    assert topics[0]["topic_id"]["label"] == "Sanctions"


@pytest.mark.asyncio
@pytest.mark.parametrize("table, expected", [
    ("quotes", 4), ("quotes_view", 4), ("articles", 3), ("articles_view", 3),
])
async def test_search_is_wired(ds, table, expected):
    rows = (await ds.client.get(f"/diplomacy/{table}.json?_search=sanctions&_shape=array")).json()
    assert len(rows) == expected, rows


@pytest.mark.asyncio
async def test_canned_queries(ds):
    async def rows(name, **params):
        from urllib.parse import urlencode

        response = await ds.client.get(
            f"/diplomacy/{name}.json?" + urlencode(dict(params, _shape="array")))
        assert response.status_code == 200, response.text
        return response.json()

    said = await rows("speaker_on_topic", speaker="petrova", topic="sanction")
    assert {r["text"] for r in said} == {
        "We will not accept ultimatums from anyone about sanctions.",
        "the gas pipeline was a purely commercial energy project",
    }
    by_alias = await rows("speaker_on_topic", speaker="Jon Hale", topic="")
    assert {r["speaker"] for r in by_alias} == {"Jonathan Hale"}

    by_outlet = await rows("quoted_by_outlet", outlet="herald")
    assert [(r["speaker"], r["quotes"], r["direct"], r["reported"]) for r in by_outlet] == [
        ("Anna Petrova", 2, 1, 1), ("Jonathan Hale", 2, 1, 1)]
    assert len(await rows("quoted_by_outlet", outlet="")) > 2

    topics = await rows("topics_by_speaker", speaker="Hale")
    assert topics[0] == {"speaker": "Jonathan Hale", "topic": "Sanctions", "quotes": 2, "statements": 2}

    several = await rows("statements_in_several_outlets", min_outlets="")
    assert [(r["speaker"], r["outlets"]) for r in several] == [("Anna Petrova", 2)]
    assert "Example Times" in several[0]["outlet_names"]
    assert await rows("statements_in_several_outlets", min_outlets="3") == []

    kwic = await rows("keyword_in_context", keyword="troops")
    assert [(r["left_context"], r["keyword"], r["right_context"]) for r in kwic] == [
        ("Ruritania must withdraw its ", "troops", " from the border."),
        ("Pipeline sanctions remain on the table, and ", "troops", " must leave."),
    ]
    phrase = await rows("keyword_in_context", keyword='the "border')
    assert phrase == []  # quotes in the keyword are escaped, not an FTS syntax error
    assert len(await rows("keyword_in_context", keyword="the border")) == 2
