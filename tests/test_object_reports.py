"""Reports of evidence: what a source cited or pointed to, a noun phrase rather than a clause.

"Lee cited rising costs", "…, the minister said, citing security concerns", "Berg pointed to the fishing
dispute": the reasons a source gives are part of what it said. Each test is one rule, on text written for it.
"""
from __future__ import annotations

import pytest

from test_quotes import extract
from test_quotes import reports as reports_in


def reports(body: str, cues=("cited", "cites", "citing", "pointed to", "points to", "pointing to")) -> list[tuple]:
    """(speaker, cue, text) of the quotes in ``body`` whose cue is one of ``cues``."""
    found, _, _ = extract(body)
    return [(speaker, cue, text) for _, text, speaker, cue in found if cue in cues]


@pytest.mark.parametrize("verb", ["cited", "pointed to"])
def test_the_object_is_the_content(verb):
    body = f"Foreign Minister Mari Tamm {verb} the rising cost of the pipeline."
    assert reports(body) == [("Mari Tamm", verb, "the rising cost of the pipeline")]


def test_a_participle_after_a_report_is_the_same_speakers():
    body = "The talks failed, Minister Olav Berg said, citing delays, missed deadlines and new demands."
    assert reports(body) == [("Olav Berg", "citing", "delays, missed deadlines and new demands")]


def test_a_parenthesis_after_the_subject_ends_at_its_comma():
    body = "Reuters, citing two officials, reported on Monday that the talks had stalled."
    found, _, _ = extract(body)
    assert [(speaker, cue, text) for _, text, speaker, cue in found] == [
        ("Reuters", "citing", "two officials"),
        ("Reuters", "reported", "the talks had stalled"),
    ]


def test_a_parenthesis_before_another_verb_ends_at_its_comma():
    body = "Minister Olav Berg, citing security concerns, cancelled the visit to Tromso."
    assert reports(body) == [("Olav Berg", "citing", "security concerns")]


def test_a_second_predicate_is_not_part_of_the_object():
    body = "Asked about the vote, Ann Lee pointed to the new quota rules and praised the Danish negotiators."
    assert reports(body) == [("Ann Lee", "pointed to", "the new quota rules")]


def test_as_and_including_stay_inside_the_object():
    body = ("Olav Berg cited Oslo as a model for the region.\n\n"
            "Ann Lee cited several causes of the delay, including this week's strike at the port.")
    assert reports(body) == [
        ("Olav Berg", "cited", "Oslo as a model for the region"),
        ("Ann Lee", "cited", "several causes of the delay, including this week's strike at the port"),
    ]


@pytest.mark.parametrize("body", [
    "The bureau cited in the minister's letter does not exist.",
    "The driver was cited for speeding on the coast road.",
    "The study was widely cited by diplomats.",
])
def test_passive_and_reduced_uses_are_no_report(body):
    assert reports(body) == []


def test_a_report_cannot_be_cited_from_before_its_verb():
    body = "In an interview with Radio Nord, Ann Lee pointed to Norway as the likely broker."
    assert reports(body) == [("Ann Lee", "pointed to", "Norway as the likely broker")]


def test_referring_to_after_a_quotation_is_whom_the_speaker_meant():
    # the quotation stays whole; the referent is a report of the same speaker (PolNeAR annotates it so)
    body = "\u201cOur neighbour has to decide,\u201d Ann Lee said, referring to Sweden."
    _, resolver, quotes = extract(body)
    names = {s.id: s.name for s in resolver.speakers()}
    assert [(names.get(q.speaker), q.cue, q.text) for q in quotes] == [
        ("Ann Lee", "said", "Our neighbour has to decide"), ("Ann Lee", "referring to", "Sweden")]


def test_they_after_but_is_the_plural_subject_that_opened_its_sentence():
    body = ("Western diplomats have cited new satellite images in recent days.\n\n"
            "Negotiators from Oslo and the Nordic bloc have rejected the demand, but they have proposed "
            "other measures for the fishing zone.")
    found, _, _ = extract(body)
    assert ("Negotiators from Oslo and the Nordic bloc", "proposed") in [(s, c) for _, _, s, c in found]


def test_they_after_a_subject_that_names_nobody_is_nobody():
    body = ("Western diplomats have cited new satellite images in recent days.\n\n"
            "The talks stalled in March, but they said the door remained open.")
    found, _, _ = extract(body)
    assert [(s, c) for _, _, s, c in found if c == "said"] == [(None, "said")]


def test_described_without_as_reports_its_object_or_its_clause():
    body = ("Minister Olav Berg described the meeting with the Danish delegation.\n\n"
            "Ann Lee described how, growing up, she watched the fleet leave Tromso.")
    assert reports(body, cues=("described",)) == [
        ("Olav Berg", "described", "the meeting with the Danish delegation"),
        ("Ann Lee", "described", "how, growing up, she watched the fleet leave Tromso"),
    ]


def test_described_in_the_passive_is_no_report():
    assert reports("The scene was described by witnesses as chaotic.", cues=("described",)) == []


