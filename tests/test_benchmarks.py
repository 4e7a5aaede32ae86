"""benchmarks/scale.py runs end to end on a tiny corpus (no timings are checked)."""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys


ROOT = pathlib.Path(__file__).resolve().parent.parent
SCALE = ROOT / "benchmarks" / "scale.py"
CORPUS = ROOT.parent / "shared" / "corpora" / "wh-briefings"


def test_scale_benchmark_smoke(tmp_path):
    assert CORPUS.is_dir(), f"the benchmark reads {CORPUS}: put the project's shared/ folder beside the repository"
    done = subprocess.run(
        [sys.executable, str(SCALE), "--articles", "20", "--workers", "1,2", "--repeat", "2",
         "--json", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["articles"] == 20
    assert set(report["load_seconds"]) == {"1", "2"}
    assert report["loaded"]["articles"] == 20 and report["loaded"]["errors"] == 0
    # how many extraction modules ran compiled is reported per load (tests/test_compiled.py checks they do)
    assert set(report["compiled_modules"]) == {"1", "2"}
    for key in ("floor_seconds", "ratio_to_floor", "articles_per_second", "reload_seconds",
                "peak_rss_mb", "db_mb"):
        assert key in report
    # the floor runs three times; the ratios use the median one
    runs = report["floor_runs_seconds"]
    assert len(runs) == 3 and report["floor_seconds"] == sorted(runs)[1]
    assert set(report["query_ms"]) >= {
        "fts_articles", "fts_quotes", "facet_m2m_articles", "facet_m2m_quotes",
        "compare_html", "compare_json", "article_page", "quotes_table",
    }
    assert all({"p50", "p95"} <= set(q) for q in report["query_ms"].values())


def test_varied_copies_differ_but_keep_their_paragraphs():
    sys.path.insert(0, str(SCALE.parent))
    try:
        import scale
    finally:
        sys.path.remove(str(SCALE.parent))
    text = "---\ntitle: \"A\\_title\"\ndate: '2024-01-01'\n---\n\nOne.\n\nTwo.\n\nThree.\n"
    varied = scale.vary(text, 1)
    assert varied != text
    assert scale.title_and_body(varied)[0].startswith("(variant 1)")
    assert sorted(scale.title_and_body(varied)[1].split()) == ["One.", "Three.", "Two."]
    plain = scale.vary("Title line\nFirst paragraph.\n\nSecond paragraph.\n", 2)
    assert plain.splitlines()[0] == "Title line (variant 2)"


def test_queries_only_times_an_existing_database_with_settings(tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from conftest import build_fixture_db
    finally:
        sys.path.remove(str(ROOT / "tests"))
    db = build_fixture_db(tmp_path / "diplomacy.db")
    done = subprocess.run(
        [sys.executable, str(SCALE), "--queries-only", db, "--repeat", "2", "--json",
         "--setting", "suggest_facets", "off", "--setting", "facet_time_limit_ms", "300"],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["settings"] == {"suggest_facets": False, "facet_time_limit_ms": 300}
    assert set(report["loadavg"]) == {"start", "end"}
    assert "floor_seconds" not in report  # no corpus, floor or load
    queries = report["query_ms"]
    assert {"compare_html", "quotes_table", "quotes_view_table", "speaker_page"} <= set(queries)
    for key in ("facet_m2m_articles", "facet_m2m_quotes"):
        # the m2m facet's own time, which is part of its page's
        assert 0 < queries[key]["facet_p50"] <= queries[key]["p95"]


def test_unknown_setting_and_missing_articles_are_refused(tmp_path):
    for args in (["--articles", "5", "--setting", "no_such_setting", "1"], []):
        done = subprocess.run([sys.executable, str(SCALE), *args, "--out", str(tmp_path)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode != 0
