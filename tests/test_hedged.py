"""Claims the narrator hedges without naming a source: "is expected to", "reportedly", "appears to".

Annotated news (PolNeAR) counts them as attributions with no source: the content is the whole clause,
its subject included, and the right speaker is nobody. Each test is one rule, on text written for it.
"""
from __future__ import annotations

import pytest

from test_quotes import extract
from test_quotes import reports as reports_in


def reports(body: str) -> list[tuple]:
    """(speaker name or None, cue, text) of every quote found in ``body``, after an opening paragraph."""
    return reports_in("Officials met.\n\n" + body)


@pytest.mark.parametrize("sentence, cue", [
    ("The foreign minister is expected to visit Tallinn next week.", "expected"),
    ("Both delegations are widely expected to sign the accord on Friday.", "expected"),
    ("The harbour authority reportedly sold the land to a shipping firm.", "reportedly"),
    ("The talks appear to have stalled over fishing quotas.", "appear"),
    ("The two envoys seemed pleased with the outcome of the meeting.", "seemed"),
    ("The treaty is widely considered a turning point for the region.", "considered"),
    ("The minister was said to be furious with the delegation.", "said"),
])
def test_a_hedged_clause_is_a_report_without_a_speaker(sentence, cue):
    assert reports(sentence) == [(None, cue, sentence.rstrip("."))]


def test_the_subject_keeps_its_appositive():
    sentence = "The central bank, which has kept rates low since 2019, is expected to act at its next meeting."
    assert reports(sentence) == [(None, "expected", sentence.rstrip("."))]


def test_a_hedged_clause_after_another_clause_starts_at_its_subject():
    found = reports("The envoys met on Monday, and the ministers are expected to meet on Friday.")
    assert found == [(None, "expected", "the ministers are expected to meet on Friday")]


def test_it_seems_that_reports_the_that_clause():
    assert reports("It appears that the northern route was never surveyed.") == [
        (None, "appears", "the northern route was never surveyed")]


@pytest.mark.parametrize("sentence", [
    "Exports are expected to rise by four percent this year.",  # a forecast figure, not a claim about someone
    "The minister appeared in court on Tuesday.",  # appearing somewhere
    "The vote, which is expected to take place on Friday, will settle the matter.",  # a relative clause
    "Ann Lee, the ministry's spokeswoman, appeared before the committee.",
])
def test_no_hedged_report_here(sentence):
    assert reports(sentence) == []


def test_a_sentence_with_its_own_report_keeps_it():
    assert reports("Minister Olav Berg said the fleet is expected to return by May.") == [
        ("Olav Berg", "said", "the fleet is expected to return by May")]


def test_a_hedge_inside_a_quotation_is_the_quotation_s():
    found = reports("“The fleet is expected to return by May,” Minister Olav Berg said.")
    assert found == [("Olav Berg", "said", "The fleet is expected to return by May")]


def test_the_key_word_search_finds_what_a_search_of_every_sentence_finds():
    from datasette_diplomacy.extract.quotes import _HEDGE, _Finder, Layout
    from datasette_diplomacy.extract.speakers import SpeakerResolver
    from datasette_diplomacy.text import paragraph_spans

    body = ("Officials met.\n\nThe envoys seemed seemingly tired, and the talks appear to be expected to resume. "
            "It seems that the fleet was seen as a threat; ministers were widely believed to be split.\n\n"
            "“The fleet is expected to sail,” she said. Reportedly, nobody reportedly knew. The bank is "
            "expected to be released soon but the minister is rumoured to resign and the deal is understood to hold.")
    spans = paragraph_spans(body)
    finder = _Finder(body, spans, SpeakerResolver(body, spans, title=None))
    every = [(si, m.span()) for si, (s, e, _) in enumerate(Layout(body, spans).sentences)
             for m in _HEDGE.finditer(finder.masked, s, e)]
    assert len(every) >= 8
    assert [(si, m.span()) for si, m in finder._hedges()] == every
