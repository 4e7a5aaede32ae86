"""Every route and format honours view-instance, view-database and view-table."""
from __future__ import annotations

import copy
import urllib.parse

import pytest

from conftest import load_metadata, make_datasette
from datasette_diplomacy.web import access

SELECTION = "/-/diplomacy/compare-selection?" + urllib.parse.urlencode(
    {"database": "diplomacy", "table": "quotes", "args": "kind=direct"}
)
# (path, the tables it reads)
ROUTES = [
    ("/-/diplomacy/compare?speaker=1&speaker=2", access.COMPARE_TABLES),
    ("/-/diplomacy/compare.json?speaker=1&speaker=2", access.COMPARE_TABLES),
    ("/-/diplomacy/compare.csv?speaker=1&speaker=2", access.COMPARE_TABLES),
    ("/-/diplomacy/compare", access.COMPARE_TABLES),
    ("/-/diplomacy/compare.json?speaker=1", access.COMPARE_TABLES),
    ("/-/diplomacy/compare.json?speaker=1&speaker=Nobody", access.COMPARE_TABLES),
    ("/-/diplomacy/compare?speaker=1&speaker=2&database=diplomacy", access.COMPARE_TABLES),
    ("/-/diplomacy/speakers.json?q=a", access.PICKER_TABLES),
    ("/-/diplomacy/article/1", access.ARTICLE_TABLES),
    ("/-/diplomacy/article/1?database=diplomacy", access.ARTICLE_TABLES),
    ("/-/diplomacy/article/999", access.ARTICLE_TABLES),
    ("/-/diplomacy/speaker/1", access.SPEAKER_TABLES),
    ("/-/diplomacy/speaker/1.json", access.SPEAKER_TABLES),
    ("/-/diplomacy/speaker/999", access.SPEAKER_TABLES),
    (SELECTION, ("quotes",) + access.COMPARE_TABLES),
]
SECRETS = ("Petrova", "Hale", "Ruritania", "ultimatums", "Example Times", "Sanctions")


def denied(metadata_change) -> dict:
    metadata = copy.deepcopy(load_metadata())
    metadata_change(metadata)
    return metadata


def assert_forbidden(response, path):
    assert response.status_code == 403, (path, response.status_code)
    for secret in SECRETS:
        assert secret not in response.text, (path, secret)


@pytest.mark.asyncio
@pytest.mark.parametrize("path, tables", ROUTES)
async def test_database_denied(fixture_db_path, path, tables):
    metadata = denied(lambda m: m["databases"]["diplomacy"].update(allow={"id": "root"}))
    ds = make_datasette(fixture_db_path, metadata=metadata)
    assert_forbidden(await ds.client.get(path), path)
    # The same request by the allowed actor works.
    cookies = {"ds_actor": ds.sign({"a": {"id": "root"}}, "actor")}
    response = await ds.client.get(path, cookies=cookies)
    assert response.status_code in (200, 302, 400, 404), (path, response.status_code)


@pytest.mark.asyncio
@pytest.mark.parametrize("path, tables", ROUTES)
async def test_instance_denied(fixture_db_path, path, tables):
    metadata = denied(lambda m: m.update(allow={"id": "root"}))
    ds = make_datasette(fixture_db_path, metadata=metadata)
    assert_forbidden(await ds.client.get(path), path)


@pytest.mark.asyncio
@pytest.mark.parametrize("path, tables", ROUTES)
async def test_each_table_denied(fixture_db_path, path, tables):
    for table in tables:
        metadata = denied(
            lambda m: m["databases"]["diplomacy"]["tables"][table].update(allow={"id": "root"})
        )
        ds = make_datasette(fixture_db_path, metadata=metadata)
        response = await ds.client.get(path)
        assert response.status_code == 403, (path, table, response.status_code)
        for secret in SECRETS:
            assert secret not in response.text, (path, table, secret)


@pytest.mark.asyncio
async def test_tables_not_read_stay_reachable(fixture_db_path):
    # The picker's suggestions read only speakers and their aliases.
    metadata = denied(
        lambda m: m["databases"]["diplomacy"]["tables"]["quotes"].update(allow=False)
    )
    ds = make_datasette(fixture_db_path, metadata=metadata)
    response = await ds.client.get("/-/diplomacy/speakers.json?q=pe")
    assert response.status_code == 200


