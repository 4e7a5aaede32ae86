"""Metadata found in text: dates (dateparser on candidates only), datelines, outlets, kinds, titles."""
import pytest

from datasette_diplomacy.ingest.metadata import (
    dateline_from_title,
    expand_outlet,
    find_date,
    find_dateline,
    find_outlet_in_copyright,
    guess_kind,
    is_date_line,
    make_title,
    parse_date,
)


@pytest.mark.parametrize(
    "value, iso",
    [
        ("10 Feb, 2022 11:40", "2022-02-10T11:40:00"),
        ("Feb. 10, 2022", "2022-02-10"),
        ("February 10, 2022", "2022-02-10"),
        ("13 February 2022", "2022-02-13"),
        ("2022-02-10", "2022-02-10"),
        ("2024-10-03 11:06:40-04:00", "2024-10-03T11:06:40"),  # local time kept, offset dropped
        ("2022-02-10T08:40:00Z", "2022-02-10T08:40:00"),
        ("10.02.2022", "2022-02-10"),  # dotted dates are day first
        ("Sept. 5, 2016", "2016-09-05"),
        ("Feb 10", None),  # no year: not a full date
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


def test_find_date_prefers_a_date_line_over_a_date_in_the_text():
    text = "Lavrov meets Truss\nOn February 24, 2014, things changed.\nUpdated: Feb. 10, 2022 | 11:40 GMT\n\nBody."
    assert find_date(text) == "2022-02-10T11:40:00"


def test_find_date_looks_only_at_the_top():
    assert find_date("Title\n" + "A line of text.\n" * 30 + "February 10, 2022\n") is None


@pytest.mark.parametrize(
    "line, answer",
    [("10 Feb, 2022 11:40", True), ("Published: February 10, 2022", True), ("(June 14, 2021)", True),
     ("Friday, June 10, 2016.", True), ("Lavrov spoke on February 10, 2022.", False), ("17:16", False)],
)
def test_date_lines(line, answer):
    assert is_date_line(line) is answer


@pytest.mark.parametrize(
    "paragraph, place, tag",
    [
        ("MOSCOW (Reuters) - Russia's foreign minister said on Thursday", "Moscow", "Reuters"),
        ("WASHINGTON, Feb 10 (Reuters) — U.S. officials said the talks", "Washington", "Reuters"),
        ("Moscow, 13 February 2022 (TDI): Russian Foreign Minister met", "Moscow", "TDI"),
        ("KYIV, Ukraine (AP) — Ukraine's president urged calm", "Kyiv", "AP"),
        ("UNITED NATIONS — The U.N. chief said on Friday", "United Nations", None),
        ("BEIJING, Feb. 10 (Xinhua) -- Chinese Foreign Ministry spokesperson said", "Beijing", "Xinhua"),
        ("MOSCOW, February 10. /TASS/. Russian Foreign Minister Sergey Lavrov said", "Moscow", "TASS"),
        ("MUNICH, Feb. 18, 2023 (Reuters) - U.S. Secretary of State Antony Blinken warned", "Munich", "Reuters"),
        # Indian and Asian wires write no dash after the tag: a place in capitals and a date or a known wire
        ("VALLETTA, Aug 19 (PTI) Malta and Tunisia on Monday agreed to", "Valletta", "PTI"),
        ("VALLETTA (Yonhap) Malta and Tunisia on Monday agreed to", "Valletta", "Yonhap"),
    ],
)
def test_datelines(paragraph, place, tag):
    dateline = find_dateline(paragraph)
    assert (dateline.place, dateline.tag) == (place, tag)


@pytest.mark.parametrize(
    "paragraph",
    ["THE PRESIDENT: Thank you all very much.", "Lavrov: we are disappointed by the talks",
     "NATIONAL SECURITY MEMORANDUM – 1", "Speaking in Moscow, Lavrov said the talks failed.",
     # a bracket with no dash after it is a dateline only in the wires' form
     "EU (European Union) leaders agreed on Monday to", "Valletta (Malta) said on Monday that",
     "VALLETTA (Malta) Ministers said on Monday that"],
)
def test_not_datelines(paragraph):
    assert find_dateline(paragraph) is None


def test_dateline_from_a_transcript_title():
    title = ("Foreign Minister Sergey Lavrov’s statement and answers to media questions at a joint news "
             "conference following talks with UK Foreign Secretary Elizabeth Truss, Moscow, February 10, 2022")
    assert dateline_from_title(title) == "Moscow"
    assert dateline_from_title("Press Briefing by Press Secretary Jen Psaki, January 20, 2021") is None


def test_outlets():
    assert find_outlet_in_copyright("Body.\n\nCopyright 2022 Anadolu Agency. All rights reserved.") == "Anadolu Agency"
    assert find_outlet_in_copyright("© 2021 The Washington Post") == "The Washington Post"
    assert find_outlet_in_copyright("(c) the Secretary of Defense;") is None  # a list item, not a copyright
    assert expand_outlet("AP") == "Associated Press"
    assert expand_outlet("TDI") == "The Diplomatic Insight"
    assert expand_outlet("Reuters") == "Reuters"  # not in the table: kept as written


@pytest.mark.parametrize(
    "title, body, kind",
    [
        ("Foreign Minister Sergey Lavrov’s statement and answers to media questions", "", "transcript"),
        ("Press Briefing by Press Secretary Jen Psaki", "", "transcript"),
        ("Remarks by President Biden Before Marine One Departure", "", "transcript"),
        ("Lavrov says talks fruitless at news conference", "Lavrov said the talks failed.", "article"),
        ("Lavrov news conference", "Q: Why?\n\nLavrov: Because.\n\nQ: And?\n\nLavrov: No.", "transcript"),
        ("Meeting with UK's Truss was fruitless, Russia's Lavrov says", "", "article"),
    ],
)
def test_kind(title, body, kind):
    assert guess_kind(title, body) == kind


def test_made_title_is_the_first_sentence_cut_at_a_word():
    assert make_title("Lavrov met Truss. They talked.") == "Lavrov met Truss"
    title = make_title("Moscow, 13 February 2022 (TDI): Russian Foreign Minister, Sergey Lavrov, met with the UK "
                       "Foreign Secretary, Liz Truss, to discuss Russia-UK relations.\n\nMore.")
    assert title == "Russian Foreign Minister, Sergey Lavrov, met with the UK Foreign Secretary, Liz Truss, to discuss…"
    assert len(title) <= 100
    assert make_title("Mr. Lavrov met U.S. officials on Feb. 10 in Geneva. Then left.") == \
        "Mr. Lavrov met U.S. officials on Feb. 10 in Geneva"
