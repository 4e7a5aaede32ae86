"""Small text helpers shared by cleaning and extraction."""
from __future__ import annotations

import bisect
import re
from operator import itemgetter

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n+")


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph of ``body``.

    Paragraphs are separated by blank lines; a text with no blank line at all
    (one paragraph per line, as PolNeAR and many exports are) is split at each
    newline instead. Spans exclude surrounding whitespace and are never empty.
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(body) else re.compile(r"\n+")
    spans = []
    position = 0
    for match in separator.finditer(body):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(body)))
    return strip_spans(body, spans)


def strip_spans(text: str, spans) -> list[tuple[int, int]]:
    """Trim surrounding whitespace off each ``(start, end)`` span; drop spans left empty."""
    result = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            result.append((start, end))
    return result


def paragraph_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the paragraph containing ``offset`` (the last one before it if between)."""
    # bisect on the spans themselves: no list of starts built per call (transcripts ask once per turn)
    return max(0, bisect.bisect_right(spans, offset, key=itemgetter(0)) - 1)


def trie_regex(words) -> str:
    """A regex alternation of ``words`` as a trie (much faster than a flat alternation)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)
