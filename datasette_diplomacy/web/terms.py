"""Words of a quote, split the way SQLite FTS5's default ``unicode61`` tokenizer does.

Matching FTS5 matters: the prior for the distinctive-terms statistic is read
from the ``quotes_fts`` index (see :mod:`.background`), so a term counted here
must be spelled the way the index spells it: case-folded, diacritics removed,
split at every character that is not a letter or a digit ("Russia's" gives
"russia" and "s").
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# Function words carry no stance; showing "the" as Lavrov's most distinctive word
# would be statistically fair and journalistically useless. Short English list,
# since the seeds and most wire copy are English.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own said same she should so some such
    than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves s t d ll m re ve don didn doesn isn
    wasn weren won wouldn shan shouldn couldn mustn aren hasn haven hadn mr mrs ms like
    """.split()
)


def fold(text: str) -> str:
    """Lower-case and strip diacritics (what unicode61 remove_diacritics=1 does)."""
    if text.isascii():
        return text.lower()  # the common case, and ten times faster
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text: str) -> list[str]:
    """All FTS-style tokens of ``text`` (stop words included)."""
    return _TOKEN.findall(fold(text or ""))


def is_content_term(term: str) -> bool:
    """A term worth reporting: not a stop word, not a bare number, two letters or more."""
    return len(term) > 1 and term not in STOPWORDS and not term.isdigit()


def count_terms(texts: Iterable[str]) -> Counter:
    """Content-term counts over ``texts``."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(tokens(text))
    # Filter the distinct terms once rather than every token.
    for term in [t for t in counts if not is_content_term(t)]:
        del counts[term]
    return counts
