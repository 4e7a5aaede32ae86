"""Direct and indirect quotes in a news article, with their speakers.

``find_quotes(body, paragraphs, resolver)`` returns :class:`~datasette_diplomacy.model.Quote`
records whose ``body[start:end] == text``. It works on a *masked* copy of the
body (``Layout``), in which the words between quotation marks are blanked out,
so that reporting verbs and speakers are only looked for in the narrative.

Rules (see ``docs`` in the report and the tests for examples):

* quotation marks: “ ” „ ‟ « » " and the `` '' pairs of some US papers are
  double marks; ‘ ’ quotes count at the top level only outside double quotes
  (a ‘nested’ quote inside double quotes stays inside). A quote still open at
  the end of its paragraph runs to the paragraph end (multi-paragraph quotes).
* a *direct* quote's text is what lies between the marks, without trailing
  ``,``/``;``/``:``; an *indirect* quote's text is the reported clause
  ("Lavrov said [that] <clause>", "<clause>, the minister said",
  "according to Truss, <clause>", "Truss warned of <clause>").
* a reporting verb needs a subject (a name, a role, a pronoun, an anonymous
  source, a group or an institution), found right before it ("Lavrov said",
  "Lavrov, Russia's foreign minister, said", "the minister also said"), right
  after it ("…,” said Lavrov"), or inherited by a participle or coordinated
  verb ("…, adding that …", "… and argued that …").
* quotes split by their attribution ("“A,” he said. “B.”") get the same speaker;
  a quote with no attribution of its own takes the speaker of the nearest
  attributed quote of its sentence, paragraph, multi-paragraph chain or the
  previous paragraph's closing attribution, else None.
* short quoted fragments (fewer than ``MIN_DIRECT_WORDS`` words: scare quotes,
  titles, "a crutch") are never quotes of their own: inside an attributed
  sentence they become part of its indirect quote (with its speaker), and
  elsewhere they are ignored.
"""
from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..model import Quote
from ..text import paragraph_index, trie_regex
from . import gazetteer
# the pre-scan of the topic matcher, reused for _CUE (see _cue_automaton); without pyahocorasick or Python's
# regex parser, topics sets _ahocorasick to None, and _CUE alone finds the same cues
from .topics import _PRESCAN_TABLE, _ahocorasick, _key_char, _prescan_strings

try:
    import re._parser as _re_parser  # (private, stable since 3.11: the topic matcher reads its keys with it too)
except ImportError:  # pragma: no cover
    _re_parser = None

MIN_DIRECT_WORDS = 4
MAX_FRAGMENT_WORDS = 8  # embedded quoted phrases shorter than this need a cue of their own
_SENTENCE_END = re.compile(r"[.!?][ \t]*$")

# ---------------------------------------------------------------- layout

# ``|''|[“”„‟«»"], written as its first character, then the second ` or ' for the first two: the same
# matches, but a pattern that starts with a character class lets the engine skip to the next mark
_DOUBLE_MARK = re.compile(
    r"[`'\u201c\u201d\u201e\u201f\u00ab\u00bb\"](?:(?<=`)`|(?<=')'|(?<=[\u201c\u201d\u201e\u201f\u00ab\u00bb\"]))"
)
# _DOUBLE_MARK's one-character marks, and the characters of its two-character ones (`` and '')
_SINGLE_CHARACTER_MARKS = "\u201c\u201d\u201e\u201f\u00ab\u00bb\""
_DOUBLED_MARK_CHARACTERS = "`'"


def _occurrences(text: str, needles) -> list[int]:
    """Where each of ``needles`` (strings, or the characters of a string) occurs in ``text``, every
    occurrence (overlapping ones too), in order.

    Found with ``str.find``, one needle after the other: for a character, the string search skips to
    its next occurrence far faster than the regex engine tests a class at every character (that costs
    the engine some 60 instructions a character), when the characters sought are few in the text."""
    places = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            places.append(at)
            at = text.find(needle, at + 1)
    places.sort()
    return places


def _double_mark_starts(body: str) -> list[int]:
    """``[m.start() for m in _DOUBLE_MARK.finditer(body)]``, found with ``str.find`` (see :func:`_occurrences`).

    A match is one of the one-character marks, or two ` or two ' in a row, taken from the left as finditer
    takes them (in a run of three the third is left); no match of one kind overlaps one of another."""
    starts = _occurrences(body, _SINGLE_CHARACTER_MARKS)
    for char in _DOUBLED_MARK_CHARACTERS:
        at = body.find(char)
        while at >= 0:
            if body.startswith(char, at + 1):
                starts.append(at)
                at = body.find(char, at + 2)
            else:
                at = body.find(char, at + 1)
    starts.sort()
    return starts


_OPENERS = {"\u201c", "\u201e", "\u201f", "\u00ab", "``"}
_CLOSERS = {"\u201d", "\u00bb"}
_SINGLE = re.compile(r"(?<![\w\u2019'])\u2018(?=\S)([^\u2018\u2019\n]*?(?:\u2019\w[^\u2018\u2019\n]*?)*)(?<=\S)\u2019(?!\w)")
_WORD = re.compile(r"\w+")
_NEWLINE = re.compile(r"\n")
_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass
class QSpan:
    """A quoted stretch: marks at ``open`` and ``close_end - len(close mark)``."""

    open: int  # position of the opening mark
    start: int  # first character inside
    end: int  # one past the last character inside
    close_end: int  # one past the closing mark (== end when unclosed)
    closed: bool
    paragraph: int
    single: bool = False

    @property
    def words(self) -> int:
        return self._words

    def text_bounds(self, body: str) -> tuple[int, int]:
        """Inner bounds without surrounding spaces and trailing , ; :"""
        s, e = self.start, self.end
        while s < e and body[s].isspace():
            s += 1
        while e > s and (body[e - 1].isspace() or body[e - 1] in ",;:\u2013\u2014-"):
            e -= 1
        return s, e


def _double_quotes(body: str, pstart: int, pend: int, pi: int) -> list[QSpan]:
    spans: list[QSpan] = []
    open_at = None  # (mark position, mark)
    for m in _DOUBLE_MARK.finditer(body, pstart, pend):
        mark = m.group()
        pos = m.start()
        if mark in _OPENERS:
            if open_at is not None:
                # "„...“" (German) closes with “; otherwise an unclosed quote ends here
                if open_at[1] == "\u201e" and mark == "\u201c" or (
                        # "… real problems for her here,“ said Jim Clyburn": “ typed for ” after a word
                        mark == "\u201c" and pos > pstart and not body[pos - 1].isspace()
                        and (m.end() >= pend or body[m.end()].isspace())):
                    spans.append(QSpan(open_at[0], open_at[0] + len(open_at[1]), pos, m.end(), True, pi))
                    open_at = None
                    continue
                spans.append(QSpan(open_at[0], open_at[0] + len(open_at[1]), pos, pos, False, pi))
            open_at = (pos, mark)
        elif mark in _CLOSERS:
            if open_at is not None:
                spans.append(QSpan(open_at[0], open_at[0] + len(open_at[1]), pos, m.end(), True, pi))
                open_at = None
            elif mark == "\u201d" and m.end() < pend and (body[m.end()].isalnum() or body[m.end()] == "\u2026") \
                    and (pos == pstart or body[pos - 1].isspace()):
                open_at = (pos, mark)  # ” used as an opener
        else:  # straight " or '' toggles
            if open_at is None:
                nxt = body[m.end()] if m.end() < pend else " "
                if nxt.isspace() and pos > pstart and not body[pos - 1].isspace():
                    continue  # a stray closer (or inch mark)
                open_at = (pos, mark)
            else:
                spans.append(QSpan(open_at[0], open_at[0] + len(open_at[1]), pos, m.end(), True, pi))
                open_at = None
    if open_at is not None:
        spans.append(QSpan(open_at[0], open_at[0] + len(open_at[1]), pend, pend, False, pi))
    return [s for s in spans if s.end > s.start]


_WRAP_WIDTH = 60  # a line at least this long that runs on into the next is hard-wrapped prose
_LINE_END = re.compile(r"[.!?:;\u201d\"')\]]")


def _wrapped_line(masked: str, ls: int, le: int, next_start: int, pe: int) -> bool:
    """Whether the line ``masked[ls:le]`` runs on into the line at ``next_start``: it ends without a sentence's
    final punctuation and the next line continues it (a lower-case word, a figure, a quotation's inside) or,
    after a long line, any word. A short line before a capitalised one is a heading or a caption."""
    # the bounds of masked[ls:le].strip(), found without copying it: ls is where the sentence began,
    # so in hard-wrapped text the span holds all its lines so far
    end = le
    while end > ls and masked[end - 1].isspace():
        end -= 1
    if end == ls or _LINE_END.fullmatch(masked[end - 1]):
        return False
    nxt = next_start
    while nxt < pe and masked[nxt] in " \t":
        nxt += 1
    if nxt >= pe:
        return False
    c = masked[nxt]
    if c.islower() or c.isdigit() or c in "$\u20ac\u00a3%(_":
        return True
    start = ls
    while masked[start].isspace():
        start += 1
    return end - start >= _WRAP_WIDTH and c.isalpha()


# The line breaks for which _wrapped_line may be false: all but those after a letter, a digit, a comma or a
# hyphen and before a lower-case a-z, a digit, "$", "(" or "_" (after spaces and tabs), for which it is true
# (the line's last character is no space and no _LINE_END, and the next line starts with one that runs on),
# whatever comes before in the sentence. (A line break that starts a paragraph is skipped when the character
# before the paragraph is one of those: as breaking there would, the sentence starts after it, a space.)
_MAY_BREAK = re.compile(r"\n(?:(?<![A-Za-z0-9,\-]\n)|(?![ \t]*[a-z0-9$(_]))")


def _marked_paragraphs(body: str, paragraphs: list[tuple[int, int]], mark_starts: list[int],
                       has_single: bool) -> list[int]:
    """The indexes, in order, of the paragraphs that a double mark starts in or right before (at ``ps - 1``)
    or that hold a "\u2018": the only ones where Layout can find a quoted span (most have none)."""
    starts = [ps for ps, _ in paragraphs]
    ends = [pe for _, pe in paragraphs]
    if not (all(map(operator.lt, starts, ends)) and all(map(operator.le, ends, starts[1:]))):
        return list(range(len(paragraphs)))  # not non-empty, disjoint and in order: all of them
    found = set()
    for x in mark_starts:
        i = bisect.bisect_right(starts, x + 1) - 1
        # (x may be right before paragraph i and inside paragraph i - 1 when the two touch)
        for j in (i, i - 1):
            if j >= 0 and paragraphs[j][0] - 1 <= x < paragraphs[j][1]:
                found.add(j)
    if has_single:
        at = body.find("\u2018")
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at < paragraphs[i][1]:
                found.add(i)
            at = body.find("\u2018", at + 1)
    return sorted(found)


_NICKNAME = re.compile(r"[A-Z][a-z]{1,11}")
_NAME_WORD_BEFORE = re.compile(r"(?:^|(?<=[ \t]))[A-Z][\w.\u2019'-]*[ \t]$")
_NAME_WORD_AFTER = re.compile(r"[ \t](?!(?:The|A|An|And|As|At|In|On|Of|For|To|By|But|Or|If|It|Is|He|She|They|We|I)\b)"
                              r"[A-Z][a-z]")


def _is_nickname(body: str, q: QSpan) -> bool:
    """Whether the closed double-quoted span ``q`` is a nickname inside a name: one capitalised word between a
    given name (or an initial) and a surname, “Bobby” in 'Robert C. “Bobby” Scott'."""
    return (q.closed and not q.single and _NICKNAME.fullmatch(body, q.start, q.end) is not None
            and _NAME_WORD_BEFORE.search(body, max(0, q.open - 30), q.open) is not None
            and _NAME_WORD_AFTER.match(body, q.close_end) is not None)


class Layout:
    """Quoted spans, a masked copy of the body and its sentences.

    In ``masked`` every character inside a quote is ``_`` (newlines kept, and a
    final ``.``, ``!`` or ``?`` kept so sentences still end there), opening
    marks are ``“`` and closing marks ``”`` (two-character marks become two).
    """

    def __init__(self, body: str, paragraphs: list[tuple[int, int]]):
        self.body = body
        self.paragraphs = paragraphs
        self.qspans: list[QSpan] = []
        # the marks of the whole body, found once: a match of _DOUBLE_MARK within a paragraph is one of
        # these, or the second character of one starting right before it; a paragraph none starts in (or
        # right before) holds no mark, so _double_quotes would find no span there (most paragraphs)
        mark_starts = _double_mark_starts(body)
        has_single = "\u2018" in body
        nicknames: list[QSpan] = []
        for pi in _marked_paragraphs(body, paragraphs, mark_starts, has_single):
            ps, pe = paragraphs[pi]
            k = bisect.bisect_left(mark_starts, ps - 1)
            doubles = _double_quotes(body, ps, pe, pi) if k < len(mark_starts) and mark_starts[k] < pe else []
            singles = []
            if has_single and body.find("\u2018", ps, pe) >= 0:
                for m in _SINGLE.finditer(body, ps, pe):
                    if any(d.open <= m.start() < max(d.close_end, d.end) for d in doubles):
                        continue
                    singles.append(QSpan(m.start(), m.start() + 1, m.end() - 1, m.end(), True, pi, single=True))
            if not doubles and not singles:
                continue
            last = -1
            for q in sorted(doubles + singles, key=lambda q: (q.open, q.single)):
                if q.open < last:
                    continue  # overlapping marks: keep the first span
                if _is_nickname(body, q):
                    nicknames.append(q)  # Robert C. “Bobby” Scott: part of a name, no quotation
                    continue
                self.qspans.append(q)
                last = max(q.close_end, q.end)
        for q in self.qspans:
            q._words = len(_WORD.findall(body, q.start, q.end))
        pieces = []
        last = 0
        for q in self.qspans:
            pieces.append(body[last:q.open])
            mark_len = q.start - q.open
            pieces.append("\u201c" * mark_len)
            inner = body[q.start:q.end]
            masked = _NOT_NEWLINE.sub("_", inner)
            stripped = inner.rstrip()
            if stripped and stripped[-1] in ".!?":
                k = len(stripped) - 1
                masked = masked[:k] + stripped[-1] + masked[k + 1:]
            pieces.append(masked)
            pieces.append("\u201d" * (q.close_end - q.end))
            last = q.close_end
        pieces.append(body[last:])
        self.masked = "".join(pieces)
        for q in nicknames:
            # the name reads on over its nickname's marks: "Robert C.  Bobby  Scott"
            self.masked = (self.masked[:q.open] + " " * (q.start - q.open) + self.masked[q.start:q.end]
                           + " " * (q.close_end - q.end) + self.masked[q.close_end:])
        assert len(self.masked) == len(body)
        self.sentences: list[tuple[int, int, int]] = []  # (start, end, paragraph)
        stops = _occurrences(self.masked, ".!?")  # where a sentence's boundary may start (see split_sentences)
        for pi, (ps, pe) in enumerate(paragraphs):
            # a line break inside a paragraph (a heading, a caption) ends a sentence too, unless the text is
            # hard-wrapped and the sentence runs on ("intends to provide more than\n$505 million")
            ls = ps
            # (only the line breaks that may end a sentence: see _MAY_BREAK)
            for lm in _MAY_BREAK.finditer(self.masked, ps, pe):
                le = lm.start()
                if _wrapped_line(self.masked, ls, le, lm.end(), pe):
                    continue
                for s, e in split_sentences(self.masked, ls, le, stops):
                    self.sentences.append((s, e, pi))
                ls = lm.end()
            for s, e in split_sentences(self.masked, ls, pe, stops):
                self.sentences.append((s, e, pi))
        self._sent_starts = [s for s, _, _ in self.sentences]
        self._q_opens = [q.open for q in self.qspans]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._q_opens, pos) - 1
        return i >= 0 and self.qspans[i].open <= pos < max(self.qspans[i].close_end, self.qspans[i].end)


# ---------------------------------------------------------------- sentences

_NO_SPLIT_ABBR = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "maj", "adm",
    "prof", "rev", "hon", "mt", "ft", "no", "nos", "vs", "v", "cf", "e.g", "i.e", "etc.,", "approx", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "pres", "supt",
    "gens", "reps", "sens", "messrs", "mmes", "sr", "jr",
}
_MAYBE_ABBR = {"u.s", "u.k", "u.n", "d.c", "inc", "corp", "co", "ltd", "a.m", "p.m", "jr", "sr", "e.u", "etc"}
_DOTTED_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_SENT_STARTERS = {
    "the", "he", "she", "it", "they", "we", "i", "but", "and", "in", "a", "an", "this", "that", "these",
    "those", "there", "his", "her", "their", "its", "on", "at", "as", "if", "when", "while", "after",
    "before", "meanwhile", "however", "still", "yet", "so", "for", "with", "according", "speaking", "also",
}
# "[.!?]+X|[.!?]+Y" written as "[.!?](?:[.!?]*X|[.!?]*Y)": the same matches, tried in the same order,
# but a pattern that starts with a character class lets the engine skip straight to the next . ! or ?
_BOUNDARY = re.compile(
    r"[.!?](?:[.!?]*[\u201d\u2019\"')\]]*(?=\s+[\u201c\u2018\"'(\[]?[\w\u201c])|[.!?]*[\u201d\"]*(?=\s+\u201c))"
)


