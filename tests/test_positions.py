"""Stated positions: a named source's stance or intention, reported without a speech verb.

"Estonia opposed the proposal", "the ministry declined to comment", "Berg plans to visit Oslo": who holds
which position is part of who said what. Each test is one rule, on text written for it.
"""
from __future__ import annotations

import pytest

from test_quotes import extract


def positions(body: str) -> list[tuple]:
    """(speaker name or None, cue, text) of every quote of kind "position" in ``body``."""
    _, resolver, quotes = extract(body)
    names = {s.id: s.name for s in resolver.speakers()}
    return [(names.get(q.speaker), q.cue, q.text) for q in quotes if q.kind == "position"]


@pytest.mark.parametrize("verb", ["opposed", "supported", "endorsed", "backed", "welcomed", "favoured"])
def test_a_stance_on_an_object(verb):
    body = f"Foreign Minister Mari Tamm {verb} the Latvian proposal, and the talks went on."
    assert positions(body) == [("Mari Tamm", verb, "the Latvian proposal")]


@pytest.mark.parametrize("verb", ["declined", "refused", "plans", "sought", "intends"])
def test_an_intention_is_its_infinitive_clause(verb):
    body = f"Minister Olav Berg {verb} to discuss the fishing quotas with his Icelandic colleague."
    assert positions(body) == [("Olav Berg", verb, "to discuss the fishing quotas with his Icelandic colleague")]


def test_declined_to_comment_is_kept_although_short():
    body = "Ambassador Lena Hoff was asked about the letter. A spokeswoman for Hoff declined to comment."
    assert [(cue, text) for _, cue, text in positions(body)] == [("declined", "to comment")]


def test_an_intention_verb_without_to_is_no_position():
    body = "Exports declined sharply. Minister Olav Berg sought advice from the central bank."
    assert positions(body) == []


@pytest.mark.parametrize("tail", ["backed down on Friday.", "was supported by most members.", "opposed to the idea."])
def test_phrasal_and_passive_uses_are_no_stance(tail):
    assert positions(f"Minister Olav Berg {tail}") == []


def test_a_time_after_the_object_is_the_narrators():
    body = "Senator Ruth Amsel endorsed Governor Paul Dwyer last week at a rally in Dayton."
    assert positions(body) == [("Ruth Amsel", "endorsed", "Governor Paul Dwyer")]


def test_a_position_needs_a_source_we_can_name():
    assert positions("The draft aims to cut tariffs by half.") == []  # a text's purpose
    assert positions("It remains unclear who backed the plan.") == []


def test_a_bare_form_after_a_name_is_a_noun():
    body = "Minister Olav Berg spoke in Tromso. Berg support is strongest in the north, polls suggest."
    assert positions(body) == []


def test_a_bare_form_after_a_plural_subject_or_an_auxiliary_reports():
    body = "Minister Olav Berg said the vote was close. He will support the amendment, and they oppose the treaty."
    found = positions(body)
    assert ("Olav Berg", "support", "the amendment") in found


def test_a_report_about_a_position_keeps_the_whole_clause():
    """"Estonia opposed the draft, diplomats said": the diplomats' report, not Estonia's own statement."""
    _, resolver, quotes = extract("Estonia opposed the draft resolution, two diplomats said.")
    assert [(q.kind, q.text) for q in quotes] == [("indirect", "Estonia opposed the draft resolution")]


def test_the_position_holder_is_the_subject_of_what_follows():
    body = "Prime Minister Kaja Soots welcomed the decision and urged other capitals to follow."
    _, resolver, quotes = extract(body)
    names = {s.id: s.name for s in resolver.speakers()}
    assert [(names.get(q.speaker), q.kind, q.text) for q in quotes] == [
        ("Kaja Soots", "position", "the decision"), ("Kaja Soots", "indirect", "other capitals to follow")]


@pytest.mark.parametrize("guests", ["several hundred guests at the harbour", "Kerry to Tallinn", "the visiting delegation"])
def test_welcoming_people_in_person_is_no_stance(guests):
    assert positions(f"Mayor Robert Cole welcomed {guests}.") == []


