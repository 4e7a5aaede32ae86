"""Metadata found in an article's text: date, dateline place, outlet, kind, title.

Precedence (applied by :func:`datasette_diplomacy.ingest.clean.describe`): what
the input states (front matter, record fields, HTML metadata, then the
``sources.yml`` sidecar) always wins over what is found in the text here.
Outlets found in text: a copyright line, then a dateline's wire tag (expanded
only through :data:`OUTLET_ABBREVIATIONS`), then an institution header line.

Dates are found in two steps: regular expressions only *find candidate
strings* near the top of the raw text (date lines, datelines, the title,
captions, the first paragraph), and dateparser parses the few candidates
(cached; ISO 8601 strings take a fast path). dateparser never sees the whole
text: it is slow, and it finds "dates" in ordinary words.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import LinePattern

# ---------------------------------------------------------------------------
# Dates

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|rsday|urday)?\.?,?"
_TIME = (
    r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,4}|(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?)\)?)?"
)
_DATE_FORMS = [
    # 2022-02-10, 2022-02-10T11:40:00, 2024-10-03 11:06:40-04:00
    r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)",
    # 10 Feb, 2022 / 13 February 2022 / 5th of May 2021
    rf"(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}\.?,?\s+\d{{4}})",
    # Feb. 10, 2022 / February 10 2022
    rf"(?P<mdy>{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})",
    # 10.02.2022 (day first, as in Europe and Russia)
    r"(?P<dotted>\d{1,2}\.\d{1,2}\.\d{4})",
]
_DATE = re.compile(
    r"(?<![\w-])(?:" + "|".join(_DATE_FORMS) + r")(?P<time>(?:,?\s+(?:at\s+)?|\s*[|/]\s*)" + _TIME + r")?(?![\w-])"
)
_YEAR = re.compile(r"\d{4}")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
}
_HEAD_LINES = 12  # candidate dates are looked for in this many non-empty lines
_HEAD_CHARS = 4000


@lru_cache(maxsize=8192)
def parse_date(value: str) -> str | None:
    """ISO 8601 for a date string: ``2022-02-10``, or ``2022-02-10T11:40:00`` when it has a time.

    A time-zone offset is dropped (the local time of publication is kept).
    Returns None for what is not a plausible full date (day, month and year).
    """
    value = " ".join(str(value).split())
    if not _YEAR.search(value):  # relative dates ("yesterday") depend on today, not on the article
        return None
    parsed = _parse_iso(value)
    if parsed is None:
        parsed = _parse_with_dateparser(value)
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    if _HAS_TIME.search(value):
        return parsed.replace(tzinfo=None, microsecond=0).isoformat()
    return parsed.date().isoformat()


def _parse_iso(value: str) -> _dt.datetime | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?", value):
        return None
    try:
        return _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _parse_with_dateparser(value: str) -> _dt.datetime | None:
    import dateparser  # imported on first use: it takes a while to load

    settings = dict(_DATEPARSER_SETTINGS)
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}.*", value):
        settings["DATE_ORDER"] = "DMY"
    try:
        return dateparser.parse(value, languages=["en"], settings=settings)
    except (ValueError, OverflowError):  # pragma: no cover - dateparser rejects odd input this way
        return None


@dataclass
class DateCandidate:
    text: str
    position: int
    priority: int  # 0: a date line or dateline; 1: anywhere else near the top


def find_date_candidates(text: str) -> list[DateCandidate]:
    """Date strings in the first lines of ``text``, best placed first.

    A line that is nothing but a date ("10 Feb, 2022 11:40", "Published:
    February 10, 2022") or a dateline ("Moscow, 13 February 2022 (TDI):")
    beats a date mentioned elsewhere (a title, a caption, the first paragraph).
    """
    candidates = []
    offset = 0
    lines_seen = 0
    for line in text[:_HEAD_CHARS].split("\n"):
        if line.strip():
            lines_seen += 1
            for match in _DATE.finditer(line):
                priority = 0 if is_date_line(line) or _in_dateline(line, match.start()) else 1
                candidates.append(DateCandidate(match.group(0), offset + match.start(), priority))
            if lines_seen >= _HEAD_LINES:
                break
        offset += len(line) + 1
    candidates.sort(key=lambda c: (c.priority, c.position))
    return candidates


def find_date(text: str) -> str | None:
    """The publication date stated near the top of ``text``, as ISO 8601, or None."""
    for candidate in find_date_candidates(text):
        parsed = parse_date(candidate.text)
        if parsed:
            return parsed
    return None


_DATE_LINE_FILLER = re.compile(
    r"(?i)\b(?:published|updated|last updated|posted|modified|date|on|at|gmt|utc)\b|" + _WEEKDAY + r"|[\s|:,.()+\-–—/]"
)


def is_date_line(line: str) -> bool:
    """True for a line that says only when: "10 Feb, 2022 11:40", "Updated: Feb. 10, 2022"."""
    line = line.strip()
    if not line or len(line) > 120 or not _YEAR.search(line) or not _DATE.search(line):
        return False
    rest = _DATE.sub(" ", line)
    rest = re.sub(_TIME, " ", rest)
    return not _DATE_LINE_FILLER.sub("", rest)


def _in_dateline(line: str, position: int) -> bool:
    match = _DATELINE.match(line)
    return bool(match) and position < match.end()


# ---------------------------------------------------------------------------
# Datelines

# "MOSCOW (Reuters) -", "WASHINGTON, Feb 10 (Reuters) —", "Moscow, 13 February 2022 (TDI):",
# "KYIV, Ukraine (AP) —", "BRUSSELS —", "MOSCOW, February 10. /TASS/.". The place is the
# first comma-separated part of the head.
_DATELINE = re.compile(
    r"^\s*(?P<head>[A-Z][^\n()–—:/]{0,80}?)\s*"
    r"(?:\((?P<tag>[A-Za-z][A-Za-z .&/-]{1,30})\)\s*(?P<sep>--|[-–—:])"
    r"|\.?\s*/(?P<slash_tag>[A-Za-z][\w .-]{1,20})/\.?"
    r"|(?P<bare_sep>--|[-–—:]))\s+"
)
# "NEW DELHI, Aug 19 (PTI) India and China …": a wire tag with no dash after it (Indian and Asian wires) is a
# dateline only with its place in capitals and a date or a known wire's name (not "EU (European Union) leaders")
_DATELINE_WITHOUT_DASH = re.compile(
    r"^\s*(?P<head>[A-Z][^\n()–—:/]{0,80}?)\s*\((?P<tag>[A-Za-z][A-Za-z .&/-]{1,30})\)[ \t]+(?=[A-Z])"
)
_WIRES = frozenset("REUTERS XINHUA KYODO YONHAP INTERFAX TASS RIA BERNAMA ANTARA EFE ANSA BLOOMBERG".split())
_PLACE = re.compile(r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}")
_NOT_PLACES = frozenset(
    "q question answer by the president mr mrs ms dr update updated breaking exclusive "
    "watch video photos analysis opinion editorial comment read more live".split()
)


@dataclass
class Dateline:
    place: str | None
    tag: str | None  # the wire tag, "Reuters" in "MOSCOW (Reuters) -"


def find_dateline(first_paragraph: str) -> Dateline | None:
    """The dateline that opens an article's first paragraph, or None.

    A dateline needs evidence that it is one: a wire tag in brackets, a date
    after the place, or a place in capitals followed by a dash. So "Lavrov:
    ..." and "THE PRESIDENT: ..." are not datelines.
    """
    match = _dateline_match(first_paragraph)
    if not match:
        return None
    parts = [part.strip() for part in match.group("head").split(",")]
    place, rest = parts[0], parts[1:]
    if not _PLACE.fullmatch(place) or place.lower().rstrip(".") in _NOT_PLACES:
        return None
    groups = match.groupdict()
    tag = groups["tag"] or groups.get("slash_tag")
    if tag and not _plausible_tag(tag):
        return None
    has_date = any(re.search(r"\d", part) for part in rest)
    if match.re is _DATELINE_WITHOUT_DASH and not (
            place.isupper() and (has_date or tag.upper() in OUTLET_ABBREVIATIONS or tag.upper() in _WIRES)):
        return None
    capitals_and_dash = place.isupper() and groups.get("bare_sep") not in (None, ":")
    if not (tag or has_date or capitals_and_dash):
        return None
    if len(first_paragraph[match.end():].split()) < 3:  # "NATIONAL SECURITY MEMORANDUM – 1" is a heading
        return None
    rest = [part.rstrip(".") for part in rest]
    if any(not (_DATE.search(part) or re.fullmatch(rf"{_MONTH}\.? \d{{1,2}}", part)
                or _YEAR.fullmatch(part) or _PLACE.fullmatch(part)) for part in rest):
        return None
    return Dateline(place=_place_name(place), tag=tag.strip() if tag else None)


def _dateline_match(first_paragraph: str) -> re.Match | None:
    """The dateline pattern's match at the start of ``first_paragraph`` (one that :func:`find_dateline` still checks)."""
    return _DATELINE.match(first_paragraph) or _DATELINE_WITHOUT_DASH.match(first_paragraph)


def dateline_length(first_paragraph: str) -> int:
    """How many characters of ``first_paragraph`` its dateline takes ("BRUSSELS, March 3 (Reuters) - "), 0 without one."""
    if find_dateline(first_paragraph) is None:
        return 0
    return _dateline_match(first_paragraph).end()


def dateline_from_title(title: str) -> str | None:
    """The place in a transcript title that ends ", Moscow, February 10, 2022".

    The place must be a comma-separated part of its own: in "Press Briefing by
    Press Secretary Jen Psaki, January 20, 2021" nothing stands between the
    commas, so there is no place.
    """
    match = _DATE.search(title)
    if not match or title[match.end():].strip(" .") or match.group("mdy") is None and match.group("dmy") is None:
        return None
    parts = [part.strip() for part in title[: match.start()].split(",")]
    if len(parts) < 3 or parts[-1]:
        return None
    candidates = parts[1:-1]
    place_parts = []
    for part in reversed(candidates):
        if _PLACE.fullmatch(part) and len(part.split()) <= 3:
            place_parts.insert(0, part)
        else:
            break
    return _place_name(place_parts[0]) if place_parts else None


def _place_name(place: str) -> str:
    """'WASHINGTON' -> 'Washington', 'NEW YORK' -> 'New York'; mixed case is kept."""
    place = place.strip(" .")
    if place.isupper():
        return re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), place)
    return place


