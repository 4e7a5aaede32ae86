"""Article reader, speaker page, speaker suggestions, navigation hooks."""
from __future__ import annotations

import re
import urllib.parse

import pytest

import sqlite_utils

from conftest import SCRIPT_TEXT, copy_db, make_datasette
from datasette_diplomacy.web.charts import speaker_colour


def quote_pieces(html: str) -> list[dict]:
    """The highlighted pieces of the reader's body, attributes as a dict."""
    pieces = []
    for match in re.finditer(r'<a (class="dq-quote[^>]*)>(.*?)</a>', html, re.S):
        attributes = dict(re.findall(r'([a-z-]+)="([^"]*)"', match.group(1)))
        attributes["inner"] = match.group(2)
        pieces.append(attributes)
    return pieces


@pytest.mark.asyncio
async def test_article_reader_highlights_every_quote(ds):
    response = await ds.client.get("/-/diplomacy/article/1")
    assert response.status_code == 200
    html = response.text
    pieces = quote_pieces(html)
    assert [p["data-quote-id"] for p in pieces] == ["1", "2", "3", "4"]
    first = pieces[0]
    assert first["id"] == "quote-1"
    assert first["inner"] == "We will not accept ultimatums from anyone about sanctions."
    assert first["href"] == "/-/diplomacy/speaker/1?database=diplomacy"
    assert first["title"] == "Anna Petrova — direct quote (said)"
    assert speaker_colour(1)["background"] in first["style"]
    assert "dq-kind-indirect" in pieces[2]["class"]
    # Paragraphs come from the body's blank lines.
    assert len(re.findall(r"<p>", html.split('class="dq-body"')[1].split("</div>")[0])) == 5


@pytest.mark.asyncio
async def test_article_reader_side_panel(ds):
    html = (await ds.client.get("/-/diplomacy/article/2?database=diplomacy")).text
    panel = html.split('class="dq-panel"')[1]
    assert "Freedonia Herald" in panel
    assert "2022-02-10T15:00:00" in panel
    assert "fixtures/herald-1.txt" in panel
    assert 'href="https://example.com/herald/1"' in panel
    assert 'href="/-/diplomacy/speaker/1?database=diplomacy">Anna Petrova</a>' in panel
    assert "Security guarantees" in panel
    assert 'href="/diplomacy/articles/2"' in panel
    assert 'href="#quote-5"' in panel


@pytest.mark.asyncio
async def test_article_reader_escapes_and_handles_overlaps(ds):
    html = (await ds.client.get("/-/diplomacy/article/3")).text
    assert SCRIPT_TEXT not in html
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in html
    pieces = quote_pieces(html)
    ids = [p["data-quote-id"] for p in pieces]
    # 11 = "Hale's remarks about the pipeline unhelpful and hostile", 12 nested inside it,
    # 13 = "later called Hale's remarks" overlapping 11's start (clipped where 11 begins).
    assert ids == ["9", "10", "13", "11", "12", "11"]
    inner = [p["inner"] for p in pieces]
    assert inner[2] == "later called "
    assert inner[3] == "Hale&#39;s "
    assert inner[4] == "remarks about the pipeline"
    assert inner[5] == " unhelpful and hostile"
    # Each quote has exactly one deep-link target, on the piece where it starts.
    for quote_id in ("9", "10", "11", "12", "13"):
        assert html.count(f'id="quote-{quote_id}"') == 1
    assert pieces[4]["id"] == "quote-12" and "id" not in pieces[5]
    assert "dq-unattributed" in pieces[4]["class"]
    assert pieces[4]["href"] == "#quote-12"
    # A url that is not http(s) is shown, never linked (article 3 has none at all).
    assert "rel=\"noopener" not in html


@pytest.mark.asyncio
async def test_article_not_found_and_bad_database(ds):
    missing = await ds.client.get("/-/diplomacy/article/999")
    assert missing.status_code == 404
    assert "No article with that id" in missing.text
    assert (await ds.client.get("/-/diplomacy/article/1?database=nope")).status_code == 404
    assert (await ds.client.get("/-/diplomacy/article/abc")).status_code == 404


