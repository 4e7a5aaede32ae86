"""Speaker turns of transcripts: ``MS. PSAKI: ...``, ``Q ...``, ``Sergey Lavrov: ...``.

:func:`find_turns` splits a transcript body into turns, each the text after one
speaker label up to the next label (or an ``END`` line). The grammar of labels
follows ``shared/transcripts/score_turns.py``:

* ALL-CAPS labels: 1-8 words before a colon at a line start (after spaces, NBSPs
  and markdown ``*``/``_``/``>``), every word ALL CAPS (any script, with
  ``. ' ’ - &`` inside); a trailing number (``SENIOR ADMINISTRATION OFFICIAL 2``,
  ``#2``) is allowed; the first word may be a mixed-case honorific before an
  ALL-CAPS name (``Mr. KIRBY``); a trailing parenthesis of up to 40 characters
  is dropped for the checks (``MAYOR COGNETTI (SCRANTON, PA):``); role words
  (``Moderator:``, ``Operator:``) may be Title-case at a paragraph start.
  The colon must not be followed by a digit or ``/`` (``10:40 A.M.``).
  Statement headers (``END``, ``TO``, ``FROM``, ``DATE``, ``SUBJECT``, ``NOTE``,
  ``FACT SHEET``, ... ``SENT TO THE SENATE``) are not speakers. One-word labels
  (other than role words) count only at a paragraph start, since hard-wrapped
  text can start a line with an acronym (``NATO: another war``).
* Question markers: ``Q`` followed by a colon, an en/em dash and a space,
  whitespace or the end of the line (``Q`` and a single plain space only at a
  paragraph start); ALL-CAPS ``QUESTION``/``REPORTER``/``JOURNALIST`` labels.
* Mixed-case labels (MFA/Kremlin style): a capitalised name or role of 1-4 words
  with an optional parenthesis (``Sergey Lavrov (adds after Ms Truss):``,
  ``Question (addressed to Elizabeth Truss):``) at a paragraph start, followed
  by a colon and text. They are accepted only in documents whose labels are of
  this style: at least two such labels, with a question label among them or a
  speaker label used twice, and more of them than ALL-CAPS labels. So a news
  subheading (``Ukraine Crisis: what we know``) or ``Dr. Fauci:`` inside a
  White House reporter's question is never a label, and ``Lavrov said:`` is not
  a name at all (a label has no lower-case verb).

An ``END`` line closes the current turn; time-stamp lines are skipped; text
before the first label belongs to no turn, except the opening statement of a
transcript whose title names its speaker ("Foreign Minister Sergey Lavrov's
statement and answers to media questions ...", "Remarks by President Biden
...", "Press Briefing by Press Secretary Jen Psaki"): that text becomes a turn
with ``label=None`` and ``opening_speaker`` set. The title is the ``title``
argument or, when that is missing, a title-like paragraph before the first
label.

Everything here is a pure function of its arguments.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from ..text import LinePattern

__all__ = [
    "LabelPerson",
    "Turn",
    "find_turns",
    "introduced_people",
    "is_role_name",
    "looks_like_transcript",
    "parse_label",
    "role_key",
    "same_role",
    "title_people",
    "title_speaker",
]


@dataclass
class LabelPerson:
    """Who a label (or a transcript title) names.

    ``name`` is the personal name without honorific or role ("Psaki",
    "Sergey Lavrov"), None when the label has none ("THE PRESIDENT");
    ``role`` is the title or role in Title case ("President",
    "Senior Administration Official 2"); ``anonymous`` is true for labels that
    stand for an unnamed person of a kind (officials, aides, moderators).
    """

    name: str | None
    role: str | None
    anonymous: bool


@dataclass
class Turn:
    """One speaker turn; ``body[start:end] == text`` (the label is not in the text)."""

    start: int
    end: int
    text: str
    kind: str  # "transcript" or "question"
    label: str | None  # as written, whitespace collapsed; None for the unlabelled opening
    opening_speaker: LabelPerson | None = None


# ------------------------------------------------------------------------------------------
# Characters and small patterns

_WS = " \t\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_LEAD = _WS + "*_>"

_LABEL_LINE_RE = re.compile(r"(?P<label>[^:\n]{1,90}?)[\s*_]*:(?P<post>[*_]{0,3})")
_Q_RE = re.compile(r"Q[*_]{0,3}(?P<sep>:|[–—](?=\s)|(?=\s)|$)")
_HONORIFIC_RE = re.compile(r"^(?:m(?:r|s|rs)|dr)\.?$", re.I)
_CAPS_WORD_RE = re.compile(r"[^\W\d_][\w.'’\-&]*")
_NUM_WORD_RE = re.compile(r"#?\d{1,3}")
_TIME_LINE_RE = re.compile(r"^\d{1,2}:\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?\.?$")
_END_LINE_RE = re.compile(r"^END(?:\s|$)")
_TIME_PREFIX_RE = re.compile(r"\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,5})?[ \t\u00a0]+(?=[A-Z])")
_TRAILING_PAREN_RE = re.compile(r"\s*\([^()]{1,40}\)$")
_BR_RE = re.compile(r"<br\s*/?>$", re.I)
_SPACED_RE = re.compile(r"\s{2,}|\u00a0")
_MARKERS_RE = re.compile(r"[*_]{0,3}")

_ROLE_LABELS = {
    "MODERATOR", "OPERATOR", "AUDIENCE", "AUDIENCE MEMBER", "AUDIENCE MEMBERS", "PARTICIPANT",
    "PARTICIPANTS", "AIDE", "INTERPRETER", "ANNOUNCER", "CHILD", "STUDENT",
}
_QUESTION_LABELS = {"QUESTION", "REPORTER", "REPORTERS", "JOURNALIST"}
_NON_SPEAKER_RE = re.compile(
    r"^(?:END|TO|FROM|DATE|SUBJECT|RE|CC|BCC|NOTE|NOTES|FACT|FACT SHEET|UPDATE|UPDATED|ATTACHMENT|"
    r"EMBARGOED|FOR IMMEDIATE RELEASE|CONTACT|MEDIA CONTACT|LOCATION|AGENDA|SUMMARY|APPENDIX|"
    r"BACKGROUND|WHAT|WHEN|WHERE|WHY)\b|SENT TO THE SENATE|OF THE UNITED STATES"
)

# Mixed-case labels: "Sergey Lavrov (adds after Ms Truss): ...", "Question: ..."
_MIXED_LABEL_RE = re.compile(
    r"(?P<label>(?P<words>[^\W\d_][\w.'’\-]*(?:[ \u00a0][\w.'’\-]+){0,4}?)"
    # "Stéphane Dujarric, Spokesman for the Secretary-General:": a name, then the speaker's office
    r"(?:,[ \u00a0]+(?P<office>[A-Z][^\n:,()]{1,80}?))?"
    r"(?:[ \u00a0]*\((?P<paren>[^()\n]{1,80})\))?)[ \u00a0]*:(?P<post>[*_]{0,3})(?=[\s*_])"
)
# the small words an office may hold in lower case ("Minister of Foreign Affairs", "Spokesman for the …")
_OFFICE_SMALL_WORDS = {"of", "for", "the", "to", "and", "on", "at", "in", "de", "du", "des", "la", "le"}
_PARTICLES = {"de", "da", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le",
              "van", "von", "al", "el", "bin", "ibn", "y", "ter", "ten"}
_MIXED_QUESTION_WORDS = {"question", "questions", "q", "reporter", "reporters", "journalist",
                         "journalists", "interviewer", "correspondent", "audience question"}
_MIXED_ROLE_WORDS = {"moderator", "operator", "interpreter", "presenter", "host", "anchor",
                     "announcer", "participant", "audience", "chair", "chairman", "chairperson"}
# News organisations whose reporters ask the questions at a ministry briefing ("AFP: ...",
# "Reuters: ...", "China Daily: ..."): question labels, never a speaker who answers.
_OUTLET_LABELS = {
    "reuters", "ap", "afp", "tass", "ria", "ria novosti", "interfax", "bbc", "cnn", "xinhua", "bloomberg",
    "bloomberg news", "cctv", "cgtn", "nhk", "kyodo", "kyodo news", "yonhap", "efe", "ansa", "dpa", "anadolu",
    "anadolu agency", "al jazeera", "phoenix tv", "china daily", "global times", "the paper", "china news service",
    "cnr", "sputnik", "nbc", "abc", "cbs", "fox news", "npr", "pbs", "associated press", "agence france-presse",
    "the associated press", "the new york times", "the washington post", "the wall street journal",
    "financial times", "the guardian", "le monde", "der spiegel", "asahi shimbun", "nikkei", "tbs", "fuji tv",
    "dragon tv", "hubei media group", "shenzhen tv", "beijing youth daily", "south china morning post",
    "deutsche welle", "dw", "france 24", "rfi", "euronews", "politico", "politico europe", "sky news", "itv",
    "the times", "the telegraph", "radio free europe", "rfe/rl", "voice of america", "voa", "ukrinform", "unian",
    "ard", "zdf", "rai", "el país", "el pais", "kommersant", "izvestia", "rossiya segodnya", "ria novosti",
}
# First words that make a capitalised "X:" a heading or a kicker rather than a speaker.
_MIXED_STOP_WORDS = {
    "note", "notes", "update", "updated", "related", "source", "sources", "photo", "photos",
    "video", "watch", "read", "see", "also", "breaking", "exclusive", "analysis", "opinion",
    "editor", "editors", "editor's", "live", "latest", "more", "key", "background", "summary",
    "date", "from", "to", "subject", "re", "cc", "tags", "tag", "topics", "topic", "keywords",
    "location", "contact", "agenda", "end", "warning", "correction", "disclaimer", "fact",
    "facts", "timeline", "quote", "quotes", "statement", "full", "transcript", "title", "part",
    "chapter", "section", "step", "day", "week", "image", "images", "credit", "caption",
    "reuters", "ap", "afp", "tass", "ria", "interfax", "bbc", "cnn", "the", "this", "that",
    "these", "those", "what", "when", "where", "why", "how", "who", "here", "there", "it",
    "in", "on", "at", "for", "by", "with", "and", "but", "or", "as", "if", "a", "an",
    "question", "answer", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "before", "after", "now", "then",
    "today", "yesterday", "tomorrow", "tonight", "first", "second", "third", "fourth", "finally",
    "also", "however", "meanwhile", "example", "result", "results", "conclusion", "problem",
    "solution", "goal", "goals", "lesson", "lessons", "point", "reason", "bottom", "headline",
    "caption", "pictured", "above", "below", "left", "right", "top", "bottom", "yes", "no",
    "message", "comment", "comments", "reply", "response", "status", "outcome", "purpose",
    "objective", "objectives", "topic", "issue", "issues", "agenda", "venue", "place", "time",
}

_STAGE_ONLY_RE = re.compile(r"^[*_]*[(\[][^()\[\]]*[)\]][*_]*$")


# ------------------------------------------------------------------------------------------
# Labels -> persons

# Words that make up titles and roles, never personal names (lower-case, dots kept).
_ROLE_WORDS = {
    "the", "acting", "senior", "deputy", "assistant", "principal", "associate", "executive",
    "press", "secretary", "secretaries", "president", "vice", "prime", "minister", "ministers",
    "foreign", "general", "surgeon", "attorney", "administrator", "director", "governor",
    "lieutenant", "lt", "lt.", "mayor", "senator", "sen.", "representative", "rep.",
    "congressman", "congresswoman", "chair", "chairman", "chairwoman", "chairperson",
    "commissioner", "ambassador", "admiral", "rear", "colonel", "col.", "captain", "capt.",
    "sergeant", "chief", "staff", "of", "for", "and", "on", "first", "lady", "second",
    "gentleman", "special", "envoy", "coordinator", "spokesperson", "spokesman",
    "spokeswoman", "national", "security", "advisor", "adviser", "king", "queen", "prince",
    "princess", "crown", "sheikh", "amir", "emir", "taoiseach", "chancellor", "administration",
    "white_house", "public", "engagement", "legislative", "digital", "strategy", "operations",
    "gender", "equity", "affairs", "intelligence", "counterterrorism", "cybersecurity", "personnel",
    "region", "regional", "senior", "advisory", "committee", "commission", "agency", "bureau", "official", "officials", "moderator", "operator", "aide",
    "interpreter", "speaker", "leader", "majority", "minority", "homeland", "defense",
    "defence", "state", "treasury", "commerce", "labor", "labour", "energy", "education",
    "agriculture", "transportation", "interior", "health", "human", "services", "veterans",
    "affairs", "housing", "urban", "development", "council", "economic", "domestic", "policy",
    "climate", "counselor", "counsellor", "communications", "federal", "high", "under",
    "undersecretary", "trade", "u.s.", "us", "u.k.", "uk", "un", "u.n.", "eu", "nato", "nsc",
    "cabinet", "international", "strategic", "infrastructure", "implementation", "cyber",
    "emerging", "technology", "science", "management", "budget", "office", "department",
    "ministry", "member", "members", "team", "response", "covid-19", "covid", "medical",
    "fema", "epa", "cdc", "omb", "usaid", "nih", "fda", "sba", "dhs", "hhs", "dod", "doj",
    "representative", "spokesperson", "russian", "ukrainian", "british", "american",
    "german", "french", "chinese", "turkish", "israeli", "indian", "japanese", "polish",
    "director-general", "secretary-general", "lieutenant-general", "incoming", "outgoing",
    "former", "then", "designate", "presidential", "advisers", "advisors",
    "apnsa", "nec", "dpc", "ostp", "nominee", "delegate", "envoy", "commander", "marshal",
    "lord", "baroness", "baron", "his", "her", "excellency", "majesty", "highness", "mr",
    "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "miss", "madam", "sir", "dame",
}
# Generic nouns: a label ending in one of these stands for an unnamed person of a kind.
_GENERIC_WORDS = {
    "official", "officials", "aide", "aides", "staffer", "staff", "member", "members",
    "participant", "participants", "audience", "moderator", "operator", "interpreter",
    "announcer", "narrator", "reporter", "reporters", "journalist", "journalists",
    "question", "questions", "child", "children", "student", "students", "attendee",
    "attendees", "panelist", "panellist", "voice", "voices", "person", "people", "host",
    "presenter", "correspondent", "interviewer", "speaker", "representative", "spokesperson",
    "spokesman", "spokeswoman", "source", "sources", "crew", "officer", "diplomat", "q",
    "team", "officials",
}
_ACRONYMS = {
    "US", "U.S.", "UK", "U.K.", "UN", "U.N.", "EU", "NATO", "EPA", "FEMA", "CDC", "NIH", "FDA",
    "DHS", "HHS", "HUD", "USDA", "NSC", "OMB", "USAID", "NASA", "SBA", "VA", "DOD", "DOJ", "FBI",
    "CIA", "IRS", "OSTP", "CEQ", "NEC", "DPC", "FCC", "FTC", "SEC", "ATF", "COVID-19", "COVID",
    "OSCE", "IAEA", "WHO", "G7", "G20", "USTR", "DNI", "NSA", "CISA", "OPEC", "ASEAN", "FAA",
    "USS", "DOE", "DOT", "TSA", "USDA", "NOAA", "ATF", "DEA", "ICE", "CBP", "HUD", "GSA",
}
_SMALL_WORDS = {"of", "the", "and", "for", "on", "to", "in", "at"}
_NUMBER_TAIL_RE = re.compile(
    r"^(?:#?\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"first|second|third|fourth|fifth|no\.?\s*\d{1,3}|number\s+\w+)$",
    re.I,
)


def _cap_part(part: str) -> str:
    if not part:
        return part
    if part.upper().startswith("MC") and len(part) > 3 and part.isupper():
        return "Mc" + part[2:].capitalize()
    return part[:1].upper() + part[1:].lower()


_ROMAN_RE = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")


def _case_word(word: str, *, name: bool, first: bool) -> str:
    """Title-case one word of an ALL-CAPS label; mixed-case words stay as written."""
    if not word.isupper() and any(ch.isalpha() for ch in word):
        return word
    if word in _ACRONYMS or any(ch.isdigit() for ch in word) and word.upper() == word:
        return word
    if name and not first and _ROMAN_RE.match(word):
        return word  # KING ABDULLAH II
    low = word.lower()
    if not first and (low in _SMALL_WORDS or (name and low in _PARTICLES)):
        return low
    if name and first and low in _PARTICLES:
        return low
    return "".join(_cap_part(p) for p in re.split(r"([-'’])", word))


def _split_role_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(role words, name words): the name is the trailing run of words that are not role words."""
    i = len(words)
    while i > 0:
        w = words[i - 1]
        low = w.lower().strip(",")
        if low in _ROLE_WORDS and not (low in _PARTICLES and i < len(words)):
            break
        i -= 1
    # particles at the start of the name stay with the name ("von der Leyen"), role words
    # inside a name run are impossible by construction
    return words[:i], words[i:]


