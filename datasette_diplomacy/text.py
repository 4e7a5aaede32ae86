"""Small text helpers shared by cleaning and extraction."""
from __future__ import annotations

import bisect
import re
from importlib import resources
from operator import itemgetter

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n+")


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph of ``body``.

    Paragraphs are separated by blank lines; a text with no blank line at all
    (one paragraph per line, as PolNeAR and many exports are) is split at each
    newline instead, unless its lines are hard-wrapped (a third of its line
    breaks or more fall inside a sentence, before a lower-case word): then a
    paragraph ends only at a line that closes a sentence well short of the
    wrapping width. Spans exclude surrounding whitespace and are never empty.
    """
    if _BLANK_LINE.search(body):
        separator = _BLANK_LINE
    elif _hard_wrapped(body):
        return strip_spans(body, _wrapped_paragraphs(body))
    else:
        separator = _NEWLINES
    spans = []
    position = 0
    for match in separator.finditer(body):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(body)))
    return strip_spans(body, spans)


_NEWLINES = re.compile(r"\n+")
_BREAK_BEFORE_LOWER = re.compile(r"\n[ \t]*[a-z]")


def _hard_wrapped(body: str) -> bool:
    breaks = body.count("\n")
    return breaks >= 3 and len(_BREAK_BEFORE_LOWER.findall(body)) * 3 >= breaks


def _wrapped_paragraphs(body: str) -> list[tuple[int, int]]:
    """Paragraph spans of hard-wrapped text without blank lines: a line ending a sentence at less than
    three quarters of the longest line's length ends its paragraph."""
    lines = body.split("\n")
    width = max(len(line.rstrip()) for line in lines)
    spans, start, position = [], 0, 0
    for line in lines[:-1]:
        position += len(line) + 1
        stripped = line.rstrip()
        if stripped[-1:] in ('.', '!', '?', '"', '\u201d', '\u2019', ')', ':') and len(stripped) < 0.75 * width:
            spans.append((start, position - 1))
            start = position
    spans.append((start, len(body)))
    return spans


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


class LinePattern:
    """``re.compile("^" + pattern, re.MULTILINE)``, for a pattern whose matches are never empty and
    never hold a newline, as :meth:`sub` and the match :meth:`starts`.

    A leading ^ is tried at every position of the text; instead, the pattern is matched once at
    the text's start, then after each newline, which it consumes (and a replacement puts back): a
    pattern that starts with a plain character lets the engine skip straight to the next newline.
    The matches are the same: each starts a line, and ends before the next line starts.
    """

    def __init__(self, pattern: str, flags: int = 0):
        self.first = re.compile(r"\A(?:" + pattern + ")", flags | re.MULTILINE)
        self.rest = re.compile(r"\n(?:" + pattern + ")", flags | re.MULTILINE)

    def sub(self, repl, text: str) -> str:
        """``regex.sub(repl, text)``, ``repl`` a function of the match (whose first character is
        the consumed newline for all matches but one at the text's start)."""
        text = self.first.sub(repl, text, count=1)
        return self.rest.sub(lambda m: "\n" + repl(m), text)

    def starts(self, text: str) -> list[int]:
        """``[m.start() for m in regex.finditer(text)]``."""
        out = [0] if self.first.match(text) else []
        out += [m.start() + 1 for m in self.rest.finditer(text)]
        return out

    def finditer(self, text: str):
        """The matches of ``regex.finditer(text)``, for their groups: all but one at the text's start
        hold the newline consumed before them (see :meth:`starts` for where they start)."""
        first = self.first.match(text)
        if first is not None:
            yield first
        yield from self.rest.finditer(text)


def packaged_yaml(name: str):
    """The packaged data file ``name`` ("data/topics.yml") read as YAML: what ``yaml.safe_load`` gives,
    with libyaml's safe loader when PyYAML has it (the same mappings, lists, strings and numbers for
    these files, in about a tenth of the time: some 0.12 s of each loading process's start)."""
    import yaml

    text = resources.files("datasette_diplomacy").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
