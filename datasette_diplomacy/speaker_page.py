"""Data for a speaker's page: who they are, what they talk about, who reports them."""
from __future__ import annotations

import asyncio
from urllib.parse import urlencode

from .colours import speaker_colour

RECENT_SCAN = 2000  # last loaded quotes among which the latest by date are picked
RECENT_QUOTES = 200  # newest quotes read to show the latest distinct statements
RECENT_STATEMENTS = 25
CO_SPEAKERS = 8
CO_SPEAKER_ARTICLES = 2000  # newest reports of the speaker searched for co-speakers


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
        # One pass over the speaker's quotes, grouped three ways (exact counts).
        "aggregates": """
            with s as materialized (
                select q.id, q.kind, q.article_id, a.outlet_id
                from quotes q join articles a on a.id = q.article_id
                where q.speaker_id = :id
            )
            select 'topic' as part, coalesce(qt.topic_id, -1) as key, t.name as label,
                   count(*) as quotes, null as direct, null as indirect, null as articles
            from s left join quote_topics qt on qt.quote_id = s.id
            left join topics t on t.id = qt.topic_id
            group by coalesce(qt.topic_id, -1)
            union all
            select 'outlet', s.outlet_id, o.name, count(*), sum(s.kind = 'direct'),
                   sum(s.kind = 'indirect'), count(distinct s.article_id)
            from s left join outlets o on o.id = s.outlet_id
            group by s.outlet_id
            union all
            select 'mentions', qm.speaker_id, sp.name, count(*), null, null, null
            from s join quote_mentions qm on qm.quote_id = s.id
            join speakers sp on sp.id = qm.speaker_id
            where qm.speaker_id != :id
            group by qm.speaker_id
        """,
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
            where s.type != 'anonymous'
            group by other.speaker_id order by articles desc, s.name limit {CO_SPEAKERS}
        """,
        "mentioned_by": """
            select q.speaker_id as id, s.name, count(*) as n
            from quote_mentions qm join quotes q on q.id = qm.quote_id
            join speakers s on s.id = q.speaker_id
            where qm.speaker_id = :id and q.speaker_id != :id
            group by q.speaker_id order by n desc, s.name limit 10
        """,
    }
    names = list(queries)
    results = await asyncio.gather(
        *[db.execute(queries[n], {"id": speaker_id}) for n in names]
    )
    data = {n: [dict(r) for r in res.rows] for n, res in zip(names, results)}
    parts: dict = {"topic": [], "outlet": [], "mentions": []}
    for row in data.pop("aggregates"):
        parts[row["part"]].append(row)
    data["topics"] = sorted(
        ({"topic_id": r["key"], "topic": r["label"], "quotes": r["quotes"]} for r in parts["topic"]),
        key=lambda t: (-t["quotes"], t["topic"] or ""),
    )
    data["outlets"] = sorted(
        ({"outlet_id": r["key"], "outlet": r["label"], "quotes": r["quotes"], "direct": r["direct"],
          "indirect": r["indirect"], "articles": r["articles"]} for r in parts["outlet"]),
        key=lambda o: (-o["quotes"], o["outlet"] or ""),
    )
    data["mentions"] = sorted(
        ({"id": r["key"], "name": r["label"], "n": r["quotes"]} for r in parts["mentions"]),
        key=lambda m: (-m["n"], m["name"] or ""),
    )[:10]
    query = urlencode({"database": database})

    def speaker_url(sid):
        return datasette.urls.path(f"/-/diplomacy/speaker/{int(sid)}?{query}")

    def compare_url(other_id):
        return datasette.urls.path(
            "/-/diplomacy/compare?"
            + urlencode([("speaker", speaker_id), ("speaker", other_id), ("database", database)])
        )

    quotes_table = datasette.urls.table(database, "quotes_view")
    quote_count = sum(o["quotes"] for o in data["outlets"])
    for t in data["topics"]:
        if t["topic_id"] == -1:
            t["topic_id"], t["topic"] = None, "(no topic)"
            filters = [("speaker_id", speaker_id), ("topics", "[]")]
        else:
            filters = [("speaker_id", speaker_id), ("topics__arraycontains", t["topic"])]
        t["share"] = round(t["quotes"] / quote_count, 4) if quote_count else None
        t["url"] = f"{quotes_table}?{urlencode(filters)}"
    for o in data["outlets"]:
        o["url"] = f"{quotes_table}?" + urlencode(
            [("speaker_id", speaker_id), ("outlet", o["outlet"] or "")]
        )
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
            q["url"] = datasette.urls.path(
                f"/-/diplomacy/article/{int(q['article_id'])}?{query}#quote-{int(q['id'])}"
            )
    for key in ("co_speakers", "mentions", "mentioned_by"):
        for other in data[key]:
            other["url"] = speaker_url(other["id"])
            other["compare_url"] = compare_url(other["id"])
    return {
        "database": database,
        "speaker": speaker,
        "colour": speaker_colour(speaker_id),
        "quote_count": quote_count,
        "statements": statements,
        "quotes_url": f"{quotes_table}?" + urlencode([("speaker_id", speaker_id)]),
        "row_url": datasette.urls.row(database, "speakers", str(speaker_id)),
        **data,
    }
