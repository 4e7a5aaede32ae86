"""The plugin's pure helpers: statistics, tokens, background counts, reader layout, charts."""
from __future__ import annotations

import math
import shutil
import sqlite3
from collections import Counter

import pytest
import sqlite_utils

from conftest import make_datasette
from datasette_diplomacy.web import background
from datasette_diplomacy.web.charts import speaker_colour, timeline_svg
from datasette_diplomacy.web.logodds import log_odds
from datasette_diplomacy.web.reader import pieces, place_quotes, render_paragraphs
from datasette_diplomacy.web.terms import count_terms, tokens


def test_log_odds_matches_the_formula():
    a = Counter({"sanctions": 4, "talks": 1})
    b = Counter({"troops": 3, "talks": 2})
    prior = {"sanctions": 10, "talks": 30, "troops": 10}
    scores = log_odds({"a": a, "b": b}, prior, 100)
    n_a, n_b, alpha0 = 5, 5, 10.0
    alpha = alpha0 * 10 / 100
    delta = math.log((4 + alpha) / (n_a + alpha0 - 4 - alpha)) - math.log(
        (0 + alpha) / (n_b + alpha0 - 0 - alpha))
    z = delta / math.sqrt(1 / (4 + alpha) + 1 / (0 + alpha))
    first = scores["a"][0]
    assert first.term == "sanctions"
    assert first.delta == pytest.approx(delta)
    assert first.z == pytest.approx(z)
    # Two groups: a shared term's z for one is minus the other's.
    talks_a = next(s for s in scores["a"] if s.term == "talks")
    talks_b = next(s for s in scores["b"] if s.term == "talks")
    assert talks_a.z == pytest.approx(-talks_b.z)


def test_log_odds_evidence_and_prior():
    a = Counter({"the": 10, "ultimatum": 1, "x": 8})
    b = Counter({"the": 10, "y": 9})
    flat = {"the": 1, "ultimatum": 1, "x": 1, "y": 1}
    z = {s.term: s.z for s in log_odds({"a": a, "b": b}, flat, 4)["a"]}
    # More evidence, more distinctive; used equally, not distinctive at all.
    assert z["x"] > z["ultimatum"] > 0
    assert z["the"] == pytest.approx(0)
    # A word the background uses a lot gets a stronger prior, pulling its
    # log-odds (delta) towards zero.
    common = {"the": 1, "ultimatum": 1000, "x": 1, "y": 1}
    delta_flat = {s.term: s.delta for s in log_odds({"a": a, "b": b}, flat, 4)["a"]}
    delta_common = {s.term: s.delta for s in log_odds({"a": a, "b": b}, common, 1003)["a"]}
    assert 0 < delta_common["ultimatum"] < delta_flat["ultimatum"]


def test_log_odds_degenerate_inputs():
    assert log_odds({"a": Counter()}, {}, 0) == {"a": []}
    assert log_odds({"a": Counter(), "b": Counter()}, {}, 0) == {"a": [], "b": []}
    scores = log_odds({"a": Counter({"w": 1}), "b": Counter({"w": 1})}, {"w": 5}, 5)
    assert all(math.isfinite(s.z) for s in scores["a"])
    three = log_odds({1: Counter({"a": 2}), 2: Counter({"b": 2}), 3: Counter({"c": 2})}, {}, 0)
    assert [s.term for s in three[1]] == ["a"] and three[1][0].z > 0


def test_tokens_match_fts5_unicode61():
    texts = [
        "Russia's Foreign Minister Sergey Lavrov",
        "Ürgen Müller-Lüdenscheidt said: «no» — 2022/23!",
        "naïve café déjà-vu CO2 U.S. e-mail",
        "Élisabeth TRUSS, ΑΘΗΝΑ and Москва",
    ]
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(text)")
    conn.executemany("insert into t(text) values (?)", [[t] for t in texts])
    conn.execute("create virtual table v using fts5vocab(t, 'row')")
    fts = dict(conn.execute("select term, cnt from v").fetchall())
    ours = Counter(tok for text in texts for tok in tokens(text))
    assert ours == Counter(fts)


