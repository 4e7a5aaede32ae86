"""Quote finding: every quotation style, attribution before/after/inherited, indirect speech."""
from __future__ import annotations

import pytest

from datasette_diplomacy.extract.quotes import Layout, find_quotes, split_sentences
from datasette_diplomacy.extract.speakers import SpeakerResolver
from datasette_diplomacy.model import Document
from datasette_diplomacy.pipeline import extract_document
from datasette_diplomacy.text import paragraph_spans


def extract(body: str, title: str | None = None):
    spans = paragraph_spans(body)
    resolver = SpeakerResolver(body, spans, title=title)
    quotes = find_quotes(body, spans, resolver)
    for q in quotes:
        assert body[q.start:q.end] == q.text, q
        assert q.kind in ("direct", "indirect", "position")
        assert 0 <= q.paragraph < len(spans)
        assert spans[q.paragraph][0] <= q.start < q.end <= spans[q.paragraph][1]
    names = {s.id: s.name for s in resolver.speakers()}
    return [(q.kind, q.text, names.get(q.speaker), q.cue) for q in quotes], resolver, quotes


def reports(body: str, kind: str | None = None) -> list[tuple]:
    """(speaker name or None, cue, text) of every quote found in ``body`` (of ``kind`` only, if given)."""
    rows, _, _ = extract(body)
    return [(name, cue, text) for k, text, name, cue in rows if kind is None or k == kind]


def find(rows, fragment):
    hits = [r for r in rows if fragment in r[1]]
    assert hits, f"no quote containing {fragment!r} in {rows}"
    return hits[0]


# ---------------------------------------------------------------- quotation marks


@pytest.mark.parametrize(
    "open_mark, close_mark",
    [
        ("\u201c", "\u201d"),  # “ ”
        ('"', '"'),
        ("\u00ab", "\u00bb"),  # « »
        ("\u201e", "\u201c"),  # „ “
        ("``", "''"),
        ("''", "''"),
    ],
)
def test_every_double_quote_style(open_mark, close_mark):
    body = (
        f"U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Rome on Sunday.\n\n"
        f"{open_mark}We had a candid and productive conversation,{close_mark} Blinken said."
    )
    rows, _, _ = extract(body)
    assert ("direct", "We had a candid and productive conversation", "Antony Blinken", "said") in rows


def test_single_curly_quotes_at_top_level_british_style():
    body = (
        "The Foreign Secretary, Priti Patel, spoke to reporters in Brussels.\n\n"
        "\u2018We will not be intimidated by these threats,\u2019 she said. \u2018Britain stands with its allies.\u2019"
    )
    rows, _, _ = extract(body)
    a = find(rows, "We will not be intimidated")
    b = find(rows, "Britain stands with its allies")
    assert a[0] == b[0] == "direct"
    assert a[2] == b[2] == "Priti Patel"


def test_nested_single_quotes_stay_inside_and_apostrophes_are_not_quotes():
    body = (
        "Russia\u2019s foreign minister, Sergey Lavrov, was scathing.\n\n"
        "\u201cThe West will say that \u2018the West forced Russia to de-escalation\u2019 and claim a victory,\u201d "
        "Lavrov said."
    )
    rows, _, _ = extract(body)
    kind, text, speaker, _ = find(rows, "The West will say")
    assert kind == "direct"
    assert "\u2018the West forced Russia to de-escalation\u2019 and claim a victory" in text
    assert speaker == "Sergey Lavrov"


# ---------------------------------------------------------------- attribution positions


def test_quote_split_by_attribution_gives_two_quotes_same_speaker():
    body = (
        "Chinese Foreign Minister Wang Yi said Beijing wanted calm.\n\n"
        "\u201cWe oppose any unilateral action,\u201d he said. \u201cDialogue is the only way forward.\u201d"
    )
    rows, _, _ = extract(body)
    a = find(rows, "We oppose any unilateral action")
    b = find(rows, "Dialogue is the only way forward")
    assert a[2] == b[2] == "Wang Yi"
    assert a[0] == b[0] == "direct"


def test_attribution_after_with_inverted_verb_and_name_then_verb():
    body = (
        "\u201cThe alliance has never been stronger than it is today,\u201d said NATO Secretary General Jens Stoltenberg.\n\n"
        "\u201cWe are ready for dialogue but not for blackmail,\u201d Stoltenberg insisted."
    )
    rows, _, _ = extract(body)
    assert find(rows, "never been stronger")[2] == "Jens Stoltenberg"
    assert find(rows, "not for blackmail")[2] == "Jens Stoltenberg"
    assert find(rows, "not for blackmail")[3] == "insisted"