def _format_words(words: list[str], *, name: bool) -> str:
    out = []
    for k, w in enumerate(words):
        out.append(_case_word(w, name=name, first=k == 0))
    text = " ".join(out)
    return text


def _person_from_words(words: list[str], *, honorific: bool = False) -> LabelPerson:
    words = [w for w in words if w]
    if not words:
        return LabelPerson(None, None, True)
    number = None
    if len(words) >= 2 and _NUMBER_TAIL_RE.match(words[-1]):
        number = words[-1]
        words = words[:-1]
    elif len(words) >= 3 and _NUMBER_TAIL_RE.match(" ".join(words[-2:])):
        number = " ".join(words[-2:])
        words = words[:-2]
    if honorific:
        name = _format_words(words, name=True)
        return LabelPerson(name or None, None, False)
    last = words[-1].lower().strip(",")
    if last in _GENERIC_WORDS or number is not None:
        role_words = words[1:] if words[0].lower() == "the" and len(words) > 1 else words
        role = _format_words(role_words, name=False)
        if number is not None:
            role = f"{role} {number.upper() if number.startswith('#') else _case_word(number, name=False, first=False)}"
        return LabelPerson(None, role, True)
    role_words, name_words = _split_role_name(words)
    while role_words and role_words[0].lower() in ("the", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "miss"):
        role_words = role_words[1:]
    role = _format_words(role_words, name=False) or None
    name = _format_words(name_words, name=True) or None
    return LabelPerson(name, role, False)