def test_count_terms_skips_function_words_and_numbers():
    assert count_terms(["We will not accept the ultimatum of 2022, said Mr X."]) == Counter(
        {"accept": 1, "ultimatum": 1}
    )


def test_varints():
    assert background._varints(b"\x0cb") == [12, 98]
    assert background._varints(bytes([0x81, 0x00, 0x05])) == [128, 5]


async def _prior(path, terms):
    ds = make_datasette(str(path), metadata={})
    name = next(iter(ds.databases.keys() - {"_memory", "_internal"}))
    return await background.background_counts(ds, name, terms)


@pytest.mark.asyncio
async def test_background_from_fts_equals_a_full_scan(fixture_db_path, tmp_path):
    terms = {"sanctions", "troops", "ultimatums", "pipeline", "nonexistentword"}
    fts = await _prior(fixture_db_path, terms)
    assert fts["source"] == "fts"
    dirty = tmp_path / "dirty.db"
    shutil.copy(fixture_db_path, dirty)
    db = sqlite_utils.Database(dirty)
    db["diplomacy_state"].upsert({"key": "fts_dirty", "value": "1"}, pk="key")
    db.conn.commit()
    scan = await _prior(dirty, terms)
    assert scan["source"] == "scan"
    assert fts["counts"] == scan["counts"]
    assert "nonexistentword" not in fts["counts"]
    # The index's total counts stop words too; the scan's only content words.
    assert 0 < scan["total"] < fts["total"]


@pytest.mark.asyncio
async def test_background_falls_back_for_stemming_tokenizer(fixture_db_path, tmp_path):
    stemmed = tmp_path / "stemmed.db"
    shutil.copy(fixture_db_path, stemmed)
    db = sqlite_utils.Database(stemmed)
    db["quotes"].disable_fts()
    db["quotes"].enable_fts(["text"], tokenize="porter")
    result = await _prior(stemmed, {"sanctions"})
    assert result["source"] == "scan"
    assert result["counts"]["sanctions"] == 4


@pytest.mark.asyncio
async def test_background_stale_index_falls_back(fixture_db_path, tmp_path):
    stale = tmp_path / "stale.db"
    shutil.copy(fixture_db_path, stale)
    db = sqlite_utils.Database(stale)
    for trigger in db.triggers:
        if trigger.table == "quotes":
            db.execute(f"drop trigger [{trigger.name}]")
    db["quotes"].insert({"id": 100, "article_id": 1, "text": "sanctions sanctions"})
    db.conn.commit()
    result = await _prior(stale, {"sanctions"})
    assert result["source"] == "scan"
    assert result["counts"]["sanctions"] == 6


def test_reader_places_relocates_and_reports_missing():
    body = "Alpha said hello there.\n\nBeta replied no way."
    quotes = [
        {"id": 1, "start": 11, "end": 22, "text": "hello there", "speaker_id": 1},
        {"id": 2, "start": 0, "end": 3, "text": "no way", "speaker_id": 2},  # wrong offsets
        {"id": 3, "start": 5, "end": 9, "text": "not in the body", "speaker_id": 2},
    ]
    placed, missing = place_quotes(body, quotes)
    assert [(p.id, p.start, p.end, p.relocated) for p in placed] == [
        (1, 11, 22, False), (2, 38, 44, True)]
    assert [m["id"] for m in missing] == [3]
    rows = pieces(body, placed)
    assert len(rows) == 2
    assert [(body[a:b], q.id if q else None) for a, b, q in rows[1]] == [
        ("Beta replied ", None), ("no way", 2), (".", None)]


def test_reader_quote_across_paragraphs_and_full_cover():
    body = "One two three.\n\nFour five six."
    quotes = [
        {"id": 1, "start": 4, "end": 20, "text": body[4:20], "speaker_id": 1},
        {"id": 2, "start": 4, "end": 13, "text": body[4:13], "speaker_id": 2},
        {"id": 3, "start": 4, "end": 13, "text": body[4:13], "speaker_id": 3},
    ]
    placed, _ = place_quotes(body, quotes)
    html = render_paragraphs(body, placed, lambda sid: f"/s/{sid}")
    joined = "".join(html)
    for quote_id in (1, 2, 3):
        assert joined.count(f'id="quote-{quote_id}"') == 1
    # Quote 1 continues into the second paragraph without a second anchor.
    assert 'data-quote-id="1"' in html[1] and 'id="quote-1"' not in html[1]