@pytest.mark.asyncio
async def test_forbidden_formats(fixture_db_path):
    metadata = denied(lambda m: m["databases"]["diplomacy"].update(allow=False))
    ds = make_datasette(fixture_db_path, metadata=metadata)
    as_json = await ds.client.get("/-/diplomacy/compare.json?speaker=1&speaker=2")
    assert as_json.json() == {"ok": False, "status": 403, "error": "Forbidden"}
    as_csv = await ds.client.get("/-/diplomacy/compare.csv?speaker=1&speaker=2")
    assert as_csv.text == "Forbidden"
    as_html = await ds.client.get("/-/diplomacy/compare?speaker=1&speaker=2")
    assert "<html>" in as_html.text


@pytest.mark.asyncio
async def test_denied_database_is_skipped_when_another_is_visible(fixture_db_path, tmp_path):
    from conftest import copy_db

    other = copy_db(fixture_db_path, tmp_path, "open.db")
    metadata = denied(lambda m: m["databases"]["diplomacy"].update(allow=False))
    ds = make_datasette(fixture_db_path, metadata=metadata, extra_paths=[other])
    response = await ds.client.get("/-/diplomacy/compare.json?speaker=1&speaker=2")
    assert response.status_code == 200
    assert response.json()["database"] == "open"
    explicit = await ds.client.get("/-/diplomacy/compare.json?speaker=1&speaker=2&database=diplomacy")
    assert explicit.status_code == 403
    html = (await ds.client.get("/-/diplomacy/compare?speaker=1&speaker=2")).text
    assert '<option value="diplomacy"' not in html  # the picker offers only visible databases


@pytest.mark.asyncio
async def test_menu_link_hidden_without_access(fixture_db_path):
    metadata = denied(lambda m: m["databases"]["diplomacy"].update(allow={"id": "root"}))
    ds = make_datasette(fixture_db_path, metadata=metadata)
    link = '<a href="/-/diplomacy/compare">Compare speakers</a>'
    assert link not in (await ds.client.get("/")).text
    cookies = {"ds_actor": ds.sign({"a": {"id": "root"}}, "actor")}
    assert link in (await ds.client.get("/", cookies=cookies)).text


@pytest.mark.asyncio
async def test_through_facet_link_checks_join_table(fixture_db_path):
    metadata = denied(
        lambda m: m["databases"]["diplomacy"]["tables"]["quote_topics"].update(allow=False)
    )
    ds = make_datasette(fixture_db_path, metadata=metadata)
    through = urllib.parse.quote('{"table":"quote_topics","column":"topic_id","value":"1"}')
    response = await ds.client.get(f"/diplomacy/quotes.json?_through={through}")
    assert response.status_code == 403
    selection = "/-/diplomacy/compare-selection?" + urllib.parse.urlencode(
        {"database": "diplomacy", "table": "quotes_view",
         "args": "_through=" + through})
    assert (await ds.client.get(selection)).status_code == 403


@pytest.mark.asyncio
@pytest.mark.parametrize("path, tables", ROUTES)
async def test_routes_read_only_the_tables_they_check(ds, monkeypatch, path, tables):
    """Every table named in a route's SQL is one the route checks view-table for."""
    import re

    from datasette.database import Database

    import sqlite_utils

    names = set(sqlite_utils.Database(ds.databases["diplomacy"].path).table_names())
    names |= {"quotes_view", "articles_view"}
    seen: set[str] = set()
    original = Database.execute

    async def recording(self, sql, *args, **kwargs):
        if "sqlite_master" not in sql:  # Datasette's own introspection
            seen.update(t for t in names if re.search(rf"\b{t}\b", sql))
        return await original(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", recording)
    await ds.client.get(path)
    # The prior reads quotes_fts (through fts5vocab), the index of quotes itself.
    read = {t for t in seen if not t.startswith("quotes_fts")}
    assert read <= set(tables), sorted(read - set(tables))
