"""Cleaning: the body keeps the story's paragraphs and nothing else; metadata is found.

The five seeds are real pages with their noise; the other inputs are small
texts written in the styles of other outlets, so that no rule fits one seed only.
"""
import re
from pathlib import Path

import pytest

from datasette_diplomacy.ingest.clean import clean_document, is_chrome_line, is_title_line
from datasette_diplomacy.ingest.readers import iter_documents
from datasette_diplomacy.model import Article, Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {doc.name[:3]: clean_document(doc) for doc in iter_documents([str(SEEDS)])}


def clean_text(text: str, **metadata) -> Article:
    return clean_document(Document(source="test.txt", name="test", text=text, format="txt", **metadata))


# --- the seeds -------------------------------------------------------------


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_bodies_hold_no_page_noise(seeds, seed):
    body = seeds[seed].body
    for noise in ("bookmark-bicon", "icon fm", "Copyright", "All rights reserved", "(EPA Photo)",
                  "A handout photo", "17:16", "210-10-02-2022"):
        assert noise not in body
    assert not re.search("[\u0400-\u04ff]", body), "no Cyrillic footer"
    assert body == body.strip() and "\n\n\n" not in body


def test_seed_000_title_line_and_caption_leave_the_body(seeds):
    article = seeds["000"]
    assert article.title == "Meeting with UK's Truss was fruitless, Russia's Lavrov says"
    assert article.body.startswith("Russian Foreign Minister Sergey Lavrov in a blunt statement on Thursday")
    assert article.date == "2022-02-10"  # from the caption: "... in Moscow, Russia, Feb. 10, 2022. (EPA Photo)"
    assert article.outlet == "Daily Sabah"  # the sidecar; EPA is the photo agency
    assert article.kind == "article"


def test_seed_001_chrome_date_line_and_repeated_title(seeds):
    article = seeds["001"]
    assert article.title == "Russia's Lavrov unhappy after talks with UK's Truss"
    assert article.date == "2022-02-10T11:40:00"  # "10 Feb, 2022 11:40"
    assert "Russia's Lavrov unhappy" not in article.body  # the title and its repeat after the standfirst
    assert article.body.startswith("Moscow’s top diplomat hit out")  # the standfirst stays
    assert article.outlet == "RT"


def test_seed_002_has_no_title_line_so_one_is_made(seeds):
    article = seeds["002"]
    assert article.title == "Russian Foreign Minister Sergey Lavrov said on Thursday the talks with British Foreign Secretary…"
    assert article.body.startswith("Russian Foreign Minister Sergey Lavrov said on Thursday")  # nothing removed
    assert article.date == "2022-02-10"  # from the sidecar
    assert article.outlet == "Anadolu Agency"  # from the copyright line that cleaning removed
    assert article.body.endswith("Truss added.")


def test_seed_003_transcript_header_and_foreign_footer(seeds):
    article = seeds["003"]
    assert article.title.startswith("Foreign Minister Sergey Lavrov’s statement and answers to media questions")
    assert article.date == "2022-02-10"
    assert article.dateline == "Moscow"  # the title ends ", Moscow, February 10, 2022"
    assert article.kind == "transcript"
    assert article.outlet == "Russian Ministry of Foreign Affairs"
    assert article.body.startswith("Ladies and gentlemen, good afternoon.")
    assert article.body.endswith("ahead of electoral adventures.")


def test_seed_004_dateline_gives_place_date_and_outlet(seeds):
    article = seeds["004"]
    assert article.date == "2022-02-13"
    assert article.dateline == "Moscow"
    assert article.outlet == "The Diplomatic Insight"  # "(TDI)", expanded from the documented table
    assert article.title.startswith("Russian Foreign Minister, Sergey Lavrov, met with the UK Foreign Secretary")
    assert article.body.startswith("Moscow, 13 February 2022 (TDI): Russian Foreign Minister")  # kept in the body


