"""The article reader: the cleaned body with every quote highlighted.

Quotes are located by their ``start``/``end`` offsets (the loader guarantees
``body[start:end] == text``; a row that breaks the promise is re-located by
searching its text, or listed as "not located"). Quotes can nest or overlap, and
HTML links cannot nest, so the body is cut at every quote and paragraph boundary
into flat pieces, each belonging to the innermost quote covering it (the one
that started last). An overlapping quote is thereby clipped where the next one
begins, a nested quote interrupts its parent, and every piece is a single link
to its speaker's page. The piece where a quote begins carries ``id="quote-N"``
so ``#quote-N`` deep links land on it. A quote the headline attributes
(``in_title``) is placed the same way in the title.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from .charts import speaker_colour
from .links import Links
from ..text import paragraph_spans

KIND_LABELS = {
    "direct": "direct quote",
    "indirect": "reported speech",
    "position": "stated position",
    "transcript": "transcript",
    "question": "question",
}


@dataclass
class PlacedQuote:
    id: int
    start: int
    end: int
    speaker_id: int | None
    speaker: str | None
    kind: str | None
    cue: str | None
    text: str
    relocated: bool = False
    pieces: int = 0


def place_quotes(body: str, quotes: list[dict]) -> tuple[list[PlacedQuote], list[dict]]:
    """Quotes whose span in ``body`` is known, and those that could not be located."""
    placed, missing = [], []
    for q in quotes:
        start, end, text = q.get("start"), q.get("end"), q.get("text") or ""
        relocated = False
        if not (
            isinstance(start, int) and isinstance(end, int)
            and 0 <= start < end <= len(body) and body[start:end] == text
        ):
            found = body.find(text) if text else -1
            if found < 0:
                missing.append(q)
                continue
            start, end, relocated = found, found + len(text), True
        placed.append(PlacedQuote(
            id=q["id"], start=start, end=end, speaker_id=q.get("speaker_id"),
            speaker=q.get("speaker"), kind=q.get("kind"), cue=q.get("cue"), text=text,
            relocated=relocated,
        ))
    placed.sort(key=lambda p: (p.start, -p.end, p.id))
    return placed, missing


def pieces(body: str, placed: list[PlacedQuote]) -> list[list[tuple[int, int, PlacedQuote | None]]]:
    """Per paragraph, the flat ``(start, end, innermost quote or None)`` pieces."""
    paragraphs = paragraph_spans(body)
    cuts = sorted({0, len(body)} | {p.start for p in placed} | {p.end for p in placed}
                  | {s for s, _ in paragraphs} | {e for _, e in paragraphs})
    # Innermost covering quote for each elementary interval, by sweeping.
    owners = []
    active: list[PlacedQuote] = []
    index = 0
    for lo, hi in zip(cuts, cuts[1:]):
        while index < len(placed) and placed[index].start <= lo:
            active.append(placed[index])
            index += 1
        active = [p for p in active if p.end > lo]
        owner = max(active, key=lambda p: (p.start, -p.end, p.id)) if active else None
        owners.append((lo, hi, owner))
    result = []
    position = 0
    for p_start, p_end in paragraphs:
        row = []
        while position < len(owners) and owners[position][1] <= p_start:
            position += 1
        j = position
        while j < len(owners) and owners[j][0] < p_end:
            lo, hi, owner = owners[j]
            lo, hi = max(lo, p_start), min(hi, p_end)
            if hi > lo:
                if row and row[-1][2] is owner and row[-1][1] == lo:
                    row[-1] = (row[-1][0], hi, owner)
                else:
                    row.append((lo, hi, owner))
            j += 1
        result.append(row)
    return result


def _title(quote: PlacedQuote) -> str:
    who = quote.speaker or "Unattributed"
    kind = KIND_LABELS.get(quote.kind or "", quote.kind or "quote")
    return f"{who} — {kind}" + (f" ({quote.cue})" if quote.cue else "")


def render_paragraphs(body: str, placed: list[PlacedQuote], speaker_url) -> list[Markup]:
    """HTML of each paragraph, all text escaped; ``speaker_url(id)`` links highlights."""
    rendered = []
    anchored: set[int] = set()
    by_start = sorted(placed, key=lambda p: (p.start, p.id))
    next_anchor = 0
    for row in pieces(body, placed):
        html = []
        for lo, hi, quote in row:
            # A quote that starts before this piece ends and is not this piece's
            # owner can never get a piece of its own starting at its start (it is
            # covered by a nested quote, or starts between paragraphs): give its
            # deep link an empty target here.
            while next_anchor < len(by_start) and by_start[next_anchor].start < hi:
                waiting = by_start[next_anchor]
                next_anchor += 1
                if waiting.id in anchored or (waiting is quote and lo == waiting.start):
                    continue
                anchored.add(waiting.id)
                html.append(f'<span class="dq-anchor" id="quote-{int(waiting.id)}"></span>')
            text = escape(body[lo:hi])
            if quote is None:
                html.append(str(text))
                continue
            html.append(_piece(quote, text, speaker_url,
                               anchor=quote.id not in anchored and lo == quote.start))
            if lo == quote.start:
                anchored.add(quote.id)
        rendered.append(Markup("".join(html)))
    return rendered


def _piece(quote: PlacedQuote, text: Markup, speaker_url, anchor: bool) -> str:
    colour = speaker_colour(quote.speaker_id)
    attributes = {
        "class": " ".join(filter(None, [
            "dq-quote", f"dq-kind-{quote.kind or 'unknown'}",
            "dq-unattributed" if quote.speaker_id is None else "",
        ])),
        "href": speaker_url(quote.speaker_id) if quote.speaker_id is not None
        else f"#quote-{quote.id}",
        "title": _title(quote),
        "data-quote-id": str(quote.id),
        "style": f"--dq-bg: {colour['background']}; --dq-border: {colour['border']}",
    }
    if quote.speaker_id is not None:
        attributes["data-speaker-id"] = str(quote.speaker_id)
    if anchor:
        attributes["id"] = f"quote-{int(quote.id)}"
    quote.pieces += 1
    attrs = " ".join(f'{k}="{escape(v)}"' for k, v in attributes.items())
    return f"<a {attrs}>{text}</a>"


async def article_data(datasette, database: str, article_id: int) -> dict | None:
    """Everything the reader shows for one article, or None if there is no such article."""
    db = datasette.get_database(database)
    rows = (await db.execute(
        """select a.id, a.name, a.source, a.url, a.title, a.body, a.date, a.dateline,
                  a.outlet_id, o.name as outlet, a.kind, a.format, a.word_count,
                  a.quote_count, a.loaded_at
           from articles a left join outlets o on o.id = a.outlet_id where a.id = ?""",
        [article_id],
    )).rows
    if not rows:
        return None
    article = dict(rows[0])
    # a database loaded before headlines were read has no in_title column until its next load
    in_title = "q.in_title" if "in_title" in await db.table_columns("quotes") else "0 as in_title"
    quotes = [dict(r) for r in (await db.execute(
        """select q.id, q.speaker_id, s.name as speaker, q.text, q.kind, q.cue,
                  q.start, q."end" as "end", q.paragraph, {in_title}
           from quotes q left join speakers s on s.id = q.speaker_id
           where q.article_id = ? order by q.start, q.id""".format(in_title=in_title),
        [article_id],
    )).rows]
    speakers = [dict(r) for r in (await db.execute(
        """select s.id, s.name, s.role, s.country, s.type, asp.quote_count
           from article_speakers asp join speakers s on s.id = asp.speaker_id
           where asp.article_id = ? order by asp.quote_count desc, s.name""",
        [article_id],
    )).rows]
    topics = [dict(r) for r in (await db.execute(
        """select t.id, t.name, at.count from article_topics at
           join topics t on t.id = at.topic_id
           where at.article_id = ? order by at.count desc, t.name""",
        [article_id],
    )).rows]
    speaker_url = Links(datasette, database).speaker
    body, title = article.get("body") or "", article.get("title") or ""
    # a headline's own attributions ("…, Lavrov says") are highlighted in the headline
    placed, missing = place_quotes(body, [q for q in quotes if not q.get("in_title")])
    placed_in_title, missing_in_title = place_quotes(title, [q for q in quotes if q.get("in_title")])
    paragraphs = render_paragraphs(body, placed, speaker_url)
    title_html = (render_paragraphs(title, placed_in_title, speaker_url) or [None])[0] if placed_in_title else None
    placed += placed_in_title
    missing += missing_in_title
    for s in speakers:
        s["colour"] = speaker_colour(s["id"])
        s["url"] = speaker_url(s["id"])
    placed_ids = {p.id for p in placed}
    for q in quotes:
        q["colour"] = speaker_colour(q["speaker_id"])
        q["located"] = q["id"] in placed_ids
        q["speaker_url"] = speaker_url(q["speaker_id"]) if q["speaker_id"] is not None else None
    return {
        "database": database,
        "article": article,
        "paragraphs": paragraphs,
        "title_html": title_html,
        "quotes": quotes,
        "missing": missing,
        "speakers": speakers,
        "topics": topics,
        "row_url": datasette.urls.row(database, "articles", str(article["id"])),
    }
