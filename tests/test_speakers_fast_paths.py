"""The speaker resolver's fast paths find what the plain code finds."""
import random
import re

from datasette_diplomacy.extract import speakers as S

# _CAPITALISED_WORD_REST as it was written before its runs were made possessive
_PLAIN_WORD_REST = rf"(?:{S._L}*['\u2019]{S._U}{S._L}+|{S._L}+(?:{S._U}{S._L}+){{0,2}}(?:-{S._U}?{S._L}+)*)"

# capitalised words with apostrophes, hyphens, inner capitals and accents; particles, titles, initials and
# suffixes; separators the name sequence joins over and those it stops at
_NAME_PIECES = ["O'Neill", "O’Neill", "D'", "d'Estaing", "Jean-Pierre", "Jean-", "-Pierre", "-p", "McCarthy",
                "MacDonaldJr", "Abc", "AbcDefGhiJkl", "A", "Ab", "ab", "x", "É", "Émile", "ñ", "Ωmega", "Жук",
                "de", "van", "al-Assad", "bin-Salman", "ibn", "el", "St.", "Mr.", "Mrs", "Dr.", "Jr.", "III", "II",
                "U.S.", "E.U.", "NATO", "UN", "J.", "K.L.", "'", "’", "-", ".", ",", ", ", " ", "  ", "\t", "\u00a0",
                "\n", "9", "_", "said"]


def _plain(pattern: re.Pattern) -> re.Pattern:
    assert S._CAPITALISED_WORD_REST in pattern.pattern
    return re.compile(pattern.pattern.replace(S._CAPITALISED_WORD_REST, _PLAIN_WORD_REST), pattern.flags)


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_possessive_name_patterns_find_what_plain_runs_find_on_random_texts():
    rng = random.Random(17)
    patterns = [(fast, _plain(fast)) for fast in (S._NAME_SEQ, S._NAME_SEQ_CAPITAL, S._FOLLOWS_NAME)]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(_NAME_PIECES) for _ in range(rng.randint(0, 16)))
        for fast, plain in patterns:
            spans = _spans(fast, text)
            assert spans == _spans(plain, text), (fast.pattern[:40], text)
            found += len(spans)
    assert found > 10000  # (the texts hold names: not a comparison of empty lists)


def test_possessive_name_patterns_find_what_plain_runs_find_in_prose():
    text = ("Secretary of State Antony Blinken met Mr. O'Neill, Jean-Pierre McCarthy Jr. and Sheikh Mohammed "
            "bin Zayed al-Nahyan in Washington, D.C.; U.S. President Joe Biden and Émile d'Estaing, III, said "
            "AbcDefGhiJkl Xyz-Abc-def, the spokesman, Ned Price.")
    for fast in (S._NAME_SEQ, S._NAME_SEQ_CAPITAL, S._FOLLOWS_NAME):
        assert _spans(fast, text) == _spans(_plain(fast), text)
    assert len(_spans(S._NAME_SEQ, text)) > 5


def test_lower_case_words_are_those_of_the_word_pattern_on_random_texts():
    rng = random.Random(23)
    # lower-case words and single letters; apostrophes, hyphens and what may come before a word (capitals,
    # digits, underscores, accented letters); single and double spaces and other whitespace between words
    pieces = ["said", "the", "a", "i", "x", "don't", "don’t", "well-known", "-", "--", "'", "’", "'tis", "ab'",
              "Ab", "A", "9", "_", "é", "ébc", "Ωx", " ", " ", " ", "  ", "\n", "\t", "\u00a0", ".", ",", "(", "“"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert S._lower_case_words(text) == set(S._LOWER_WORD.findall(text)), text


def test_lower_case_words_of_prose_and_of_no_text():
    text = "Asked about it, the well-known spokesman said:  “We don’t know.”\nThen a reporter -- an AP one -- left"
    assert S._lower_case_words(text) == set(S._LOWER_WORD.findall(text))
    assert {"about", "well-known", "don’t", "know", "reporter", "left"} <= S._lower_case_words(text)
    assert S._lower_case_words("") == S._lower_case_words("A B. C") == set()


def test_non_ascii_characters_are_the_text_less_its_ascii_runs_on_random_texts():
    rng = random.Random(29)
    # ASCII (its last character too), curly quotes, accented and astral characters, combining marks and lone
    # surrogates (UTF-8 cannot encode them: the regex then)
    pieces = ["a", "Z", " ", "\x7f", "\x00", "’", "“", "—", "é", "É", "İ", "\u212a", "\u0301", "😀", "中", "\udc80",
              "\ud83d", "\x80", "ÿ", "Ā"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert S._non_ascii_characters(text) == set(S._ASCII_RUN.sub("", text)), repr(text)