@pytest.mark.parametrize("body", [
    "Dr. Ann Lee is one of the most highly cited authors in marine science.",
    "And as Ann Lee has just described over the last two days, the fleet has done more than anyone.",
])
def test_an_adjective_or_an_object_less_use_is_no_report(body):
    assert reports(body, cues=("cited", "described")) == []


# ---------------------------------------------------------------- evaluations


@pytest.mark.parametrize("verb, thing", [
    ("praised", "the decision"),
    ("condemned", "the attack"),
    ("hailed", "the agreement"),
    ("slammed", "the Girl Scouts"),
    ("denounced", "Trump"),
])
def test_an_evaluation_of_something_named_is_reported_however_short(verb, thing):
    body = f"Officials met.\n\nForeign Minister Mari Tamm {verb} {thing}."
    assert reports(body, cues=(verb,)) == [("Mari Tamm", verb, thing)]


def test_a_passive_evaluation_reports_nothing():
    assert reports("Officials met.\n\nThe decision was praised widely.", cues=("praised",)) == []


def test_blasting_out_an_email_is_no_criticism():
    body = "Officials met.\n\nHer campaign quickly blasted out an email to supporters stating, “Lee Joins the List.”"
    assert reports(body, cues=("blasted",)) == []


@pytest.mark.parametrize("sentence", [
    "Hurricane Milton slammed into the southeastern United States, killing hundreds.",
    "Mr. Guertin hails from Redding, Connecticut, and lives in McLean, Virginia.",
    "He is an avid amateur musician. He hails\nfrom Redding, Connecticut, and lives in McLean.",
])
def test_verbs_of_evaluation_in_their_other_senses(sentence):
    assert reports("Officials met.\n\n" + sentence, cues=("slammed", "hails")) == []


def test_a_short_evaluation_cut_off_at_a_determiner_is_not_taken():
    # a short hard-wrapped line ends its paragraph: "condemned the" would be no content at all
    body = ("Ann Lee spoke with the minister on Monday about security in the region and in Europe.\n"
            "They agreed to meet. Ms. Lee condemned the\n"
            "Lukashenka regime’s orchestration of irregular migrant flows across its borders and its campaign\n"
            "against the press in Minsk and in other cities of the country this year.")
    assert "the" not in [text for _, _, text in reports(body, cues=("condemned",))]


@pytest.mark.parametrize("sentence, cue, text", [
    ("Jake Sullivan conveyed U.S. support for Lithuania.", "conveyed", "U.S. support for Lithuania"),
    ("Mari Tamm raised concerns about the detention of journalists.", "raised concerns",
     "about the detention of journalists"),
    ("Mari Tamm thanked Prime Minister Kishida for his leadership.", "thanked",
     "Prime Minister Kishida for his leadership"),
    ("Mari Tamm congratulated President Yoon on his election.", "congratulated", "President Yoon on his election"),
])
def test_the_speech_acts_of_readouts(sentence, cue, text):
    found = reports("Officials met.\n\n" + sentence, cues=(cue,))
    assert [(c, t) for _, c, t in found] == [(cue, text)]


def test_thanks_to_is_a_preposition():
    assert reports("Officials met.\n\nShe won 30 delegates, thanks in part to her wins in Georgia.",
                   cues=("thanks",)) == []


def test_a_readout_s_acts_are_reported_one_by_one():
    body = ("Officials met.\n\nMari Tamm thanked the Prime Minister for his partnership and highlighted the progress\n"
            "made in bilateral ties.")
    found, _, _ = extract(body)
    assert [(speaker, cue, text) for _, text, speaker, cue in found] == [
        ("Mari Tamm", "thanked", "the Prime Minister for his partnership"),
        ("Mari Tamm", "highlighted", "the progress\nmade in bilateral ties"),
    ]


@pytest.mark.parametrize("sentence, expected", [
    ("Minister Olav Berg spoke for an hour, referring to the new quota.", ("Olav Berg", "referring to", "the new quota")),
    ("In the interview, Mayor Ruth Amsel talked about tourism.", ("Ruth Amsel", "talked about", "tourism")),
    ("Mayor Ruth Amsel is talking about a new harbour and a bridge.",
     ("Ruth Amsel", "talking about", "a new harbour and a bridge")),
    ("The ministers discussed the fishing quotas at length.", ("the ministers", "discussed", "the fishing quotas at length")),
])
def test_a_topic_talked_about_is_the_report(sentence, expected):
    assert reports_in("Officials met.\n\n" + sentence) == [expected]


def test_referred_to_in_the_passive_is_no_report():
    _, _, quotes = extract("Officials met.\n\nThe case was referred to a federal judge.")
    assert quotes == []


def test_a_topic_participle_inside_a_subordinate_clause_has_no_speaker_we_can_tell():
    body = ("Minister Olav Berg said the pipeline would not be built, unlike Ann Lee, who visited Oslo and used "
            "softer words when speaking about the project.")
    _, _, quotes = extract(body)
    assert [q.cue for q in quotes] == ["said"]


def test_referred_to_as_is_a_naming_not_a_topic():
    body = "Officials met.\n\nMy father referred to the harbour master as the little admiral."
    _, _, quotes = extract(body)
    assert [(q.cue, q.text) for q in quotes] == [("referred to", "the harbour master as the little admiral")]
