"""Turn a read :class:`Document` into a clean :class:`Article`: body plus metadata.

Cleaning removes what is not the article, so that quote extraction sees only
the story's own paragraphs:

* page chrome: lines made mostly of menu and icon words ("icon bookmark-bicon
  ... icon fm"), share / follow / subscribe / cookie banners, "Read more",
  "Related:" and "Advertisement" lines;
* photo captions and credits: lines ending "(EPA Photo)" or "(AP Photo/Name)",
  "Photo: ...", "FILE PHOTO: ...", "REUTERS/Name", "... Getty Images";
* copyright lines ("Copyright 2022 Anadolu Agency. All rights reserved...");
* header lines: times ("17:16", "7:06 P.M. EST"), date lines ("10 Feb, 2022
  11:40"), document numbers ("210-10-02-2022"), bylines, the issuing
  institution ("Ministry of Foreign Affairs of ..."), lines without letters;
* the title line and later repeats of it;
* a non-article tail: trailing lines in another script than the body's (a
  Russian gallery footer under an English transcript), wire credits
  ("(Reporting by ...)"), end marks ("###", "-30-"), "Read the rest here".

Header rules apply only before the first line of prose, and to lines that form
a paragraph of their own, because in hard-wrapped text a line such as "2021."
can be the end of a sentence. Everything kept stays as it was, line for line:
paragraphs stay separated by blank lines, hard-wrapped lines are not rewrapped,
only trailing spaces go. Quote offsets refer to this body.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from ..model import Article, Document
from ..text import trie_regex
from . import metadata as meta
from .markup import markdown_to_text

# ---------------------------------------------------------------------------
# Line rules

# Words of navigation menus, share bars and icon fonts. A line made mostly of
# them (and with at least one of the unmistakable ones) is page chrome.
_UI_WORDS = frozenset(
    """icon icons menu search close open share shares sharing tweet print email e-mail mail comment comments
    login logout log sign in up out signin signup register subscribe subscription newsletter newsletters follow
    home back next previous prev top bookmark bookmarks download edit expand compress collapse filter flag
    full play pause mute muted unmute stop trash tag tags camera check chevron down left right more toggle
    navigation nav skip account profile settings facebook twitter whatsapp telegram linkedin instagram youtube
    vk reddit pinterest rss copy link zoom fullscreen video videos audio photo photos gallery ok cancel submit
    fb tg yt gp ins tw wt fm ru en step stepback stepfor swipe v x
    """.split()
)
_STRONG_UI_WORDS = frozenset(
    """menu search share tweet email e-mail login logout signin signup subscribe newsletter bookmark bookmarks
    chevron facebook twitter whatsapp telegram linkedin instagram youtube pinterest reddit rss navigation
    fullscreen""".split()
)
_ENGLISH_ICON_WORDS = frozenset("silicon lexicon iconic iconography iconoclast iconoclastic rubicon".split())
_UI_HINTS = ("icon", *sorted(_STRONG_UI_WORDS))
# one search for any of the hints (a trie regex) is faster than a substring test per hint
_UI_HINT = re.compile(trie_regex(_UI_HINTS))
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")

_BANNER = re.compile(
    r"(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?"
    r"|continue reading(?: below)?|scroll (?:down )?to continue(?: with content)?|skip to (?:main )?content"
    r"|back to top|loading|share this(?: article| story| page| post)?|share (?:on|via|with)\b.*"
    r"|follow (?:us|@\w+)\b.*|(?:read|see|watch) (?:more|also)\b.*|also (?:read|see)\b.*"
    r"|related(?: articles| stories| news| coverage| content| topics| reading| links)?(?:\s*:.*)?"
    r"|recommended(?: for you| stories| articles)?(?:\s*:.*)?|more (?:from|on) (?:this|our|the)\b.*"
    r"|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|click here\b.*"
    r"|(?:sign up|subscribe|register)\b.*\b(?:newsletter|updates|inbox|alerts|free|now|today|here)\b.*"
    r"|get (?:our|the) \w+ newsletter.*|download (?:our|the) (?:\w+ )?app.*|you (?:may|might) (?:also )?"
    r"(?:like|enjoy|be interested in)\b.*|read the (?:rest|full story|full article|original)\b.*"
    r"|\d+ min(?:ute)?s? read|comments?(?: \(\d+\))?|leave a comment|print(?: this)?(?: article| page| story)?"
    r"|e-?mail this(?: article| story| page)?|tags?:.*|topics?:.*|filed under:?.*|image source,.*"
    r"|(?:listen to|watch) (?:this|the) (?:article|story|video)\b.*)[\W_]*",
    re.IGNORECASE,
)
_COOKIES = re.compile(
    r"\b(?:we use cookies|(?:this|our) (?:web)?site uses cookies|uses cookies to|cookie (?:policy|settings|"
    r"preferences|consent|notice)|accept (?:all )?cookies|by continuing to (?:use|browse) (?:this|our) "
    r"(?:site|website))\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\((?:[A-Z][\w.&'’ -]{0,40}\s)?Photos?(?:\s*(?:/|by\b|:)[^()]{0,80})?\)\s*$"  # (EPA Photo), (AP Photo/Name)
    r"|\((?:Photo|Image|Picture)s?\s*(?:by|:|credit)[^()]{1,80}\)\s*$"            # (Photo by Name)
    r"|^(?:FILE PHOTO|File photo|PHOTO|Photo|IMAGE|Image|Picture|Caption)s?\s*(?::|\||-|–|—)\s"  # Photo: ...
    r"|\b(?:Photo|Image|Picture|Photograph)s?(?:\s+by)?\s*:\s*[^.]{1,80}\.?\s*$"  # ... Photo: Getty Images
    r"|^(?:(?:Photo|Image|Picture)\s+)?[Cc]redits?\s*:"                          # Credit: Name/Agency
    r"|\bREUTERS/[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}(?:/File(?: Photo)?)?\s*\)?\.?\s*$"  # REUTERS/Name
    r"|\b(?:Getty Images|Shutterstock|iStock(?:photo)?|Alamy(?: Stock Photo)?)(?:/[\w .]+)?\)?\.?\s*$"
)
_CAPTION_HINTS = ("Photo", "PHOTO", "Image", "IMAGE", "Picture", "Credit", "REUTERS/", "Getty", "Shutterstock",
                  "iStock", "Alamy", "Caption")
_CAPTION_HINT = re.compile(trie_regex(_CAPTION_HINTS))
_COPYRIGHT_HINTS = ("copyright", "©", "(c)", "rights reserved", "may not be")
_COPYRIGHT_LINE = re.compile(
    r"^(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d\b)|\ball rights reserved\b|\bmay not be (?:published|reproduced|broadcast|"
    r"redistributed)\b",
    re.IGNORECASE,
)
_TIME_LINE = re.compile(
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*(?:[A-Z]{2,4}|(?:GMT|UTC)\s?[+-]\s?\d{1,2}))?"
)
_DOCUMENT_NUMBER = re.compile(r"(?:(?:No|Ref|Doc)\.?\s*)?\d+(?:[-/.]\d+){2,}|(?:No|Ref)\.?\s*\d[\w/-]*")
_BYLINE = re.compile(
    r"By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*"
    r"(?:\s*[,|/–—-]\s*[A-Z][\w .&]{0,40})?"
)
_RELEASE_LINE = re.compile(r"(?i)for immediate release|embargoed until.*|press release|media advisory")
_TAIL_LINE = re.compile(
    r"\(?(?:reporting|additional reporting|writing|editing|compiled|edited|written) by\b.*"
    r"|our standards:.*|-+ ?30 ?-+|ends?|#+|\*+|@\w+\.?|source:\s.*|sources:\s.*"
    r"|this (?:article|story) (?:was|has been) (?:originally )?(?:published|updated|corrected)\b.*"
    r"|(?:read|see) the (?:rest|full story|full article|original)\b.*"
    r"|follow\b.*\bon (?:twitter|x|facebook|instagram|telegram|threads|bluesky)\b.*",
    re.IGNORECASE,
)
_SENTENCE_FINAL = re.compile(r"[.!?…][”\"’')\]]*$")
_NON_TITLE_END = re.compile(r"[,;:]$")
_TITLE_SMALL_WORDS = frozenset("with from into over than upon onto about after before under between".split())

# No-break and narrow spaces become plain spaces; invisible characters go.
_SPACE_LIKE = ("\u00a0", "\u2007", "\u202f")
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


# ---------------------------------------------------------------------------
# Cleaning


@dataclass
class Cleaned:
    """The result of :func:`strip_page`: kept paragraphs (lists of lines) and what was found."""

    blocks: list[list[str]]
    title_line: str | None = None
    institution: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (reason, line)


def clean_document(doc: Document) -> Article:
    """Clean ``doc``'s text and find its metadata (see the module docstring)."""
    text = prepare_text(doc.text, doc.format)
    blank_lines = bool(_BLANK_LINE.search(text))
    cleaned = strip_page(split_blocks(text, blank_lines), given_title=doc.title)
    body = join_blocks(cleaned.blocks, blank_lines)
    found = describe(doc, text, body, cleaned)
    return Article(
        name=doc.name,
        source=doc.source,
        format=doc.format,
        body=body,
        content_hash=content_hash(doc),
        **found,
    )


