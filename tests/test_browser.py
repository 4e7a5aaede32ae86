"""End to end in headless Chromium: a real ``datasette`` server, a real browser.

Serves the seed reports loaded with the project's loader (the fixture database
while the loader cannot be imported), opens the database, uses a facet, compares
two speakers, follows a quote into the article reader, and saves the
screenshots the README shows in docs/screenshots/.

Chromium is required: without it these tests fail with instructions (CI
installs it; see README), they are not skipped.
"""
from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from conftest import METADATA_PATH, ROOT

CHROMIUM = os.environ.get("DIPLOMACY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
SCREENSHOTS = ROOT / "docs" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served_db(tmp_path_factory, seeds_db_path) -> dict:
    """The database the server shows: the seed reports loaded by the project's loader."""
    path = tmp_path_factory.mktemp("browser") / "diplomacy.db"
    path.write_bytes(open(seeds_db_path, "rb").read())
    return {"path": str(path), "pair": speaker_pair(str(path))}


def speaker_pair(path: str) -> list[str]:
    """The two speakers to compare: Lavrov and Truss, whatever their spelling."""
    conn = sqlite3.connect(path)
    try:
        names = []
        for pattern in ("%Lavrov%", "%Truss%"):
            row = conn.execute(
                "select name from speakers where name like ? or id in "
                "(select speaker_id from speaker_aliases where alias like ?) "
                "order by quote_count desc limit 1", [pattern, pattern]).fetchone()
            assert row, f"no speaker like {pattern} in the seeds database"
            names.append(row[0])
        return names
    finally:
        conn.close()


@pytest.fixture(scope="module")
def server(served_db):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", served_db["path"],
         "-m", str(METADATA_PATH), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        if process.poll() is not None:
            output = process.stdout.read().decode(errors="replace")
            pytest.fail(f"datasette exited early:\n{output}")
        try:
            with urllib.request.urlopen(url + "/-/versions.json", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if time.time() > deadline:
                process.kill()
                pytest.fail("datasette did not answer within 60 seconds")
            time.sleep(0.2)
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. The browser tests need it: install it with "
            "`apt-get install -y chromium` (the README's test command does this), or point "
            "DIPLOMACY_CHROMIUM at a Chromium binary."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert errors == [], errors


def shot(page, name: str, full_page: bool = False):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


def test_database_and_m2m_facet(page, server):
    page.goto(server + "/diplomacy/quotes")
    assert page.locator("h1").first.inner_text().strip() == "quotes"
    facet = page.locator(".facet-info", has_text="quote_topics (m2m)")
    assert facet.count() == 1
    before = page.locator("table.rows-and-columns tbody tr").count()
    link = facet.locator("li a").first
    label = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert "_through=" in page.url
    after = page.locator("table.rows-and-columns tbody tr").count()
    assert 0 < after <= before
    # The selected value is shown with a cross to remove it, as Datasette's own facets.
    assert label in page.locator(".facet-info", has_text="quote_topics (m2m)").inner_text()
    # Show the filtered count, the facets and the first rows rather than the column notes.
    page.evaluate("document.querySelector('.facet-results').scrollIntoView({block: 'start'})")
    page.evaluate("window.scrollBy(0, -300)")
    shot(page, "facets.png")
    page.goto(server + "/diplomacy")
    shot(page, "database.png")


def test_compare_follow_quote_into_reader(page, server, served_db):
    first, second = served_db["pair"]
    page.goto(server + "/-/diplomacy/compare")
    inputs = page.locator("form.dq-picker input[name=speaker]")
    assert inputs.count() >= 2
    # Suggestions as you type: the datalist fills from speakers.json.
    with page.expect_response(lambda r: "/-/diplomacy/speakers.json" in r.url):
        inputs.nth(0).type(first[:3].lower(), delay=40)
    page.wait_for_function(
        "name => [...document.querySelectorAll('#dq-speaker-options option')]"
        ".some(o => o.value === name)", arg=first)
    inputs.nth(0).fill(first)
    inputs.nth(1).fill(second)
    page.locator("form.dq-picker button[type=submit]").click()
    page.wait_for_load_state()
    assert "/-/diplomacy/compare?" in page.url
    headers = page.locator("table.dq-grid thead th").all_inner_texts()
    assert headers[1:] == [first, second]
    assert page.locator(".dq-statement").count() > 0
    assert page.locator("#timeline svg rect").count() > 0
    assert page.locator("#terms li").count() > 0
    shot(page, "compare.png")
    for section, name in (("emphasis", "compare-emphasis.png"), ("terms", "compare-terms.png"),
                          ("outlets", "compare-outlets-timeline.png")):
        page.evaluate(f"document.getElementById('{section}').scrollIntoView({{block: 'start'}})")
        shot(page, name)
    page.evaluate("window.scrollTo(0, 0)")

    link = page.locator("a.dq-report-link").first
    href = link.get_attribute("href")
    quote_id = href.rsplit("#quote-", 1)[1]
    link.click()
    page.wait_for_load_state()
    page.wait_for_function("id => document.querySelector(':target') && "
                           "document.querySelector(':target').id === 'quote-' + id", arg=quote_id)
    target = page.locator(f"#quote-{quote_id}")
    assert "dq-targeted" in (target.get_attribute("class") or "")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900 - box["height"], box
    title = target.get_attribute("title")
    assert title and title.split(" — ")[0] in (first, second)
    assert page.locator(".dq-panel").inner_text().count("Speakers") >= 1
    shot(page, "article.png")

    target.click()  # a highlight links to its speaker's page
    page.wait_for_load_state()
    assert "/-/diplomacy/speaker/" in page.url
    assert page.locator("h1").inner_text().strip() in (first, second)
    shot(page, "speaker.png")


def test_add_speaker_button_and_json_export(page, server, served_db):
    first, second = served_db["pair"]
    page.goto(server + "/-/diplomacy/compare")
    before = page.locator("form.dq-picker input[name=speaker]").count()
    page.locator(".dq-add-speaker").click()
    assert page.locator("form.dq-picker input[name=speaker]").count() == before + 1
    query = urllib.parse.urlencode([("speaker", first), ("speaker", second)])
    api = page.request.get(f"{server}/-/diplomacy/compare.json?{query}")
    assert api.ok
    assert [s["name"] for s in api.json()["speakers"]] == [first, second]