def parse_label(label: str) -> LabelPerson:
    """The person a speaker label names.

    ``"MS. PSAKI"`` -> name "Psaki"; ``"Sergey Lavrov (adds after Ms Truss)"`` ->
    "Sergey Lavrov"; ``"THE PRESIDENT"`` -> no name, role "President";
    ``"SENIOR ADMINISTRATION OFFICIAL 2"`` -> anonymous, role "Senior
    Administration Official 2"; ``"PRESIDENT ERDOĞAN"`` -> name "Erdoğan", role
    "President"; question labels (``Q``, ``Question (...)``) -> anonymous, role
    "Question". (Cached; a new object each call.)
    """
    return LabelPerson(*_parse_label(label or ""))


@lru_cache(maxsize=4096)
def _parse_label(label: str) -> tuple[str | None, str | None, bool]:
    text = " ".join((label or "").replace("\u00a0", " ").replace(":", " ").split())
    pm = re.search(r"\s*\(([^()]*)\)\s*$", text)
    text = text[:pm.start()].strip(" *_:") if pm else text.strip(" *_:")
    if pm and _is_office(pm.group(1)):
        # "Oana Lungescu (NATO Spokesperson)": the office in parentheses, after a full name
        person = _person_from_words(text.split())
        if person.name and " " in person.name and not person.role and not person.anonymous:
            return (person.name, pm.group(1).strip(), False)
    if not text:
        return (None, None, True)
    if _is_question_label(text):
        return (None, "Question", True)
    if text.upper() in ("A", "ANSWER"):  # "Q: ... A: ..." interviews
        return (None, "Answer", False)
    name_part, comma, office = text.partition(", ")
    if comma and office[:1].isupper() and len(name_part.split()) >= 2:
        # "Stéphane Dujarric, Spokesman for the Secretary-General": a name, then the office
        person = _person_from_words(name_part.split())
        if person.name and not person.role and not person.anonymous:
            return (person.name, office.strip(" ,."), False)
    words = text.split()
    honorific = False
    if len(words) >= 2 and _HONORIFIC_RE.match(words[0]) or (
        len(words) >= 2 and words[0].lower().rstrip(".") in ("miss", "mx", "madam", "sir", "dame", "prof")
    ):
        words = words[1:]
        honorific = True
    person = _person_from_words(words, honorific=honorific)
    return (person.name, person.role, person.anonymous)


def _is_office(text: str) -> bool:
    """True for an office written in title case that ends with a role word: "NATO Spokesperson", "Minister of
    Foreign Affairs" (not a stage note: "adds after Ms Truss", "retranslated from Turkish")."""
    words = text.split()
    return bool(words) and words[-1].lower() in _ROLE_WORDS and all(
        w[:1].isupper() or w in _OFFICE_SMALL_WORDS for w in words)


# ------------------------------------------------------------------------------------------
# Titles -> the speaker of the opening statement

_TITLE_BY_RE = re.compile(
    r"^(?:transcript(?:\s+of)?[:\s]+)?(?:(?:full|official|joint|opening|closing|keynote|video|"
    r"televised|introductory|welcoming|prepared|brief|noon|midday|daily|weekly|regular)\s+)*"
    r"(?:remarks|statement|statements|press\s+briefing|briefing|press\s+conference|"
    r"news\s+conference|press\s+gaggle|gaggle|press\s+call|background\s+press\s+call|"
    r"on-the-record\s+press\s+(?:call|gaggle)|speech|address|message|testimony|lecture|"
    r"interview|op-ed|article|comments|answers\s+to\s+(?:media\s+)?questions)"
    r"(?:\s+as\s+prepared\s+for\s+delivery)?\s+(?:given\s+)?(?:by|of|from)\s+(?P<who>.+)$",
    re.I,
)
_TITLE_POSSESSIVE_RE = re.compile(
    r"^(?P<who>[^,:;()\"“”]{3,120}?)['’]s?\s+"
    r"(?:(?:opening|closing|introductory|welcoming|keynote|video|televised|joint|written|"
    r"annual|brief|final|full|prepared|live|new\s+year|new\s+year['’]s)\s+)*"
    r"(?:statement|statements|remarks|speech|address|answers|interview|comments|article|"
    r"message|greetings|news\s+conference|press\s+conference|briefing|op-ed|lecture|"
    r"opening\s+remarks|replies|responses)\b",
    re.I,
)
_WHO_PREFIX_RE = re.compile(r"^(?:(?:excerpts?|transcript|text|full\s+text|video|read(?:out)?)\s+(?:from|of)\s+)", re.I)
# Connectors that always end the speaker part of a title ("... Biden on the Economy").
_WHO_HARD_CUT_RE = re.compile(
    r",|;|:|\s[-–—]\s|\s\((?!jr|sr)|\s(?:at|on|in|before|after|during|following|with|about|upon|"
    r"regarding|ahead|while|en|aboard|via|from|into|as|over|amid|against|under|between|"
    r"previewing|announcing|assessing|marking|highlighting|celebrating|commemorating|honoring|"
    r"honouring|recognizing|recognising|discussing|launching|unveiling|outlining|addressing|"
    r"welcoming|introducing|touting|urging|calling|delivering|reflecting|concerning|"
    r"following)\s",
    re.I,
)
# Connectors that may sit inside a role ("Assistant to the President for Homeland Security",
# "Secretary of Health and Human Services"): they end the speaker part only after a name.
_WHO_SOFT_CUT_RE = re.compile(
    r"\s(?:and|&|for|to(?!\s+the\s+(?:vice\s+)?president\b|\s+the\s+first\s+lady\b))\s", re.I
)
_NAME_WORD_RE = re.compile(r"^[^\W\d_][\w'’\-]*\.?$")
_INITIAL_RE = re.compile(r"^[A-Z]\.$")
_ARTICLE_WORDS = {"a", "an", "the"}