_ATTRIBUTION_AFTER = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?)[ \t]+)?(?:[\w.'\u2019-]+,?[ \t]+){0,6}?(?:(?:also|then|later)[ \t]+)?"
    r"(?:said|says|wrote|writes|added|adds|asked|asks|told|tweeted|recalled|explained|continued|replied|"
    r"responded|noted|argued|insisted|declared|warned|stated|claimed|shouted|yelled|exclaimed|questioned|wondered|demanded|quipped|mused|joked|cried|screamed|retorted|countered|marveled|marvelled|pressed|jokes|shouts|yells)\b"
)


_NEXT_WORD = re.compile(r"[\u201c\u2018\"'(\[]*(\w+)")
_CLOSING_MARK = re.compile(r"[\u201d\"]")


# after a boundary: its spaces (group 1), then what _NEXT_WORD matches there, without its 40-character limit
_AFTER_BOUNDARY = re.compile(r"(\s*)(?:[\u201c\u2018\"'(\[]*(\w+))?")
_SPACE = re.compile(r"\s")  # (what str.isspace() tells, for every character)


def _boundaries(text: str, start: int, end: int, stops: list[int] | None) -> list[re.Match]:
    """The matches of ``_BOUNDARY.finditer(text, start, end)``.

    Every match starts with a . ! or ?: with ``stops``, the places of those characters in ``text`` in order,
    the pattern is tried at those in the span only, each from the end of the match before, as finditer
    tries it there (the same string and end, so the same look-aheads), instead of letting the engine test
    a character class at every character of the span (see :func:`_occurrences`)."""
    if stops is None:
        m = _BOUNDARY.search(text, start, end)
        return list(_BOUNDARY.finditer(text, m.start(), end)) if m is not None else []  # (the same matches)
    found = []
    after = start
    match = _BOUNDARY.match
    for k in range(bisect.bisect_left(stops, start), len(stops)):
        at = stops[k]
        if at >= end:
            break
        if at >= after:
            m = match(text, at, end)
            if m is not None:
                found.append(m)
                after = m.end()
    return found


def split_sentences(text: str, start: int, end: int, stops: list[int] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (use on the masked body), without surrounding spaces.

    Only the first sentence's start and the last one's end may need trimming: every other sentence
    starts at the first non-space after a boundary and ends with the boundary's mark. ``stops``: the
    places of the . ! and ? of all of ``text``, in order, when the caller has them (see :func:`_boundaries`)."""
    while start < end and text[start].isspace():
        start += 1  # (no boundary starts at a space: the same boundaries are found from here)
    boundaries = _boundaries(text, start, end, stops)
    if not boundaries:
        # no boundary (most lines): the span without its surrounding spaces
        while end > start and text[end - 1].isspace():
            end -= 1
        return [(start, end)] if end > start else []
    result = []
    pos = start
    for m in boundaries:
        dot, after = m.span()
        mark = text[dot]
        if mark == ".":
            # the word before the period: from the last space before it (found by rfind when no other
            # space character comes after that one)
            ws = text.rfind(" ", start, dot) + 1
            if ws < start:
                ws = start
            if _SPACE.search(text, ws, dot) is not None:
                ws = dot
                while ws > start and not text[ws - 1].isspace():
                    ws -= 1
            word = text[ws:dot].lower().strip("(\"\u201c\u2018'")
            if word in _NO_SPLIT_ABBR or (len(word) == 1 and word.isalpha()):
                continue
        # the next word: _NEXT_WORD.match(text, nxt_start, min(end, nxt_start + 40)) after the spaces, its
        # match cut at that limit (none when the word would start there or later)
        _, (_, nxt_start), (ns, ne) = _AFTER_BOUNDARY.match(text, after, end).regs
        limit = nxt_start + 40
        nxt_word = "" if ns < 0 or ns >= limit else text[ns:ne if ne < limit else limit]
        if nxt_word[:1].islower():
            continue
        if mark == ".":
            if (word in _MAYBE_ABBR or ("." in word and _DOTTED_INITIALS.fullmatch(word))) \
                    and nxt_word.lower() not in _SENT_STARTERS:
                continue  # "U.S. officials", "scholar A.E. Dick Howard"
        elif _CLOSING_MARK.search(m.group()) and _ATTRIBUTION_AFTER.match(text, nxt_start, end):
            continue  # "“… a nuclear power?” Biden said.": the attribution belongs to the quote's sentence
        result.append((pos, after))
        pos = nxt_start
    while end > pos and text[end - 1].isspace():
        end -= 1
    if pos < end:
        result.append((pos, end))
    return result


# ---------------------------------------------------------------- reporting verbs

_VERBS_CLAUSE = """
said says say saying added adds adding noted notes noting argued argues arguing argue stressed stresses stressing
insisted insists insisting insist warned warns warning warn claimed claims claiming claim explained explains
explaining announced announces announcing acknowledged acknowledges acknowledging admitted admits admitting
asserted asserts asserting conceded concedes conceding confirmed confirms confirming declared declares declaring
denied denies denying emphasized emphasised emphasizes emphasises emphasizing emphasising suggested suggests
suggesting recalled recalls recalling remarked remarks replied replies replying responded responds responding
reiterated reiterates reiterating repeated repeats revealed reveals revealing stated states stating tweeted tweets
tweeting wrote writes writing posted predicted predicts predicting promised promises promising pledged pledges
vowed vows vowing believes believed believe thinks think thought complained complains complaining contended
contends countered counters continued concluded concludes observed observes cautioned cautions charged alleged
alleges alleging maintained maintains indicated indicates reported reports quipped joked asked asks
asking wondered mused boasted bragged lamented laments mentioned mentions proclaimed demanded demands agreed
agrees assured assures informed reminded recounted testified disclosed hinted signaled signalled exclaimed
told tells telling tell hopes hoped hope hoping fears feared fear wants wanted want expects expected expect expecting
knows knew know feel feels felt worry worries worried confided confides speculated speculates theorized posited
reckoned averred bemoaned restated disputed rebutted refuted divulged implied texted emailed guessed
assertion contention insistence suggestion remark argument belief accusation admission prediction statement
predicted estimated estimates acknowledged affirmed affirms answered answers commented comments contended
explained highlighted highlights emphasised underlined underscored underscores urged urges urging accused
accuses accusing criticized criticised criticizes criticises blamed blames praised praises dismissed dismisses
rejected rejects condemned condemns denounced denounces defended defends threatened threatens recommended
proposed proposes called calls calling questioned questions pointed stresses chanted shouted yelled whispered
applauded applauds lauded lauds commended commends cited cites citing decried decries echoed echoes described describes
cried screamed scoffed snapped barked retorted laughed sighed interjected marveled marvelled conceded
elaborated acknowledged clarified insisted joked noted vowed grumbled griped lamented fumed raged huffed mocked
reacted opined demurred remembered remembers reasoned gushed riffed sniffed deadpanned worried worries fretted frets
railed rails gloated gloats continues proclaims surmised surmises derided derides
hailed hails slammed slams blasted blasts lambasted ridiculed sniped sneered carped groused
reaffirmed reaffirms reaffirming conveyed conveys thanked thanks congratulated congratulates
acknowledge admit concede contend predict assert suspect agree deny explain complain
shouting shouts yelling yells chanting chants screaming screams whispering whispers joking jokes quipping quips
pressed
write recommend conclude stress urge caution
""".split()
_INVERTIBLE = set("""
said says added adds asked asks continued wrote writes explained explains noted notes recalled recalls replied
responded insisted insists argued argues warned warns remarked stated declared concluded quipped tweeted went goes
chanted shouted yelled whispered cried screamed scoffed snapped barked retorted laughed sighed interjected
shot marveled marvelled conceded elaborated acknowledged clarified joked grumbled griped lamented fumed mused
wondered observed countered claimed stressed emphasized emphasised predicted promised vowed
reacted responded answered agreed agrees admitted boasted bragged complained charged cautioned suggested asserted opined
declares continues gloated questioned surmised pressed jokes quips shouts yells
remembered reasoned gushed riffed sniffed deadpanned sniped sneered carped groused
commented tweets replies texted emailed reported reports
""".split())
# "Boston went on to win Game 7", "the talks went on for hours": no report ("went on to attack …" is one)
_WENT_ON_NOT = (r"(?![ \t]+(?:for|and|until|into)\b|[ \t]+to[ \t]+(?:win|lose|become|serve|lead|play|found|build|beat|defeat|"
                r"take|earn|join|work|star|finish|score|capture|sweep|clinch|secure|place|marry|graduate|study|teach|"
                r"head|run|hold|sign)\b)")
# what someone may be called, said of a thing or a person (a closed list: "called the hospital" is a phone call)
_CALLED_ADJECTIVES = (
    r"(?:unusual|unacceptable|ridiculous|absurd|outrageous|disgraceful|disgusting|dangerous|irresponsible|reckless|"
    r"racist|sexist|bigoted|false|wrong|fake|phony|illegal|unconstitutional|un-American|inappropriate|offensive|"
    r"shameful|despicable|deplorable|pathetic|crazy|insane|stupid|dumb|foolish|naive|unfair|rigged|corrupt|dishonest|"
    r"incompetent|unqualified|unfit|irrelevant|premature|misleading|unprecedented|historic|terrific|fantastic|"
    r"wonderful|excellent|terrible|horrible|awful|encouraging|productive|constructive|useful|helpful|unworkable|"
    r"unrealistic|unjust|hypocritical|dishonorable|treasonous|unhelpful|counterproductive|hateful|divisive)\b")
_MULTI = [
    # "went so far as to say", "went on to call": the infinitive is the report ("refused to say" is none)
    r"(?:went|goes|go|going) (?:so far as|on) to (?:say|suggest|call|claim|argue|accuse|compare|add|describe|warn|predict)",
    r"(?:went|goes|go|going) out of (?:his|her|their|its|the) way to (?:say|stress|note|emphasi[sz]e|praise|point out)",
    r"pointed out", r"points out", r"pointing out", r"(?:wrote|writes|writing) back", r"went on" + _WENT_ON_NOT, r"goes on" + _WENT_ON_NOT, r"shot back", r"chimed in", r"made (?:it )?clear",
    r"makes (?:it )?clear", r"making (?:it )?clear", r"called for", r"calls for", r"calling for",
    # "called on Thursday for dialogue": the day between the verb and its "for"
    r"(?:called|calls) on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) for",
    r"(?:called|calls) on(?![ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)", r"spoke of", r"spoke about", r"speaks about", r"speaking about", r"talked about",
    r"talks about", r"talking about", r"referring to", r"refers to", r"referred to", r"discussed", r"discusses",
    r"discussing", r"hit out at", r"hit back",
    r"(?:railed|rails|railing) against", r"(?:lashed|lashes|lashing) out at",
    r"took issue with",
    # "expressed the hope that", "expressed serious concern over the incident"
    r"(?:expressed|expresses|expressing|voiced|voices|voicing) (?:the |its |his |her |their )?"
    r"(?:(?:serious|deep|grave|great|growing|profound|particular|strong)\s+){0,2}(?:concern|hope|frustration|regret|"
    r"confidence|doubt)s?",
    r"(?:raised|raises|raising) (?:(?:serious|deep|grave|strong|new|fresh|his|her|their|its|the)\s+)?(?:concerns?|questions|doubts)",
    # "expressed solidarity with Ukraine", "expressed support for the plan": a stance stated
    r"(?:expressed|expresses|expressing|voiced|voices|voicing) (?:(?:strong|deep|deepest|full|its|his|her|their|cautious|serious)\s+){0,2}"
    r"(?:support|optimism|skepticism|scepticism|alarm|dismay|sympathy|condolences|solidarity|gratitude|appreciation|"
    r"disappointment|reservations|opposition|outrage|anger|unease|satisfaction|interest)",
    r"(?:made|makes|make|making) the case", r"pointed to", r"(?<!percentage )points to", r"pointing to", r"(?:made|makes|make|making) (?:a |the )?point of (?:saying|noting|stressing|mentioning)", r"(?:made|makes|make|making) (?:clear|plain)",
    r"(?:put|puts) it(?= *(?:[:,]|\w+ly\b|this way|that way))",
    # "released the following statement:" closing a paragraph: the quotation opening the next one is the statement
    r"(?:issued|released|put out|posted|sent|published|tweeted|gave|made) (?:the following|this|a|an)"
    r"(?: [\w-]+)? (?:statement|message|tweet|letter|note|response|comment)(?=[ \t]*:[ \t]*(?:\n|$))",
    # "issued a statement, “…”", "posted a message on Facebook: “…”": the text's words are its author's
    # "delivered a blunt message to the governor: “…”"
    r"(?:issued|released|put out|posted|sent|published|delivered|offered|gave)(?=[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+)?"
    r"(?:statement|tweet|message|letter|email|post|note|video|warning|reminder|reply|response|answer)"
    r"[^,:;\u201c]{0,40}[,:][ \t]*\u201c)",
    # "described the talks as useless": a characterisation is a report
    r"(?:describ(?:ed|es|ing)|cast(?:s|ing)?|portray(?:ed|s|ing)|characteri[sz](?:ed|es|ing)|paint(?:ed|s|ing)|"
    r"position(?:ed|s|ing)|present(?:ed|s|ing)|bill(?:ed|s|ing)|tout(?:ed|s|ing)|refer(?:red|s|ring)[ \t]+to|"
    # "developers see golf courses as wasted space": a view is a stated position
    r"see|sees|saw|view(?:ed|s)?|regard(?:ed|s)?)"
    r"(?=[ \t]+(?:[\w\u2019'.-]+[ \t]+){1,6}?as[ \t])",
    # "called Truss “naive”", "calls him a liar", "calling them cowards": naming someone something is a report;
    # "called Truss on Tuesday" (on the phone) or "called a press conference" are not
    r"(?:call(?:ed|s|ing)?|deem(?:ed|s|ing)|dub(?:bed|s|bing)|label(?:l?ed|s|l?ing)|branded|rated)"
    r"(?=[ \t]+(?:(?!(?:a|an|for|on|off|in|at|to|with|from|by|after|before|during|back|up|out|upon|"
    r"again|twice|him|her|them|when|while|because|since|if|said|says|told|who|which)\b)[\w\u2019'.,-]+[ \t]+){1,8}?(?:\u201c|"
    # (not after a comma: "called LeVell, a former county chairman" is a call and an appositive)
    r"(?<!,[ \t])(?:(?:a|an)[ \t]|"
    # "called the squabble unusual", "calls North Carolina her home state": an evaluation or a possessive
    # description after the object
    r"(?:his|her|their|its|my|our)[ \t]+[a-z])|" + _CALLED_ADJECTIVES + r"(?=[ \t]*[,.;:]|[ \t]+(?:and|but)\b)))"
    # "called Trump's statements on Sunday “childish”": a longer object, then a quotation (the object's first
    # word is no preposition, and no clause starts inside it)
    r"|(?:call(?:ed|s|ing)?|deem(?:ed|s|ing)|dub(?:bed|s|bing)|label(?:l?ed|s|l?ing)|branded)"
    r"(?=[ \t]+(?!(?:a|an|for|on|off|in|at|to|with|from|by|after|before|during|back|up|out|upon|again|twice)\b)"
    r"(?:(?!(?:but|said|says|told|who|which|that|to|when|while)\b|and[ \t]+(?:said|says|told|asked|added|then)\b)"
    r"[\w\u2019'.,-]+[ \t]+){1,10}?(?:\u201c|\"|''))"
    r"|(?:call(?:ed|s|ing)?|deem(?:ed|s|ing)|dub(?:bed|s|bing)|label(?:l?ed|s|l?ing)|branded|rated)"
    r"(?=[ \t]+(?:him|her|them|it|himself|herself|themselves|this|that)[ \t]+"
    r"(?!(?:back|up|out|again|twice|later|directly|personally|immediately|today|tonight|yesterday|on|in|at|to|for|from|about|after|before|during|and|but|or|while|when)\b)"
    r"(?:\u201c|(?:a|an)[ \t]|[a-z][\w-]+(?:[ \t]*[,.;]|[ \t]+(?:and|but)\b)))",
]
# verbs that report only when a document is their subject ("the poll found", "polls show")
_DOC_VERBS = {"show", "shows", "showed", "showing", "found", "finds", "find", "indicate", "indicates", "indicated",
              "suggest", "concluded", "concludes", "estimated", "estimates", "predicted", "predicts", "projects",
              "projected", "reveal", "reveals", "revealed", "state", "stated", "states", "read", "reads", "notes",
              "noted", "argues", "says", "said", "claims", "warns", "warned", "recommends", "recommended"}
_VERBS_CLAUSE += [v for v in _DOC_VERBS if v not in _VERBS_CLAUSE]
# Positions: a named source's stance or intention, reported without a speech verb. Users of a record of who
# said what want these too ("Russia opposed the resolution", "the ministry declined to comment", "Paris plans to
# send envoys"). An intention verb reports only before "to <verb>"; a stance verb only before its object.
_INTENT_VERBS = {"declined", "declines", "decline", "refused", "refuses", "refuse", "sought", "seeks", "seek",
                 "plans", "planned", "plan", "intends", "intended", "intend", "aims", "aimed", "seeking", "decided",
                 "decides"}
_STANCE_VERBS = {"endorsed", "endorses", "endorse", "supported", "supports", "support", "opposed", "opposes",
                 "oppose", "backed", "backs", "favored", "favors", "favoured", "favours", "preferred", "prefers",
                 "welcomed", "welcomes", "supporting", "backing", "opposing", "endorsing", "prefer", "favor", "favour"}
# stances whose object follows a preposition: "voted against the resolution", "lobbied for the waiver"
_PREPOSITION_STANCES = {f"{verb} {prep}" for verbs, preps in (
    (("voted", "votes", "voting", "vote", "campaigned", "campaigns", "campaigning", "campaign", "lobbied", "lobbies",
      "lobbying", "lobby"), ("for", "against")),
    (("advocated", "advocates", "advocating", "advocate", "pushed", "pushes", "pushing", "push"), ("for",)),
) for verb in verbs for prep in preps}
_POSITION_VERBS = _INTENT_VERBS | _STANCE_VERBS
# attitudes to an object after a copula: "has been critical of the deal", "is wary of the plan"
_ATTITUDES = {"critical of", "skeptical of", "sceptical of", "supportive of", "wary of", "dismissive of",
              "worried about", "concerned about"}
_COPULA_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|remains?|remained|seems?|seemed|appears?|appeared|grew|grown|became|"
    r"becomes?|sounded|stayed)(?:[ \t]+(?:very|deeply|increasingly|highly|more|most|less|so|too|openly|publicly|"
    r"sharply|strongly|particularly|especially|also|still|now|long|always|often|somewhat|fairly|quite|extremely|"
    r"clearly|equally|visibly|notably|consistently|intensely|bitterly|fiercely|growing)){0,2}[ \t]+$")
# nouns that report with a possessor and the object after their preposition: "Amsel's criticism of the plan",
# "his attacks on Clinton", "her renewed call for a ceasefire"; a promise, pledge or vow holds its infinitive
_NOMINAL_OBJECTS = (
    r"(?:criticism|critique|condemnation|denunciation|endorsement|embrace|disapproval|rejection)[ \t]+of",
    r"(?:attacks?|assaults?)[ \t]+(?:on|against)", r"(?:criticism|comments?|remarks?|thoughts)[ \t]+on",
    r"(?:comments?|remarks?|questions|statements?)[ \t]+about", r"accusations?[ \t]+against",
    r"calls?[ \t]+for", r"opposition[ \t]+to", r"(?:promise|pledge|vow)[ \t]+to(?=[ \t]+[a-z])",
)
_NOMINAL_INTENTS = re.compile(r"(?:promise|pledge|vow)[ \t]+to")
# every stance, attitude and report noun with its preposition: found by :meth:`_Finder.prepositional_positions`
# around the words of _PREPOSITIONAL_KEYS (each match starts with one of them)
_PREPOSITIONAL = re.compile(
    r"(?<![\w'\u2019-])(?:(?P<noun>" + "|".join(_NOMINAL_OBJECTS) + r")|(?P<attitude>"
    + "|".join(a.replace(" ", r"[ \t]+") for a in sorted(_ATTITUDES)) + r")|(?P<stance>"
    + "|".join(v.replace(" ", r"[ \t]+") for v in sorted(_PREPOSITION_STANCES, key=len, reverse=True))
    + r"))(?![\w'\u2019-])")
_PREPOSITIONAL_KEYS = ("criti", "condemn", "denunc", "endorse", "embrace", "disapprov", "reject", "attack", "assault",
                       "comment", "remark", "thoughts", "question", "statement", "accusation", "call", "opposition",
                       "promise", "pledge", "vow", "vot", "campaign", "lobb", "advocat", "push", "skeptic",
                       "sceptic", "supportive", "wary", "dismissive", "worried", "concerned")
# a time after the preposition: no object ("pushed for nearly a decade", "his remarks on Tuesday")
_TIME_AFTER_PREPOSITION = re.compile(
    r"[ \t]+(?:(?:(?:nearly|almost|about|some|roughly|over|well[ \t]+over|more[ \t]+than|less[ \t]+than|at[ \t]+least|"
    r"the[ \t]+(?:past|last|next|first|better[ \t]+part[ \t]+of[ \t]+a))[ \t]+)?(?:(?:a|an|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|many|\d+)[ \t]+)?(?:months?|years?|weeks?|days?|hours?|decades?|ages|while|"
    r"long[ \t]+time|time|moment)|now|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|June|July|August|September|October|November|December)|the[ \t]+(?:eve|morning|evening|night|"
    r"afternoon|weekend)|\d)\b")
_SPACES = re.compile(r"[ \t]+")
# a line break in hard-wrapped text between a cue and its object: "his attack on\nUkraine"
_WRAPPED_GAP = re.compile(r"[ \t]*\n[ \t]*")
# people welcomed in person: a name, a pronoun, or a phrase ending in a noun for people
_WELCOMED_PEOPLE = re.compile(
    r"(?:him|her|them|us|me|you|[A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*)*)"
    r"(?=[ \t]*(?:[,;.:]|$)|[ \t]+(?:to|at|in|on|with|as|back)\b)"
    r"|[^,;.:\u201c]{0,60}?\b(?:guests|visitors|delegations?|crowds?|audiences?|participants|attendees|leaders|"
    r"counterparts?|ministers?|envoys?|officials|president|minister|king|queen|pope)\b(?![ \t]+(?:of|to|on|for)\b)"
    r"[ \t]*(?:[,;.:]|$|[ \t]+(?:at|to|in|on|with)\b)")
# a quotation opening the sentence, up to the subject after it
_QUOTE_THEN_SUBJECT = re.compile(r"[ \t]*\u201c[^\u201c\u201d]*\u201d[ \t]*,?[ \t]*")
_RELATIVE_TO_VERB = re.compile(r"[^,\u201c\u201d;]+,[ \t]*(?:who|whose|which)\b[^,\u201c\u201d;]*,[ \t]*$")
# a subject, then a relative clause without commas up to the verb: "The diplomat who met Lavrov [said]", "The
# officials whose laws were struck down [say]", "Groups that have endorsed him [say]" ("that" only before a verb)
_RESTRICTIVE_RELATIVE = re.compile(
    r"(?:(?:[Tt]hough|[Aa]lthough|[Ww]hile|[Ww]hen|[Ii]f|[Bb]ecause|[Ss]ince|[Aa]fter|[Bb]efore|[Oo]nce|[Uu]nless|"
    r"[Ww]hereas|[Ee]ven[ \t]+though)[ \t]+)?([^,;:\u201c\u201d]+?)[ \t]+"
    r"(?:who|whose|that(?=[ \t]+(?:have|has|had|were|was|are|is|\w+ed)\b))[ \t]+[^,;:\u201c\u201d]{1,120}")
# "Those who …", "Anyone who …", "All who …": the resolver's own route for the relative
_QUANTIFIER_SUBJECTS = {"those", "anyone", "anybody", "everyone", "everybody", "all", "someone", "somebody", "many",
                        "few", "some", "one", "none", "people"}
_LEAD_FILLERS = {"and", "but", "yet", "so", "still", "however", "now", "then", "meanwhile", "indeed", "also", "too",
                 "in", "fact", "of", "course", "at", "least", "for", "instead", "besides", "moreover"}
# names joined before the last one of a joint subject: "Russia and ", "France, Germany and ", "The US and the "
# an office as a list member: "The minister and her deputy", "the foreign minister and the ambassador"
_OFFICE_IN_LIST = (r"[Tt]he[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}(?:minister|president|ambassador|envoy|spokes(?:man|woman|person)|"
                   r"secretary|chancellor|governor|mayor|senator|chair(?:man|woman)?|official|diplomat|negotiator)")
# a list member: a name, with its particles ("Piet de Wit", "Ursula von der Leyen"), or an office
_NAME_IN_LIST = (r"(?:(?:[Tt]he[ \t]+)?[A-Z][\w.\u2019'-]*(?:[ \t]+(?:(?:de|van|von|der|den|da|di|du|la|le|dos|del|ter|"
                 rf"bin|ibn|al|el|of|for)[ \t]+){{0,2}}[A-Z][\w.\u2019'-]*){{0,5}}|{_OFFICE_IN_LIST})")  # ("Ministry of Defence")
_OFFICE_LAST_MEMBER = re.compile(_OFFICE_IN_LIST)
# a name going on after "of" / "for" and "and" ("Office of Management and Budget"): no list when the last member
# has no determiner
_OF_NAME_AND = re.compile(r"\b(?:of|for)[ \t]+[A-Z][\w.\u2019'-]*[ \t]+and[ \t]+$")
_DETERMINER_START = re.compile(r"(?:the|The|a|an|his|her|their|its)[ \t]")
# (the last may be introduced as a counterpart: "President Ana Costa and her Mexican counterpart Rui Pereira")
_JOINT_BEFORE = re.compile(rf"{_NAME_IN_LIST}(?:,[ \t]+{_NAME_IN_LIST}){{0,4}},?[ \t]+and[ \t]+"
                           r"(?:the[ \t]+|(?:his|her|their|its)[ \t]+(?:(?:[\w-]+[ \t]+){0,2}counterpart,?[ \t]+)?"
                           # the last member's own title: "… and South Korean President Yoon Suk Yeol"
                           r"|(?:[A-Z][\w.\u2019'-]*[ \t]+){1,4})?$")
_LIST_STOP = {"on", "in", "at", "by", "but", "and", "so", "yet", "then", "last", "this", "after", "before", "during",
              "among", "for", "with", "from", "of", "to", "under", "across", "within", "unlike", "like", "despite",
              "following", "amid", "according", "speaking", "asked",
              "meanwhile", "however", "also", "still", "now", "earlier", "later", "since", "while", "when", "as",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
# a verb right after a pronoun: the pronoun is its clause's subject ("said he had", "said she would")
_PRONOUN_THEN_VERB = re.compile(r"[ \t]+(?:had|has|have|was|were|is|are|would|will|could|can|should|did|does|do|"
                                r"might|must|may|[a-z]+ed)\b")
# the last member of a list named by a possessive: "her husband", "his two sons", "its allies"
_POSSESSIVE_MEMBER = re.compile(r"(?:his|her|their|its)[ \t]+(?:[\w-]+[ \t]+){0,2}?([a-z][\w-]*)")
# a noun phrase that already is such a list ("Estonia and Latvia", taken whole by the phrase walker)
_JOINT_WHOLE = re.compile(rf"{_NAME_IN_LIST}(?:,[ \t]+{_NAME_IN_LIST}){{0,4}},?[ \t]+and[ \t]+{_NAME_IN_LIST}")
# a participle opening the sentence: "Citing “obligations in Tennessee,” the spokeswoman told …"
_PARTICIPLE_OPENING = re.compile(r"[ \t]*[A-Z][a-z]{2,}ing[ \t]")
# a colon right before a quotation: what comes before it introduces the quotation, it does not hold it
_LEAD_IN_COLON = re.compile(r":[ \t]*$")
_COLON_END = re.compile(r"(?:[ \t]+(?:(?:this|that)[ \t]+way|as[ \t]+follows|the[ \t]+following))?[ \t]*:[ \t]*")
# "asked not to be named", "asked for anonymity", "asked that his name not be used"
_ANONYMITY_REQUEST = re.compile(r"[ \t]+(?:(?:not[ \t]+)?to[ \t]+(?:not[ \t]+)?be[ \t]+(?:named|identified|quoted)\b|"
                                r"for[ \t]+anonymity\b|that[ \t]+(?:his|her|their)[ \t]+names?[ \t]+not\b)")
# "declined to comment", "plans to run" (not "declined to be identified": anonymity, no stance)
_INTENT_OBJECT = re.compile(r"[ \t]+(?=to[ \t]+[a-z])(?!to[ \t]+be[ \t]+(?:identified|named|quoted)\b)")
# what follows a stance verb when it is no stance on an object: "backed down", "supported by", "opposed to"
_STANCE_NOT_OBJECT = re.compile(
    r"[ \t]+(?:by|in|out|up|off|away|down|into|from|for|to|that|it|itself|themselves|himself|herself|with|on|at|as|"
    r"and|or|but|than|because|when|while|if|the[ \t]+idea)\b|[ \t]*(?:[,.;:!?)\u2014\u2013-]|$)"
    # "a supporting role", "supporting documents": an adjective
    r"|(?<=supporting)[ \t]+(?:roles?|cast|documents?|evidence|actors?|actress|characters?|players?|materials?|data)\b")
# where a stance's object ends: a comma or other punctuation, or a clause joined after it
_OBJECT_END = re.compile(
    r"[,;:()\u2014\u2013]|[ \t]+-[ \t]|[ \t]+(?:because|after|when|while|but|since|as|before|if|until|although|though|"
    r"despite|so|even|and[ \t]+(?:then|also|later|has|have|had|is|was|will|would|said|says|called|urged|"
    r"[a-z]+ed[ \t]))\b")
# the verb of the clause a stance sits in, after its object: "Farmers who support the treaty were …", "a super
# PAC backing Cruz spent millions"
_OBJECT_THEN_VERB = re.compile(
    r"[ \t]+(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|do|does|did|gave|spent|made|"
    r"took|went|came|got|won|lost|ran|met|told|said|says|saw|held|left|put|paid|sent|brought|began|became|"
    r"[a-z]{3,}ed[ \t]+(?:to|that|the|a|an|in|on|at|for|by|with|his|her|their|its|more|up|out|\$?\d))\b")
# claims hedged without a source: "is expected to", "reportedly", "appears to"; "it seems that …"
_HEDGE = re.compile(
    r"(?P<v>(?<![\w\u2019'-])(?:(?:is|are|was|were|['\u2019]s|['\u2019]re)(?:[ \t]+(?:widely|also|still|now|generally|"
    r"largely|not))?[ \t]+(?P<exp>expected)[ \t]+to(?![ \t]+(?:be[ \t]+(?:released|published|announced)|"
    r"rise|fall|increase|decrease|grow|decline|cost|last|take)\b)"
    r"|(?P<rep>reportedly)"
    r"|(?P<seem>seems|seemed|seem|appears|appeared|appear)[ \t]+(?:to(?![ \t]+(?:me|us|him|her|them|have[ \t]+been[ \t]+written)\b)|"
    # "seemed uneasy", "appeared paralyzed", "seems like": not a place or an occasion ("appeared in court")
    r"(?!(?:in|on|at|before|with|alongside|onstage|together|for|from|during|after|as|live|online|by|via|to|and|or|"
    r"but|that|the|a|an|his|her|their|its)\b)[a-z]{3,})"
    # "is said to", "was seen as", "are widely considered": a passive report whose source goes unnamed
    r"|(?<![\w\u2019'-])(?:is|are|was|were)(?:[ \t]+(?:widely|also|still|now|generally|largely|often))?[ \t]+"
    r"(?P<pas>said|believed|thought|considered|seen|viewed|regarded|rumou?red|understood)[ \t]+(?:to|as|(?<=considered[ \t])(?:a|an))"
    r"|(?P<it>(?<=[Ii]t[ \t])(?:seems|seemed|appears|appeared)[ \t]+(?:that|as[ \t]+if|as[ \t]+though|likely[ \t]+that)))\b)"
)
# a poll as where something was found: "In a new CNN poll, …" / "… in the latest Gallup survey."
_POLL_NP = (r"(?P<np>(?:(?:a|an|the|one|another|this|that|its|their|recent|new|[A-Z][\w.\u2019'&/-]*['\u2019]s?)[ \t]+"
            r"(?:[^,;:\u201c\u201d.]|\.(?=[A-Z]))*?\b(?:poll|polls|survey|surveys|polling)"
            # or no determiner before a plural: "in national polls", "in public opinion polls"
            r"|(?:(?!(?:in|of|at|on|to|and|or|the|a|an)[ \t])[A-Za-z][\w\u2019'&/-]*[ \t]+){0,3}(?:polls|surveys))\b"
            r"(?:[ \t]+(?:of|by|from|in|conducted|released|taken|published)\b(?:[^,;:\u201c\u201d.]|\.(?=[A-Z]))*?)?)")
_POLL_OPENING = re.compile(r"In[ \t]+" + _POLL_NP + r"[ \t]*,[ \t]*")
_POLL_CLOSING = re.compile(r"[ \t]+in[ \t]+" + _POLL_NP + r"[ \t]*[.!;]?[ \t]*$")
# nouns that report when a possessor has them and a that-clause follows: "Trump's assertion that …"
_NOMINAL_CUES = {"assertion", "contention", "insistence", "suggestion", "remark", "argument", "belief",
                 "accusation", "admission", "prediction", "statement"}
_POSSESSOR_BEFORE = re.compile(
    r"(?:(?<![\w\u2019'-])(?P<who>his|her|their|its|His|Her|Their|Its)|(?P<name>(?:[A-Z][\w.\u2019'&-]*[ \t]+){0,3}"
    r"[A-Z][\w.&-]*)['\u2019]s?)[ \t]+(?:(?:own|recent|earlier|repeated|latest|public|private|frequent|false|"
    r"unfounded|evidence-free|controversial|widely[ \t]+reported|oft-repeated|later)[ \t]+){0,2}$")
_THAT_AFTER_NOUN = re.compile(r"[ \t]+that[ \t]+")
# a verb right before a possessive pronoun: "renewed his", "repeated her", "has also restated his"
_VERB_BEFORE_POSSESSIVE = re.compile(r"(?<![\w'\u2019-])[a-z]{3,}(?:ed|es|s)[ \t]+(?:(?:also|again|once[ \t]+again|"
                                     r"repeatedly|later)[ \t]+)?$")
# a clause with its finite verb, then the next verb in the past after a word that ends the clause (no auxiliary,
# adverb or conjunction): "the harbour is safe | angered"
_MAIN_VERB_AFTER_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\b[^,;:\u201c\u201d]*?"
    r"[ \t](?!(?:be|been|being|is|are|was|were|has|have|had|not|never|also|still|just|and|or|but|to|get|got|already|"
    r"yet|who|which|that|it|they|he|she|we|you|I)[ \t])(?![a-z]+ly[ \t])[a-z]+[ \t]+(?P<v>[a-z]{3,}ed)\b")
# the words every match of _HEDGE holds (see _Finder._hedges)
_HEDGE_KEYS = ("expected", "reportedly", "seem", "appear", "said", "believed", "thought", "considered", "seen",
               "viewed", "regarded", "rumo", "understood")
_APPOSITIVE_RELATIVE_BEFORE = re.compile(r",[ \t]*(?:which|who|whose)\b[^,;\u201c\u201d]*,[ \t]*$")
_IT_HEDGE = re.compile(r"(?:^|[,;][ \t]*|\b(?:and|but|so|now)[ \t]+)[Ii]t[ \t]$")
_HEDGE_CLAUSE_START = re.compile(r"[,;:\u2014\u2013]|\b(?:and|but|that|because|while|although|though|after|since|when|as|if|"
                                 r"so)\b")
_HEDGE_NOT_SUBJECT = re.compile(r"^[ \t]*(?:which|who|whom|that|what|where|when|it)\b|\u201c")
# a word opening a clause embedded in the object: a verb after it is that clause's
_EMBEDDING_WORD = re.compile(r"\b(?:that|which|who|whom|whose|to|how|whether|what|when|where|if|why)\b")
# a time or place after a stance's object is the narrator's, not part of the position ("endorsed Cruz last week")
_OBJECT_TRAILER = re.compile(
    r"[ \t]+(?:(?:last|this|next|earlier|later|every|each)[ \t]+(?:week|month|year|night|spring|summer|fall|autumn|winter|"
    r"weekend|time|day)|here|there|yesterday|today|tonight|(?:on|early|late)[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)|(?:in|since|during)[ \t]+(?:(?:early|late|mid-?)[ \t]*)?(?:\d{4}|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|the[ \t]+(?:past|primar(?:y|ies)|election|campaign))|at[ \t]+(?:a|an|the)[ \t]+"
    r"(?:news[ \t]+conference|rally|press[ \t]+conference|meeting|event|summit))\b(?![\u2019'])")
# a bare form reports only after a plural subject or an auxiliary: "Poland and Estonia support the plan",
# "Paris will oppose it"; "Trump support is strongest here" is a noun
_BARE_FORMS = {"decline", "refuse", "seek", "plan", "intend", "endorse", "support", "oppose", "prefer", "favor", "favour",
               "vote for", "vote against", "campaign for", "campaign against", "lobby for", "lobby against",
               "advocate for", "push for"}
_PLURAL_SUBJECTS = {"they", "we", "i", "you"}
# a share of people, which takes a plural verb: "40 percent of voters support", "half of the students oppose"
_PLURAL_SHARE = re.compile(r"(?:\bpercent|\bper[ \t]+cent|%|\bin[ \t]+\d+|\b(?:majority|half|third|quarter|most|many|"
                           r"some|all)[ \t]+of)\b.*\b[a-z]+(?:s|men|people)$|\bin[ \t]+(?:\d+|ten)$"
                           # "Two-thirds support …", "three-quarters oppose …"
                           r"|\b(?:two|three|four)-(?:thirds|quarters|fifths)$", re.I)
_SINGLE_VERBS = sorted({v for v in _VERBS_CLAUSE if v not in ("pointed", "called", "calls", "calling")}
                       | _POSITION_VERBS, key=len, reverse=True)


_CUE = re.compile(
    r"(?<![\w'\u2019-])(?P<v>" + "|".join(_MULTI) + "|" + trie_regex(_SINGLE_VERBS)
    + r")(?![\w'\u2019-])(?!(?<=[Tt]hink)[ \t]+tanks?\b)"  # "think tanks" is no report; "said tanks …" is
    r"(?!(?:(?<=blasted)|(?<=blasts))[ \t]+(?:out|off|away)\b)"  # "blasted out an email" is no criticism
    # "Hurricane Milton slammed into …", "he hails from Redding": no criticism, no praise
    r"(?!(?:(?<=slammed)|(?<=slams)|(?<=blasted)|(?<=blasts))\s+(?:into|through|shut)\b)"
    r"(?!(?:(?<=hailed)|(?<=hails))\s+from\b)"
)


@lru_cache(maxsize=1)
def _joined_organisations() -> re.Pattern:
    """The names of data/entities.yml's organisations that have "and" or a comma inside ("Food and Agriculture
    Organization", "Organization for Security and Co-operation in Europe"), at the end of a text."""
    from .entities import organisation_forms

    forms = {form for _, form in organisation_forms() if " and " in form or ", " in form}
    alternatives = "|".join(re.escape(form).replace(r"\ ", r"[ \t]+") for form in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<![\w\u2019'-])(?:[Tt]he[ \t]+)?(?:" + alternatives + r")[ \t]*$")


_JOINED_ORGANISATION_WIDTH = 90  # characters before a verb to look for such a name in (the longest is 64)


@lru_cache(maxsize=1)
def _cue_automaton():
    """An Aho-Corasick automaton (pyahocorasick) of where :data:`_CUE` may match in a text mapped as the
    topic matcher maps it (every character but a-z, 0-9 and "_" a space; see ``topics._PRESCAN_TABLE``)
    with a space put before: None without pyahocorasick, or when a key cannot be told.

    Every match of _CUE is a verb of ``_SINGLE_VERBS`` or of ``_MULTI`` right after a character that
    is no [\\w'’-] (a space once mapped, as is the text's start). The keys are " " and what each verb
    must start with, as the topic matcher's pre-scan reads it off the parsed pattern (in its own case:
    _CUE ignores none), and hold no character after the match: so every place where _CUE matches in
    any span of the text (the sentence spans its finditer searches end where they may) is a place
    where a key is found, and trying _CUE there only, in order, finds what its finditer finds (in
    about 0.45 of the time on PolNeAR articles). Each key's value is the offset from its last
    character back to where the match starts.
    """
    if _ahocorasick is None or not _ahocorasick.unicode or _re_parser is None:
        return None
    keys = {"".join(_key_char(ch) for ch in verb) for verb in _SINGLE_VERBS}
    for source in _MULTI:
        if "(?!\\w)" in source:
            return None  # the pre-scan reads (?!\w) as a space after the match: not in a span that ends there
        for text, _whole in _prescan_strings(list(_re_parser.parse(source)), False):
            if not text:
                return None  # an alternative that starts with what the pre-scan cannot tell
            keys.add(text)
    automaton = _ahocorasick.Automaton()
    for text in keys:
        automaton.add_word(" " + text, len(text))
    automaton.make_automaton()
    return automaton


def _prescan_text(masked: str) -> str:
    """``masked`` as the pre-scan automata read it: a space before, every character but a-z, 0-9 and "_" a
    space (a character beyond ASCII one "?", so offsets stay those of ``masked`` plus one)."""
    return " " + masked.encode("ascii", "replace").translate(_PRESCAN_TABLE).decode("ascii")


def _cue_starts(masked: str, mapped: str | None = None) -> list[int] | None:
    """The places where :data:`_CUE` may match in ``masked``, in order (see :func:`_cue_automaton`);
    None without the automaton. ``mapped`` is ``_prescan_text(masked)`` when the caller has it."""
    automaton = _cue_automaton()
    if automaton is None:
        return None
    mapped = _prescan_text(masked) if mapped is None else mapped
    return sorted({end - offset for end, offset in automaton.iter(mapped)})


@lru_cache(maxsize=1)
def _prepositional_automaton():
    """An automaton of the words each match of :data:`_PREPOSITIONAL` starts with, at a word's start (the
    text read as by :func:`_prescan_text`); None without pyahocorasick."""
    if _ahocorasick is None or not _ahocorasick.unicode:
        return None
    automaton = _ahocorasick.Automaton()
    for key in _PREPOSITIONAL_KEYS:
        automaton.add_word(" " + key, len(key))
    automaton.make_automaton()
    return automaton


def _prepositional_starts(masked: str, mapped: str) -> list[int]:
    """The places, in order, where :data:`_PREPOSITIONAL` may match in ``masked``: where one of its key words
    starts a word (every match starts so: its look-behind wants no word character before it)."""
    automaton = _prepositional_automaton()
    if automaton is None:
        starts = set()
        for key in _PREPOSITIONAL_KEYS:
            i = masked.find(key)
            while i >= 0:
                starts.add(i)
                i = masked.find(key, i + 1)
        return sorted(starts)
    return sorted({end - offset for end, offset in automaton.iter(mapped)})


# an inverted report opening the sentence: "Said Ann Lee, who grew up there, “…”"
_INITIAL_CUE = re.compile(r"(?P<v>Said|Says|Added|Asked|Wrote|Writes)(?=[ \t]+(?:[A-Z]|(?:the|a|an|one|another)\b))")
_ACCORDING = re.compile(r"(?<![\w-])(?P<v>[Aa]ccording to|[Aa]s (?:per|reported by))\s+"
                        # "In his words, …", "In Lavrov's view, …": a source opening the sentence (wire and state
                        # media style); its possessor is the source
                        r"|(?<![\w-])(?P<in>In)[ \t]+(?=(?P<poss>his|her|their|[A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*)"
                        r"{0,3}['\u2019]s?)[ \t]+(?:own[ \t]+)?(?P<what>words|view|opinion|estimation|assessment)[ \t]*,)")


_THAT_END = re.compile(r"\bthat[ \t]*$")
_THAT_AFTER_PHRASE = re.compile(r"(?:,[ \t]*|[ \t]+)that[ \t]+")
# the possessor of "In Lavrov's words,": the name, without its "'s"
_POSSESSOR = re.compile(r"([\w.\u2019'-]+(?:[ \t]+[\w.\u2019'-]+){0,3}?)['\u2019]s?[ \t]")


def _may_hold_according(text: str, start: int, end: int) -> bool:
    """False when ``text[start:end]`` cannot hold a match of :data:`_ACCORDING`.

    Every match holds one of these literals; a substring test per literal costs
    far less than running the regex over the sentence, which rarely has one.
    """
    return (text.find("ccording to", start, end) >= 0 or text.find("s per", start, end) >= 0
            or text.find("s reported by", start, end) >= 0
            or text.startswith("In ", start) and (text.find(" words,", start, end) >= 0 or text.find(" view,", start, end) >= 0
                                                  or text.find(" opinion,", start, end) >= 0
                                                  or text.find(" estimation,", start, end) >= 0
                                                  or text.find(" assessment,", start, end) >= 0))


# verbs whose object is the addressee, not the content
_VERBS_SPEECH = set(_VERBS_CLAUSE) - {"show", "shows", "showed", "showing", "found", "finds", "find", "indicate",
                                        "indicates", "suggest", "projects", "projected", "reveal", "read", "reads",
                                        "state", "estimates", "predicts", "reveals", "recommends", "recommended"}
_DOC_SUBJECT = re.compile(
    r"\b(?:poll|polls|survey|surveys|study|studies|report|reports|data|analysis|research|figures|numbers|records|"
    r"documents|emails|memo|statement|letter|filing|review|audit|investigation|census|index|average|model|forecast|"
    r"projections?|estimates?|results|findings|evidence|article|story|editorial|ad|book|website|page|tweet|post|"
    r"filings|footage|polling|statistics|files|logs|video|videos|tapes?|recordings?|"
    # "a welcome message on the website reads", "the sign read"
    r"messages?|note|sign|banner|caption|headline|inscription|petition|resolution|tweets|posts|e-?mail|release|"
    r"papers?|e-?mails|cables?|tally|returns|calculations|count|interviews|transcripts?|testimony|affidavits?|"
    r"motion|deposition|subpoena|warrant|verdict|opinion|dissent|order|guidance|"
    # diplomatic papers: "“…,” their communique read", "the declaration states"
    r"communiqu[eé]s?|declarations?|readouts?|memorandum|conclusions|treaty|charter|protocol|draft|accord)"
    r"(?:[ \t]+(?:by|from|of|for|in|on|at|released|published|conducted|compiled|taken|obtained|filed|that[ \t]+was|"
    r"relating[ \t]+to|last|this|earlier)"
    r"[^,;:\u201c]{0,60})?[ \t]+"
    r"(?:(?:also|now|clearly|consistently|repeatedly|still|further|even)[ \t]+)?$",
    re.IGNORECASE,
)


# "The authors found that …": a finding reported, whoever found it ("found the keys" is no report)
_FOUND_THAT = re.compile(r"[ \t]+that[ \t]+(?!is|was|were|are|has|had|have|will|would|can|could|may|might)")


def _doc_subject(left: str) -> bool:
    return _DOC_SUBJECT.search(left[-120:]) is not None


_STRONG_VERBS = {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "noted", "notes",
                 "argued", "argues", "claimed", "claims", "insisted", "insists", "warned", "warns",
                 # the plural present: "The report's authors, Ann Lee and Bo Chen, argue that …"
                 "argue", "insist", "warn"}  # (not "claim", "note": nouns as often)
_ADDRESS_VERBS = {"told", "tells", "telling", "tell", "informed", "assured", "assures", "reminded", "warned",
                  "warns", "warning", "urged", "urges", "urging", "asked", "asks", "asking", "promised", "promises"}
_WEAK_VERBS = {"think", "thinks", "thought", "believe", "believes", "believed", "hope", "hopes", "hoped", "fear",
               "fears", "feared", "want", "wants", "wanted", "expects", "expected", "knows", "knew", "called",
               "calls", "calling", "questions", "questioned", "reports", "reported", "states", "answered", "answers",
               "agrees", "agreed", "continued", "continues", "maintains", "maintained", "tell", "want", "know", "expect",
               "expecting", "hoping", "feel", "feels", "felt", "worry", "worries", "worried"}
_ADVERBS = set("""
has have had also later then again previously repeatedly recently once often would will could might may did does do
overall here reportedly initially ultimately publicly privately quickly bluntly flatly simply further frequently earlier now even
never always already allegedly apparently clearly specifically openly angrily long not just herself himself
themselves itself too still yet subsequently thereafter afterwards afterward meanwhile then finally first
separately similarly likewise moreover however immediately explicitly directly personally repeatedly falsely
correctly wrongly rightly famously memorably recently since had've was were is are
""".split())
# "Trump and Sanders have both argued", "the groups all said": a quantifier after the subject
_FLOATING_QUANTIFIERS = {"both", "all", "each"}
_NOT_ADVERBS = {"only", "family", "ally", "rally", "italy", "july", "supply", "reply", "apply", "early", "daily",
                "weekly", "monthly", "assembly", "belly", "bully", "jelly", "fly", "holy", "ugly", "elderly", "lonely"}
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:was|were|been|being|be|is|are|am|get|got|gets)\s+(?:\w+ly\s+)?)$")


class _EndPattern:
    r"""A pattern that matches only at the end of a text: ``head`` then ``[ \t]*$`` or ``[ \t]+$``.

    ``re.search`` tries such a pattern at every position of the text (of all that comes
    before a reporting verb), but a match can only start near the end: its spaces and
    tabs run to the end (or to a final newline), so ``head`` ends no earlier than the
    text stripped of trailing spaces, tabs and newlines, and starts at most ``width``
    characters (the longest ``head`` match) before that. Searching from there finds the
    same match; ``\b`` and look-behinds still see the characters before that position.
    """

    def __init__(self, head: str, width: int, tail: str = r"[ \t]*$"):
        self.regex = re.compile(head + tail)
        self.width = width

    def search(self, text: str) -> re.Match | None:
        return self.regex.search(text, max(0, len(text.rstrip(" \t\n")) - self.width))


# the widths are checked against the patterns in tests/test_quotes.py
_AUXILIARY_BEFORE = _EndPattern(r"\b(?:will|would|could|can|may|might|should|must|do|did|also|still|now)", 6)
_NEGATED_BEFORE = _EndPattern(r"(?:\bto|\bnot|n't|\bnever)", 5, r"[ \t]+$")  # "refused to say", "did not say"
_COMMA_OR_CLOSE_BEFORE = _EndPattern(r"[,\u201d]", 1)
_COMMA_BEFORE = _EndPattern(r",", 1)
# "The Obama administration, in an effort to …, has said": a comma, then an auxiliary
_COMMA_AUX_BEFORE = _EndPattern(r",[ \t]?(?:has|have|had)", 6)
_LINK_BEFORE = _EndPattern(r"(?:,|\band|\bbut|\byet|\bor|\bthen|\balso|\blater)", 5)
# a word before the verb: "[\w’'.)]+[ \t]*$" matches wherever this does (its last character does)
_WORD_END_BEFORE = _EndPattern(r"[\w\u2019'.)]", 1)
_NOT_SUBJECT_END_BEFORE = _EndPattern(r"\b(?:to|not|never|n't|who|which|that|whom|when|as|if)", 5)
_STOP_NP = set("""
and or but nor that which who whom whose where when while if because as since than so for to of in on at by with
from into about after before during under over without against between among through is was were are be been being
has had have said says told added noted not it's also then there here what how why though although whereas unless
until
""".split())
_DETERMINERS = {"the", "a", "an", "one", "some", "several", "two", "three", "four", "five", "many", "other",
                "another", "most", "few", "his", "her", "their", "its", "our", "this", "these", "those", "both",
                "each", "all", "no", "any", "my", "your"}
# between a subject and its verb: "All three candidates have said", "the minister would later say"
_AUXILIARIES = {"has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does",
                "do", "also"}
_SHORT_SUBJECT = re.compile(r"[ \t]*(?:[\w.\u2019'&-]+[ \t]+){1,5}")
_RELATIVE_CLAUSE_BREAK = re.compile(r"[,;:\u201c\u201d]|\b(?:that|and|but)\b")
_PREPOSITION_PHRASE_BEFORE = re.compile(r"(?:^|[,;:(\u2014][ \t]*)(?:[Dd]espite|[Aa]longside|[Aa]midst|[Aa]mid|[Aa]mong|"
                                        r"[Aa]mongst|[Uu]nlike|[Bb]esides|[Bb]eyond|[Rr]egarding|[Cc]oncerning)[ \t]+"
                                        r"[^,;:()\u201c\u201d\u2014]*$")
_SUBJECT_WORD_END = re.compile(r"\b(?:who|that|which|he|she|they|it|we|I|you)[ \t]+$")
_TIME_ADJECTIVES = {"earlier", "later", "recent", "previous", "latest"}
_INDEFINITE_PRONOUNS = {"anyone", "anybody", "everyone", "everybody", "someone", "somebody", "nobody"}
_PERSONAL_PRONOUNS = {"he", "she", "they", "we", "i", "it", "who", "which", "you"}
_NP_PRONOUNS = _PERSONAL_PRONOUNS | _INDEFINITE_PRONOUNS
# a sentence opening with a reporting participle and its clause, before the subject: "Noting that …, Wang said"
_OPENING_REPORT = re.compile(
    r"[ \t]*(?P<v>Noting|Stressing|Emphasi[sz]ing|Insisting|Warning|Arguing|Acknowledging|Recalling|Reiterating|"
    r"Underlining|Underscoring|Asserting|Claiming|Explaining|Pointing[ \t]+out)[ \t]+that[ \t]+(?P<c>[^\n]+?)[ \t]*,[ \t]*")
_HONORIFICS_BEFORE_NAME = {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Mr", "Mrs", "Ms", "Dr", "President"}


def _is_name_lead(word: str) -> bool:
    """True for a word that may come before a surname in the same name: an honorific, an initial, a given name."""
    from .speakers import is_first_name

    return word in _HONORIFICS_BEFORE_NAME or bool(re.fullmatch(r"[A-Z]\.", word)) or (
        word[:1].isupper() and is_first_name(word))


_BODY_WORDS = {"group", "league", "association", "federation", "organization", "organisation", "republic", "kingdom",
               "alliance", "friends", "coalition", "conference", "assembly"}


def _is_body_word(word: str) -> bool:
    """True for the capitalised head of a body's name that an "of" phrase completes ("Group" of "the Group of
    Seven", "Bank" of "the Bank of England"), not a person's name ("Ryan" of "Paul Ryan of Wisconsin")."""
    from .speakers import lexicon

    low = word.lower()
    return word[:1].isupper() and (low in _BODY_WORDS or low in lexicon().institution_words)


# an owner's possessive before a name: "The Blaze’s " of "The Blaze’s Matt Walsh"
_OWNER_BEFORE_NAME = re.compile(r"(?:[Tt]he[ \t]+)?[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2}['\u2019]s[ \t]+(?=[A-Z])")
# a lower-case title and its "of" phrase ("director of the Office of Information Programs")
_TITLE_OF = re.compile(r"[a-z][\w-]*[ \t]+(?:of|for|at)[ \t]")
# a modal or auxiliary verb right after a would-be addressee: the noun is the clause's subject
_MODAL_AFTER = re.compile(r"[ \t]*(?:can(?:not|'t|\u2019t)?|could|will|won['\u2019]t|would|must|should|may|might|is|are|was|"
                          r"were|has|have|had|needs?)\b")
_POSSESSIVE_PRONOUN = re.compile(r"(?:his|her|their|its)", re.IGNORECASE)
# the head of a possessed noun phrase: its last word before punctuation or a preposition
_POSSESSED_HEAD = re.compile(r"(?:[ \t]+[A-Za-z-]+){0,3}?[ \t]+([A-Za-z-]+)(?=[ \t]*(?:[,.;:()]|$)|[ \t]+(?:in|on|at|of|for|to)\b)")
# the words of an "according to" source up to its end: an acronym's dots ("the F.A.A.", "U.S. officials") and a
# middle initial's ("John F. Kennedy") are no sentence end
_OPEN_ACRONYM_END = re.compile(r"\([A-Z][A-Za-z]{1,9}$")
_ACCORDING_SOURCE = re.compile(
    r"((?:[^,;.)\u201c]|(?<=\b[A-Z])\.(?=[A-Z]|[ \t]+[a-z])|(?<=[a-z][ \t][A-Z])\.(?=[ \t]+[A-Z][a-z]))+?)"
    r"(?=[ \t]*(?:,|\.(?![A-Z])(?!(?<=\b[A-Z]\.)[ \t]+[a-z])(?!(?<=[a-z][ \t][A-Z]\.)[ \t]+[A-Z][a-z])|;|\)|$|\u201c))")
_SKIP_ADVERBIALS = re.compile(
    r"(?:,?[ \t]+(?:on|last|this|late|early|earlier)[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|night|morning|evening|afternoon|weekend)(?:[ \t]+(?:morning|night|evening|afternoon))?(?!\w)"
    r"|,?[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)(?:[ \t]+(?:morning|night|evening|afternoon))?(?!\w)"
    # (the longest: "in his nightly video address", "in a video message")
    r"|,?[ \t]+(?:in|at|during|on|via|through)[ \t]+(?:a|an|the|his|her|their|its)[ \t]+(?:[\w\u2019'-]+[ \t]+){0,3}"
    r"(?:statement|interview|speech|tweet|post|letter|briefing|conference|address|appearance|op-ed|email|"
    r"message|memo|rally|event|debate|hearing|meeting|call|town hall|broadcast|session|video|remarks|report|book|column|"
    r"memoir|article|essay|blog|newsletter|podcast|show|program|programme|documentary|editorial|"
    r"note|readout|communiqu[eé]|declaration|notice)(?![\w\u2019'-])"  # "said in a note to members that"
    r"(?:[ \t]+(?:with|to|on|in|at|for)[ \t]+(?:[\w\u2019'.-]+[ \t]+){0,3}?[\w\u2019'.-]+(?=[,:]|[ \t]+that\b))?"
    r"|,?[ \t]+(?:also|again|repeatedly|earlier|later|previously|publicly|privately|then|too|once|recently|"
    r"bluntly|flatly|simply|further|explicitly|frankly|candidly|angrily|firmly|all[ \t]+along|many[ \t]+times|"
    r"time[ \t]+and[ \t]+again|for[ \t]+(?:years|months|weeks|decades))(?![\w\u2019'-])"  # (not "again" of "against")
    r"|,?[ \t]+and[ \t]+I[ \t]+quote(?=[ \t]*[,:])"  # "Trump said, and I quote, “…”"
    r"|[ \t]+only(?=[ \t]+that\b)"  # "Meloni said only that Rome would evaluate the text"
    # "He cautioned, however, that …": an aside set off by commas before "that"
    r"|,[ \t]*(?:however|though|nonetheless|nevertheless|moreover|meanwhile|in[ \t]+turn|in[ \t]+fact|"
    r"for[ \t]+(?:his|her|their|its)[ \t]+part)[ \t]*,(?=[ \t]*that\b)"
    # a platform: "wrote on Telegram that …", "said on his Twitter account that …"
    r"|,?[ \t]+on[ \t]+(?:(?:his|her|their|its|the)[ \t]+(?:official[ \t]+)?)?(?:Twitter|X|Facebook|Telegram|Instagram|"
    r"TikTok|Truth[ \t]+Social|Weibo|WeChat|YouTube|social[ \t]+media)(?:[ \t]+(?:account|page|channel|feed))?(?!\w)"
    # a programme's title: "said on NBC's “Meet the Press” on Sunday that …"
    r"|,?[ \t]+on[ \t]+(?:[A-Z][\w.&-]*['\u2019]s[ \t]+)?\u201c\u201c?[^\u201c\u201d]{1,60}\u201d\u201d?)+"  # ('' '' as ““ ”” when masked)
)
# a day or a week between a subject and its verb: " on Monday", " last week"
_TIME_GAP_END = re.compile(
    r"[ \t]+(?:(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:[ \t]+(?:morning|afternoon|"
    r"evening|night))?|yesterday|(?:last|this)[ \t]+(?:week|month|weekend))[ \t]*$")
# a name's last word (or a closing parenthesis after it) at the end of a text
_NAME_END = re.compile(r"(?:(?<![\w\u2019'.-])[A-Z][\w\u2019'.-]*|\))$")
# ... unless the name is the object of a preposition after a common noun: "The results in Nevada on Tuesday
# showed" (but "Macron of France on Monday said")
_OBJECT_NAME_END = re.compile(r"\b[a-z][\w\u2019'-]*[ \t]+(?:in|of|at|to|by|on|for|from|with|about|against)[ \t]+(?:the[ \t]+)?"
                              r"(?:[A-Z][\w\u2019'.-]*[ \t]+){0,3}[A-Z][\w\u2019'.-]*$")
_ADVERBIAL_GAP = re.compile(
    r"(?:[ \t]*,?[ \t]+(?:(?:on|in|at|during|last|this|late|early|earlier|later|via|through|over|from|after|before)"
    r"[ \t]+(?:(?!(?:and|but|or|that|which|who|said|says)\b)[\w\u2019'.-]+[ \t]+){0,6}?"
    r"(?!(?:and|but|or|that|which|who)\b)[\w\u2019'.-]+|also|then|again|later|earlier|previously|repeatedly|"
    r"reportedly|once|had|has|have|would|will|himself|herself|however)[ \t]*,?)+[ \t]*$"
)
_APPOSITIVE_GAP = re.compile(
    r"(?:[ \t]+(?:of|from)[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3})?"
    r"(?:,(?:(?!\b(?:said|says|told)\b)[^,\u201c\u201d;]){1,100}){1,3},$"
)
_THAT = re.compile(r"[ \t]*,?[ \t]*(?:that|how|whether|why|what|if)(?![\w'])")
_CLAUSE_CUT = re.compile(
    # a participle of another report ("…, adding that …"; the comma may sit inside a closing quotation mark:
    # "was “corrupt,” noting …"), a contrastive clause (", although …"), a semicolon, a colon before a quotation
    r"(?:,|\u201d|[ \t]*\u2014)[ \t]*(?:(?:and|but)[ \t]+)?(?:adding|saying|noting|explaining|arguing|insisting|stressing|warning|"
    r"claiming|recalling|according[ \t]+to|pointing[ \t]+(?:out|to)|referring[ \t]+to|citing|suggesting|asserting|declaring|"
    r"telling|calling|describing|accusing|urging|predicting|acknowledging|admitting|conceding|complaining|echoing)\b"
    r"|,[ \t]+(?:although|though|even[ \t]+though|whereas|(?:to|at|after|upon)[ \t]+which)\b"
    # ", speaking at a joint press conference …", ", writing in the Financial Times": where the source spoke
    r"|,[ \t]+(?:(?:speaking|addressing|writing)[ \t]+(?:at|in|to|on|during|before|after|from|via|alongside|beside|with)"
    r"|appearing[ \t]+(?:on|at|in|before|with|alongside|beside))\b"  # (not "appearing to rely on …")
    r"|\u201d[ \t]+(?:although|though|even[ \t]+though|whereas)\b"  # (after a quotation's comma, which is masked)
    r"|[ \t]*[\u2013\u2014][ \t]*(?:although|though|even[ \t]+though)\b"  # "… – even though he picked Manning"
    r"|[ \t]+-[ \t]+(?:although|though|even[ \t]+though)\b"  # (a hyphen for the dash: "… bouncing back - though …")
    # ", after 55 percent said so in December": an earlier report set beside this one
    r"|,[ \t]+(?:after|before|when|as|while)[ \t]+(?:[\w\u2019'%.-]+[ \t]+){1,6}?(?:said|says|say)\b"
    # the narrator's gloss in apposition: ", a swipe at …", ", an apparent reference to …", ", something she …"
    r"|,[ \t]+(?:(?:a|an)[ \t]+(?:(?:apparent|clear|veiled|thinly[ \t]+veiled|not-so-subtle|subtle|implicit|direct)[ \t]+)?"
    r"(?:swipe|reference|nod|jab|dig|allusion|shot|rebuke|response)[ \t]+(?:at|to)|something[ \t]+(?:he|she|they|that))\b"
    # ", a charge Moscow denies", ", a phrase Western officials have called alarming": the narrator's gloss
    r"|,[ \t]+(?:a|an)[ \t]+(?:phrase|term|word|label|charge|claim|accusation|allegation|assertion|"
    # ", a move he called “a concrete step”": the act, then someone's judgement of it
    r"move|step|decision|offer|gesture|proposal|development|measure)[ \t]+(?:that[ \t]+)?"
    r"(?:[\w\u2019'-]+[ \t]+){1,3}(?:(?:have|has|had)[ \t]+[a-z]+ed|denies|deny|denied|rejects|reject|rejected|disputes|"
    r"dispute|disputed|dismissed|dismisses|called|calls)\b"
    # ", while Chinese spokesman Zhao Lijian accused …": another subject's clause
    r"|,[ \t]+(?:while|whereas)[ \t]+(?=[A-Z]|[^,;\u201c]{1,60}?\b(?:said|says|say|told|tells|argued|argue|insisted|added)\b)"
    # "…,'' and he foreshadowed …": the subject's next act, told by the narrator
    r"|(?:,|\u201d)[ \t]+(?:and|but)[ \t]+(?:he|she|they)[ \t]+(?:(?:also|then|later)[ \t]+)?[a-z]+ed\b"
    # "…, and Paris briefly recalled its ambassadors": another named subject's act, told by the narrator
    r"|,[ \t]+and[ \t]+(?:the[ \t]+)?[A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*){0,3}[ \t]+(?:[a-z]+ly[ \t]+)?"
    r"(?!need)[a-z]{3,}ed\b(?![ \t]+by\b)"
    # "…, and three-quarters said the same of Sanders": another subject's report
    r"|,[ \t]+(?:and|but)[ \t]+(?:[\w\u2019'-]+[ \t]+){1,4}?(?:said|says|say)\b"
    # ", however this time around …": the narrator's contrast
    r"|,[ \t]+however\b(?![ \t]*,|[ \t]+\w+,)"  # not "however messy,"
    # a relative clause on the content's last noun that runs to the sentence's end: the narrator's gloss
    r"|,[ \t]+(?:which|who|where)\b(?=[^,;\u201c\u201d]*$)"
    # "… — all businesses that he has assailed": a dash apposition of the narrator's, running to the end
    r"|[ \t]*\u2014[ \t]*(?:all|both|each|most|many|some|a|an)[ \t][^\u2014\u201c\u201d]*$"
    # ", well above the $8.04 analysts expected": the narrator's comparison
    r"|,[ \t]+(?:well|far|just|slightly|sharply)[ \t]+(?:above|below|ahead[ \t]+of|short[ \t]+of|up|down)\b"
    # a relative clause with a report of its own: "remarks by Kowal, who said …"
    r"|,[ \t]+who[ \t]+(?:(?:also|had|has|have|later|then|once)[ \t]+)?(?:said|says|told|tells|added|argued|insisted|warned|claimed)\b"
    r"|,[ \t]+but[ \t]+(?:he|she|they|it|the|[A-Z][\w\u2019'.-]+)\b|;|:[ \t]*\u201c"
    # "… but did not suggest it would be Trump", "… but would not say who attended": the subject's next act, a
    # refusal to say more (not the content's own verb: "… the talks were useful but would not continue")
    r"|[ \t]+(?:and|but)[ \t]+(?:did|does|would)(?:[ \t]+not|n['\u2019]t)[ \t]+"
    r"(?:say|suggest|recommend|elaborate|specify|comment|offer|provide|give|explain|disclose|answer|respond|address|"
    r"rule|name|identify|confirm|deny|mention|discuss|reveal|endorse|commit|indicate|detail|predict|promise|release)\b"
    # ", but appeared to …", ", but also used them …": the subject's next act
    r"|,[ \t]+but[ \t]+(?:also[ \t]+)?(?!need)[a-z]{3,}(?:ed|es)\b(?![ \t]+by\b)"
    # a quotation ending with a comma before another subject's report: "Lee claimed that “…,” one of the
    # prosecutors said …"
    r"|\u201d(?=[ \t]+[^,;\u201c\u201d]{1,80}?\b(?:said|says|told|tells|argued|added|insisted|replied|countered)\b)"
    # a quotation that an inverted report gives to someone else: "…, “why not?” asked Anita Dunn"
    r"|,?[ \t]*(?=\u201c[^\u201c\u201d]*\u201d[ \t]*(?:said|asked|added|says|asks|adds|wrote|writes|replied|continued)[ \t]+[A-Z])"
    # an absolute or comparative phrase of the narrator: ", with 42% preferring …", ", compared with …",
    # ", even as …"
    r"|,[ \t]+with[ \t]+(?:[\w\u2019'%.-]+[ \t]+){1,4}?[a-z]+ing\b|,[ \t]+(?:compared[ \t]+(?:with|to)|even[ \t]+as)\b"
)
_WORDS = re.compile(r"[^\W_]+")
# the characters _CLAUSE_CUT's alternatives start with, after spaces or tabs (and a comma before a “; the
# conjunction before a negated verb)
_CLAUSE_CUT_KEY = re.compile("[,;:\u201c\u201d\u2013\u2014]|[ \t]-|(?<=[ \t])(?:and|but)[ \t]+(?:did|does|would)[ \tn]")


def _clause_cut(masked: str, start: int, end: int) -> re.Match | None:
    """``_CLAUSE_CUT.search(masked, start, end)``, tried only where a match may start.

    _CLAUSE_CUT begins with a run of spaces or tabs in some alternatives, so its search tries every
    position of the span (about 11 µs on a PolNeAR clause). Each alternative starts with one of
    ``_CLAUSE_CUT_KEY``'s characters, maybe after spaces or tabs (and a comma before a “): a match
    starts at such a character or at the start of the run of spaces and tabs before it, and one that
    would start inside that run would start at the run's start as well (the run's spaces are the
    alternative's own). So trying the pattern there, in order, finds the search's match.
    """
    match = _CLAUSE_CUT.match
    tried = start - 1
    for key in _CLAUSE_CUT_KEY.finditer(masked, start, end):
        c = key.start()
        run = c
        while run > start and masked[run - 1] in " \t":
            run -= 1
        for at in (run, c) if run < c else (c,):
            if at > tried:
                tried = at
                m = match(masked, at, end)
                if m is not None:
                    return m
    return None


# what may stand between quotes of one run: after the cue ("“A,” he said, “B”"), inside the content
_JOINS_AFTER_CUE = re.compile(r"[ \t]*[,:;\u2014-]?[ \t]*(?:(?:and|but)[ \t]+)?")
_JOINS_IN_CONTENT = re.compile(r"[ \t]*[,:;.\u2014-]?[ \t]*(?:(?:and|but|that)[ \t]+)?")
_ACCORDING_TAIL = re.compile(r"[ \t]*(?:,|[ \t][\u2014\u2013-]{1,2})(?:[ \t]*(?:a|an|the|who|which|whose)\b[^,;\u201c\u2014]{1,80},)?[ \t]*(?=\S)")
# "…, an official told The New York Times." (the addressee); not "told reporters she was hopeful" (a clause)
_POSTPOSED_ADDRESSEE = re.compile(
    r"(?:[ \t]+(?!(?:that|how|whether|to|he|she|they|it|we|i|was|were|is|are|would|will|could|had|has|have)\b)"
    r"[\w.\u2019'&-]+){1,7}?"
    r"(?:[ \t]+\u201c[^\u201c\u201d]{1,40}\u201d)?"  # a programme's name: "told ABC's “Good Morning America.”"
    r"(?=[ \t]*(?:[!?;,]|\.[ \t]*$|$))"  # (a full stop only at the end: "told U.S. President Joe Biden that …")
)
# "…, a senior State Department official said." closing a sentence: another source's report of it (also after a
# quotation, whose own comma is masked: "… “clear,” state media reported")
_POSTPOSED_SOURCE_END = re.compile(
    r"(?:,|\u201d)[ \t]+(?:[\w.\u2019'-]+[ \t]+){1,8}?(?:said|says|added|adds|reported|reports|told[ \t]+(?:reporters|journalists|"
    r"lawmakers|parliament|(?:a|the)[ \t]+(?:news|press)[ \t]+conference|(?:a|the)[ \t]+briefing))"
    r"(?:[ \t]+(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
    r"|[ \t]+(?:last|this)[ \t]+(?:week|month|year|weekend)"
    # "…, the Egyptian presidency said in a statement."
    r"|[ \t]+in[ \t]+(?:a|an|its|his|her|their)[ \t]+(?:[\w-]+[ \t]+)?(?:statement|interview|briefing|tweet|post|letter|"
    r"readout|communiqu[eé])"
    # "…, the bloc's foreign policy chief Josep Borrell said after a meeting in Brussels."
    r"|[ \t]+(?:after|before|following)[ \t]+(?!that\b)[^,;:\u201c\u201d.!?]{1,60})?[ \t]*(?=[.!?,]|$)")
_AS_LEAD = re.compile(r"[ \t]*(?:(?:In|On|At|After|During|Since|For|Under|Among|Before)\b[^,;\u201c\u201d]{1,60},[ \t]*)?"
                      r"(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)[ \t]+)?[Aa]s[ \t]+")  # "In the old Soviet Union, as Smith reported, …"
# after "As X said": where and when, then the comma before the clause reported
_AS_REPORT_TAIL = re.compile(r"[ \t]*(?:(?:in|at|on|during|to|last|this|earlier|before|after)\b[^,;:\u201c\u201d]{0,60})?,")
_SUBJECT_MODIFIER_GAP = re.compile(r",[ \t]*((?:[\w.'\u2019&-]+[ \t]+){1,4})$")
_REPORT_PARTICIPLES = {"saying", "adding", "arguing", "insisting", "noting", "claiming", "warning", "explaining",
                       "suggesting", "asserting", "stressing", "declaring", "stating", "making it clear", "citing",
                       "pointing to"}
# participles that report only after a comma, as a parenthesis on the clause's subject: "The senator attacked the
# plan, calling it “a disaster”" (but "when you start calling them X" is no report of anyone's)
_COMMA_REPORT_PARTICIPLES = {"calling", "describing", "accusing", "urging", "predicting", "vowing", "promising",
                             "acknowledging", "admitting", "conceding", "complaining", "blaming"}
# Reports whose content is what the source offered as evidence or reason, a noun phrase: "Lee cited rising costs",
# "…, he said, citing legal risks", "Berg pointed to the fishing dispute". ("referring to X" after a report is the
# narrator's gloss of what the speaker meant, not the speaker's words, and is not one of them.)
_OBJECT_REPORTS = {"cited", "cites", "citing", "pointed to", "points to", "pointing to", "described", "describes",
                   "referring to", "refers to", "referred to", "talked about", "talks about", "talking about",
                   "spoke about", "spoke of", "speaks about", "speaking about", "discussed", "discusses", "discussing"}
# "referred to Martin Luther King as …": a naming, its content the object and what it is named
_NAMED_AS_AFTER = re.compile(r"[^,.;:\u201c]{1,60}?[ \t]as\b")
# reports of a topic, whose object may be one word: "talked about immigration", "referring to it"
# an auxiliary right after a verb that wants an object: the verb closed a relative clause, the sentence goes on
_FINITE_NEXT = re.compile(r"[ \t]*(?:would|will|could|should|can|may|might|must|is|are|was|were|has|have|had)\b")
_TOPIC_REPORTS = {"referring to", "refers to", "referred to", "talked about", "talks about", "talking about",
                  "spoke about", "spoke of", "speaks about", "speaking about", "discussed", "discusses", "discussing"}
# a word after the verb that makes it no report of evidence: "was cited for speeding", "the study cited in the
# report", "pointed to as a model"
_OBJECT_REPORT_NOT = re.compile(r"[ \t]*(?:(?:by|in|for|as|at|on|from|during|when|while|and|or|over|after|before|since|"
                                 r"with|to|earlier|last|this|yesterday|today)\b|[,.;:!?)]|$)")
# what follows a verb that makes it no report: "wrote a $500,000 check to a super PAC", "adding to his victories"
_WROTE_CHECK = re.compile(r"[ \t]+(?:a|an|the|his|her|their|its|another)[ \t]+(?:[\w$,.-]+[ \t]+){0,3}?(?:check|cheque)s?\b")
_ADDING_TO = re.compile(r"[ \t]+to[ \t]+(?!reporters|journalists|the[ \t]+press|(?:a|the)[ \t]+(?:statement|list)\b"
                        # "…,” Lee added to People." / "added to CNN, “…”": an addressee named, then the sentence goes on
                        r"|(?:The[ \t]+)?[A-Z][\w.\u2019'&-]*(?:[ \t]+[A-Z][\w.\u2019'&-]*){0,3}[ \t]*(?:[.,:]|$))")
# "thanks in part to her wins": a preposition
_THANKS_TO = re.compile(r"\s+(?:(?:in[ \t]+(?:large[ \t]+)?part|largely|mostly|partly|partially|primarily|mainly)[ \t]+)?to\b")
# "continued to question whether …", "began to argue that …": the infinitive is the report, the subject is before
_ASPECT_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:continued|continues|continue|continuing|began|begins|begin|begun|"
                            r"started|starts|proceeded|proceeds)[ \t]+to[ \t]+$")
_SHARED_OBJECT_VERB = re.compile(r"[ \t]+(?:and|or)[ \t]+[a-z]{3,}ed(?=[ \t]+\S)")
# "which led her to declare that …": the object of "led" is the infinitive's subject
_LED_TO_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:led|leads|leading|prompted|prompts|prompting|forced|forcing|caused|"
                            r"causing|spurred|spurring)[ \t]+(him|her|them|[A-Z][\w\u2019'.-]+(?:[ \t]+[A-Z][\w\u2019'.-]+){0,2})"
                            r"[ \t]+to[ \t]+$")
# "continued to lead the polls", "continues apace": going on, not talking on
_CONTINUED_NOT = re.compile(
    r"[ \t]+(?:to(?![ \t]+(?:say|question|insist|argue|complain|portray|refute|defend|deny|suggest|criticize|criticise|"
    r"attack|call|claim|maintain|blame|accuse|assert|warn|tout|praise|express|hammer|mock|slam|dismiss|reject|urge|"
    r"describe|characterize|characterise|dispute|challenge|downplay|stress|emphasize|emphasise|voice|push|press|"
    r"raise|tell|beat[ \t]+back)\b)|on|with|apace|unabated|for|through|into|until|in|at|as|its|his|her|their|the|a|an|"
    r"[a-z]+ing)\b")
# "charged his campaign for rent", "charged into the fray": billing, rushing; "charged that …" and "charged him
# with fraud" (an accusation) report
_CHARGED_NOT = re.compile(r"[ \t]+(?:into|ahead|up|through|forward|in|out|down)\b|[ \t]+(?!that\b)(?![^.;,:]{0,60}?\bwith\b)[\w$]")
# "refugees admitted to the United States", "was admitted into the hospital": let in, not owning up
_ADMITTED_INTO = re.compile(r"[ \t]+(?:to|into)[ \t]+(?:the[ \t]+)?(?:United[ \t]+States|U\.S\.|country|hospital|clinic|"
                            r"school|college|university|academy|program|programme|bar|party|club|court|camp)\b")
# "recalled its ambassador", "recalls the vehicles": called back, not remembered aloud
_RECALLED_BACK = re.compile(r"[ \t]+(?:its|their|his|her|the|a|an|some|all)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
                            r"(?:ambassadors?|envoys?|diplomats?|emissar(?:y|ies)|negotiators?|delegations?|troops|"
                            r"forces|staff|products?|vehicles?|cars|units)\b")
_NOT_A_REPORT_AFTER = {"continued": _CONTINUED_NOT, "continues": _CONTINUED_NOT,
                       "recalled": _RECALLED_BACK, "recalls": _RECALLED_BACK, "recalling": _RECALLED_BACK,
                       "admitted": _ADMITTED_INTO, "admits": _ADMITTED_INTO,
                       "charged": _CHARGED_NOT, "charges": _CHARGED_NOT, "charging": _CHARGED_NOT,
                       "wrote": _WROTE_CHECK, "writes": _WROTE_CHECK, "write": _WROTE_CHECK, "writing": _WROTE_CHECK,
                       "adding": _ADDING_TO, "added": _ADDING_TO, "adds": _ADDING_TO, "thanks": _THANKS_TO}
# "one of the most highly cited authors", "a widely cited study": an adjective, not a report
_CITED_ADJECTIVE_BEFORE = re.compile(r"\b(?:most|highly|widely|often|frequently|much|commonly|oft|heavily|rarely)[ \t]+$")
# where such an object ends: punctuation, a dash, a clause of the narrator or another report; a list's commas
# ("citing low growth, unemployment and inequality") and "as" ("cited Oslo as a model") stay inside
_OBJECT_REPORT_END = re.compile(
    r"[;:()\u2014\u2013]|[ \t]+-[ \t]|,[ \t]+(?:which|who|whom|where|when|while|whereas|but|although|though|and[ \t]+"
    r"(?:he|she|they|it|then|also|said|says|added)|(?!including\b)[a-z]+ing|was|were|is|are|has|have|had|will|would|[a-z]+ed[ \t]+(?:by|to)|he|she|they|it)\b"
    r"|[ \t]+(?:because|when|while|but|since|although|though|despite|so[ \t]+that|even[ \t]+(?:as|though|if))\b"
    r"|[ \t]+and[ \t]+(?:saying|adding|arguing|insisting|noting|claiming|warning|explaining|suggesting|calling)\b")
_WH_CLAUSE = re.compile(r"[ \t]*(?:how|what|why|where|when|whether)\b")
# what may follow the head of a long subject, and what may not come between it and its verb
_LONG_SUBJECT_MODIFIERS = {"of", "in", "from", "with", "at", "for", "on", "to", "who", "that", "going", "living",
                           "working", "opposed", "involved"}
_TRAILING_TIME = re.compile(r"[ \t]+(?:(?:on|last|this|next|early|late)[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                            r"Saturday|Sunday|yesterday|today|tonight|week|month|year)$")
_SHARE_HEADS = {"majority", "majorities", "plurality", "minority", "half", "third", "thirds", "quarter", "share"}
_LONG_SUBJECT_STOP = re.compile(r"[,;:()\u201c\u201d\u2014]|\b(?:is|are|was|were|has|have|had|said|says|told|will|would|"
                                r"can|could|should|may|might|must|do|does|did)\b")
_LONG_SUBJECT_MAX_WORDS = 16
# a passive participle's agent before a noun phrase: "A declaration signed by [both leaders] stated" (the
# declaration stated it)
_BY_AGENT_BEFORE = re.compile(r"(?<![\w'\u2019-])[a-z]{3,}(?:ed|en)[ \t]+by[ \t]+$")
# prepositions after a participle that dates or places a document: "issued after the talks", "signed by both"
_PARTICIPLE_PREPOSITIONS = {"after", "by", "in", "on", "at", "during", "following", "from", "with", "before", "late",
                            "early", "last", "this"}
_WORD_RUN = re.compile(r"[\w\u2019'.&/-]+")
_LEADING_ADVERBIAL = re.compile(r"(?:In|On|At|After|During|Last|This|Earlier|Later|Since|By|Over|Within|Before)\b"
                                r"[^,;\u201c\u201d]{0,40},[ \t]*")
# a person described by a gendered noun: "A 29-year-old Berlin woman", "The boy's father"
_GENDERED_NOUNS = {"woman": "f", "mother": "f", "girl": "f", "wife": "f", "widow": "f", "grandmother": "f",
                   "daughter": "f", "sister": "f", "lady": "f", "man": "m", "father": "m", "boy": "m",
                   "husband": "m", "widower": "m", "grandfather": "m", "son": "m", "brother": "m"}
_GENDERED_PERSON = re.compile(r"(?:[Aa]n?|[Tt]he|[Oo]ne)[ \t]+(?:[\w\u2019'.-]+[ \t]+){0,5}?"
                              r"(?P<noun>" + "|".join(_GENDERED_NOUNS) + r")\b(?![\u2019']s)")
_PARENTHESIS_LEFT = re.compile(r"[^,]+,[ \t]*")
# "It’s implied …": a pronoun with its contraction
_CONTRACTION_TAIL = re.compile(r"['\u2019]\w*$")
# "said the company's chief executive, Olav Berg": from a description to the name it introduces
_ROLE_TO_NAME = re.compile(r"[^,.;:\u201c\u201d]{0,40},[ \t]*")
# a finite auxiliary: what follows a name up to a comma is a clause, not an appositive
_FINITE_CLAUSE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do)\b")
_RELATIVE_WORD = re.compile(r"\b(?:who|which|whose|whom|that)\b")
# a short answer: "said no", "55 percent said so in December", "said the same of Sanders"
_SHORT_ANSWER = re.compile(
    r"[ \t]*(yes|no|so|nothing|as[ \t]+much|the[ \t]+same(?:[ \t]+(?:of|about)[ \t]+[A-Z][\w.\u2019'-]*"
    r"(?:[ \t]+[A-Z][\w.\u2019'-]*)*)?)"
    r"(?=[ \t]*(?:[.,;!?]|$)|[ \t]+(?:in|on|at|during|last|this|earlier|later|when|after|before|while|but|and)\b)")