def prepare_text(text: str, fmt: str = "txt") -> str:
    """Markdown to text, odd spaces to plain ones, invisible characters out, trailing spaces off."""
    if fmt == "md":
        text = markdown_to_text(text)
    for ch in _SPACE_LIKE:
        if ch in text:
            text = text.replace(ch, " ")
    for ch in _INVISIBLE:
        if ch in text:
            text = text.replace(ch, "")
    # each line's trailing spaces and tabs off: what re.sub(r"[ \t]+$", "", text, flags=re.M) does,
    # several times faster (that pattern would be tried at every space of the text)
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def split_blocks(text: str, blank_lines: bool) -> list[list[str]]:
    """Paragraphs as lists of lines: blank-line separated, or one per line when no line is blank."""
    if blank_lines:
        return [block.split("\n") for block in re.split(r"\n\s*\n", text.strip("\n")) if block.strip()]
    return [[line] for line in text.split("\n") if line.strip()]


def join_blocks(blocks: list[list[str]], blank_lines: bool) -> str:
    return ("\n\n" if blank_lines else "\n").join("\n".join(lines) for lines in blocks)


def strip_page(blocks: list[list[str]], given_title: str | None = None) -> Cleaned:
    """Drop chrome, captions, header lines, the title line and a non-article tail."""
    cleaned = Cleaned(blocks=[])
    title_key = _title_key(given_title) if given_title else None
    title_checked = given_title is not None
    in_head = True
    head_seen: set[str] = set()
    remaining = sum(len(b) for b in blocks)
    for block in blocks:
        if not in_head and is_wrapped_paragraph(block):
            remaining -= len(block)
            cleaned.blocks.append(block)
            continue
        kept = []
        for index, line in enumerate(block):
            remaining -= 1
            stripped = line.strip()
            reason = drop_reason(stripped, standalone=len(block) == 1, in_head=in_head)
            if reason is None and title_key and _could_be(stripped, title_key) \
                    and _title_key(stripped) == title_key:
                reason = "title"
            if reason is None and in_head and _title_key(stripped) in head_seen and is_heading_like(stripped):
                reason = "repeated"
            if reason is not None:
                cleaned.removed.append((reason, stripped))
                if reason == "institution" and cleaned.institution is None:
                    cleaned.institution = meta.institution_name(stripped)
                continue
            if not title_checked:
                title_checked = True
                if remaining > 0 and is_title_line(stripped) and not starts_wrapped_paragraph(block, index):
                    cleaned.title_line = " ".join(stripped.split())
                    title_key = _title_key(stripped)
                    cleaned.removed.append(("title", stripped))
                    continue
            if in_head:
                head_seen.add(_title_key(stripped))
                in_head = not is_prose(stripped)
            kept.append(line)
        if kept:
            cleaned.blocks.append(kept)
    strip_tail(cleaned)
    return cleaned


