"""Attributions in the headline: "…, Lavrov says", "Truss: …", "Poll: …".

A headline's quote is stored with ``in_title = 1`` and offsets into the title; its
speaker is the body's person ("Lavrov" in the title is the body's "Sergey Lavrov").
A colon label speaks only when the body quotes it: headlines use the colon for rubrics
too ("Analysis:", "Revealed:"). All texts here are written for these tests.
"""
from __future__ import annotations

import json
import re

import pytest
import sqlite_utils

from conftest import make_datasette
from datasette_diplomacy.loader import load
from datasette_diplomacy.model import Document
from datasette_diplomacy.pipeline import extract_document

BODY = (
    "MOSCOW — Russian Foreign Minister Sergey Lavrov said on Thursday that his talks with "
    "British Foreign Secretary Liz Truss had achieved nothing.\n\n"
    "“We are disappointed,” Lavrov told reporters. “Russia must pull back,” Truss said."
)


def extract(title: str, body: str = BODY, fmt: str = "json"):
    ex = extract_document(Document(source="x.json", name="x", text=body, title=title, format=fmt))
    names = {s.id: s.name for s in ex.speakers}
    return ex, [(q.text, names.get(q.speaker), q.kind, q.cue) for q in ex.quotes if q.in_title]


def test_a_reporting_verb_in_the_headline_names_the_body_speaker():
    ex, found = extract("Talks with Truss were fruitless, Lavrov says")
    assert found == [("Talks with Truss were fruitless", "Sergey Lavrov", "indirect", "says")]
    quote = next(q for q in ex.quotes if q.in_title)
    assert ex.article.title[quote.start:quote.end] == quote.text
    assert quote.paragraph is None
    # the headline's quote comes first, then the body's in order
    assert ex.quotes[0] is quote


@pytest.mark.parametrize("title, speaker", [
    # a headline's role with the body it heads is the one the story names by that role
    ("UN chief calls for an immediate ceasefire in Sudan", "Ana Costa"),
    # (not the head of another body)
    ("NATO chief calls for an immediate ceasefire in Sudan", "NATO chief"),
])
def test_a_headline_role_is_the_body_person_who_holds_it(title, speaker):
    body = "UN Secretary-General Ana Costa on Thursday called for a ceasefire in Sudan, warning of famine."
    _, found = extract(title, body)
    assert [f[1] for f in found] == [speaker]


def test_a_colon_label_quoted_in_the_body_speaks_the_rest_of_the_headline():
    _, found = extract("Truss: Russia Must ‘Pull Back’ Its Troops From the Border")
    assert found == [("Russia Must ‘Pull Back’ Its Troops From the Border", "Liz Truss", "indirect", ":")]


def test_a_headline_quotation_after_a_label_is_direct():
    _, found = extract("Lavrov: ‘We Are Disappointed’")
    assert found == [("We Are Disappointed", "Sergey Lavrov", "direct", ":")]
    # a quotation followed by more words is reported
    _, found = extract("Lavrov: ‘Disappointed’ by Truss")
    assert found == [("‘Disappointed’ by Truss", "Sergey Lavrov", "indirect", ":")]


def test_a_second_deck_after_a_semicolon_is_not_the_label_s_words():
    _, found = extract("Lavrov: talks achieved nothing; Truss flies home")
    assert found == [("talks achieved nothing", "Sergey Lavrov", "indirect", ":")]


@pytest.mark.parametrize("title, quotation", [
    ("Lavrov: “We are disappointed” – Truss flies home", "We are disappointed"),
    ("Lavrov: „Wir sind enttäuscht“ – Truss fliegt heim", "Wir sind enttäuscht"),
    ("Lavrov: «Nous sommes déçus» - Truss rentre", "Nous sommes déçus"),
])
def test_a_second_deck_after_a_dash_ends_the_label_s_quotation(title, quotation):
    _, found = extract(title)
    assert found == [(quotation, "Sergey Lavrov", "direct", ":")]


@pytest.mark.parametrize("title", [
    "Analysis: what the Moscow talks mean for Europe",
    "Revealed: The Memo Truss Took to Moscow",
    # Baerbock is named in the body but not quoted there
    "Baerbock: Europe must stand together",
    # a label and a question ask about the person
    "Lavrov: diplomat or propagandist?",
])
def test_labels_that_are_rubrics_or_silent_people_are_not_speakers(title):
    body = BODY + "\n\nGermany's Annalena Baerbock is due in Moscow next week."
    assert extract(title, body)[1] == []


def test_a_poll_label_is_the_poll_the_body_reports():
    body = "A YouGov poll found on Monday that 60 percent of Britons support sanctions."
    _, found = extract("Poll: Most Britons Back Sanctions on Russia", body)
    assert found == [("Most Britons Back Sanctions on Russia", "a YouGov poll", "indirect", ":")]


def test_a_headline_without_attribution_gives_nothing():
    assert extract("Lavrov and Truss meet in Moscow")[1] == []


def test_a_text_file_s_first_line_is_its_title():
    text = "Lavrov: talks with Truss achieved nothing\n\n" + BODY
    ex = extract_document(Document(source="x.txt", name="x", text=text, format="txt"))
    assert ex.article.title == "Lavrov: talks with Truss achieved nothing"
    assert [q.text for q in ex.quotes if q.in_title] == ["talks with Truss achieved nothing"]