def _plausible_tag(tag: str) -> bool:
    tag = tag.strip()
    return len(tag) >= 2 and not re.fullmatch(r"(?i)photo|video|file|updated?|[LRC]", tag)


# ---------------------------------------------------------------------------
# Outlets

#: Outlet abbreviations used in wire-style dateline tags ("(AP)", "(TDI)") and
#: what they stand for. Only these are expanded; other tags are kept as written.
OUTLET_ABBREVIATIONS = {
    "AA": "Anadolu Agency",
    "AFP": "Agence France-Presse",
    "ANI": "Asian News International",
    "AP": "Associated Press",
    "APP": "Associated Press of Pakistan",
    "DPA": "Deutsche Presse-Agentur",
    "IANS": "Indo-Asian News Service",
    "IRNA": "Islamic Republic News Agency",
    "PTI": "Press Trust of India",
    "TDI": "The Diplomatic Insight",
    "UPI": "United Press International",
}

# a line pattern (see LinePattern: a leading ^ would be tried at every position of the text)
_COPYRIGHT = LinePattern(
    r"[ \t]*(?:(?:Copyright|COPYRIGHT|©)[ \t]*(?:©[ \t]*)?(?:(?:19|20)\d{2}(?:[ \t]*[-–][ \t]*(?:19|20)\d{2})?[ \t]*,?[ \t]*)?"
    r"|\([cC]\)[ \t]*(?:19|20)\d{2}(?:[ \t]*[-–][ \t]*(?:19|20)\d{2})?[ \t]*,?[ \t]*)"  # "(c)" needs a year: "(c) the Secretary" is a list item
    r"(?:by[ \t]+)?(?P<name>[A-Z][^\n.,;|©]{1,60}?)[ \t]*(?:[.,;|]|(?i:all rights)|$)"
)
_COPYRIGHT_MARKS = ("Copyright", "COPYRIGHT", "©", "(c)", "(C)")
# Header lines naming the body that issued a transcript or statement. Only
# foreign-affairs and press offices: a speech's venue line ("Department of the
# Interior", "Embassy of Israel") looks the same but names no publisher.
_INSTITUTION_LINE = re.compile(
    r"(?i)(?:the\s+)?(?:white house|kremlin|foreign office|state department|(?:u\.s\.\s+)?department of state"
    r"|(?:[\w'’.-]+\s+){0,3}(?:ministry|ministère|ministerio) (?:of|for|des|de) [\w ,'’&.-]{3,90}"
    r"|(?:[\w'’.-]+\s+){1,3}(?:foreign|external affairs) ministry"
    r"|(?:the\s+)?office of the (?:press secretary|spokesperson|spokesman|spokeswoman)"
    r"|press (?:service|office) of [\w ,'’&.-]{3,90}|permanent mission of [\w ,'’&.-]{3,90})"
)