# "more than 6 in", "About four in": the start of a share of those polled ("… in 10 voters")
RATIO_START = (r"(?:(?:[Mm]ore[ \t]+than|[Nn]early|[Aa]bout|[Aa]lmost|[Rr]oughly|[Oo]ver|[Ff]ewer[ \t]+than|[Ll]ess[ \t]+than|"
               r"[Jj]ust)[ \t]+)?(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)[ \t]+"
               r"(?:in|out[ \t]+of)")  # "About 4 in 10", "Nearly nine out of 10"
_RATIO_BEFORE = re.compile(RATIO_START + r"[ \t]+$")
# where an asked question ends: a comma or semicolon, or its closing quotation mark before a new clause
# ("Asked if Sanders is “realistic enough,” 72 percent said yes")
_QUESTION_END = re.compile(r"[,;:]|,?\u201d(?=[ \t]+[A-Z0-9])")
# " and Trump calling it …": a coordinated speaker without a comma
_BARE_AND = re.compile(r"[ \t]+and\b")
# naming someone something is a report: "called Palin a “clown”", "deemed him “well qualified”"
_NAMING_VERBS = ("call", "deemed", "dubbed", "label", "branded", "rated")
# cues whose target may be one word: "railed against superdelegates", "lashed out at Oslo"
_TARGET_PREPOSITIONS = (" against", " at", " with")
# a short object cut off where a line ends: "condemned the" (a hard-wrapped line taken for a paragraph's end)
_ENDS_UNFINISHED = re.compile(r"(?<![\w'\u2019-])(?:the|a|an|and|or|of|to|for|in|on|at|by|with|his|her|their|its|our|"
                              r"this|that|these|those|[A-Z][\w.]*['\u2019]s)[ \t.,;:]*$")
