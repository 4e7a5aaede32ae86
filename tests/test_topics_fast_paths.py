"""``topics._lowered`` (lower-cased on the UTF-8 bytes when it may be) gives what ``str.lower`` gives."""
import random

from datasette_diplomacy.extract import topics as T


def _lowered_plainly(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def test_lowered_is_str_lower_on_random_texts():
    rng = random.Random(11)
    # ASCII letters, caseless and cased characters beyond ASCII, one lower-cased to two ("İ"), one to an
    # ASCII letter (the Kelvin sign), the sigma (its lower case depends on its neighbours), a lone surrogate
    pieces = ["A", "z", "Q", " ", "\n", "’", "“", "—", "é", "É", "ß", "ẞ", "İ", "\u212a", "Σ", "σ", "Ǆ", "中", "🚨",
              "Ж", "ж", "\u00a0", "\ud800", "1", "_"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert T._lowered(text) == _lowered_plainly(text), repr(text)


def test_lowered_takes_the_byte_path_for_a_text_with_curly_quotes():
    text = "The “White House” said — ’tis BIDEN’s week"
    assert T._ascii_lowered(text) == text.lower()
    assert T._ascii_lowered("Élysée") is None and T._lowered("Élysée") == "élysée"