def _is_name_word(word: str, prev: str | None) -> bool:
    if "_" in word:
        return False  # "White_House"
    if not _NAME_WORD_RE.match(word) or not word[:1].isupper():
        return False
    low = word.lower()
    if low in _ROLE_WORDS or low.rstrip(".") in _ROLE_WORDS or low in _ARTICLE_WORDS or low in _GENERIC_WORDS:
        return False
    if len(word) >= 2 and word.isupper() and not _INITIAL_RE.match(word):
        return False  # an acronym in a mixed-case title: NEC, NSC, APNSA
    return True


def _name_runs(words: list[str]) -> list[tuple[int, int]]:
    """Maximal runs of name words (initials and particles inside a run allowed)."""
    runs = []
    i = 0
    n = len(words)
    while i < n:
        prev = words[i - 1].lower() if i else None
        if _is_name_word(words[i], prev) and prev not in _ARTICLE_WORDS:
            j = i + 1
            while j < n and (
                _is_name_word(words[j], words[j - 1])
                or _INITIAL_RE.match(words[j])
                or (words[j].lower() in _PARTICLES and j + 1 < n and _is_name_word(words[j + 1], words[j]))
            ):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _title_person(who: str) -> LabelPerson | None:
    who = _WHO_PREFIX_RE.sub("", who.strip())
    padded = " " + who + " "
    cut = _WHO_HARD_CUT_RE.search(padded)
    if cut:
        padded = padded[: cut.start()] + " "
    padded = re.sub(r"\bWhite\s+House\b", "White_House", padded, flags=re.I)  # one role word
    words = padded.split()
    if not words or len(words) > 14:
        return None
    runs = _name_runs(words)
    soft = list(_WHO_SOFT_CUT_RE.finditer(padded))
    if soft:
        if not runs:
            padded = padded[: soft[0].start()] + " "
        else:
            for m in soft:
                prefix = padded[: m.start()].split()
                if _name_runs(prefix):
                    padded = padded[: m.start()] + " "
                    break
        words = padded.split()
        runs = _name_runs(words)
    words = [w.rstrip(",") for w in words]
    if not words:
        return None
    if runs:
        long_runs = [r for r in runs if r[1] - r[0] >= 2]
        a, b = long_runs[0] if long_runs else runs[-1]
        name_words = [w for w in words[a:b] if w.lower().rstrip(".") not in ("jr", "sr")]
        role_words = words[:a]
        while role_words and (role_words[0].lower() in _ARTICLE_WORDS or _HONORIFIC_RE.match(role_words[0])):
            role_words = role_words[1:]
        while role_words and _HONORIFIC_RE.match(role_words[-1]):
            role_words = role_words[:-1]
        if not role_words:
            role_words = [w for w in words[b:] if w.lower() not in ("jr.", "sr.", "jr", "sr")]
            while role_words and role_words[0].lower() in ("and", "&", "for", "to", "of"):
                role_words = role_words[1:]
        cased = who.isupper()
        name = _format_words(name_words, name=True) if cased else " ".join(name_words)
        role = (_format_words(role_words, name=False) if cased else " ".join(role_words)) or None
        return LabelPerson(name or None, role.replace("_", " ") if role else None, False)
    role_words = words
    while role_words and role_words[0].lower() in _ARTICLE_WORDS:
        role_words = role_words[1:]
    if not role_words or not all(
        w.lower() in _ROLE_WORDS or w.lower() in _GENERIC_WORDS or w.isupper() for w in role_words
    ):
        return None
    role = " ".join(role_words).replace("_", " ")
    anonymous = role_words[-1].lower() in _GENERIC_WORDS
    return LabelPerson(None, role, anonymous)


def title_speaker(title: str | None) -> LabelPerson | None:
    """The person a transcript title names as its speaker, or None.

    "Foreign Minister Sergey Lavrov's statement and answers to media questions at ..."
    -> Sergey Lavrov (Foreign Minister); "Remarks by President Biden on ..." -> Biden
    (President); "Press Briefing by Press Secretary Jen Psaki" -> Jen Psaki;
    "Remarks by the Second Gentleman at ..." -> no name, role "Second Gentleman".
    """
    if not title:
        return None
    text = " ".join(title.replace("\u00a0", " ").split()).strip(" *_#")
    if not text or len(text) > 400:
        return None
    if text.isupper():  # "REMARKS BY VICE PRESIDENT HARRIS TO ..." reads like a Title-case title
        text = text.title()
    m = _TITLE_BY_RE.match(text) or _TITLE_POSSESSIVE_RE.match(text)
    if not m:
        return None
    return _title_person(m.group("who"))


# ------------------------------------------------------------------------------------------
# Who holds a role in one document

# The speaker part of a title ends at the first of these (commas and "and" only separate people).
_PEOPLE_CUT_RE = re.compile(
    r";|:|\s[-–—]\s|\s\((?!jr|sr)|\s(?:at|on|in|before|after|during|following|with|by|about|upon|"
    r"regarding|ahead|while|en|aboard|via|from|into|as|over|amid|against|under|between|"
    r"previewing|announcing|assessing|marking|highlighting|celebrating|commemorating|honoring|"
    r"honouring|recognizing|recognising|discussing|launching|unveiling|outlining|addressing|"
    r"welcoming|introducing|touting|urging|calling|delivering|reflecting|concerning)\s",
    re.I,
)
# "Remarks by President Biden Providing an Update ...": a capitalised gerund before an
# article or preposition is the title's verb, not part of a name.
_PEOPLE_VERB_RE = re.compile(r"\s[A-Z][a-z]{2,}ing\s+(?:a|an|the|to|for|on|new|his|her|their|our|its)\s")
_PEOPLE_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", re.I)
_PEOPLE_SPLIT_CAPTURE_RE = re.compile(f"({_PEOPLE_SPLIT_RE.pattern})", _PEOPLE_SPLIT_RE.flags)  # separators kept
# "Prime Minister Kishida of Japan": the country after a name is not part of it.
_OF_PLACE_RE = re.compile(r"^(?P<head>.*?[^\W\d_]{2,})\s+of\s+(?:the\s+)?[A-Z][\w.'’\- ]*$")


def title_people(title: str | None) -> list[LabelPerson]:
    """Every named person a transcript title names, with their roles, in title order.

    "Remarks by President Biden and President Macron of France in Joint Press
    Conference" -> Biden (President), Macron (President); "Press Briefing by
    Press Secretary Jen Psaki and National Security Advisor Jake Sullivan" ->
    Jen Psaki (Press Secretary), Jake Sullivan (National Security Advisor).
    Role-only parts ("the Vice President") name nobody and are left out.
    """
    if not title:
        return []
    text = " ".join(title.replace("\u00a0", " ").split()).strip(" *_#")
    if not text or len(text) > 400:
        return []
    if text.isupper():
        text = text.title()
    m = _TITLE_BY_RE.match(text) or _TITLE_POSSESSIVE_RE.match(text)
    if not m:
        return []
    who = _WHO_PREFIX_RE.sub("", m.group("who").strip())
    for cut_re in (_PEOPLE_CUT_RE, _PEOPLE_VERB_RE):
        cut = cut_re.search(" " + who + " ")
        if cut:
            who = (" " + who + " ")[: cut.start()].strip()
    people: list[LabelPerson] = []
    parts = _PEOPLE_SPLIT_CAPTURE_RE.split(who)
    for k in range(0, len(parts), 2):
        part = parts[k].strip()
        if not part or any(ch.isdigit() for ch in part):
            continue  # "February 18, 2021"
        of_place = _OF_PLACE_RE.match(part)
        if of_place and _name_runs(of_place.group("head").split()):
            part = of_place.group("head")
        person = _title_person(part)
        if person is not None and not person.name and person.role and people and people[-1].role is None \
                and parts[k - 1].strip() == ",":
            # "Noon Briefing by Stéphane Dujarric, Spokesman for the Secretary-General": the role of the name before
            people[-1] = LabelPerson(people[-1].name, person.role, people[-1].anonymous)
            continue
        if person is None or not person.name:
            continue
        people.append(person)
    return people


