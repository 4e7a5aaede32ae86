"""Shared fixtures: a small database built to docs/schema.md, and (once the loader
works) the five seed reports loaded with the project's own loader.

The fixture database is deliberately generic (invented people in invented
countries) so the plugin tests exercise the schema contract, not the seeds.
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest
import sqlite_utils

from datasette_diplomacy.text import paragraph_index, paragraph_spans
from datasette_diplomacy import summaries

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
METADATA_PATH = ROOT / "metadata.yml"

# Deliberately hostile text: must render as text everywhere.
SCRIPT_TEXT = "<script>alert('owned')</script>"

OUTLETS = [
    {"id": 1, "name": "Example Times"},
    {"id": 2, "name": "Freedonia Herald"},
    {"id": 3, "name": "Wire & <Co>"},
]

SPEAKERS = [
    {"id": 1, "key": "anna petrova", "name": "Anna Petrova", "type": "person",
     "role": "Foreign Minister", "country": "Ruritania",
     "organisation": "Ministry of Foreign Affairs of Ruritania", "gender": "f"},
    {"id": 2, "key": "jonathan hale", "name": "Jonathan Hale", "type": "person",
     "role": "Foreign Secretary", "country": "Freedonia",
     "organisation": "Foreign Office", "gender": "m"},
    {"id": 3, "key": "mira quell", "name": "Mira Quell", "type": "person",
     "role": "Envoy", "country": "Freedonia", "organisation": None, "gender": "f"},
    {"id": 4, "key": "a senior official", "name": "a senior official", "type": "anonymous",
     "role": None, "country": None, "organisation": None, "gender": None},
    {"id": 5, "key": "script kiddie", "name": "Script " + SCRIPT_TEXT, "type": "person",
     "role": "Spokesperson", "country": "Ruritania", "organisation": None, "gender": None},
]

ALIASES = [
    (1, "Anna Petrova"), (1, "Petrova"), (1, "the Ruritanian foreign minister"),
    (2, "Jonathan Hale"), (2, "Jon Hale"), (2, "Hale"),
    (3, "Mira Quell"),
    (4, "a senior official"),
    (5, "Script " + SCRIPT_TEXT),
]

TOPICS = [
    {"id": 1, "name": "Sanctions", "description": "Economic sanctions", "parent_id": None},
    {"id": 2, "name": "Security guarantees", "description": "Treaties and guarantees", "parent_id": None},
    {"id": 3, "name": "Energy", "description": "Gas and oil", "parent_id": 1},
    {"id": 4, "name": "Military exercises", "description": None, "parent_id": None},
]

# Each article: body paragraphs, and quotes as (speaker_id, text, kind, cue, topics,
# mentions, statement_key). Quote text must occur in the body; offsets are computed.
ARTICLES = [
    {
        "id": 1, "name": "times-1", "outlet_id": 1, "date": "2022-02-10T11:40:00",
        "title": "Talks in Ruritania end without agreement", "kind": "article",
        "url": "https://example.com/times/1", "dateline": "CAPITAL",
        "paragraphs": [
            "Anna Petrova and Jonathan Hale met in the capital on Thursday.",
            'Petrova said: "We will not accept ultimatums from anyone about sanctions."',
            'Hale said: "Sanctions will follow any further escalation on the border."',
            "Petrova said the gas pipeline was a purely commercial energy project.",
            'A senior official said: "The exercises are routine."',
        ],
        "quotes": [
            (1, "We will not accept ultimatums from anyone about sanctions.", "direct", "said", [1], [], "st-ultimatums"),
            (2, "Sanctions will follow any further escalation on the border.", "direct", "said", [1], [], "st-escalation"),
            (1, "the gas pipeline was a purely commercial energy project", "indirect", "said", [3, 1], [], "st-pipeline"),
            (4, "The exercises are routine.", "direct", "said", [4], [], "st-routine"),
        ],
        "topics": {1: 3, 3: 1, 4: 1},
    },
    {
        "id": 2, "name": "herald-1", "outlet_id": 2, "date": "2022-02-10T15:00:00",
        "title": "Hale warns Petrova over troops", "kind": "article",
        "url": "https://example.com/herald/1", "dateline": None,
        "paragraphs": [
            'Jonathan Hale told reporters: "Ruritania must withdraw its troops from the border."',
            'Anna Petrova replied: "We will not accept ultimatums from anyone about sanctions."',
            "Hale said that Anna Petrova had offered no guarantees of security at all.",
            "Petrova said the security guarantees proposal was a serious one.",
        ],
        "quotes": [
            (2, "Ruritania must withdraw its troops from the border.", "direct", "told", [4], [], "st-withdraw"),
            (1, "We will not accept ultimatums from anyone about sanctions.", "direct", "replied", [1], [], "st-ultimatums"),
            (2, "Anna Petrova had offered no guarantees of security at all", "indirect", "said", [2], [1], "st-noguarantees"),
            (1, "the security guarantees proposal was a serious one", "indirect", "said", [2], [], "st-serious"),
        ],
        "topics": {1: 1, 2: 2, 4: 1},
    },
    {
        "id": 3, "name": "wire-1", "outlet_id": 3, "date": "2022-02-11",
        "title": "Spokesperson posts " + SCRIPT_TEXT, "kind": "transcript",
        "url": None, "dateline": None,
        "paragraphs": [
            "SPOKESPERSON: " + SCRIPT_TEXT + " is not how diplomacy works.",
            "HALE: Pipeline sanctions remain on the table, and troops must leave.",
            "Petrova later called Hale's remarks about the pipeline unhelpful and hostile.",
        ],
        "quotes": [
            (5, SCRIPT_TEXT + " is not how diplomacy works.", "transcript", "SPOKESPERSON", [], [], "st-script"),
            (2, "Pipeline sanctions remain on the table, and troops must leave.", "transcript", "HALE", [1, 3], [], "st-table"),
            (1, "Hale's remarks about the pipeline unhelpful and hostile", "indirect", "called", [3], [2], "st-unhelpful"),
            # Nested inside the quote above, and one overlapping its start.
            (None, "remarks about the pipeline", "indirect", None, [], [], None),
            (4, "later called Hale's remarks", "indirect", None, [], [], None),
        ],
        "topics": {1: 1, 3: 1},
    },
]


def _create_schema(db: sqlite_utils.Database) -> None:
    db["outlets"].create({"id": int, "name": str, "article_count": int}, pk="id")
    db["outlets"].create_index(["name"], unique=True)
    db["articles"].create(
        {"id": int, "name": str, "source": str, "url": str, "title": str, "body": str,
         "date": str, "dateline": str, "outlet_id": int, "kind": str, "format": str,
         "content_hash": str, "word_count": int, "quote_count": int, "loaded_at": str},
        pk="id", foreign_keys=[("outlet_id", "outlets", "id")],
    )
    db["articles"].create_index(["source"], unique=True)
    db["speakers"].create(
        {"id": int, "key": str, "name": str, "type": str, "role": str, "country": str,
         "organisation": str, "gender": str, "quote_count": int, "article_count": int},
        pk="id",
    )
    db["speakers"].create_index(["key"], unique=True)
    db["speaker_aliases"].create(
        {"id": int, "speaker_id": int, "alias": str}, pk="id",
        foreign_keys=[("speaker_id", "speakers", "id")],
    )
    db["speaker_aliases"].create_index(["speaker_id", "alias"], unique=True)
    db["topics"].create(
        {"id": int, "name": str, "description": str, "parent_id": int}, pk="id",
        foreign_keys=[("parent_id", "topics", "id")],
    )
    db["topics"].create_index(["name"], unique=True)
    db["quotes"].create(
        {"id": int, "article_id": int, "speaker_id": int, "text": str, "kind": str,
         "cue": str, "paragraph": int, "start": int, "end": int, "statement_key": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
    )
    db["quote_topics"].create(
        {"quote_id": int, "topic_id": int}, pk=("quote_id", "topic_id"),
        foreign_keys=[("quote_id", "quotes", "id"), ("topic_id", "topics", "id")],
    )
    db["article_topics"].create(
        {"article_id": int, "topic_id": int, "count": int}, pk=("article_id", "topic_id"),
        foreign_keys=[("article_id", "articles", "id"), ("topic_id", "topics", "id")],
    )
    db["article_speakers"].create(
        {"article_id": int, "speaker_id": int, "quote_count": int},
        pk=("article_id", "speaker_id"),
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
    )
    db["quote_mentions"].create(
        {"quote_id": int, "speaker_id": int}, pk=("quote_id", "speaker_id"),
        foreign_keys=[("quote_id", "quotes", "id"), ("speaker_id", "speakers", "id")],
    )
    db["entities"].create({"id": int, "name": str, "type": str}, pk="id")
    db["entities"].create_index(["name", "type"], unique=True)
    db["article_entities"].create(
        {"article_id": int, "entity_id": int, "count": int}, pk=("article_id", "entity_id"),
        foreign_keys=[("article_id", "articles", "id"), ("entity_id", "entities", "id")],
    )
    db["sources"].create(
        {"path": str, "hash": str, "size": int, "mtime": float, "articles": int,
         "error": str, "loaded_at": str}, pk="path",
    )
    db["diplomacy_state"].create({"key": str, "value": str}, pk="key")
    for table in db.tables:
        for fk in table.foreign_keys:
            if not any(ix.columns == [fk.column] for ix in table.indexes):
                table.create_index([fk.column], if_not_exists=True)


VIEWS = {
    "quotes_view": """
