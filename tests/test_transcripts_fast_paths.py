"""``_candidate_starts`` (from the colons) gives what ``_CANDIDATE_RE.starts`` (every line read) gives."""
import random

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