def test_attribution_before_with_colon_and_told():
    body = (
        "Foreign Secretary Liz Truss arrived in Moscow on Thursday.\n\n"
        "Truss told Lavrov: \u201cRussia must respect the sovereignty and territorial integrity of Ukraine.\u201d\n\n"
        "Blinken said: \u201cWe are prepared to go the diplomatic route.\u201d"
    )
    rows, _, _ = extract(body)
    assert find(rows, "Russia must respect")[2] == "Liz Truss"
    assert find(rows, "Russia must respect")[0] == "direct"
    assert find(rows, "diplomatic route")[2] == "Blinken"


def test_multi_paragraph_quote_gets_one_speaker():
    body = (
        "Ukrainian President Volodymyr Zelenskyy addressed parliament on Tuesday.\n\n"
        "\u201cWe are not afraid of anyone. We will defend our land and our people.\n\n"
        "\u201cBut we want peace, and we will talk to anyone who wants peace too,\u201d he said."
    )
    rows, _, _ = extract(body)
    a = find(rows, "We are not afraid of anyone")
    b = find(rows, "But we want peace")
    assert a[2] == b[2] == "Volodymyr Zelenskyy"


def test_quote_paragraph_after_attributed_paragraph_inherits_speaker():
    body = (
        "Chancellor Olaf Scholz said Germany would not send troops, according to the transcript.\n\n"
        "German Chancellor Olaf Scholz told reporters that the sanctions were ready.\n\n"
        "\u201cEverything is on the table, and everyone knows what that means for the pipeline.\u201d"
    )
    rows, _, _ = extract(body)
    assert find(rows, "Everything is on the table")[2] == "Olaf Scholz"


def test_quote_continued_after_narrative_in_same_paragraph():
    body = (
        "Lavrov said that the exchange had been \u201clike a deaf person talking to a mute,\u201d and that the sides "
        "had struggled to find common ground. \u201cNobody is hearing each other, and our efforts have not been heard.\u201d"
    )
    rows, _, _ = extract(body)
    assert find(rows, "Nobody is hearing")[2] == "Lavrov"
    assert find(rows, "deaf person")[2] == "Lavrov"


def test_person_named_inside_quote_is_not_its_speaker():
    body = (
        "British Foreign Secretary Elizabeth Truss met Russian Foreign Minister Sergey Lavrov.\n\n"
        "\u201cMinister Lavrov has said to me today that Russia has no plans to invade Ukraine,\u201d she said."
    )
    rows, resolver, quotes = extract(body)
    kind, text, speaker, _ = find(rows, "Minister Lavrov has said")
    assert speaker == "Elizabeth Truss"
    q = [q for q in quotes if "Minister Lavrov" in q.text][0]
    mentioned = resolver.mentions_in(q.start, q.end)  # as the pipeline does, before speakers()
    lavrov = [s for s in resolver.speakers() if s.name == "Sergey Lavrov"]
    assert lavrov and lavrov[0].id in mentioned


# ---------------------------------------------------------------- indirect speech


def test_indirect_said_that_and_postposed_attribution():
    body = (
        "Russian Foreign Minister Sergey Lavrov said that the talks had been fruitless.\n\n"
        "The West is using Ukraine as a tool against Russia, the minister said.\n\n"
        "He added that Moscow would respond to any provocation."
    )
    rows, _, _ = extract(body)
    assert ("indirect", "the talks had been fruitless", "Sergey Lavrov", "said") in rows
    assert ("indirect", "The West is using Ukraine as a tool against Russia", "Sergey Lavrov", "said") in rows
    assert ("indirect", "Moscow would respond to any provocation", "Sergey Lavrov", "added") in rows


def test_indirect_according_to_and_warned_of():
    body = (
        "According to Truss, the sanctions package is ready to go.\n\n"
        "Truss warned of severe consequences for Russia if it invades Ukraine.\n\n"
        "Sanctions would target Russian banks, according to a senior administration official."
    )
    rows, _, _ = extract(body)
    kind, text, speaker, cue = find(rows, "sanctions package is ready")
    assert (kind, speaker, cue) == ("indirect", "Truss", "according to")
    assert find(rows, "severe consequences")[2] == "Truss"
    kind, text, speaker, cue = find(rows, "Russian banks")
    assert speaker == "a senior administration official"


def test_participle_and_coordinated_verbs_inherit_the_subject():
    body = (
        "Wang Yi criticised the sanctions, saying they would only make the crisis worse.\n\n"
        "U.S. Secretary of State Antony Blinken met Wang in Rome and argued that Beijing should use its influence "
        "with Moscow."
    )
    rows, _, _ = extract(body)
    assert find(rows, "make the crisis worse")[2] == "Wang Yi"
    assert find(rows, "use its influence")[2] == "Antony Blinken"