_EVALUATION_VERBS = {"praised", "praises", "condemned", "condemns", "denounced", "denounces", "applauded", "applauds",
                     "lauded", "commended", "criticized", "criticised", "criticizes", "criticises", "rejected",
                     "rejects", "dismissed", "dismisses", "defended", "defends", "decried", "decries", "hailed",
                     "hails", "slammed", "slams", "blasted", "blasts", "lambasted", "ridiculed", "mocked", "thanked",
                     "thanks", "congratulated", "congratulates", "conveyed", "conveys", "derided", "derides"}
# "is calling for": a finite verb, not a participle
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|am)[ \t]+$")
# a comma before another report: "Ann Lee, citing internal documents, said …"
_COMMA = re.compile(r",[ \t]*(?:(?:also|later|then)[ \t]+)?")
_ASKED_QUESTION = re.compile(
    r"(?P<when>(?:[Ww]hen|[Ii]f|[Aa]fter|[Oo]nce|[Ww]hile)[ \t]+)?(?P<passive>(?:was|were|is|are|being)[ \t]+)?[Aa]sked"
    r"(?:[ \t]+by[ \t]+(?P<by>[^,;\u201c\u201d]{1,60}?))?(?:[ \t]+(?:on|at|in|during|last|this)[ \t]+[^,;\u201c\u201d]{1,50}?)?"
    r"(?:[ \t]+[a-z]+ly)?[ \t]+(?P<q>(?:whether|if|how|why|what|which|who|whom|about)\b)"
)
# an inverted subject that is a name ("…,” said Lavrov."), or a publication's name and what it is ("…,” wrote Time
# magazine.")
_CAPITALISED_RUN = r"[A-Z][\w\u2019'.&-]*(?:[ \t]+[A-Z][\w\u2019'.&-]*){0,3}"
_AT_CLAUSE_END = r"(?=[ \t]*(?:[,.;:!?]|$))"
# (and the outlet a writer wrote for: "…,” wrote Cameron Easley for Morning Consult.")
_INVERTED_NAME = re.compile(rf"({_CAPITALISED_RUN})(?:[ \t]+for[ \t]+(?:the[ \t]+)?{_CAPITALISED_RUN})?{_AT_CLAUSE_END}")
_INVERTED_PUBLICATION = re.compile(
    rf"({_CAPITALISED_RUN}[ \t]+(?:magazine|newspaper|daily|weekly|website|network|channel|agency|radio|television))"
    rf"{_AT_CLAUSE_END}")
# a wire service's report of someone's words: "TASS quoted Rudenko as saying …", "Peskov was quoted by RIA as saying
# that …", "KCNA quoted Kim Yo Jong, the leader's sister, as saying …", "The Chinese side, in its readout, quoted Wang
# as saying …" (the object, or the passive's subject, said it; an appositive after the object is not its name)
_QUOTED_AS_SAYING = re.compile(
    r"(?:\bwas[ \t]+quoted(?:[ \t]+by[ \t]+[^,;\u201c\u201d]{1,60}?)?|(?<=[\w\u2019'.),])[ \t]+quoted[ \t]+"
    r"(?P<obj>(?!as\b|by\b)[^,;\u201c\u201d]{1,80}?)(?:,[ \t]+[^,;\u201c\u201d]{1,100}?,)?)[ \t]+as[ \t]+saying"
    r"(?:[ \t]+that\b)?")
# what may end a sentence after "was quoted (by Y) as saying": when, where, by whom ("… as saying on Tuesday.")
_QUOTED_AS_SAYING_END = re.compile(
    r"(?:[ \t]+(?:on|in|at|by|during|after|late|early|last|this)[ \t]+[^,;:\u201c\u201d.!?]{1,60})?[ \t]*(?:[.!?]|$)")
# a reported clause's subject, between a report verb and the passive "is being asked": "said (that) he "
_REPORTED_SUBJECT = re.compile(r"[ \t]+(?:that[ \t]+)?(?:he|she|they|we|I|it|[A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*){0,3})"
                               r"[ \t]+(?:is|was|were|are|has[ \t]+been|had[ \t]+been|have[ \t]+been)?[ \t]*")
# what follows a subject's head and belongs to it: "a diplomat familiar with the talks", "officials in Kyiv", "a
# source speaking to Radio X", "a spokesman for the Ann Lee campaign"
# a coordinated verb: "… and backed their plan", "…, and most recently defended it"
_AND_BEFORE = re.compile(r"\b(?:and|but|yet|or)(?:[ \t]+(?:then|also|later|now|still|instead|(?:most[ \t]+)?[a-z]{3,}ly))?[ \t]*$")
# a noun phrase opening a sentence as its subject, its verb after: "The Russian Foreign Ministry issued", "The report
# also provided"
_OPENING_SUBJECT = re.compile(
    r"((?:[Tt]he|[Aa]n?|[A-Z][\w.&\u2019'-]*)(?:[ \t]+(?:of[ \t]+)?[\w.&\u2019'-]+){0,5}?)"
    r"(?=[ \t]+(?:(?:also|has|have|had|was|were|is|are|will|would|on[ \t]+\w+day|last[ \t]+\w+)[ \t]+)?"
    r"(?:[a-z]{2,}ed|spoke|met|said|says|told|gave|made|took|went|came|sent|held|issues|releases|reports|provides|"
    r"did|was|were|has|have|had|is|are)\b)")
# the same with any verb in -s ("The Fed does not want", "The ministry plans"), tried second: a plural noun ends
# in -s too ("Western officials")
_OPENING_SUBJECT_S = re.compile(_OPENING_SUBJECT.pattern.replace("|did|", "|did|does|[a-z]{2,}[^s\\W]s|"))
_PRONOUN_CONTRACTION = re.compile(r"(?<![\w'\u2019])([Hh]e|[Ss]he)['\u2019](?:s|d|ll)")
_ASIDE_BEFORE_QUOTE = re.compile(r"[ \t]*,[ \t]*(?:however|though|too|also|again|in[ \t]+turn|for[ \t]+(?:his|her|their|its)"
                                 r"[ \t]+part)(?=[ \t]*[,:][ \t]*\u201c)")
_OF_PLACE = re.compile(r"(?:of|from|at)\b")
_POST_MODIFIER = re.compile(
    r"(?<![\w'\u2019-])(?:(?:familiar|close|involved|briefed|knowledgeable|connected|loyal|opposed|allied|aligned)"
    r"[ \t]+(?:with|to|in|on|about)|with[ \t]+(?:(?:direct|close|detailed)[ \t]+)?knowledge[ \t]+of|"
    r"(?:[a-z]+ing[ \t]+)?(?:of|from|at|for|in|with|to|inside|within|across|near))[ \t]+(?:the[ \t]+)?$")
# a recording of someone speaking: "footage of Trump saying …", "a clip of Lavrov telling …" are theirs
_RECORDINGS = {"footage", "video", "videos", "clip", "clips", "recording", "recordings", "audio", "tape", "tapes"}
_SPEAKING_PARTICIPLES = (r"(?:saying|telling|declaring|asking|shouting|vowing|promising|insisting|arguing|claiming|"
                         r"announcing|warning|urging|calling)\b")
_SPEAKING_PARTICIPLE = re.compile(r"[ \t]*" + _SPEAKING_PARTICIPLES)
_RECORDING_OF = re.compile(r"(?:(?:a|an|the|his|her|their|its|new)[ \t]+)?(?:" + "|".join(sorted(_RECORDINGS)) +
                           r")[ \t]+of[ \t]", re.IGNORECASE)
# the object of "shows" (or of "posted footage of") speaking: "A video shows Lavrov saying …", "He posted footage of
# Zelensky telling troops …"; the one recorded speaks, in the participle's report, and the recording reports nothing
_RECORDED_SPEAKER_AFTER = re.compile(
    r"[ \t]+(?:(?:a|an|the|his|her|their|its|new)[ \t]+)?(?:(?P<recording>" + "|".join(sorted(_RECORDINGS)) +
    r")[ \t]+of[ \t]+)?(?!that\b)(?:[\w.\u2019'-]+[ \t]+){1,4}?(?=" + _SPEAKING_PARTICIPLES + ")")


def _records_speaking(masked: str, head: str, modifier: re.Match, verb_at: int) -> bool:
    """Whether ``head`` and its post-modifier are a recording "of" someone speaking at ``verb_at``: "footage of
    Trump | saying", "a clip of Lavrov | telling"."""
    return head.lower() in _RECORDINGS and modifier.group().startswith("of") \
        and _SPEAKING_PARTICIPLE.match(masked, verb_at) is not None


_POSS_S_END = re.compile(r"['\u2019]s$")
_AT_BEFORE = re.compile(r"\b[Aa]t[ \t]+$")
# "accused of" after the accused ("The woman accused of driving …"), unless an accuser stands before the verb
_OF_NEXT = re.compile(r"[ \t]+of\b")
_ACCUSER_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:he|she|they|we|I|you|who|has|have|had)[ \t]+$")
# a document's author after it: "a report by the institute warned", "a survey by Comcast found"
_DOCUMENT_BY = re.compile(r"(?<![\w'\u2019-])by[ \t]+(?:the[ \t]+)?$")
_LOWER_WORD_END = re.compile(r"(?<![\w'\u2019-])([a-z]+)[ \t]+$")
# "A news report published Wednesday said": a participle dating the subject
# (and "A poll last month showed", "a survey conducted this week found": a time after the noun)
_DAY = re.compile(r"(?P<rel>(?:last|this|late|early)[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                  r"Sunday|yesterday|today|week|month|year|weekend|night|morning|evening|spring|summer|fall|autumn|winter)")
_DATED_PARTICIPLE = re.compile(r"(?<![\w'\u2019-])[a-z]+ed[ \t]+(?:(?:on|last|this|late|early)[ \t]+)?$"
                               r"|(?<=[a-z][ \t])$")  # (the second only before "last month": see speaker_np_before)
# "a welcome message on the website reads": "on" modifies a document only ("the official on Tuesday" is a time)
_ON_MODIFIER = re.compile(r"(?<![\w'\u2019-])on[ \t]+(?:the[ \t]+|its[ \t]+|his[ \t]+|her[ \t]+|their[ \t]+)?$")
# the end of an inverted subject's name, maybe with where they are from: "said voter Ann Lee of Gdansk."
_PLACE_AFTER_NAME = re.compile(r"[ \t]+(?:of|from|in|for)[ \t]+[A-Z][\w.\u2019'-]*(?:,?[ \t]+[A-Z][\w.\u2019'-]*){0,3}")
_INVERTED_SUBJECT_END = re.compile(r"(?:" + _PLACE_AFTER_NAME.pattern + r")?"
                                   r"(?:[ \t]+(?:during|at|in|on|after|before)[ \t][^,.;:!?\u201c]{1,60})?"  # "… during the debate"
                                   r"[ \t]*(?:[,.;:!?]|$)")
_DASH_PARENTHETICAL = re.compile(
    r"[ \t]*(?:\u2014|\u2013|--|[ \t]-[ \t])[^\u2014\u2013\u201c\u201d]{1,160}?(?:\u2014|\u2013|--|[ \t]-)$")
_TRAILING_PP = re.compile(r"[ \t]+(?:in|on|at|during|via|after|before|following)[ \t]"
                          r"(?![^,;\u201c]*\bthat\b)[^,;\u201c]*[.!?]?[\u201d]?[ \t]*$")
_SUBORDINATE_LEAD = re.compile(r"[ \t]*(?:(?:[Ee]ven|[Jj]ust|[Ss]oon|[Ll]ong)[ \t]+)?"
                               r"(?:(?:[Jj]ust[ \t]+)?(?:[Dd]ays|[Hh]ours|[Ww]eeks|[Mm]onths|[Yy]ears|[Mm]inutes)[ \t]+(?:after|before)|"
                               r"After|When|Before|Since|Because|Once|Until|While|(?<=[Ee]ven[ \t])[Aa]s|As|"
                               r"Although|Though|If|Whenever|Shortly[ \t]+after|Moments[ \t]+after|"
                               # "With Democratic leaders worried about …, Obama is rolling out …": an absolute phrase
                               r"With|Despite|Amid|Following|Without|Unlike)"
                               r"\b[^,]*$")
# a cue word right after a possessive or a determiner is a noun or an adjective ("his comments", "the repeated calls");
# "He’s said" is a contraction
_NOUN_BEFORE = re.compile(r"(?:\w(?<!(?<![\w'\u2019])[Hh]e)(?<!(?<![\w'\u2019])[Ss]he)['\u2019]s?|(?<![\w'\u2019-])(?:his|her|their|its|the|these|those|such|my|our|your|a|an))"
                          r"[ \t]+$", re.IGNORECASE)
_POSSESSIVE_SOURCE = re.compile(
    r"(?<![\w'\u2019-])(?P<name>[A-Z][\w.\u2019'-]*?(?:[ \t]+[A-Z][\w.\u2019'-]*?){0,3})(?:['\u2019]s|(?<=s)['\u2019])[ \t]+"
    r"(?:(?:own|first|initial|only|full|curt|terse|blunt)[ \t]+)?(?P<noun>response|reply|answer|words|reaction|retort|verdict)"
    r"(?:[ \t]+(?:was|is|came|read|reads))?[ \t]*[:,][ \t]*(?=\u201c)")
_TO_ADDRESSEE_VERBS = {"wrote", "writes", "write", "writing", "said", "says", "say", "saying", "explained", "explains",
                       "complained", "complains", "spoke", "speaks", "remarked", "confided", "confides",
                       # "whispered to him: “…”"
                       "whispered", "whispers", "shouted", "shouts", "yelled", "yells", "admitted", "admits", "joked",
                       "jokes", "added", "adds"}
_TO_ADDRESSEE = re.compile(
    r"[ \t]+to[ \t]+(?:"
    # "to her followers on Twitter" before "to her": a possessive's noun phrase first
    r"(?:(?:the|a|an|his|her|their|its|[A-Z][\w.\u2019'-]*['\u2019]s)[ \t]+)"
    r"(?:(?:\d{1,3}(?:,\d{3})+|[\w.\u2019'&-]+)[ \t]+){0,3}?[\w\u2019'&-]+(?=[ \t]*(?:,(?!\d)|that\b|in\b|on\b|$))|"
    r"me|him|her|them|us|you|reporters|supporters|voters|journalists|"
    r"[A-Z][\w.\u2019'&-]*(?:[ \t]+[A-Z][\w.\u2019'&-]*)*)(?![\w\u2019'-])")
# what names a work rather than quoting: "the spot titled “Dangerous”", "on ABC's “This Week”"
_TITLE_BEFORE = re.compile(r"(?:\b(?:titled|entitled|dubbed|headlined|named|nicknamed|called|author[ \t]+of|co-author[ \t]+of|"
                           r"book|novel|memoir|film|movie|documentary|show|programme|program|podcast|series|song|album|"
                           r"column|newsletter|magazine)|\w['\u2019]s?)[ \t]*,?[ \t]*$")
# (and plural present forms that are as often something else: "They recommend that …", "to write a letter")
_NOUN_OR_VERB = {"states", "remarks", "comments", "write", "recommend", "conclude", "stress", "urge", "caution"}
# a verb whose object carries someone's words: "released a statement saying …" is the releaser's report
_ISSUED_BEFORE = re.compile(r"\b(?:issued|released|put[ \t]+out|sent|published|posted|made|gave|delivered|wrote|"
                            r"tweeted|filed)[ \t]+$")
_RESPONSE_VERBS = {"responded", "responds", "reacted", "reacts"}
_BY_BEFORE = re.compile(r"\bby[ \t]+$")
# "responded by easing sanctions", "responded Tuesday to one of the messages by saying …": an act (what it was
# is the next report's)
_RESPONDED_BY = re.compile(r"[ \t]+(?:[a-z]+ly[ \t]+)?(?:(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday|today|yesterday|later)[ \t]+)?(?:to[ \t]+[^,.;:\u201c]{1,60}?[ \t]+)?(?:by|with)\b")
_DESCRIBED_SUBJECT = re.compile(
    r"((?:(?i:the|a|an|his|her|their|its|one|another|some|several)|[A-Z][\w.\u2019'-]*)(?:[ \t]+[\w.\u2019'-]+){0,4}?)"
    r"[ \t]+(?:(?:has|have|had)[ \t]+)?(?:(?:also|then|later|quickly|again)[ \t]+)?"
    r"[a-z]+(?:ed|ook|ent|ade|ave|ame|ew|ote|oke|ad|id)\b")
_DESCRIBED_SUBJECT_PP = re.compile(
    r"((?i:the|a|an|other|some|many|several)[ \t]+(?:[\w.\u2019'-]+[ \t]+){0,3}?(?P<head>[\w\u2019'-]+)[ \t]+"
    r"(?:of|for|in|at|from|on|with)[ \t]+(?:[\w.\u2019'-]+[ \t]+){0,6}?[\w.\u2019'-]+)"
    r"[ \t]+(?:(?:also|then|later|quickly|again)[ \t]+)?[a-z]+(?:ed|ook|ent|ade|ave|ame|ew|ote|oke|ad|id)\b")
# ", looking for a way to …, seized" / ", in a far-reaching effort …, has said": a parenthesis, then the verb
_PARENTHESIS_THEN_VERB = re.compile(
    r",[ \t]+(?:[a-z]+ing|in|with|as|at|on|for|after|despite|under|amid)\b[^,;\u201c\u201d]{0,120},[ \t]+"
    r"(?:(?:has|have|had|also|then|later|quickly|again)[ \t]+)?[a-z]+(?:ed|ook|ent|ade|ave|ame|ew|ote|oke|ad|id)\b")
_DESCRIBED_NAME = re.compile(r"((?:[\w.\u2019'&/-]+[ \t]+){1,8}?)([A-Z][\w\u2019'-]+(?:[ \t]+[A-Z][\w\u2019'-]+){1,2})"
                             r"(?=[ \t]*(?:[,.;:!?]|$))")
_INVERTED_APPOSITIVE = re.compile(r"[ \t]*,[ \t]*(?:who|a|an|the)\b[^\u201c\u201d;.]{1,100}?,[ \t]*(?=\u201c)")
_OBJECT_BEFORE_COLON = re.compile(
    r"[ \t]+(?:[a-z]+ly|(?:a|an|the|this|that|his|her|their|its)[ \t]+(?:[\w-]+[ \t]+){0,3}?[\w-]+)[ \t]*:[ \t]*(?=\u201c)"
    r"|[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+)?(?:statement|tweet|message|letter|email|post|note|video)"
    r"[^,:;\u201c]{0,40}[,:][ \t]*(?=\u201c)")
# a name after these is an object, never the subject: "…, who served under Olof Berg, told"; before a participle
# "with" is not among them ("with Wong saying …" is Wong's report, "an email to supporters stating …" is not theirs)
_PREPOSITIONS = "to by from of for about on at in like than under over against into".split()
_OBJECT_BEFORE = re.compile(r"\b(?:" + "|".join(_PREPOSITIONS + "with and after before behind beside between among toward "
                                                               "towards without onto upon alongside besides near "
                                                               "including despite amid through across around "
                                                               "along within inside outside".split()) + r")[ \t]+$")
_PARTICIPLE_OBJECT_BEFORE = re.compile(r"\b(?:" + "|".join(_PREPOSITIONS) + r")[ \t]+$")
# the words between a preposition and the noun it governs: "to a super " before "PAC"
# ("with Russia backing the government": an absolute phrase, Russia the holder)
_OBJECT_NP_BEFORE = re.compile(r"\b(?:" + "|".join(_PREPOSITIONS) + r")[ \t]+(?:[\w.\u2019'-]+[ \t]+){0,3}$")
_POSSESSIVE_DETERMINERS = {"his", "her", "their", "its", "our"}
# a name's possessive and the lower-case subject it owns, up to the clause's end or a name: "Erdogan's spokesman,"
_POSSESSED_SUBJECT = re.compile(r"['\u2019]s[ \t]+(?:[a-z][\w-]*[ \t]+){0,3}[a-z][\w-]*(?=[ \t]*[,.;:!?]|[ \t]*$|(?P<name>[ \t]+[A-Z]))")
_INVERTED_MODIFIER = re.compile(r"([\w.'\u2019&/-]+)[ \t]+")
# plural nouns of states and their envoys, addressed before "that" ("warned Baltic states that", "told neighbouring
# countries that"; "urged other capitals to follow" keeps its object: _URGED_ADDRESSEE decides what "to" starts);
# before a modal, the capitalised states are the clause's subject ("warned Baltic states could face retaliation")
_ADDRESSED_STATES = (r"(?:states|capitals|governments|countries|nations|partners|neighbou?rs|counterparts|diplomats|"
                     r"ministers|envoys|ambassadors|allies|members|leaders|officials)")
# the addressee right after a verb of address: "told reporters", "told Lavrov", "told The Associated Press"
_ADDRESSEE_AFTER_VERB = re.compile(
    r"[ \t]+(?:(?:the|a|an|his|her|their|its|[A-Z][\w.\u2019'-]*['\u2019]s)[ \t]+)?"
    r"(?:[A-Z][\w.\u2019'&-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.\u2019'&-]*)*"
    # "warned Baltic states that", "told European capitals that": the states addressed
    r"(?:[ \t]+" + _ADDRESSED_STATES + r"(?=[ \t]+that\b|" + _MODAL_AFTER.pattern + "))?"
    r"|me|him|her|them|us|you|"
    r"(?:[a-z]+[ \t]+)?(?:reporters|journalists|supporters|voters|the[ \t]+crowd|crowd|audience|"
    r"listeners|viewers|members|lawmakers|students|residents|attendees|guests|colleagues|"
    r"people|officials|delegates|donors|workers|activists|leaders|aides|advisers|advisors|allies|"
    r"friends|staff|staffers|associates|confidants|lawmakers|senators|investors|"
    r"executives|employees|audiences|troops|soldiers|sailors|cadets|graduates|diplomats|ministers|counterparts?|"
    r"citizens|fans|followers|worshippers|mourners|protesters|demonstrators|parliamentarians|legislators|deputies|"
    r"ambassadors|envoys|partners|farmers|veterans|congregation|parishioners|pupils|"
    # "told the council the draft interferes", "told the nation that"
    r"council|assembly|parliament|committee|chamber|summit|conference|forum|gathering|nation|"
    r"media|jury|panel|cabinet|" + _ADDRESSED_STATES + r"(?=[ \t]+that\b)))(?![\w\u2019'-])"
)
# an addressee of up to 80 characters: "told a crowded hall in Baltimore that …", "warned Ghana's top diplomat against …"
_ADDRESSEE = r"[ \t]+(?:a|an|the|his|her|their|its|[A-Z][\w\u2019'.-]*)[ \t]+[^,;:.\u201c\u201d]{1,80}?[ \t]"
_LONG_ADDRESSEE = re.compile(_ADDRESSEE + r"that[ \t]+")
# "told conservative radio host Hugh Hewitt on Wednesday that …": after "told", any words up to "that"
_TOLD_ADDRESSEE = re.compile(r"[ \t]+[a-z][^,;:.\u201c\u201d]{1,80}?[ \t]that[ \t]+")
# (the addressee may be one word: "warned Russia against …", "urged Oslo to …")
_SHORT_ADDRESSEE = r"[ \t]+(?:(?:a|an|the|his|her|their|its)[ \t]+)?[\w\u2019'.-]+[ \t]+"
# ("against" first: "warned Russia against an invasion of Ukraine" is not a warning "of Ukraine")
_WARNED_ADDRESSEE = re.compile(f"(?:{_SHORT_ADDRESSEE}|{_ADDRESSEE})" + r"(?=against[ \t]+)|"
                               f"(?:{_SHORT_ADDRESSEE}|{_ADDRESSEE})" + r"(?=(?:of|about)[ \t]+)")
_URGED_ADDRESSEE = re.compile(f"(?:{_SHORT_ADDRESSEE}|{_ADDRESSEE})" + r"(?=(?:not[ \t]+)?to[ \t]+(?:\u201c_)?[a-z_])")  # "… not to", "to “…”" (masked)
_AFTER_COMMA_NOT_SUBJECT = re.compile(r"\u201d[ \t]*,[ \t]*$|\b(?:that|which|who|whom|when|if|as)\b[^,]*,[ \t]*$")
# "they" as the subject of a clause joined to its sentence: ", but they", "; and they"
_THEY_AFTER_CLAUSE = re.compile(r"[,;][ \t]*(?:and|but|yet|so|while)[ \t]+$|;[ \t]*$")
# a sentence opening with a plural subject before its verb: "Negotiators from Washington have rejected"
_PLURAL_OPENING_SUBJECT = re.compile(
    r"(?P<np>(?:(?:[Tt]he|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Tt]wo|[Tt]hree|[Mm]ost)[ \t]+)?(?:[\w.\u2019'-]+[ \t]+){0,3}?"
    r"(?P<head>[A-Za-z][\w-]*)(?:[ \t]+(?:from|of|for|in|at|with|on)[ \t]+[^,;\u201c]{1,60}?)?)"
    r"[ \t]+(?:(?:have|has|had|were|are|did|do|would|will|could|may|might|also|then|later|repeatedly)[ \t]+)*"
    r"(?:[a-z]+(?:ed|ook|ent|ade|ave|ame|ew|ote|oke|ad|id|ught)|met|held|won|lost|began|ran|stood|kept|put|set|cut|"
    r"saw|came|went|took|made|gave|told|say|agree|argue|warn|insist|want|believe|fear|hope|expect)\b")
_OPENING_CONJ = re.compile(r"(?:(?:But|And|Yet|So|Still|Meanwhile|However),?[ \t]+)")
_INVERTED_MORE = re.compile(r"[ \t]*,[ \t]+(?:a|an|the)\b[^,;\u201c]*,[ \t]+(?!(?:who|which|whose|where|and|but)\b)([^;\u201c]*)$")
_APPOSITIVE_STOP = re.compile(r"[\u201c\u201d;]|\b(?:said|says|told|tells)\b")
_NAME_RUN = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?[ \t]+)?[A-Z][a-z][\w\u2019'-]*(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z][\w\u2019'-]*){1,2}")
_NOT_NAME_WORDS = _SENT_STARTERS | {
    "last", "next", "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "earlier", "later", "today", "yesterday", "speaking", "asked", "like", "unlike", "despite", "under", "from"}
_PAREN_BEFORE = re.compile(r"[ \t]*\([^()\n]{1,25}\)$")
# an opening phrase alone before a subject is no clause reported after it: "In court documents, the counsel asked"
_LEAD_PREPOSITIONS = "In|On|At|During|From|Under|With|Without|Despite|Amid|Following|Through|Via|Across|Inside|Outside"
_PHRASE_ONLY_LEAD = re.compile(rf"[ \t]*(?:{_LEAD_PREPOSITIONS}|After|Before|For|Since)\b[^,;\u201c\u201d]{{0,60}},[ \t]*")
# a prepositional phrase, then a main clause before the comma: "On Monday the talks failed, Lavrov said." (no phrase
# alone: the clause is the report)
_LEAD_MAIN_CLAUSE = re.compile(
    rf"[ \t]*(?:{_LEAD_PREPOSITIONS})\b"  # (not the subordinators, "After", "Since": "After the talks ended,")
    r"[^,;\u201c\u201d]*?(?<![\w'\u2019-])(?:the|a|an|his|her|their|its|[A-Z][\w.\u2019'-]*)[ \t]+(?:[\w\u2019'-]+[ \t]+){0,2}?"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|did|does|[a-z]{2,}ed)\b")
_POSTPOSED_NOT_MORE = re.compile(
    r"[ \t]*,[ \t]+(?:adding|saying|noting|explaining|according|arguing|insisting|stressing|warning|claiming|recalling|"
    r"pointing|referring|citing|a|an|who|whose|which|whom|as|while|after|before|when|because|since|although|though|"
    # "…, the White House said, in what officials described as …", "…, the ministry said, amid protests"
    r"amid|following|despite|calling|describing|urging|in[ \t]+what|in[ \t]+a[ \t]+move|"
    r"in[ \t]+an?[ \t]+(?:apparent|effort|attempt|bid|sign|rare))\b"
)
_DASH_SOURCE = re.compile(r"[ \t]*[\u2015\u2014\u2013-]{1,2}[ \t]*([A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*){0,3})[ \t]*[.,]?[ \t]*$", re.MULTILINE)
_LABEL_LINE = re.compile(r"[ \t-]*((?:[A-Z][\w.\u2019'&-]*)(?:[ \t]+[A-Z][\w.\u2019'&-]*){0,3}):[ \t]+(?=\S)")
# a described speaker labelling a quotation: "Rep. Trey Gowdy (R-S.C.):“…”", "Former secretary of state Ann Lee: “…”"
_LABEL_BEFORE_QUOTE = re.compile(
    r"[ \t-]*([A-Z][\w.\u2019'&-]*(?:[ \t]+[a-z][\w-]*){0,5}(?:[ \t]+[A-Z][\w.\u2019'&-]*){1,4})"
    r"(?:[ \t]*\([^()\n]{1,20}\))?:[ \t]*(?=\u201c)")
_LABEL_STOP = {"note", "editor", "editors", "update", "updated", "photo", "photos", "video", "watch", "read", "related",
               "source", "sources", "advertisement", "correction", "question", "answer", "q", "a", "follow", "click",
               "share", "tags", "topics", "image", "images", "credit", "caption", "listen", "see", "more", "also",
               "warning", "breaking", "exclusive", "analysis", "opinion", "disclosure", "clarification", "ps", "p.s",
               "bottom", "background", "context", "why", "what", "how", "when", "where", "who", "the", "this", "here",
               "subscribe", "sign", "email", "contact", "editor's", "featured", "top", "latest", "live", "now",
               "day", "part", "chapter", "step", "tip", "fact", "facts", "example", "for", "in", "on", "at", "by",
               "ukraine", "russia", "moscow", "london", "washington"}
_LEADING_PP = re.compile(r"[ \t]*(?:on|in|at|during|after|before|while|from|via|through|over|earlier|later|"
                         r"(?:last|this)(?=[ \t]+(?:week|month|year|weekend|morning|afternoon|evening|night|spring|"
                         r"summer|fall|autumn|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))\b")
_NP_MODIFIER_GAP = re.compile(r"\u201d[ \t]*((?:[\w.'\u2019&-]+[ \t]+){1,5})$")
# an all-caps speaker label opening a quotation: "PENCE: …", "MR. TRUMP: …"
_QUOTED_LABEL = re.compile(r"[ \t]*((?:(?:MR|MS|MRS|DR|SEN|GOV|REP)\.?[ \t]+)?[A-Z][A-Z'\u2019-]+(?:[ \t]+[A-Z][A-Z'\u2019-]+){0,2}):[ \t]+(?=\S)")
_NP_APPOSITION_GAP = re.compile(r"\u201d[ \t]*((?:the|a|an|another|one|his|her|their|its|(?:[A-Z][\w.]*[ \t]+){0,2}[A-Z][\w.-]*['\u2019]s)[ \t]+(?:[\w.'\u2019&-]+[ \t]+){0,5}[\w.'\u2019&-]+,[ \t]*)$")
_GERUND_LEFT = re.compile(r"(?:,|\u201d|\b(?:by|while|when|after|before|without|in))[ \t]*"
                          r"(?:(?:even|also|then|further|again|repeatedly|often|later|at[ \t]+one[ \t]+point)[ \t]+)?$")
# ", and Lavrov insisting …", " while Truss said …": another speaker's coordinated report starts here
_COORD_SPEAKER = re.compile(r"(?:,[ \t]*(?:and|but|while|whereas|with)|[ \t]+(?:while|whereas))[ \t]+(?=[A-Z]|(?:he|she|the)\b)"
                            # "Ryan saying he was “very encouraged” and Trump calling it …": a second absolute
                            r"|[ \t]+and[ \t]+(?=[A-Z])")
# a time or date opening the sentence before ", according to": "About 10:03 p.m.,", "On Tuesday," "In 2012,"
_TIME_OPENER = re.compile(
    r"[ \t]*(?:(?:[Aa]bout|[Aa]round|[Aa]t|[Bb]y|[Ii]n|[Oo]n|[Ss]ince|[Aa]fter|[Bb]efore|[Ee]arly|[Ll]ate|[Ll]ater|"
    r"[Ll]ast|[Ee]arlier|[Uu]ntil|[Ss]hortly[ \t]+(?:after|before))[ \t]+)?"
    r"(?:\d{1,2}(?::\d\d)?[ \t]*(?:[ap]\.m\.|[ap]m)?|\d{4}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|midnight|noon|dawn)"
    r"(?:[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?|(?:that|this|the[ \t]+next|the[ \t]+same)[ \t]+(?:day|night|morning|evening|week|month|year))"
    r"[ \t]*,[ \t]*")
# "in what Lee, the party's treasurer, called “…”" (the quotation follows)
_WHAT_CALLED = re.compile(r"\bwhat[ \t]+(?P<np>[A-Z][^\u201c\u201d.;:]{0,120}?)[ \t]+(?:(?:has|have|had|once|later|then)[ \t]+)?"
                          r"(?P<v>called|calls|described[ \t]+as|describes[ \t]+as|termed|terms|dubbed|labeled|labelled|"
                          r"characterized[ \t]+as|characterised[ \t]+as)[ \t]*,?[ \t]*$")
_WITH_LEAD = re.compile(r"[ \t]*(?:with|as)[ \t]+")
# (the start of a clause: after a comma that is not a number's)
_CLAUSE_COMMA = re.compile(r",[ \t]+(?!\d)")
# a predicate after a subject: a lower-case word, maybe after an adverb ("fired back forcefully:")
_PRESENTATIONAL = re.compile(r"(?:Here|There)(?:['\u2019]s|[ \t]+(?:is|was|are|were))[ \t]+")
_PREDICATE_AFTER = re.compile(r"[ \t]+(?:[a-z]+ly[ \t]+)?(?!of\b|and\b|or\b|who\b|which\b)[a-z]{2,}\b")
# an appositive noun phrase closing the content at the sentence's end: "…, a red line for many Republicans"
_AUXILIARY_WORD = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do)\b")
_TRAILING_APPOSITIVE = re.compile(r",[ \t]+(?:a|an)[ \t]+[^,;\u201c\u201d]+$")
_COORD_CLAUSE = re.compile(r",[ \t]+(?:and|but)[ \t]+(?=[A-Z]|(?:the|his|her|their|its)[ \t])")
_CLAUSE_SUBJECT = re.compile(r"(?:[A-Z][\w.\u2019'&-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.\u2019'&-]*){0,4}"
                             r"|(?:the|his|her|their|its)(?:[ \t]+[\w\u2019'-]+){1,3}?)(?=[ \t])")