def test_a_title_repeated_as_the_first_line_is_read_once_in_the_body():
    """A first line that is a sentence stays in the body and gives the title: the
    headline's quotes are body quotes there, and never twice."""
    text = "Lavrov: talks with Truss achieved nothing.\n\n" + BODY
    ex = extract_document(Document(source="x.txt", name="x", text=text, format="txt"))
    assert not any(q.in_title for q in ex.quotes)
    names = {s.id: s.name for s in ex.speakers}
    first = [(q.text, names.get(q.speaker), q.paragraph) for q in ex.quotes if q.start < text.index("\n")]
    assert first == [("talks with Truss achieved nothing", "Sergey Lavrov", 0)]
    assert all(ex.article.body[q.start:q.end] == q.text for q in ex.quotes)

    text = "Talks with Truss were fruitless, Lavrov says.\n\n" + BODY
    ex = extract_document(Document(source="x.txt", name="x", text=text, format="txt"))
    assert [q.text for q in ex.quotes].count("Talks with Truss were fruitless") == 1


def test_transcript_titles_are_not_read_as_headlines():
    text = "MR. LAVROV: Good afternoon. We are disappointed.\n\nQ: Minister, what now?\n\nMR. LAVROV: We will see."
    ex = extract_document(Document(source="x.json", name="x", text=text, format="json",
                                   title="Lavrov: we will see", kind="transcript"))
    assert ex.quotes and not any(q.in_title for q in ex.quotes)


@pytest.fixture
def headline_db(tmp_path):
    records = [{"id": "lavrov-1", "title": "Talks with <b>Truss</b> were fruitless, Lavrov says",
                "date": "2022-02-10", "text": BODY}]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    db_path = tmp_path / "news.db"
    summary = load(db_path, [path], workers=1)
    assert summary.errors == []
    return db_path


def test_the_store_keeps_headline_quotes_with_title_offsets(headline_db):
    db = sqlite_utils.Database(headline_db)
    rows = list(db.query(
        "select q.text, q.in_title, q.paragraph, q.start, q.\"end\", a.title, s.name "
        "from quotes q join articles a on a.id = q.article_id left join speakers s on s.id = q.speaker_id "
        "where q.in_title = 1"))
    assert len(rows) == 1
    row = rows[0]
    assert row["title"][row["start"]:row["end"]] == row["text"] == "Talks with <b>Truss</b> were fruitless"
    assert (row["paragraph"], row["name"]) == (None, "Sergey Lavrov")
    assert db["quotes_view"].count_where("in_title = 1") == 1
    assert db.execute("select count(*) from quotes where in_title = 0").fetchone()[0] >= 3


@pytest.mark.asyncio
async def test_the_reader_highlights_the_headline_quote_escaped(headline_db):
    ds = make_datasette(str(headline_db))
    html = (await ds.client.get("/-/diplomacy/article/1")).text
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert 'class="dq-quote dq-kind-indirect"' in h1
    assert "Talks with &lt;b&gt;Truss&lt;/b&gt; were fruitless</a>, Lavrov says" in h1
    assert "<b>" not in h1
    quote_id = re.search(r'data-quote-id="(\d+)"', h1).group(1)
    assert f'id="quote-{quote_id}"' in h1


@pytest.mark.asyncio
async def test_the_reader_serves_a_database_from_before_headlines(headline_db):
    """A database loaded before ``in_title`` existed has no such column until its next load."""
    db = sqlite_utils.Database(headline_db)
    for name in [v for v in db.view_names()]:
        db[name].drop()
    db.execute("drop trigger if exists quotes_ai")
    db["quotes"].transform(drop={"in_title"})
    assert "in_title" not in db["quotes"].columns_dict
    ds = make_datasette(str(headline_db))
    response = await ds.client.get("/-/diplomacy/article/1")
    assert response.status_code == 200
    assert "Talks with" in response.text


@pytest.mark.parametrize("title, expected", [
    ("Lavrov Says Talks With Truss Achieved Nothing", ("Talks With Truss Achieved Nothing", "Sergey Lavrov", "says")),
    ("Truss Warns Russia Against An Invasion Of Ukraine", ("Against An Invasion Of Ukraine", "Liz Truss", "warns")),
])
def test_a_title_case_headline_reports_with_its_capitalised_verb(title, expected):
    _, found = extract(title)
    assert [(text, name, cue) for text, name, _, cue in found] == [expected]


def test_a_capitalised_verb_that_is_part_of_a_name_stays_a_name_and_function_words_are_lowered():
    from datasette_diplomacy.extract.quotes import lowered_verbs

    assert lowered_verbs("United States Says Talks Will Go On") == "United States says Talks will Go on"
    assert lowered_verbs("Lavrov says talks with Truss achieved nothing") == "Lavrov says talks with Truss achieved nothing"


def test_warns_against_keeps_against():
    ex, _ = extract(None, "Officials met.\n\nPresident Ann Lee warned lawmakers against shutting down the government.")
    assert [q.text for q in ex.quotes] == ["against shutting down the government"]


@pytest.mark.parametrize("title, source", [
    ("Russia, Britain agree to keep talking", "Russia, Britain"),
    ("Lavrov, Truss agree to keep talking", "Lavrov, Truss"),
])
def test_a_headline_s_comma_list_is_one_group(title, source):
    _, found = extract(title)
    assert found == [("to keep talking", source, "indirect", "agree")]


def test_a_headline_s_comma_before_an_aside_is_no_list():
    _, found = extract("Lavrov, in Moscow, says the talks failed")
    assert [speaker for _, speaker, _, _ in found] == ["Sergey Lavrov"]
