"""Topics of international relations (``data/topics.yml``) and how a text matches them.

A :class:`Taxonomy` is a list of :class:`Topic` records in a hierarchy ("Nord
Stream 2" under "Pipelines" under "Energy"). ``Taxonomy.match(text)`` counts,
for every topic, how often the text mentions it:

* every alias and pattern of every topic is compiled into ONE regular
  expression (:class:`PhraseMatcher`): literal prefixes are merged into a
  character trie, so a text is scanned once, at a cost that hardly grows with
  the number of topics (about 1 ms for 25 kB of text);
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
from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml

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
    text = resources.files("datasette_diplomacy").joinpath("data/topics.yml").read_text(encoding="utf-8")
    return tuple(_topics_from_data(yaml.safe_load(text), "data/topics.yml"))


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
        parts = [trie.render(root=True)] if trie.children or trie.leaves else []
        parts += [_leaf(tail, marker) for tail, marker in sorted(fallback, key=lambda f: -len(f[0]))]
        parts = [p for p in parts if p]
        # the text is lower-cased before matching, so the trie holds lower-case literals only
        self.regex = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")") if parts else None
        # the same alternatives after one (consumed) non-word character: see _matches
        self._after_nonword = re.compile(r"\W(?:" + "|".join(parts) + ")") if parts else None

    def labels(self, text: str) -> list[tuple]:
        """The labels of every match in ``text``, in order."""
        return [labels for _, _, labels in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, tuple]]:
        """(start, end, labels) of every match in ``text``, in order."""
        if not text or self.regex is None:
            return []
        low = text.lower()
        if len(low) != len(text):  # 'İ' lower-cases to two characters: keep offsets aligned
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        markers = self.markers
        out = []
        for start, end, marker in self._matches(low):
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

    def _matches(self, low: str) -> list[tuple[int, int, str]]:
        """(start, end, marker group) of each match of ``self.regex`` in ``low``, as its finditer finds them.

        ``self.regex`` starts with ``(?<!\\w)``, which the engine tries at every position of the text.
        ``_after_nonword`` consumes that non-word character instead: a pattern that starts with a
        character class lets the engine skip straight to the next non-word character, and its match
        at p - 1 is the regex's match at p, one character longer. It cannot find a match at the text's
        start, nor one starting right where the previous match ended (the character before is part of
        that match): ``self.regex`` itself is tried there, which is needed only when that character is
        not a word character (else the look-behind fails); a match that ends with a word character, the
        usual case, needs no such try.
        """
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

    def match(self, text: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for names in self.matcher.labels(text):
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

    def render(self, root: bool = False) -> str:
        parts = []
        for token, child in sorted(self.children.items()):
            parts.append(_TOKEN_RE.get(token) or re.escape(token))
            parts[-1] += child.render()
        for tail, marker in sorted(self.leaves, key=lambda leaf: (-len(leaf[0]), leaf[1])):
            parts.append(_leaf(tail, marker))
        if not parts:
            return ""
        if len(parts) == 1 and not root:
            return parts[0]
        return "(?:" + "|".join(parts) + ")"


def _leaf(tail: str, marker: str) -> str:
    return (f"(?i:{tail})" if tail else "") + rf"(?!\w)(?P<{marker}>)"


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
    def match(self, text: str) -> dict[str, int]:
        """Topic name -> number of matches in ``text`` (ancestors included; only topics found)."""
        return self._compiled.match(text)

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
