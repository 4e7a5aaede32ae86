"""Layout's shortcuts give what trying every paragraph and every line break gives.

Layout looks for quoted spans only in the paragraphs that hold a mark (``_marked_paragraphs``) and asks
``_wrapped_line`` only about the line breaks ``_MAY_BREAK`` finds; the references below are the plain
loops those replace, run on random texts made of the characters the shortcuts turn on.
"""
import bisect
import random

from datasette_diplomacy.extract import quotes as Q
from datasette_diplomacy.text import paragraph_spans


def _reference(body, paragraphs):
    """(qspans, sentences) the way Layout found them before the shortcuts."""
    qspans = []
    mark_starts = [m.start() for m in Q._DOUBLE_MARK.finditer(body)]
    has_single = "\u2018" in body
    for pi, (ps, pe) in enumerate(paragraphs):
        k = bisect.bisect_left(mark_starts, ps - 1)
        doubles = Q._double_quotes(body, ps, pe, pi) if k < len(mark_starts) and mark_starts[k] < pe else []
        singles = []
        if has_single and body.find("\u2018", ps, pe) >= 0:
            for m in Q._SINGLE.finditer(body, ps, pe):
                if any(d.open <= m.start() < max(d.close_end, d.end) for d in doubles):
                    continue
                singles.append((m.start(), m.end()))
        last = -1
        spans = [(d.open, d.end, d.close_end, False) for d in doubles] + [(s, e - 1, e, True) for s, e in singles]
        for q in sorted(spans, key=lambda q: (q[0], q[3])):
            if q[0] < last:
                continue
            qspans.append(q[:3])
            last = max(q[2], q[1])
    masked = Q.Layout(body, paragraphs).masked  # (the masking is not a shortcut: the same code)
    sentences = []
    for pi, (ps, pe) in enumerate(paragraphs):
        ls = ps
        for lm in Q._NEWLINE.finditer(masked, ps, pe):
            le = lm.start()
            if Q._wrapped_line(masked, ls, le, lm.end(), pe):
                continue
            sentences += [(s, e, pi) for s, e in Q.split_sentences(masked, ls, le)]
            ls = lm.end()
        sentences += [(s, e, pi) for s, e in Q.split_sentences(masked, ls, pe)]
    return qspans, sentences


_PIECES = ["word", "Word", "said", "U.S.", "a", "1", "$5", "(x)", "_y", "-", ",", ".", "?", "!", ":", ";",
           "\u201c", "\u201d", '"', "\u2018", "\u2019", "'", " ", " ", " ", "  ", "\t", "\n", "\n", "\n", "\n\n",
           "\u00e9t\u00e9", "\u00c9", "\u00a0", "\u2014", "\u20ac3", "x" * 70]


def _text(rng):
    return "".join(rng.choice(_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(0, 60)))


def _layout(body, paragraphs):
    layout = Q.Layout(body, paragraphs)
    return [(q.open, q.end, q.close_end) for q in layout.qspans], layout.sentences


def test_layout_matches_the_plain_loops_on_random_texts():
    rng = random.Random(15)
    for _ in range(3000):
        body = _text(rng)
        paragraphs = paragraph_spans(body)
        assert _layout(body, paragraphs) == _reference(body, paragraphs), body


def test_layout_matches_the_plain_loops_for_other_spans():
    # spans in order that start with a line break or a space, touch or are empty (Layout asks no more:
    # its masking needs the spans in order and apart)
    rng = random.Random(16)
    for _ in range(3000):
        body = _text(rng)
        cuts = sorted(rng.randint(0, len(body)) for _ in range(2 * rng.randint(0, 4)))
        if rng.random() < 0.5:
            cuts = sorted(cuts + cuts[1:2])  # an end that is the next span's start
        paragraphs = list(zip(cuts[::2], cuts[1::2]))
        assert _layout(body, paragraphs) == _reference(body, paragraphs), (body, paragraphs)


def test_layout_matches_the_plain_loops_at_the_edges():
    cases = [
        # a span that starts with a line break after a letter, the next line in lower case
        ("word\nrunning on and on.", 4, None),
        ("He said,\n\u201cyes.\u201d and went on", 8, None),
        # a mark that ends one span and stands right before the next (spans touching)
        ("He said \u201c\u201cyes\u201d, she said.", 9, 9),
        ("\u201cA\u201d\u201cB said it.\u201d", 3, 3),
        ("x \u2018a\u2019 y \u2018b c\u2019.", 7, 7),
    ]
    cases = [(body, [(0, a), (b, len(body))] if b is not None else [(a, len(body))]) for body, a, b in cases]
    for body, paragraphs in cases:
        assert _layout(body, paragraphs) == _reference(body, paragraphs), (body, paragraphs)


