"""The comparison's SQL: one statement per speaker and two for all, whatever the number of quotes.

``counts``      one pass over the speaker's selected quotes (through the indexed
                ``quotes.speaker_id``), materialised once and grouped seven ways
                (see :mod:`.counts`, which caches it). These counts are exact.
``sample``      the newest ``SAMPLE`` quotes of each speaker (newest by id, read
                backwards along the speaker_id index, so the cost is bounded by
                the sample, not by how prolific the speaker is), with their
                topics: the grid's statements and the distinctive terms come
                from it.
``reports``     the statements the grid shows: how many quotes and outlets carried
                each (counted on a covering ``statement_key`` index) and the first
                few of those quotes (and the last) with their text.

All values are bound parameters; the only text pasted into SQL is this module's.
"""
from __future__ import annotations

import datetime
import json

SPEAKERS_IN = "q.speaker_id in (select value from json_each(:speakers))"


class QueryBuilder:
    """The WHERE clause for the selected quotes and its parameters."""

    def __init__(self, speaker_ids, topic=None, outlet=None, date_from=None, date_to=None):
        self.speaker_ids = list(speaker_ids)
        self.topic = topic
        self.params: dict = {"speakers": json.dumps(self.speaker_ids)}
        self.conditions: list[str] = []
        if topic:
            self.conditions.append(
                "q.id in (select quote_id from quote_topics where topic_id = :topic)"
            )
            self.params["topic"] = topic["id"]
        if outlet:
            self.conditions.append("a.outlet_id = :outlet")
            self.params["outlet"] = outlet["id"]
        if date_from:
            self.conditions.append("a.date >= :date_from")
            self.params["date_from"] = date_from
        if date_to:
            # Inclusive: everything before the start of the following day.
            next_day = datetime.date.fromisoformat(date_to) + datetime.timedelta(days=1)
            self.conditions.append("a.date < :date_to_next")
            self.params["date_to_next"] = next_day.isoformat()

    @property
    def filtered(self) -> bool:
        return bool(self.conditions)

    def where(self, speaker_condition: str = SPEAKERS_IN) -> str:
        return " and ".join([speaker_condition] + self.conditions)

    @property
    def filter_key(self) -> tuple:
        """The filters (not the speakers), as a cache key."""
        return tuple(sorted((k, v) for k, v in self.params.items() if k != "speakers"))

    def counts(self) -> str:
        """Exact counts for one speaker (``:speaker``), grouped seven ways (see :mod:`.counts`)."""
        # With a topic filter the topic rows are that topic only, not its neighbours.
        topic_join = "qt.quote_id = s.id" + (" and qt.topic_id = :topic" if self.topic else "")
        return f"""
            with s as materialized (
                select q.id, q.kind, q.article_id, coalesce(q.statement_key, 'q' || q.id) as skey,
                       a.outlet_id, substr(a.date, 1, 10) as day
                from quotes q join articles a on a.id = q.article_id
                where {self.where("q.speaker_id = :speaker")}
            )
            select 'outlet' as part, s.outlet_id as key, o.name as label, s.kind as kind,
                   count(*) as n
            from s left join outlets o on o.id = s.outlet_id
            group by s.outlet_id, s.kind
            union all
            select 'articles', outlet_id, null, null, count(distinct article_id) from s
            group by outlet_id
            union all
            select 'day', day, null, null, count(*) from s
            where day is not null and day != '' group by day
            union all
            select 'statements', null, null, null, count(distinct skey) from s
            union all
            select 'topic', coalesce(qt.topic_id, -1), t.name, null, count(*)
            from s left join quote_topics qt on {topic_join}
            left join topics t on t.id = qt.topic_id
            group by coalesce(qt.topic_id, -1)
            union all
            select * from (
                -- cross join: read s first, never the whole quote_mentions index
                select 'mentions', qm.speaker_id, sp.name, null, count(*) as n
                from s cross join quote_mentions qm on qm.quote_id = s.id
                join speakers sp on sp.id = qm.speaker_id
                where qm.speaker_id != :speaker
                group by qm.speaker_id order by n desc, sp.name limit :others)
            union all
            select * from (
                select 'mentioned_by', q.speaker_id, sp.name, null, count(*) as n
                from quote_mentions qm
                join quotes q on q.id = qm.quote_id
                join articles a on a.id = q.article_id
                join speakers sp on sp.id = q.speaker_id
                where {self.where("qm.speaker_id = :speaker")} and q.speaker_id != :speaker
                group by q.speaker_id order by n desc, sp.name limit :others)
        """

    def counts_params(self, speaker_id: int, others: int) -> dict:
        return dict(self.params, speaker=speaker_id, others=others)

    def sample(self) -> tuple[str, dict]:
        """Newest quotes per speaker (``:sample`` each), with their topic ids as JSON."""
        topic_filter = " and topic_id = :topic" if self.topic else ""
        parts, params = [], dict(self.params)
        for i, speaker_id in enumerate(self.speaker_ids):
            params[f"s{i}"] = speaker_id
            parts.append(f"""select * from (
                select q.id, q.speaker_id, coalesce(q.statement_key, 'q' || q.id) as skey,
                       q.text,
                       (select json_group_array(topic_id) from quote_topics
                        where quote_id = q.id{topic_filter}) as topics
                from quotes q join articles a on a.id = q.article_id
                where {self.where(f"q.speaker_id = :s{i}")}
                order by q.id desc limit :sample)""")
        return " union all ".join(parts), params

    def reports(self) -> str:
        """Quotes of the statements in :keys / :ids (quotes without a key), by these speakers:
        per statement the first ``:per_statement`` in (date, outlet, id) order and the last,
        each row with the statement's ``report_count`` and ``outlet_count`` over all its quotes.

        A statement such as "Thank you." is carried by thousands of quotes in a big
        database; only the shown ones are fetched with their text and title. The
        counting pass reads ``idx_quotes_statement_key_speaker_id_article_id``
        (covering), not the quote rows.
        """
        # Unary + keeps the planner on the statement_key index: a prolific
        # speaker's index range would be far larger than a few statements.
        return f"""
            with r as materialized (
                select q.id as quote_id, q.speaker_id, q.statement_key as skey,
                       a.id as article_id, a.date, o.name as outlet
                from quotes q join articles a on a.id = q.article_id
                left join outlets o on o.id = a.outlet_id
                where q.statement_key in (select value from json_each(:keys))
                  and {self.where("+q.speaker_id in (select value from json_each(:speakers))")}
                union all
                select q.id, q.speaker_id, 'q' || q.id, a.id, a.date, o.name
                from quotes q join articles a on a.id = q.article_id
                left join outlets o on o.id = a.outlet_id
                where q.id in (select value from json_each(:ids)) and q.statement_key is null
                  and {self.where("+q.speaker_id in (select value from json_each(:speakers))")}
            ),
            ranked as (
                select r.*, row_number() over (
                           partition by speaker_id, skey order by date, outlet, quote_id) as rn,
                       count(*) over (partition by speaker_id, skey) as report_count
                from r
            ),
            carried as (
                select speaker_id, skey,
                       count(distinct outlet) + max(outlet is null) as outlet_count
                from r group by speaker_id, skey
            )
            select ranked.quote_id, ranked.speaker_id, ranked.skey, q.text, q.kind,
                   ranked.article_id, ranked.date, a.title, ranked.outlet,
                   ranked.report_count, carried.outlet_count
            from ranked
            join carried on carried.speaker_id = ranked.speaker_id and carried.skey = ranked.skey
            join quotes q on q.id = ranked.quote_id
            join articles a on a.id = ranked.article_id
            where ranked.rn <= :per_statement or ranked.rn = ranked.report_count
            order by ranked.date, ranked.outlet, ranked.quote_id
        """