def is_wrapped_paragraph(block: list[str]) -> bool:
    """A paragraph hard-wrapped at a fixed width: its lines are pieces of sentences.

    Line rules do not apply inside one (a wrapped line "2021." ends a sentence,
    it is not a page element), which also saves checking every line of
    transcripts wrapped at 72 columns.
    """
    return len(block) >= 2 and all(40 <= len(line) <= 100 for line in block[:-1])


def starts_wrapped_paragraph(block: list[str], index: int) -> bool:
    """Whether ``block[index]`` runs on into the next line, as the first line of wrapped text does.

    It does when the next line starts in lower case, or when the block goes on
    for several lines of about the same width (a title line is followed by a
    different kind of line, or by a blank one).
    """
    rest = block[index:]
    if len(rest) < 2:
        return False
    if rest[1].strip()[:1].islower():
        return True
    widths = [len(line) for line in rest[:3]]
    return len(rest) >= 3 and all(50 <= w <= 100 for w in widths[:2]) and abs(widths[0] - widths[1]) <= 12


def _could_be(line: str, key: str) -> bool:
    """Cheap pre-check before comparing ``line`` with a title key: similar length, same first letter."""
    return len(key) <= len(line) <= 3 * len(key) + 20 and _title_key(line[:8])[:1] == key[:1]


