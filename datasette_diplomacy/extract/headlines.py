"""Attributions in an article's title ("Lavrov says talks with Truss were fruitless").

Headlines attribute in two ways: with a verb ("…, Russia's Lavrov says", "Pence blames
media for …") and with a label and a colon ("Graham: Trump's rhetoric destroying GOP's
chances"). The title is read by the same quote finder as the body, on its own, and
each source it finds is then looked up among the body's speakers, so that "Lavrov"
in the title is the body's "Sergey Lavrov".

A colon label is a speaker only when the body quotes that same source: headlines also
use the colon for rubrics and teasers ("Delegate Update:", "Revealed:", "BOOM:",
"Monday's Morning Email:"), which name nobody who speaks. A poll, survey, report or
study is the exception: "Poll: Clinton and Trump in dead heat" is what the poll found.
A label followed by a question ("Ted Cruz: conservative or career politician?") asks
about the person; it is no attribution.

Title quotes carry ``in_title=True``; their offsets are into the title. A plain-text
file often repeats its title as the body's first line (the readers take the title from
it): there the body's own reading of that line stands, and a title quote is added as a
body quote only where that reading found nothing.
"""
from __future__ import annotations

import re

from ..model import Quote
from ..text import paragraph_spans
from .quotes import Layout, find_quotes, lowered_verbs, may_hold_quotes
from .speakers import SpeakerResolver

#: Document labels that report findings: "Poll:", "New survey:", "Report:"
_FINDINGS = re.compile(r"(?:poll|polls|survey|report|study|analysis)$", re.IGNORECASE)


#: A first paragraph longer than this is a lead sentence, not a headline repeated
_HEADLINE_LENGTH = 250


def headline_quotes(title: str | None, body: str, paragraphs: list[tuple[int, int]],
                    resolver: SpeakerResolver, body_quotes: list[Quote]) -> list[Quote]:
    """Quotes attributed in ``title`` that the body's quotes lack, speakers from ``resolver``
    (the body's): in the title, or in the body's first paragraph when that is the title
    (a title taken from the body is that paragraph, or its start cut with "…")."""
    if not title or not title.strip():
        return []
    if paragraphs:
        start, end = paragraphs[0]
        first = body[start:end]
        stem = title[:-1] if title.endswith("…") else title
        if " ".join(first.split()).startswith(" ".join(stem.split())):
            if end - start > _HEADLINE_LENGTH or "\n" in first:
                return []
            taken = [(q.start, q.end) for q in body_quotes if q.start < end]
            repeated = []
            for quote in title_quotes(first, resolver, body_quotes):
                quote.start, quote.end, quote.paragraph, quote.in_title = quote.start + start, quote.end + start, 0, False
                if not any(s < quote.end and quote.start < e for s, e in taken):
                    repeated.append(quote)
            return repeated
    return title_quotes(title, resolver, body_quotes)


def title_quotes(title: str, resolver: SpeakerResolver, body_quotes: list[Quote]) -> list[Quote]:
    """Quotes attributed in the headline ``title`` (offsets into it, ``in_title`` set), their
    speakers ids of ``resolver`` (the body's)."""
    spans = paragraph_spans(title)
    text = lowered_verbs(title)  # same length: the offsets stay the title's
    layout = Layout(text, spans)
    if not may_hold_quotes(layout):
        return []  # no mark, colon or cue: the finder would find nothing (no resolver needed)
    own = SpeakerResolver(text, spans, title=None, layout=layout)
    found = find_quotes(text, spans, own)
    if not found:
        return []
    quoted_in_body = {q.speaker for q in body_quotes if q.speaker}
    kept, labelled = [], set()
    for quote in found:
        name, kind = own.display_name(quote.speaker), own.speaker_type(quote.speaker)
        findings = bool(name and _FINDINGS.search(name))
        if findings:
            kind = "document"  # "Poll" opening a headline is no person
        speaker = resolver.find_speaker(name, kind) if name else None
        lm = _HEADLINE_LIST.match(title) if name else None
        if lm is not None and title.startswith(name, lm.end(1)):
            # "Iran, Saudi Arabia agree to restore ties": a headline's comma stands for "and"
            speaker = resolver.joint(title[:lm.end(1)] + name)
        start, end, quote_kind = quote.start, quote.end, quote.kind
        if quote.cue == ":":
            colon = title.rfind(":", 0, start + 1)
            if colon < 0 or colon in labelled:
                continue
            labelled.add(colon)
            start, end = _label_content(title, colon)
            if end <= start or title[start:end].rstrip(" .'’\"”").endswith("?"):
                continue
            start, end, quote_kind = _quotation_or_report(title, start, end)
            if speaker not in quoted_in_body and not findings:
                continue
        if name and speaker is None and kind == "anonymous":
            speaker = resolver.role_holder(name)  # "UN chief calls for …": the one the body names by that role
        if name and speaker is None:
            if kind == "person":
                # a person the body never names: a capitalised headline word ("Nomination
                # questions are likely …") as often as a speaker
                continue
            speaker = resolver.add_person(name, type=kind)
        kept.append(Quote(
            text=title[start:end], start=start, end=end, kind=quote_kind, speaker=speaker,
            cue=quote.cue, paragraph=None, in_title=True,
        ))
    return kept


_OPENING, _CLOSING = "‘“'\"„«", "’”'\"“»"
# the names before the last of a headline's list: "Iran, " of "Iran, Saudi Arabia agree …"
_HEADLINE_LIST = re.compile(r"((?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}, )+)")


def _quotation_or_report(title: str, start: int, end: int) -> tuple[int, int, str]:
    """A label's words that are one quotation ("Lavrov: ‘We are disappointed’") are direct, its
    marks left out as in the body; anything else ("Trump: Cruz has ‘a long way’ to go") is
    reported."""
    text = title[start:end]
    if (len(text) > 2 and text[0] in _OPENING and text[-1] in _CLOSING
            and not any(mark in text[1:-1] for mark in _OPENING if mark not in "'")):
        return start + 1, end - 1, "direct"
    return start, end, "indirect"


def _label_content(title: str, colon: int) -> tuple[int, int]:
    """The span after a headline's label colon, to its end or its second deck ("; …")."""
    start = colon + 1
    while start < len(title) and title[start].isspace():
        start += 1
    end = title.find("; ", start)
    end = len(title) if end < 0 else end
    if start < end and title[start] in _LABEL_QUOTE_OPENING:
        dm = _QUOTATION_THEN_DECK.search(title, start + 1, end)
        if dm is not None:
            end = dm.start() + 1  # "Baerbock: „Wir lassen uns nicht einschüchtern“ – Germany summons envoy"
    while end > start and title[end - 1] in " .;…":
        end -= 1
    return start, end


# a label's quotation, then a second deck after a dash: the deck is the desk's words, not the speaker's
_LABEL_QUOTE_OPENING = "‘“'\"„«"
_QUOTATION_THEN_DECK = re.compile("[’”'\"“»][ \t]+[-–—][ \t]+")