def test_seed_paragraphs_are_kept_as_they_were(seeds):
    source = (SEEDS / "004_29a750cc80d44296.txt").read_text(encoding="utf-8")
    assert seeds["004"].body == source.strip()  # nothing to remove: the body is the text

    source = (SEEDS / "003_9e8e457793dc7867.txt").read_text(encoding="utf-8")
    # only trailing spaces go, and no-break spaces become spaces
    source = "\n".join(line.rstrip() for line in source.replace("\u00a0", " ").split("\n"))
    source_paragraphs = [p.strip() for p in source.split("\n\n") if p.strip()]
    body_paragraphs = seeds["003"].body.split("\n\n")
    # time, title and document number go from the top, the Russian gallery footer from the end
    assert body_paragraphs == source_paragraphs[3 : 3 + len(body_paragraphs)]
    assert source_paragraphs[3 + len(body_paragraphs)] == "Дополнительные материалы"


def test_content_hash_covers_text_and_given_metadata():
    doc = Document(source="a.txt", name="a", text="Lavrov spoke.", format="txt")
    first = clean_document(doc).content_hash
    assert re.fullmatch("[0-9a-f]{64}", first)
    doc.outlet = "RT"
    assert clean_document(doc).content_hash != first


# --- other outlets' styles -------------------------------------------------


REUTERS = """Russia's Lavrov says talks with UK's Truss were like 'deaf and dumb'
By Andrew Osborn and Guy Faulconbridge

4 minute read

FILE PHOTO: Russian Foreign Minister Sergei Lavrov attends a news conference in Moscow, Russia February 10, 2022. REUTERS/Maxim Shemetov/File Photo

MOSCOW, Feb 10 (Reuters) - Russian Foreign Minister Sergei Lavrov said on Thursday that talks with
his British counterpart Liz Truss had been like a conversation between "the mute and the deaf".

"We are disappointed," Lavrov told a joint news conference.

Related Coverage

Truss said she had urged Russia to pull back its troops.

(Reporting by Andrew Osborn; Editing by Mark Trevelyan)
Our Standards: The Thomson Reuters Trust Principles.
"""


def test_reuters_style_story():
    article = clean_text(REUTERS)
    assert article.title == "Russia's Lavrov says talks with UK's Truss were like 'deaf and dumb'"
    assert article.dateline == "Moscow"
    assert article.outlet == "Reuters"
    assert article.date == "2022-02-10"  # "Feb 10" has no year: the caption's full date is used
    assert article.body.split("\n\n") == [
        "MOSCOW, Feb 10 (Reuters) - Russian Foreign Minister Sergei Lavrov said on Thursday that talks with\n"
        "his British counterpart Liz Truss had been like a conversation between \"the mute and the deaf\".",
        "\"We are disappointed,\" Lavrov told a joint news conference.",
        "Truss said she had urged Russia to pull back its troops.",
    ]


AP_STORY = """KYIV, Ukraine (AP) — Ukraine's president urged calm on Friday.

“We don't need this panic,” Volodymyr Zelenskyy told foreign journalists.

(AP Photo/Efrem Lukatsky)

Copyright 2022 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
"""


def test_ap_style_story_copyright_beats_the_dateline_tag():
    article = clean_text(AP_STORY)
    assert article.dateline == "Kyiv"
    assert article.outlet == "The Associated Press"  # the copyright line names the outlet in full
    assert "Copyright" not in article.body and "AP Photo" not in article.body
    assert article.body.endswith("told foreign journalists.")


def test_given_metadata_wins_over_text_evidence():
    article = clean_text(AP_STORY, outlet="Daily Example", date="2022-02-11", kind="transcript", title="Given")
    assert (article.outlet, article.date, article.kind, article.title) == (
        "Daily Example", "2022-02-11", "transcript", "Given")


def test_page_chrome_banners_and_captions_are_removed():
    text = """Home | World | Politics | Search | Menu
Share on Facebook Share on Twitter Email
Lavrov and Truss clash in Moscow

We use cookies to improve your experience. By continuing to browse this site you agree to our cookie policy.

Russian Foreign Minister Sergei Lavrov met Liz Truss in Moscow on Thursday, and the two clashed over Ukraine.

Lavrov (R) and Truss (L) at the talks. Photo: Getty Images

Read more: Macron meets Putin

"We are disappointed," Lavrov said after the meeting.

Advertisement

Truss said Russia had to choose diplomacy. (Photo by Jane Doe/AFP)

Subscribe to our newsletter for daily updates
"""
    article = clean_text(text)
    assert article.title == "Lavrov and Truss clash in Moscow"
    assert article.body.split("\n\n") == [
        "Russian Foreign Minister Sergei Lavrov met Liz Truss in Moscow on Thursday, and the two clashed over Ukraine.",
        "\"We are disappointed,\" Lavrov said after the meeting.",
    ]


