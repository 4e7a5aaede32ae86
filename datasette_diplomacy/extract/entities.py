"""Countries, organisations, agreements and places mentioned in a text.

Where the names come from:

* **countries**: ``gazetteer.countries()`` (``data/countries.yml``): the name, its
  aliases ("UK", "Britain") and its demonyms ("Russian", "Britons"). A demonym
  counts as a mention of its country: "Russian troops" and "the Russian
  minister" are about Russia, which is what an entity facet is for. Demonyms
  that are mostly something else are left out: "English" (the language),
  "Kiwi", "Aussie", "Pole", "Finn", "Dane" (common words and names);
* **organisations, agreements and places**: ``data/entities.yml``, one spelling
  per entity with its variants as aliases (Kiev -> Kyiv, Lugansk -> Luhansk,
  Iran nuclear deal -> JCPOA);
* **capitals and metonyms** of ``countries.yml`` ("Moscow", "Tehran") are places,
  unless ``entities.yml`` names them otherwise ("Kremlin", "White House" and
  "Pentagon" are organisations); spellings that differ only in accents or
  apostrophes ("Brasilia"/"Brasília") are one place.

Matching is whole-word; a one-word form is case-sensitive ("US" but not "us",
"WHO" but not "who", "Turkey" but not "turkey"), a form of several words is not.
Matches do not overlap and the longest wins, so "Minsk agreements" is an
agreement and not the place Minsk, and "UN Security Council" is not also "UN".
"Georgia", "Jordan" and "Chad" count as countries only when the text also names something
that only the country has (Tbilisi, Abkhazia; Amman, Jordanians; N'Djamena, Chadians), since
in US news they are mostly a state, a surname and a given name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model import Entity
from ..text import packaged_yaml
from .gazetteer import countries
from .topics import PhraseMatcher

__all__ = ["find_entities", "entity_catalogue", "entity_matcher", "organisation_forms", "ENTITY_TYPES"]

ENTITY_TYPES = ("country", "organisation", "agreement", "place")

# Demonyms that are not (mostly) about the country.
_DEMONYM_STOPLIST = {"English", "Kiwi", "Aussie", "Pole", "Finn", "Dane"}


def _fold(form: str) -> str:
    text = unicodedata.normalize("NFKD", form)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"['’.]", "", " ".join(text.lower().split()))


def _case(form: str) -> bool | str:
    """One-word forms are matched exactly as written; longer ones in any case but their
    first letter ("White House", "WHITE HOUSE", not "white-house" in a URL)."""
    return True if len(re.split(r"[\s\u00a0\-‐‑–]+", form.strip())) == 1 else "initial"


# Forms shared with other things (US states, people): they count as the country only when
# the text also says something that only the country has.
_AMBIGUOUS = {
    ("Georgia", "country"): (
        {"Georgia", "Georgian", "Georgians"},
        re.compile(r"\b(?:Tbilisi|Abkhazia|South Ossetia|Caucasus|Saakashvili|Zourabichvili|Garibashvili|"
                   r"Kobakhidze|Georgian Dream|Ivanishvili)\b"),
    ),
    ("Jordan", "country"): (
        {"Jordan"},
        re.compile(r"\b(?:Amman|Jordanians?|King Abdullah|Hashemite|Jordan River)\b"),
    ),
    ("Chad", "country"): (
        {"Chad"},
        re.compile(r"\b(?:N'Djamena|Chadians?|Lake Chad|D[ée]by|Sahel)\b"),
    ),
}


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")) or not demonym[-1:].isalpha() or demonym.isupper():
        return None
    return demonym + "s"


@lru_cache(maxsize=1)
def _own_entries() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    entries = []
    for row in packaged_yaml("data/entities.yml") or []:
        name = row["name"]
        kind = row["type"]
        if kind not in ENTITY_TYPES:
            raise ValueError(f"data/entities.yml: {name!r} has unknown type {kind!r}")
        entries.append((name, kind, tuple(str(a) for a in row.get("aliases") or ())))
    return tuple(entries)


@lru_cache(maxsize=1)
def entity_catalogue() -> dict[tuple[str, str], tuple[str, ...]]:
    """(name, type) -> the written forms that name it, for every known entity."""
    forms: dict[tuple[str, str], list[str]] = {}
    owner: dict[str, tuple[str, str]] = {}  # folded form -> the entity that has it (first wins)

    def add(name: str, kind: str, form: str) -> None:
        form = " ".join(form.split())
        if form.lower().startswith("the "):
            form = form[4:]
        if not form:
            return
        key = _fold(form)
        if owner.setdefault(key, (name, kind)) != (name, kind):
            return
        have = forms.setdefault((name, kind), [])
        if form not in have:
            have.append(form)

    for name, kind, aliases in _own_entries():
        for form in (name,) + aliases:
            add(name, kind, form)
    for country in countries():
        for form in (country.name,) + country.aliases:
            add(country.name, "country", form)
        for demonym in country.demonyms:
            if demonym in _DEMONYM_STOPLIST:
                continue
            add(country.name, "country", demonym)
            plural = _plural(demonym)
            if plural:
                add(country.name, "country", plural)
    for country in countries():
        for capital in country.capitals:
            # a capital named in entities.yml (Kremlin, Kyiv/Kiev) keeps that entity; a spelling
            # variant of one seen already (Brasília) joins it; any other is a place of its own
            name, kind = owner.get(_fold(capital), (capital, "place"))
            add(name, kind, capital)
    return {k: tuple(v) for k, v in forms.items()}


@lru_cache(maxsize=1)
def organisation_forms() -> tuple[tuple[str, str], ...]:
    """(stored name, spelling) for every spelling of every organisation in data/entities.yml: what the
    speaker finder reads to keep a body's name whole ("Food and Agriculture Organization", "United Nations
    Secretary-General") and to know one body however it is written (UN, U.N., United Nations)."""
    return tuple((name, form) for (name, kind), forms in entity_catalogue().items() if kind == "organisation"
                 for form in forms)


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    phrases = []
    for (name, kind), forms in entity_catalogue().items():
        for form in forms:
            phrases.append((form, (name, kind), _case(form)))
    return PhraseMatcher(phrases)


def entity_matcher() -> PhraseMatcher:
    """The matcher of every entity's forms (built once per process)."""
    return _matcher()


def find_entities(body: str, key_places: list[int] | None = None, lowered: str | None = None) -> list[Entity]:
    """The entities mentioned in ``body`` with their counts, most mentioned first.

    ``key_places``: where the pre-scan of :func:`entity_matcher` finds its keys in ``body`` (see
    :func:`~datasette_diplomacy.extract.topics.prescan_together`), when found already; ``lowered``:
    ``body`` lower-cased for matching, when the caller has it (see ``PhraseMatcher.spans``)."""
    counts: dict[tuple[str, str], int] = {}
    doubtful: dict[tuple[str, str], int] = {}
    for start, end, labels in _matcher().spans(body, key_places, lowered):
        # one form may (rarely) name two entities; the first counts, so a mention counts once
        key = labels[0]
        if key in _AMBIGUOUS and body[start:end] in _AMBIGUOUS[key][0]:
            doubtful[key] = doubtful.get(key, 0) + 1
            continue
        counts[key] = counts.get(key, 0) + 1
    for key, n in doubtful.items():
        if key in counts or _AMBIGUOUS[key][1].search(body):
            counts[key] = counts.get(key, 0) + n
    return [
        Entity(name=name, type=kind, count=count)
        for (name, kind), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0]))
    ]
