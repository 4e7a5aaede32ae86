"""The speaker comparison: one data structure, rendered as HTML, JSON and CSV.

``build_comparison`` runs set-based queries (see :mod:`.compare_sql`; one per
speaker and two for all, however many quotes, topics or outlets there are), all
restricted through the indexed ``quotes.speaker_id`` and the optional
topic/outlet/date filters, and computes the statistics in Python over the
aggregated counts. Counts are exact, and cached per speaker and database state
(see :mod:`.counts`); the statements shown in the grid and the
distinctive terms come from each speaker's newest ``SAMPLE`` quotes, which keeps
the cost of the text work bounded for the most quoted people. ``csv_rows``
flattens the very same dictionary, so the three formats cannot disagree.

Sections, in order of value to a reader:

grid       topic x speaker: what each said, the same statement (``statement_key``)
           shown once with every outlet that carried it
emphasis   quotes per topic per speaker and the topic's share of the speaker's quotes
terms      distinctive words per speaker (weighted log-odds, informative prior;
           see :mod:`.logodds`), counted once per statement
outlets    outlet x speaker: who quoted whom, direct vs reported speech
timeline   quotes per day
mentions   who names whom inside their quotes (``quote_mentions``)
"""
from __future__ import annotations

import asyncio
import datetime
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from datasette.database import QueryInterrupted

from .access import BadRequestError
from .background import background_counts
from .compare_sql import QueryBuilder
from .counts import by_part, sample_terms, speaker_counts, totals
from .links import Links, topic_filter
from .logodds import log_odds
from .speaker_lookup import find_speaker

MAX_SPEAKERS = 8
SAMPLE = 1000  # newest quotes per speaker behind the grid's statements and the terms
STATEMENTS_PER_CELL = 6
REPORTS_PER_STATEMENT = 10  # example reports per statement in the JSON (the page lists 4); counts are exact
TERMS_PER_SPEAKER = 15
MENTIONS_PER_SPEAKER = 10
NO_TOPIC = {"id": None, "name": "(no topic)"}

CSV_COLUMNS = [
    "section", "speaker", "key", "metric", "value",
    "quote_id", "text", "outlet", "date", "kind",
]


class UnknownValues(Exception):
    """Some requested speaker, topic or outlet does not exist (HTTP 404)."""

    status = 404

    def __init__(self, message: str, unknown: dict):
        super().__init__(message)
        self.unknown = unknown


class TooFewSpeakers(BadRequestError):
    """Fewer than two distinct speakers were asked for (HTTP 400)."""


@dataclass
class CompareParams:
    """The query string of a comparison, validated but not yet resolved."""

    speakers: list[str] = field(default_factory=list)
    topic: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    @classmethod
    def from_args(cls, args) -> "CompareParams":
        speakers = []
        for value in args.getlist("speaker"):
            # Accept both ?speaker=A&speaker=B and ?speaker=A,B for hand-typed URLs
            # (names never contain commas in the loader's output; ids never do).
            for part in value.split(",") if value.replace(",", "").isdigit() else [value]:
                part = part.strip()
                if part and part not in speakers:
                    speakers.append(part)
        if len(speakers) > MAX_SPEAKERS:
            raise BadRequestError(f"Compare at most {MAX_SPEAKERS} speakers at a time")
        params = cls(
            speakers=speakers,
            topic=(args.get("topic") or "").strip() or None,
            outlet=(args.get("outlet") or "").strip() or None,
            date_from=_valid_date(args.get("from"), "from"),
            date_to=_valid_date(args.get("to"), "to"),
        )
        if params.date_from and params.date_to and params.date_from > params.date_to:
            raise BadRequestError("'from' must not be after 'to'")
        return params

    def query_pairs(self, database: str | None = None) -> list[tuple[str, str]]:
        pairs = [("speaker", s) for s in self.speakers]
        for key, value in (("topic", self.topic), ("outlet", self.outlet),
                           ("from", self.date_from), ("to", self.date_to)):
            if value:
                pairs.append((key, value))
        if database:
            pairs.append(("database", database))
        return pairs