def test_hard_wrapped_transcript_keeps_its_lines():
    text = """South Lawn

9:30 A.M. EDT

Q    Mr. President, can the country afford the port strike?  Can the
country afford these ships to stay off?

THE PRESIDENT:  I think we’re making progress on that.

Q    Good afternoon.

Q    Good afternoon.

9:45 A.M. EDT
###
"""
    article = clean_text(text, title="Remarks by President Biden Before Marine One Departure")
    assert article.kind == "transcript"  # the title says "Remarks by"
    assert "9:30" not in article.body and "9:45" not in article.body and "###" not in article.body
    assert "can the country afford the port strike?  Can the\ncountry afford" in article.body
    assert article.body.count("Q    Good afternoon.") == 2  # repeated turns are not a repeated title


def test_markdown_body_loses_its_markup():
    doc = Document(source="x.md", name="x", format="md", title="Statement",
                   text="*South Lawn\nWashington, D.C.*\n\n## Heading\n\n"
                        "The **President** said [today](https://x.example) that snake_case is \\*final\\*.\n\n"
                        "<s>insaulted</s> \\[assaulted\\] officers\n\n\\###\n")
    article = clean_document(doc)
    assert article.body == ("South Lawn\nWashington, D.C.\n\nHeading\n\n"
                            "The President said today that snake_case is *final*.\n\n[assaulted] officers")


def test_a_markdown_link_over_a_line_break_loses_its_markup():
    doc = Document(source="x.md", name="x", format="md", title="Notice",
                   text="The notice appears in the [Federal\n    Register](https://x.example/a) on Friday.\n")
    assert clean_document(doc).body == "The notice appears in the Federal\n    Register on Friday."


def test_transcript_header_names_the_institution():
    text = """Ministry of Foreign Affairs of the Russian Federation

Foreign Minister Sergey Lavrov’s remarks and answers to media questions, Geneva, January 21, 2022

Sergey Lavrov: Good afternoon. We have held talks with the Secretary of State.

Question: What did you agree on?

Sergey Lavrov: We agreed to continue the dialogue.
"""
    article = clean_text(text)
    assert article.outlet == "Ministry of Foreign Affairs of the Russian Federation"
    assert (article.kind, article.dateline, article.date) == ("transcript", "Geneva", "2022-01-21")
    assert article.body.startswith("Sergey Lavrov: Good afternoon.")


def test_lines_without_blank_lines_are_paragraphs():
    text = ("Trump Says He Will Win.\nDonald Trump said on Wednesday that he would win.\n"
            "\u201cWe will win,\u201d he said.\nRead the rest here.\n")
    article = clean_text(text)
    assert article.title == "Trump Says He Will Win."  # Title Case, although it ends with a period
    assert article.body == "Donald Trump said on Wednesday that he would win.\n\u201cWe will win,\u201d he said."


def test_the_first_line_of_a_wrapped_paragraph_is_not_a_title():
    text = ("Russian Foreign Minister Sergey Lavrov said on Thursday that the talks with\n"
            "British Foreign Secretary Liz Truss had been like a conversation between\n"
            "a mute and a deaf person.\n\nTruss disagreed.\n")
    article = clean_text(text)
    assert article.body.startswith("Russian Foreign Minister Sergey Lavrov said on Thursday that the talks with\n")
    assert article.title.startswith("Russian Foreign Minister Sergey Lavrov said on Thursday")


def test_no_breaking_and_invisible_spaces_are_normalised():
    article = clean_text("Lavrov\u00a0said it.\u200b \n\nTruss\u00adreplied.   \n")
    assert article.body == "Lavrov said it.\n\nTrussreplied."


