"""Countries, organisations, agreements and places (extract/entities.py, data/entities.yml)."""
from __future__ import annotations

from pathlib import Path

import pytest

from datasette_diplomacy.extract.entities import ENTITY_TYPES, entity_catalogue, find_entities
from datasette_diplomacy.model import Entity

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def found(text: str) -> dict[tuple[str, str], int]:
    return {(e.name, e.type): e.count for e in find_entities(text)}


def test_returns_model_entities_most_mentioned_first():
    entities = find_entities("NATO met. NATO said. Russia replied.")
    assert entities[0] == Entity("NATO", "organisation", 2)
    assert Entity("Russia", "country", 1) in entities
    assert all(e.type in ENTITY_TYPES for e in entities)


def test_empty():
    assert find_entities("") == []
    assert find_entities("nothing to see here") == []


@pytest.mark.parametrize(
    "text, entity",
    [
        ("talks in Kiev", ("Kyiv", "place")),
        ("talks in Kyiv", ("Kyiv", "place")),
        ("shelling in Lugansk", ("Luhansk", "place")),
        ("shelling in Luhansk", ("Luhansk", "place")),
        ("the war in Donbass", ("Donbas", "place")),
        ("the reunification of Crimea", ("Crimea", "place")),
        ("troops in the Baltic states", ("Baltics", "place")),
        ("the Minsk Agreements", ("Minsk agreements", "agreement")),
        ("the Minsk accords", ("Minsk agreements", "agreement")),
        ("the 1994 Budapest memorandum", ("Budapest Memorandum", "agreement")),
        ("the Joint Comprehensive Plan of Action", ("JCPOA", "agreement")),
        ("the Iran nuclear deal", ("JCPOA", "agreement")),
        ("extending New START", ("New START", "agreement")),
        ("the 1999 Istanbul Charter for European Security", ("Istanbul Charter", "agreement")),
        ("the 2010 Astana Declaration", ("Astana Declaration", "agreement")),
        ("the UN Security Council", ("UN Security Council", "organisation")),
        ("the U.N. Security Council", ("UN Security Council", "organisation")),
        ("the OSCE summit", ("OSCE", "organisation")),
        # international bodies by acronym or by their whole names, "and" and commas inside
        ("an OECD report", ("OECD", "organisation")),
        ("the Organisation for Economic Co-operation and Development", ("OECD", "organisation")),
        ("the Food and Agriculture Organization said", ("Food and Agriculture Organization", "organisation")),
        ("the United Nations Educational, Scientific and Cultural Organization", ("UNESCO", "organisation")),
        ("observers from the Office for Democratic Institutions and Human Rights", ("ODIHR", "organisation")),
        ("a Gulf Cooperation Council summit", ("Gulf Cooperation Council", "organisation")),
        ("the EU-Mercosur deal", ("Mercosur", "organisation")),
        ("a statement by the WHO", ("World Health Organization", "organisation")),
        ("the Kremlin said", ("Kremlin", "organisation")),
        ("the Pentagon said", ("Pentagon", "organisation")),
        ("the State Department said", ("US State Department", "organisation")),
        ("the EU's foreign policy chief", ("European Union", "organisation")),
        ("Russia's troops", ("Russia", "country")),
        ("the Russian Federation", ("Russia", "country")),
        ("the U.S. and its allies", ("United States", "country")),
        ("Britain and France", ("United Kingdom", "country")),
        ("British troops", ("United Kingdom", "country")),
        ("Ukrainians will fight", ("Ukraine", "country")),
        ("talks in Moscow", ("Moscow", "place")),
        ("the Brasília talks", ("Brasilia", "place")),
        # every UN member state, not only the ones in the news most
        ("talks in San José with Costa Rica", ("Costa Rica", "country")),
        ("Ugandan and Tanzanian ministers", ("Uganda", "country")),
        ("the envoy to Côte d'Ivoire", ("Cote d'Ivoire", "country")),
        ("Chadian troops in N'Djamena", ("Chad", "country")),
    ],
)
def test_finds(text, entity):
    assert entity in found(text), found(text)


@pytest.mark.parametrize(
    "text, entity",
    [
        ("who knows", ("World Health Organization", "organisation")),
        ("tell us more", ("United States", "country")),
        ("roast turkey", ("Turkey", "country")),
        ("they speak English", ("United Kingdom", "country")),
        ("https://example.org/white-house/briefing", ("White House", "organisation")),
        ("the Georgia legislature and Atlanta voters", ("Georgia", "country")),
        ("Congressman Jim Jordan said", ("Jordan", "country")),
        ("Chad Wolf, the acting secretary, said", ("Chad", "country")),
        ("oil spills in the Niger Delta", ("Niger", "country")),
    ],
)
def test_does_not_find(text, entity):
    assert entity not in found(text), found(text)


def test_ambiguous_country_counts_with_corroboration():
    assert found("Georgia and Abkhazia")[("Georgia", "country")] == 1
    assert found("King Abdullah of Jordan; Jordan and Israel")[("Jordan", "country")] == 2


def test_longest_match_wins():
    assert found("the Minsk agreements") == {("Minsk agreements", "agreement"): 1}
    assert found("the UN Security Council") == {("UN Security Council", "organisation"): 1}
    assert found("Astana Declaration") == {("Astana Declaration", "agreement"): 1}
    # a capital on its own is a place
    assert found("in Minsk today") == {("Minsk", "place"): 1}


def test_one_spelling_per_entity():
    catalogue = entity_catalogue()
    names = {}
    for (name, kind), forms in catalogue.items():
        assert forms, name
        for form in forms:
            assert form not in names or names[form] == (name, kind), form
            names[form] = (name, kind)
    assert ("Kiev", "place") not in catalogue
    assert ("Lugansk", "place") not in catalogue
    assert "Kiev" in catalogue[("Kyiv", "place")]
    assert ("Kremlin", "place") not in catalogue


def test_seed_003_entities():
    body = (SEEDS / "003_9e8e457793dc7867.txt").read_text(encoding="utf-8")
    result = found(body)
    for entity in [
        ("Russia", "country"), ("Ukraine", "country"), ("United Kingdom", "country"), ("NATO", "organisation"),
        ("OSCE", "organisation"), ("UN Security Council", "organisation"), ("Minsk agreements", "agreement"),
        ("Budapest Memorandum", "agreement"), ("Istanbul Charter", "agreement"), ("Astana Declaration", "agreement"),
        ("JCPOA", "agreement"), ("Kyiv", "place"), ("Donetsk", "place"), ("Luhansk", "place"),
        ("Baltics", "place"),
    ]:
        assert entity in result, entity
    assert result[("Russia", "country")] > result[("Ukraine", "country")] > result[("NATO", "organisation")] / 2