def test_scare_quotes_become_part_of_the_indirect_quote():
    body = (
        "Russian Foreign Minister Sergey Lavrov spoke in Moscow.\n\n"
        "The Ukrainian crisis is \u201ca crutch\u201d for the falling ratings of Western politicians, the minister said.\n\n"
        "Critics called the plan a \u201cnon-starter\u201d in a city full of doubts."
    )
    rows, _, _ = extract(body)
    kind, text, speaker, cue = find(rows, "a crutch")
    assert kind == "indirect" and speaker == "Sergey Lavrov"
    assert text.startswith("The Ukrainian crisis is")
    # a short quoted word with no attribution is not a quote of its own
    assert not [r for r in rows if r[1] == "non-starter"]


def test_anonymous_sources_groups_and_institutions():
    body = (
        "\u201cWe expect the talks to continue next week in Geneva,\u201d a senior administration official said.\n\n"
        "The Kremlin, however, denies any deal was done and insists the exercises are routine.\n\n"
        "Western officials said the troop build-up was continuing on the border."
    )
    rows, resolver, _ = extract(body)
    types = {s.name: s.type for s in resolver.speakers()}
    assert find(rows, "talks to continue")[2] == "a senior administration official"
    assert types["a senior administration official"] == "anonymous"
    kremlin = find(rows, "any deal was done")[2]
    assert types[kremlin] == "institution" and kremlin.lower() == "the kremlin"
    officials = find(rows, "troop build-up")[2]
    assert types[officials] == "group"


def test_ambiguous_pronoun_speaker_is_left_none():
    body = "\u201cThis is a dangerous moment for all of us,\u201d he said."
    rows, _, _ = extract(body)
    assert find(rows, "dangerous moment")[2] is None


# ---------------------------------------------------------------- layout


def test_layout_masks_quotes_and_keeps_offsets():
    body = "He said: \u201cNo. Never.\u201d Then he left. \u201cUnclosed quote runs on"
    layout = Layout(body, paragraph_spans(body))
    assert len(layout.masked) == len(body)
    assert "Never" not in layout.masked
    assert [(body[q.start:q.end], q.closed) for q in layout.qspans] == [
        ("No. Never.", True),
        ("Unclosed quote runs on", False),
    ]


def test_sentence_split_respects_abbreviations():
    text = "Sen. Ted Cruz met Mr. Lavrov in the U.S. Capitol. He left at 5 p.m. The talks ended."
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Sen. Ted Cruz met Mr. Lavrov in the U.S. Capitol.",
        "He left at 5 p.m. The talks ended.",
    ] or len(spans) == 3


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   ",
        "\u201c",
        "\u201d said he.",
        '"',
        "''",
        "He said.",
        "\u201cUnclosed at the end of the article, said nobody",
        "Mr. Smith said: \u201c\u201d",
        "\u00ab Bonjour \u00bb, a dit le ministre.\n\nLe ministre a dit \u00ab au revoir \u00bb.",
        "A said that B said that C said that D.\n\u2018x\u2019 \u2018y\u2019 \u2018z\u2019",
        "\u201cA,\u201d \u201cB,\u201d \u201cC,\u201d he said, \u201cD\u201d, she said.",
        "According to, said according to according to.",
        "SENIOR ADMINISTRATION OFFICIAL: We will see.\n\nTHE PRESIDENT: Thank you.",
    ],
)
def test_odd_inputs_never_break_offsets(body):
    extract(body)


# ---------------------------------------------------------------- precision rules (speaker of a participle, coordination, fragments)


def test_participle_after_object_belongs_to_the_subject_of_its_clause():
    body = (
        "Chancellor Olaf Scholz met President Emmanuel Macron in Berlin.\n\n"
        "Scholz rebuffed Macron, arguing that the budget rules must stay as they are for the next decade."
    )
    rows, _, _ = extract(body)
    assert find(rows, "budget rules must stay")[2] == "Olaf Scholz"


def test_by_saying_gives_the_subject_not_the_object():
    body = (
        "Chancellor Olaf Scholz met President Emmanuel Macron in Berlin.\n\n"
        "Scholz answered Macron by saying the alliance would hold “for as long as it takes,” and that no deal was near."
    )
    rows, _, _ = extract(body)
    row = find(rows, "alliance would hold")
    assert row[2] == "Olaf Scholz"
    assert all(r[2] != "Emmanuel Macron" for r in rows)


def test_participle_after_a_name_in_the_reported_clause_keeps_the_speaker():
    body = (
        "Foreign Minister Penny Wong spoke in Canberra.\n\n"
        "Wong said she had met Antony Blinken, adding that the two countries would sign the treaty in May."
    )
    rows, _, _ = extract(body)
    assert find(rows, "sign the treaty")[2] == "Penny Wong"


def test_coordinated_second_speaker_gets_his_own_quote():
    body = (
        "Foreign Minister Penny Wong met Foreign Minister Wang Yi in Beijing.\n\n"
        "The two ministers argued about trade, with Wong saying tariffs on wine had to go, "
        "and Wang insisting on the need for “mutual respect and equal treatment between our two nations.”"
    )
    rows, _, _ = extract(body)
    assert find(rows, "tariffs on wine")[2] == "Penny Wong"
    assert "Wang insisting" not in find(rows, "tariffs on wine")[1]
    assert find(rows, "mutual respect")[2] == "Wang Yi"


