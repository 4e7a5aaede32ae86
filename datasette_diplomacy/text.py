"""Small text helpers shared by cleaning and extraction."""
from __future__ import annotations

import re

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
    import bisect

    starts = [s for s, _ in spans]
    return max(0, bisect.bisect_right(starts, offset) - 1)
