"""Paragraphs of a body: blank lines, one paragraph per line, or hard-wrapped lines."""
from __future__ import annotations

from datasette_diplomacy.text import paragraph_spans

from test_quotes import extract


def paragraphs(body: str) -> list[str]:
    return [body[s:e] for s, e in paragraph_spans(body)]


def test_blank_lines_separate_paragraphs():
    assert paragraphs("First one.\nstill first.\n\nSecond one.") == ["First one.\nstill first.", "Second one."]


def test_without_blank_lines_each_line_is_a_paragraph():
    body = "Lavrov met Truss.\nThe talks lasted two hours.\nNeither side gave ground."
    assert paragraphs(body) == body.split("\n")


WRAPPED = (
    "National Security Advisor Jake Sullivan spoke today with Prime Minister\n"
    "Ingrida Simonyte of Lithuania, affirming the strength of our bilateral\n"
    "ties. He also underscored U.S. appreciation\n"
    "for Lithuania's principled foreign policy in support of democracy and\n"
    "human rights. Mr. Sullivan condemned the\n"
    "Lukashenka regime's orchestration of irregular migrant flows across its\n"
    "borders.\n"
    "The two sides agreed to stay in close touch.\n"
    "They will meet again next month in Vilnius to continue the talks."
)


def test_hard_wrapped_lines_join_into_paragraphs():
    """A line break inside a sentence is no paragraph end; a short line closing a sentence is."""
    assert paragraphs(WRAPPED) == [WRAPPED[:WRAPPED.index("The two")].rstrip(),
                                   "The two sides agreed to stay in close touch.",
                                   "They will meet again next month in Vilnius to continue the talks."]


def test_a_report_across_wrapped_lines_is_whole():
    rows, _, _ = extract(WRAPPED)
    assert ("indirect", "the\nLukashenka regime's orchestration of irregular migrant flows across its\nborders",
            "Jake Sullivan", "condemned") in rows


def test_packaged_yaml_is_what_safe_load_gives():
    """packaged_yaml (libyaml's safe loader when there is one) reads every packaged data file as yaml.safe_load does."""
    from importlib import resources

    import yaml

    from datasette_diplomacy.text import packaged_yaml

    data = resources.files("datasette_diplomacy").joinpath("data")
    names = sorted(entry.name for entry in data.iterdir() if entry.name.endswith((".yml", ".yaml")))
    assert {"countries.yml", "entities.yml", "names_first.yml", "speakers_roles.yml", "topics.yml"} <= set(names)
    for name in names:
        expected = yaml.safe_load(data.joinpath(name).read_text(encoding="utf-8"))
        got = packaged_yaml("data/" + name)
        assert got == expected and repr(got) == repr(expected), name
