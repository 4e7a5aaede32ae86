"""Topics of international relations (``data/topics.yml``) and how a text matches them.

A :class:`Taxonomy` is a list of :class:`Topic` records in a hierarchy ("Nord
Stream 2" under "Pipelines" under "Energy"). ``Taxonomy.match(text)`` counts,
for every topic, how often the text mentions it:

* every alias and pattern of every topic is compiled into ONE regular
  expression (:class:`PhraseMatcher`): literal prefixes are merged into a
  character trie, so a text is scanned once, at a cost that hardly grows with
  the number of topics (about 1 ms for 25 kB of text); with pyahocorasick, an
  Aho-Corasick automaton first finds where a match may start, and the regex is tried
  there only (the same matches in about half the time, see ``_prescan_keys``);
* matching is case-insensitive (a pattern can hold a case-sensitive part as
  ``(?-i:WHO)``) and whole-word: a match never starts or ends inside a word;
* matches do not overlap; where several alternatives start at the same place
  the one with the longer literal prefix is tried first, so "Nord Stream 2 gas
  pipeline" counts once for Nord Stream 2, then once for "gas pipeline";
* an alias listed under several topics counts for each of them;
* **a match also counts for every ancestor of its topic**, once per match: a
  quote about Nord Stream 2 is also about Pipelines and Energy, so browsing a
  broad topic finds it. A parent's count is therefore the number of matches of
  the parent and all its descendants.

Topics come from the packaged ``data/topics.yml``; a user file in the same
format adds topics (or, with ``replace=True``, replaces the packaged set). A
user topic with the name of a packaged one replaces it. A Taxonomy pickles
as its topic list and rebuilds its regex (cached per process) when unpickled, so
it can be sent to worker processes. :meth:`Taxonomy.explain` shows which words
gave a text its topics.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from ..text import packaged_yaml

__all__ = ["Topic", "Taxonomy", "TaxonomyError", "PhraseMatcher", "alias_regex"]


class TaxonomyError(ValueError):
    """A topics file that cannot be used (bad YAML, unknown parent, cycle, bad regex)."""


@dataclass(frozen=True)
class Topic:
    name: str
    description: str = ""
    parent: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    patterns: tuple[str, ...] = field(default_factory=tuple)


_SEPARATOR = r"[\s\u00a0\-‐‑–]+"
_APOSTROPHE = "['’]"


def alias_regex(alias: str) -> str:
    """The regex source of a literal alias: words separated by any run of spaces or hyphens,
    straight and curly apostrophes alike, other characters literal."""
    words = re.split(r"[\s\u00a0\-‐‑–]+", alias.strip())
    parts = []
    for word in words:
        if not word:
            continue
        parts.append(re.escape(word).replace("'", _APOSTROPHE).replace("’", _APOSTROPHE))
    return _SEPARATOR.join(parts)


def _alias_key(alias: str) -> str:
    return " ".join(re.split(r"[\s\u00a0\-‐‑–]+", alias.strip().lower().replace("’", "'")))


def _as_tuple(value, what: str, topic: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return tuple(str(v) for v in value)
    raise TaxonomyError(f"topic {topic!r}: {what} must be a list of strings")


def _topics_from_data(data, source: str) -> list[Topic]:
    if isinstance(data, dict) and "topics" in data:
        data = data["topics"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise TaxonomyError(f"{source}: expected a list of topics")
    topics = []
    for i, row in enumerate(data, 1):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"].strip():
            raise TaxonomyError(f"{source}: topic {i} has no name")
        name = " ".join(row["name"].split())
        unknown = set(row) - {"name", "description", "parent", "aliases", "patterns"}
        if unknown:
            raise TaxonomyError(f"{source}: topic {name!r}: unknown field(s) {', '.join(sorted(unknown))}")
        parent = row.get("parent")
        if parent is not None and not isinstance(parent, str):
            raise TaxonomyError(f"{source}: topic {name!r}: parent must be a topic name")
        topics.append(
            Topic(
                name=name,
                description=str(row.get("description") or "").strip(),
                parent=" ".join(parent.split()) if parent else None,
                aliases=_as_tuple(row.get("aliases"), "aliases", name),
                patterns=_as_tuple(row.get("patterns"), "patterns", name),
            )
        )
    return topics


def _read_topics(path: str | Path) -> list[Topic]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise TaxonomyError(f"{path}: {e.strerror or e}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise TaxonomyError(f"{path}: not valid YAML: {str(e).splitlines()[0]}") from None
    return _topics_from_data(data, str(path))


@lru_cache(maxsize=1)
def _packaged_topics() -> tuple[Topic, ...]:
    return tuple(_topics_from_data(packaged_yaml("data/topics.yml"), "data/topics.yml"))


def _phrase_check(mode: str):
    """The case check of a phrase: "" none, "=FORM" exactly as written, "^C" first letter C."""
    if not mode:
        return None
    if mode[0] == "^":
        initial = mode[1:]
        return lambda text, start, end: text[start] == initial
    form = mode[1:]
    if " " not in form and "'" not in form and "’" not in form:
        return lambda text, start, end: text[start:end] == form
    return _regex_check(re.compile(alias_regex(form)))


def _regex_check(pattern: re.Pattern):
    return lambda text, start, end: pattern.fullmatch(text, start, end) is not None


def _lowered(text: str) -> str:
    """``text`` lower-cased for matching, each character at its place."""
    low = _ascii_lowered(text)
    if low is not None:
        return low
    low = text.lower()
    if len(low) != len(text):  # 'İ' lower-cases to two characters: keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _ascii_lowered(text: str) -> str | None:
    """``text.lower()`` for a text with characters beyond ASCII none of which lower-casing changes (the
    curly quotes and dashes of most texts), made on its UTF-8 bytes: ``bytes.lower`` lower-cases the ASCII
    letters (the only bytes it changes; those of the other characters are 0x80 and above), and costs
    fewer instructions than ``str.lower``'s look-up of every character. None for other texts (ASCII ones:
    ``str.lower`` is as quick there). The characters beyond ASCII are their bytes with the ASCII ones left
    out; lower-casing them changes none when it gives them back unchanged (a character lower-cased to
    several would make the text longer)."""
    if text.isascii():
        return None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # (a lone surrogate)
        return None
    others = data.translate(None, _ASCII_BYTES).decode("utf-8")
    if others.lower() != others:
        return None
    return data.lower().decode("utf-8")


_ASCII_BYTES = bytes(range(128))


def lowered_for_slices(text: str) -> str | None:
    """``text`` lower-cased for matching (what :meth:`PhraseMatcher.spans` matches in), when each slice of
    it is also the lowering of that slice of ``text``; None when that is not so.

    Lower-casing maps each character on its own, but for the capital sigma (its lower case depends on
    the letters around it): without one, ``lowered[i:j]`` is what lowering ``text[i:j]`` gives, so the
    callers matching a text and slices of it (a document and its body and quotes) lower it once. (A
    character whose lower case is longer stays as it is in both: see ``_lowered``.)
    """
    return _lowered(text) if "\u03a3" not in text else None


def _prescan_text(low: str) -> str:
    """The lower-cased text as the pre-scan's keys see it: every character but a-z, 0-9 and "_" a space
    (non-ASCII ones become "?" first: one character each, so the offsets stay), and a space before and after."""
    return " " + low.encode("ascii", "replace").translate(_PRESCAN_TABLE).decode("ascii") + " "


def _key_places(automaton, low: str) -> list[int]:
    """Where ``automaton`` (a pre-scan's) finds its keys in the lower-cased text ``low``, unsorted: the
    place of a key is where the text it stands for starts (the character after the key's first, a space)."""
    return [end - offset for end, offset in automaton.iter(_prescan_text(low))]


class PhraseMatcher:
    """Many literal phrases and regex patterns compiled into one fast regex.

    ``phrases`` are (text, label, case) triples: words separated by any run of
    spaces or hyphens, straight and curly apostrophes alike; ``case`` is False
    (any case), True (exactly as written) or "initial" (any case but the first
    letter, so "White House" matches "WHITE HOUSE" but not "white-house"). ``patterns`` are
    (regex source, label) pairs, matched case-insensitively unless they hold a
    ``(?-i:...)`` part. Every match is whole-word. :meth:`spans` yields
    non-overlapping matches with the labels they stand for (several when the same
    phrase is listed under several labels).
    """

    def __init__(
        self, phrases: Iterable[tuple[str, object, bool | str]] = (), patterns: Iterable[tuple[str, object]] = ()
    ):
        trie = _TrieNode()
        # marker group name -> [(check or None, labels)]: the candidates a match of it stands
        # for; a check(text, start, end) tells whether the original text has the right case
        self.markers: dict[str, list[tuple[object, tuple]]] = {}
        fallback: list[tuple[str, str]] = []
        by_key: dict[tuple[str, str], list] = {}
        for text, label, case in phrases:
            key = _alias_key(text)
            if not key:
                continue
            words = re.split(r"[\s\u00a0\-‐‑–]+", text.strip())
            if case == "initial" and text[:1].lower() != text[:1].upper():
                mode = "^" + text[:1]
            elif case and case != "initial":
                mode = "=" + " ".join(words)
            else:
                mode = ""
            by_key.setdefault((key, mode), []).append(label)
        leaf_markers: dict[int, str] = {}  # id(trie node) -> its marker for whole phrases
        n = 0
        for (key, mode), labels in sorted(by_key.items()):
            node = trie
            for token in _alias_tokens(key):
                node = node.children.setdefault(token, _TrieNode())
            marker = leaf_markers.get(id(node))
            if marker is None:
                marker = leaf_markers[id(node)] = f"m{n}"
                n += 1
                self.markers[marker] = []
                node.leaves.append(("", marker))
            self.markers[marker].append((_phrase_check(mode), tuple(dict.fromkeys(labels))))
        by_source: dict[str, list] = {}
        for source, label in patterns:
            by_source.setdefault(source, []).append(label)
        for source, labels in sorted(by_source.items()):
            check = None
            if "(?-i" in source:
                check = _regex_check(re.compile(source, re.IGNORECASE))
            for prefix, _, tail in _expand(source) or [("", False, source)]:
                marker = f"m{n}"
                n += 1
                self.markers[marker] = [(check, tuple(dict.fromkeys(labels)))]
                if not prefix:
                    fallback.append((tail, marker))
                    continue
                node = trie
                for ch in prefix.lower():
                    node = node.children.setdefault(ch, _TrieNode())
                node.leaves.append((tail, marker))
        self.fallback = len(fallback)
        # the pre-scan (see _matches) needs every alternative to start with a literal: none tried at every word
        self._trie = trie if trie.children and not trie.leaves and not fallback else None
        self._prescan = None  # built on first use: (automaton, the text's start offset of each key)
        parts = [trie.render(root=True)] if trie.children or trie.leaves else []
        parts += [_leaf(tail, marker) for tail, marker in sorted(fallback, key=lambda f: -len(f[0]))]
        parts = [p for p in parts if p]
        # the text is lower-cased before matching, so the trie holds lower-case literals only
        self._alternatives = "|".join(parts)
        self._regex: re.Pattern | None = None  # compiled on first use (see regex)
        # with a pre-scan, _matches tries at each place the regex of the alternatives that may start with the
        # character there (see _first_char_regex): the same matches, with fewer groups to copy into each
        self._first_parts = self._trie.child_parts() if self._trie is not None else None
        if self._first_parts is not None and _BACKREFERENCE.search(self._alternatives):
            self._first_parts = None  # (a numbered back-reference would point elsewhere in a smaller regex)
        self._by_first_char: dict[str, re.Pattern | None] = {}
        for token, _ in self._first_parts or ():
            if len(token) == 1:
                # compiled now, as the whole regex was: forked workers inherit them (a character a class
                # token starts with, rarer, gets its regex on first use)
                self._first_char_regex(token)
        # the same alternatives after one (consumed) non-word character (see _regex_matches), compiled on
        # first use: a matcher with a pre-scan never needs it (and compiling costs as much as the regex)
        self._after_nonword: re.Pattern | None = None

    @property
    def regex(self) -> re.Pattern | None:
        """``(?<!\\w)(?:alternatives)``, None when there are none; compiled on first use (a matcher with a
        pre-scan needs it only for :meth:`_regex_matches`: compiling it costs a process some 0.1 s)."""
        if self._regex is None and self._alternatives:
            self._regex = re.compile(r"(?<!\w)(?:" + self._alternatives + ")")
        return self._regex

    def _first_char_regex(self, ch: str) -> re.Pattern | None:
        """The regex that matches at a place whose character is ``ch`` as :attr:`regex` does there, built on
        first use; None when none of its alternatives can start with ``ch``.

        Every alternative of the regex (those of a matcher with a pre-scan) starts with the token of one of
        the trie root's children (see :meth:`_TrieNode.child_parts`); an alternative whose token cannot match
        ``ch`` fails there at once, so leaving it out changes nothing: the others are tried in the same
        order, after the same look-behind, with the same marker groups (named: the match's lastgroup)."""
        regex = self._by_first_char.get(ch)
        if regex is None and ch not in self._by_first_char:
            parts = [part for token, part in self._first_parts if _token_may_start(token, ch)]
            regex = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")") if parts else None
            self._by_first_char[ch] = regex
        return regex

    def labels(self, text: str, key_places: list[int] | None = None, lowered: str | None = None) -> list[tuple]:
        """The labels of every match in ``text``, in order (``key_places``, ``lowered``: see :meth:`spans`)."""
        return [labels for _, _, labels in self.spans(text, key_places, lowered)]

    def spans(self, text: str, key_places: list[int] | None = None,
              lowered: str | None = None) -> list[tuple[int, int, tuple]]:
        """(start, end, labels) of every match in ``text``, in order.

        ``key_places``: where this matcher's pre-scan finds its keys in ``text``, in order, as
        :func:`prescan_together` or :meth:`slice_key_places` tell them (the pre-scan is then not run
        again); more places do no harm: see :meth:`slice_key_places`. ``lowered``: ``text`` lower-cased
        for matching, when the caller has it (a slice of what :func:`lowered_for_slices` gave)."""
        if not text or not self._alternatives:
            return []
        low = lowered if lowered is not None else _lowered(text)
        markers = self.markers
        out = []
        for start, end, marker in self._matches(low, key_places):
            candidates = markers[marker]
            if len(candidates) == 1 and candidates[0][0] is None:
                out.append((start, end, candidates[0][1]))
                continue
            labels: tuple = ()
            for check, cand in candidates:
                if check is None or check(text, start, end):
                    labels += cand
            if labels:
                out.append((start, end, labels))
        return out

    def _automaton(self):
        """The pre-scan's automaton, built on first use; False when there is none."""
        prescan = self._prescan
        if prescan is None:
            prescan = self._prescan = _build_prescan(self._trie)
            self._longest_key = prescan.get_stats()["longest_word"] if prescan is not False else 0
        return prescan

    def slice_key_places(self, text: str, inner: list[int], lowered: str | None = None) -> list[int] | None:
        """Places for :meth:`spans`'s ``key_places`` of ``text``, a slice of a longer text, from ``inner``:
        the places :func:`prescan_together` found in the longer text that fall in the slice (its start
        and end included), made relative to the slice. None when this matcher has no pre-scan.

        The pre-scan of ``text`` alone reads it with a space put before and after. A key it finds
        that takes in neither space is found in the longer text too (the same characters, mapped
        one by one: lower-casing turns no non-ASCII character into a different ASCII one in context),
        so its place is in ``inner``; one that takes in the space before starts at 0; one that takes
        in the space after lies within the last characters of ``text``, as many as the longest key,
        which are scanned here (with a space of their own before them: a place too many at most).
        The result holds every place the slice's own pre-scan finds, maybe more: and trying the regex
        at more places, in order, finds the same matches (the first place from ``pos`` on where it
        matches is still the first match from ``pos``, as every match start is among the places)."""
        automaton = self._automaton()
        if automaton is False:
            return None
        tail_start = max(0, len(text) - self._longest_key)
        low_tail = lowered[tail_start:] if lowered is not None else _lowered(text[tail_start:])
        places = [tail_start + place for place in _key_places(automaton, low_tail)]
        places += inner
        places.append(0)
        places.sort()
        return places

    def _matches(self, low: str, key_places: list[int] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, marker group) of each match of ``self.regex`` in ``low``, as its finditer finds them.

        With pyahocorasick, an Aho-Corasick automaton finds where a match may start (see
        :func:`_prescan_keys`) and ``self.regex`` is tried there only; otherwise :meth:`_regex_matches`.
        ``key_places``: the places that automaton finds in ``low``, in order, found already.
        """
        prescan = self._automaton()
        if prescan is False:
            return self._regex_matches(low)
        if key_places is not None:
            starts = key_places
        else:
            starts = _key_places(prescan, low)
            starts.sort()
        first_parts = self._first_parts
        match = self.regex.match if first_parts is None else None
        by_first_char = self._by_first_char
        out = []
        pos = 0
        tried = -1
        for start in starts:
            if start < pos or start == tried:
                continue
            tried = start
            if match is None and 0 <= start < len(low):
                ch = low[start]
                regex = by_first_char[ch] if ch in by_first_char else self._first_char_regex(ch)
                m = regex.match(low, start) if regex is not None else None
            elif match is None and start >= len(low):
                continue  # (at the text's end: every alternative needs a character)
            else:
                m = (match or self.regex.match)(low, start)
            if m is not None:
                pos = m.end()
                # (no empty match: every alternative starts with a literal)
                out.append((start, pos, m.lastgroup))
        return out

    def _regex_matches(self, low: str) -> list[tuple[int, int, str]]:
        """:meth:`_matches` with ``self.regex`` alone.

        ``self.regex`` starts with ``(?<!\\w)``, which the engine tries at every position of the text.
        ``_after_nonword`` consumes that non-word character instead: a pattern that starts with a
        character class lets the engine skip straight to the next non-word character, and its match
        at p - 1 is the regex's match at p, one character longer. It cannot find a match at the text's
        start, nor one starting right where the previous match ended (the character before is part of
        that match): ``self.regex`` itself is tried there, which is needed only when that character is
        not a word character (else the look-behind fails); a match that ends with a word character, the
        usual case, needs no such try.
        """
        if self._after_nonword is None:
            self._after_nonword = re.compile(r"\W(?:" + self._alternatives + ")")
        regex, after = self.regex, self._after_nonword
        out = []
        pos = 0
        here = True  # whether self.regex may match at pos itself
        while True:
            if here:
                m = regex.match(low, pos)
                if m is not None:
                    end = m.end()
                    if end == pos:  # an empty match: finditer's own rules for those apply
                        return [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(low)]
                    out.append((pos, end, m.lastgroup))
                    last = low[end - 1]
                    pos, here = end, not (last.isalnum() or last == "_")  # re's \w, exactly
                    continue
            m = after.search(low, pos)  # self.regex's first match after pos
            if m is None:
                return out
            start, end = m.start() + 1, m.end()
            if end == start:
                return [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(low)]
            out.append((start, end, m.lastgroup))
            last = low[end - 1]
            pos, here = end, not (last.isalnum() or last == "_")


class _Compiled:
    """The compiled matcher of one topic list (shared by equal taxonomies in a process)."""

    def __init__(self, topics: tuple[Topic, ...]):
        by_name = {t.name: t for t in topics}
        self.ancestors: dict[str, tuple[str, ...]] = {}
        for t in topics:
            chain = [t.name]
            seen = {t.name}
            parent = t.parent
            while parent is not None:
                if parent not in by_name:
                    raise TaxonomyError(f"topic {t.name!r}: unknown parent {parent!r}")
                if parent in seen:
                    raise TaxonomyError(f"topic {t.name!r}: its parents form a cycle")
                seen.add(parent)
                chain.append(parent)
                parent = by_name[parent].parent
            self.ancestors[t.name] = tuple(chain)
        phrases = []
        patterns = []
        for t in topics:
            phrases.extend((alias, t.name, False) for alias in t.aliases)
            for pattern in t.patterns:
                try:
                    compiled = re.compile(pattern, re.IGNORECASE)
                except re.error as e:
                    raise TaxonomyError(f"topic {t.name!r}: bad pattern {pattern!r}: {e}") from None
                if compiled.match(""):
                    raise TaxonomyError(f"topic {t.name!r}: pattern {pattern!r} matches the empty string")
                if compiled.groups:
                    # capturing groups would confuse the marker groups of the big regex
                    pattern = _uncapture(pattern)
                patterns.append((pattern, t.name))
        self.matcher = PhraseMatcher(phrases, patterns)
        self._counted: dict[tuple, tuple[str, ...]] = {}

    def counted(self, names: tuple) -> tuple[str, ...]:
        """The topics a match for ``names`` counts for: them and their ancestors, once each."""
        result = self._counted.get(names)
        if result is None:
            out: list[str] = []
            for name in names:
                for a in self.ancestors[name]:
                    if a not in out:
                        out.append(a)
            result = self._counted[names] = tuple(out)
        return result

    def spans(self, text: str):
        for start, end, names in self.matcher.spans(text):
            yield start, end, self.counted(names)

    def match(self, text: str, key_places: list[int] | None = None, lowered: str | None = None) -> dict[str, int]:
        counts: dict[str, int] = {}
        for names in self.matcher.labels(text, key_places, lowered):
            for name in self._counted.get(names) or self.counted(names):
                counts[name] = counts.get(name, 0) + 1
        return counts


# ----------------------------------------------------------------------------------------------
# Compiling many patterns into one fast regex
#
# Python's re tries the branches of an alternation one after the other, so one branch per
# alias would cost (number of aliases) steps at every position of the text. Instead every
# alias and pattern is split into a literal prefix ("nord", "military") and a regex tail,
# and the prefixes are merged into a character trie: at each position the regex follows at
# most one branch per character, and the engine's quick first-character test skips the
# others. Tails are matched case-insensitively after their prefix, then a word boundary and
# an empty marker group that tells which alternative matched.

_SPECIAL = set(".^$*+?{}[]\\|()")
_QUANT = set("?*+{")
_MAX_EXPANSIONS = 64


_SEP = "\x00sep"  # trie token: any run of spaces and hyphens between the words of an alias
_APOS = "\x00apos"  # trie token: a straight or curly apostrophe
_TOKEN_RE = {_SEP: r"[\s\u00a0\-‐‑–]+", _APOS: "['’]"}


def _alias_tokens(key: str) -> list[str]:
    tokens: list[str] = []
    for i, word in enumerate(key.split(" ")):
        if i:
            tokens.append(_SEP)
        tokens.extend(_APOS if ch == "'" else ch for ch in word)
    return tokens


class _TrieNode:
    __slots__ = ("children", "leaves")

    def __init__(self):
        self.children: dict[str, _TrieNode] = {}
        self.leaves: list[tuple[str, str]] = []

    def child_parts(self) -> list[tuple[str, str]]:
        """(token, regex) of each child, in the order :meth:`render` puts them: the token's regex, then the child's."""
        return [(token, (_TOKEN_RE.get(token) or re.escape(token)) + child.render())
                for token, child in sorted(self.children.items())]

    def render(self, root: bool = False) -> str:
        parts = [part for _, part in self.child_parts()]
        for tail, marker in sorted(self.leaves, key=lambda leaf: (-len(leaf[0]), leaf[1])):
            parts.append(_leaf(tail, marker))
        if not parts:
            return ""
        if len(parts) == 1 and not root:
            return parts[0]
        return "(?:" + "|".join(parts) + ")"


_TOKEN_FIRST_CHAR = {_SEP: re.compile(_TOKEN_RE[_SEP][:-1]), _APOS: re.compile(_TOKEN_RE[_APOS])}
# a numbered back-reference or condition ("\\1", "(?(1)"; named ones are safe but counted too): see
# PhraseMatcher._first_parts
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _token_may_start(token: str, ch: str) -> bool:
    """Whether the regex of trie token ``token`` may match a text from the character ``ch`` on: a literal
    token is that character (the text is lower-cased, and so is the token); a separator or an apostrophe
    token is a class of characters (_TOKEN_RE)."""
    first = _TOKEN_FIRST_CHAR.get(token)
    return token == ch if first is None else first.fullmatch(ch) is not None


def _leaf(tail: str, marker: str) -> str:
    return (f"(?i:{tail})" if tail else "") + rf"(?!\w)(?P<{marker}>)"


# ----------------------------------------------------------------------------------------------
# The pre-scan: where a match may start
#
# Python's re tries the big alternation after every non-word character of the text (about 33 ns
# per character on news text). Instead an Aho-Corasick automaton (pyahocorasick, in C) finds, in one
# pass, the places where the text begins with a *key*: what an alternative must start with, seen
# through a mapping that keeps a-z, 0-9 and "_" and makes every other character a space. The regex
# is then tried at those places only; the places are a superset of where it matches (every match
# of an alternative begins with one of its keys, mapped the same way), so the first place where it
# matches is the first match that finditer would find, with the same alternative. A key starts
# with a space, for the non-word character (or the text's start) that ``(?<!\w)`` asks for before
# every match; it reads on through the literal and the regex tail of its alternative (a few
# repetitions of a repeat, each branch of an alternation, a space for a final ``(?!\w)``) while
# that gives few keys, and ends where the alternative can go on with too many characters.

try:
    import ahocorasick as _ahocorasick
    # the keys are read from the parsed regexes: Python's own parser (private, stable since 3.11); a
    # Python without it, like a missing pyahocorasick, gets the same matches from the regexes alone
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - a declared dependency; without it, the same matches more slowly
    _ahocorasick = None

_PRESCAN_KEEP = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_PRESCAN_TABLE = bytes(b if chr(b) in _PRESCAN_KEEP else 32 for b in range(256))
_KEY_MAX = 24  # characters of a key, after its leading space
_KEY_VARIANTS = 64  # keys of one alternative, at most, before it stops reading on
_REPEATS = 2  # copies of a repeated part that a key spells out
# the lower-case ASCII letters that ignoring case equates with a non-ASCII character ("İ" and "ı"
# with "i", the Kelvin sign with "k", the long s "ſ" with "s"): that character is a space to the keys
_CASE_TWINS = frozenset("iks")


def _key_char(ch: str) -> str:
    return ch if ch in _PRESCAN_KEEP else " "


def _key_chars(ch: str, ignore_case: bool) -> set[str] | None:
    """What a character of the text that matches the pattern's ``ch`` is to the keys (the text is
    lower-case); None when that cannot be told simply."""
    if ch.isascii():
        if not ignore_case:
            return {_key_char(ch)}
        low = ch.lower()
        return {_key_char(low), " "} if low in _CASE_TWINS else {_key_char(low)}
    if ignore_case and (ch.lower() != ch or ch.upper() != ch):
        return None  # a cased non-ASCII character may match an ASCII letter
    return {" "}


def _prescan_strings(items, ignore_case: bool) -> set[tuple[str, bool]]:
    """The key strings a sequence of parsed regex items can begin a match with: (string, whole),
    ``whole`` when the string spells the entire sequence (so what follows may extend it); a string
    ends (not whole) before an item that cannot be told simply."""
    states = {("", True)}
    for item in items:
        states, ended = _prescan_step(states, item, ignore_case)
        if ended:
            break
    return states


def _prescan_step(states: set[tuple[str, bool]], item, ignore_case: bool) -> tuple[set[tuple[str, bool]], bool]:
    """:func:`_prescan_strings`'s reading of one more item after the key strings ``states``: the strings
    then, and whether they end there (no whole one was left, or the item cannot be told simply, or it
    would make too many)."""
    if not any(whole for _, whole in states):
        return states, True
    options = _prescan_item(item, ignore_case)
    if options is None:
        return {(text, False) for text, _ in states}, True
    grown = set()
    for text, whole in states:
        if not whole:
            grown.add((text, False))
            continue
        for more, more_whole in options:
            longer = text + more
            if len(longer) >= _KEY_MAX:
                grown.add((longer[:_KEY_MAX], False))
            else:
                grown.add((longer, more_whole))
    if len(grown) > _KEY_VARIANTS:
        return {(text, False) for text, _ in states}, True
    return grown, False


def _prescan_item(item, ignore_case: bool) -> set[tuple[str, bool]] | None:
    """:func:`_prescan_strings` for one parsed item."""
    op, av = item
    if op is _c.LITERAL:
        chars = _key_chars(chr(av), ignore_case)
        return None if chars is None else {(ch, True) for ch in chars}
    if op is _c.IN:
        chars = _class_key_chars(av, ignore_case)
        return None if chars is None else {(ch, True) for ch in chars}
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags & re.IGNORECASE:
            ignore_case = True
        if del_flags & re.IGNORECASE:
            ignore_case = False
        return _prescan_strings(sub, ignore_case)
    if op is _c.ATOMIC_GROUP:  # matches a part of what the group alone would
        return _prescan_strings(av, ignore_case)
    if op is _c.BRANCH:
        out = set()
        for branch in av[1]:
            out |= _prescan_strings(branch, ignore_case)
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        least, most, sub = av
        one = _prescan_strings(sub, ignore_case)
        if least > _REPEATS:
            return None
        out = set()
        copies = {("", True)}
        for n in range(min(most, _REPEATS) + 1):
            if n >= least:
                out |= copies
            if n == min(most, _REPEATS):
                break
            copies = {(a + b, b_whole) if a_whole else (a, False) for a, a_whole in copies for b, b_whole in one}
            if len(copies) > _KEY_VARIANTS:
                return None
        if most > _REPEATS:
            out |= {(text, False) for text, _ in copies}  # more copies: the key ends after these
        return out
    if op is _c.AT or op is _c.ASSERT:
        return {("", True)}  # no character
    if op is _c.ASSERT_NOT:
        direction, sub = av
        if direction == 1 and list(sub) == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_WORD)])]:
            return {(" ", False)}  # (?!\w): a non-word character or the text's end follows; the key ends
        return {("", True)}
    return None


def _class_key_chars(members, ignore_case: bool) -> set[str] | None:
    """The key characters of the text characters a parsed character class matches; None when
    they are too many to be worth telling apart."""
    out: set[str] = set()
    for op, av in members:
        if op is _c.LITERAL:
            chars = _key_chars(chr(av), ignore_case)
        elif op is _c.RANGE:
            low, high = av
            if high - low > 64:
                return None
            chars = set()
            for code in range(low, high + 1):
                more = _key_chars(chr(code), ignore_case)
                if more is None:
                    return None
                chars |= more
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            chars = {" "}
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars = set("0123456789 ")  # other scripts' digits: a space to the keys
        else:
            return None  # a negated class, \w, ...
        if chars is None:
            return None
        out |= chars
    return out if len(out) <= 12 else None


def _prescan_keys(trie: "_TrieNode") -> set[str]:
    """The keys of the alternatives the regex ``trie.render(root=True)`` is made of.

    An alternative's regex is the regexes of the tokens on its path through the trie, then its leaf's:
    its key strings are those of these parts' parsed items in a row (each part a whole sequence of
    items: a character, a class with its repeat, a leaf's groups). So they are read along the trie,
    each token's items once for all the alternatives below it, not once per alternative (which parsing
    each alternative's regex whole would take: the time of the first document of a process).
    """
    keys: set[str] = set()
    token_items: dict[str, list] = {}
    leaf_items: dict[str, list] = {}

    def read(states: set, ended: bool, items) -> tuple[set, bool]:
        for item in items:
            if ended:
                break
            states, ended = _prescan_step(states, item, False)
        return states, ended

    def walk(node: _TrieNode, states: set, ended: bool) -> None:
        for token, child in node.children.items():
            items = token_items.get(token)
            if items is None:
                items = token_items[token] = list(_parser.parse(_TOKEN_RE.get(token) or re.escape(token)))
            walk(child, *read(states, ended, items))
        for tail, _marker in node.leaves:
            try:
                items = leaf_items.get(tail)
                if items is None:
                    # (the marker group's name tells nothing about the keys: one parse for all equal tails)
                    items = leaf_items[tail] = list(_parser.parse(_leaf(tail, "m")))
                strings, _ = read(states, ended, items)
            except Exception:  # pragma: no cover - the regex compiled, so its parts parse
                strings = {("", True)}  # nothing to go by: a key that every word start has
            keys.update(" " + text for text, _ in strings)

    walk(trie, {("", True)}, False)
    return keys


def _build_prescan(trie: "_TrieNode | None"):
    """The automaton of :meth:`PhraseMatcher._matches`, or False when there is none to build."""
    if trie is None or _ahocorasick is None or not _ahocorasick.unicode:  # (a bytes build takes no str)
        return False
    automaton = _ahocorasick.Automaton()
    last = None
    for key in sorted(_prescan_keys(trie)):
        # a key that begins with another adds no place (sorted: right after the keys it begins with)
        if last is not None and key.startswith(last):
            continue
        last = key
        # the text's offset of a place: the automaton reports where a key ends in " " + mapped text
        automaton.add_word(key, len(key) - 1)
    automaton.make_automaton()
    return automaton


_JOINT_AUTOMATA: dict[tuple[int, ...], tuple] = {}  # id()s of the matchers -> (the matchers, joint automaton)


def prescan_together(matchers: tuple[PhraseMatcher, ...], text: str, lowered: str | None = None) -> list[list[int]] | None:
    """For each of ``matchers``, the places where its pre-scan finds a key in ``text``, in order: what
    its :meth:`PhraseMatcher._matches` would find, for its ``key_places``. One automaton holds the keys
    of all of them, each key's value telling whose it is, so the text is read once, not once per matcher;
    an automaton reports every occurrence of every key, so each matcher gets the places of its own keys
    (the same offset for a key that several hold: the key's length less one). None when one of the
    matchers has no pre-scan. ``lowered``: ``text`` lower-cased for matching, when the caller has it
    (see :func:`lowered_for_slices`)."""
    ids = tuple(id(m) for m in matchers)
    joint = _JOINT_AUTOMATA.get(ids)
    if joint is None or any(a is not b for a, b in zip(joint[0], matchers)):
        automata = [m._automaton() for m in matchers]
        if any(a is False for a in automata):
            return None
        owners: dict[str, tuple] = {}  # key -> (offset, whether matcher 0 holds it, matcher 1, ...)
        for k, automaton in enumerate(automata):
            for key, offset in automaton.items():
                held = owners.get(key, (offset,) + (False,) * len(matchers))
                owners[key] = held[:k + 1] + (True,) + held[k + 2:]
        automaton = _ahocorasick.Automaton()
        for key, value in owners.items():
            automaton.add_word(key, value)
        automaton.make_automaton()
        if len(_JOINT_AUTOMATA) > 8:
            _JOINT_AUTOMATA.clear()
        joint = _JOINT_AUTOMATA[ids] = (tuple(matchers), automaton)
    if not text:
        return [[] for _ in matchers]
    hits = list(joint[1].iter(_prescan_text(lowered if lowered is not None else _lowered(text))))
    places = []
    for k in range(1, len(matchers) + 1):
        own = [end - value[0] for end, value in hits if value[k]]
        own.sort()
        places.append(own)
    return places


def _syntax(src: str, start: int = 0):
    """Yield ``(index, char, depth)`` for each character of ``src`` from ``start`` that is
    regex syntax: not escaped and not inside a character class. ``depth`` is the group
    depth after the character (so a ')' closing the outermost group gives 0)."""
    depth = 0
    in_class = False
    j = start
    while j < len(src):
        ch = src[j]
        if ch == "\\":
            j += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if src[j + 1:j + 2] == "^":
                j += 1
            if src[j + 1:j + 2] == "]":
                j += 1
        else:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            yield j, ch, depth
        j += 1


def _closing(src: str, i: int) -> int:
    """Index of the ')' closing the group that opens at ``src[i]``, or -1."""
    for j, ch, depth in _syntax(src, i):
        if ch == ")" and depth == 0:
            return j
    return -1


def _split_top(src: str) -> list[str]:
    """Split ``src`` at the '|' that are not inside a group or a class."""
    parts, start = [], 0
    for j, ch, depth in _syntax(src):
        if ch == "|" and depth == 0:
            parts.append(src[start:j])
            start = j + 1
    parts.append(src[start:])
    return parts


def _literal_prefix(src: str) -> tuple[str, str]:
    """(the literal characters ``src`` starts with, the rest of the source)."""
    out = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            nxt = src[i + 1:i + 2]
            if not nxt or nxt.isalnum() or nxt == "_":
                break
            lit, step = nxt, 2
        elif ch in _SPECIAL:
            break
        else:
            lit, step = ch, 1
        if src[i + step:i + step + 1] in _QUANT:
            break  # 's?' : the character is optional, not part of the prefix
        out.append(lit)
        i += step
    return "".join(out), src[i:]


def _expand(src: str, depth: int = 0) -> list[tuple[str, bool, str]] | None:
    """Split a pattern into alternatives (literal prefix, case-sensitive?, regex tail).

    A leading group "(?:a|b)c" is distributed ("ac", "bc"); a leading "(?-i:...)" group
    gives a case-sensitive prefix. None when the expansion would be too large.
    """
    if depth > 6:
        return None
    if src.startswith(("(?:", "(?-i:", "(?i:")):
        close = _closing(src, 0)
        if close < 0:
            return [("", False, src)]
        after = src[close + 1:]
        if after[:1] in _QUANT:
            return [("", False, src)]
        opener_end = src.index(":") + 1
        exact = src.startswith("(?-i:")
        results: list[tuple[str, bool, str]] = []
        for branch in _split_top(src[opener_end:close]):
            if exact:
                prefix, rest = _literal_prefix(branch)
                results.append((prefix, True, (f"(?-i:{rest})" if rest else "") + after))
            else:
                sub = _expand(branch + after, depth + 1)
                if sub is None:
                    return None
                results.extend(sub)
            if len(results) > _MAX_EXPANSIONS:
                return None
        return results
    if len(_split_top(src)) > 1:
        return _expand("(?:" + src + ")", depth + 1)
    prefix, rest = _literal_prefix(src)
    return [(prefix, False, rest)]


def _uncapture(pattern: str) -> str:
    """Turn capturing groups '(' into non-capturing '(?:' (escapes and classes respected)."""
    out, last = [], 0
    for j, ch, _depth in _syntax(pattern):
        if ch == "(" and pattern[j + 1:j + 2] != "?":
            out.append(pattern[last:j] + "(?:")
            last = j + 1
    out.append(pattern[last:])
    result = "".join(out)
    try:
        if re.compile(result).groups:
            raise TaxonomyError(f"pattern {pattern!r}: named or numbered groups are not allowed")
    except re.error as e:  # pragma: no cover - the original compiled, so this should too
        raise TaxonomyError(f"pattern {pattern!r}: {e}") from None
    return result


_COMPILED_CACHE: dict[str, _Compiled] = {}


def _compiled_for(topics: tuple[Topic, ...]) -> _Compiled:
    key = hashlib.sha256(json.dumps([asdict(t) for t in topics], sort_keys=True).encode()).hexdigest()
    compiled = _COMPILED_CACHE.get(key)
    if compiled is None:
        compiled = _Compiled(topics)
        if len(_COMPILED_CACHE) > 16:
            _COMPILED_CACHE.clear()
        _COMPILED_CACHE[key] = compiled
    return compiled


class Taxonomy:
    """A hierarchy of topics and a fast matcher for it."""

    def __init__(self, topics: Iterable[Topic]):
        topics = tuple(topics)
        seen = set()
        for t in topics:
            if t.name in seen:
                raise TaxonomyError(f"topic {t.name!r} is defined twice")
            seen.add(t.name)
        self.topics: list[Topic] = list(topics)
        self._by_name = {t.name: t for t in topics}
        self._compiled = _compiled_for(topics)

    # -- construction ------------------------------------------------------------------------
    @classmethod
    def default(cls) -> "Taxonomy":
        """The packaged taxonomy (``data/topics.yml``), built once per process."""
        return _default_taxonomy()

    @classmethod
    def load(cls, extra: str | Path | None = None, replace: bool = False) -> "Taxonomy":
        """The packaged topics plus those of the YAML file ``extra``.

        A topic of ``extra`` whose name is already packaged replaces the packaged
        one; with ``replace=True`` only the topics of ``extra`` are used. Raises
        :class:`TaxonomyError` for an unreadable or invalid file.
        """
        if extra is None:
            if replace:
                raise TaxonomyError("replace=True needs a topics file")
            return cls.default()
        user = _read_topics(extra)
        if replace:
            return cls(user)
        names = {t.name for t in user}
        merged = [t for t in _packaged_topics() if t.name not in names] + user
        return cls(merged)

    # -- queries -----------------------------------------------------------------------------
    def match(self, text: str, key_places: list[int] | None = None, lowered: str | None = None) -> dict[str, int]:
        """Topic name -> number of matches in ``text`` (ancestors included; only topics found).

        ``key_places``: what :func:`prescan_together` found in ``text`` for :attr:`matcher`;
        ``lowered``: see :meth:`PhraseMatcher.spans`."""
        return self._compiled.match(text, key_places, lowered)

    @property
    def matcher(self) -> PhraseMatcher:
        """The :class:`PhraseMatcher` of these topics (shared by equal taxonomies)."""
        return self._compiled.matcher

    def explain(self, text: str) -> list[tuple[str, list[str]]]:
        """Why ``text`` got its topics: (matched text, topics it counted for) for every match."""
        return [(text[a:b], list(names)) for a, b, names in self._compiled.spans(text)]

    def get(self, name: str) -> Topic | None:
        return self._by_name.get(name)

    def ancestors(self, name: str) -> list[str]:
        """The parent, grandparent, ... of topic ``name`` (nearest first)."""
        return list(self._compiled.ancestors.get(name, (name,))[1:])

    def children(self, name: str | None) -> list[Topic]:
        """Topics whose parent is ``name`` (None: the top-level topics)."""
        return [t for t in self.topics if t.parent == name]

    def ordered(self) -> list[Topic]:
        """Topics with every parent before its children (for inserting with foreign keys)."""
        depth = {t.name: len(self._compiled.ancestors[t.name]) for t in self.topics}
        return sorted(self.topics, key=lambda t: depth[t.name])

    def __len__(self) -> int:
        return len(self.topics)

    def __iter__(self):
        return iter(self.topics)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __repr__(self) -> str:
        return f"<Taxonomy of {len(self.topics)} topics>"

    # -- pickling: the topic list only; the regex is rebuilt (and cached) in the receiving process
    def __getstate__(self):
        return {"topics": [asdict(t) for t in self.topics]}

    def __setstate__(self, state):
        topics = [
            Topic(
                name=d["name"],
                description=d.get("description", ""),
                parent=d.get("parent"),
                aliases=tuple(d.get("aliases") or ()),
                patterns=tuple(d.get("patterns") or ()),
            )
            for d in state["topics"]
        ]
        self.__init__(topics)


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    return Taxonomy(_packaged_topics())