_FINITE_AFTER = re.compile(r"(?:['\u2019]s[ \t]+[\w-]+)?[ \t]+(?:(?:also|then|later|still|now|already|has|have|had|is|was)[ \t]+)?"
                           r"(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|should|must|"
                           r"[a-z]{2,}ed|[a-z]{2,}[^s\W]s)\b")
# a clause of two words: "conceded that gaps remained." (after the complementiser, and ending its sentence: not
# "said that was wrong", where "that" is the subject, nor "suggested that Mr. Jäger, under fire …, would")
_THAT_BEFORE = re.compile(r"(?<![\w'\u2019-])that[ \t]*$")
_SENTENCE_END_NEXT = re.compile(r"[ \t]*(?:[.!?]|$)")  # a postposed source that ends its sentence
_ENDS_SENTENCE = re.compile(r"[ \t]*(?:[.!?;]|$)")
_COORD_CUE = re.compile(
    r",?\s+(?:and|but)\s+(?:(?:also|then|later|repeatedly)\s+)?(?:said|says|say|added|adds|suggested|argued|argue|"
    r"argues|insists|warns|notes|claims|contends|proposed|proposes|demanded|demands|pledged|pledges|questioned|"
    r"blamed|defended|touted|calls|"
    # a readout's next act: "thanked the Prime Minister … and highlighted the progress …"
    r"highlighted|underlined|underscored|emphasized|emphasised|reaffirmed|expressed|welcomed|thanked|"
    r"congratulated|conveyed|discussed|affirmed|committed|agreed|"
    r"insisted|warned|cautioned|conceded|countered|threatened|noted|told|urged|called|asked|stressed|claimed|vowed|"
    r"promised|denied|acknowledged|admitted|explained|declared|announced|criticized|criticised|accused|praised|"
    r"rejected|dismissed|predicted|tweeted|"
    r"reiterated|repeated|characterized|characterised|described|implied|calling|telling|implying|accusing|urging|"
    r"tried[ \t]+to[ \t]+(?:make|argue|explain|convince))\b"
    # "decried the issue of “systemic racism” and highlighted her plans": the subject's next act on its own
    r"|\s+and\s+(?:(?:also|then|later)\s+)?[a-z]{3,}ed\s+(?:her|his|their|its)\s+(?:own\s+)?[a-z]"
    # "said the GOP must be a party of ideas, and pushed to …": after a comma, a past verb with no subject of
    # its own is the subject's next act (not "…, and armed groups": an -ed word before a noun)
    r"|,[ \t]+and[ \t]+(?:(?:also|then|later|even|again|most[ \t]+recently|has|have|had)[ \t]+)?[a-z]{3,}ed"
    r"(?=[ \t]+(?:the|a|an|his|her|their|its|to|that|about|into|on|for|with|him|them|it|more|[A-Z]))(?![ \t]+by\b)"
    # "… and has repeatedly characterized him as …": another predicate of the same subject
    r"|,?[ \t]+and[ \t]+(?:has|have|had)[ \t]+(?:(?:also|repeatedly|since|long|often)[ \t]+)?(?:said|called|characterized|"
    r"characterised|described|accused|argued|insisted|warned|claimed|suggested|praised|criticized|criticised)\b"
)


_ASIDE_BEFORE = re.compile(r",[ \t]*(?:however|though|meanwhile|in turn|too|also|for (?:his|her|their|its) part|"
                           r"in (?:a|an) [\w-]+ (?:statement|interview)|on [A-Z]\w+|"
                           # ", speaking on condition of anonymity,", ", briefing reporters in Geneva,", ", asked about it,"
                           r"(?:speaking|briefing|talking|writing|responding|asked)\b[^,\u201c\u201d]{0,70}|"
                           # ", as he has in the past,", ", as she did in 2019,": a comparison set off by commas
                           r"as (?:he|she|they|it|we|I) (?:has|have|had|did|does|do|was|is)\b[^,]{0,30})[ \t]*,$")
# what follows an "asked" set off by commas after its subject: the question put to it
_ASKED_ASIDE = re.compile(r"[ \t]+(?:about|whether|if|how|why|what|when|to|for|on|at|during|in)\b[^,;\u201c\u201d]{0,90},")
_PARENTHESIS_BEFORE = re.compile(r"[ \t]*\([^()\n]{1,40}\)$")
# the opening of an aside set off by commas, up to a name inside it: ", who endorsed ", ", contradicting "
_ASIDE_OPENING = re.compile(r"(?:^|,)[ \t]*(?:who|which|whose|whom|[a-z]{3,}ing)\b[^,\u201c\u201d]*$")


