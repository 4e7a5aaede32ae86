"""Bytes to text: encodings are detected, binary files refused, newlines normalised."""
import codecs

import pytest

from datasette_diplomacy.ingest.decode import BINARY_MESSAGE, NotText, decode_bytes, detect_encoding

QUOTE = "\u201cWe don\u2019t want to threaten anyone,\u201d Lavrov said \u2013 and Truss disagreed.\n"


def test_utf8_with_and_without_byte_order_mark():
    assert decode_bytes(QUOTE.encode("utf-8")) == QUOTE
    assert decode_bytes(codecs.BOM_UTF8 + QUOTE.encode("utf-8")) == QUOTE


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32(encoding):
    data = QUOTE.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # no byte-order mark: found from the NUL pattern
        assert detect_encoding(data) == encoding
    assert decode_bytes(data) == QUOTE


def test_cp1252_curly_quotes_are_not_mistaken_for_another_code_page():
    # charset-normalizer alone reads this short line as cp1125 (Cyrillic)
    assert decode_bytes("Lavrov: \u201cyes\u201d\n".encode("cp1252")) == "Lavrov: \u201cyes\u201d\n"
    assert decode_bytes(QUOTE.encode("cp1252")) == QUOTE
    assert decode_bytes("Caf\u00e9 talks in Z\u00fcrich".encode("cp1252")) == "Caf\u00e9 talks in Z\u00fcrich"


def test_cyrillic_code_page_is_left_to_charset_normalizer():
    text = "Министр иностранных дел России Сергей Лавров заявил журналистам, что переговоры были трудными."
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00\x01",
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
)
def test_binary_data_is_refused(data):
    with pytest.raises(NotText, match=BINARY_MESSAGE):
        decode_bytes(data)


def test_newlines_become_line_feeds():
    assert decode_bytes(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"
    assert decode_bytes("one\u2028two".encode("utf-8")) == "one\ntwo"


def test_head_of_a_stream_may_end_inside_a_character():
    data = QUOTE.encode("utf-8")
    cut = data[: data.index("\u2019".encode("utf-8")) + 1]  # ends in the middle of a 3-byte character
    assert detect_encoding(cut, final=False) == "utf-8"


def test_control_count_is_the_control_pattern_s_on_random_texts():
    import random

    from datasette_diplomacy.ingest import decode

    # every ASCII character, characters beyond ASCII whose UTF-8 bytes hold control-like values in other
    # positions (U+0100, U+0380, U+2007: trailing bytes 0x80-0xBF), astral ones and a lone surrogate
    pieces = [chr(c) for c in range(128)] + ["\u0080", "\u0100", "\u0380", "\u2007", "\u2019", "\U0001f600", "\ud800"]
    rng = random.Random(31)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert decode._control_count(text) == len(decode._CONTROL.findall(text)), repr(text)