def test_reader_escapes_text_and_attributes():
    body = 'He said "<b>bold</b>" & left.'
    quotes = [{"id": 1, "start": 9, "end": 20, "text": "<b>bold</b>", "speaker_id": 7,
               "speaker": 'Evil "name" <x>', "kind": "direct", "cue": "said"}]
    placed, _ = place_quotes(body, quotes)
    html = render_paragraphs(body, placed, lambda sid: f"/s/{sid}?a=1&b=2")[0]
    assert "<b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&amp; left" in html
    assert 'title="Evil &#34;name&#34; &lt;x&gt; — direct quote (said)"' in html
    assert 'href="/s/7?a=1&amp;b=2"' in html


def test_colours_are_stable_and_distinct():
    assert speaker_colour(3) == speaker_colour(3)
    hues = [speaker_colour(i)["hue"] for i in range(1, 9)]
    assert len(set(hues)) == 8
    assert min(abs(a - b) for a, b in zip(hues, hues[1:])) > 20
    assert speaker_colour(None)["background"].startswith("hsl(0, 0%")


def test_timeline_svg_escapes_and_buckets():
    speakers = [{"id": 1, "name": "<script>x</script>", "colour": "red"},
                {"id": 2, "name": "B & C", "colour": "blue"}]
    timeline = [
        {"date": "2022-02-10", "speakers": [{"speaker_id": 1, "quotes": 2}, {"speaker_id": 2, "quotes": 1}]},
        {"date": "2022-02-12", "speakers": [{"speaker_id": 1, "quotes": 0}, {"speaker_id": 2, "quotes": 3}]},
    ]
    svg = str(timeline_svg(timeline, speakers))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<script>" not in svg and "&lt;script&gt;x&lt;/script&gt;: 2 quotes" in svg
    assert "B &amp; C: 3 quotes" in svg
    assert svg.count("<rect") == 3
    long = [{"date": "2020-01-01", "speakers": [{"speaker_id": 1, "quotes": 1}]},
            {"date": "2022-06-30", "speakers": [{"speaker_id": 1, "quotes": 1}]}]
    assert "Quotes per week" in str(timeline_svg(long, speakers[:1]))
    longer = [{"date": "2010-01-01", "speakers": [{"speaker_id": 1, "quotes": 1}]},
              {"date": "2022-06-30", "speakers": [{"speaker_id": 1, "quotes": 1}]}]
    assert "Quotes per month" in str(timeline_svg(longer, speakers[:1]))
    assert str(timeline_svg([], speakers)) == ""
    assert str(timeline_svg([{"date": "someday", "speakers": []}], speakers)) == ""


@pytest.mark.asyncio
async def test_background_cache_warm_gives_the_same_counts(fixture_db_path, tmp_path):
    path = tmp_path / "diplomacy.db"
    shutil.copy(fixture_db_path, path)
    ds = make_datasette(str(path), metadata={})
    terms = {"sanctions", "troops", "ultimatums", "absentword"}
    db = ds.get_database("diplomacy")
    background._cache.pop(background.state_key(db), None)
    lazy = await background.background_counts(ds, "diplomacy", terms)
    assert not background._cache[background.state_key(db)].complete
    background.warm(db)
    prior = background._cache[background.state_key(db)]
    assert prior.complete and "the" not in prior.counts
    warmed = await background.background_counts(ds, "diplomacy", terms)
    assert warmed == lazy
    # A write gives a new state: the cache for the old one is not used.
    sqlite_utils.Database(path)["quotes"].insert(
        {"id": 200, "article_id": 1, "text": "troops troops troops"})
    changed = await background.background_counts(ds, "diplomacy", terms)
    assert changed["counts"]["troops"] == lazy["counts"]["troops"] + 3
