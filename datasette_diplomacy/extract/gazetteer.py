"""Countries, their demonyms, capitals/metonyms and aliases (``data/countries.yml``).

``country_of("Moscow")``, ``country_of("Russian")``, ``country_of("the Kremlin")``
and ``country_of("Moscow's")`` all give ``"Russia"``; ``country_of("UK")`` gives
``"United Kingdom"``. Lookups are exact on the written form (case-sensitive, so
"US" is the country but "us" is not), with a leading "the " and a trailing
possessive ("'s", "’s", "s'") ignored; a lower-case form is tried as a fallback
only for words that are not all-caps acronyms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import packaged_yaml


@dataclass(frozen=True)
class Country:
    name: str
    demonyms: tuple[str, ...] = field(default_factory=tuple)
    capitals: tuple[str, ...] = field(default_factory=tuple)  # capitals and metonyms (Kremlin, Downing Street)
    aliases: tuple[str, ...] = field(default_factory=tuple)

    def forms(self) -> tuple[str, ...]:
        """Every written form that names this country (name first)."""
        return (self.name,) + self.aliases + self.demonyms + self.capitals


@lru_cache(maxsize=1)
def countries() -> list[Country]:
    """All countries of ``data/countries.yml``, in file order."""
    result = []
    for row in packaged_yaml("data/countries.yml") or []:
        result.append(
            Country(
                name=row["name"],
                demonyms=tuple(row.get("demonyms") or ()),
                capitals=tuple(row.get("capitals") or ()),
                aliases=tuple(row.get("aliases") or ()),
            )
        )
    return result


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for country in countries():
        for form in country.forms():
            exact.setdefault(form, country.name)
            if not form.isupper():
                folded.setdefault(form.lower(), country.name)
    return exact, folded


_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


@lru_cache(maxsize=8192)
def country_of(word: str) -> str | None:
    """The country named by ``word`` (name, alias, demonym, capital or metonym), else None."""
    if not word:
        return None
    exact, folded = _index()
    candidates = []
    w = " ".join(word.split())
    for variant in (w, _LEADING_THE.sub("", w)):
        candidates.append(variant)
        stripped = _POSSESSIVE.sub("", variant)
        if stripped != variant:
            candidates.append(stripped)
            if variant.endswith(("s'", "s\u2019")):
                candidates.append(variant[:-1])
        # plural demonyms: "Russians", "Britons", "Americans"
        if variant.endswith("s") and len(variant) > 3:
            candidates.append(variant[:-1])
    for c in candidates:
        if c in exact:
            return exact[c]
    for c in candidates:
        if not c.isupper() and c.lower() in folded and c[:1].isupper():
            return folded[c.lower()]
    return None


@lru_cache(maxsize=1)
def country_pattern() -> re.Pattern:
    """A compiled regex matching any written form of any country (longest first, word-bounded)."""
    exact, _ = _index()
    forms = sorted(exact, key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    return re.compile(r"(?<![\w.])(?:" + alternation + r")(?:['\u2019]s)?(?![\w])")