# --- the rules one by one --------------------------------------------------


@pytest.mark.parametrize(
    "line, chrome",
    [
        ("icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon", True),
        ("Share Tweet Email", True),
        ("Menu", True),
        ("Up, down and back again", False),  # UI-ish words but no unmistakable one
        ("Silicon", False),
        ("Lavrov shared his view on Twitter and Facebook with the press.", False),
    ],
)
def test_chrome_lines(line, chrome):
    assert is_chrome_line(line) is chrome


@pytest.mark.parametrize(
    "line, title",
    [
        ("Meeting with UK's Truss was fruitless, Russia's Lavrov says", True),
        ("Private Meeting Between Clinton, Warren Prompts VP Speculation.", True),
        ("Russian Foreign Minister Sergey Lavrov said on Thursday the talks were difficult.", False),
        ("Moscow, 13 February 2022 (TDI): Russian Foreign Minister met the UK Foreign Secretary", False),
        ("Sergey Lavrov:", False),
    ],
)
def test_title_lines(line, title):
    assert is_title_line(line) is title


@pytest.mark.parametrize("text", [
    "", "plain", 'a "quoted" word\\n and a back\\\\slash\nnew line', "tab\there", "cr\rhere",
    "\x00\x01\x1f\x7f", "’é中🚨\u2028\u2029", "a\ud800b",  # a lone surrogate: the same error as before
])
@pytest.mark.parametrize("title", [None, "A title", 'With "quotes"'])
def test_content_hash_is_the_sha256_of_the_json_of_text_and_metadata(text, title):
    import hashlib
    import json

    from datasette_diplomacy.ingest.clean import content_hash

    doc = Document(source="s", name="n", text=text, format="md", title=title, date="2022-02-10",
                   outlet=None, url="https://example.org/?a=\"b\"", kind=None)
    given = [doc.text, doc.title, doc.date, doc.outlet, doc.url, doc.kind]
    try:
        expected = hashlib.sha256(json.dumps(given, ensure_ascii=False).encode("utf-8")).hexdigest()
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            content_hash(doc)
    else:
        assert content_hash(doc) == expected


def test_unless_escaped_group_reference_is_what_expand_gives():
    """_unless_escaped(r"\\1") returns the group's text without match.expand: the same string, "" for a
    group that did not match; other templates still go through expand."""
    from datasette_diplomacy.ingest.markup import _unless_escaped

    pattern = re.compile(r"\[(\w*)\](?:\((\d+)\))?")
    text = "[a](1) \\[b](2) [](3) [c] x[d](4)"
    for template in (r"\1", r"\2", r"<\1|\2>", ""):
        fast = pattern.sub(_unless_escaped(template), text)
        plain = pattern.sub(lambda m: m.group(0) if m.start() and text[m.start() - 1] == "\\" else m.expand(template), text)
        assert fast == plain, template
    assert pattern.sub(_unless_escaped(r"\2"), "[c] [d](7)") == " 7"


def test_emphasis_second_pass_skipped_only_when_it_changes_nothing():
    """markdown_to_text stops after one emphasis pass when it left the text unchanged or without * and _: the
    result is that of two passes (nested emphasis still needs the second)."""
    from datasette_diplomacy.ingest import markup

    def two_passes(text):
        for _ in range(2):
            text = markup._STRONG.sub(markup._unless_escaped(r"\2", word_boundary=True), text)
        return text

    for text in ["***bold italic***", "**_x_**", "_**y**_", "**a** and *b*", "snake_case_name", "\\*not\\*",
                 "a * b * c", "__init__ *", "**open", "*one*\n*two*", "x_*y*_z", "**a _b_ c**"]:
        stripped = markup._STRONG.sub(markup._unless_escaped(r"\2", word_boundary=True), text)
        if stripped == text or ("*" not in stripped and "_" not in stripped):
            assert two_passes(text) == stripped, text
    assert [markup.markdown_to_text(t) for t in ("***bold italic***", "**a _b_ c**", "**_x_** y")] == [
        "bold italic", "a b c", "_x_ y"]  # (what the two passes always gave)
