"""Weighted log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", Political
Analysis 16(4), section 3.5.  For a term w, group i and the rest of the
comparison j::

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

with the prior a_w = a_0 * pi_w, pi_w the term's share of a background corpus
(here: every quote in the database).  The paper leaves the prior's total weight
a_0 open; we give it the size of the texts compared (n_i + n_j), so the prior
counts as much as the evidence: enough to quiet rare words, not so much that a
large background drowns a small comparison.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

SIGNIFICANT_Z = 1.96
_FLOOR = 1e-9


@dataclass(frozen=True)
class TermScore:
    term: str
    count: int  # uses by this group
    other_count: int  # uses by the rest of the comparison
    delta: float
    z: float

    @property
    def significant(self) -> bool:
        return self.z >= SIGNIFICANT_Z


def prior_weights(
    background: Mapping[str, int], background_total: int, vocabulary, alpha0: float
) -> dict[str, float]:
    """``a_w`` for each term of ``vocabulary``.

    A term the background has never seen (possible when the background is a
    sample or stale) gets half a count, so the prior stays strictly positive.
    """
    total = max(background_total, 1)
    return {w: alpha0 * max(background.get(w, 0), 0.5) / total for w in vocabulary}


def log_odds(
    groups: Mapping[object, Counter],
    background: Mapping[str, int],
    background_total: int,
    min_count: int = 1,
) -> dict[object, list[TermScore]]:
    """Score every term of every group against the union of the other groups.

    Returns, per group, all terms it used at least ``min_count`` times, most
    distinctive (highest z) first.
    """
    totals = {g: sum(c.values()) for g, c in groups.items()}
    grand = sum(totals.values())
    if grand == 0 or len(groups) < 2:
        return {g: [] for g in groups}
    vocabulary = set().union(*[set(c) for c in groups.values()])
    alpha0 = float(grand)
    alpha = prior_weights(background, background_total, vocabulary, alpha0)
    combined: Counter = Counter()
    for counts in groups.values():
        combined.update(counts)
    result: dict[object, list[TermScore]] = {}
    for group, counts in groups.items():
        n_i = totals[group]
        n_j = grand - n_i
        scores = []
        for term, y_i in counts.items():
            if y_i < min_count:
                continue
            a_w = alpha[term]
            y_j = combined[term] - y_i
            # The denominators are positive unless one term is the whole
            # background; the floor keeps that degenerate case finite.
            delta = math.log(
                (y_i + a_w) / max(n_i + alpha0 - y_i - a_w, _FLOOR)
            ) - math.log((y_j + a_w) / max(n_j + alpha0 - y_j - a_w, _FLOOR))
            variance = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
            scores.append(
                TermScore(term, y_i, y_j, delta, delta / math.sqrt(variance))
            )
        scores.sort(key=lambda s: (-s.z, -s.count, s.term))
        result[group] = scores
    return result
