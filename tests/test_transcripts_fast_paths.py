"""``_candidate_starts`` (from the colons) gives what ``_CANDIDATE_RE.starts`` (every line read) gives."""
import random
import re

from datasette_diplomacy.extract import transcripts as T


def test_candidate_starts_match_the_line_pattern_on_random_texts():
    rng = random.Random(5)
    # lead characters, Q, colons, line breaks and runs about the 130-character limit
    pieces = ["Q", "q", ":", "\n", " ", "\t", "*", "_", ">", "\u00a0", "\u3000", "a", "MR. X", "x" * 60, "x" * 129,
              "x" * 130, "END", "\n\n", "::", "\r"]
    for _ in range(50000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert T._candidate_starts(body) == T._CANDIDATE_RE.starts(body), body


def test_candidate_starts_match_the_line_pattern_on_a_transcript():
    body = ("THE PRESIDENT:  Thank you.\n\nQ    Mr. President, a question:\nabout it.\n   *MS. PSAKI:*  Yes.\n"
            + "  " * 70 + "x: far in\n" + "y" * 131 + ": too far\n:at once\nQ: and\nnothing")
    assert T._candidate_starts(body) == T._CANDIDATE_RE.starts(body)
    assert T._candidate_starts(body)  # (not a vacuous comparison)


def _name_first_spans(role: str, text: str, fast: bool):
    """The name-first introductions of ``role`` in ``text`` (the name's span, the end): found from the role's
    tails (fast), or by the name and the tail compiled as one pattern (plain)."""
    role_after = T._intro_patterns(role)[2]
    if fast:
        return [((start, end), stop) for start, end, stop in T._name_first_matches(role_after, text)]
    return [(m.span("name"), m.end()) for m in re.compile(T._INTRO_NAME + role_after.pattern).finditer(text)]


def test_name_first_matches_are_finditer_on_random_texts():
    rng = random.Random(13)
    # names, particles, initials, commas, roles in both cases, "the"/"our", odd spaces and word characters
    pieces = ["Stéphane", "Dujarric", "Jen", "Psaki", "de", "van", "J.", "A", "x", "Xy", "O'Neil", "Jean-Pierre",
              ",", ", ", ",\n", " ", "  ", "\n", "\u00a0", "\u2009", "the ", "our ", "The ", "Spokesman", "spokesman",
              "SPOKESMAN", "Deputy Spokesman", "Spokesman-elect", "Press Secretary", "Press\nSecretary", "Secretary",
              "Spokesman for the Secretary-General", ".", "-", "_", "9", "ß", "Ünal", "Jen Psaki", "Ned Price, ",
              "Tom van der Berg", "Karine Jean-Pierre", ", Spokesman", ", the Press Secretary", ", our secretary"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for role in ("Spokesman", "Press Secretary", "SECRETARY"):
            assert _name_first_spans(role, text, True) == _name_first_spans(role, text, False), (role, text)


def _role_first_spans(role: str, text: str, fast: bool):
    """The role-first introductions of ``role`` in ``text``: found by the role's words and then the tail compiled
    once for all roles (fast), or by the two compiled as one pattern (plain)."""
    role_words, tail, _ = T._intro_patterns(role)
    if fast:
        found = T._role_first_matches(role_words, tail, text)
    else:
        found = re.compile(role_words.pattern + tail.pattern, role_words.flags).finditer(text)
    return [(m.end(), m.span("name")) for m in found]  # (the tail's match starts after the role's words)


def test_role_first_pattern_is_case_insensitive_for_a_role_in_capitals_only():
    assert T._intro_patterns("PRESS SECRETARY")[1].flags & re.I
    assert not T._intro_patterns("Press Secretary")[1].flags & re.I


def test_role_first_matches_are_those_of_one_pattern_on_random_texts():
    rng = random.Random(19)
    # the roles in both cases and after the words that make them another office, "of" places, commas, names
    # with initials and particles, odd whitespace; a role's words run into the tail's at random
    pieces = ["President", "president", "PRESIDENT", "Vice President", "Vice\nPresident", "Deputy", "Assistant",
              "Press Secretary", "Press\n Secretary", "press secretary", "Secretary", "SECRETARY", "Spokesman",
              "-President", "xPresident", " of ", " of the ", "of", "United", "States", "Ukraine", "U.S.", ",", ", ",
              " ", "  ", "\n", "\u00a0", "Joe", "Biden", "Jen", "Psaki", "J.", "de", "van", "Jean-Pierre", "O'Neil",
              "Stéphane", "Dujarric", "x", "Xy", "A", ".", "9", "_", "the ", "our "]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        for role in ("President", "Press Secretary", "SECRETARY", "Spokesman"):
            spans = _role_first_spans(role, text, True)
            assert spans == _role_first_spans(role, text, False), (role, text)
            found += len(spans)
    assert found > 1000  # (the texts hold introductions: not a comparison of empty lists)


def test_introductions_are_found_as_by_the_plain_patterns_in_a_briefing():
    text = ("Good afternoon. Today Stéphane Dujarric, Spokesman for the Secretary-General, and Jen Psaki, our Press "
            "Secretary, with Ned Price, the Press Secretary's deputy, and Tom van der Berg, Press Secretary, briefed. "
            "Thank you, Mr. President. Karine Jean-Pierre, Jen Psaki, Press Secretary, answered. A B C D E, Press "
            "Secretary. Sullivan, Secretary of Commerce Gina Raimondo, Press Secretary. The President of the United "
            "States, Joe Biden, and Vice President Kamala Harris met the Deputy Press Secretary Andrew Bates. "
            "PRESIDENT ZELENSKYY:  Thank you. President of Ukraine Volodymyr Zelenskyy, President Emmanuel Macron "
            "and president Xi Jinping spoke.")
    for spans in (_name_first_spans, _role_first_spans):
        for role in ("Press Secretary", "Spokesman", "Secretary", "President", "PRESIDENT"):
            assert spans(role, text, True) == spans(role, text, False), (spans.__name__, role)
    # (not vacuous comparisons)
    assert _name_first_spans("Press Secretary", text, True)
    assert len(_role_first_spans("President", text, True)) == 2


def test_every_whitespace_character_but_the_space_is_unprintable():
    # what _non_space_count relies on, for every character of this Python's Unicode database
    assert [c for c in range(0x110000) if chr(c).isspace() and c != 32 and chr(c).isprintable()] == []


def test_non_space_count_is_the_length_of_the_words():
    rng = random.Random(7)
    pieces = ["word", "É", "’", "“", " ", "  ", "\n", "\n\n", "\t", "\r", "\u00a0", "\u2009", "\u3000", "\u2028",
              "\x1f", "\x85", "\x00", "\u200b", "🚨", "中", "-", "."]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert T._non_space_count(text) == sum(map(len, text.split())), repr(text)


def _trim_region_plainly(body, start, end):
    """_trim_region as it was: the first and the last line copied and tested every time."""
    while True:
        start = T._skip_ws(body, start, end)
        while end > start and (body[end - 1] in T._WS or body[end - 1] == "\n"):
            end -= 1
        if end <= start:
            return start, start
        ls = body.rfind("\n", start, end)
        last = body[ls + 1:end].strip(T._WS)
        if ls >= 0 and (T._TIME_LINE_RE.match(last) or not last.strip("*_")):
            end = ls
            continue
        le = body.find("\n", start, end)
        first = body[start:end if le < 0 else le].strip(T._WS)
        whole_line = not body[body.rfind("\n", 0, start) + 1:start].strip(T._WS + "*_>")
        if (whole_line and T._TIME_LINE_RE.match(first)) or not first.strip("*_"):
            if le < 0:
                return start, start
            start = le + 1
            continue
        direction = T._STAGE_DIRECTION_RE.match(body, start, end)
        if direction and direction.end() < end:
            start = direction.end()
            continue
        return start, end


def test_trim_region_is_the_plain_one_on_random_texts():
    rng = random.Random(17)
    # time stamps (ASCII and Arabic-Indic digits), emphasis markers, spaces of all kinds, stage directions
    pieces = ["11:08 A.M. EDT", "9:30", "١١:٠٨", "**", "*", "_", "__", "\n", "\n\n", " ", "\t", "\u00a0", "\u3000",
              "Thank you.", "Q", "MS. PSAKI:", "(Laughter.)", "(Via interpreter)", "1", "a", ">", "*Yes*", "x" * 50]
    for _ in range(30000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for start, end in ((0, len(body)), (rng.randint(0, len(body)), len(body)), (0, rng.randint(0, len(body)))):
            assert T._trim_region(body, start, end) == _trim_region_plainly(body, start, end), (body, start, end)
