"""The plugin on the real seed reports, loaded with ``datasette-diplomacy load``.

Five reports of the Lavrov–Truss talks in Moscow (10 February 2022). What the
extractor finds may change as it improves, so these tests look speakers up by
name pattern and check relations (every quote placed, formats agree), not
exact numbers.
"""
from __future__ import annotations

import csv
import io
import re
import sqlite3
import urllib.parse

import pytest

from conftest import make_datasette
from test_plugin_metadata import assert_everything_described


@pytest.fixture(scope="module")
def seeds(seeds_db_path):
    ds = make_datasette(seeds_db_path)
    conn = sqlite3.connect(seeds_db_path)

    def speaker_id(pattern):
        row = conn.execute(
            "select id from speakers where name like ? or id in "
            "(select speaker_id from speaker_aliases where alias like ?) "
            "order by quote_count desc limit 1", [pattern, pattern]).fetchone()
        assert row, pattern
        return row[0]

    info = {
        "ds": ds,
        "path": seeds_db_path,
        "lavrov": speaker_id("%Lavrov%"),
        "truss": speaker_id("%Truss%"),
        "articles": [r[0] for r in conn.execute("select id from articles order by id")],
    }
    conn.close()
    return info


def test_seeds_are_fully_described(seeds):
    assert_everything_described(seeds["path"])


@pytest.mark.asyncio
async def test_compare_lavrov_and_truss(seeds):
    ds = seeds["ds"]
    query = f"?speaker={seeds['lavrov']}&speaker={seeds['truss']}"
    data = (await ds.client.get("/-/diplomacy/compare.json" + query)).json()
    assert data["ok"] is True
    lavrov, truss = data["speakers"]
    assert "Lavrov" in lavrov["name"] and "Truss" in truss["name"]
    assert lavrov["quotes"] > 0 and truss["quotes"] > 0
    assert data["terms_prior"]["source"] == "fts"
    assert all(t["terms"] for t in data["terms"])
    assert len(data["outlets"]) >= 4  # five reports, five outlets, most quote both
    assert {d["date"] for d in data["timeline"]} >= {"2022-02-10"}
    # Statements carried by several outlets are grouped.
    carried = [i for row in data["grid"] for c in row["cells"] for i in c["items"]
               if i["outlet_count"] > 1]
    assert carried, "expected at least one statement reported by two outlets"
    # By name, by alias ("Liz Truss" or "Elizabeth Truss"), by fragment: same people.
    by_name = (await ds.client.get(
        "/-/diplomacy/compare.json?speaker=lavrov&speaker=truss")).json()
    assert [s["id"] for s in by_name["speakers"]] == [seeds["lavrov"], seeds["truss"]]
    alias = (await ds.client.get(
        "/-/diplomacy/compare.json?speaker=Sergey+Lavrov&speaker=Liz+Truss")).json()
    assert [s["id"] for s in alias["speakers"]] == [seeds["lavrov"], seeds["truss"]]

    rows = list(csv.DictReader(io.StringIO(
        (await ds.client.get("/-/diplomacy/compare.csv" + query)).text)))
    quotes = {r["speaker"]: int(r["value"]) for r in rows
              if r["section"] == "speakers" and r["metric"] == "quotes"}
    assert quotes == {lavrov["name"]: lavrov["quotes"], truss["name"]: truss["quotes"]}
    html = (await ds.client.get("/-/diplomacy/compare" + query)).text
    assert html.count('class="dq-statement"') == sum(
        len(c["items"]) for row in data["grid"] for c in row["cells"])


@pytest.mark.asyncio
async def test_every_seed_quote_is_highlighted_once(seeds):
    ds = seeds["ds"]
    conn = sqlite3.connect(seeds["path"])
    for article_id in seeds["articles"]:
        html = (await ds.client.get(f"/-/diplomacy/article/{article_id}")).text
        quote_ids = [r[0] for r in conn.execute(
            "select id from quotes where article_id = ?", [article_id])]
        for quote_id in quote_ids:
            assert html.count(f'id="quote-{quote_id}"') == 1, (article_id, quote_id)
        assert "not located in the text" not in html.split('class="dq-panel"')[0]
        assert "<script>" not in html.split('class="dq-body"')[1].split("</div>")[0]
    conn.close()


@pytest.mark.asyncio
async def test_speaker_pages_and_suggestions(seeds):
    ds = seeds["ds"]
    page = await ds.client.get(f"/-/diplomacy/speaker/{seeds['truss']}")
    assert page.status_code == 200
    assert "Liz Truss" in page.text or "Elizabeth Truss" in page.text
    assert re.search(r"Foreign Secretary", page.text)
    suggestions = (await ds.client.get("/-/diplomacy/speakers.json?q=lav")).json()
    assert suggestions["speakers"][0]["id"] == seeds["lavrov"]


@pytest.mark.asyncio
async def test_facets_on_seeds(seeds):
    ds = seeds["ds"]
    data = (await ds.client.get("/diplomacy/articles.json?_facet_m2m=article_speakers")).json()
    speakers = {v["value"]: v["count"] for v in data["facet_results"]["article_speakers"]["results"]}
    assert speakers[seeds["lavrov"]] >= 4 and speakers[seeds["truss"]] >= 4
    quotes = (await ds.client.get("/diplomacy/quotes.json")).json()
    topics = quotes["facet_results"]["quote_topics"]["results"]
    assert topics and all(t["count"] > 0 for t in topics)
    first = topics[0]
    path = urllib.parse.urlsplit(first["toggle_url"])
    filtered = (await ds.client.get(f"{path.path}?{path.query}")).json()
    assert filtered["filtered_table_rows_count"] == first["count"]