def find_outlet_in_copyright(text: str) -> str | None:
    """The outlet a copyright line names: "Copyright 2022 Anadolu Agency. All rights ..." -> "Anadolu Agency"."""
    if not any(mark in text for mark in _COPYRIGHT_MARKS):
        return None  # (every line _COPYRIGHT matches holds one: most texts have none, found without the regex)
    names = [m.group("name").strip() for m in _COPYRIGHT.finditer(text)]
    names = [n for n in names if not re.match(r"(?i)all rights|the author|[0-9]", n)]
    return names[-1] if names else None


def expand_outlet(tag: str) -> str:
    """A dateline tag as an outlet name: "AP" -> "Associated Press"; "Reuters" stays."""
    tag = " ".join(tag.split())
    return OUTLET_ABBREVIATIONS.get(tag.upper(), tag)


def is_institution_line(line: str) -> bool:
    """A header line naming the issuing body: "Ministry of Foreign Affairs of the Russian Federation"."""
    line = line.strip()
    if len(line.split()) > 14 or not _INSTITUTION_LINE.fullmatch(line):
        return False
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return all(w[0].isupper() for w in long_words)  # a name, not a sentence about the ministry


def institution_name(line: str) -> str:
    line = " ".join(line.split())
    return _place_name(line) if line.isupper() else line