def test_conjoined_subject_is_not_a_second_speaker():
    body = (
        "Foreign Minister Penny Wong met Foreign Minister Wang Yi in Beijing.\n\n"
        "Wong said she and Wang had agreed to restart the annual dialogue next year."
    )
    rows, _, _ = extract(body)
    row = find(rows, "agreed to restart")
    assert row[2] == "Penny Wong" and row[1].startswith("she and Wang")


def test_embedded_quoted_phrase_without_cue_is_not_a_quote():
    body = (
        "Foreign Minister Penny Wong spoke in Canberra.\n\n"
        "She also visited the former base of “the so-called peace-keeping forces” that left the region last year."
    )
    rows, _, _ = extract(body)
    assert not any("peace-keeping" in r[1] for r in rows)


def test_a_quoted_phrase_inside_a_stance_is_part_of_the_stance_not_a_quote():
    body = (
        "Foreign Minister Penny Wong spoke in Canberra.\n\n"
        "She also voiced concern over the conduct of “the so-called peace-keeping forces” that left the region last year."
    )
    rows, _, _ = extract(body)
    assert [r[0] for r in rows if "peace-keeping" in r[1]] == ["indirect"]


def test_quoted_sentence_without_cue_still_inherits():
    body = (
        "Foreign Minister Penny Wong said the talks went well.\n\n"
        "“We made real progress today on all the questions before us.”"
    )
    rows, _, _ = extract(body)
    assert find(rows, "real progress")[2] == "Penny Wong"


def test_role_description_prefers_the_literal_role():
    body = (
        "Foreign Minister Wang Yi met Foreign Secretary Jane Smith in Beijing. Smith had earlier been called "
        "\"Minister Smith\" by Wang.\n\n"
        "The trade dispute was raised by Smith, the foreign minister continued, adding that talks would go on."
    )
    rows, _, _ = extract(body)
    assert find(rows, "talks would go on")[2] == "Wang Yi"


def test_dash_source_closes_a_line_inside_a_paragraph():
    body = (
        "Readers sent us their views.\n\n"
        "“The new bridge has changed our town for the better in every way.” ― Ana Ortiz\n"
        "“Traffic is worse than ever and nobody listened to the residents.”― Ben Cole\n"
        "“I just want the noise at night to stop at last, please.” ― Clara Diaz."
    )
    rows, _, _ = extract(body)
    assert find(rows, "changed our town")[2] == "Ana Ortiz"
    assert find(rows, "Traffic is worse")[2] == "Ben Cole"
    assert find(rows, "noise at night")[2] == "Clara Diaz"


def test_words_of_the_subject_between_quote_and_name():
    body = (
        "“We will find the people who did this and bring them to court,” Dayton fire Chief Anna Price said Monday. "
        "“Nobody will rest until then.”"
    )
    rows, _, _ = extract(body)
    assert find(rows, "bring them to court")[2] == "Anna Price"
    assert find(rows, "Nobody will rest")[2] == "Anna Price"


def test_speaker_label_inside_quotation_marks():
    body = (
        "Governor Ann Kerr spoke to the host on Sunday. Partial transcript:\n\n"
        "\"HOST: Will you sign the bill on Monday or wait for the courts?\n\n"
        "\"KERR: We will sign it on Monday, and the courts can do their work after that.\n\n"
        "\"NOTE: This transcript was edited for length and for clarity."
    )
    rows, _, _ = extract(body)
    row = find(rows, "sign it on Monday")
    assert row[2] == "Ann Kerr" and not row[1].startswith("KERR")
    assert find(rows, "Will you sign")[2] == "Host"
    assert not any(r[1].startswith("This transcript") and r[2] for r in rows)


def test_attribution_after_a_question_or_exclamation_mark():
    body = (
        "Mayor Rosa Diaz spoke in Leeds.\n\n"
        "“Who pays for the new tram line when the grant runs out next spring?” Diaz asked.\n\n"
        "“We will never give up on this city!” Diaz said on Friday. “Never.”"
    )
    rows, _, _ = extract(body)
    assert find(rows, "Who pays for the new tram")[2] == "Rosa Diaz"
    assert find(rows, "never give up")[2] == "Rosa Diaz"


def test_role_appositive_between_quote_and_name():
    body = (
        "“The airport will reopen on Monday after the repairs,” the city’s transport chief, Omar Haddad, said on Friday. "
        "“Flights resume at noon.”"
    )
    rows, _, _ = extract(body)
    assert find(rows, "airport will reopen")[2] == "Omar Haddad"