def drop_reason(line: str, standalone: bool = True, in_head: bool = False) -> str | None:
    """Why ``line`` (stripped) is not article text, or None to keep it.

    ``standalone``: the line is a paragraph of its own; ``in_head``: no line of
    prose has come yet. Header rules need one of the two.
    """
    if not line:
        return "blank"
    lowered = line.lower()
    if _UI_HINT.search(lowered) and is_chrome_line(line):
        return "chrome"
    if not line[0].islower() and len(line) < 300 and _BANNER.fullmatch(line):
        return "banner"
    if len(line) < 600 and ("cookie" in lowered or "continuing to" in lowered) and _COOKIES.search(line):
        return "banner"
    if len(line) < 600 and _CAPTION_HINT.search(line) and _CAPTION.search(line):
        return "caption"
    if len(line) < 400 and _has_any(lowered, _COPYRIGHT_HINTS) and _COPYRIGHT_LINE.search(line):
        return "copyright"
    if not (standalone or in_head):
        return None
    if _TIME_LINE.fullmatch(line):
        return "time"
    if meta.is_date_line(line):
        return "date"
    if _DOCUMENT_NUMBER.fullmatch(line):
        return "document number"
    if not any(ch.isalpha() for ch in line):
        return "no letters"
    if in_head:
        if _BYLINE.fullmatch(line):
            return "byline"
        if meta.is_institution_line(line):
            return "institution"
        if _RELEASE_LINE.fullmatch(line):
            return "release"
    return None


def _has_any(text: str, needles) -> bool:
    for needle in needles:
        if needle in text:
            return True
    return False


def is_chrome_line(line: str) -> bool:
    """A line made mostly of menu and icon words: "icon bookmark-bicon bookmarkicon cameraicon ..."."""
    words = [w.lower() for w in _WORD.findall(line)]
    if not words or len(words) > 200:
        return False
    ui = strong = 0
    for word in words:
        if "icon" in word and word not in _ENGLISH_ICON_WORDS:
            ui += 1
            strong += 1
        elif word in _UI_WORDS:
            ui += 1
            strong += word in _STRONG_UI_WORDS
    ratio = ui / len(words)
    if strong == 0 or ratio < 0.6 or (strong < 2 and len(words) > 4):
        return False
    return ratio >= 0.9 or not _SENTENCE_FINAL.search(line)


def is_title_line(line: str) -> bool:
    """Whether the first line of a text is its headline.

    A headline is short (2 to 40 words) and either has no sentence-final
    punctuation, or ends like a sentence but is in Title Case ("Private Meeting
    Between Clinton, Warren Prompts VP Speculation."). A dateline opening ("Moscow,
    13 February 2022 (TDI): ...") makes it the first paragraph instead.
    """
    words = line.split()
    if not 2 <= len(words) <= 40 or len(line) > 250:
        return False
    if meta.find_dateline(line) is not None or _NON_TITLE_END.search(line):
        return False
    if not _SENTENCE_FINAL.search(line):
        return True
    return is_title_case(line)


def is_heading_like(line: str) -> bool:
    """Three or more words and no sentence-final punctuation: a title or standfirst, not a turn."""
    return len(line.split()) >= 3 and not _SENTENCE_FINAL.search(line)


def is_title_case(line: str) -> bool:
    significant = [
        w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line)
        if len(w) >= 4 and w.lower() not in _TITLE_SMALL_WORDS
    ]
    return len(significant) >= 3 and all(w[0].isupper() for w in significant)


def is_prose(line: str) -> bool:
    """A line of running text (8+ words, several in lower case): the header is over."""
    words = line.split()
    return len(words) >= 8 and sum(1 for w in words if w[:1].islower()) >= 3


def strip_tail(cleaned: Cleaned) -> None:
    """Drop trailing lines that are not the article: other script, credits, end marks."""
    blocks = cleaned.blocks
    main_script: list[str | None] = []  # found on first need: most tails are plain ASCII
    while blocks:
        line = blocks[-1][-1].strip()
        reason = _tail_reason(line)
        if reason is None and not line.isascii():
            if not main_script:
                main_script.append(dominant_script(blocks))
            if main_script[0] and _script_share(line, main_script[0]) < 0.5:
                reason = "other script"
        if reason is None:
            break
        cleaned.removed.append((reason, line))
        blocks[-1].pop()
        if not blocks[-1]:
            blocks.pop()


def _tail_reason(line: str) -> str | None:
    if not line:
        return "blank"
    if _TAIL_LINE.fullmatch(line):
        return "footer"
    if _TIME_LINE.fullmatch(line) or meta.is_date_line(line):
        return "time"
    if not any(ch.isalpha() for ch in line):
        return "no letters"
    return None