def _split_sentences_reference(text, start, end):
    """split_sentences as it was written before: the word before a period found character by character,
    the next word by _NEXT_WORD within 40 characters."""
    while start < end and text[start].isspace():
        start += 1
    m = Q._BOUNDARY.search(text, start, end)
    if m is None:
        while end > start and text[end - 1].isspace():
            end -= 1
        return [(start, end)] if end > start else []
    result = []
    pos = start
    for m in Q._BOUNDARY.finditer(text, m.start(), end):
        dot = m.start()
        ws = dot
        while ws > start and not text[ws - 1].isspace():
            ws -= 1
        word = text[ws:dot].lower().strip("(\"\u201c\u2018'")
        nxt_start = m.end()
        while nxt_start < end and text[nxt_start].isspace():
            nxt_start += 1
        nm = Q._NEXT_WORD.match(text, nxt_start, min(end, nxt_start + 40))
        nxt_word = nm.group(1) if nm else ""
        if text[dot] == ".":
            if word in Q._NO_SPLIT_ABBR or (len(word) == 1 and word.isalpha()):
                continue
            if (word in Q._MAYBE_ABBR or Q._DOTTED_INITIALS.fullmatch(word)) and nxt_word.lower() not in Q._SENT_STARTERS:
                continue
        if nxt_word[:1].islower():
            continue
        if text[dot] in "!?" and Q._CLOSING_MARK.search(m.group()) and Q._ATTRIBUTION_AFTER.match(text, nxt_start, end):
            continue
        result.append((pos, m.end()))
        pos = nxt_start
    while end > pos and text[end - 1].isspace():
        end -= 1
    if pos < end:
        result.append((pos, end))
    return result


_SENTENCE_PIECES = ["Mr.", "mr.", "U.S.", "u.s.", "A.E.", "a.", "B.", "etc.", "Inc.", "Corp.", "(Dr.", "\u201cSen.", "e.g.",
                    "The", "the", "he", "She", "said", "officials", "It", "x" * 38, "y" * 45, "\u00e9t\u00e9", "\u00c9t\u00e9",
                    ".", "?", "!", "?\u201d", "!\"", ".\u201d", "...", "\u201c", "\u2018", "'", "\"", "(", "[", ")", "_",
                    " ", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "1", "5.5", "Biden said", "he asked"]


def test_split_sentences_matches_the_reference_on_random_texts():
    rng = random.Random(17)
    for _ in range(20000):
        text = "".join(rng.choice(_SENTENCE_PIECES) + rng.choice(["", " ", "  ", "\n"]) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert Q.split_sentences(text, start, end) == _split_sentences_reference(text, start, end), (text, start, end)


def test_split_sentences_matches_the_reference_about_the_40_character_limit():
    for k in range(36, 44):
        for opener in ["(", "\u201c", "'"]:
            for word in ["he", "He", "the", "x" * 50]:
                for before in ["It rained.", "U.S.", "Who?\u201d"]:
                    text = before + "  " + opener * k + word + " said it."
                    assert Q.split_sentences(text, 0, len(text)) == _split_sentences_reference(text, 0, len(text))
                    assert Q.split_sentences(text, 0, len(text) - 3) == _split_sentences_reference(text, 0, len(text) - 3)


def test_double_mark_starts_are_the_mark_pattern_s_on_random_texts():
    # runs of ` and ' (pairs taken from the left), every one-character mark, and what stands between them
    pieces = ["`", "'", "``", "''", "'''", "\u201c", "\u201d", "\u201e", "\u201f", "\u00ab", "\u00bb", '"', "\u2019",
              "\u2018", "a", "It's", " ", "\n"]
    rng = random.Random(18)
    for _ in range(30000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        assert Q._double_mark_starts(body) == [m.start() for m in Q._DOUBLE_MARK.finditer(body)], body


def test_split_sentences_with_the_stops_finds_what_the_boundary_search_finds():
    # the boundaries tried only at the text's . ! and ? (Layout's stops) against the plain search of each span
    rng = random.Random(19)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(_SENTENCE_PIECES) + rng.choice(["", " ", "  ", "\n"]) for _ in range(rng.randint(0, 30)))
        stops = Q._occurrences(text, ".!?")
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        sentences = Q.split_sentences(text, start, end, stops)
        assert sentences == Q.split_sentences(text, start, end) == _split_sentences_reference(text, start, end), (
            text, start, end)
        found += len(sentences)
    assert found > 20000