def test_question_followed_by_a_new_sentence_is_still_split():
    body = "Mayor Rosa Diaz spoke. Why does it matter? The council voted on Monday to close the line."
    spans = split_sentences(Layout(body, paragraph_spans(body)).masked, 0, len(body))
    assert len(spans) == 3


def who_said_what(body: str) -> list[tuple[str | None, str]]:
    """(speaker name, quote text) of every quote the whole pipeline finds in ``body``."""
    extraction = extract_document(Document(source="x.txt", name="x", format="txt", text=body))
    names = {s.id: s.name for s in extraction.speakers}
    return [(names.get(q.speaker), q.text) for q in extraction.quotes]


def test_a_report_may_open_with_a_bare_plural_even_tanks():
    body = "Merkel said tanks were needed quickly. Think tanks in Berlin disagreed."
    assert who_said_what(body) == [("Merkel", "tanks were needed quickly")]


def test_an_opening_adverbial_is_not_the_content_of_a_later_told():
    body = "After the meeting, Okafor told reporters she was hopeful."
    assert [text for _, text in who_said_what(body)] == ["she was hopeful"]


def test_a_warning_starts_after_its_addressee_and_ends_before_another_source():
    body = ("Foreign Minister Tunde Adeyemi warned Ghana's top diplomat on Friday against closing the border, "
            "a senior ministry official said.")
    # (the official's report holds the minister's: see test_a_postposed_source_holds_anothers_report)
    assert who_said_what(body) == [
        ("a senior ministry official", body[:body.index(", a senior")]),
        ("Tunde Adeyemi", "against closing the border")]


def test_an_urged_addressee_is_not_the_content():
    body = "Foreign Minister Tunde Adeyemi urged European Union members on Monday to open talks with Accra."
    assert [text for _, text in who_said_what(body)] == ["to open talks with Accra"]


@pytest.mark.parametrize("body, content", [
    ("Mei Lan urged Tokyo and Seoul not to \u201cform exclusive blocs.\u201d", "not to \u201cform exclusive blocs.\u201d"),
    ("Mei Lan urged Oslo not to sign the treaty.", "not to sign the treaty"),
])
def test_an_urged_addressee_before_not_to(body, content):
    assert [text for _, text in who_said_what(body)] == [content]


@pytest.mark.parametrize("addressee", ["Baltic states", "the Baltic states", "European capitals",
                                       "neighbouring countries", "Western governments"])
def test_states_addressed_by_a_warning_are_not_its_content(addressee):
    body = f"Ruritania warned {addressee} that the transit restrictions were illegal."
    assert who_said_what(body) == [("Ruritania", "the transit restrictions were illegal")]


@pytest.mark.parametrize("addressee", ["the council", "the Security Council", "the nation", "a news conference",
                                       "the summit", "parliament"])
def test_a_body_told_is_the_addressee_not_the_content(addressee):
    body = f"Ambassador Rui Pereira told {addressee} the draft interfered in Ruritania's internal affairs."
    assert who_said_what(body) == [("Rui Pereira", "the draft interfered in Ruritania's internal affairs")]


def test_promised_to_press_is_no_addressee():
    body = "The delegates have promised to press their case at the summit in Lisbon."
    assert [text for _, text in who_said_what(body)] == ["to press their case at the summit in Lisbon"]


def test_states_before_a_modal_are_the_subject_of_the_warning():
    body = "Ruritania warned Baltic states could face retaliation."
    assert [text for _, text in who_said_what(body)] == ["Baltic states could face retaliation"]


def test_according_to_a_chief_with_an_unfamiliar_given_name():
    body = "According to the agency's policy chief Ilkka Saarinen, a decision is expected in December."
    assert [name for name, _ in who_said_what(body)] == ["Ilkka Saarinen"]


def test_end_pattern_widths_bound_their_heads():
    """Each _EndPattern's width is the longest match of its head, so searching only the end finds every match."""
    import re
    import re._parser as sre_parse

    from datasette_diplomacy.extract import quotes as q

    patterns = [v for v in vars(q).values() if isinstance(v, q._EndPattern)]
    assert patterns
    for p in patterns:
        head = p.regex.pattern.rsplit("[ \\t]", 1)[0]
        assert sre_parse.parse(head).getwidth()[1] == p.width, head
        for text in ("", "x", "said to ", "a b, ", "so and  \n", "x.) ", "\u201d , ", "it was never \t"):
            full = re.search(p.regex.pattern, text)
            assert (full is None) == (p.search(text) is None)
            if full is not None and p is not q._WORD_END_BEFORE:
                assert full.span() == p.search(text).span()
    for text in ("", "x", "said to ", "a b, ", "so and  \n", "x.) ", "\u201d , ", "it was never \t", "Mr. Lee  "):
        # a run of word characters before the spaces ends with one
        assert (re.search(r"[\w\u2019'.)]+[ \t]*$", text) is None) == (q._WORD_END_BEFORE.search(text) is None)


# ---------------------------------------------------------------- where reported content ends (round 7)