def test_welcoming_a_decision_is_a_stance():
    assert positions("Mayor Robert Cole welcomed the court's decision on the harbour.") == [
        ("Robert Cole", "welcomed", "the court's decision on the harbour")]


def test_a_possessive_after_a_time_word_keeps_the_object():
    body = "Senator Ruth Amsel endorsed this week's proposal from the fisheries committee."
    assert positions(body) == [("Ruth Amsel", "endorsed", "this week's proposal from the fisheries committee")]


@pytest.mark.parametrize("subject", ["All of the GOP candidates", "Most of the senators"])
def test_a_quantified_group_holds_a_position(subject):
    found = positions(f"Officials met.\n\n{subject} oppose the executive actions on immigration.")
    assert found == [(subject, "oppose", "the executive actions on immigration")]


def test_a_position_in_a_subordinate_clause_ends_at_its_comma():
    found = positions("Officials met.\n\nAlthough Johnson's agency declined to comment, the memo showed how things stood.")
    assert found == [("Johnson's agency", "declined", "to comment")]


@pytest.mark.parametrize("sentence, expected", [
    ("The ministers expressed solidarity with Ukraine.", ("the ministers", "expressed solidarity", "with Ukraine")),
    ("Ann Lee expressed support for the plan.", ("Ann Lee", "expressed support", "for the plan")),
    ("Jake Sullivan expressed his deepest condolences to the families of the victims.",
     ("Jake Sullivan", "expressed his deepest condolences", "to the families of the victims")),
])
def test_an_expressed_stance_is_reported(sentence, expected):
    _, resolver, quotes = extract("Officials met.\n\n" + sentence)
    names = {s.id: s.name for s in resolver.speakers()}
    assert [(names.get(q.speaker), q.cue, q.text) for q in quotes] == [expected]


@pytest.mark.parametrize("subject", ["Forty percent of the fishermen", "Half of the dockworkers", "Six in 10"])
def test_a_share_of_people_takes_the_bare_form(subject):
    found = positions(f"Officials met.\n\n{subject} support the new quota.")
    assert found == [(subject, "support", "the new quota")]


@pytest.mark.parametrize("sentence, expected", [
    ("Local fishermen supporting the quota marched to the ministry.", ("Local fishermen", "supporting", "the quota")),
    ("An independent group backing Mayor Ruth Amsel spent heavily in May.",
     ("An independent group", "backing", "Mayor Ruth Amsel")),
    ("Senator Olav Berg is backing the harbour bill.", ("Olav Berg", "backing", "the harbour bill")),
])
def test_a_stance_participle_after_its_holder(sentence, expected):
    assert positions("Officials met.\n\n" + sentence) == [expected]


def test_a_stance_object_ends_before_the_verb_of_its_clause():
    found = positions("Officials met.\n\nFishermen who support the quota were the loudest at the meeting.")
    assert found == [("Fishermen", "support", "the quota")]


@pytest.mark.parametrize("sentence", ["After backing the harbour bill, the mayor left for Oslo.",
                                      "She played a supporting role in the talks.",
                                      "The ministry filed supporting documents on Monday."])
def test_a_participle_without_a_holder_or_as_an_adjective_is_no_stance(sentence):
    assert positions("Officials met.\n\n" + sentence) == []


def test_a_stance_inside_a_report_does_not_cut_the_report():
    body = ("Officials met.\n\nMinister Ann Lee ended by saying that while she is seeking to deter the trawlers, "
            "she also came to talk, and there are further talks to be held.")
    _, _, quotes = extract(body)
    said = [q for q in quotes if q.cue == "saying"]
    assert [q.text for q in said] == [
        "while she is seeking to deter the trawlers, she also came to talk, and there are further talks to be held"]


def test_the_holder_of_an_absolute_with_phrase_holds_the_stance():
    found = positions("Officials met.\n\nTalks stalled, with Norway backing the quota as Iceland opposed it.")
    assert ("Norway", "backing", "the quota") in found