def role_key(role: str | None) -> str:
    """A role folded for comparison: 'The President ' -> 'president'; 'Former President'
    and 'Acting Secretary' name the office of 'President' and 'Secretary'."""
    text = " ".join(re.findall(r"[^\W\d_]+", (role or "").lower()))
    return re.sub(r"^(?:(?:the|former|then|acting|incoming|outgoing|interim)\s+)+", "", text)


def same_role(label_role: str | None, role: str | None) -> bool:
    """True when ``role`` (of a named person) is the role a nameless label states.

    Equal roles match, and so do a role with a place after it ("President of
    France" for "President") and one with a qualifier before it ("FEMA
    Administrator" for "Administrator"), unless the qualifier makes it another
    office: "Vice President" does not match "President", nor "Deputy Press
    Secretary" "Press Secretary".
    """
    a, b = role_key(label_role), role_key(role)
    if not a or not b:
        return False
    if b == a or b.startswith(a + " of "):
        return True
    # "FEMA Administrator", "Press Secretary" for "Administrator", "Secretary"; not "Vice President"
    return b.endswith(" " + a) and b[: -len(a) - 1].split()[-1] not in RANK_WORDS


def same_office(a: str | None, b: str | None) -> bool:
    """True when two spellings of a role name one office: the same head noun with the
    same rank word before it, whatever else qualifies it ("NSC Coordinator for Strategic
    Communications" and "National Security Council Coordinator for Strategic
    Communications"; not "Deputy Press Secretary" and "Press Secretary")."""
    return _office(a) is not None and _office(a) == _office(b)


def _office(role: str | None) -> tuple[str, ...] | None:
    words = re.split(r"\s+(?:of|for|to|at|in|on)\s+", role_key(role), maxsplit=1)[0].split()
    if not words:
        return None
    return tuple(w for w in words[:-1] if w in RANK_WORDS) + (words[-1],)


# Words before a role that make it another office.
RANK_WORDS = {"vice", "deputy", "assistant", "under", "associate", "lieutenant", "co", "sub",
               "second", "first", "principal", "senior", "junior", "chief", "former", "shadow"}


def is_role_name(name: str | None) -> bool:
    """True when ``name`` is made of role words only ("President", "The First Lady")."""
    words = re.findall(r"[^\W\d_][\w.'’\-]*", name or "")
    return bool(words) and all(w.lower() in _ROLE_WORDS or w.lower() in _GENERIC_WORDS for w in words)


_INTRO_NAME = r"(?P<name>[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+|(?:de|da|del|van|von|der|bin|al)(?=\s+[A-Z]))){1,3})"


def _is_first_name(word: str) -> bool:
    from .speakers import is_first_name  # the given-name lexicon (imported late: speakers imports quotes)

    return bool(_INITIAL_RE.match(word)) or is_first_name(word)


def introduced_people(text: str, role: str) -> list[str]:
    """Full names ``text`` gives the holder of ``role``, in order.

    "the President of the United States, Joe Biden", "Vice President Kamala
    Harris", "our Press Secretary, Karine Jean-Pierre": the role (with an
    optional "of ..." place up to a comma) followed by a name of two to four
    capitalised words, the first a known given name; or the name first, then a
    comma and the role: "Stéphane Dujarric, Spokesman for the Secretary-General".
    """
    patterns = _intro_patterns(role)
    if patterns is None:
        return []
    role_words, tail, role_after = patterns
    found = [(m.start("name"), m.group("name"), False) for m in _role_first_matches(role_words, tail, text)]
    after = [(start, text[start:end], True) for start, end, _ in _name_first_matches(role_after, text)]
    if after:  # (rare: most introductions give the role first)
        found = sorted(found + after)
    names = []
    for _, name, role_after in found:
        # a capitalised role word needs a capitalised name, and the name must not be role words
        name_words = re.sub(r"\s+", " ", name).strip().split()
        while name_words and (name_words[-1].lower() in _ROLE_WORDS or name_words[-1].lower() in _GENERIC_WORDS):
            name_words.pop()
        while name_words and name_words[0].lower() in _ROLE_WORDS:
            name_words.pop(0)
        while role_after and len(name_words) > 2 and not _is_first_name(name_words[0]):
            name_words.pop(0)  # "Today Stéphane Dujarric, Spokesman": the name starts at the given name
        if len(name_words) < 2 or not _name_runs(name_words) or not _is_first_name(name_words[0]):
            continue  # "President Biden Honoring the ...": a title-case line, not a name
        names.append(" ".join(name_words))
    return names


@lru_cache(maxsize=256)
def _intro_patterns(role: str) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    """:func:`introduced_people`'s patterns for ``role``, compiled once: the role's words as a role-first
    introduction starts (see :func:`_role_first_matches`), the tail that follows them there (compiled once for
    all roles) and the name-first pattern's tail (from the comma on; see :func:`_name_first_matches`)."""
    words = _escaped_role_words(role)
    if words is None:
        return None
    first, rest = words
    # the role's first word comes first and the checks of what precedes it follow it (each look-behind
    # holds that word again): a pattern that starts with a literal word is found by a fast string search
    role_words = re.compile(
        rf"{first}(?<![\w-]{first})(?<!Vice\s{first})(?<!Deputy\s{first})(?<!Assistant\s{first}){rest}",
        re.I if role.isupper() else 0,
    )
    return role_words, _ROLE_FIRST_TAILS[role.isupper()], re.compile(_role_after(first, rest))


def _escaped_role_words(role: str) -> tuple[str, str] | None:
    """The role's first word and the pattern of its other words (each after whitespace), escaped; None when
    the role has no word."""
    words = re.findall(r"[^\W\d_]+", role or "")
    if not words:
        return None
    return re.escape(words[0]), "".join(r"\s+" + re.escape(w) for w in words[1:])


def _role_after(first: str, rest: str) -> str:
    """After a name, a comma and the role itself (not "Deputy Spokesman"); the role's case as written."""
    return rf",\s+(?:(?i:the|our)\s+)?(?i:{first}{rest})(?![\w-])"


# after the role's words in a role-first introduction: an optional "of ..." place up to a comma, then the name
_ROLE_FIRST_TAIL = rf"(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){{0,3}})?,?\s+{_INTRO_NAME}"
# the tail as it is matched for a role in capitals (case-insensitively, like the role's words) and for others
_ROLE_FIRST_TAILS = {True: re.compile(_ROLE_FIRST_TAIL, re.I), False: re.compile(_ROLE_FIRST_TAIL)}


def _role_first_matches(role_words: re.Pattern, tail: re.Pattern, text: str) -> list[re.Match]:
    """What ``re.compile(role_words.pattern + tail.pattern, role_words.flags).finditer(text)`` finds, without
    compiling that pattern for each role: as the matches of ``tail``, each ending where the pattern's match
    ends, with its name group.

    Equivalent: the role's words are literal words joined by whitespace (``\\s+``, which cannot give back
    characters to a word's letter), so where they match they end at one place, and the whole pattern matches
    there exactly when the tail matches at that end. So the places ``finditer`` tries and that can match are
    those where ``role_words`` matches (its look-behinds read the text before ``pos`` as they would before a
    place ``finditer`` tries), each from the end of the last match on, the next one after a failed place."""
    found: list[re.Match] = []
    pos = 0
    while True:
        words = role_words.search(text, pos)
        if words is None:
            return found
        m = tail.match(text, words.end())
        if m:
            found.append(m)
            pos = m.end()
        else:
            pos = words.start() + 1


_INTRO_NAME_RE = re.compile(_INTRO_NAME)


