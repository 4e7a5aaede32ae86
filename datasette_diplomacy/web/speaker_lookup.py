"""Finding speakers: by id or name for the comparison, by prefix for the picker.

A journalist types what they remember ("Truss", "Liz Truss", "lavrov"); the
loader stores one canonical name per person and every surface form as an alias.
A value is matched, in order, as an id, an exact name, an exact alias, the merge
key, then as a fragment of a name or alias; among several candidates the most
quoted person wins (the one a journalist most likely means).
"""
from __future__ import annotations

from .charts import speaker_colour

SPEAKER_COLUMNS = "s.id, s.name, s.type, s.role, s.country, s.organisation, s.quote_count"


def escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def speaker_record(row) -> dict:
    record = {
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "role": row["role"],
        "country": row["country"],
        "organisation": row["organisation"],
        "quote_count": row["quote_count"] or 0,
    }
    record["colour"] = speaker_colour(row["id"])
    return record


async def find_speaker(db, value: str) -> dict | None:
    """The speaker ``value`` names (see module docstring), or None."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        rows = (
            await db.execute(
                f"select {SPEAKER_COLUMNS} from speakers s where s.id = ?", [int(value)]
            )
        ).rows
        if rows:
            return speaker_record(rows[0])
    exact = f"""
        select {SPEAKER_COLUMNS}, 0 as rank from speakers s where s.name = :v collate nocase
        union all
        select {SPEAKER_COLUMNS}, 1 from speakers s
          where s.id in (select speaker_id from speaker_aliases where alias = :v collate nocase)
        union all
        select {SPEAKER_COLUMNS}, 2 from speakers s where s.key = :v collate nocase
        order by rank, quote_count desc, id
        limit 1
    """
    rows = (await db.execute(exact, {"v": value})).rows
    if not rows:
        fragment = f"%{escape_like(value)}%"
        loose = f"""
            select {SPEAKER_COLUMNS} from speakers s
            where s.name like :f escape '\\'
               or s.id in (select speaker_id from speaker_aliases where alias like :f escape '\\')
            order by s.quote_count desc, s.id
            limit 1
        """
        rows = (await db.execute(loose, {"f": fragment})).rows
    return speaker_record(rows[0]) if rows else None


async def suggest_speakers(db, query: str, limit: int = 10) -> list[dict]:
    """Speakers whose name or an alias starts with ``query`` (or a word in it does)."""
    query = (query or "").strip()
    if query:
        escaped = escape_like(query)
        sql = f"""
            select {SPEAKER_COLUMNS},
                (select group_concat(alias, '; ') from (
                    select alias from speaker_aliases a
                    where a.speaker_id = s.id and a.alias != s.name limit 5)) as aliases
            from speakers s
            where s.type not in ('anonymous', 'document') and (
                s.name like :prefix escape '\\' or s.name like :word escape '\\'
                or s.id in (select speaker_id from speaker_aliases
                            where alias like :prefix escape '\\' or alias like :word escape '\\'))
            order by (s.name like :prefix escape '\\') desc, s.quote_count desc, s.name
            limit :limit
        """
        params = {"prefix": f"{escaped}%", "word": f"% {escaped}%", "limit": limit}
    else:
        sql = f"""
            select {SPEAKER_COLUMNS}, null as aliases from speakers s
            where s.type not in ('anonymous', 'document') and s.quote_count > 0
            order by s.quote_count desc, s.name limit :limit
        """
        params = {"limit": limit}
    rows = (await db.execute(sql, params)).rows
    result = []
    for row in rows:
        record = speaker_record(row)
        record["aliases"] = [a for a in (row["aliases"] or "").split("; ") if a]
        result.append(record)
    return result