@pytest.mark.parametrize("tail", [
    ", calling them “very boring tax returns.”",
    " — asserting that the donations changed nothing.",
    ", but argues that he cannot deliver on his promises.",
])
def test_a_second_report_of_the_same_speaker_ends_the_first(tail):
    body = f"Officials met.\n\nAnn Lee says she would release her tax returns on Friday{tail}"
    rows, _, _ = extract(body)
    assert find(rows, "release her tax returns")[1] == "she would release her tax returns on Friday"


@pytest.mark.parametrize("tail, content", [
    (", echoing commentators who said so before.", "the plan was dead"),
    (" – even though he backed it in May.", "the plan was dead"),
    (" and proposed a safe zone for refugees.", "the plan was dead"),
])
def test_the_narrator_s_tail_is_not_the_content(tail, content):
    rows, _, _ = extract(f"Officials met.\n\nAnn Lee said the plan was dead{tail}")
    assert find(rows, "the plan was dead")[1] == content


@pytest.mark.parametrize("tail", [
    ", after 55 percent said so in December.",
    ", a swipe at the recent disturbances at his rallies.",
    ", an apparent reference to the leaked emails.",
    ", something she has repeatedly asked of her rival.",
])
def test_a_gloss_or_an_earlier_report_is_not_the_content(tail):
    rows, _, _ = extract(f"Officials met.\n\nAnn Lee said the plan was dead{tail}")
    assert find(rows, "the plan was dead")[1] == "the plan was dead"


def test_calling_for_something_in_quotation_marks_is_no_name_called():
    rows, _, _ = extract("Officials met.\n\nAnn Lee called for more “flexibility” for military advisers in Iraq.")
    assert find(rows, "flexibility")[1] == "more “flexibility” for military advisers in Iraq"


@pytest.mark.parametrize("sentence", [
    "Paul Singer wrote a $500,000 check to a super PAC supporting John Faso.",
    "Donald Trump has won the primary in Virginia, adding to his victories in Massachusetts and Alabama.",
    "According to ''The Trumps: Three Generations That Built an Empire,'' by Gwenda Blair, Donald took over.",
])
def test_no_report_here(sentence):
    rows, _, _ = extract("Officials met.\n\n" + sentence)
    assert rows == []


def test_a_time_after_an_endorsement_is_the_narrator_s():
    rows, _, _ = extract("Officials met.\n\nBernie Sanders, who endorsed Tim Canova in late May, campaigned for him.")
    assert find(rows, "Canova")[1] == "Tim Canova"


def test_a_coordinated_calls_ends_the_content():
    rows, _, _ = extract("Officials met.\n\nAnn Lee says she respects Clinton and calls her “a very capable woman.”")
    assert find(rows, "respects")[1] == "she respects Clinton"


def test_sniped_reports():
    rows, _, _ = extract("Officials met.\n\nWalter Hewlett sniped that the new chief executive was learning on the job.")
    assert find(rows, "learning on the job")[2:] == ("Walter Hewlett", "sniped")


def test_cue_prescan_finds_what_finditer_finds():
    """_Finder._cues (the reporting verbs, tried where the Aho-Corasick pre-scan says they may start) finds
    the matches of _CUE.finditer over any span, the spans' ends included."""
    import random

    from datasette_diplomacy.extract import quotes

    assert quotes._cue_automaton() is not None
    rng = random.Random(8)
    words = ["said", "says", "Said", "SAID", "pointed", "out", "pointed out", "went", "on", "to", "say", "put", "it",
             "called", "him", "a", "liar", "think", "tanks", "hailed", "from", "expressed", "deep", "concern",
             "told", "reporters", "\u00e9", "\u212a", "warned", "urging", "saidx", "the", "minister"]
    seps = [" ", "  ", "-", "\u00a0", "\u2019", "'", ".", ",", "", "\n", "_", "\u201c", "\u201d", ":", "\t"]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randrange(1, 12)))
        finder = quotes._Finder.__new__(quotes._Finder)
        finder.masked = text
        finder._cue_at = None
        for _ in range(3):
            start = rng.randrange(len(text) + 1)
            end = rng.randrange(start, len(text) + 1)
            expected = [(m.span(), m.group("v")) for m in quotes._CUE.finditer(text, start, end)]
            assert [(m.span(), m.group("v")) for m in finder._cues(start, end)] == expected, (text, start, end)