select q.id, q.text, s.name as speaker, q.speaker_id, s.role, s.country,
       s.type as speaker_type, q.kind, q.cue, o.name as outlet, a.date,
       q.article_id, a.title as article_title,
       (select json_group_array(t.name) from quote_topics qt
          join topics t on t.id = qt.topic_id where qt.quote_id = q.id) as topics,
       q.start, q."end", q.paragraph
from quotes q
join articles a on a.id = q.article_id
left join outlets o on o.id = a.outlet_id
left join speakers s on s.id = q.speaker_id
""",
    "articles_view": """
select a.id, a.title, o.name as outlet, a.date, a.kind, a.dateline, a.source, a.url,
       a.quote_count, a.word_count,
       (select json_group_array(t.name) from article_topics at2
          join topics t on t.id = at2.topic_id where at2.article_id = a.id) as topics,
       (select json_group_array(s.name) from article_speakers asp
          join speakers s on s.id = asp.speaker_id where asp.article_id = a.id) as speakers
from articles a
left join outlets o on o.id = a.outlet_id
""",
}


def build_fixture_db(path: str | os.PathLike) -> str:
    """Write the fixture database to ``path`` following docs/schema.md; return the path."""
    db = sqlite_utils.Database(path, recreate=True)
    _create_schema(db)
    db["outlets"].insert_all(OUTLETS)
    db["speakers"].insert_all(SPEAKERS)
    db["speaker_aliases"].insert_all(
        {"speaker_id": sid, "alias": alias} for sid, alias in ALIASES
    )
    db["topics"].insert_all(TOPICS)
    quote_id = 0
    for article in ARTICLES:
        body = "\n\n".join(article["paragraphs"])
        record = {k: v for k, v in article.items() if k not in ("paragraphs", "quotes", "topics")}
        record.update(
            body=body, source=f"fixtures/{article['name']}.txt", format="txt",
            content_hash=f"hash-{article['id']}", word_count=len(body.split()),
            quote_count=len(article["quotes"]), loaded_at="2024-01-01T00:00:00",
        )
        db["articles"].insert(record)
        db["article_topics"].insert_all(
            {"article_id": article["id"], "topic_id": t, "count": n}
            for t, n in article["topics"].items()
        )
        per_speaker: dict[int, int] = {}
        spans = paragraph_spans(body)
        for speaker_id, text, kind, cue, topics, mentions, key in article["quotes"]:
            quote_id += 1
            start = body.find(text)
            if start < 0:
                raise AssertionError(f"fixture quote not in body: {text!r}")
            paragraph = paragraph_index(spans, start)
            db["quotes"].insert({
                "id": quote_id, "article_id": article["id"], "speaker_id": speaker_id,
                "text": text, "kind": kind, "cue": cue, "paragraph": paragraph,
                "start": start, "end": start + len(text), "statement_key": key,
            })
            assert body[start:start + len(text)] == text
            db["quote_topics"].insert_all({"quote_id": quote_id, "topic_id": t} for t in topics)
            db["quote_mentions"].insert_all({"quote_id": quote_id, "speaker_id": s} for s in mentions)
            if speaker_id:
                per_speaker[speaker_id] = per_speaker.get(speaker_id, 0) + 1
        db["article_speakers"].insert_all(
            {"article_id": article["id"], "speaker_id": s, "quote_count": n}
            for s, n in per_speaker.items()
        )
    db.execute("""update speakers set
        quote_count = (select count(*) from quotes where speaker_id = speakers.id),
        article_count = (select count(distinct article_id) from quotes where speaker_id = speakers.id)""")
    db.execute("update outlets set article_count = (select count(*) from articles where outlet_id = outlets.id)")
    db["entities"].insert({"id": 1, "name": "Ruritania", "type": "country"})
    db["article_entities"].insert({"article_id": 1, "entity_id": 1, "count": 2})
    db["sources"].insert_all(
        {"path": f"fixtures/{a['name']}.txt", "hash": "0" * 64, "size": 1, "mtime": 0.0,
         "articles": 1, "error": None, "loaded_at": "2024-01-01T00:00:00"} for a in ARTICLES
    )
    db["diplomacy_state"].insert({"key": "fts_dirty", "value": "0"})
    db["articles"].enable_fts(["title", "body"], create_triggers=True)
    db["quotes"].enable_fts(["text"], create_triggers=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql)
    summaries.rebuild(db)  # speaker_stats, as a load's finalize leaves it
    db.conn.commit()
    db.close()
    return str(path)


@pytest.fixture(scope="session")
def fixture_db_path(tmp_path_factory) -> str:
    return build_fixture_db(tmp_path_factory.mktemp("fixture") / "diplomacy.db")


def load_metadata() -> dict:
    """The project's metadata.yml as a dict (Datasette's own parser)."""
    from datasette.utils import parse_metadata

    return parse_metadata(METADATA_PATH.read_text())


@pytest.fixture(scope="session")
def seeds_db_path(tmp_path_factory) -> str:
    """The seed reports loaded with ``datasette-diplomacy load``."""
    path = tmp_path_factory.mktemp("seeds") / "diplomacy.db"
    result = subprocess.run(
        [sys.executable, "-c", "from datasette_diplomacy.cli import cli; cli()",
         "load", str(path), str(SEEDS)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return str(path)


def make_datasette(path: str, metadata: dict | None = None, settings: dict | None = None,
                   extra_paths: list[str] | None = None):
    from datasette.app import Datasette

    return Datasette(
        [path] + list(extra_paths or []),
        metadata=metadata if metadata is not None else load_metadata(),
        settings=settings,
    )


@pytest.fixture
def ds(fixture_db_path):
    return make_datasette(fixture_db_path)


def copy_db(src: str, dest_dir: pathlib.Path, name: str) -> str:
    dest = dest_dir / name
    shutil.copy(src, dest)
    return str(dest)


def dumps(value) -> str:
    return json.dumps(value, separators=(",", ":"))