@pytest.mark.asyncio
async def test_speaker_page(ds):
    response = await ds.client.get("/-/diplomacy/speaker/1")
    assert response.status_code == 200
    html = response.text
    assert "<h1>" in html and "Anna Petrova" in html
    for alias in ("Petrova", "the Ruritanian foreign minister"):
        assert alias in html
    assert "Foreign Minister" in html and "Ruritania" in html
    assert "Ministry of Foreign Affairs of Ruritania" in html
    # Quotes by topic, outlets, and the comparison picker pre-filled with her name.
    assert "Sanctions" in html and "Energy" in html
    assert "Freedonia Herald" in html and "Example Times" in html
    assert 'name="speaker" value="Anna Petrova"' in html
    compare = "/-/diplomacy/compare?speaker=1&amp;speaker=2&amp;database=diplomacy"
    assert compare in html
    assert "We will not accept ultimatums" in html
    assert html.count("We will not accept ultimatums") == 1  # one statement, two outlets


@pytest.mark.asyncio
async def test_speaker_json(ds):
    data = (await ds.client.get("/-/diplomacy/speaker/1.json")).json()
    assert data["ok"] is True
    assert data["speaker"]["name"] == "Anna Petrova"
    assert {a["alias"] for a in data["aliases"]} >= {"Petrova", "Anna Petrova"}
    assert data["quote_count"] == 5
    topics = {t["topic"]: t["quotes"] for t in data["topics"]}
    assert topics["Sanctions"] == 3
    outlets = {o["outlet"]: o["quotes"] for o in data["outlets"]}
    assert outlets == {"Example Times": 2, "Freedonia Herald": 2, "Wire & <Co>": 1}
    assert [o["name"] for o in data["mentions"]] == ["Jonathan Hale"]
    assert [o["name"] for o in data["mentioned_by"]] == ["Jonathan Hale"]
    assert data["co_speakers"][0]["name"] == "Jonathan Hale"
    ultimatum = next(s for s in data["statements"] if s["statement_key"] == "st-ultimatums")
    assert len(ultimatum["reports"]) == 2


@pytest.mark.asyncio
async def test_speaker_without_quotes_and_missing(ds):
    quiet = await ds.client.get("/-/diplomacy/speaker/3")
    assert quiet.status_code == 200
    assert "No reported statement." in quiet.text
    assert "No outlet has quoted Mira Quell." in quiet.text
    missing = await ds.client.get("/-/diplomacy/speaker/999")
    assert missing.status_code == 404
    assert (await ds.client.get("/-/diplomacy/speaker/999.json")).json()["status"] == 404


@pytest.mark.asyncio
async def test_speaker_page_escapes(ds):
    html = (await ds.client.get("/-/diplomacy/speaker/5")).text
    assert SCRIPT_TEXT not in html
    assert "Script &lt;script&gt;" in html


@pytest.mark.asyncio
async def test_speakers_suggestions(ds):
    data = (await ds.client.get("/-/diplomacy/speakers.json?q=pe")).json()
    assert [s["name"] for s in data["speakers"]] == ["Anna Petrova"]
    assert data["speakers"][0]["quote_count"] == 5
    by_alias = (await ds.client.get("/-/diplomacy/speakers.json?q=jon")).json()
    assert [s["name"] for s in by_alias["speakers"]] == ["Jonathan Hale"]
    by_word = (await ds.client.get("/-/diplomacy/speakers.json?q=hal")).json()
    assert [s["name"] for s in by_word["speakers"]] == ["Jonathan Hale"]
    everyone = (await ds.client.get("/-/diplomacy/speakers.json")).json()
    assert [s["name"] for s in everyone["speakers"]][:2] == ["Anna Petrova", "Jonathan Hale"]
    assert "a senior official" not in [s["name"] for s in everyone["speakers"]]
    wildcard = (await ds.client.get("/-/diplomacy/speakers.json?q=%25")).json()
    assert wildcard["speakers"] == []
    limited = (await ds.client.get("/-/diplomacy/speakers.json?limit=1")).json()
    assert len(limited["speakers"]) == 1
    bad = await ds.client.get("/-/diplomacy/speakers.json?limit=lots")
    assert bad.status_code == 400


@pytest.mark.asyncio
async def test_picker_offers_names_topics_outlets(ds):
    html = (await ds.client.get("/-/diplomacy/compare")).text
    assert '<datalist id="dq-speaker-options">' in html
    assert '<option value="Anna Petrova">' in html
    assert '<option value="2"' in html and ">Security guarantees</option>" in html
    assert '<option value="Wire &amp; &lt;Co&gt;">' in html
    assert 'data-suggest-url="/-/diplomacy/speakers.json"' in html
    assert "/-/static-plugins/datasette-diplomacy/diplomacy.js" in html
    assert "/-/static-plugins/datasette-diplomacy/diplomacy.css" in html