# ---------------------------------------------------------------------------
# Scripts


_SCRIPT_CACHE: dict[str, str] = {}


def script_of(ch: str) -> str:
    """The Unicode script of a letter, from its name: 'LATIN', 'CYRILLIC', 'ARABIC', 'CJK', ..."""
    if ch < "\u0250":
        return "LATIN"
    script = _SCRIPT_CACHE.get(ch)
    if script is None:
        name = unicodedata.name(ch, "")
        script = name.split(" ", 1)[0] if name else "UNKNOWN"
        _SCRIPT_CACHE[ch] = script
    return script


def dominant_script(blocks: list[list[str]], sample: int = 5000) -> str | None:
    """The script most letters of the first ``sample`` characters are in."""
    text = "\n".join(line for block in blocks[:50] for line in block)[:sample]
    counts = {"LATIN": len(_NOT_ASCII_LETTERS.sub("", text))}
    for ch in _NON_ASCII.sub("", text):
        if ch.isalpha():
            script = script_of(ch)
            counts[script] = counts.get(script, 0) + 1
    best = max(counts, key=counts.get)
    return best if counts[best] else None


_NOT_ASCII_LETTERS = re.compile(r"[^A-Za-z]+")
_NON_ASCII = re.compile(r"[\x00-\x7f]+")


def _script_share(line: str, script: str) -> float:
    letters = [ch for ch in line if ch.isalpha()]
    return sum(1 for ch in letters if script_of(ch) == script) / len(letters) if letters else 1.0


# ---------------------------------------------------------------------------
# Metadata


def describe(doc: Document, text: str, body: str, cleaned: Cleaned) -> dict:
    """Title, date, dateline, outlet, url and kind; what the input states wins over the text."""
    stated_title = doc.title or cleaned.title_line  # a made title is no evidence of place or kind
    first_line = body.split("\n", 1)[0] if body else ""
    dateline = meta.find_dateline(first_line) if first_line else None
    place = dateline.place if dateline else None
    if place is None and stated_title:
        place = meta.dateline_from_title(stated_title)
    date = meta.parse_date(doc.date) if doc.date else None
    if date is None:
        date = meta.find_date(text)
    outlet = (
        doc.outlet
        or meta.find_outlet_in_copyright(text)
        or (meta.expand_outlet(dateline.tag) if dateline and dateline.tag else None)
        or cleaned.institution
    )
    return {
        "title": stated_title or meta.make_title(body),
        "date": date,
        "dateline": place,
        "outlet": outlet,
        "url": doc.url,
        "kind": doc.kind or meta.guess_kind(stated_title, body),
    }


def content_hash(doc: Document) -> str:
    """sha256 of the raw text and the metadata the input gave, so a change in either shows.

    The hashed bytes are ``json.dumps(given, ensure_ascii=False)`` in UTF-8, written
    here without the json module for strings whose only escapes are backslashes,
    double quotes and newlines (nearly all): several times faster for a long text.
    """
    given = [doc.text, doc.title, doc.date, doc.outlet, doc.url, doc.kind]
    digest = hashlib.sha256(b"[")
    for number, value in enumerate(given):
        if value is None:
            fragment = b"null"
        elif type(value) is str:
            fragment = _json_string(value)
            if fragment is None:
                break
        else:
            break
        digest.update(b", " + fragment if number else fragment)
    else:
        digest.update(b"]")
        return digest.hexdigest()
    return hashlib.sha256(json.dumps(given, ensure_ascii=False).encode("utf-8")).hexdigest()


_NOT_CONTROL_BYTES = bytes(range(0x20, 0x100))


def _json_string(text: str) -> bytes | None:
    """``json.dumps(text, ensure_ascii=False)`` in UTF-8; None when the text needs escapes other
    than those of backslashes, double quotes and newlines, or has no UTF-8 form (a lone surrogate)."""
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if '"' in text:
        text = text.replace('"', '\\"')
    if "\n" in text:
        text = text.replace("\n", "\\n")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    if data.translate(None, _NOT_CONTROL_BYTES):  # (UTF-8 has no byte below 0x20 but these characters)
        return None
    return b'"' + data + b'"'


_NOT_ALNUM = re.compile(r"[\W_]+")


def _title_key(line: str | None) -> str:
    """What two spellings of one title share: "Russia's Lavrov" and "RUSSIA’S LAVROV" -> "russiaslavrov"."""
    return _NOT_ALNUM.sub("", (line or "").casefold())