def _name_first_matches(role_after: re.Pattern, text: str) -> list[tuple[int, int, int]]:
    """Where ``re.compile(_INTRO_NAME + role_after.pattern).finditer(text)`` finds the name, then a comma and the
    role: (start, end) of each match's name and the match's end. Found from the commas where ``role_after``
    (the pattern's tail, from its comma on) matches, without compiling that pattern for each role, and not by
    trying the name pattern at every capital letter of ``text``.

    Equivalent: the name holds no comma, so the name of a match ends at one of those commas ``c``; it is
    two to four words without whitespace inside, joined by whitespace, so it starts at or after the first
    of the four runs of non-space characters that end at ``c`` (``_words_back``), and at a capital letter.
    Those starts, tried in order (the pattern has no look-behind: a match at a place does not depend on what
    precedes it), from the end of the last match on, are the places ``finditer`` would try and that can
    match. The tail's matches hold no comma after their first character, so its ``finditer`` sees every such
    comma. A name tried from such a start between the last comma tried (or the last match) and ``c`` can end
    at no other comma where the tail matches, so the pattern matches there exactly when a name of one to
    three words after the first ends at ``c``: when ``_INTRO_NAME`` matches all of the text from the start to
    ``c`` (a particle's look-ahead, "de" before a capital, reads no further than the name's last word)."""
    found: list[tuple[int, int, int]] = []
    pos = tried = 0
    for tail in role_after.finditer(text):
        comma = tail.start()
        if comma < pos:
            continue
        for cap in _CAPITAL_RE.finditer(text, max(pos, tried, _words_back(text, comma, 4)), comma):
            if _INTRO_NAME_RE.fullmatch(text, cap.start(), comma):
                found.append((cap.start(), comma, tail.end()))
                pos = tail.end()
                break
        tried = comma
    return found


_CAPITAL_RE = re.compile(r"[A-Z]")


def _words_back(text: str, end: int, count: int) -> int:
    """Where the ``count``-th run of non-space characters counted back from ``end`` starts (0 when the text
    has fewer): a run ends at ``end`` or at whitespace, as in ``re``'s ``\\s``."""
    i = end
    for n in range(count):
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        if n < count - 1:
            while i > 0 and text[i - 1].isspace():
                i -= 1
    return i


# ------------------------------------------------------------------------------------------
# Scanning


def _caps_label(text: str) -> tuple[str, int] | None:
    """The ALL-CAPS label at the start of ``text`` (leading spaces gone): (label, end of label).

    ``end`` is the index just after the colon and any markdown emphasis after it.
    """
    m = _LABEL_LINE_RE.match(text)
    if not m:
        return None
    raw = m.group("label")
    label = raw.strip(_WS + "*_")
    core = _TRAILING_PAREN_RE.sub("", label)
    after = text[m.end():m.end() + 1]  # (the character after the label: the rest of the line is not copied)
    if not core or after.isdigit() or after == "/":
        return None
    words = core.split()
    if not 1 <= len(words) <= 8:
        return None
    upper = " ".join(words).upper()
    if upper in _ROLE_LABELS or upper in _QUESTION_LABELS:
        joined = " ".join(words)
        if joined == upper or (upper in _ROLE_LABELS and joined == upper.title()):
            return label, m.end()
        return None
    ws = words
    if len(words) >= 2 and _HONORIFIC_RE.match(words[0]):
        ws = words[1:]
    elif not _is_caps_word(words[0]):
        return None
    for i, w in enumerate(ws):
        if _is_caps_word(w):
            continue
        if _NUM_WORD_RE.fullmatch(w) and i == len(ws) - 1 and (ws is not words or i > 0):
            continue
        return None
    if _NON_SPEAKER_RE.search(upper):
        return None
    return label, m.end()


def _is_caps_word(w: str) -> bool:
    return bool(_CAPS_WORD_RE.fullmatch(w)) and w == w.upper() and any(ch.isalpha() for ch in w)


def _is_question_label(text: str) -> bool:
    """True for a label that asks: "Q", "QUESTION", "Reporter", "AFP", "China Daily"."""
    low = " ".join(text.lower().split())
    return text.upper() in _QUESTION_LABELS or low in _MIXED_QUESTION_WORDS or low in _OUTLET_LABELS


def _mixed_label(text: str) -> tuple[str, int, bool] | None:
    """A mixed-case label at the start of ``text``: (label, end, is_question) or None."""
    m = _MIXED_LABEL_RE.match(text)
    if not m:
        return None
    rest = text[m.end():].lstrip(_WS)
    if not rest or rest[:1].isdigit() or rest[:1] == "/":
        return None
    words = m.group("words").replace("\u00a0", " ").split()
    if not 1 <= len(words) <= 5:
        return None
    office = m.group("office")
    if office and (len(words) < 2 or any(w[:1].islower() and w not in _OFFICE_SMALL_WORDS
                                         for w in office.replace("\u00a0", " ").split())):
        return None  # an office follows a full name and is capitalised ("the minister said:" is prose)
    low = [w.lower() for w in words]
    joined = " ".join(low)
    paren = (m.group("paren") or "").replace("\u00a0", " ").strip().lower()
    if _is_question_label(joined) or paren in _OUTLET_LABELS:
        # (a reporter named with the outlet asking: "Sabine Siebold (Reuters):")
        return m.group("label").strip(_WS), m.end(), True
    if joined in _MIXED_ROLE_WORDS:
        return m.group("label").strip(_WS), m.end(), False
    if low[0].rstrip(".") in _MIXED_STOP_WORDS:
        return None
    names = 0
    for k, w in enumerate(words):
        lw = w.lower()
        if k > 0 and lw in _PARTICLES:
            continue
        if k == 0 and _HONORIFIC_RE.match(w) and len(words) >= 2:
            continue
        if k == 0 and len(words) >= 3 and 2 <= len(w) <= 5 and w.isupper() and w.isalpha():
            continue  # a body's acronym before a title and a name: "NATO Secretary General Jens Stoltenberg"
        if not (w[:1].isupper() and (w[1:2].islower() or w[1:2] in ("", ".", "'", "’"))):
            return None
        if not re.fullmatch(r"[^\W\d_][\w'’\-]*\.?", w):
            return None
        names += 1
    if names == 0 or names > 4:
        return None
    return m.group("label").strip(_WS), m.end(), False


def _paragraph_start(prev: str | None) -> bool:
    if prev is None:
        return True
    if not prev.strip(_WS):
        return True
    if prev[-1:] in _WS:
        return True
    p = prev.rstrip()
    return p.endswith("\\") or bool(_BR_RE.search(p))


class _Line:
    __slots__ = ("start", "end", "lead", "text", "stripped", "para_start")

    def __init__(self, start, end, lead, text, stripped, para_start):
        self.start = start  # offset of the line in the body
        self.end = end  # offset of the end of the line's content (trailing spaces dropped)
        self.lead = lead  # offset of the first non-space character
        self.text = text  # the line from ``lead`` on
        self.stripped = stripped
        self.para_start = para_start


def _line_at(body: str, start: int, paragraph_starts: set[int]) -> _Line:
    """The line of ``body`` that starts at ``start``."""
    nl = body.find("\n", start)
    if nl < 0:
        nl = len(body)
    raw = body[start:nl]
    lead_ws = len(raw) - len(raw.lstrip(_WS))
    if start == 0:
        prev = None
    else:
        p = body.rfind("\n", 0, start - 1)
        prev = body[p + 1:start - 1]
    para = _paragraph_start(prev) or (start + lead_ws) in paragraph_starts or start in paragraph_starts
    return _Line(start, start + len(raw.rstrip(_WS)), start + lead_ws, raw[lead_ws:], raw.strip(_WS), para)


def _lines(body: str, paragraph_starts: set[int], start: int = 0, stop: int | None = None,
           paragraphs: int | None = None) -> list[_Line]:
    """The non-blank lines of ``body[start:stop]`` (``start`` at a line start); with ``paragraphs``,
    only those of the first that many paragraphs, as :func:`_group_paragraphs` groups them."""
    return list(_iter_lines(body, paragraph_starts, start, stop, paragraphs))


def _iter_lines(body: str, paragraph_starts: set[int], start: int = 0, stop: int | None = None,
                paragraphs: int | None = None) -> Iterator[_Line]:
    """:func:`_lines`, one line at a time: a caller that stops early reads no further."""
    stop = len(body) if stop is None else stop
    lines = 0  # yielded
    prev = None if start == 0 else body[body.rfind("\n", 0, start - 1) + 1:start - 1]
    pos = start
    started = 0  # paragraphs begun
    while pos < stop:
        nl = body.find("\n", pos, stop)
        if nl < 0:
            nl = stop
        raw = body[pos:nl]
        stripped = raw.strip(_WS)
        if stripped:
            lead_ws = len(raw) - len(raw.lstrip(_WS))
            para = _paragraph_start(prev) or (pos + lead_ws) in paragraph_starts or pos in paragraph_starts
            if paragraphs is not None and (para or not lines):
                if started == paragraphs:
                    break  # the first line of one paragraph too many
                started += 1
            yield _Line(pos, pos + len(raw.rstrip(_WS)), pos + lead_ws, raw[lead_ws:], stripped, para)
            lines += 1
        prev = raw
        pos = nl + 1


