"""Data for a speaker's page: who they are, what they talk about, who reports them."""
from __future__ import annotations

import asyncio

from .charts import speaker_colour
from .compare_sql import QueryBuilder
from .counts import speaker_counts
from .links import Links, topic_filter

RECENT_SCAN = 2000  # last loaded quotes among which the latest by date are picked
RECENT_QUOTES = 200  # newest quotes read to show the latest distinct statements
RECENT_STATEMENTS = 25
CO_SPEAKERS = 8
CO_SPEAKER_ARTICLES = 2000  # newest reports of the speaker searched for co-speakers
TOP_OTHERS = 10  # people named by the speaker, and naming the speaker


async def speaker_data(datasette, database: str, speaker_id: int) -> dict | None:
    """Everything the speaker page shows, or None when there is no such speaker."""
    db = datasette.get_database(database)
    rows = (await db.execute("select * from speakers where id = ?", [speaker_id])).rows
    if not rows:
        return None
    speaker = dict(rows[0])
    queries = {
        "aliases": ("select alias from speaker_aliases where speaker_id = :id "
                    "order by alias collate nocase"),
        # By date among the speaker's last RECENT_SCAN loaded quotes (read backwards
        # along the speaker_id index), so the sort never covers a whole career.
        "recent": f"""
            select * from (
                select q.id, q.text, q.kind, coalesce(q.statement_key, 'q' || q.id) as skey,
                       a.id as article_id, a.date, o.name as outlet
                from quotes q join articles a on a.id = q.article_id
                left join outlets o on o.id = a.outlet_id
                where q.speaker_id = :id order by q.id desc limit {RECENT_SCAN}
            ) order by date desc, id desc limit {RECENT_QUOTES}
        """,
        # Among the speaker's newest reports, so a prolific speaker stays cheap.
        "co_speakers": f"""
            select other.speaker_id as id, s.name, count(*) as articles
            from (select article_id from article_speakers where speaker_id = :id
                  order by article_id desc limit {CO_SPEAKER_ARTICLES}) mine
            join article_speakers other on other.article_id = mine.article_id
                 and other.speaker_id != :id
            join speakers s on s.id = other.speaker_id
            where s.type not in ('anonymous', 'document')
            group by other.speaker_id order by articles desc, s.name limit {CO_SPEAKERS}
        """,
    }
    names = list(queries)
    counted, *results = await asyncio.gather(
        speaker_counts(db, QueryBuilder([speaker_id]), [speaker_id]),
        *[db.execute(queries[n], {"id": speaker_id}) for n in names],
    )
    data = {n: [dict(r) for r in res.rows] for n, res in zip(names, results)}
    parts = counted[speaker_id]
    data["topics"] = sorted(
        ({"topic_id": r["key"], "topic": r["label"], "quotes": r["n"]} for r in parts["topic"]),
        key=lambda t: (-t["quotes"], t["topic"] or ""),
    )
    outlets: dict = {}
    for r in parts["outlet"]:
        o = outlets.setdefault(r["key"], {"outlet_id": r["key"], "outlet": r["label"], "quotes": 0,
                                          "direct": 0, "indirect": 0, "articles": 0})
        o["quotes"] += r["n"]
        if r["kind"] in ("direct", "indirect"):
            o[r["kind"]] += r["n"]
    for r in parts["articles"]:
        outlets[r["key"]]["articles"] = r["n"]
    data["outlets"] = sorted(outlets.values(), key=lambda o: (-o["quotes"], o["outlet"] or ""))
    for direction in ("mentions", "mentioned_by"):
        data[direction] = [{"id": r["key"], "name": r["label"], "n": r["n"]}
                           for r in parts[direction][:TOP_OTHERS]]
    links = Links(datasette, database)
    mine = ("speaker_id", speaker_id)
    quote_count = sum(o["quotes"] for o in data["outlets"])
    for t in data["topics"]:
        if t["topic_id"] == -1:
            t["topic_id"], t["topic"] = None, "(no topic)"
        t["share"] = round(t["quotes"] / quote_count, 4) if quote_count else None
        t["url"] = links.quotes([mine, topic_filter({"id": t["topic_id"], "name": t["topic"]})])
    for o in data["outlets"]:
        o["url"] = links.quotes([mine, ("outlet", o["outlet"] or "")])
    statements, seen = [], {}
    for q in data.pop("recent"):
        if q["skey"] in seen:
            seen[q["skey"]]["reports"].append(q)
            continue
        if len(statements) >= RECENT_STATEMENTS:
            continue
        entry = {"text": q["text"], "statement_key": q["skey"], "reports": [q]}
        seen[q["skey"]] = entry
        statements.append(entry)
    for entry in statements:
        for q in entry["reports"]:
            q["url"] = links.quote(q["article_id"], q["id"])
    for key in ("co_speakers", "mentions", "mentioned_by"):
        for other in data[key]:
            other["url"] = links.speaker(other["id"])
            other["compare_url"] = links.comparison_of([speaker_id, other["id"]])
    return {
        "database": database,
        "speaker": speaker,
        "colour": speaker_colour(speaker_id),
        "quote_count": quote_count,
        "statements": statements,
        "quotes_url": links.quotes([mine]),
        "row_url": datasette.urls.row(database, "speakers", str(speaker_id)),
        **data,
    }