def test_clause_cut_finds_what_the_search_finds():
    """_clause_cut (the pattern tried at its key characters and the spaces before them) finds the match of
    _CLAUSE_CUT.search over any span."""
    import random

    from datasette_diplomacy.extract import quotes

    rng = random.Random(9)
    pieces = [",", ";", ":", "\u201c", "\u201d", "\u2013", "\u2014", " ", "  ", "\t", "\n", "-", " and ", " but ", "he",
              " said", " adding", " although", " which", " who said", " with 42 people preferring", " compared with",
              " all the rest", " however", "\u201c why not? \u201d asked Anita", "x", " saying", " well above",
              " a swipe at", " while Zhao said", " she warned"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        for _ in range(3):
            start = rng.randrange(len(text) + 1)
            end = rng.randrange(start, len(text) + 1)
            expected = quotes._CLAUSE_CUT.search(text, start, end)
            found = quotes._clause_cut(text, start, end)
            assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group())), \
                (text, start, end)


def test_a_short_sentence_quoted_after_an_attributed_one_goes_on_with_its_speaker():
    # (a quotation under four words is kept only when it continues someone's quotes)
    rows = reports("Bo Park disagreed.\n\n\u201cIt is not over,\u201d he said. \u201cWe will return.\u201d")
    assert ("Bo Park", "said", "We will return.") in rows
    assert reports("The door was locked.\n\n\u201cNo entry here.\u201d") == []


def test_a_reversed_closing_mark_before_an_ellipsis_opens_a_quotation():
    rows = reports("\u201d\u2026 the train has already left the station,\u201d the editors wrote.")
    assert rows == [("the editors", "wrote", "\u2026 the train has already left the station")]


def test_a_second_report_after_but_without_a_comma():
    body = ("Ruritanian spokesman Piet Varga said Ruritania would study any proposal but cautioned against excessive "
            "expectations.")
    assert reports(body) == [("Piet Varga", "said", "Ruritania would study any proposal"),
                             ("Piet Varga", "cautioned", "against excessive expectations")]


@pytest.mark.parametrize("body, expected", [
    # a refusal to say more is the speaker's next act, not the content: the report ends before it
    ("Ana Costa said she would attend the summit in Oslo but did not say whether Mr. Varga would come.",
     [("Ana Costa", "said", "she would attend the summit in Oslo")]),
    ("The embassy confirmed that the envoy had left Ruritania but would not comment on his health.",
     [("the embassy", "confirmed", "the envoy had left Ruritania")]),
    ("Judge Rosa Lima concluded that the minister had acted carelessly but didn't recommend charges.",
     [("Rosa Lima", "concluded", "the minister had acted carelessly")]),
    # the content's own verbs stay: a modal or "will" goes on the reported clause
    ("Ana Costa said the talks were useful but would not continue next week.",
     [("Ana Costa", "said", "the talks were useful but would not continue next week")]),
    ("Ana Costa said the ministry will not provide funds and will not comment further.",
     [("Ana Costa", "said", "the ministry will not provide funds and will not comment further")]),
])
def test_a_refusal_to_say_more_ends_the_report(body, expected):
    assert reports(body) == expected


@pytest.mark.parametrize("body, expected", [
    # where the source spoke is not what was said
    ("Ana Costa said Ruritania was ready to host the talks, speaking at a joint news conference with Ivo Tamm.",
     [("Ana Costa", "said", "Ruritania was ready to host the talks")]),
    ("Ana Costa argued that the sanctions had failed, writing in the Baltic Times on Monday.",
     [("Ana Costa", "argued", "the sanctions had failed")]),
    # (a participle that is part of the content stays: "appearing to …")
    ("Ana Costa denied that the deal was dead, appearing to rule out a second vote.",
     [("Ana Costa", "denied", "the deal was dead, appearing to rule out a second vote")]),
])
def test_where_the_source_spoke_ends_the_report(body, expected):
    assert reports(body) == expected


@pytest.mark.parametrize("body, expected", [
    # "In his words," / "In Tamm's view," open a report whose source is the possessor
    ("Ivo Tamm spoke in Riga. In his words, the sanctions have failed to change Moscow's course.",
     [("Ivo Tamm", "in his words", "the sanctions have failed to change Moscow's course")]),
    ("Ivo Tamm spoke in Riga. In Tamm's view, the West has chosen confrontation over talks.",
     [("Ivo Tamm", "in Tamm's view", "the West has chosen confrontation over talks")]),
    ("Ivo Tamm spoke in Riga. In his words, \u201cthe door remains open to talks.\u201d",
     [("Ivo Tamm", "in his words", "the door remains open to talks.")]),
    # (not inside a clause, and not for "their" with nobody to be theirs)
    ("In their opinion, the vote should be postponed until the spring.", []),
])
def test_in_his_words_opens_a_report(body, expected):
    assert reports(body) == expected


@pytest.mark.parametrize("body, expected", [
    # where and when, then "that", before a content holding a quotation
    ("Ivo Tamm wrote on X after the meeting that the talks had focused on \u201cthe lifting of sanctions.\u201d",
     [("Ivo Tamm", "wrote", "the talks had focused on \u201cthe lifting of sanctions.\u201d")]),
    # (a noun's relative "that" after a prepositional verb is no such "that")
    ("Ivo Tamm believes in journalism that \u201ctakes sides and says so.\u201d",
     [("Ivo Tamm", "believes", "in journalism that \u201ctakes sides and says so.\u201d")]),
])
def test_where_and_when_before_that_are_not_the_content(body, expected):
    assert reports(body) == expected


