"""One document in, one :class:`~datasette_diplomacy.model.Extraction` out.

``extract_document`` is a pure function of its arguments (no database, no
network), so the loader can run it in worker processes.
"""
from __future__ import annotations

from .extract.entities import find_entities
from .extract.quotes import find_quotes
from .extract.speakers import SpeakerResolver
from .extract.topics import Taxonomy
from .extract.transcripts import find_turns, looks_like_transcript, parse_label
from .ingest.clean import clean_document
from .model import Document, Extraction, Quote
from .text import paragraph_index, paragraph_spans


def extract_document(doc: Document, taxonomy: Taxonomy | None = None) -> Extraction:
    """Clean ``doc``, find its speakers, quotes, topics and entities."""
    taxonomy = taxonomy or Taxonomy.default()
    article = clean_document(doc)
    body = article.body
    spans = paragraph_spans(body)
    resolver = SpeakerResolver(body, spans, title=article.title)

    turns = find_turns(body, spans, title=article.title)
    if doc.kind in ("article", "transcript"):
        article.kind = doc.kind
    elif looks_like_transcript(body, turns):
        article.kind = "transcript"

    if article.kind == "transcript" and turns:
        quotes = _quotes_from_turns(turns, spans, resolver)
    else:
        quotes = find_quotes(body, spans, resolver)

    for quote in quotes:
        quote.topics = sorted(taxonomy.match(quote.text))
        quote.mentions = [s for s in resolver.mentions_in(quote.start, quote.end) if s != quote.speaker]
    return Extraction(
        article=article,
        speakers=resolver.speakers(),
        quotes=sorted(quotes, key=lambda q: (q.start, q.end)),
        topics=taxonomy.match(" ".join(filter(None, [article.title, body]))),
        entities=find_entities(body),
    )


def _quotes_from_turns(turns, spans, resolver) -> list[Quote]:
    """Transcript turns become quotes: labelled turns by their speaker, questions by nobody."""
    quotes = []
    for turn in turns:
        speaker = None
        if turn.kind != "question":
            person = parse_label(turn.label) if turn.label else turn.opening_speaker
            if person is not None:
                speaker = resolver.add_person(
                    name=person.name,
                    role=person.role,
                    type="anonymous" if person.anonymous else "person",
                    alias=turn.label,
                )
        quotes.append(
            Quote(
                text=turn.text,
                start=turn.start,
                end=turn.end,
                kind=turn.kind,
                speaker=speaker,
                cue=turn.label,
                paragraph=paragraph_index(spans, turn.start),
            )
        )
    return quotes