def _skip_ws(body: str, pos: int, end: int) -> int:
    while pos < end and (body[pos] in _WS or body[pos] == "\n"):
        pos += 1
    return pos


@dataclass
class _Start:
    line: int  # body offset of the line
    label: str | None
    question: bool
    text_from: int  # body offset where the turn's text may begin
    style: str  # "caps", "q", "mixed"


_WORD_RE = re.compile(r"[^\W_]")
_WS_CLASS = "[" + re.escape(_WS) + "]"
# Lines that may start a turn: 'Q', or a colon within the first 130 characters.
# line patterns (no match holds a newline): see LinePattern
# (the run before the colon possessive: the same matches, as a shorter run is followed by no colon, but
# a line without one is given up at once instead of backtracking over its first 130 characters)
_CANDIDATE_RE = LinePattern(r"[" + re.escape(_LEAD) + r"]*(?:Q|[^\n:]{1,130}+:)")
_Q_LINE_RE = LinePattern(r"[" + re.escape(_LEAD) + r"]*Q")
_LEAD_RUN_RE = re.compile(r"[" + re.escape(_LEAD) + r"]*")


def _candidate_starts(body: str) -> list[int]:
    """``_CANDIDATE_RE.starts(body)``, found from the colons: that pattern reads every line up to 130
    characters, but a line matches it only when, after its run of _LEAD characters (r of them), comes a
    "Q" (``_Q_LINE_RE``), or when its first colon stands at least 1 character into the line and at most
    130 after that run (its last _LEAD characters may be read as part of the 1 to 130: none is a colon
    or a line break). Most lines hold no colon, and a text has few."""
    found = _Q_LINE_RE.starts(body)
    colon = body.find(":")
    while colon >= 0:
        line = body.rfind("\n", 0, colon) + 1
        if colon > line and (colon - line <= 130 or colon - _LEAD_RUN_RE.match(body, line).end() <= 130):
            found.append(line)
        after = body.find("\n", colon)  # (the line's later colons are not its first)
        if after < 0:
            break
        colon = body.find(":", after)
    return sorted(set(found))
_END_ANY_RE = LinePattern(_WS_CLASS + r"*END(?:" + _WS_CLASS + r"|$)")


def _label_starts(body: str, paragraph_starts: set[int]) -> tuple[list[_Start], list[_Start]]:
    """(ALL-CAPS and Q starts, mixed-case candidates), in body order."""
    caps: list[_Start] = []
    mixed: list[_Start] = []
    for cand_start in _candidate_starts(body):
        ln = _line_at(body, cand_start, paragraph_starts)
        st = ln.stripped
        if _END_LINE_RE.match(st) or _TIME_LINE_RE.match(st):
            continue
        text = ln.text
        md = len(text) - len(text.lstrip(_LEAD))
        text_md = text[md:]
        qm = _Q_RE.match(text_md)
        if qm:
            # what follows the Q is read in place (not copied: a question runs on for a paragraph)
            after = qm.end()
            if qm.group("sep") or after == len(text_md) or ln.para_start or _SPACED_RE.match(text_md, after):
                post = _MARKERS_RE.match(text_md, after).end() - after if qm.group("sep") else 0
                caps.append(_Start(ln.start, "Q", True, ln.lead + md + after + post, "q"))
                continue
        shift = 0
        lab = _caps_label(text_md)
        if lab is None:
            # "5:19 P.M. EDT MODERATOR:  Thanks, everyone" (a time stamp run into the label)
            tm = _TIME_PREFIX_RE.match(text_md)
            if tm:
                lab = _caps_label(text_md[tm.end():])
                if lab is not None:
                    shift = tm.end()
        if lab is not None and _TRAILING_PAREN_RE.sub("", lab[0]).upper().rstrip(".") in ("MR", "MS", "MRS", "DR"):
            # "MR: ZIENTS:  So we are ..." (a typo splitting the honorific from the name)
            rest = text_md[lab[1]:]
            skip = len(rest) - len(rest.lstrip(_WS))
            second = _caps_label(rest[skip:])
            if second is not None:
                lab = (text_md[: lab[1] + skip] + second[0], lab[1] + skip + second[1])
        if lab is not None:
            md += shift
            label, end = lab
            core = _TRAILING_PAREN_RE.sub("", label)
            nwords = len(core.split())
            upper = core.upper()
            if ln.para_start or nwords >= 2 or core in _ROLE_LABELS or core in _QUESTION_LABELS:
                caps.append(_Start(ln.start, _collapse(label), _is_question_label(core), ln.lead + md + end, "caps"))
                continue
        if ln.para_start:
            ml = _mixed_label(text_md)
            if ml is not None:
                label, end, is_q = ml
                mixed.append(_Start(ln.start, _collapse(label), is_q, ln.lead + md + end, "mixed"))
    return caps, mixed


def _collapse(label: str) -> str:
    return " ".join(label.replace("\u00a0", " ").split())


def _mixed_accepted(caps: list[_Start], mixed: list[_Start]) -> bool:
    """Mixed-case labels make a transcript only together: a question label and a speaker
    label, or two different speakers of whom one speaks twice; and more than ALL-CAPS ones."""
    caps_speakers = sum(1 for s in caps if not s.question)
    if not mixed or len(mixed) <= caps_speakers:
        return False
    if any(s.question for s in mixed) or any(s.question for s in caps):  # "Question:", "Q:"
        return any(not s.question for s in mixed) and len(mixed) + len(caps) >= 2
    keys = [parse_label(s.label).name or parse_label(s.label).role for s in mixed]
    keys = [k.lower() for k in keys if k]
    return len(set(keys)) >= 2 and len(keys) != len(set(keys))


def _is_prose(text: str) -> bool:
    """A paragraph that reads as speech: a sentence of several words, not a header or a stage direction."""
    t = text.strip(_WS + "\n")
    if not t or t[0] == "<" or _STAGE_ONLY_RE.match(t):
        return False
    words = re.findall(r"[^\W\d_]+", t)
    if len(words) < 4 or not any(w.islower() for w in words):
        return False
    t = t.rstrip(_WS + "*_")
    if t[-1:] in ".!?…":
        return True
    return t[-1:] in "\"”’»)" and t[-2:-1] in ".!?…,"


def _is_salutation(text: str) -> bool:
    """A short address before a speech: "Ladies and gentlemen,", "Dear friends!"."""
    t = text.strip(_WS + "\n*_")
    words = re.findall(r"[^\W\d_]+", t)
    return 2 <= len(words) <= 8 and any(w.islower() for w in words) and t[-1:] in ",!:"


