"""Flat records of an extraction: what `datasette-diplomacy extract` prints, one per quote."""
from __future__ import annotations

from collections.abc import Iterator

from .model import Extraction


def quote_records(extraction: Extraction) -> Iterator[dict]:
    """One dict per quote, with the speaker's canonical name and details inlined."""
    speakers = {s.id: s for s in extraction.speakers}
    article = extraction.article
    for quote in extraction.quotes:
        speaker = speakers.get(quote.speaker) if quote.speaker else None
        yield {
            "article": article.name,
            "quote": quote.text,
            "speaker": speaker.name if speaker else None,
            "kind": quote.kind,
            "cue": quote.cue,
            "start": quote.start,
            "end": quote.end,
            "paragraph": quote.paragraph,
            "in_title": quote.in_title,
            "speaker_type": speaker.type if speaker else None,
            "role": speaker.role if speaker else None,
            "country": speaker.country if speaker else None,
            "topics": quote.topics,
            "outlet": article.outlet,
            "date": article.date,
        }