# ---------------------------------------------------------------------------
# Kind

# Titles that name a transcript outright.
_TRANSCRIPT_TITLE = re.compile(
    r"(?i)\btranscript\b|\banswers? to (?:media |journalists[’']? |reporters[’']? )?questions\b"
    r"|^(?:remarks|press briefing|press gaggle|briefing|on-the-record|background press call"
    r"|joint press (?:conference|availability|statements?)|press conference|news conference"
    r"|interview|q ?& ?a)\b"
)
# Titles that may name a transcript, or a story about one.
_MAYBE_TRANSCRIPT_TITLE = re.compile(r"(?i)\b(?:press|news) conference\b|\bbriefing\b|\binterview\b|\bremarks\b")
# "Q:", "Question:", "Sergey Lavrov:", "Sergey Lavrov (adds after Ms Truss):", "MS. PSAKI:", "Q    "
_TURN_LABEL = re.compile(
    r"^(?:Q(?:uestion)?\b(?:[ \t]*\([^)\n]{1,80}\))?[ \t]*[:.]?[ \t]|"
    r"[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,4}(?:[ \t]*\([^)\n]{1,80}\))?:[ \t])",
    re.MULTILINE,
)


def guess_kind(title: str | None, body: str) -> str:
    """``transcript`` when the title says so (or hints and the body has labelled turns), else ``article``."""
    if title and _TRANSCRIPT_TITLE.search(title):
        return "transcript"
    if title and _MAYBE_TRANSCRIPT_TITLE.search(title) and count_turn_labels(body) >= 3:
        return "transcript"
    return "article"


def count_turn_labels(body: str, limit: int = 3) -> int:
    """How many lines open with a speaker label, counting up to ``limit``."""
    count = 0
    for _ in _TURN_LABEL.finditer(body):
        count += 1
        if count >= limit:
            break
    return count


# ---------------------------------------------------------------------------
# Titles

_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
    r"(?<!\bNo)(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSept)(?<!\bSep)(?<!\bOct)(?<!\bNov)(?<!\bDec)"
    r"[.!?][”\"’')]*(?=\s+[“\"‘'(]*[A-Z0-9]|\s*$)"
)
TITLE_LENGTH = 100


def make_title(body: str) -> str | None:
    """A title for an article that has none: its first sentence, cut at a word boundary.

    A dateline ("Moscow, 13 February 2022 (TDI):") is left out; the sentence is
    cut to at most :data:`TITLE_LENGTH` characters, with an ellipsis when cut.
    """
    paragraph = next((p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()), "")
    if not paragraph:
        return None
    dateline = _dateline_match(paragraph)
    if dateline and find_dateline(paragraph):
        paragraph = paragraph[dateline.end():]
    paragraph = " ".join(paragraph.split())
    end = _SENTENCE_END.search(paragraph)
    sentence = paragraph[: end.end()] if end else paragraph
    return shorten(sentence, TITLE_LENGTH)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last word boundary before ``limit`` characters, with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text.rstrip(".") if text.endswith(".") and not text.endswith("..") else text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"