def _script(text: str) -> str | None:
    """The dominant script of the letters of ``text`` ("LATIN", "CYRILLIC", ...), None if no letters."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            if ch.isascii():
                script = "LATIN"
            else:
                try:
                    script = unicodedata.name(ch).split()[0]
                except ValueError:
                    continue
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else None


# A stage direction opening a turn: "(Via interpreter)", "(As interpreted.)", "(In Russian)", "(Laughter.)"
_STAGE_DIRECTION_RE = re.compile(
    r"\((?:[^()\n]{0,30}?(?:interpret|translat|laughter|applause|inaudible|crosstalk|speaks in|speaking in)"
    r"[^()\n]{0,30}|in [A-Z][a-z]+)\)[ \t]*",
    re.IGNORECASE,
)


def _trim_region(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``body[start:end]`` to its content: no surrounding whitespace, markdown emphasis
    markers or time-stamp lines ("11:08 A.M. EDT")."""
    while True:
        start = _skip_ws(body, start, end)
        while end > start and (body[end - 1] in _WS or body[end - 1] == "\n"):
            end -= 1
        if end <= start:
            return start, start
        # the last and the first line are copied only when they may be a time stamp (a digit first) or
        # emphasis markers alone ("*" or "_" first): a turn's line is often a paragraph, and long
        ls = body.rfind("\n", start, end)
        if ls >= 0 and _may_be_stamp_or_markers(body[_skip_ws(body, ls + 1, end)]):
            last = body[ls + 1:end].strip(_WS)
            if _TIME_LINE_RE.match(last) or not last.strip("*_"):
                end = ls
                continue
        if _may_be_stamp_or_markers(body[start]):  # (the first line's first character: no space before it)
            le = body.find("\n", start, end)
            first = body[start:end if le < 0 else le].strip(_WS)
            whole_line = not body[body.rfind("\n", 0, start) + 1:start].strip(_WS + "*_>")
            if (whole_line and _TIME_LINE_RE.match(first)) or not first.strip("*_"):
                if le < 0:
                    return start, start
                start = le + 1
                continue
        direction = _STAGE_DIRECTION_RE.match(body, start, end)
        if direction and direction.end() < end:
            start = direction.end()  # "(Via interpreter) Thank you": the words are the speaker's
            continue
        return start, end


def _may_be_stamp_or_markers(first: str) -> bool:
    """Whether a line (stripped) whose first character is ``first`` may match ``_TIME_LINE_RE`` (which
    starts with a digit: ``\\d``, what ``str.isdecimal`` tells) or be left empty by ``strip("*_")``."""
    return first.isdecimal() or first in "*_"


def find_turns(body: str, paragraphs: list[tuple[int, int]], title: str | None = None) -> list[Turn]:
    """The speaker turns of ``body`` in reading order (empty for a text without labels).

    ``paragraphs`` are the body's paragraph spans (``text.paragraph_spans``); a
    line that starts one counts as a paragraph start. ``title`` names the
    speaker of an unlabelled opening statement.
    """
    if not body:
        return []
    para_starts = {s for s, _ in paragraphs}
    caps, mixed = _label_starts(body, para_starts)
    starts = caps
    if _mixed_accepted(caps, mixed):
        starts = sorted(caps + mixed, key=lambda s: s.line)
    turns: list[Turn] = []
    first_start = starts[0].line if starts else len(body)
    ends = _END_ANY_RE.starts(body)
    opening = _opening_turn(body, para_starts, first_start, title, ends)
    if opening:
        turns.append(opening)
    if not starts:
        return turns
    # a turn runs to the next turn start or END line
    boundaries = sorted({s.line for s in starts[1:]} | {e for e in ends if e > first_start} | {len(body)})
    for st in starts:
        stop = boundaries[bisect.bisect_right(boundaries, st.line)]
        a, b = _trim_region(body, st.text_from, stop)
        if b > a and _WORD_RE.search(body, a, b):
            turns.append(
                Turn(start=a, end=b, text=body[a:b], kind="question" if st.question else "transcript", label=st.label)
            )
    if turns:
        turns[-1] = _trim_trailing_foreign(body, turns[-1])
    return turns


def _trim_trailing_foreign(body: str, turn: Turn) -> Turn:
    """Drop page furniture after the last turn: trailing paragraphs in another script or without words.

    (An MFA page in English ends with "Дополнительные материалы • Фото"; a speech never
    switches script for its last paragraphs.)
    """
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?![ \t\u00a0]*\n)[^\n]*)*", turn.text)]
    parts = [(s, e) for s, e in parts if turn.text[s:e].strip(_WS)]
    if len(parts) < 2:
        return turn
    main = _script(turn.text[parts[0][0]:parts[0][1]])
    if main is None:
        return turn
    keep = len(parts)
    while keep > 1:
        s, e = parts[keep - 1]
        chunk = turn.text[s:e]
        sc = _script(chunk)
        if sc is None or (sc != main and sum(ch.isalpha() for ch in chunk) >= 2):
            keep -= 1
            continue
        break
    if keep == len(parts):
        return turn
    end = turn.start + parts[keep - 1][1]
    while end > turn.start and body[end - 1] in _WS + "\n":
        end -= 1
    return Turn(turn.start, end, body[turn.start:end], turn.kind, turn.label, turn.opening_speaker)


def _norm_title(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _group_paragraphs(lines: Iterable[_Line]) -> Iterator[list[_Line]]:
    """The lines of each paragraph, one paragraph at a time (it ends where the next one starts)."""
    para: list[_Line] = []
    for ln in lines:
        if ln.para_start and para:
            yield para
            para = []
        para.append(ln)
    if para:
        yield para


def _opening_turn(
    body: str, paragraph_starts: set[int], stop: int, title: str | None, ends: list[int]
) -> Turn | None:
    """The unlabelled opening statement before ``stop`` (the first label), if a title names its speaker.

    The title is ``title`` or, failing that, a title-like paragraph among the first four;
    a paragraph repeating the title is skipped, and so are headers before the first
    sentence ("Via Teleconference", "As Prepared for Delivery", time stamps).
    """
    person = title_speaker(title)
    for e in ends:
        if e < stop:
            stop = e  # an END line before the first label closes the opening
            break
    # look for the title among the first paragraphs only (cheap for texts that have none)
    probe = _group_paragraphs(_lines(body, paragraph_starts, 0, min(stop, 4000), paragraphs=4))
    skip_to = 0
    norm_title = _norm_title(title) if title else None
    for k, p in enumerate(probe):
        t = body[p[0].lead:p[-1].end]
        nt = _norm_title(t)
        if norm_title and nt and (nt == norm_title or (len(nt) > 20 and norm_title.startswith(nt))):
            skip_to = k + 1
            if person is not None:
                break
        elif person is None and len(t) < 400:
            found = title_speaker(t)
            if found is not None:
                person, skip_to = found, k + 1
                break
    if person is None:
        return None
    # the paragraphs up to the first of prose after skip_to (those after it are not read)
    leads, texts = [], []
    for p in _group_paragraphs(_iter_lines(body, paragraph_starts, 0, stop)):
        leads.append(p[0].lead)
        texts.append(body[p[0].lead:p[-1].end])
        if len(texts) > skip_to and _is_prose(texts[-1]):
            break
    else:
        return None
    first = len(texts) - 1
    while first > skip_to and _is_salutation(texts[first - 1]):
        first -= 1  # "Ladies and gentlemen," "Dear colleagues,"
    # the opening runs to the end of the last line before stop: what _trim_region leaves of all before stop
    # (only spaces and blank lines follow that line)
    start, end = _trim_region(body, leads[first], stop)
    start += len(body[start:end]) - len(body[start:end].lstrip("*_>"))
    if end <= start:
        return None
    return Turn(start, end, body[start:end], "transcript", None, person)


def looks_like_transcript(body: str, turns: list[Turn]) -> bool:
    """True when labelled turns make up the text: >= 2 labelled turns (2 distinct labels or
    >= 3 turns) and the turns cover at least half of the body's non-space characters."""
    labelled = [t for t in turns if t.label]
    if len(labelled) < 2:
        return False
    if len(labelled) < 3 and len({t.label.upper() for t in labelled}) < 2:  # (the labels read only when few)
        return False
    # turns with as many non-space characters as half the body's length have half its non-space
    # characters too: then neither those of the body nor those of the remaining turns need counting
    half_length = 0.5 * len(body) if body and not body.isspace() else None
    covered = 0
    for t in turns:
        covered += _non_space_count(t.text)
        if half_length is not None and covered >= half_length:
            return True
    total = _non_space_count(body)
    if not total:
        return False
    return covered >= 0.5 * total


def _non_space_count(text: str) -> int:
    """``sum(map(len, text.split()))``: how many characters of ``text`` are not whitespace.

    Every whitespace character but the space is unprintable (``str.isprintable``: "Other" or "Separator"
    in the Unicode database; tests/test_transcripts_fast_paths.py checks them all), so when all but the
    newlines are printable, the spaces and newlines are all the whitespace there is: counted without
    making a string of each word (less than half the instructions)."""
    if text.replace("\n", " ").isprintable():
        return len(text) - text.count(" ") - text.count("\n")
    return sum(map(len, text.split()))
