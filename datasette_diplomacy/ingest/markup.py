"""Markdown to plain text, keeping the line structure.

Articles saved as Markdown (the White House briefings corpus, notes exported
from editors) carry emphasis, links, escapes and a little inline HTML
(``<u>``, ``<s>`` for words struck out in a transcript, table cells). Quote
extraction needs the words only, so this removes the markup line by line.
It does not render Markdown: paragraphs and hard-wrapped lines stay as they
were, so the body reads like the source.
"""
from __future__ import annotations

import html
import re

from ..text import LinePattern

_STRUCK = re.compile(r"<(s|strike|del)\b[^>]*>.*?</\1\s*>[ \t]?", re.IGNORECASE | re.DOTALL)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|table|thead|tbody|tr|ul|ol|li|h[1-6]|blockquote|br)\b[^>]*>", re.IGNORECASE)
_CELL_TAG = re.compile(r"</?t[dh]\b[^>]*>", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# Patterns start with their delimiter (no look-behind first), so the regex engine
# can skip ahead to it; what must not precede the delimiter is checked in _unless_escaped.
# link text may run over a line break of hard-wrapped text ("[Federal\nRegister](…)"), not over a blank line
_LINK = re.compile(r"\[((?:[^\[\]\n\\]|\\.|\n(?![ \t]*\n))+)\]\((?:[^()\s]|\([^)\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[((?:[^\[\]\n\\]|\\.|\n(?![ \t]*\n))+)\]\[[^\]\n]*\]")

# line patterns: see LinePattern (a leading ^ would be tried at every position)
_HEADING = LinePattern(r"[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_RULE = LinePattern(r"[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = LinePattern(r"[ \t]{0,3}(?:```|~~~).*$")
_BULLET = LinePattern(r"([ \t]*)[-*+][ \t]+")
_QUOTE_MARKER = LinePattern(r"[ \t]{0,3}>[ \t]?")
# Emphasis may run over a line break ("*Baby2Baby\nLos Angeles, California*"), not over a blank line.
# The opening run is spelt \*\*?\*? rather than \*{1,3} (the same runs, tried longest first) so that
# both alternatives start with a plain character and the engine skips ahead to the next * or _.
_STRONG = re.compile(r"(\*\*?\*?|__?_?)(?=[^\s*_])((?:[^\n]|\n(?![ \t]*\n)){1,400}?)(?<=[^\s\\])\1(?![*\w])")
_STRAY_STARS = re.compile(r"\*\*+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'$&:=])")


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown document, one output line per input line."""
    if "<" in text:
        text = _STRUCK.sub("", text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _CELL_TAG.sub(" ", text)
        text = _INLINE_TAG.sub("", text)
    if _holds(text, "```") or _holds(text, "~~~"):
        text = _FENCE.sub(_nothing, text)
    if _holds(text, "--") or _holds(text, "**") or _holds(text, "__") or _holds(text, "* *"):
        text = _RULE.sub(_nothing, text)
    if _holds(text, "](") or _holds(text, "]["):
        text = _IMAGE.sub("", text)
        text = _LINK.sub(_unless_escaped(r"\1"), text)
        text = _REFERENCE_LINK.sub(_unless_escaped(r"\1"), text)
    if "#" in text:
        text = _HEADING.sub(lambda m: m.group(1) or "", text)
    if ">" in text:
        text = _QUOTE_MARKER.sub(_nothing, text)
    text = _BULLET.sub(_first_group, text)
    if "*" in text or "_" in text:
        for _ in range(2):  # twice, for nested emphasis: ***bold italic***, **_x_**
            stripped = _STRONG.sub(_unless_escaped(r"\2", word_boundary=True), text)
            done = stripped == text or ("*" not in stripped and "_" not in stripped)
            text = stripped
            if done:
                break  # the second pass would change nothing: the same text again, or no delimiter left
        if _holds(text, "**"):
            text = _STRAY_STARS.sub(_unless_escaped(""), text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _holds(text: str, marker: str) -> bool:
    """``marker in text``, its first character looked for first: a search for one character costs about
    a tenth of one for a longer string, and most texts have no `, ~, ] or * at all."""
    return marker[0] in text and marker in text


def _nothing(match: re.Match) -> str:
    return ""


def _first_group(match: re.Match) -> str:
    return match.group(1)


def _unless_escaped(template: str, word_boundary: bool = False):
    """A replacement that leaves the match alone when a backslash (or, for
    emphasis, a word character: snake_case) comes just before it."""

    # a template that is one group reference ("\\1") is that group's text: what match.expand gives, without
    # parsing the template at every match (expand gives "" for a group that did not match)
    group = int(template[1]) if len(template) == 2 and template[0] == "\\" and template[1] in "123456789" else None

    def replace(match: re.Match) -> str:
        start = match.start()
        before = match.string[start - 1] if start else ""
        if before == "\\" or (word_boundary and before and (before.isalnum() or before in "_*")):
            return match.group(0)
        if group is not None:
            return match.group(group) or ""
        return match.expand(template)

    return replace