def _valid_date(value: str | None, name: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise BadRequestError(f"'{name}' must be a date like 2022-02-10")
    return value[:10]


async def _find_by_id_or_name(db, table: str, value: str | None) -> dict | None:
    if value is None:
        return None
    if value.isdigit():
        rows = (await db.execute(f"select id, name from {table} where id = ?", [int(value)])).rows
        if rows:
            return {"id": rows[0]["id"], "name": rows[0]["name"]}
    rows = (
        await db.execute(
            f"select id, name from {table} where name = ? collate nocase order by id limit 1",
            [value],
        )
    ).rows
    return {"id": rows[0]["id"], "name": rows[0]["name"]} if rows else None


async def resolve(db, params: CompareParams) -> dict:
    """Speakers, topic and outlet records for ``params``.

    Raises UnknownValues when any of them is not found, TooFewSpeakers when
    fewer than two distinct speakers remain.
    """
    speakers, unknown_speakers = [], []
    for value in params.speakers:
        speaker = await find_speaker(db, value)
        if speaker is None:
            unknown_speakers.append(value)
        elif speaker["id"] not in [s["id"] for s in speakers]:
            speakers.append(speaker)
    topic = await _find_by_id_or_name(db, "topics", params.topic)
    outlet = await _find_by_id_or_name(db, "outlets", params.outlet)
    unknown = {}
    if unknown_speakers:
        unknown["speaker"] = unknown_speakers
    if params.topic and topic is None:
        unknown["topic"] = [params.topic]
    if params.outlet and outlet is None:
        unknown["outlet"] = [params.outlet]
    if unknown:
        described = "; ".join(
            f"no {kind} called {', '.join(repr(v) for v in values)}"
            for kind, values in unknown.items()
        )
        raise UnknownValues(described[0].upper() + described[1:], unknown)
    if len(speakers) < 2:
        raise TooFewSpeakers(
            "Pick at least two different speakers to compare"
            + (f" (only {speakers[0]['name']} was given)" if speakers else "")
        )
    return {"speakers": speakers, "topic": topic, "outlet": outlet}


class Urls(Links):
    """Links from the comparison into the reader, speaker pages and Datasette."""

    def __init__(self, datasette, database: str, resolved: dict, params: CompareParams):
        super().__init__(datasette, database)
        self.resolved = resolved
        self.params = params

    def quotes_view(self, speaker_id=None, topic=None, search=None) -> str:
        """quotes_view filtered like the comparison (Datasette's page: exports JSON/CSV)."""
        pairs = []
        if speaker_id is not None:
            pairs.append(("speaker_id", str(speaker_id)))
        topic = topic or self.resolved.get("topic")
        if topic:
            pairs.append(topic_filter(topic))
        if self.resolved.get("outlet"):
            pairs.append(("outlet", self.resolved["outlet"]["name"]))
        if self.params.date_from:
            pairs.append(("date__gte", self.params.date_from))
        if self.params.date_to:
            next_day = datetime.date.fromisoformat(self.params.date_to) + datetime.timedelta(days=1)
            pairs.append(("date__lt", next_day.isoformat()))
        if search:
            pairs.append(("_search", search))
        return self.quotes(pairs)

    def comparison(self, fmt: str | None = None, topic: dict | None = None) -> str:
        """This comparison in another format, or narrowed to one topic."""
        path = "/-/diplomacy/compare" + (f".{fmt}" if fmt else "")
        pairs = self.params.query_pairs(self.database)
        if topic is not None:
            pairs = [p for p in pairs if p[0] != "topic"] + [("topic", str(topic["id"]))]
        return self.ds.urls.path(path + "?" + urlencode(pairs))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


async def build_comparison(datasette, database: str, params: CompareParams) -> dict:
    """Everything the comparison shows, as plain JSON-ready data."""
    db = datasette.get_database(database)
    resolved = await resolve(db, params)
    speakers = resolved["speakers"]
    ids = [s["id"] for s in speakers]
    urls = Urls(datasette, database, resolved, params)
    builder = QueryBuilder(
        ids, resolved["topic"], resolved["outlet"], params.date_from, params.date_to
    )
    sample_sql, sample_params = builder.sample()
    counts, sample_result = await asyncio.gather(
        speaker_counts(db, builder, ids),
        db.execute(sample_sql, dict(sample_params, sample=SAMPLE)),
    )
    sample = [dict(r) for r in sample_result.rows]

    chosen = _choose_statements(sample, builder.topic)
    keys = sorted({skey for cell in chosen.values() for skey, _ in cell})
    reports = []
    if keys:
        reports = (await db.execute(builder.reports(), dict(
            builder.params, per_statement=REPORTS_PER_STATEMENT,
            keys=json.dumps([k for k in keys if not _is_quote_key(k)]),
            ids=json.dumps([int(k[1:]) for k in keys if _is_quote_key(k)]),
        ))).rows

    texts = defaultdict(dict)  # speaker -> statement key -> text (one text per statement)
    for q in sample:
        texts[q["speaker_id"]].setdefault(q["skey"], q["text"])
    term_counts = {sid: sample_terms(db, builder, sid, texts[sid].values()) for sid in ids}
    vocabulary = set().union(*[set(c) for c in term_counts.values()])
    try:
        background = await background_counts(datasette, database, vocabulary)
    except QueryInterrupted:
        # The corpus-wide prior is still being read (the first seconds after start-up
        # on a big database): weigh against the compared speakers' own sampled
        # statements instead of failing the whole page. Reported as "sample".
        combined: Counter = Counter()
        for counted in term_counts.values():
            combined.update(counted)
        background = {"counts": dict(combined), "total": max(sum(combined.values()), 1),
                      "source": "sample"}

    quotes_per_speaker = totals(counts)
    statements = {sid: sum(r["n"] for r in counts[sid]["statements"]) for sid in ids}
    sampled = Counter(q["speaker_id"] for q in sample)
    speaker_list, notes = [], []
    for s in speakers:
        quotes = quotes_per_speaker[s["id"]]
        speaker_list.append({
            "id": s["id"], "name": s["name"], "type": s["type"], "role": s["role"],
            "country": s["country"], "organisation": s["organisation"],
            "colour": s["colour"]["solid"], "background": s["colour"]["background"],
            "quotes": quotes, "statements": statements.get(s["id"], 0),
            "sampled_quotes": sampled[s["id"]],
            "url": urls.speaker(s["id"]), "quotes_url": urls.quotes_view(s["id"]),
        })
        if not quotes:
            notes.append(
                f"{s['name']} has no reported statement"
                + (" matching these filters." if builder.filtered else " in this database.")
            )
    if any(quotes_per_speaker[sid] > sampled[sid] for sid in ids):
        notes.append(
            f"The statements shown and the distinctive words come from the newest {SAMPLE:,} "
            "quotes of each speaker; all counts cover every quote."
        )

    return {
        "ok": True,
        "database": database,
        "filters": {
            "topic": resolved["topic"], "outlet": resolved["outlet"],
            "from": params.date_from, "to": params.date_to,
        },
        "speakers": speaker_list,
        "notes": notes,
        "grid": _grid(by_part(counts, "topic"), chosen, reports, ids, urls),
        "emphasis": _emphasis(by_part(counts, "topic"), quotes_per_speaker, ids),
        "terms": _terms(term_counts, background, ids, urls,
                        {sid: len(texts[sid]) for sid in ids}),
        "terms_prior": {"source": background["source"], "tokens": background["total"]},
        "outlets": _outlets(by_part(counts, "outlet"), ids),
        "timeline": _timeline(by_part(counts, "day"), ids),
        "mentions": _mentions(counts, ids, urls),
        "sample_size": SAMPLE,
        "urls": {
            "html": urls.comparison(), "json": urls.comparison("json"),
            "csv": urls.comparison("csv"),
        },
    }


def _is_quote_key(key: str) -> bool:
    """Statements without a statement_key are keyed ``q<quote id>``."""
    return key.startswith("q") and key[1:].isdigit()


def _choose_statements(sample: list[dict], topic) -> dict:
    """Per (topic id, speaker id): the statements to show, most carried first.

    Ranked within the sample by how many quotes carry the statement, then by
    the newest of them. Returns ``{(topic_id, speaker_id): [(skey, first quote id)]}``.
    """
    counts: dict = defaultdict(Counter)
    newest: dict = {}
    for q in sample:
        topic_ids = json.loads(q["topics"] or "[]") or [-1]
        for topic_id in topic_ids:
            cell = (topic_id, q["speaker_id"])
            counts[cell][q["skey"]] += 1
            newest[(cell, q["skey"])] = max(newest.get((cell, q["skey"]), 0), q["id"])
    chosen = {}
    for cell, statement_counts in counts.items():
        ranked = sorted(statement_counts, key=lambda k: (-statement_counts[k], -newest[(cell, k)]))
        chosen[cell] = [(k, newest[(cell, k)]) for k in ranked[:STATEMENTS_PER_CELL]]
    return chosen


def _topic_of(row) -> dict:
    if row["key"] == -1:
        return dict(NO_TOPIC)
    return {"id": row["key"], "name": row["label"]}


def _grid(topic_rows, chosen, report_rows, ids, urls) -> list[dict]:
    # Per statement: its first REPORTS_PER_STATEMENT quotes, then (if more) its last,
    # with the counts over all of them (see QueryBuilder.reports).
    reports_by_statement = defaultdict(list)
    carried = {}
    for q in report_rows:
        reports_by_statement[(q["speaker_id"], q["skey"])].append({
            "quote_id": q["quote_id"], "outlet": q["outlet"], "date": q["date"],
            "kind": q["kind"], "article_id": q["article_id"], "article_title": q["title"],
            "url": urls.quote(q["article_id"], q["quote_id"]),
            "text": q["text"],
        })
        carried[(q["speaker_id"], q["skey"])] = (q["report_count"], q["outlet_count"])
    topics, cell_quotes = {}, {}
    for r in topic_rows:
        topics[r["key"]] = _topic_of(r)
        cell_quotes[(r["key"], r["speaker_id"])] = r["n"]
    grid = []
    for topic_id, topic in topics.items():
        row_cells = []
        for sid in ids:
            items = []
            for skey, _ in chosen.get((topic_id, sid), []):
                reports = reports_by_statement.get((sid, skey), [])
                if not reports:
                    continue
                report_count, outlet_count = carried[(sid, skey)]
                items.append({
                    "statement_key": skey,
                    "text": reports[-1]["text"],  # the last report's wording
                    "outlet_count": outlet_count,
                    "report_count": report_count,
                    "reports": reports[:REPORTS_PER_STATEMENT],
                })
            quotes = cell_quotes.get((topic_id, sid), 0)
            row_cells.append({
                "speaker_id": sid, "quotes": quotes, "items": items,
                # Quotes of this cell not shown (the link lists them all).
                "more": max(quotes - sum(i["report_count"] for i in items), 0),
                "quotes_url": urls.quotes_view(sid, topic),
            })
        grid.append({
            "topic": topic, "quotes": sum(c["quotes"] for c in row_cells), "cells": row_cells,
            "topic_url": urls.comparison(topic=topic) if topic["id"] is not None else None,
        })
    # Busiest topics first, "(no topic)" last, ties by name.
    grid.sort(key=lambda g: (g["topic"]["id"] is None, -g["quotes"], g["topic"]["name"] or ""))
    return grid


def _emphasis(topic_rows, totals, ids) -> list[dict]:
    counts, topics = {}, {}
    for r in topic_rows:
        counts[(r["key"], r["speaker_id"])] = r["n"]
        topics[r["key"]] = _topic_of(r)
    result = []
    for topic_id, topic in topics.items():
        entries = []
        for sid in ids:
            n = counts.get((topic_id, sid), 0)
            entries.append({"speaker_id": sid, "quotes": n, "share": _share(n, totals[sid])})
        result.append({"topic": topic, "speakers": entries})
    result.sort(key=lambda e: (e["topic"]["id"] is None,
                               -sum(s["quotes"] for s in e["speakers"]), e["topic"]["name"] or ""))
    return result


def _terms(term_counts: dict, background: dict, ids, urls, counted: dict) -> list[dict]:
    # With plenty of text a word used once cannot rank among the most
    # distinctive; not scoring those halves the work on large comparisons.
    min_count = 2 if min(counted.values(), default=0) >= 200 else 1
    scores = log_odds(term_counts, background["counts"], background["total"], min_count)
    result = []
    for sid in ids:
        top = [s for s in scores.get(sid, []) if s.z > 0][:TERMS_PER_SPEAKER]
        result.append({
            "speaker_id": sid,
            "statements_counted": counted[sid],
            "terms": [
                {
                    "term": s.term, "count": s.count, "other_count": s.other_count,
                    "delta": round(s.delta, 4), "z": round(s.z, 3),
                    "significant": s.significant,
                    "url": urls.quotes_view(sid, search=s.term),
                }
                for s in top
            ],
        })
    return result


def _outlets(outlet_rows, ids) -> list[dict]:
    by_outlet: dict = {}
    for r in outlet_rows:
        entry = by_outlet.setdefault(r["key"], {
            "outlet": {"id": r["key"], "name": r["label"] or "(unknown outlet)"}, "counts": {},
        })
        counts = entry["counts"].setdefault(
            r["speaker_id"], {"speaker_id": r["speaker_id"], "quotes": 0, "direct": 0,
                              "indirect": 0, "other": 0})
        counts["quotes"] += r["n"]
        kind = r["kind"] if r["kind"] in ("direct", "indirect") else "other"
        counts[kind] += r["n"]
    result = []
    for entry in by_outlet.values():
        cells = []
        for sid in ids:
            c = entry["counts"].get(sid, {"speaker_id": sid, "quotes": 0, "direct": 0,
                                          "indirect": 0, "other": 0})
            c["direct_share"] = _share(c["direct"], c["direct"] + c["indirect"])
            cells.append(c)
        result.append({"outlet": entry["outlet"], "quotes": sum(c["quotes"] for c in cells),
                       "speakers": cells})
    result.sort(key=lambda e: (-e["quotes"], e["outlet"]["name"]))
    return result


def _timeline(day_rows, ids) -> list[dict]:
    days: dict = {}
    for r in day_rows:
        days.setdefault(r["key"], Counter())[r["speaker_id"]] = r["n"]
    return [
        {"date": day, "speakers": [{"speaker_id": sid, "quotes": counts.get(sid, 0)} for sid in ids]}
        for day, counts in sorted(days.items())
    ]


def _mentions(counts, ids, urls) -> list[dict]:
    """Who each speaker names most, and who names them most (counts: top ones, ordered)."""
    result = []
    for direction in ("mentions", "mentioned_by"):
        for sid in ids:
            result.append({"speaker_id": sid, "direction": direction, "others": [
                {"id": r["key"], "name": r["label"], "count": r["n"], "url": urls.speaker(r["key"])}
                for r in counts[sid][direction][:MENTIONS_PER_SPEAKER]
            ]})
    return result


def csv_rows(data: dict):
    """The comparison in tidy long form: one value per row (see CSV_COLUMNS)."""
    names = {s["id"]: s["name"] for s in data["speakers"]}

    def row(section, speaker_id, key, metric, value, quote=None):
        quote = quote or {}
        return [
            section, names.get(speaker_id, ""), key, metric, value,
            quote.get("quote_id", ""), quote.get("text", ""), quote.get("outlet", ""),
            quote.get("date", ""), quote.get("kind", ""),
        ]

    yield CSV_COLUMNS
    for s in data["speakers"]:
        yield row("speakers", s["id"], "", "quotes", s["quotes"])
        yield row("speakers", s["id"], "", "statements", s["statements"])
    for g in data["grid"]:
        for cell in g["cells"]:
            for item in cell["items"]:
                for report in item["reports"]:
                    yield row("grid", cell["speaker_id"], g["topic"]["name"],
                              "statement_key", item["statement_key"], report)
    for e in data["emphasis"]:
        for s in e["speakers"]:
            yield row("emphasis", s["speaker_id"], e["topic"]["name"], "quotes", s["quotes"])
            yield row("emphasis", s["speaker_id"], e["topic"]["name"], "share",
                      "" if s["share"] is None else s["share"])
    for t in data["terms"]:
        for term in t["terms"]:
            yield row("terms", t["speaker_id"], term["term"], "z", term["z"])
            yield row("terms", t["speaker_id"], term["term"], "count", term["count"])
    for o in data["outlets"]:
        for s in o["speakers"]:
            for metric in ("quotes", "direct", "indirect", "other", "direct_share"):
                value = s[metric]
                yield row("outlets", s["speaker_id"], o["outlet"]["name"], metric,
                          "" if value is None else value)
    for day in data["timeline"]:
        for s in day["speakers"]:
            yield row("timeline", s["speaker_id"], day["date"], "quotes", s["quotes"])
    for m in data["mentions"]:
        for other in m["others"]:
            yield row(m["direction"], m["speaker_id"], other["name"], "count", other["count"])