@pytest.mark.asyncio
async def test_static_assets_are_served(ds):
    for name, kind in (("diplomacy.css", "text/css"), ("diplomacy.js", "javascript")):
        response = await ds.client.get(f"/-/static-plugins/datasette-diplomacy/{name}")
        assert response.status_code == 200
        assert kind in response.headers["content-type"]


@pytest.mark.asyncio
async def test_menu_link(ds):
    html = (await ds.client.get("/")).text
    assert '<a href="/-/diplomacy/compare">Compare speakers</a>' in html


@pytest.mark.asyncio
async def test_database_action(ds, tmp_path):
    html = (await ds.client.get("/diplomacy")).text
    assert '<a href="/-/diplomacy/compare?database=diplomacy">Compare speakers</a>' in html
    import sqlite_utils

    from conftest import make_datasette

    plain = tmp_path / "plain.db"
    sqlite_utils.Database(plain)["things"].insert({"id": 1})
    other = make_datasette(str(plain), metadata={})
    assert "Compare speakers" not in (await other.client.get("/plain")).text
    assert "Compare speakers" not in (await other.client.get("/")).text


@pytest.mark.asyncio
@pytest.mark.parametrize("table", ["speakers", "quotes", "quotes_view"])
async def test_table_actions_link_to_selection(ds, table):
    html = (await ds.client.get(f"/diplomacy/{table}?kind=direct" if table != "speakers"
                                 else f"/diplomacy/{table}?country=Freedonia")).text
    match = re.search(r'href="(/-/diplomacy/compare-selection\?[^"]+)">Compare the top speakers', html)
    assert match, html[-3000:]
    href = match.group(1).replace("&amp;", "&")
    query = dict(urllib.parse.parse_qsl(href.split("?", 1)[1]))
    assert query["table"] == table and query["database"] == "diplomacy"
    redirect = await ds.client.get(href)
    assert redirect.status_code == 302
    location = redirect.headers["location"]
    ids = [v for k, v in urllib.parse.parse_qsl(location.split("?", 1)[1]) if k == "speaker"]
    if table == "speakers":
        # Mira Quell (Freedonia too) has no quotes to compare: only Hale remains,
        # and the comparison page then asks for a second speaker.
        assert ids == ["2"]
        assert (await ds.client.get(location)).status_code == 400
    else:
        assert ids == ["1", "2", "4"]  # who has direct quotes, most first


@pytest.mark.asyncio
async def test_selection_respects_search_and_through(ds):
    through = '{"table":"quote_topics","column":"topic_id","value":"2"}'
    args = urllib.parse.urlencode({"_through": through})
    response = await ds.client.get(
        "/-/diplomacy/compare-selection?" + urllib.parse.urlencode(
            {"database": "diplomacy", "table": "quotes", "args": args})
    )
    ids = [v for k, v in urllib.parse.parse_qsl(response.headers["location"].split("?", 1)[1])
           if k == "speaker"]
    assert ids == ["1", "2"]
    search = urllib.parse.urlencode({"_search": "troops"})
    response = await ds.client.get(
        "/-/diplomacy/compare-selection?" + urllib.parse.urlencode(
            {"database": "diplomacy", "table": "quotes_view", "args": search})
    )
    ids = [v for k, v in urllib.parse.parse_qsl(response.headers["location"].split("?", 1)[1])
           if k == "speaker"]
    assert ids == ["2"]
    bad = await ds.client.get("/-/diplomacy/compare-selection?database=diplomacy&table=topics")
    assert bad.status_code == 400


@pytest.mark.asyncio
async def test_no_table_action_elsewhere(ds):
    html = (await ds.client.get("/diplomacy/topics")).text
    assert "compare-selection" not in html


@pytest.mark.asyncio
async def test_suggestions_leave_out_documents(fixture_db_path, tmp_path):
    # "the statement" of one article is a source, not someone to pick for a comparison
    path = copy_db(fixture_db_path, tmp_path, "diplomacy.db")
    db = sqlite_utils.Database(path)
    db["speakers"].insert({"id": 99, "key": "document:a.txt:statement", "name": "the statement",
                           "type": "document", "quote_count": 50, "article_count": 1})
    db.close()
    names = [s["name"] for s in (await make_datasette(path).client.get("/-/diplomacy/speakers.json")).json()["speakers"]]
    assert "the statement" not in names and "Anna Petrova" in names
