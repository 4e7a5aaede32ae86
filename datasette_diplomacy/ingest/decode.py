"""Bytes to text: find a file's encoding, reject binary files, normalise newlines.

The order of the checks matters:

1. a byte-order mark settles the encoding (UTF-8, UTF-16, UTF-32);
2. NUL bytes mean binary, unless the bytes are BOM-less UTF-16 (every other
   byte NUL, and the whole thing decodes);
3. strict UTF-8 is tried next: it almost never decodes legacy text by accident;
4. otherwise the text is in a legacy 8-bit encoding. cp1252 (Windows Western)
   is by far the most common one for English news, and charset-normalizer
   guesses badly on short Western texts (it picks cp1250 or cp1125 for a line
   with curly quotes), so cp1252 is taken when it decodes the bytes into
   mostly-ASCII Latin text; anything else (Cyrillic, Greek, ... code pages) is
   left to charset-normalizer;
5. what still does not decode, or decodes into control characters, is binary.

Failures raise :class:`NotText`, whose message is the one-line reason that
readers put into a :class:`~datasette_diplomacy.model.ReadError`.
"""
from __future__ import annotations

import codecs
import re

BINARY_MESSAGE = "binary file, not text"

_BOMS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Control characters that never occur in text (tab, newline, form feed and
# carriage return are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")
# What a Western text decoded as cp1252 may contain beyond ASCII: Latin-1
# letters and signs, and the punctuation cp1252 puts in 0x80-0x9f.
_CP1252_PLAUSIBLE = re.compile(r"[\u00a0-\u00ff\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")
_SNIFF_BYTES = 64 * 1024


class NotText(ValueError):
    """The bytes are not text in any encoding we recognise; ``str()`` is the reason."""


def decode_bytes(data: bytes) -> str:
    """Decode a whole file's bytes to text with ``\\n`` newlines, or raise :class:`NotText`."""
    encoding = detect_encoding(data, final=True)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:  # pragma: no cover - detect_encoding decoded it already
        raise NotText(f"cannot decode as {encoding}: {error.reason} at byte {error.start}") from None
    if _looks_binary(text):
        raise NotText(BINARY_MESSAGE)
    return normalise_newlines(text)


def detect_encoding(data: bytes, final: bool = True) -> str:
    """Name the codec that decodes ``data``; raise :class:`NotText` for binary data.

    With ``final=False`` the bytes are only the start of a longer stream (the
    head of a JSONL or CSV file), so a multi-byte character cut at the end is
    not held against UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        encoding = _bomless_utf16(head)
        if encoding is None:
            raise NotText(BINARY_MESSAGE)
        return encoding
    if _is_utf8(data, final):
        return "utf-8"
    return _legacy_encoding(data if final else head)


def normalise_newlines(text: str) -> str:
    """Turn CRLF, lone CR and Unicode line/paragraph separators into ``\\n``."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return text
    return _NEWLINES.sub("\n", text)


def _is_utf8(data: bytes, final: bool) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(data, final=final)
    except UnicodeDecodeError:
        return False
    return True


def _bomless_utf16(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NULs sit in every other byte of decodable text."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return None
    pairs = len(sample) // 2
    for encoding, nul_offset in (("utf-16-le", 1), ("utf-16-be", 0)):
        nuls = sample[nul_offset::2].count(0)
        if nuls / pairs >= 0.5 and sample[1 - nul_offset :: 2].count(0) == 0:
            try:
                text = sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return encoding
    return None


def _legacy_encoding(data: bytes) -> str:
    try:
        as_cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = None
    if as_cp1252 is not None and _plausible_western(as_cp1252):
        return "cp1252"
    from charset_normalizer import from_bytes  # imported late: only legacy files need it

    best = from_bytes(data).best()
    if best is None:
        raise NotText(BINARY_MESSAGE)
    text = str(best)
    if _looks_binary(text):
        raise NotText(BINARY_MESSAGE)
    return best.encoding


def _plausible_western(text: str) -> bool:
    """True when ``text`` reads as Latin-script text with few non-ASCII letters.

    A Cyrillic cp1251 file decoded as cp1252 also lands in Latin-1 letters
    ("Ïðèâåò"), but then nearly every letter is non-ASCII; in English, French
    or German text only a few percent are.
    """
    if _looks_binary(text):
        return False
    non_ascii = [ch for ch in text if ch > "\x7f"]
    if any(not _CP1252_PLAUSIBLE.match(ch) for ch in non_ascii):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    non_ascii_letters = sum(1 for ch in non_ascii if ch.isalpha())
    return letters > 0 and non_ascii_letters / letters <= 0.25


def _looks_binary(text: str) -> bool:
    """More than a trace of control characters means the bytes were not text."""
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return False
    controls = _control_count(sample)
    return controls > 0 and (controls / len(sample) > 0.01 or "\x00" in sample)


# every byte but those of _CONTROL's characters, all of them ASCII
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))


def _control_count(text: str) -> int:
    """``len(_CONTROL.findall(text))``, counted on the text's UTF-8 bytes: an ASCII character is one byte
    there, and no other character holds a byte below 0x80, so the bytes left once all others are deleted
    are the control characters. Fewer instructions than the regex engine testing a class at every
    character (some 60 each); the regex for a text UTF-8 cannot encode (a lone surrogate)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return len(_CONTROL.findall(text))
    return len(data.translate(None, _NOT_CONTROL_BYTES))
