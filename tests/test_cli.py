"""The ``datasette-diplomacy`` command: ``load`` and ``extract``, run with click's CliRunner."""
from __future__ import annotations

import json
import pathlib
import shutil

import pytest
import sqlite_utils
from click.testing import CliRunner

from datasette_diplomacy.cli import cli

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    """A writable copy of the seeds, so tests can change and break files."""
    directory = tmp_path / "corpus"
    directory.mkdir()
    for path in SEED_FILES:
        shutil.copy(path, directory / path.name)
    return directory


def test_load_prints_a_summary_and_exits_0(runner, tmp_path, corpus):
    db = tmp_path / "news.db"
    result = runner.invoke(cli, ["load", str(db), str(corpus), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # no progress bar when stderr is not a terminal, no errors
    assert "Read 5 files (0 unchanged, skipped; 0 with errors)" in result.stdout
    assert "Articles: 5 new, 0 updated, 0 unchanged, 0 failed" in result.stdout
    quotes = sqlite_utils.Database(db)["quotes"].count
    assert f"Quotes: {quotes} written; the database holds 5 articles, {quotes} quotes" in result.stdout


def test_loading_again_skips_unchanged_files(runner, tmp_path, corpus):
    db = str(tmp_path / "news.db")
    runner.invoke(cli, ["load", db, str(corpus), "--workers", "1"])
    result = runner.invoke(cli, ["load", db, str(corpus), "--workers", "1"])
    assert result.exit_code == 0
    assert "Read 0 files (5 unchanged, skipped; 0 with errors)" in result.stdout
    assert "Articles: 0 new, 0 updated, 5 unchanged, 0 failed" in result.stdout


def test_errors_are_one_line_each_and_exit_1_but_the_rest_loads(runner, tmp_path, corpus):
    (corpus / "broken.json").write_text("{not json")
    (corpus / "empty.txt").write_text("")
    db = tmp_path / "news.db"
    result = runner.invoke(cli, ["load", str(db), str(corpus), str(tmp_path / "missing.txt"),
                                 "--workers", "2"])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert sorted(errors) == sorted([
        f"{corpus / 'broken.json'}: malformed JSON at line 1, column 2: "
        "Expecting property name enclosed in double quotes",
        f"{corpus / 'empty.txt'}: empty file",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ])
    assert "Articles: 5 new, 0 updated, 0 unchanged, 3 failed" in result.stdout
    sources = sqlite_utils.Database(db)["sources"]
    assert sources.get(str(corpus / "empty.txt"))["error"] == f"{corpus / 'empty.txt'}: empty file"


def test_replace_rebuilds_the_database(runner, tmp_path, corpus):
    db = str(tmp_path / "news.db")
    runner.invoke(cli, ["load", db, str(corpus), "--workers", "1"])
    result = runner.invoke(cli, ["load", db, str(corpus / SEED_FILES[0].name), "--replace",
                                 "--workers", "1"])
    assert result.exit_code == 0
    assert "Articles: 1 new" in result.stdout
    assert sqlite_utils.Database(db)["articles"].count == 1


def test_column_mapping_reads_other_field_names(runner, tmp_path):
    records = tmp_path / "wire.jsonl"
    records.write_text(json.dumps({
        "story": 'Foreign Minister Sergey Lavrov said: "We are ready to talk about security."',
        "headline": "Lavrov ready to talk",
    }) + "\n")
    db = tmp_path / "news.db"
    result = runner.invoke(cli, ["load", str(db), str(records), "--column", "body=story",
                                 "--column", "title=headline", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert [row["title"] for row in sqlite_utils.Database(db)["articles"].rows] == ["Lavrov ready to talk"]


def test_a_bad_column_option_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["load", str(tmp_path / "x.db"), str(SEEDS), "--column", "nonsense"])
    assert result.exit_code == 2
    assert "NAME=FIELD" in result.stderr
    result = runner.invoke(cli, ["load", str(tmp_path / "x.db"), str(SEEDS), "--column", "bodyy=x"])
    assert result.exit_code == 2
    assert "unknown field" in result.stderr


def test_extract_prints_one_json_object_per_quote(runner):
    result = runner.invoke(cli, ["extract", str(SEEDS), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "the seeds have quotes"
    for record in records:
        assert {"article", "quote", "speaker", "kind", "cue", "start", "end", "paragraph",
                "topics", "speaker_type", "role", "country"} <= set(record)
        assert record["kind"] in {"direct", "indirect", "position", "transcript", "question"}
    assert {r["article"] for r in records} <= {p.stem for p in SEED_FILES}


def test_extract_offsets_point_into_the_stored_body(runner, tmp_path):
    """What ``extract`` prints is what ``load`` stores: body[start:end] == quote, or
    title[start:end] for a quote the headline attributes."""
    db = tmp_path / "news.db"
    runner.invoke(cli, ["load", str(db), str(SEEDS), "--workers", "1"])
    articles = {row["name"]: row for row in sqlite_utils.Database(db)["articles"].rows}
    result = runner.invoke(cli, ["extract", str(SEEDS), "--workers", "2"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        text = articles[record["article"]]["title" if record["in_title"] else "body"]
        assert text[record["start"]:record["end"]] == record["quote"]
    assert any(record["in_title"] for record in records)
    assert len(records) == sqlite_utils.Database(db)["quotes"].count
    stored = {(row["text"], row["in_title"]) for row in sqlite_utils.Database(db)["quotes"].rows}
    assert {(r["quote"], int(r["in_title"])) for r in records} == stored


def test_extract_reports_errors_on_stderr_and_exits_1(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'nowhere'}: no such file or directory\n"
    assert result.stdout == ""


def test_a_bad_topics_file_is_a_usage_error(runner, tmp_path):
    topics = tmp_path / "topics.yml"
    topics.write_text("- name: Grain deal\n  parent: No such topic\n")
    for args in (["load", str(tmp_path / "x.db")], ["extract"]):
        result = runner.invoke(cli, [*args, str(SEEDS), "--topics", str(topics)])
        assert result.exit_code == 2
        assert "Invalid value for '--topics': topic 'Grain deal': unknown parent" in result.stderr
    assert not (tmp_path / "x.db").exists()
    result = runner.invoke(cli, ["load", str(tmp_path / "x.db"), str(SEEDS), "--replace-topics"])
    assert result.exit_code == 2 and "--replace-topics needs --topics FILE" in result.stderr


def test_a_file_that_is_not_a_database_is_an_error(runner, tmp_path):
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("shopping list\n" * 100)
    result = runner.invoke(cli, ["load", str(not_a_database), str(SEEDS)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {not_a_database}: file is not a database\n"