@pytest.mark.parametrize("body, expected", [
    # the plural present of a report's authors: "The authors write that …", "They recommend that …"
    ("The authors of the study write that the council has left a dangerous vacuum in the region.",
     [("the authors of the study", "write", "the council has left a dangerous vacuum in the region")]),
    ("The authors of the study recommend that Norway revive contacts on search and rescue.",
     [("the authors of the study", "recommend", "Norway revive contacts on search and rescue")]),
    # (before anything but "that", a colon or a quotation they are no report)
    ("The authors of the study write letters to every member of the council.", []),
])
def test_the_plural_present_of_a_report(body, expected):
    assert reports(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a concern or a regret expressed, with its degree
    ("Chief Cabinet Secretary Ken Sato expressed serious concern over the collision near the shoal.",
     [("Ken Sato", "expressed serious concern", "over the collision near the shoal")]),
    ("The ministry expressed its deep regret over the decision to expel the envoy.",
     [("the ministry", "expressed its deep regret", "over the decision to expel the envoy")]),
])
def test_a_concern_expressed_with_its_degree(body, expected):
    assert reports(body) == expected


def test_an_act_and_a_judgement_of_it_end_the_report():
    body = ("Ivo Tamm told reporters that Ruritania had offered to cap its stockpile, a move he called "
            "\u201ca concrete step in the right direction.\u201d")
    assert reports(body)[0] == ("Ivo Tamm", "told", "Ruritania had offered to cap its stockpile")


def test_a_time_or_place_after_that_opens_the_content():
    # "said that on Monday …": after "that", a leading phrase is part of what was said
    assert reports("Ana Costa said that in her view the plan was deeply flawed.") == [
        ("Ana Costa", "said", "in her view the plan was deeply flawed")]
    assert reports("Ana Costa said that on Monday the talks had failed in Geneva.") == [
        ("Ana Costa", "said", "on Monday the talks had failed in Geneva")]


@pytest.mark.parametrize("body, expected", [
    ("Ana Costa conceded that gaps remained.", [("Ana Costa", "conceded", "gaps remained")]),
    ("Ana Costa said the deal was close and added that gaps remained.",
     [("Ana Costa", "said", "the deal was close"), ("Ana Costa", "added", "gaps remained")]),
    # "that" as the subject, or a clause going on after a comma, is no clause of two words
    ("Ana Costa said that was wrong.", []),
    ("Ana Costa suggested that Mr. Varga, under fire for the delays, should resign.", [
        ("Ana Costa", "suggested", "Mr. Varga, under fire for the delays, should resign")]),
])
def test_a_that_clause_of_two_words(body, expected):
    assert reports(body) == expected


def test_said_only_that():
    assert reports("Ana Costa said only that Ruritania would evaluate the final text.") == [
        ("Ana Costa", "said", "Ruritania would evaluate the final text")]


def test_a_coordinated_threat_ends_the_warning():
    body = ("Foreign ministers of the Group of Seven on Friday warned Freedonia against supplying components for "
            "weapons, and threatened further sanctions.")
    assert reports(body)[0] == ("Foreign ministers of the Group of Seven", "warned",
                                "against supplying components for weapons")


@pytest.mark.parametrize("body, content", [
    # a phrase and its main clause before the source: the clause is the report
    ("On Monday the talks failed, Ana Costa said.", "On Monday the talks failed"),
    ("In Valletta the ministers agreed on a truce, the ministry said.", "In Valletta the ministers agreed on a truce"),
])
def test_an_opening_phrase_with_its_clause_is_reported(body, content):
    assert reports(body) and reports(body)[0][2] == content


def test_a_postposed_source_holds_anothers_report():
    body = ("Freedonia's foreign minister Ana Costa told her Ruritanian counterpart by phone that her country opposed "
            "any change to the borders, the Freedonian foreign ministry said.")
    assert reports(body) == [
        ("the Freedonian foreign ministry", "said", body[:body.index(", the Freedonian")]),
        ("Ana Costa", "told", "her country opposed any change to the borders")]


@pytest.mark.parametrize("body, expected", [
    # its own words again: "…, they said" after "Candidates said …" is the same report, not one around it
    ("Other candidates said they support charter schools, but they would not advocate for them, they said.",
     [("Other candidates", "said", "they support charter schools")]),
    # a quotation's cue inside is no clause of anyone's
    ("\u201cNo,\u201d replied Piet Varga, chairman of the board, said simply.", [("Piet Varga", "replied", "No")]),
])
def test_a_postposed_source_holds_no_report_of_its_own_or_a_quotation(body, expected):
    assert reports(body) == expected