def _last_before_end(text: str, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` that a pattern ending with ``$`` can match there: the
    last one, or the one before it when the last is a newline ($ matches before a final newline too);
    "" when there is none."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    return text[end - 1] if end > start else ""


def _last_word(text: str, start: int, end: int) -> tuple[int, int]:
    r"""Bounds of the run of word characters and apostrophes that ends ``text[start:end]``
    (empty when there is none): what ``re.search(r"[\w']+$", text[start:end])`` finds, without
    trying the pattern at every position of the slice (a newline at the very end is skipped, as
    ``$`` does)."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "_'"):
        i -= 1
    return i, end


@dataclass
class _Item:
    start: int
    end: int
    kind: str
    speaker: str | None
    cue: str | None
    sentence: int
    paragraph: int
    qspans: list = field(default_factory=list)
    strength: int = 1  # 2: explicit attribution, 1: inherited


def _cut_end(cut, e: int) -> int:
    """Where a clause cut by ``_CLAUSE_CUT`` ends: before the cut, after a closing quotation mark it starts with."""
    if cut is None:
        return e
    return cut.start() + 1 if cut.group().startswith("\u201d") else cut.start()


class _Finder:
    def __init__(self, body: str, paragraphs, resolver):
        self.body = body
        self.paragraphs = paragraphs
        self.resolver = resolver
        layout = getattr(resolver, "layout", None)
        if layout is None or layout.body is not body and layout.body != body:
            layout = Layout(body, paragraphs)
        self.layout = layout
        self.masked = layout.masked
        self.items: list[_Item] = []
        self.q_item: dict[int, _Item] = {}  # qspan index -> item
        self._reports: dict[tuple[int, int], bool] = {}  # (start, end) -> has a reporting verb (see _has_report)
        self.q_index = {id(q): i for i, q in enumerate(layout.qspans)}
        self._cue_at: list[int] | bool | None = None  # where _CUE may match in masked (see _cues), found on first use
        import bisect as _b

        self._bisect = _b
        self._q_opens = [q.open for q in layout.qspans]

    # ---------------------------------------------------------------- helpers

    def add_quote_run(self, p: int, qis: list[int], joins: re.Pattern, sid, verb, si) -> int:
        """Add the quotes ``qis`` that follow ``p`` joined only by ``joins`` as direct quotes of
        ``sid``; return where the run ends ("“A,” he said, “B.” and “C.”")."""
        qspans = self.layout.qspans
        for qi in qis:
            if not joins.fullmatch(self.masked, p, qspans[qi].open):
                break
            self.add_direct(qi, sid, verb, si)
            p = max(qspans[qi].close_end, qspans[qi].end)
        return p

    def quote_opening_paragraph(self, pi: int) -> int | None:
        """The quotation that opens paragraph ``pi`` and is not taken yet, if any."""
        if pi >= len(self.layout.paragraphs):
            return None
        ps, pe = self.layout.paragraphs[pi]
        qis = self.quotes_between(ps, pe)
        if qis and qis[0] not in self.q_item and not self.masked[ps:self.layout.qspans[qis[0]].open].strip():
            return qis[0]
        return None

    def quotes_between(self, start: int, end: int) -> list[int]:
        i = self._bisect.bisect_left(self._q_opens, start)
        out = []
        while i < len(self.layout.qspans) and self.layout.qspans[i].open < end:
            out.append(i)
            i += 1
        return out

    def speaker_np_before(self, s: int, pos: int, sent_index: int):
        """(speaker_id, np_start, surface) of the subject ending right before ``pos``; None if none."""
        masked = self.masked
        p = pos
        stripped = ""  # the word stripped last
        # strip adverbs / auxiliaries / ", however," between subject and verb
        while True:
            q = p
            while q > s and masked[q - 1] in " \t":
                q -= 1
            # the three patterns below end with $ after a comma, ")" or a dash: what masked[s:q] ends with
            # (or holds right before a final newline) tells first whether one may match
            last = _last_before_end(masked, s, q)
            m = _ASIDE_BEFORE.search(masked[max(s, q - 90):q]) if last == "," else None
            if m:
                p = max(s, q - 90) + m.start()
                continue
            pm = (_PARENTHESIS_BEFORE.search(masked[max(s, q - 45):q]) if last == ")" else None) \
                or (_DASH_PARENTHETICAL.search(masked[max(s, q - 170):q])  # "Many speakers — including X — said"
                    if last in ("\u2014", "\u2013", "-") else None)
            if pm:
                p = max(s, q - (45 if pm.re is not _DASH_PARENTHETICAL else 170)) + pm.start()
                continue
            tm = _TIME_GAP_END.search(masked, max(s, q - 40), q)
            if tm is not None and tm.start() > s and _NAME_END.search(masked, s, tm.start()) \
                    and not _OBJECT_NAME_END.search(masked, s, tm.start()):
                # "China on Monday accused …", "Sanders (I-Vt.) on Saturday criticized …": when, between a
                # named subject and its verb (not "emails released this week showed", "tweets early Friday")
                p = tm.start()
                continue
            ws, we = _last_word(masked, s, q)
            w = masked[ws:we]
            if w and (w.lower() in _ADVERBS or w in _AUXILIARIES or w in _FLOATING_QUANTIFIERS
                      or (w.endswith("ly") and w.islower() and w not in _NOT_ADVERBS)
                      or w == "most" and stripped.endswith("ly")):  # "and most recently said"
                p = ws
                stripped = w
                continue
            cm = _PRONOUN_CONTRACTION.search(masked, max(s, ws - 4), we) if w in ("s", "d", "ll") else None
            if cm and cm.end() == we:
                p = cm.end(1)  # "He’s said", "she’d argued": the pronoun before the auxiliary
                break
            p = q
            break
        if p <= s:
            return None
        restrictive = self._restrictive_relative_subject(s, p)
        if restrictive is not False:
            return restrictive
        organisation = self._joined_organisation_before(s, p)
        if organisation is not None:
            return organisation
        # a mention from the resolver's table, maybe followed by an adverbial ("Lavrov in a statement on Thursday said")
        mention = self.resolver.mention_ending_at(p)
        if mention is None:
            gm = _ADVERBIAL_GAP.search(masked, max(s, p - 90), p)
            if gm and gm.end() == p and not masked.startswith(",", gm.start()) and "," in masked[gm.start():p] \
                    and self.resolver.mention_ending_at(gm.start()) is None:
                # "…, who has thrown restraint to the winds in denouncing him, on Friday declared": the gap is the
                # last adverbial after its comma, the words before it end the relative clause
                gm = _ADVERBIAL_GAP.match(masked, masked.rfind(",", gm.start(), p), p) or gm
            if gm and gm.end() == p:
                cand = self.resolver.mention_ending_at(gm.start())
                # not the object inside a relative clause: "Ann Lee, who backed Mr. Romney in 2012, said"
                if cand is not None and cand.start >= s and not _OBJECT_BEFORE.search(masked, s, cand.start) \
                        and not re.search(r"(?:^|,)[ \t]*(?:who|which|whose)\b[^,]*$", masked[s:cand.start]):
                    mention = cand
                elif (cand is None or cand.kind != "name") and masked.startswith(",", gm.start()) and _APPOSITIVE_GAP.search(
                        masked, max(s, gm.start() - 160), gm.start() + 1):
                    # "Chris Christie, who's chairing the team, on Sunday defended": the appositive before the
                    # adverbial is read as if the verb followed its comma
                    p = gm.start() + 1

        if mention is not None and mention.start >= s and not mention.in_quote:
            if mention.kind == "pronoun" and mention.text.lower() not in ("he", "she"):
                return None
            if mention.kind == "pronoun":
                described = self._described_person_before(sent_index, mention)
                if described is not None:
                    return described
            joint = self._joint_subject(s, mention.start, mention.end)
            if joint is not None:
                return joint
            return self._subject_ending_in(s, mention, p)
        # an appositive: "Name, Russia's foreign minister, said"
        if masked[p - 1] == ",":
            # "Ramil Carr, 31, a Philadelphia photographer, said" / "John Cornyn of Texas, the No. 2 Republican, said"
            # / "Zelenskyy, who has been cautious, said": the nearest mention before a run of appositives
            stray = self.resolver.mention_ending_at(p - 1)
            aside = _ASIDE_OPENING.search(masked, s, stray.start) if stray is not None else None
            if aside is not None:
                # "Ann Lee, who endorsed Clinton, said", "Nieto, contradicting Trump, said": the name is the
                # aside's object; the subject ends where the aside opens
                stray = None
                cand = self.resolver.mention_ending_at(aside.start())
                if cand is not None and cand.start >= s and not cand.in_quote and cand.kind != "pronoun":
                    return (self._sid(cand), cand.start, cand.text)
            gm = None if stray is not None and stray.kind == "name" else _APPOSITIVE_GAP.search(masked, max(s, p - 160), p)
            if gm and _FINITE_CLAUSE.search(masked, gm.start(), p) and not _RELATIVE_WORD.search(masked, gm.start(), p):
                gm = None  # "In Decatur, the plant is hanging on, but …, said X": clauses, no appositives
            if gm:
                cand = self.resolver.mention_ending_at(gm.start())
                if cand is not None and cand.start >= s and not cand.in_quote and cand.kind != "pronoun":
                    return self._subject_ending_in(s, cand, cand.end)
                # "Playing Field Promotions, a talent agency, says": an organisation's name before the appositive
                nm = re.search(r"(?:^|(?<=[\s(]))((?:the[ \t]+)?[A-Z][\w.\u2019'&-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.\u2019'&-]*){0,4})$",
                               masked[s:gm.start()])
                from .speakers import _FUNCTION

                if nm and nm.group(1).split()[0].lower() not in _FUNCTION \
                        and not _OBJECT_BEFORE.search(masked, s, s + nm.start(1)):  # not "Speaking in Harlem, …"
                    ns = s + nm.start(1)
                    surface = self.body[ns:gm.start()]
                    return (self.resolver.resolve(surface, ns, gm.start()), ns, surface)
            # "While addressing the media, Sergey Lavrov, noted": a stray comma after the name
            # ("Gregory Angelo, president of the Log Cabin Republicans, said": not the object of an appositive's head)
            if stray is not None and stray.start >= s and not stray.in_quote and stray.kind == "name" \
                    and not _OBJECT_BEFORE.search(masked, s, stray.start) \
                    and not _POST_MODIFIER.search(masked, max(s, stray.start - 40), stray.start):
                return (self._sid(stray), stray.start, stray.text)
            am = re.search(r",[ \t]*([^,\u201c\u201d;]{2,90}),$", masked[max(s, p - 100):p])
            if am:
                apos_start = max(s, p - 100) + am.start()
                mention = self.resolver.mention_ending_at(apos_start)
                if mention is not None and mention.start >= s and not mention.in_quote and mention.kind != "pronoun":
                    return (self._sid(mention), mention.start, mention.text)
                # "a spokesman, Name, said" is rare; "who" relative
            # "Ann Lee, 21, a student from Las Vegas, said" / "Rep. Ann Lee (D-Md.), chair of the panel, said":
            # the nearest name before one of the last three commas (a parenthetical after it skipped)
            win_start = max(s, p - 200, masked.rfind("\u201d", s, p) + 1)  # not back into a quotation before it
            win = masked[win_start:p - 1]
            pm = _PAREN_BEFORE.search(masked, max(s, p - 31), p - 1)
            if pm:
                # "Sen. Jack Reed (D-R.I.), said": a stray comma after a party label
                cand = self.resolver.mention_ending_at(pm.start())
                if cand is not None and cand.start >= s and not cand.in_quote and cand.kind == "name":
                    return (self._sid(cand), cand.start, cand.text)
            if not _APPOSITIVE_STOP.search(win):
                base = win_start
                for k, cm in enumerate(reversed(list(re.finditer(r",", win)))):
                    if k >= 3:
                        break
                    q = base + cm.start()
                    pm = _PAREN_BEFORE.search(masked, max(s, q - 30), q)
                    cand = self.resolver.mention_ending_at(pm.start() if pm else q)
                    if cand is not None and cand.start >= s and not cand.in_quote and cand.kind == "name" \
                            and not _OBJECT_BEFORE.search(masked, s, cand.start):
                        if _FINITE_CLAUSE.search(masked, cand.end, p) and not _RELATIVE_WORD.search(masked, cand.end, p):
                            break  # "In Decatur, the plant is hanging on, …, said X": a clause, no appositive
                        return (self._sid(cand), cand.start, cand.text)
                    if cand is None:
                        # a name the resolver did not take, opening the sentence ("Marley Anderson, 21, …") or set
                        # off after its description ("Her campaign manager, Robby Mook, suggested")
                        ne = pm.start() if pm else q
                        spans = [(s, ne)] + ([(q + 1, p - 1)] if k == 0 else [])
                        for ns, ne in spans:
                            while ns < ne and masked[ns] in " \t":
                                ns += 1
                            nm = _NAME_RUN.fullmatch(masked, ns, ne)
                            if nm and not any(w.lower() in _NOT_NAME_WORDS for w in nm.group().split()):
                                sid = self.resolver.resolve(self.body[ns:ne], ns, ne)
                                if sid is not None:
                                    return (sid, ns, self.body[ns:ne])
            # "The official, who spoke on condition of anonymity to discuss …, said": a described subject opening
            # the sentence, then a relative clause about it
            ns = self._after_opening_conj(s, p)
            qm = _QUOTE_THEN_SUBJECT.match(masked, ns, p)
            if qm:
                ns = qm.end()  # "“…,” an intelligence source, who was not authorized to speak, told Fox News"
            if _RELATIVE_TO_VERB.match(masked, ns, p):
                sid = self._opening_np(ns, p)
                if sid is not None:
                    comma = masked.find(",", ns, p)
                    return (sid, ns, self.body[ns:comma])
            return None
        # generic noun phrase: walk back over words; "A senior diplomat familiar with the talks said": past the
        # head's post-modifier to the head
        np_start = self._np_start_before(s, p)
        if np_start is None or re.fullmatch(r"[A-Z][a-z]+ing", masked[np_start:p]) and not _is_place(masked[np_start:p]):
            return None  # "Having announced that …": a participle opening the sentence, no name (but "Beijing said")
        rm = _RATIO_BEFORE.search(masked, max(s, np_start - 30), np_start)
        if rm is not None and masked[np_start:np_start + 1].isdigit():
            np_start = rm.start()  # "More than 6 in 10 Democratic voters said": the share, not "10 … voters"
        day = _DAY.fullmatch(masked, np_start, p)
        pm = (_DATED_PARTICIPLE.search(masked, max(s, np_start - 30), np_start) if day else None) \
            or _POST_MODIFIER.search(masked, max(s, np_start - 40), np_start) \
            or self._document_by(max(s, np_start - 40), np_start) \
            or _ON_MODIFIER.search(masked, max(s, np_start - 40), np_start) \
            or _BY_AGENT_BEFORE.search(masked, max(s, np_start - 30), np_start)
        if pm is not None and pm.re is _DATED_PARTICIPLE and pm.start() == pm.end() and not day.group("rel"):
            pm = None  # a bare day after a noun: "the official Tuesday" is only dated with "last" / "this"
        if pm is not None and masked[np_start:p].split()[0].lower() not in _NP_PRONOUNS:
            head_end = s + len(masked[s:pm.start()].rstrip())
            named = self._person_before_pp(s, np_start)
            if named is not None:
                return named
            head_start = self._np_start_before(s, head_end)
            named = self._person_before_pp(s, head_start) if head_start is not None else None
            if named is not None:
                return named
            # ("someone in the audience" is someone described)
            if head_start is not None and masked[head_start:head_end].split()[0].lower() not in _PERSONAL_PRONOUNS:
                head = masked[head_start:head_end].split()[-1]
                if _records_speaking(masked, head, pm, p) and masked[np_start].isupper():
                    # "footage of Trump saying …", "a clip of Lavrov telling …": the one recorded speaks
                    surface = self.body[np_start:p]
                    return (self.resolver.resolve(surface, np_start, p), head_start, surface)
                if (self._document_head(head) if pm.re is _ON_MODIFIER
                        else self._agentive(masked[head_start:head_end], head)
                        or pm.re is _DATED_PARTICIPLE and self._document_head(head)):  # "a poll last month showed"
                    head_start = self._spokesperson_for(s, head_start)
                    surface = self.body[head_start:p]
                    return (self.resolver.resolve(surface, head_start, p), head_start, surface)
        joint = self._joint_subject(s, np_start, p)
        if joint is not None:
            return joint
        surface = self.body[np_start:p]
        taken = surface.split()
        first = taken[0].lower()
        if first in _NP_PRONOUNS:
            own = self._they_of_own_sentence(s, np_start) if first == "they" else False
            sid = self.resolver.resolve(surface, np_start, p) if own is False else own
            if sid is None and first in ("it", "they") and self._after_opening_conj(s, np_start) == np_start:
                sid = self._opening_antecedent(sent_index, first)
            # "make anyone think …": a report nobody in particular makes
            return (sid, np_start, surface) if first in ("who", "which", "they", "it", "we", "i", "you") or (
                first in _INDEFINITE_PRONOUNS) else None
        head = taken[-1]
        after_quote = re.search(r"\u201d[ \t]*,?[ \t]*$", masked[max(s, np_start - 4):np_start]) is not None
        if not self._agentive(surface, head) and not (after_quote and first in _DETERMINERS):
            return self._long_subject(s, p)
        sid = self.resolver.resolve(surface, np_start, p)
        if sid is None and np_start > s:
            # "Majorities of Democrats in five states going to the polls Tuesday say": not "Tuesday"
            longer = self._long_subject(s, p)
            if longer is not None and longer[0] is not None:
                return longer
        return (sid, np_start, surface)

    def _long_subject(self, s: int, p: int):
        """(speaker_id, start, surface) of a described subject opening the sentence whose modifiers run up to the
        verb at ``p``: "Organizers of the push to boycott the speech said", "One in four voters in a Times poll
        said"; None when the sentence does not open so (a clause, a comma or a finite verb on the way)."""
        masked = self.masked
        st = self._after_opening_conj(s, p)
        lead = _LEADING_ADVERBIAL.match(masked, st, p)
        if lead:
            st = lead.end()
        if _LONG_SUBJECT_STOP.search(masked, st, p):
            return None
        words = list(_WORD_RUN.finditer(masked, st, p))
        if len(words) > _LONG_SUBJECT_MAX_WORDS:
            return None
        from .speakers import lexicon

        documents = lexicon().documents
        for k, wm in enumerate(words[:7]):
            w = wm.group()
            if k == 0 and w.lower() in _NP_PRONOUNS:
                return None
            nxt = words[k + 1].group() if k + 1 < len(words) else ""
            if k > 0 and w.islower() and w.endswith("ed") and words[k - 1].group().lower() not in _DETERMINERS \
                    and not (words[k - 1].group().lower() in documents and nxt in _PARTICIPLE_PREPOSITIONS):
                return None  # "Education Department issued guidance that …": a verb, a clause of its own
            common = w.islower() or k == 0 and w[1:].islower()  # "Organizers of …" opens the sentence
            # (and "A joint communique issued after the talks said": a document, then a participle dating it)
            dated = w.lower() in documents and nxt.endswith("ed") and nxt.islower() and k + 2 < len(words) \
                and words[k + 2].group() in _PARTICIPLE_PREPOSITIONS
            if common and (nxt in _LONG_SUBJECT_MODIFIERS or dated) and (
                    self._agentive(masked[st:wm.end()], w.lower()) or nxt == "of" and w.lower() in _SHARE_HEADS):
                surface = self.body[st:p].rstrip()
                tm = _TRAILING_TIME.search(surface)
                if tm:
                    surface = surface[:tm.start()]  # "… going to the polls Tuesday": the time is the narrator's
                return (self.resolver.resolve(surface, st, st + len(surface)), st, surface)
            if w.lower() in _STOP_NP and k > 0 and w.lower() not in ("in", "of"):
                return None
        return None

    def _person_before_pp(self, s: int, start: int):
        """(speaker_id, start, surface) of a person named right before "of" / "from" / "at" and the noun phrase
        at ``start``: "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote" is Lewis's."""
        pm = _POST_MODIFIER.search(self.masked, max(s, start - 40), start)
        if pm is None or not _OF_PLACE.match(pm.group()):
            return None
        named = self.resolver.mention_ending_at(s + len(self.masked[s:pm.start()].rstrip()))
        if named is None or named.start < s or named.kind != "name" or named.in_quote:
            return None
        sid = self._sid(named)
        return (sid, named.start, named.text) if self.resolver.speaker_type(sid) == "person" else None

    def _after_opening_conj(self, s: int, end: int) -> int:
        """Where the clause opening at ``s`` starts after a conjunction ("But", "And yet", "Meanwhile,")."""
        om = _OPENING_CONJ.match(self.masked, s, end)
        return om.end() if om else s

    def _described_person_before(self, si: int, mention):
        """"A 29-year-old Berlin woman … “Filth out!” she wrote": a person described by a gendered noun,
        opening this sentence or the one before, is "she"/"he" when nobody is named between them. The
        resolver only knows named people, so it would reach back to one (a woman named paragraphs ago)."""
        gender = "f" if mention.text.lower() == "she" else "m"
        paragraph = self.layout.sentences[si][2]
        for k in (si, si - 1):
            if k < 0 or self.layout.sentences[k][2] != paragraph:
                continue
            st = self._after_opening_conj(self.layout.sentences[k][0], mention.start)
            dm = _GENDERED_PERSON.match(self.masked, st, mention.start)
            if dm is None or _GENDERED_NOUNS[dm.group("noun").lower()] != gender:
                continue
            if self.resolver.names_between(dm.start(), mention.start):
                return None
            surface = self.body[dm.start():dm.end()]
            return (self.resolver.resolve(surface, dm.start(), dm.end()), mention.start, mention.text)
        return None

    def _inline_label(self, lm: re.Match, e: int) -> bool:
        """A label inside a paragraph, as in "Clinton: “…” Bush: “…”": a known person's name, then a quotation."""
        mention = self.resolver.mention_starting_at(lm.start(1))
        return mention is not None and mention.kind == "name" and mention.end == lm.end(1) \
            and re.match(r"[ \t]*\u201c", self.masked[lm.end():e]) is not None

    def _joined_organisation_before(self, s: int, p: int):
        """(speaker id, start, surface) of an organisation whose name has "and" or a comma inside ending at ``p``:
        "The Organization for Security and Co-operation in Europe said", "The Foreign and Commonwealth Office
        said" (data/entities.yml's names; the name scan ends a name at "and"); None if none ends there."""
        window = max(s, p - _JOINED_ORGANISATION_WIDTH)
        if self.masked.find(" and ", window, p) < 0 and self.masked.find(", ", window, p) < 0:
            return None
        om = _joined_organisations().search(self.masked, window, p)
        if om is None or om.end() != p:
            return None
        surface = self.body[om.start():p]
        # (not resolve(): the resolver's own mention ends the name at its last part, "Development")
        name = "t" + surface[1:] if surface.startswith("The") else surface
        return (self.resolver.institution(name), om.start(), surface)

    def _subject_ending_in(self, s: int, mention, end: int):
        """(speaker id, start, surface) of a subject whose last mention is ``mention``: the mention itself, or
        the whole phrase up to ``end`` when the mention is the object of a phrase modifying a head before it
        ("Another source speaking to Radio Free Europe", "a spokesman for Ann Lee", "Supporters of the senator",
        "Authorities in North-Rhine Westphalia")."""
        masked = self.masked
        om = _POST_MODIFIER.search(masked, max(s, mention.start - 40), mention.start) \
            or self._document_by(max(s, mention.start - 40), mention.start)
        if om is not None and mention.kind in ("name", "role"):
            head_end = s + len(masked[s:om.start()].rstrip())
            head_start = self._np_start_before(s, head_end)
            if head_start is not None:
                words = masked[head_start:head_end].split()
                if words and _records_speaking(masked, words[-1], om, end):
                    return (self._sid(mention), head_start, mention.text)  # "footage of Trump saying": Trump's
                if words and words[0].lower() not in _NP_PRONOUNS and self._agentive(masked[head_start:head_end], words[-1]) \
                        and self.resolver.mention_ending_at(head_end) is None:
                    surface = self.body[head_start:end]
                    return (self.resolver.resolve(surface, head_start, end), head_start, surface)
        return (self._sid(mention), mention.start, mention.text)

    def _spokesperson_for(self, s: int, start: int) -> int:
        """Where a subject starts whose phrase at ``start`` may be the object of a person speaking for it or
        heading it: "A spokesperson for [the Office for Security]", "The head of [the Federal Office for
        Information Security]", "Supporters of [the Party for Freedom]" (a name with "for" inside: the walk back
        over post-modifiers stopped at the name's own "for"). ``start`` when there is none."""
        from .speakers import is_people_noun, is_role_noun

        pm = _POST_MODIFIER.search(self.masked, max(s, start - 40), start)
        if pm is None or not pm.group().startswith(("for", "of")):
            return start
        head_end = s + len(self.masked[s:pm.start()].rstrip())
        head_start = self._np_start_before(s, head_end)
        if head_start is None:
            return start
        head = self.masked[head_start:head_end].split()[-1].lower()
        if self.resolver.mention_ending_at(head_end) is not None and self.resolver.mention_ending_at(head_end).kind == "name":
            return start  # "Foreign Minister Ana Costa of …": a name, not a head of people
        if not (is_role_noun(head) or is_people_noun(head)):
            return start
        if self.masked.startswith("least", head_start) and _AT_BEFORE.search(self.masked, max(s, head_start - 4), head_start):
            return head_start - len(_AT_BEFORE.search(self.masked, max(s, head_start - 4), head_start).group())
        return head_start  # (and "at least half of voters in each state", whole)

    def _document_by(self, start: int, end: int) -> re.Match | None:
        """"by (the)" right before ``end`` after a document's noun ("a report by", "a survey by"), else None."""
        from .speakers import lexicon

        bm = _DOCUMENT_BY.search(self.masked, start, end)
        wm = _LOWER_WORD_END.search(self.masked, start, bm.start()) if bm is not None else None
        return bm if wm is not None and wm.group(1) in lexicon().documents else None

    def _restrictive_relative_subject(self, s: int, p: int):
        """The subject opening the sentence (or its subordinate clause) before a "who" clause without commas
        that runs up to the verb at ``p``: "The diplomat who met Lavrov said" is the diplomat's report, never
        Lavrov's; "Officials who briefed reporters said" the officials'. Returns (speaker_id, start, surface),
        None when that subject is no source, or False when the sentence does not open that way."""
        masked = self.masked
        if masked.find("who", s, p) < 0 and masked.find("that", s, p) < 0:
            return False  # called for every report: most sentences have no "who" or "that" before the verb
        ns = self._after_opening_conj(s, p)
        rm = _RESTRICTIVE_RELATIVE.fullmatch(masked, ns, p)
        if rm is None:
            return False
        ns, ne = rm.span(1)
        np_start = self._np_start_before(ns, ne)
        if np_start != ns:
            # "Aides to Mr. Lee who have seen him say": a head phrase, then the name its preposition governs
            om = _POST_MODIFIER.search(masked, max(ns, np_start - 40), np_start) if np_start is not None else None
            if om is None or self._np_start_before(ns, ns + len(masked[ns:om.start()].rstrip())) != ns:
                return False
        surface = self.body[ns:ne]
        words = surface.split()
        if words[0].lower() in _NP_PRONOUNS or words[0].lower() in _QUANTIFIER_SUBJECTS:
            return False
        if not self._agentive(surface, words[-1]):
            return None
        return (self.resolver.resolve(surface, ns, ne), ns, surface)

    def _joint_subject(self, s: int, last_start: int, last_end: int):
        """(speaker id, start, surface) of a subject that names several sources, the last of them at
        ``last_start:last_end`` ("Russia and China said", "France, Germany and Italy opposed"), when the
        list opens the sentence or a clause after a comma; None otherwise ("Lee met Ann and Bo said …" is
        Bo's report)."""
        masked = self.masked
        if not re.match(r"(?:the[ \t]+)?[A-Z]", masked[last_start:last_start + 6]) \
                and not _OFFICE_LAST_MEMBER.fullmatch(masked, last_start, last_end):
            # "Ana Costa and her husband said": the last member is someone of the one before
            member = _POSSESSIVE_MEMBER.fullmatch(masked, last_start, last_end)
            if member is None or not self._agentive(member.group(), member.group(1)):
                return None
        whole = _JOINT_WHOLE.fullmatch(masked, last_start, last_end)
        m = whole or _JOINT_BEFORE.search(masked, max(s, last_start - 160), last_start)
        if m is None:
            return None
        if whole is not None:
            and_at = masked.rfind(" and ", m.start(), m.end())
            last_member = and_at + 5 if and_at >= 0 else last_start
        else:
            last_member = last_start
        if _OF_NAME_AND.search(masked, m.start(), last_member) and not _DETERMINER_START.match(masked, last_member):
            return None  # "the Office of Management and Budget": one name ("the General Staff" after it is another)
        start = m.start()
        # "On Monday, Poland and Estonia said": a leading adverbial is no member of the list
        for item in re.finditer(r"[^,]+,[ \t]*", masked[start:m.end()]):
            if item.group().split()[0].lower() not in _LIST_STOP:
                break
            start = m.start() + item.end()
        start = self._after_opening_conj(start, m.end())  # "But China and India said"
        if masked[start:m.end()].split()[0].lower() in _LIST_STOP:
            return None  # "But China said": no list
        if masked[start:m.end()].split()[0].lower() in _PERSONAL_PRONOUNS:
            return None  # "He and Chairman Bob Goodlatte", "She and her aides": left to the pronoun's resolution
        lead = masked[s:start]
        if lead.strip() and not _OPENING_CONJ.fullmatch(lead) and not re.search(r",[ \t]*$", lead):
            return None
        surface = self.body[start:last_end]
        return (self.resolver.joint(surface), start, surface)

    def _opening_np(self, s: int, vs: int) -> str | None:
        """Speaker id of a described subject that is the sentence's whole first comma-delimited part
        ("One former employee, speaking on condition of anonymity, said …"), if its head is agentive."""
        comma = self.masked.find(",", s, vs)
        head_end = comma
        np_start = self._np_start_before(s, comma) if comma >= 0 else None
        if np_start is not None and np_start > s:
            # "the man in the third row, who sat apart, told them": a head, then its prepositional phrase
            pm = _POST_MODIFIER.search(self.masked, max(s, np_start - 40), np_start)
            if pm is not None and pm.end() == np_start:
                head_end = s + len(self.masked[s:pm.start()].rstrip())
                np_start = self._np_start_before(s, head_end) if head_end > s else None
        if np_start != s:
            return None
        words = self.masked[s:head_end].split()
        if words[0].lower() in _NP_PRONOUNS or not self._agentive(self.masked[s:head_end], words[-1]):
            return None
        return self.resolver.resolve(self.body[s:comma], s, comma)

    def _np_start_before(self, s: int, p: int) -> int | None:
        """Start of the noun phrase that ends at ``p`` (at most six words, not before ``s``), walking back
        over its words to a determiner, a possessive or a pronoun; None when no phrase ends there."""
        masked = self.masked
        text = masked[max(s, p - 120):p]
        words = list(re.finditer(r"[\w\u2019'.&/-]+", text))  # "A CNN/ORC poll"
        if not words or words[-1].end() != len(text):
            return None
        taken = []
        capital_head = words[-1].group()[:1].isupper()
        rev = list(reversed(words))
        for k, wm in enumerate(rev):
            w = wm.group()
            lw = w.lower().strip(".")
            if taken and text[wm.end():taken[-1].start()].strip() not in ("",):
                break  # punctuation between words
            if not any(ch.isalnum() for ch in w):
                break  # a dash standing alone: "BRUSSELS (Wire) - European Union ministers"
            if lw == "and" and taken and len(taken) < 4 and any(
                    x.group().lower() in ("the", "a", "an") for x in rev[k + 1:k + 5]):
                taken.append(wm)  # "the independent Vermont senator and Democratic presidential candidate"
                continue
            if capital_head and taken and not w[:1].isupper() and lw not in ("the", "of", "for", "and"):
                before = rev[k + 1].group().lower() if k + 1 < len(rev) else ""
                if not (before in ("for", "of", "from", "at", "with") and w.isalpha() and lw not in _STOP_NP
                        and lw not in _ADVERBS and lw not in _DETERMINERS):
                    break  # "guarantees Russia": a name's phrase is its capitalised run
                # "a spokesman for committee Democrats": a common noun modifying the name in a post-modifier
            if lw in _NP_PRONOUNS and not taken:
                taken.append(wm)
                break
            if lw in _DETERMINERS or re.match(r"[A-Z][\w.]*['\u2019]s$", w):
                taken.append(wm)
                if lw not in _DETERMINERS:
                    # "Hillary Clinton's campaign", "Mrs. Clinton's campaign": the owner's given name or honorific
                    j = k + 1
                    while j < min(len(rev), k + 4) and not text[rev[j].end():taken[-1].start()].strip() \
                            and _is_name_lead(rev[j].group()):
                        taken.append(rev[j])
                        j += 1
                    # "South Korea's Yonhap news agency": a country of several words owns the phrase
                    for j in (2, 1):
                        run = rev[k + 1:k + 1 + j][::-1]
                        if len(run) == j and all(x.group()[:1].isupper() for x in run) \
                                and not text[run[-1].end():wm.start()].strip() and gazetteer.country_of(
                                    " ".join(x.group() for x in run) + " " + w[:-2]):
                            taken.append(run[0])
                            break
                break
            if lw == "of" and capital_head and taken and k + 1 < len(rev) and taken[-1].group()[:1].isupper() \
                    and _is_body_word(rev[k + 1].group()):
                taken.append(wm)  # a body's name with "of" inside: "the Group of Seven", "the Bank of England"
                continue
            if lw in _STOP_NP or lw in _ADVERBS and not (
                    lw in _TIME_ADJECTIVES and k + 1 < len(rev) and rev[k + 1].group().lower() in _DETERMINERS):
                break  # (but "An earlier report": an adjective after a determiner)
            if taken and w.islower() and lw.endswith("ed") and k + 1 < len(rev) and rev[k + 1].group()[:1].isupper() \
                    and rev[k + 1].group().lower() not in _DETERMINERS and not _POSS_S_END.search(rev[k + 1].group()):
                break  # "the Education Department issued guidance": a name, then its verb (not "Ukraine's armed forces")
            taken.append(wm)
            if len(taken) >= 6:
                break
        if taken and len(taken) > 1 and taken[-1].group().lower() == "and":
            taken.pop()  # "…, and three-fourths say": the conjunction opens the clause, not the phrase
        if not taken:
            return None
        return max(s, p - 120) + taken[-1].start()

    def _clause_subject(self, s: int, vs: int):
        """A named subject opening the sentence or a comma-delimited clause of ``masked[s:vs]`` ("For her part,
        Truss took …, warning …"), for a participle whose sentence subject the resolver did not find."""
        masked = self.masked
        starts = [s, self._after_opening_conj(s, vs) - s] + [m.end() for m in re.finditer(r"[,:][ \t]*", masked[s:vs])]
        for st in starts:
            st = st if st == s else s + st
            mention = self.resolver.mention_starting_at(st)
            if mention is None:
                om = _OWNER_BEFORE_NAME.match(masked, st, vs)  # "The Blaze’s Matt Walsh provided …, saying …"
                mention = self.resolver.mention_starting_at(om.end()) if om else None
            if mention is not None and mention.kind in ("name", "role") and not mention.in_quote and mention.end < vs \
                    and re.match(r"[ \t]+(?:[a-z]+[ \t]+)?[a-z]+(?:ed|ook|ent|ade|ave|ame|as|ad|id)\b", masked[mention.end:vs]):
                return self._sid(mention)
        # a described subject opening the sentence: "His chief aide doubled down on …, saying …", also after
        # a leading time or place ("In late June, the American Bar Association completed … and deemed …")
        st = self._after_opening_conj(s, vs)
        lead = _LEADING_ADVERBIAL.match(masked, st, vs)
        dm = _DESCRIBED_SUBJECT.match(masked, lead.end() if lead else st, vs)
        if dm:
            words = dm.group(1).split()
            first = _CONTRACTION_TAIL.sub("", words[0]).lower()  # "It’s implied …": a pronoun
            if first not in _NP_PRONOUNS and first not in ("this", "that", "there") \
                    and self._agentive(dm.group(1), words[-1]):
                return self.resolver.resolve(self.body[dm.start(1):dm.end(1)], dm.start(1), dm.end(1))
        # "the U.S. Court of Appeals for the 6th Circuit overruled …": a head before its prepositional phrase
        pm = _DESCRIBED_SUBJECT_PP.match(masked, lead.end() if lead else st, vs)
        if pm and self._agentive(pm.group(1), pm.group("head")):
            return self.resolver.resolve(self.body[pm.start(1):pm.end(1)], pm.start(1), pm.end(1))
        # "House Democrats, looking for a way to …, seized the floor …": the subject before a parenthesis
        comma = masked.find(",", st, vs)
        if comma > st and _PARENTHESIS_THEN_VERB.match(masked, comma, vs):
            return self._opening_np(st, vs)
        return None

    def _parenthetical_subject(self, s: int, vs: int):
        """The name opening the sentence when only a comma stands between it and a participle at ``vs``:
        "Reuters, citing two sources, reported …" (the participle is a parenthesis on the subject)."""
        masked = self.masked
        st = self._after_opening_conj(s, vs)
        dm = re.match(r"(?:[Tt]he|[Aa]n?)[ \t]+", masked[st:vs])
        for at in (st, st + dm.end()) if dm else (st,):
            mention = self.resolver.mention_starting_at(at)
            if mention is not None and mention.kind in ("name", "role") and not mention.in_quote \
                    and re.fullmatch(r"[ \t]*,[ \t]*", masked[mention.end:vs]):
                return self._sid(mention)
        if _PARENTHESIS_LEFT.fullmatch(masked, st, vs):
            return self._opening_np(st, vs)  # "Reuters, citing …", "The Wall Street Journal, citing …"
        return None

    def _opening_antecedent(self, si: int, pronoun: str):
        """"It said …" / "They said …" opening a sentence: the subject that opened the sentence before, as in
        "The Foreign Ministry issued a statement on Monday. It said …" (an institution or a document for "it",
        a group or several people for "they"). None when that sentence opens otherwise."""
        layout = self.layout
        if si == 0 or layout.sentences[si - 1][2] < layout.sentences[si][2] - 1:
            return None
        ps, pe, _ = layout.sentences[si - 1]
        st = self._after_opening_conj(ps, pe)
        m = _OPENING_SUBJECT.match(self.masked, st, pe) or _OPENING_SUBJECT_S.match(self.masked, st, pe)
        if m is None:
            return None
        from .speakers import PLURAL_HEAD

        if pronoun == "they" and not PLURAL_HEAD.search(m.group(1)):
            return None
        sid = self.resolver.resolve(self.body[m.start(1):m.end(1)], m.start(1), m.end(1))
        types = ("institution", "document") if pronoun == "it" else ("group", "anonymous")
        return sid if sid is not None and self.resolver.speaker_type(sid) in types else None

    def _they_of_own_sentence(self, s: int, they: int):
        """"They" after ", but" / ", and" is the plural subject that opened its sentence: "Negotiators from
        Washington have rejected the demand, but they have proposed …". Returns that subject's id (None when it
        names nobody, as in "The talks stalled, but they …"), or False when the sentence opens otherwise."""
        masked = self.masked
        if not _THEY_AFTER_CLAUSE.search(masked[max(s, they - 12):they]):
            return False
        st = self._after_opening_conj(s, they)
        m = _PLURAL_OPENING_SUBJECT.match(masked, st, they)
        if m is None:
            return False
        head = m.group("head")
        if not head.endswith("s") or head.lower() in _NP_PRONOUNS or head.lower() in _STOP_NP:
            return False
        if not self._agentive(m.group("np"), head):
            return None
        sid = self.resolver.resolve(self.body[m.start("np"):m.end("np")], m.start("np"), m.end("np"))
        return sid if sid is not None and self.resolver.speaker_type(sid) == "group" else None

    @staticmethod
    def _document_head(head: str) -> bool:
        from .speakers import lexicon

        return head.lower().strip(".\u2019'") in lexicon().documents

    def _agentive(self, surface: str, head: str) -> bool:
        from .speakers import _AGED, is_party_noun, is_people_noun, lexicon

        lh = head.lower().strip(".\u2019'")
        if is_party_noun(lh) or lh in lexicon().documents or is_people_noun(lh) or _AGED.fullmatch(lh):
            return True
        if lh.isdigit() and _RATIO_BEFORE.search(surface[: len(surface) - len(head)]):
            return True  # "About 4 in 10 say": a share of those polled
        if head[:1].isupper() and lh not in _STOP_NP:
            return True
        return False

    def _name_after_modifiers(self, p: int, e: int):
        """The name mention ending an inverted subject after its modifiers at ``p`` ("former Okafor adviser Tunde
        Adeyemi", "9/11 widow Terry Strada"), or None."""
        wp = p
        for k in range(8):
            wm = _INVERTED_MODIFIER.match(self.masked, wp, e)
            # "said former Bavarian Gov. and party Chairman Kurt Wendler": two titles joined by "and"
            if wm is None or (wm.group(1).lower() in _STOP_NP and not (k and wm.group(1) == "and")) \
                    or wm.group(1).lower() in _DETERMINERS:
                return None
            wp = wm.end()
            cand = self.resolver.mention_starting_at(wp)
            if cand is not None:
                if cand.in_quote or cand.kind != "name":
                    return None
                if _INVERTED_SUBJECT_END.match(self.masked, cand.end, e):
                    return cand
                # "said former Okafor adviser Tunde Adeyemi": a name modifying the head, go on after it
                sm = re.match(r"[ \t]+", self.masked[cand.end:e])
                if sm is None:
                    return None
                wp = cand.end + sm.end()
                cand = self.resolver.mention_starting_at(wp)
                if cand is not None and cand.kind == "name" and not cand.in_quote \
                        and _INVERTED_SUBJECT_END.match(self.masked, cand.end, e):
                    return cand
        return None

    def speaker_np_after(self, pos: int, e: int):
        """(speaker_id, np_end, surface) of an inverted subject: "…,” said Lavrov"."""
        p = pos
        while p < e and self.masked[p] in " \t":
            p += 1
        mention = self.resolver.mention_starting_at(p)
        if mention is not None and mention.kind == "pronoun" and mention.text in _POSSESSIVE_DETERMINERS:
            # "…,” added his campaign manager Jeff Weaver": the possessor modifies the subject after it
            sm = _SPACES.match(self.masked, mention.end, e)
            owned = self.resolver.mention_starting_at(sm.end()) if sm else None
            if owned is not None and owned.kind in ("name", "role"):
                mention = owned
            elif _WORDS.match(self.masked, sm.end() if sm else mention.end):
                mention = None  # "said his spokesman": the spokesman, described below, not the possessor
        if mention is not None and mention.kind == "name" and not mention.in_quote:
            om = _POSSESSED_SUBJECT.match(self.masked, mention.end, e)
            if om is not None:
                # "…,” said Mr. Erdogan's spokesman, Ibrahim Kalin": the possessor modifies the subject after it
                am = _SPACES.match(self.masked, om.end(), e) if om.group("name") else _ROLE_TO_NAME.match(self.masked, om.end(), e)
                name = self.resolver.mention_starting_at(am.end()) if am else None
                if name is not None and name.kind == "name" and not name.in_quote \
                        and _INVERTED_SUBJECT_END.match(self.masked, name.end, e):
                    return (self._sid(name), name.end, self.body[p:name.end])
                if not om.group("name"):
                    surface = self.body[p:om.end()]
                    return (self.resolver.resolve(surface, p, om.end()), om.end(), surface)
        if mention is None:
            # "…,” said former Okafor adviser Tunde Adeyemi": modifiers of the subject before the name
            mention = self._name_after_modifiers(p, e)
        elif mention.kind == "name" and not mention.in_quote and not _INVERTED_SUBJECT_END.match(self.masked, mention.end, e):
            # "…,” said Gulf war veteran Ahmad Saleh": a name modifying the subject named after it
            mention = self._name_after_modifiers(p, e) or mention
        if mention is not None and mention.kind == "pronoun" and _PRONOUN_THEN_VERB.match(self.masked, mention.end, e) \
                and re.search(r"\u201d[ \t]*,?[ \t]*[a-z]+[ \t]*$", self.masked[max(0, pos - 20):p]):
            return None  # "known as “Guccifer,” said he had broken in": the subject of what was said, not an inverted one
        if mention is not None and not mention.in_quote:
            if mention.kind == "role":
                # "said the company's chief executive, John J. Ferriola.": the name the description introduces
                am = _ROLE_TO_NAME.match(self.masked, mention.end, e)
                name = self.resolver.mention_starting_at(am.end()) if am else None
                if name is not None and name.kind == "name" and not name.in_quote \
                        and _INVERTED_SUBJECT_END.match(self.masked, name.end, e):
                    return (self._sid(name), name.end, self.body[p:name.end])
            end = mention.end
            # skip an appositive ", a Democratic pollster,"
            return (self._sid(mention), end, mention.text)
        m = re.match(r"((?:the|a|an|one|another|two|three|several|some|his|her|their|its)[ \t]+(?:[\w\u2019'.&-]+[ \t]+){0,4}?[\w\u2019'.&-]+)"
                     r"(?=[ \t]*(?:[,.;:!?]|$|\u201c|[ \t]+(?:for|of|at|in|who|on|to|with)\b))",
                     self.masked[p:e])
        if m and any(w.lower() in _STOP_NP or w.lower() in _DETERMINERS
                     for w in re.sub(r"^one[ \t]+of[ \t]+(?:the|those|these|his|her|their|its)\b", "one", m.group(1)).split()[1:]):
            m = None  # "said the nonprofit was a source of …": a clause, not an inverted subject
        if m:
            surface = self.body[p:p + m.end(1)]
            head = surface.split()[-1]
            after_quote = re.search(r"\u201d[ \t]*,?[ \t]*[a-z]+[ \t]*$", self.masked[max(0, pos - 20):p]) is not None
            if self._agentive(surface, head) or after_quote:
                # include "for the campaign"
                tail = re.match(r"[ \t]+(?:for|of|at|with|to)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w\u2019'.&-]*[ \t]*){1,4}", self.masked[p + m.end(1):e])
                end = p + m.end(1) + (len(tail.group().rstrip()) if tail else 0)
                am = _ROLE_TO_NAME.match(self.masked, end, e)
                name = self.resolver.mention_starting_at(am.end()) if am and self.masked[end] == "," else None
                if name is not None and name.kind == "name" and not name.in_quote \
                        and _INVERTED_SUBJECT_END.match(self.masked, name.end, e):
                    # "said his spokesman, Michael Briggs.": the name the description introduces
                    return (self._sid(name), name.end, self.body[p:name.end])
                surface = self.body[p:end]
                return (self.resolver.resolve(surface, p, end), end, surface)
        m = _INVERTED_NAME.match(self.masked, p, e) or _INVERTED_PUBLICATION.match(self.masked, p, e)
        if m:
            surface = self.body[p:m.end(1)]
            return (self.resolver.resolve(surface, p, m.end(1)), m.end(1), surface)
        # "…,” said Montclair State University political scientist Brigid Harrison.": a name the resolver does not
        # know after the words that describe it
        m = _DESCRIBED_NAME.match(self.masked, p, e)
        if m and not any(w.lower() in _STOP_NP or w.lower() in _DETERMINERS for w in m.group(1).split()) \
                and _NAME_RUN.fullmatch(m.group(2)) and not any(w.lower() in _NOT_NAME_WORDS for w in m.group(2).split()):
            ns, ne = m.span(2)
            return (self.resolver.resolve(self.body[ns:ne], ns, ne), ne, self.body[ns:ne])
        return None

    def _sid(self, mention):
        """Speaker id of a mention of the resolver's table (unresolved role descriptions get another chance)."""
        if mention.entity is not None:
            return self.resolver.entity_of(mention)
        return self.resolver.resolve(mention.text, mention.start, mention.end)

    def sentence_subject(self, si: int, before: int):
        m = self.resolver.subject_of_sentence(si, before)
        if m is not None and m.entity is not None:
            return self.resolver.entity_of(m)
        return None

    # ---------------------------------------------------------------- main

    def run(self) -> list[Quote]:
        layout = self.layout
        # (items come only from these two: may_hold_quotes tells when neither can add one; keep it in step)
        for si, (s, e, pi) in enumerate(layout.sentences):
            self.sentence(si, s, e, pi)
        self.standalone()
        self.prepositional_positions()
        self.hedged()
        self.polled()
        quotes = []
        for it in sorted(self.items, key=lambda it: it.start):
            text = self.body[it.start:it.end]
            if not _WORDS.search(text):
                continue
            quotes.append(Quote(text=text, start=it.start, end=it.end, kind=it.kind, speaker=it.speaker,
                                cue=it.cue, paragraph=it.paragraph))
        return quotes

    def add_direct(self, qi: int, speaker, cue, si, strength=2) -> _Item | None:
        if qi in self.q_item:
            return None
        q = self.layout.qspans[qi]
        s, e = q.text_bounds(self.body)
        if e <= s:
            return None
        it = _Item(s, e, "direct", speaker, cue, si, q.paragraph, [qi], strength)
        self.items.append(it)
        self.q_item[qi] = it
        return it

    def add_clause(self, start: int, end: int, speaker, cue, si, pi, kind: str = "indirect",
                   min_words: int = 3, nest: bool = False) -> _Item | None:
        """Add a report of ``body[start:end]`` (trimmed). It may not overlap another report; with ``nest`` it may
        hold whole reports ("<X pledged to Y>, according to Z": Z's report holds X's)."""
        body = self.body
        # trim
        while start < end and (body[start].isspace() or body[start] in ",:;\u2013\u2014-"):
            start += 1
        while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;:\u2013\u2014-"):
            end -= 1
        if end <= start:
            return None
        qis = [qi for qi in self.quotes_between(start, end)]
        # a clause that is exactly one quote is a direct quote
        inner = [qi for qi in qis if self.layout.qspans[qi].open >= start - 1]
        if len(inner) == 1 and not (nest and inner[0] in self.q_item):
            q = self.layout.qspans[inner[0]]
            if q.open <= start + 1 and max(q.close_end, q.end) >= end - 1:
                if q.words >= 1:
                    return self.add_direct(inner[0], speaker, cue, si)
        # stop before a quote already used by another item
        for qi in qis:
            if qi in self.q_item and not (nest and start <= self.q_item[qi].start and self.q_item[qi].end <= end):
                q = self.layout.qspans[qi]
                if q.open <= start:
                    return None
                end = q.open
                while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;:\u2013\u2014-"):
                    end -= 1
                qis = [x for x in qis if self.layout.qspans[x].open < end]
                break
        if len(_WORDS.findall(self.masked, start, end)) + sum(
                self.layout.qspans[qi].words for qi in qis) < min_words:
            return None
        for it in self.items:
            if it.start < end and start < it.end and not (nest and start <= it.start and it.end <= end
                                                          and (start, end) != (it.start, it.end)):
                return None
        it = _Item(start, end, kind, speaker, cue, si, pi, qis, 2)
        self.items.append(it)
        for qi in qis:
            self.q_item.setdefault(qi, it)
        return it

    def sentence(self, si: int, s: int, e: int, pi: int):
        masked = self.masked
        lm = _LABEL_LINE.match(masked, s, e) or _LABEL_BEFORE_QUOTE.match(masked, s, e)
        if lm and lm.group(1).split()[0].lower().strip(".'\u2019") not in _LABEL_STOP and (
                s == self.layout.paragraphs[pi][0] or self._inline_label(lm, e)):
            # "Bill Clinton: Hillary thinks feds require too many tests" (a headline-style attribution)
            ns, ne = lm.start(1), lm.end(1)
            mention = self.resolver.mention_starting_at(ns)
            sid = self._sid(mention) if mention is not None and mention.end == ne else \
                self.resolver.resolve(self.body[ns:ne], ns, ne)
            if sid is not None:
                if re.match(r"[ \t]*\u201c", masked[lm.end():e]):
                    for qi in self.quotes_between(lm.end(), e):
                        self.add_direct(qi, sid, ":", si)
                else:
                    self.add_clause(lm.end(), e, sid, ":", si, pi)
                return
        # the pattern ends before an opening mark: a sentence without one (most) cannot match
        possessives = _POSSESSIVE_SOURCE.finditer(masked, s, e) if masked.find("\u201c", s, e) >= 0 else ()
        for pm in possessives:
            # "Clinton's response was: “…”", "in Forbes' words, “…”": the possessor said it
            ns, ne = pm.span("name")
            mention = self.resolver.mention_starting_at(ns)
            sid = self._sid(mention) if mention is not None and mention.end >= ne - 1 else \
                self.resolver.resolve(self.body[ns:ne], ns, ne)
            qs = [qi for qi in self.quotes_between(pm.end(), e) if qi not in self.q_item]
            if sid is not None and qs and self.layout.qspans[qs[0]].open == pm.end():
                self.add_direct(qs[0], sid, pm.group("noun"), si)
        if "quoted" in masked[s:e]:
            self.quoted_as_saying(si, s, e, pi)
        am = _ASKED_QUESTION.search(masked, s, e) if "sked" in masked[s:e] else None
        if am and not (am.start() == s or am.group("passive") or am.group("when")):
            am = None
        if am:
            # "When asked whether he would run, Sanders smiled." / "He was asked by Lee whether …" / "…,” Christie
            # said when asked whether …": the question is reported, its asker is the "by" phrase or nobody named
            qs = am.start("q")
            cm = _QUESTION_END.search(masked, qs, e)
            qe = (cm.end() if cm.group().startswith(("\u201d", ",\u201d")) else cm.start()) if cm else e
            if am.start() != s and not am.group("passive") and cm is not None and cm.group() == ":":
                am = None  # "…, who told Congress when asked about the inquiry: “…”": the answer's lead-in
        cues = []
        for m in self._cues(s, e):
            cues.append(("verb", m.start("v"), m.end("v"), m.group("v")))
        if am and am.group("passive") and any(c[2] <= am.start() and _REPORTED_SUBJECT.fullmatch(masked, c[2], am.start())
                                              for c in cues):
            am = None  # "he said he is being asked about …": the question is part of what he said
        if am:
            by = am.group("by")
            sid = self.resolver.resolve(self.body[am.start("by"):am.end("by")], am.start("by"), am.end("by")) if by else None
            self.add_clause(qs, qe, sid, "asked", si, pi)
        im = _INITIAL_CUE.match(masked, s, e)
        if im:
            cues.append(("verb", im.start("v"), im.end("v"), im.group("v").lower()))
        accordings = _ACCORDING.finditer(masked, s, e) if _may_hold_according(masked, s, e) else ()
        for m in accordings:
            if m.group("in"):
                # "In his words, …": only opening the sentence (not "In her view, " inside a clause of the writer's)
                if not _OPENING_CONJ.fullmatch(masked, s, m.start()) and masked[s:m.start()].strip():
                    continue
                cues.append(("according", m.start("in"), m.start("poss"), f"in {m.group('poss')} {m.group('what')}"))
                continue
            cues.append(("according", m.start("v"), m.end(), m.group("v")))
        cues.sort(key=lambda c: c[1])
        last_speaker = None
        last_subject_found = False
        last_relative = False
        consumed_until = s
        positions = []
        for kind, vs, ve, verb in cues:
            if vs < consumed_until:
                continue
            if kind == "according":
                res = self.according(si, s, e, pi, vs, ve, verb)
                if res:
                    last_speaker = res
                continue
            lv = verb.lower()
            left = masked[s:vs]
            if lv == "asked" and _COMMA_BEFORE.search(left) and _ASKED_ASIDE.match(masked, ve, e):
                continue  # "Wang Wenbin, asked about the summit, said …": he was asked; "said" is his report
            if lv in _NOMINAL_CUES:
                self.nominal_report(si, s, e, pi, vs, ve, verb)
                continue
            ing_cue = lv.split(" ", 1)[0].endswith("ing")  # "railing against", "calling for", "saying"
            # … unless a progressive: "is calling for" is the finite verb of its subject
            participle_cue = ing_cue and not _PROGRESSIVE_BEFORE.search(masked, max(s, vs - 8), vs)
            if lv in _NOUN_OR_VERB and not re.match(r"[ \t]*(?:that\b|[,:]|\u201c)", masked[ve:e]) or \
                    lv in _RESPONSE_VERBS and _RESPONDED_BY.match(masked, ve, e):
                # "in the March states": a noun; "The United States responded by easing sanctions": an act
                continue  # "in the March states and beyond": "states" reports only before "that", ":" or a quote
            if lv.split(" ", 1)[0].endswith("s") and _PREPOSITION_PHRASE_BEFORE.search(left) \
                    and not _SUBJECT_WORD_END.search(left):
                continue  # "Alongside BLM calls for action, …", "Despite Trump claims …": a noun in a phrase
            if _NOUN_BEFORE.search(masked, max(s, vs - 24), vs) and not re.match(r"[ \t]+that\b", masked[ve:e]):
                continue  # "Clark's comments", "Trump's repeated calls": a noun ("Truss' remarks that …" reports)
            if lv in _DOC_VERBS and lv not in _VERBS_SPEECH and not _doc_subject(left) \
                    and not (lv in ("found", "finds") and _FOUND_THAT.match(masked, ve, e)):
                continue  # "found", "show" report only for a poll, a study, a report
            recorded = _RECORDED_SPEAKER_AFTER.match(masked, ve, e)
            if recorded is not None and (lv in _DOC_VERBS and lv not in _VERBS_SPEECH or recorded.group("recording")):
                continue  # "A video shows Lavrov saying …": Lavrov's words, in the report of "saying"
            aspect = _ASPECT_BEFORE.search(left) if left.endswith(" ") else None  # "continued to question"
            led = _LED_TO_BEFORE.search(left) if aspect is None and left.endswith(" ") else None  # "led her to declare"
            if _NEGATED_BEFORE.search(left) and lv not in ("said",) and aspect is None and led is None:
                continue  # "refused to say", "did not say"
            if _PASSIVE_BEFORE.search(left) and not ing_cue:  # "is calling (for)" is progressive, not passive
                continue
            if lv in _TOPIC_REPORTS and participle_cue and not _COMMA_BEFORE.search(left):
                continue  # "who … used flexible language when speaking about the project": whose, we cannot tell

            if lv in _OBJECT_REPORTS and _CITED_ADJECTIVE_BEFORE.search(masked, max(s, vs - 12), vs):
                continue
            if _NOT_A_REPORT_AFTER.get(lv) is not None and _NOT_A_REPORT_AFTER[lv].match(masked, ve, e):
                continue  # "wrote a $500,000 check", "adding to his victories"
            if lv in _POSITION_VERBS:
                # added after the reports ("Russia opposed it, diplomats said" is the diplomats'), but its subject
                # is the subject of what follows ("Kallas welcomed it and urged …")
                subj = self.position_subject(si, s, vs, ve, verb)
                if subj is not None:
                    positions.append((vs, ve, verb, subj))
                    last_speaker, last_subject_found, last_relative = subj, True, False
                continue
            if lv in _WEAK_VERBS and re.search(r"\b(?:that|which|whom)[ \t]+(?:he|she|they|we|I|you|it|[A-Z][\w.\u2019'-]*)[ \t]+$", left):
                continue  # "a state that she hoped to carry": an object relative clause
            # "Truss opposed Lavrov, saying …" / "… by saying …": a participle after a comma or a
            # preposition belongs to the clause that governs it, so its speaker is that clause's subject,
            # never the object or any other name right before the comma
            gerund = participle_cue and _GERUND_LEFT.search(left) is not None
            if led is not None and led.group(1) in ("him", "her", "them"):
                obj = self.resolver.mention_starting_at(s + led.start(1))  # "led her to say": she says
                subj = (self._sid(obj), obj.start, obj.text) if obj is not None and obj.entity is not None else None
            else:
                subj = None if gerund else self.speaker_np_before(
                    s, s + aspect.start() if aspect else s + led.end(1) if led else vs, si)
            if subj is not None and participle_cue and (
                    subj[0] is None or _PARTICIPLE_OBJECT_BEFORE.search(masked, s, subj[1])
                    or _ISSUED_BEFORE.search(masked, max(s, subj[1] - 20), subj[1])
                    and not _RECORDING_OF.match(masked, subj[1])):
                # "an email to supporters stating …", "a letter Monday making it clear …", "Ann Lee released a
                # statement saying …": not the participle's subject; that is the clause's
                subj, gerund, object_participle = None, True, True
            else:
                object_participle = False
            inverted = False
            after = ve
            if subj is None and not gerund and lv.split()[0] in _INVERTIBLE:
                # inverted: "…,” said Lavrov" / ", said the minister"
                if _COMMA_OR_CLOSE_BEFORE.search(left) or not left.strip():
                    inv = self.speaker_np_after(ve, e)
                    if inv is not None:
                        subj = (inv[0], vs, inv[2])
                        after = inv[1]
                        inverted = True
            if subj is None:
                # participle or coordinated verb: inherits the sentence's subject
                coord = _AND_BEFORE.search(left)
                if gerund or coord or _LINK_BEFORE.search(left) and participle_cue:
                    sid = last_speaker if last_subject_found and not (last_relative and not coord) \
                        else self.sentence_subject(si, vs)
                    if sid is None and gerund and lv in _REPORT_PARTICIPLES:
                        sid = self._parenthetical_subject(s, vs)
                    if sid is None and gerund and (" " in lv or _BY_BEFORE.search(left)):
                        # "Sanders spent much of his campaign railing against superdelegates", "The campaign has
                        # responded to criticism by pointing to her record"
                        sid = self._clause_subject(s, vs)
                    if sid is None:
                        if gerund and (lv in _REPORT_PARTICIPLES and (_COMMA_BEFORE.search(left) or object_participle)
                                       or lv in _COMMA_REPORT_PARTICIPLES and _COMMA_BEFORE.search(left)) \
                                and len(_WORDS.findall(left)) >= 4:
                            sid = self._clause_subject(s, vs)
                        elif coord and (lv in _STRONG_VERBS or lv.startswith(_NAMING_VERBS) or lv in _OBJECT_REPORTS) \
                                and len(_WORDS.findall(left)) >= 3 \
                                and not _AFTER_COMMA_NOT_SUBJECT.search(left) and not re.search(r"\b(?:who|which|that)\b", left):
                            # "The appeals court overruled the judge and said …": the report of a subject the
                            # resolver does not know
                            sid = self._clause_subject(s, vs)
                        else:
                            continue
                        # "The union has sued the city, saying the rules violate free speech": a report whose
                        # source we cannot name; the content is still a quote (without a speaker)
                    subj = (sid, vs, None)
                    participle = True
                elif lv in _STRONG_VERBS and _WORD_END_BEFORE.search(left) and not _NOT_SUBJECT_END_BEFORE.search(left) \
                        and not _COMMA_AUX_BEFORE.search(left):
                    # "those surveyed said …", "One in three said …": a source we cannot name
                    subj = (None, vs, None)
                    participle = False
                elif lv in _STRONG_VERBS and (_COMMA_BEFORE.search(left) or _COMMA_AUX_BEFORE.search(left)) \
                        and _WORDS.search(left) \
                        and not _AFTER_COMMA_NOT_SUBJECT.search(left) and re.match(r"[ \t]+(?:that[ \t]+)?[\w\u201c]", masked[ve:e]):
                    # "Federal officials familiar with the case, speaking on condition of anonymity, said that …":
                    # a subject too long to walk back over; its first name, if it opens the sentence, else nobody
                    cs = self._after_opening_conj(s, vs)
                    first = self.resolver.mention_starting_at(cs)
                    sid = self._sid(first) if first is not None and first.kind in ("name", "role") and not first.in_quote \
                        else self._opening_np(cs, vs)
                    subj = (sid, vs, None)
                    participle = False
                else:
                    continue
            else:
                participle = False
            sid, np_start, surface = subj
            if lv in _WEAK_VERBS and surface and surface.lower() in ("i", "we", "you"):
                continue
            if sid is None and lv.startswith(("cast", "portray", "paint", "characteri", "position", "present", "bill",
                                              "tout", "refer", "see", "saw", "view", "regard")):
                continue  # "cast Michael Jordan as the Human Torch": a film's casting, not a report
            last_speaker = sid
            last_subject_found = True
            # (a relative clause's report is no subject for a participle after it: "defended not paying an
            # architect who said he was stiffed, saying …" is the defender's; "who answered and said" is the same
            # speaker's)
            last_relative = bool(surface) and surface.lower() in ("who", "which") and not participle
            res_end = self.attribute(si, s, self._relative_clause_end(cues, s, e, ve, np_start, surface), pi, vs, ve,
                                     after, verb, sid, np_start, inverted, participle)
            if res_end:
                consumed_until = max(consumed_until, res_end)
        for vs, ve, verb, sid in positions:
            if not any(it.start <= vs < it.end for it in self.items):  # not inside another report's content
                self.position(si, e, pi, ve, verb, sid)

    def _relative_clause_end(self, cues, s: int, e: int, ve: int, np_start: int, surface: str | None) -> int:
        """Where the content of a verb in a restrictive relative clause ends: "The senator who wrote the bill
        said …" (the main verb "said" closes "who wrote the bill"). ``e`` for any other verb."""
        if not surface or surface.lower() not in ("who", "which", "that"):
            return e
        nxt = next((c for c in cues if c[0] == "verb" and c[1] > ve), None)
        if _COMMA_BEFORE.search(self.masked[s:np_start]):
            # "Following the report, which concluded that …, Clinton's campaign contended that …": an aside ends
            # at the comma before the main clause's subject and verb
            for c in cues:
                if c[0] != "verb" or c[1] <= ve:
                    continue
                comma = self.masked.rfind(",", ve, c[1])
                if comma >= 0 and _SHORT_SUBJECT.fullmatch(self.masked, comma + 1, c[1]):
                    return comma
            return e
        if surface.lower() == "which":
            return e
        if nxt is None or _RELATIVE_CLAUSE_BREAK.search(self.masked, ve, nxt[1]):
            return e
        # only when the relative clause is on the sentence's subject, so the next verb is the main one ("pundits
        # who think they know better": "know" is the relative clause's own)
        end = self.masked[:nxt[1]].rstrip()
        return nxt[1] if self._restrictive_relative_subject(s, len(end)) else e

    def attribute(self, si, s, e, pi, vs, ve, after, verb, sid, np_start, inverted, participle=False) -> int | None:
        masked = self.masked
        body = self.body
        lv = verb.lower()
        qspans = self.layout.qspans
        if lv[:3] == "ask" and _ANONYMITY_REQUEST.match(masked, after, e):
            return None  # "who asked not to be named": a condition of the source's, not what they said
        if lv == "accused" and _OF_NEXT.match(masked, after, e) and not _ACCUSER_BEFORE.search(masked, s, vs):
            # "The woman accused of driving onto the sidewalk told police …": a passive, the accused is not the
            # accuser, who is not named here (but "a socialist whom she has accused of selling pipe dreams" is hers)
            sid = None
        if lv in _OBJECT_REPORTS and not (lv.startswith("refer") and _NAMED_AS_AFTER.match(masked, after, e)):
            # what was cited comes after the verb, never before it ("referred to X as Y" is a naming, below)
            if inverted or _OBJECT_REPORT_NOT.match(masked, after, e):
                return None  # "the bureau cited in the tweet", "was cited for speeding"
            m = _SKIP_ADVERBIALS.match(masked, after, e)
            # "The minister, citing security concerns, cancelled …": a parenthesis ends at its comma
            paren = lv.endswith("ing") and _PARENTHESIS_LEFT.fullmatch(masked, s, vs) is not None \
                and masked.find("\u201d", s, vs) < 0 and _CUE.search(masked, s, vs) is None
            return self.object_report(si, e, pi, m.end() if m else after, verb, sid, paren)
        # A. quote(s) right before the subject (or before the verb when inverted): “A,” he said
        lead_end = vs if inverted else np_start
        lead = masked[s:lead_end]
        # "“…,” Tulsa police Chief Chuck Jordan said" / "“…,” the White House spokesman, Josh Earnest, said":
        # words of the subject between the quote and the name
        gap = _NP_MODIFIER_GAP.search(lead) or _NP_APPOSITION_GAP.search(lead)
        if gap and any(w.lower().strip(",") in _STOP_NP or w.lower() in _ADVERBS
                       or w.lower() in _DETERMINERS and k > 0 and not w[:1].isupper()
                       for k, w in enumerate(gap.group(1).split())):
            gap = None
        if re.search(r"\u201d[ \t]*[,:]?[ \t]*$", lead) or re.search(r"[,.!?\u2014-][\u201d][ \t]*$", lead) or gap:
            before = [qi for qi in self.quotes_between(s, lead_end) if qi not in self.q_item]
            narrative = len(_WORDS.findall(masked, s, qspans[before[0]].open)) if before else 0
            if before and narrative >= 3 and _LEAD_IN_COLON.search(masked, s, qspans[before[0]].open):
                narrative = 0  # "He ticked through the code: “Civility was assumed,” he said.": a lead-in, then his words
            if before and narrative >= 3 and not participle:
                # "Russia and the West can work together “to stop Iran …,” Truss added.": a mixed clause
                it = self.add_clause(s, s + len(lead.rstrip(" \t,")), sid, verb, si, pi)
                if it is not None:
                    return after
            if before:
                for qi in before:
                    self.add_direct(qi, sid, verb, si)
                if not _PARTICIPLE_OPENING.match(lead):
                    # “A,” he said, “B.” — quotes continuing after the cue
                    return self.add_quote_run(after, self.quotes_between(after, e), _JOINS_AFTER_CUE, sid, verb, si)
                # "Citing “obligations in Tennessee,” the spokeswoman told POLITICO that …": the words cited
                # are hers, and so is what she told
        if not inverted and sid is not None:
            om = _OPENING_REPORT.fullmatch(masked, s, np_start)  # (anchored: most sentences fail at their first letter)
            if om is not None:
                # "Noting that this year marks …, Wang said …": the opening participle's clause is the subject's too
                self.add_clause(om.start("c"), om.end("c"), sid, om.group("v"), si, pi, min_words=3)
        # B/D. content after the verb
        p = after
        if not inverted:
            m = _SKIP_ADVERBIALS.match(masked, p, e)
            if m:
                p = m.end()
            if lv in _EVALUATION_VERBS:
                cm = _SHARED_OBJECT_VERB.match(masked, p, e)
                if cm:
                    p = cm.end()  # "derided and insulted “the professional left”": the object both verbs share
            if lv in _ADDRESS_VERBS:
                addressee_at = p
                # skip the addressee: "told reporters", "told Lavrov", "told The Associated Press"
                tm = _ADDRESSEE_AFTER_VERB.match(masked[p:e])
                if tm and not re.match(r"[ \t]+(?:that|how|whether)\b", masked[p:e]) \
                        and not _MODAL_AFTER.match(masked, p + tm.end(), e):
                    p += tm.end()  # (but "warns EU cannot rely on …": a modal after it, so the subject, no addressee)
                    m = _SKIP_ADVERBIALS.match(masked, p, e)
                    if m:
                        p = m.end()
                # "told a crowded banquet hall in downtown Baltimore that …": a longer addressee up to "that"
                lm = _LONG_ADDRESSEE.match(masked, p, e) or (
                    _TOLD_ADDRESSEE.match(masked, p, e) if lv in ("told", "tells", "tell", "telling") else None)
                if lm:
                    p = lm.end()
                elif lv.startswith(("warn", "urg")):
                    # "warned China's top diplomat on Saturday against …", "urged European Union members to
                    # open talks": the content starts at "against" / "to"
                    wm = (_WARNED_ADDRESSEE if lv.startswith("warn") else _URGED_ADDRESSEE).match(masked, addressee_at, e)
                    if wm:
                        p = wm.end()
            if lv in _TO_ADDRESSEE_VERBS:
                am = _TO_ADDRESSEE.match(masked, p, e)  # "wrote to her", "said to reporters that"
                if am:
                    p = am.end()
            tm = _THAT.match(masked, p, e)
            if tm and masked[p:tm.end()].strip(" ,\t") == "that":
                p = tm.end()
                cm = re.match(r"[ \t]*,[ \t]*", masked[p:e])
                if cm:
                    p += cm.end()  # "said that, during the period when …, Gates was …"
        if inverted:
            # "Said Ann Lee, who grew up there, “…”": an appositive between the inverted subject and the quote
            am = _INVERTED_APPOSITIVE.match(masked, p, e)
            if am:
                p = am.end()
        rest = masked[p:e]
        pp = re.match(r"[ \t]*(?:on|in|at|during|after|before|while|from|via|through|over|last|this|earlier|later)\b"
                      r"[^\u201c\u201d.;]{0,70}?[,:]?[ \t]*(?=\u201c)", rest)
        if pp and not re.search(r"[,:][ \t]*$", pp.group()) and (
                len(_WORDS.findall(pp.group())) > 5 or re.search(r"\bthat\b", pp.group())
                or re.search(r"\b(?:of|the|a|an|to|for|about|with|by|his|her|their|its)[ \t]*$", pp.group())):
            # "insisting on the absence of provisions obliging Russia to recognize “…”", "wrote on Telegram that
            # Kyiv would “never accept” …", "voiced concern over the actions of “the Anglo-Saxon countries”":
            # content, not where
            pp = None
        if pp and not inverted:
            p += pp.end()  # "said on Tuesday in Ohio, “…”"
            rest = masked[p:e]
        om = _OBJECT_BEFORE_COLON.match(rest)
        if om and not inverted:
            p += om.end()  # "she added warily: “…”", "he added a caveat: “…”"
            rest = masked[p:e]
        am = _ASIDE_BEFORE_QUOTE.match(rest)
        if am:
            p += am.end()  # "Emanuel acknowledged, however, “…”"
            rest = masked[p:e]
        if not inverted and _COLON_END.fullmatch(rest):
            # "Reuters responded:" ending a paragraph: the quotation opening the next paragraph is the report
            nxt = self.quote_opening_paragraph(pi + 1)
            if nxt is not None and e >= self.layout.paragraphs[pi][1] - 1:
                self.add_direct(nxt, sid, verb, si)
                return e
        if re.match(r"[ \t]*[:,]?[ \t]*\u201c", rest):
            q_after = [qi for qi in self.quotes_between(p, e) if qi not in self.q_item]
            if q_after and _TITLE_BEFORE.search(masked, max(0, qspans[q_after[0]].open - 30), qspans[q_after[0]].open) \
                    and _looks_like_title(body[qspans[q_after[0]].start:qspans[q_after[0]].end].rstrip(".")):
                return None  # "told ABC's “Good Morning America.”": a programme, not what was said
            if q_after:
                first = qspans[q_after[0]]
                tail = masked[max(first.close_end, first.end):e]
                tail_words = _WORDS.findall(re.split(r"[,;][ \t]+(?:he|she|they|it|[A-Z]\w+)[ \t]+(?:said|added|says)", tail)[0])
                # 'said, “…” until the caucuses': a comma or colon before the quotation makes it direct speech
                if len(tail_words) < 3 or re.match(r"[ \t]*[:,]", rest) or re.match(r"[ \t]*[,.;:!?]?[ \t]*\u201c", tail) or re.match(r"[ \t]*[,;]?[ \t]*(?:he|she|they|it|[A-Z]\w+)[ \t]+(?:said|added|says)", tail):
                    return self.add_quote_run(p, q_after, _JOINS_IN_CONTENT, sid, verb, si)
        # C. postposed: "<clause>, the minister said." / "<clause>, said Lavrov."
        lead_end = vs if inverted else np_start
        lead = masked[s:lead_end]
        if not inverted:
            # "<clause>, union director Phil Smith said": words of the subject before the name
            gm = _SUBJECT_MODIFIER_GAP.search(lead)
            if gm and not any(w.lower() in _STOP_NP or w.lower() in _ADVERBS or w.lower() in _DETERMINERS and k > 0
                              for k, w in enumerate(gm.group(1).split())):
                lead = lead[:gm.start(1)]
        # "<clause>, the spokesman said Thursday." / "…, she said in a statement.": where and when after the verb
        adv = _SKIP_ADVERBIALS.match(masked, after, e)
        after_cue = masked[adv.end() if adv else after:e]
        if inverted:
            pm = _PLACE_AFTER_NAME.match(after_cue)  # "…, says political scientist Dana Sato in Almaty."
            if pm:
                after_cue = after_cue[pm.end():]
        if re.search(r",[ \t]*$", lead) and _WORDS.search(lead) and not participle:
            end_ok = re.match(r"[ \t]*(?:[.!?;]|$)|[ \t]*,", after_cue)
            bare_verb = bool(end_ok)  # nothing between the verb (and when it spoke) and the sentence's end or comma
            if not end_ok and lv in _ADDRESS_VERBS and not inverted:
                # "<clause>, an official told The New York Times on Monday." / "…, the partner told them, was …"
                am = _POSTPOSED_ADDRESSEE.match(after_cue)
                if am:
                    after_cue = after_cue[am.end():]
                    end_ok = re.match(r"[ \t]*(?:[.!?;]|$)|[ \t]*,", after_cue)
            if not end_ok and not inverted and lv in _STRONG_VERBS:
                # "<clause>, she said in a video message shown at the convention.": where, to the end
                end_ok = _TRAILING_PP.match(masked, after, e)
            if end_ok:
                cstart = s
                cend = s + len(lead.rstrip(" \t,"))
                # "<clause>, he said, <more>." : take the whole sentence; but not after an inverted subject
                # ("…, said Ann Lee, a senior analyst, who …") nor before an appositive or a relative clause
                more = re.match(r"[ \t]*,", after_cue) and (
                    not _POSTPOSED_NOT_MORE.match(after_cue)
                    # "During his years in office, Mr. Obama said, a majority of Americans have come to believe …":
                    # after an opening phrase alone, what follows the comma is the clause, whatever its first word
                    or bare_verb and _phrase_only(lead))
                if inverted:
                    # "Any fair reading of it, said Ann Lee, an expert at X, would …": the clause goes on after
                    # the appositive; "…, said Ann Lee, an expert at X, who …" ends with the appositive
                    im = _INVERTED_MORE.match(after_cue)
                    more = im is not None and len(_WORDS.findall(im.group(1))) >= 4
                if more:
                    rest_end = e
                    if all(w.lower() in _LEAD_FILLERS for w in _WORDS.findall(lead)):
                        # "And yet, Lee's aides say, Syria remains a priority": only what follows the report
                        cstart = len(after_cue) and e - len(after_cue)
                    it = self.add_clause(cstart, rest_end, sid, verb, si, pi)
                    if it:
                        return e
                # (an opening phrase alone is no clause: "In court documents, the counsel asked for …")
                # "Araghchi told his counterpart that Tehran opposed any change, the ministry said.": the source's
                # report holds another's (not its own: "Candidates said they support X, but …, they said.")
                nest = lv in _STRONG_VERBS and sid is not None and _SENTENCE_END_NEXT.match(after_cue) is not None \
                    and self._holds_only_others(cstart, cend, sid)
                it = self.add_clause(cstart, cend, sid, verb, si, pi, nest=nest) if not _phrase_only(lead) else None
                if it is not None:
                    return after
        # D. forward clause
        if inverted:
            return None
        am = _AS_REPORT_TAIL.match(masked, p, e)
        if am and _AS_LEAD.fullmatch(masked, s, np_start):
            # "As Clinton told the Daily News, <clause>." / "But as Lavrov said on Monday, <clause>." / "As Biden
            # said in the Rose Garden last week, <clause>."
            cut = _clause_cut(masked, am.end(), e)
            if self.add_clause(am.end(), _cut_end(cut, e), sid, verb, si, pi) is not None:
                return e
        if re.match(r"[ \t]*[,;)]", masked[p:e]):
            return None  # "the guarantees Russia has demanded, the minister said": no clause after the verb
        cut = _clause_cut(masked, p, e)
        cend = _cut_end(cut, e)
        if _SUBORDINATE_LEAD.match(masked, s, np_start):
            # "After Scalia said that …, Trump said: …": the subordinate clause ends at its comma
            cm = re.search(r",(?=[ \t])|,?\u201d(?=[ \t]+[A-Z])", masked[p:cend])  # a quotation's comma is masked
            if cm:
                cend = p + cm.end() if cm.group().endswith("\u201d") else p + cm.start()
        if np_start < vs and re.match(r"[Ww]ho(?:se)?\b", masked[np_start:vs]) or re.search(
                r"(?:^|,)[ \t]*who(?:se)?[ \t][^,]*$", masked[s:vs]):
            cm = re.search(r",[ \t]", masked[p:cend])
            if cm:
                # "O'Donnell, who said X, recalled Y", "The ministry, whose spokesman said X, declined": the relative
                # clause ends at the comma
                cend = p + cm.start()
        co = _COORD_CUE.search(masked, p, cend)
        if co:
            cend = co.start()
        cc = self._coord_clause(p, cend)
        if cc is not None:
            cend = cc
        am = _TRAILING_APPOSITIVE.search(masked, p, cend)
        if am is not None and len(_WORDS.findall(masked, p, am.start())) >= 3 and (
                _RELATIVE_WORD.search(am.group()) or not _AUXILIARY_WORD.search(am.group())):
            # (not ", a recount could not be done": a clause whose subject starts with "a")
            cend = am.start()  # "…, a move that could split the alliance": the narrator's gloss
        if lv.startswith(_NAMING_VERBS) and not lv.endswith((" for", " on")):
            # "called Palin a “clown” on his radio show when …": the name ends with its quotation
            qm = masked.find("\u201d", p, cend)
            if qm >= 0:
                cend = qm + 1
        cs = self._coord_speaker(p, cend)
        if cs is not None:
            cend = cs
        # (after "expressed concern", "voiced hope", the phrase is what the concern is about: "voiced concern over
        # the actions of the countries that have evacuated staff" holds no "that"-clause)
        # (nor after "that" before a clause: "said that in her view the plan was flawed" is what she said; but
        # "finds that in government work": "that" the object, then only where)
        lead_pp = _LEADING_PP.match(masked, p, cend) if not lv.startswith(("expressed ", "voiced ")) and not (
            lv in _VERBS_SPEECH and _THAT_END.search(masked, max(0, p - 6), p) and len(_WORDS.findall(masked, p, cend)) >= 5) else None
        first_mark = masked.find("\u201c", p, cend) if lead_pp else -1
        if first_mark >= 0:
            # "wrote on X after the meeting that the talks had focused on “…”": where and when, then "that" (not
            # "believes in journalism that “…”")
            tm = _THAT_AFTER_PHRASE.search(masked, lead_pp.end(), first_mark) \
                if " " not in lv and lv not in _WEAK_VERBS else None
            if tm and tm.start() - lead_pp.end() < 120:
                p = tm.end()
            lead_pp = None
        if lead_pp:
            tm = _THAT_AFTER_PHRASE.search(masked, lead_pp.end(), cend)
            cm = re.match(r"[^:,\u201c]{0,60}?:[ \t]+", masked[lead_pp.end():cend])
            if cm:
                p = lead_pp.end() + cm.end()  # "wrote on Twitter: …", "said on Tuesday in Moscow: …"
            elif tm and tm.start() - lead_pp.end() < 120:
                p = tm.end()  # "said during a taping of X, that …"
            elif len(_WORDS.findall(masked, p, cend)) <= 9:
                return None  # "said on MSNBC's “Morning Joe.”": only where, not what
        pm = re.search(r",[ \t]+(?:he|she|they|it|[A-Z][\w\u2019'.-]+(?:[ \t]+[A-Z][\w\u2019'.-]+)*)[ \t]+(?:said|says|added|adds|"
                       r"clarified|explained|insisted|acknowledged|conceded|argued|noted)\b", masked[p:cend]) \
            or _POSTPOSED_SOURCE_END.search(masked, p, cend)
        if pm:
            if pm.re is _POSTPOSED_SOURCE_END and lv not in _STRONG_VERBS:
                # "EU ministers agreed to new sanctions, the bloc's top diplomat said": the diplomat's report
                return None
            cend = pm.start() if pm.re is _POSTPOSED_SOURCE_END else p + pm.start()
            if masked.startswith("\u201d", cend):
                cend += 1  # "… were “clear and constructive,” state media reported" (the quotation's comma masked)
        # "called her “weak”": a name called is short
        sa = _SHORT_ANSWER.match(masked, p, cend)
        if sa is not None and lv in _STRONG_VERBS:
            # "the candidate said no", "55 percent said so in December": the answer alone
            it = self.add_clause(sa.start(1), sa.end(1), sid, verb, si, pi, min_words=1)
            return sa.end(1) if it is not None else None
        # "called her “weak”", "railed against superdelegates": a name called, a target criticised, is short
        # "Lee praised the decision", "condemned the attack": an evaluation of something named is short too
        it = self.add_clause(p, cend, sid, verb, si, pi, min_words=1 if lv.endswith(_TARGET_PREPOSITIONS) or (
                                 lv.startswith(("express", "raise")) and sid is not None) or (
                                 lv in _EVALUATION_VERBS and sid is not None and not _ENDS_UNFINISHED.search(masked, p, cend))
                             else
                             2 if lv.startswith(_NAMING_VERBS) or self._two_word_clause(ve, p, cend, e) else 3)
        if it is not None:
            return cend
        return None

    def _holds_only_others(self, start: int, end: int, speaker) -> bool:
        """Are the reports already found inside ``start:end`` all reported speech (no quotation: "“No,” replied
        Zucker" is no clause of anyone's) of a speaker other than ``speaker``?"""
        return all(it.speaker != speaker and it.kind != "direct"
                   for it in self.items if start <= it.start and it.end <= end)

    def _two_word_clause(self, ve: int, p: int, cend: int, e: int) -> bool:
        """May the clause at ``p:cend`` after the verb ending at ``ve`` have two words? Only a "that"-clause that
        ends its sentence, holds no comma and does not start with an auxiliary ("conceded that gaps remained.")."""
        masked = self.masked
        first = p
        while first < cend and masked[first] in " \t":
            first += 1
        return _THAT_BEFORE.search(masked, ve, p) is not None and not _AUXILIARY_WORD.match(masked, first) \
            and _ENDS_SENTENCE.match(masked, cend, e) is not None and masked.find(",", p, cend) < 0

    def position_subject(self, si, s, vs, ve, verb) -> str | None:
        """The speaker holding the position that ``verb`` (at ``vs:ve``) reports, or None when it reports none:
        "Russia opposed the resolution", "the ministry declined to comment". Only a subject we can name counts
        (a position nobody holds is no record of who said what)."""
        masked = self.masked
        e = self.layout.sentences[si][1]
        if verb.lower() in _INTENT_VERBS:
            om = _INTENT_OBJECT.match(masked, ve, e)
        else:
            om = None if _STANCE_NOT_OBJECT.match(masked, ve, e) else _SPACES.match(masked, ve, e)
        if om is None:
            return None
        subj = self.speaker_np_before(s, vs, si)
        if subj is not None and verb.split(" ", 1)[0].endswith("ing") and _OBJECT_NP_BEFORE.search(masked, max(s, subj[1] - 60), subj[1]):
            return None  # "a check to a super PAC supporting Faso": a noun's modifier, the holder no subject
        if subj is not None:
            sid = subj[0]
            if verb.lower() in _BARE_FORMS and not _AUXILIARY_BEFORE.search(masked[s:vs]) and not (
                    (subj[2] or "").lower() in _PLURAL_SUBJECTS or self.resolver.speaker_type(sid) == "group"
                    or _PLURAL_SHARE.search(subj[2] or "")):
                return None  # "Trump support is strongest in the north": a noun after a name
        elif _AND_BEFORE.search(masked[s:vs]):
            sid = self.sentence_subject(si, vs)  # "Lee met the envoys and backed their plan"
        else:
            return None
        if sid is None or self.resolver.speaker_type(sid) == "document":
            return None  # "the bill aims to cut taxes": a text's purpose, not a position someone holds
        return sid

    def position(self, si, e, pi, ve, verb, sid) -> int | None:
        """Add the content of the position ``verb`` reports for ``sid``: its object ("the resolution") or its
        infinitive clause ("to comment"). Returns where the content ends."""
        masked = self.masked
        lv = verb.lower()
        gap = _SPACES.match(masked, ve, e) or _WRAPPED_GAP.match(masked, ve, e)
        if gap is None:
            return None  # "We call for, and commit to, …": no object right after it
        p = gap.end()
        cend = _cut_end(_clause_cut(masked, p, e), e)
        if _SUBORDINATE_LEAD.match(masked, self.layout.sentences[si][0], ve):
            # "Although the agency declined to comment, it showed …": the subordinate clause ends at its comma
            cm = re.search(r",(?=[ \t])", masked[p:cend])
            if cm:
                cend = p + cm.start()
        if lv.startswith("welcom") and _WELCOMED_PEOPLE.match(masked, p, cend):
            return None  # "welcomed several hundred guests": a host's welcome, not a stance
        nominal_intent = _NOMINAL_INTENTS.fullmatch(lv) is not None
        intent = nominal_intent or lv in _INTENT_VERBS
        if not intent:
            end = _OBJECT_END.search(masked, p, cend)
            if end:
                cend = end.start()
            end = _OBJECT_THEN_VERB.search(masked, p, cend)
            if end and not _EMBEDDING_WORD.search(masked, p, end.start()):
                cend = end.start()  # (not "welcomed the decision to ensure that fuel levels will meet …")
            end = _OBJECT_TRAILER.search(masked, p, cend)
            if end:
                cend = end.start()
        else:
            co = _COORD_CUE.search(masked, p, cend)
            if co:
                cend = co.start()
            cs = self._coord_speaker(p, cend)
            if cs is not None:
                cend = cs
            end = _OBJECT_THEN_VERB.search(masked, p, cend) if nominal_intent else None
            if end and not _EMBEDDING_WORD.search(masked, p, end.start()):
                cend = end.start()  # "His promise to reopen the mill | won him votes"
        if _ENDS_UNFINISHED.search(masked, p, cend):
            return None  # "is supporting the" at a line the layout ends: no object to report
        it = self.add_clause(p, cend, sid, verb, si, pi, kind="position", min_words=2 if intent else 1)
        return cend if it is not None else None

    def object_report(self, si, e, pi, p, verb, sid, parenthesis=False) -> int | None:
        """Add what ``sid`` cited or pointed to: the object noun phrase after ``p``. Returns where it ends."""
        masked = self.masked
        if _FINITE_NEXT.match(masked, p):
            return None  # "the scenario Pelosi was discussing would be novel": the verb sits in a relative clause
        cend = _cut_end(_clause_cut(masked, p, e), e)
        if _WH_CLAUSE.match(masked, p, cend):
            # "described how, growing up, Rafael turned into Felito": a clause, not a noun phrase
            return cend if self.add_clause(p, cend, sid, verb, si, pi) is not None else None
        if parenthesis:
            comma = masked.find(",", p, cend)
            if comma >= 0:
                cend = comma
        end = _OBJECT_REPORT_END.search(masked, p, cend) or _COORD_CUE.search(masked, p, cend)
        if end:
            cend = end.start()
        for cm in _COMMA.finditer(masked, p, cend):
            if _CUE.match(masked, cm.end()):
                cend = cm.start()  # "Ann Lee, citing internal documents, said that …": the subject's own report
                break
        end = _OBJECT_TRAILER.search(masked, p, cend)
        if end:
            cend = end.start()
        it = self.add_clause(p, cend, sid, verb, si, pi, min_words=1 if verb.lower() in _TOPIC_REPORTS else 2)
        return cend if it is not None else None

    def _coord_clause(self, p: int, cend: int) -> int | None:
        """Where ", and Emanuel released the video …" starts the narrator's next clause inside ``masked[p:cend]``:
        a named subject of its own and a finite verb after ", and" / ", but"."""
        masked = self.masked
        for m in _COORD_CLAUSE.finditer(masked, p, cend):
            mention = self.resolver.mention_starting_at(m.end())
            if mention is not None and (mention.in_quote or mention.kind == "pronoun"):
                continue
            np_end = mention.end if mention is not None else _CLAUSE_SUBJECT.match(masked, m.end(), cend)
            if np_end is not None and not isinstance(np_end, int):
                np_end = np_end.end()
            if np_end is not None and _FINITE_AFTER.match(masked, np_end, cend):
                return m.start()
        return None

    def _coord_speaker(self, p: int, cend: int) -> int | None:
        """Where ", and NAME VERBing/said …" starts another speaker's report inside ``masked[p:cend]``."""
        masked = self.masked
        for m in _COORD_SPEAKER.finditer(masked, p, cend):
            mention = self.resolver.mention_starting_at(m.end())
            if mention is None or mention.in_quote or mention.kind == "pronoun" and mention.text.lower() not in ("he", "she"):
                continue
            am = re.match(r"[ \t]+(?:(?:also|then|later|again|had|has|was|is)[ \t]+)?", masked[mention.end:cend])
            if am is None:
                continue
            vm = _CUE.match(masked, mention.end + am.end())
            if vm is not None and vm.group("v").lower() in _POSITION_VERBS:
                continue  # "while she is seeking to deter …": a stance inside the report, not another report
            if vm is not None and vm.end() <= cend and (
                    not _BARE_AND.match(m.group()) or vm.group("v").split(" ", 1)[0].endswith("ing")):
                return m.start()  # without a comma only a participle: "… and Trump calling it …"
        return None

    def according(self, si, s, e, pi, vs, ve, verb):
        masked = self.masked
        cue = verb if verb.startswith("in ") else "according to"  # ("in his words": the source in the cue)
        # the source: a mention, or words up to the next comma / sentence end
        p = ve
        mention = self.resolver.mention_starting_at(p)
        if mention is not None and mention.kind == "pronoun" and _POSSESSIVE_PRONOUN.fullmatch(mention.text):
            from .speakers import is_party_noun

            wm = _POSSESSED_HEAD.match(masked, mention.end, e)
            if wm is not None and is_party_noun(wm.group(1)):
                # "according to his office", "according to her lawyers": the office (named after him) or the
                # people, not the man (but "according to his campaign finance documents", "his account": his)
                mention = None
        if mention is not None and not mention.in_quote:
            np_end = mention.end
            sid = self._sid(mention)
            # swallow an appositive
            am = re.match(r",[ \t]*[^,\u201c]{1,80}?,", masked[np_end:e])
            if am and re.match(r",[ \t]*(?:the|a|an|[A-Z][\w.]*['\u2019]s)?[ \t]*", masked[np_end:e]):
                pass
        elif cue != "according to":
            # "In Lavrov's words," with a name the resolver has not met; "In their opinion," with nobody for "their"
            pm = _POSSESSOR.match(masked, p, e)
            if pm is None or not pm.group(1)[:1].isupper():
                return None
            np_end = pm.end(1)
            sid = self.resolver.resolve(self.body[p:np_end], p, np_end)
        else:
            m = _ACCORDING_SOURCE.match(masked[p:min(e, p + 160)])
            if not m:
                return None
            np_end = p + m.end(1)
            if masked.startswith(")", np_end) and _OPEN_ACRONYM_END.search(masked, p, np_end):
                np_end += 1  # "a report by the Norwegian Institute of International Affairs (NUPI)": its acronym
            surface = self.body[p:np_end]
            sid = self.resolver.resolve(surface, p, np_end)
        left = masked[s:vs]
        if not left.strip() or re.fullmatch(r"[ \t]*(?:[A-Z]\w*[ \t]*,?[ \t]*)?(?:and|but|so)?[ \t]*", left, re.I) \
                or _TIME_OPENER.fullmatch(left):
            # "According to X, <clause>." / "About 10:03 p.m., according to X, <clause>."
            cm = re.match(r"[^,]*?,", masked[np_end:e])
            cstart = np_end + (cm.end() if cm else 0)
            if re.match(r"[ \t]*[,:]?[ \t]*\u201c", masked[cstart:e]):
                qs = [qi for qi in self.quotes_between(cstart, e) if qi not in self.q_item]
                if qs:
                    for qi in qs:
                        self.add_direct(qi, sid, cue, si)
                    return sid
            cut = _clause_cut(masked, cstart, e)
            self.add_clause(cstart, _cut_end(cut, e), sid, cue, si, pi)
            return sid
        # "Since May, according to X, <clause>." / "G4S receives, according to one report, $234 million …":
        # the attribution sits inside the clause; a short opener ("In addition,") is left out, otherwise the
        # whole sentence is the content (as for "<clause>, he said, <more>.")
        tail = _ACCORDING_TAIL.match(masked, np_end, e)
        if tail:
            rest = tail.end()
            cut = _clause_cut(masked, rest, e)
            rend = _cut_end(cut, e)
            lead_words = len(_WORDS.findall(left))
            # (or a title after a name: "… by John F. Hackett, director of the Office of …, concerning …")
            appositive = re.match(r"(?:a|an|who|which|whose|although|though|but|and|while|where|when)\b" if lead_words <= 3
                                  else r"(?:a|an|the|who|which|whose|although|though|but|and|while|where|when)\b",
                                  masked[rest:rend]) or _TITLE_OF.match(masked, rest, rend)
            if len(_WORDS.findall(masked, rest, rend)) >= 3 and "\u201c" not in masked[np_end:rest] and not appositive:
                start = rest if lead_words <= 3 else s
                if self.add_clause(start, rend, sid, cue, si, pi) is not None:
                    return sid
        # "<clause>, according to X."
        cend = s + len(left.rstrip(" \t,"))
        cstart = s
        paren = masked.rfind("(", cstart, cend)
        if paren >= 0 and masked.find(")", paren, cend) < 0:
            cstart = paren + 1  # "(93 percent were white, according to exit polls)"
        self.add_clause(cstart, cend, sid, cue, si, pi, nest=True)
        return sid

    # ---------------------------------------------------------------- quotes without their own cue

    def quoted_as_saying(self, si: int, s: int, e: int, pi: int) -> None:
        """Add "<Y> quoted X as saying <clause>" and "X was quoted (by Y) as saying <clause>": X said it (the wire
        service's own phrase for a report it passes on)."""
        masked = self.masked
        m = _QUOTED_AS_SAYING.search(masked, s, e)
        if m is None or self.layout.in_quote(m.start()):
            return
        if _QUOTED_AS_SAYING_END.match(masked, m.end(), e):
            # postposed: "<clause>, X was quoted by Interfax as saying on Tuesday.", "“…,” X was quoted as saying",
            # "“…,” the readout quoted Xi as saying": the clause or quotation before the comma is what X said
            comma = max(masked.rfind(",", s, m.start()), masked.rfind("\u201d", s, m.start()))
            np = self.speaker_np_before(comma + 1, m.start(), si) if comma > s else None
            if np is not None and not masked[comma + 1:np[1]].strip():
                # the phrase after the comma is the one quoted ("X was quoted"), or the paper quoting the object
                sid = self.resolver.resolve(self.body[slice(*m.span("obj"))], *m.span("obj")) if m.group("obj") else np[0]
                self.add_clause(s, comma + 1 if masked[comma] == "\u201d" else comma, sid, "quoted as saying", si, pi)
            return
        if m.group("obj"):
            ns, ne = m.span("obj")
            mention = self.resolver.mention_starting_at(ns)
            sid = self._sid(mention) if mention is not None and mention.end >= ne - 1 and not mention.in_quote else \
                self.resolver.resolve(self.body[ns:ne], ns, ne)
        else:
            subj = self.speaker_np_before(s, m.start(), si)
            sid = subj[0] if subj else None
        cstart = m.end()
        if re.match(r"[ \t]*[,:]?[ \t]*\u201c", masked[cstart:e]):
            qs = [qi for qi in self.quotes_between(cstart, e) if qi not in self.q_item]
            if qs:
                self.add_quote_run(cstart, qs, _JOINS_IN_CONTENT, sid, "quoted as saying", si)
                return
        self.add_clause(cstart, _cut_end(_clause_cut(masked, cstart, e), e), sid, "quoted as saying", si, pi)

    def possessor_before(self, si: int, s: int, vs: int) -> str | None:
        """The speaker named by the possessor right before the noun at ``vs`` ("Trump's", "her", "Mayor Ruth
        Amsel's own"), or None: no possessor, or one we cannot name here ("their", "its"). "his" or "her" right
        after a verb is its subject's ("Guterres renewed his call for …"), else the pronoun's antecedent."""
        masked = self.masked
        pm = _POSSESSOR_BEFORE.search(masked, max(s, vs - 80), vs)
        if pm is None:
            return None
        ps, pe = pm.span("who") if pm.group("who") else pm.span("name")
        word = masked[ps:pe].lower()
        if word in ("his", "her"):
            vm = _VERB_BEFORE_POSSESSIVE.search(masked, max(s, ps - 40), ps)
            subj = self.speaker_np_before(s, vm.start(), si) if vm is not None else None
            if subj is not None and subj[0] is not None and (subj[2] or "").lower() not in _PERSONAL_PRONOUNS \
                    and self.resolver.speaker_type(subj[0]) not in ("document", "group"):
                return subj[0]
            return self.resolver.resolve("he" if word == "his" else "she", ps, pe)
        if word in ("their", "its"):
            return None  # a plural or a thing we cannot name here
        mention = self.resolver.mention_ending_at(pe)
        return self._sid(mention) if mention is not None and not mention.in_quote else \
            self.resolver.resolve(self.body[ps:pe], ps, pe)

    def prepositional_positions(self):
        """Add the positions whose object follows a preposition: a stance ("voted against the resolution"), an
        attitude after a copula ("has been critical of the deal") and a report noun with its possessor
        ("Amsel's criticism of the plan", "her call for a ceasefire"). Runs after the sentences' own reports
        and the quotations standing alone, so it only adds what no other report holds and never becomes a
        speaker later quotations are given to."""
        masked = self.masked
        for vs in _prepositional_starts(masked, self.prescan_text):
            m = _PREPOSITIONAL.match(masked, vs)
            if m is None or self.layout.in_quote(vs) or any(it.start <= vs < it.end for it in self.items):
                continue
            si = self.layout.sentence_of(vs)
            s, e, pi = self.layout.sentences[si]
            ve = m.end()
            if not s <= vs < e or ve > e:
                continue
            verb = " ".join(m.group().split())
            lv = verb.lower()
            if _TIME_AFTER_PREPOSITION.match(masked, ve, e) and not _NOMINAL_INTENTS.fullmatch(lv):
                continue  # "pushed for months to …", "his remarks on Tuesday": no object
            if not m.group("noun") and _NEGATED_BEFORE.search(masked[s:vs]):
                continue  # "would not advocate for them", "is not critical of", "plans to vote for" (the plan's)
            if m.group("noun"):
                sid = self.possessor_before(si, s, vs)
            elif m.group("attitude"):
                sid = self.attitude_holder(si, s, vs, lv)
            else:
                sid = self.position_subject(si, s, vs, ve, lv)
            if sid is not None:
                self.position(si, e, pi, ve, verb, sid)

    def attitude_holder(self, si, s, vs, lv) -> str | None:
        """The subject holding the attitude at ``vs`` ("Amsel has been critical of …"), or None: the adjective
        reports only after a copula ("a report critical of the pact" is none), "worried about" also as a verb."""
        cm = _COPULA_BEFORE.search(self.masked, max(s, vs - 60), vs)
        if cm is None and lv != "worried about":
            return None
        subj = self.speaker_np_before(s, cm.start() if cm is not None else vs, si)
        if subj is None or self.resolver.speaker_type(subj[0]) == "document":
            return None
        return subj[0]

    def nominal_report(self, si, s, e, pi, vs, ve, verb) -> None:
        """Add "<possessor>'s <report noun> that <clause>" ("Trump's assertion that …", "her remark that …"):
        the possessor said the clause. Without a possessor or a "that" the noun reports nothing."""
        masked = self.masked
        pm = _POSSESSOR_BEFORE.search(masked, max(s, vs - 80), vs)
        tm = _THAT_AFTER_NOUN.match(masked, ve, e)
        if pm is None or tm is None or self.layout.in_quote(vs):
            return
        sid = self.possessor_before(si, s, vs)
        if sid is None:
            return
        cstart = tm.end()
        cend = _cut_end(_clause_cut(masked, cstart, e), e)
        if masked[s:pm.start()].strip() == "":
            # the report opens the sentence, so its clause ends where the sentence's own verb begins: "Amsel's
            # assertion that the harbour is safe angered the pilots"
            vm = _MAIN_VERB_AFTER_CLAUSE.search(masked, cstart, cend)
            if vm is not None:
                cend = vm.start("v")
        self.add_clause(cstart, cend, sid, verb, si, pi)

    def hedged(self):
        """Add the claims the narrator gives no source for but does not make its own: "Kallas is expected to
        attend", "The minister reportedly met the envoy", "Talks appear to have stalled". Each is a report
        without a speaker (the expectation, the report, the appearance are unnamed); the content is the whole
        clause, subject included. Runs last, so a sentence's own reports keep their spans."""
        masked = self.masked
        for si, m in self._hedges():
            s, e, pi = self.layout.sentences[si]
            vs, ve = m.span("v")
            if self.layout.in_quote(vs):
                continue
            if m.group("it"):
                # "It appears that the talks stalled": the that-clause
                if _IT_HEDGE.search(masked[s:vs]) is None:  # (a slice: "^" is the sentence start)
                    continue
                start = ve
            else:
                start = self._hedge_subject(s, vs, si)
                if start is None:
                    continue
            cend = _cut_end(_clause_cut(masked, ve, e), e)
            if cend <= ve:
                continue
            cue = m.group("exp") or m.group("rep") or m.group("pas") or (m.group("seem") or m.group("it")).split()[0]
            self.add_clause(start, cend, None, cue.lower(), si, pi, min_words=4)

    def polled(self):
        """Add what a poll found, told as where it was found: "In a CNN poll, 52 percent backed the plan",
        "Lee has a narrow lead in the latest Gallup survey". The poll is the source (a document), the rest of
        the clause the content; runs after every other rule, like :meth:`hedged`."""
        masked = self.masked
        layout = self.layout
        seen = set()
        for key in ("poll", "survey"):
            i = masked.find(key)
            while i >= 0:
                si, at = layout.sentence_of(i), i
                i = masked.find(key, i + 1)
                s, e, pi = layout.sentences[si]
                if at < s or si in seen:
                    continue  # (before the first sentence: in no sentence)
                seen.add(si)
                m = _POLL_OPENING.match(masked, self._after_opening_conj(s, e), e)
                if m is not None:
                    cstart = m.end()
                    cend = _cut_end(_clause_cut(masked, cstart, e), e)
                else:
                    m = _POLL_CLOSING.search(masked, s, e)
                    if m is None:
                        continue
                    cstart, cend = self._after_opening_conj(s, m.start()), m.start()
                ns, ne = m.span("np")
                sid = self.resolver.resolve(self.body[ns:ne], ns, ne)
                if sid is None or self.resolver.speaker_type(sid) != "document" or self.layout.in_quote(ns):
                    continue
                self.add_clause(cstart, cend, sid, "in", si, pi, min_words=4)

    def _hedges(self) -> list[tuple[int, re.Match]]:
        """(sentence index, match) of :data:`_HEDGE` in each sentence, in order: what its finditer over
        each sentence finds, searched only around its key words (a search of every sentence would cost
        about 8 % of the extraction). Every match holds one of ``_HEDGE_KEYS`` and starts at most 40
        characters before it; its lookaheads read at most 80 characters past the key."""
        masked = self.masked
        keys = _occurrences(masked, _HEDGE_KEYS)
        if not keys:
            return []
        found = {}
        for k in keys:
            si = self.layout.sentence_of(k)
            s, e, _ = self.layout.sentences[si]
            if not s <= k < e:
                continue
            pos = max(s, k - 40)
            end = min(e, k + 80)
            for m in _HEDGE.finditer(masked, pos, end):
                if m.start() <= k < m.end() and m.start() not in found:
                    found[m.start()] = (si, m)
        # overlapping candidates ("seemed" and "seem" at one place) were found once; keep finditer's
        # rule: a match starts after the end of the one before it in its sentence
        out, last = [], (-1, -1)
        for start in sorted(found):
            si, m = found[start]
            if si == last[0] and start < last[1]:
                continue
            out.append((si, m))
            last = (si, m.end())
        return out

    def _hedge_subject(self, s: int, vs: int, si: int) -> int | None:
        """Where the subject of a hedged verb starts: the subject noun phrase, else the clause's start
        (after the last clause boundary before ``vs``); None when the verb has no subject of its own."""
        masked = self.masked
        left = masked[s:vs]
        if not _WORDS.search(left):
            return None  # "Reportedly, …" opening the sentence: the clause after it
        subj = self.speaker_np_before(s, vs, si)
        if subj is not None:
            return subj[1]
        end = vs
        am = _APPOSITIVE_RELATIVE_BEFORE.search(masked, s, vs)
        if am:
            end = am.start()  # "The bank, which has held rates near zero, is expected to act": the bank
        b = None
        for b in _HEDGE_CLAUSE_START.finditer(masked, s, end):
            pass
        start = b.end() if b is not None else s
        if _HEDGE_NOT_SUBJECT.search(masked, start, vs):
            return None  # "which is expected to …", "who reportedly …": a relative clause, the subject elsewhere
        return start

    def standalone(self):
        layout = self.layout
        qspans = layout.qspans
        body = self.body
        # multi-paragraph chains
        chain_of = {}
        chains = []
        for qi, q in enumerate(qspans):
            if qi in chain_of:
                continue
            chain = [qi]
            cur = q
            while not cur.closed and cur.end >= layout.paragraphs[cur.paragraph][1] - 1:
                nxt_pi = cur.paragraph + 1
                if nxt_pi >= len(layout.paragraphs):
                    break
                ns = layout.paragraphs[nxt_pi][0]
                cand = [j for j in self.quotes_between(ns, ns + 2) if qspans[j].open == ns]
                if not cand:
                    break
                chain.append(cand[0])
                cur = qspans[cand[0]]
            if len(chain) > 1:
                for j in chain:
                    chain_of[j] = len(chains)
                chains.append(chain)
        # speaker for each chain from its attributed pieces
        for chain in chains:
            sp = None
            cue = None
            for j in reversed(chain):
                it = self.q_item.get(j)
                if it is not None and it.speaker is not None:
                    sp, cue = it.speaker, it.cue
                    break
            if sp is None:
                # "Lavrov said: “…" in the paragraph before the first piece's sentence
                continue
            for j in chain:
                if j not in self.q_item and qspans[j].words >= 1:
                    self.add_direct(j, sp, cue, layout.sentence_of(qspans[j].open), strength=1)
        # "\"PENCE: Well, …": a transcript quoted in an article, its speaker label inside the marks
        for qi, q in enumerate(qspans):
            if qi in self.q_item:
                continue
            lm = _QUOTED_LABEL.match(body, q.start, q.end)
            if not lm or lm.group(1).split()[0].lower().strip(".'\u2019") in _LABEL_STOP:
                continue
            ns, ne = lm.start(1), lm.end(1)
            label = " ".join(w if len(w) <= 3 and w.endswith(".") else w.capitalize() for w in body[ns:ne].split())
            sid = self.resolver.resolve(label, ns, ne)  # "PENCE" -> "Pence", so it meets "Mike Pence"
            s_, e_ = lm.end(), q.text_bounds(body)[1]
            if sid is None or e_ <= s_:
                continue
            it = _Item(s_, e_, "direct", sid, ":", layout.sentence_of(q.open), q.paragraph, [qi], 2)
            self.items.append(it)
            self.q_item[qi] = it
        # "“…” ― Azucena Gonzàlez": a dash and a name closing the paragraph
        for qi, q in enumerate(qspans):
            if qi in self.q_item or not q.closed:
                continue
            dm = _DASH_SOURCE.match(self.masked, q.close_end, layout.paragraphs[q.paragraph][1])
            if dm is None and q.paragraph + 1 < len(layout.paragraphs) \
                    and not self.masked[layout.paragraphs[q.paragraph][0]:q.open].strip() \
                    and not self.masked[q.close_end:layout.paragraphs[q.paragraph][1]].strip():
                # a quotation that is its whole paragraph, signed by a person's name in the next one: "“…”" /
                # "- Sanders." (not a wire credit: "- Reuters")
                dm = _DASH_SOURCE.match(self.masked, *layout.paragraphs[q.paragraph + 1][:2])
                signed = True
            else:
                signed = False
            if dm:
                ns, ne = dm.start(1), dm.end(1)
                sid = self.resolver.resolve(body[ns:ne], ns, ne)
                if sid is not None and not (signed and self.resolver.speaker_type(sid) != "person"):
                    self.add_direct(qi, sid, "―", layout.sentence_of(q.open))
        # remaining quotes
        for qi, q in enumerate(qspans):
            if qi in self.q_item:
                continue
            if q.words < MIN_DIRECT_WORDS:
                # a short sentence of its own goes on with the speaker just quoted ("“…,” he said. “We will
                # return.”"), never alone
                if q.closed and _SENTENCE_END.search(body, q.start, q.end) and self._whole_sentence(q):
                    si = layout.sentence_of(q.open)
                    sp, cue = self.inherit(qi, si, q.paragraph)
                    if sp is not None:
                        self.add_direct(qi, sp, cue, si, strength=1)
                continue
            # (a title's comma may sit inside its closing mark: "''The Trumps: Three Generations,'' by Gwenda Blair")
            if _looks_like_title(body[q.start:q.end].rstrip(",;:")) \
                    or _TITLE_BEFORE.search(self.masked, max(0, q.open - 30), q.open) \
                    and _looks_like_title(body[q.start:q.end].rstrip(".,;:"), min_words=1):
                continue  # “Crippled America: How to Make America Great Again”, the spot titled “Dangerous”: names
            si = layout.sentence_of(q.open)
            if self._embedded_fragment(q, si):
                continue  # "the actions of “the Anglo-Saxon countries” that …": a phrase of the narrative
            sp, cue = self._colon_subject(q, si), ":"
            if sp is None:
                sp = self._colon_paragraph_subject(q)
            if sp is None:
                sp, cue = self._what_called(q, si)
            if sp is None:
                sp, cue = self.inherit(qi, si, q.paragraph)
            if sp is None and q.single:
                continue
            self.add_direct(qi, sp, cue, si, strength=1)

    def _whole_sentence(self, q) -> bool:
        """Whether the quotation ``q`` is its sentence: nothing but spaces around it in the sentence."""
        s, e = self.layout.sentences[self.layout.sentence_of(q.open)][:2]
        return not self.masked[s:q.open].strip() and not self.masked[max(q.close_end, q.end):e].strip()

    def _embedded_fragment(self, q, si) -> bool:
        """A short quoted phrase inside a narrative sentence, with no speech cue of its own.

        True when narrative words precede it in its sentence (not ending in ``:``, ``,`` or a dash,
        which introduce a quotation), its text does not end like a sentence or a clause, and it has
        fewer than ``MAX_FRAGMENT_WORDS`` words (hyphenated words count once).
        """
        inner = self.body[q.start:q.end].strip()
        if len(inner.split()) >= MAX_FRAGMENT_WORDS or re.search(r"[.!?,;:]$", inner):
            return False
        sent_start = self.layout.sentences[si][0]
        before = self.masked[sent_start:q.open]
        if not _WORDS.search(before) or re.search(r"[:,\u2014\u2013-][ \t]*$", before):
            return False
        return True

    @cached_property
    def prescan_text(self) -> str:
        """The masked text as the pre-scan automata read it (see :func:`_prescan_text`), made once."""
        return _prescan_text(self.masked)

    def _cues(self, start: int, end: int) -> list[re.Match]:
        """The matches of ``_CUE.finditer(self.masked, start, end)``: _CUE tried only where the document's
        pre-scan finds that it may match (see :func:`_cue_automaton`), when there is one."""
        if self._cue_at is None:
            starts = _cue_starts(self.masked, self.prescan_text)
            self._cue_at = starts if starts is not None else False
        at = self._cue_at
        masked = self.masked
        if at is False:  # no pre-scan
            return list(_CUE.finditer(masked, start, end))
        match = _CUE.match
        out = []
        pos = start
        i = bisect.bisect_left(at, start)
        while i < len(at) and at[i] < end:
            p = at[i]
            i += 1
            if p >= pos:
                m = match(masked, p, end)
                if m is not None:
                    out.append(m)
                    pos = m.end()  # (never empty: every verb has letters)
        return out

    def _has_report(self, start: int, end: int) -> bool:
        """Whether ``body[start:end]`` has a reporting verb outside quotation marks ("said", "told", "added")."""
        key = (start, end)
        if key not in self._reports:
            self._reports[key] = any(m.group("v").lower() in _INVERTIBLE or m.group("v").startswith("put")
                                     for m in self._cues(start, end)) \
                or _INITIAL_CUE.match(self.masked, start, end) is not None
        return self._reports[key]

    def _colon_subject(self, q, si):
        """The speaker of a quotation that a colon introduces at the end of a clause whose subject is named:
        "Rubio fired back forcefully: “…”", "…, Lee gave the idea a whirl on CNN: “…”" (a clause with a
        reporting verb has been read before this). None when the clause before the colon has no such subject."""
        masked = self.masked
        s = self.layout.sentences[si][0]
        head = masked[s:q.open]
        if not head.rstrip().endswith(":") or "\u201c" in head or "\u201d" in head:
            return None
        return self._colon_clause_subject(s, s + len(head.rstrip()) - 1)

    def _colon_paragraph_subject(self, q):
        """The speaker of a quotation opening its paragraph after a paragraph that ends with a colon, the
        clause before it naming its subject ("Cruz called them on it:" / "“The questions asked …”"); None
        otherwise."""
        layout = self.layout
        pi = q.paragraph
        if pi is None or pi == 0 or self.masked[layout.paragraphs[pi][0]:q.open].strip():
            return None
        ps, pe = layout.paragraphs[pi - 1][:2]
        text = self.masked[ps:pe].rstrip()
        if not text.endswith(":"):
            return None
        colon = ps + len(text) - 1
        si = layout.sentence_of(colon)
        s = layout.sentences[si][0]
        if "\u201c" in self.masked[s:colon] or "\u201d" in self.masked[s:colon]:
            return None
        return self._colon_clause_subject(s, colon)

    def _colon_clause_subject(self, s: int, colon: int):
        """The named subject of the clause of ``masked[s:colon]`` that ends at the colon (see :meth:`_colon_subject`)."""
        masked = self.masked
        pm = _PRESENTATIONAL.match(masked, self._after_opening_conj(s, colon), colon)
        if pm is not None:
            # "Here is Clinton in December 1992: “…”": the person presented
            mention = self.resolver.mention_starting_at(pm.end())
            return self._sid(mention) if mention is not None and mention.kind == "name" else None
        starts = [self._after_opening_conj(s, colon)] + [m.end() for m in _CLAUSE_COMMA.finditer(masked, s, colon)]
        # "…, with Trump reportedly yelling: “…”": an absolute phrase's subject
        starts = [wm.end() if (wm := _WITH_LEAD.match(masked, st, colon)) else st for st in starts]
        for st in reversed(starts):
            st += len(masked[st:colon]) - len(masked[st:colon].lstrip())
            mention = self.resolver.mention_starting_at(st)
            if mention is None or mention.in_quote or mention.end >= colon:
                continue
            if mention.kind == "pronoun" and mention.text.lower() not in ("he", "she"):
                return None
            if not _PREDICATE_AFTER.match(masked, mention.end, colon):
                return None
            return self._sid(mention)
        # "A paper from the Brookings Institution had this to say: “…”": a described subject
        return self._clause_subject(s, colon)

    def _what_called(self, q, si):
        """(speaker, cue) of a quotation naming what someone called it: "in what Bay Buchanan, the campaign's
        treasurer, called “hand-to-hand combat”" is Buchanan's phrase. (None, None) otherwise."""
        s = self.layout.sentences[si][0]
        wm = _WHAT_CALLED.search(self.masked, max(s, q.open - 200), q.open)
        if wm is None:
            return None, None
        mention = self.resolver.mention_starting_at(wm.start("np"))
        if mention is None or mention.in_quote or mention.kind == "pronoun" and mention.text.lower() not in ("he", "she"):
            return None, None
        return self._sid(mention), wm.group("v")

    def inherit(self, qi, si, pi):
        layout = self.layout
        items = sorted((it for it in self.items if it.paragraph == pi and it.speaker is not None), key=lambda it: it.start)
        q = layout.qspans[qi]
        same_sent = [it for it in items if it.sentence == si]
        if same_sent:
            best = min(same_sent, key=lambda it: abs(it.start - q.open))
            return best.speaker, best.cue
        if self._has_report(*layout.sentences[si][:2]):
            return None, None  # "“…,” Ann Lee, who …, told them.": its own source, one we could not name
        before = [it for it in items if it.start < q.open]
        if before and not any(self._has_report(*layout.sentences[k][:2]) for k in range(before[-1].sentence + 1, si)):
            return before[-1].speaker, before[-1].cue
        after = [it for it in items if it.start > q.open]
        first = self.layout.sentence_of(layout.paragraphs[pi][0])
        if after and not any(self._has_report(*layout.sentences[k][:2]) for k in range(first, after[0].sentence)
                             if k != si):
            return after[0].speaker, after[0].cue
        # previous paragraph: its last attributed item, when it closes that paragraph, unless this paragraph
        # reports someone of its own ("…,” Name said."), whose name we could not tell
        # — and only for a quotation opening its paragraph: "Her response was: “…”" introduces someone new
        if pi > 0 and not self._has_report(*layout.paragraphs[pi]) \
                and not _WORDS.search(self.masked, layout.paragraphs[pi][0], q.open):
            # (a question put by nobody named, "… when asked which candidate she would back.", reports no one)
            prev = sorted((it for it in self.items if it.paragraph == pi - 1
                           and not (it.cue == "asked" and it.speaker is None)), key=lambda it: it.start)
            if prev and prev[-1].speaker is not None:
                last_sent = max(i for i, (s_, e_, p_) in enumerate(layout.sentences) if p_ == pi - 1)
                if prev[-1].sentence >= last_sent - 1:
                    return prev[-1].speaker, prev[-1].cue
        return None, None


_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "from", "by", "is",
                "as", "vs", "de", "la", "le", "del"}


def _phrase_only(lead: str) -> bool:
    """Is ``lead`` (the words before a postposed source) an opening phrase alone ("During his years in office, "),
    not a phrase and its clause ("On Monday the talks failed, ")?"""
    return _PHRASE_ONLY_LEAD.fullmatch(lead) is not None and _LEAD_MAIN_CLAUSE.match(lead) is None


def _looks_like_title(text: str, min_words: int = 2) -> bool:
    """Title Case without sentence punctuation: the name of a book, a film, a song, a law."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    if not words or len(words) > 12 or re.search(r"[.!?,;][\u201d\u2019'\"]*\s*$", text.strip()):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    return sum(1 for w in content if w[0].isupper()) >= max(min_words, len(content) * 0.8)


def _is_place(word: str) -> bool:
    """:func:`speakers.is_place`, imported when first needed (speakers imports this module)."""
    from .speakers import is_place

    return is_place(word)


def find_quotes(body: str, paragraphs: list[tuple[int, int]], resolver) -> list[Quote]:
    """Direct and indirect quotes of ``body`` with speakers from ``resolver`` (see module docstring)."""
    return _Finder(body, paragraphs, resolver).run()


# the one-word reporting verbs the finder knows ("says", "slams", "warned", …)
_ONE_WORD_REPORTING_VERBS = frozenset(v for v in _SINGLE_VERBS if " " not in v)


#: function words a title-case headline capitalises, read in lower case as in a sentence
_FUNCTION_WORDS = frozenset("""a an the and or but nor of to in on at for with against about from by that over as into
than is are was were be been will would can could should may might must not no his her their its it he she they we
i you him them us our your this these those who which what how why when where if after before during amid""".split())
#: capitalised words that are nouns in names as often as verbs ("United States", "Press Remarks")
_KEEP_CAPITALISED = {"states", "remarks", "comments", "reports", "calls", "answers", "questions"}
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


def lowered_verbs(title: str) -> str:
    """``title`` with the reporting verbs and function words of a title-case headline lower-cased
    ("Trump Says He Never Pledged …" → "Trump says he Never pledged …"), as in the sentences the quote
    finder reads; any other title as it is. The length never changes."""
    words = _WORD.findall(title)
    if len(words) < 4 or sum(1 for w in words if w[0].isupper()) < 0.7 * len(words):
        return title
    verbs = _ONE_WORD_REPORTING_VERBS

    def lowered(m: re.Match) -> str:
        word, low = m.group(), m.group().lower()
        if m.start() == 0 or not word[1:].islower() and len(word) > 1:
            return word  # the first word, and acronyms ("US", "NATO")
        if low in _FUNCTION_WORDS or low in verbs and low not in _KEEP_CAPITALISED:
            return low
        return word

    return _WORD.sub(lowered, title)


def may_hold_quotes(layout: Layout) -> bool:
    """False when :func:`find_quotes` on ``layout``'s text surely finds nothing (most headlines).

    The finder adds quotes only from its quotation marks (none: no quoted span) or from a
    sentence with a label's colon, an "asked", or a cue of :data:`_CUE`, :data:`_INITIAL_CUE`,
    :data:`_ACCORDING` or :data:`_HEDGE`; these are the tests :meth:`_Finder.sentence` and
    :meth:`_Finder.hedged` start from, on the same sentence spans. With no quoted span the masked
    text is the text itself.
    """
    if layout.qspans:
        return True
    masked = layout.masked
    for s, e, _ in layout.sentences:
        if (masked.find(":", s, e) >= 0 or masked.find("sked", s, e) >= 0 or _CUE.search(masked, s, e)
                or _INITIAL_CUE.match(masked, s, e) or _may_hold_according(masked, s, e) or _HEDGE.search(masked, s, e)):
            return True
    return False
