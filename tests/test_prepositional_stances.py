"""Stances and reports whose object follows a preposition.

"Estonia voted against the resolution", "the senator has been critical of the deal", "Tamm's criticism of the
plan", "his calls for a ceasefire": who holds which position, and what someone's words were about, with the
object after "for", "against", "of", "on", "about" or "to" as the content. Each test is one rule, on text
written for it.
"""
from __future__ import annotations

import pytest

from test_quotes import extract


def reports(body: str) -> list[tuple]:
    """(speaker name or None, cue, text) of every quote in ``body``."""
    _, resolver, quotes = extract(body)
    names = {s.id: s.name for s in resolver.speakers()}
    return [(names.get(q.speaker), q.cue, q.text) for q in quotes]


@pytest.mark.parametrize("verb", ["voted for", "voted against", "advocated for", "pushed for", "campaigned against",
                                  "lobbied for"])
def test_a_stance_verb_with_its_preposition(verb):
    body = f"Foreign Minister Mari Tamm {verb} the Latvian proposal, and the talks went on."
    assert reports(body) == [("Mari Tamm", verb, "the Latvian proposal")]


def test_a_bare_form_with_a_preposition_needs_a_plural_subject_or_an_auxiliary():
    assert reports("Officials met.\n\nMost of the senators vote against the draft every year.") == [
        ("Most of the senators", "vote against", "the draft")]
    assert reports("Minister Olav Berg will vote for the harbour bill.") == [
        ("Olav Berg", "vote for", "the harbour bill")]
    assert reports("The vote for the draft was close.") == []


@pytest.mark.parametrize("adjective", ["critical of", "skeptical of", "sceptical of", "supportive of", "wary of",
                                       "worried about", "concerned about"])
def test_an_attitude_after_a_copula(adjective):
    body = f"Senator Ruth Amsel has been {adjective} the trade pact since March."
    assert reports(body) == [("Ruth Amsel", adjective, "the trade pact")]


def test_an_attitude_adjective_without_a_copula_is_no_report():
    assert reports("A report critical of the trade pact circulated in Oslo.") == []


@pytest.mark.parametrize("noun", ["criticism of", "critique of", "attacks on", "call for", "calls for",
                                  "endorsement of", "condemnation of", "embrace of", "opposition to"])
def test_a_possessor_and_a_report_noun_with_its_preposition(noun):
    body = f"Ruth Amsel met the pilots in Bergen. Amsel's {noun} the harbour plan surprised the council."
    assert reports(body) == [("Ruth Amsel", noun, "the harbour plan")]


def test_a_possessive_pronoun_names_the_person_it_resolves_to():
    body = "Prime Minister Ana Costa spoke in Lisbon. She renewed her call for a ceasefire in Gaza on Monday."
    assert reports(body) == [("Ana Costa", "call for", "a ceasefire in Gaza")]


def test_a_promise_to_is_its_infinitive():
    body = "Governor Paul Dwyer toured the plant. His promise to reopen the mill won him votes in Dayton."
    assert reports(body) == [("Paul Dwyer", "promise to", "reopen the mill")]


def test_a_report_noun_without_a_possessor_is_no_report():
    assert reports("The criticism of the harbour plan grew louder in Bergen.") == []
    assert reports("Attacks on the convoy rose in May.") == []


def test_a_report_noun_of_a_thing_is_no_report():
    # "its" names no one we can tell here; a document's call is not a person's
    assert reports("The treaty's call for cooperation was welcomed.") == []


def test_raised_questions_about_is_a_report():
    body = "Senator Ruth Amsel raised questions about the cost of the bridge."
    assert reports(body) == [("Ruth Amsel", "raised questions", "about the cost of the bridge")]


@pytest.mark.parametrize("sentence", ["Minister Olav Berg pushed for nearly a decade to close the mine.",
                                      "Amsel's remarks on Tuesday surprised the pilots.",
                                      "Senator Ruth Amsel campaigned for months in the north."])
def test_a_time_after_the_preposition_is_no_object(sentence):
    assert reports(sentence) == []


@pytest.mark.parametrize("sentence", ["Senator Ruth Amsel would not vote for the harbour bill.",
                                      "Senator Ruth Amsel is not critical of the harbour bill."])
def test_a_negated_stance_is_no_position(sentence):
    assert reports(sentence) == []


def test_the_pre_scan_finds_every_place_a_prepositional_position_starts():
    """The pass tries its pattern only where the pre-scan (an automaton of key words at a word's start) finds
    one; on random text every match of the pattern must start at such a place."""
    import random

    from datasette_diplomacy.extract.quotes import _PREPOSITIONAL, _prepositional_starts, _prescan_text

    words = ["criticism", "of", "attacks", "on", "Voted", "voted", "for", "against", "calls", "call", "critical",
             "worried", "about", "his", "Amsel's", "promise", "to", "build", "’s", "it’s", "re-voted", "x-criticism",
             "pledge", "lobbying", "is", "wary", "Ünal", "“quoted”", ",", ".", "\n", "comments", "remarks", "thoughts"]
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        starts = set(_prepositional_starts(text, _prescan_text(text)))
        for m in _PREPOSITIONAL.finditer(text):
            assert m.start() in starts, (text, m.group())


def test_a_possessive_pronoun_after_a_verb_is_its_subjects():
    # not the last person named before, whoever the pronoun's antecedent would be
    body = "Lavrov spoke in Moscow on Monday. Guterres renewed his call for a ceasefire in Gaza."
    assert reports(body) == [("Guterres", "call for", "a ceasefire in Gaza")]


def test_the_object_after_a_line_break_in_hard_wrapped_text():
    from datasette_diplomacy.model import Document
    from datasette_diplomacy.pipeline import extract_document

    # (the extraction failed here: the pass expected a space after the preposition)
    text = "T\n\nRuth Amsel met the pilots. Amsel's criticism of\nthe harbour plan surprised the council.\n"
    extraction = extract_document(Document(source="x.txt", name="x", text=text, format="txt"))
    names = {s.id: s.name for s in extraction.speakers}
    assert [(names.get(q.speaker), q.cue, q.text) for q in extraction.quotes if q.kind == "position"] == [
        ("Ruth Amsel", "criticism of", "the harbour plan")]


def test_no_object_right_after_the_preposition():
    assert [r for r in reports("Ruth Amsel met the pilots. We call for, and commit to, a ceasefire.")
            if r[1] == "call for"] == []
