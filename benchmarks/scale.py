"""Load and query cost at scale: the project's load against a raw sqlite-utils floor.

    python benchmarks/scale.py --articles 1000
    python benchmarks/scale.py --articles 10000 --json --out /tmp/scale-10k
    python benchmarks/scale.py --articles 200 --workers 1 2 --profile /tmp/load.prof

The corpus: the five reports in ``seeds/`` (with their ``sources.yml``) and then
documents of ``../shared/corpora/wh-briefings`` (10,234 Markdown briefings, speeches
and statements) in a fixed shuffled order (``random.Random(0)``), so that any N
mixes the four folders in proportion. They are copied unchanged into
``OUT/corpus/``. When N exceeds the 10,239 documents there are, the corpus is
repeated under ``OUT/corpus/repeat-K/`` with two changes per copy so that every
content hash differs: the title gets `` (variant K)`` (front matter ``title`` for
Markdown, the first line for the seed texts) and the body's paragraphs are put in
an order shuffled with seed K (front matter and the seeds' title line stay in place).

Then, in one run, each step in its own Python process (so that peak memory is its own):

* **floor**: the same files read and inserted raw with sqlite-utils, one row
  ``{path, title, body}`` each (``insert_all``), then ``enable_fts(["title", "body"])``;
  run ``--floor-runs`` times (default 3) into a fresh database each time: the ratios use the
  median run (a floor of a few seconds varies by up to a fifth between runs here), and
  ``floor_runs_seconds`` lists them all;
* **load** with extraction (``datasette_diplomacy.load``) into a fresh database,
  once per ``--workers`` value (default: 1 and ``os.cpu_count()``);
* **re-load** of the unchanged corpus into the last database (the largest W);
* **queries** on that database through Datasette's test client with the repository's
  ``metadata.yml`` (the database is named ``diplomacy.db`` so that the metadata
  applies), each run once to warm up and then ``--repeat`` times: p50 and p95 in ms.
  Table pages are timed as users get them, with the facets metadata.yml asks for
  and the row count; ``fts_*_only`` time the search alone (``_nofacet``, ``_nocount``).

Before anything else it measures the CPUs the run really gets ("parallel capacity":
busy loops in W processes side by side against one alone; 2.0 on an idle 2-CPU
machine): W>1 speed-ups only mean something next to it.

Peak memory of a load is the loading process's own maxrss plus, when it used worker
processes, the largest worker's maxrss times the number of workers (``getrusage``
RUSAGE_SELF and RUSAGE_CHILDREN; an upper bound, since forked workers share pages).
``--profile FILE`` also runs the W=1 load under cProfile and prints where the time
goes. ``--json`` prints one JSON object instead of the table.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpora" / "wh-briefings"
METADATA = ROOT / "metadata.yml"
sys.path.insert(0, str(ROOT))

FTS_ARTICLES_TERM = "sanctions"
FTS_QUOTES_TERM = "ukraine"


# ---------------------------------------------------------------------------
# The corpus


def source_files() -> list[tuple[Path, Path]]:
    """(file, its path relative to the corpus root) for every document, in corpus order."""
    seeds = [(p, Path("seeds") / p.name) for p in sorted(SEEDS.glob("*.txt"))]
    briefings = sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []
    random.Random(0).shuffle(briefings)
    return seeds + [(p, Path("wh-briefings") / p.relative_to(CORPUS)) for p in briefings]


def build_corpus(articles: int, dest: Path) -> dict:
    """Write ``articles`` documents under ``dest``; say how many are copies with variations."""
    sources = source_files()
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "seeds").mkdir(exist_ok=True)
    shutil.copy(SEEDS / "sources.yml", dest / "seeds" / "sources.yml")
    written = 0
    repeat = 0
    while written < articles:
        for source, relative in sources:
            if written == articles:
                break
            target = dest / relative if repeat == 0 else dest / f"repeat-{repeat}" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if repeat == 0:
                shutil.copyfile(source, target)
            else:
                if relative.parts[0] == "seeds" and not (target.parent / "sources.yml").exists():
                    shutil.copy(SEEDS / "sources.yml", target.parent / "sources.yml")
                target.write_text(vary(source.read_text(encoding="utf-8"), repeat), encoding="utf-8")
            written += 1
        repeat += 1
    return {"documents": written, "distinct_sources": len(sources),
            "variants": max(0, written - len(sources)),
            "variation": "title + ' (variant K)' and paragraphs shuffled with seed K"}


def vary(text: str, k: int) -> str:
    """The same document with a changed title and its paragraphs in another order."""
    head, body = split_front_matter(text)
    if head is not None:
        head = re.sub(r"^title: (.*)$", lambda m: f"title: {_yaml_append(m.group(1), k)}",
                      head, count=1, flags=re.M)
    else:
        title, _, body = text.partition("\n")
        head = f"{title} (variant {k})\n"
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    random.Random(k).shuffle(paragraphs)
    return head + "\n" + "\n\n".join(paragraphs) + "\n"


def _yaml_append(value: str, k: int) -> str:
    """Append to a YAML scalar title, quoted or plain, possibly folded over lines."""
    if value.startswith('"') or value.startswith("'"):
        # A quoted title may continue over the next lines: put the suffix inside the quotes
        # at the start, which is always a single line.
        quote = value[0]
        return f"{quote}(variant {k}) {value[1:]}"
    return f"{value} (variant {k})"


def split_front_matter(text: str) -> tuple[str | None, str]:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            close = text.find("\n", end + 4)
            close = len(text) if close == -1 else close + 1
            return text[:close], text[close:]
    return None, text


def title_and_body(text: str) -> tuple[str, str]:
    """What the floor stores: the front matter's title (or the first line) and the rest."""
    import yaml

    head, body = split_front_matter(text)
    if head is not None:
        try:
            meta = yaml.safe_load(head.strip().strip("-")) or {}
        except yaml.YAMLError:
            meta = {}
        return str(meta.get("title") or ""), body
    title, _, body = text.partition("\n")
    return title, body


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))


# ---------------------------------------------------------------------------
# The steps, each in its own process (see run_step)


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (the load's workers) so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def step_floor(corpus: Path, db_path: Path) -> dict:
    import sqlite_utils

    cpu = _cpu()
    started = time.perf_counter()
    db = sqlite_utils.Database(db_path)

    def rows():
        for path in corpus_files(corpus):
            title, body = title_and_body(path.read_text(encoding="utf-8"))
            yield {"path": str(path), "title": title, "body": body}

    db["articles"].insert_all(rows(), pk="path", batch_size=500)
    db["articles"].enable_fts(["title", "body"])
    db.close()
    return {"seconds": time.perf_counter() - started, "cpu_seconds": _cpu() - cpu}


def step_load(corpus: Path, db_path: Path, workers: int, profile: str | None = None) -> dict:
    from datasette_diplomacy import load

    cpu = _cpu()
    started = time.perf_counter()
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        summary = profiler.runcall(load, db_path, [corpus], workers=workers)
        profiler.dump_stats(profile)
    else:
        summary = load(db_path, [corpus], workers=workers)
    seconds = time.perf_counter() - started
    from datasette_diplomacy.compiled import compiled_modules

    return {
        # Extraction modules that ran as Cython extensions in this process (setup.py;
        # workers fork from it): 0 means pure Python.
        "compiled_modules": len(compiled_modules()),
        "seconds": seconds,
        "cpu_seconds": _cpu() - cpu,
        "files_read": summary.files_read,
        "files_unchanged": summary.files_unchanged,
        "articles": summary.total_articles,
        "quotes": summary.total_quotes,
        "speakers": summary.speakers,
        "errors": len(summary.errors),
    }


def run_step(args: list[str]) -> dict:
    """Run a step in a fresh interpreter; its JSON result plus its peak memory."""
    command = [sys.executable, __file__, "--step", *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"step {args} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _step_main(argv: list[str]) -> None:
    name, corpus, db_path, *rest = argv
    if name == "floor":
        result = step_floor(Path(corpus), Path(db_path))
    else:
        profile = rest[1] if len(rest) > 1 else None
        result = step_load(Path(corpus), Path(db_path), int(rest[0]), profile)
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["rss_main_mb"] = round(own.ru_maxrss / 1024, 1)
    result["rss_worker_mb"] = round(children.ru_maxrss / 1024, 1)
    # CPU seconds of the whole step (start-up included): the main process's share
    # is what limits the speed-up with workers.
    result["cpu_main_seconds"] = round(own.ru_utime + own.ru_stime, 1)
    result["cpu_workers_seconds"] = round(children.ru_utime + children.ru_stime, 1)
    print(json.dumps(result))


# ---------------------------------------------------------------------------
# Queries


class _FacetClock:
    """Wall-clock time spent in the plugin's m2m facet (``M2MFacet.facet_results``)
    during one request: the facet's own cost, apart from the rest of the page."""

    def __init__(self):
        self.ms = 0.0

    def install(self):
        from datasette_diplomacy.web.facets import M2MFacet

        original = M2MFacet.facet_results
        clock = self

        async def timed(facet):
            started = time.perf_counter()
            try:
                return await original(facet)
            finally:
                clock.ms += (time.perf_counter() - started) * 1000

        M2MFacet.facet_results = timed


def _percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return (round(statistics.median(timings), 1),
            round(timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))], 1))


async def time_queries(db_path: Path, repeat: int, settings: dict | None = None) -> dict:
    from datasette.app import Datasette
    from datasette.utils import parse_metadata

    ds = Datasette([str(db_path)], metadata=parse_metadata(METADATA.read_text()),
                   settings=settings or None)
    await ds.invoke_startup()
    clock = _FacetClock()
    clock.install()
    name = db_path.stem
    conn = sqlite3.connect(db_path)
    top = [r[0] for r in conn.execute(
        "SELECT id FROM speakers ORDER BY quote_count DESC, id LIMIT 2")]
    article = conn.execute(
        "SELECT id FROM articles ORDER BY quote_count DESC, id LIMIT 1 OFFSET "
        "(SELECT count(*) / 2 FROM articles WHERE quote_count > 0)").fetchone()[0]
    conn.close()
    pair = "&".join(f"speaker={s}" for s in top)
    paths = {
        "fts_articles": f"/{name}/articles?_search={FTS_ARTICLES_TERM}",
        "fts_quotes": f"/{name}/quotes?_search={FTS_QUOTES_TERM}",
        # The search alone, without the page's facets and count.
        "fts_articles_only": f"/{name}/articles.json?_search={FTS_ARTICLES_TERM}&_nofacet=1&_nocount=1",
        "fts_quotes_only": f"/{name}/quotes.json?_search={FTS_QUOTES_TERM}&_nofacet=1&_nocount=1",
        # The same search in id order instead of metadata.yml's sort_desc: date, which makes
        # SQLite sort every match (bodies included) before taking the first page.
        "fts_articles_only_by_id": f"/{name}/articles.json?_search={FTS_ARTICLES_TERM}"
                                   "&_nofacet=1&_nocount=1&_sort=id",
        "facet_m2m_articles": f"/{name}/articles?_facet_m2m=article_topics",
        "facet_m2m_quotes": f"/{name}/quotes?_facet_m2m=quote_topics",
        "compare_html": f"/-/diplomacy/compare?{pair}",
        "compare_json": f"/-/diplomacy/compare.json?{pair}",
        "article_page": f"/-/diplomacy/article/{article}",
        "speaker_page": f"/-/diplomacy/speaker/{top[0]}",
        "quotes_table": f"/{name}/quotes",
        "quotes_view_table": f"/{name}/quotes_view",
    }
    results = {}
    for key, path in paths.items():
        # Warm-up; also checks the page works. The first request after start-up may
        # run into the time limit while the plugin's background pass still reads the
        # database (a 504): it is recorded, and retried a few times before giving up.
        started = time.perf_counter()
        response = await ds.client.get(path)
        first = {"first_ms": round((time.perf_counter() - started) * 1000, 1),
                 "first_status": response.status_code}
        for _ in range(5):
            if response.status_code == 200:
                break
            await asyncio.sleep(10)
            response = await ds.client.get(path)
        if response.status_code != 200:
            results[key] = dict(first, path=path, error=f"HTTP {response.status_code}")
            continue
        timings, facet_timings = [], []
        for _ in range(repeat):
            clock.ms = 0.0
            started = time.perf_counter()
            response = await ds.client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            facet_timings.append(clock.ms)
        p50, p95 = _percentiles(timings)
        results[key] = dict({"p50": p50, "p95": p95, "path": path}, **first)
        if key.startswith("facet_m2m"):
            # The m2m facet alone (its queries and labels), inside the page above.
            results[key]["facet_p50"], results[key]["facet_p95"] = _percentiles(facet_timings)
    return results


def _spin(n: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i
    return time.perf_counter() - started


def parallel_capacity(processes: int = 2, n: int = 10_000_000) -> float:
    """How many CPUs this run really gets: ``processes`` busy loops side by side
    against one alone (2.0 on an idle 2-CPU machine; less when others compute too)."""
    import multiprocessing

    alone = _spin(n)
    with multiprocessing.Pool(processes) as pool:
        started = time.perf_counter()
        pool.map(_spin, [n] * processes)
        together = time.perf_counter() - started
    return round(processes * alone / together, 2)


def datasette_settings(pairs) -> dict:
    """``--setting NAME VALUE`` pairs as Datasette settings (on/off and numbers converted)."""
    from datasette.app import DEFAULT_SETTINGS

    settings = {}
    for name, value in pairs:
        if name not in DEFAULT_SETTINGS:
            raise SystemExit(f"unknown Datasette setting: {name}")
        default = DEFAULT_SETTINGS[name]
        if isinstance(default, bool):
            settings[name] = value.lower() in ("on", "1", "true", "yes")
        elif isinstance(default, int):
            settings[name] = int(value)
        else:
            settings[name] = value
    return settings


def db_megabytes(db_path: Path) -> float:
    total = sum(os.path.getsize(f"{db_path}{s}") for s in ("", "-wal")
                if os.path.exists(f"{db_path}{s}"))
    return round(total / 1e6, 1)


def print_profile(path: str, top: int = 25) -> None:
    import pstats

    stats = pstats.Stats(path)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--step":
        _step_main(argv[1:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, help="documents in the corpus")
    parser.add_argument("--workers", type=lambda v: [int(x) for x in v.split(",")], nargs="*",
                        help="worker counts to load with (default: 1 and os.cpu_count()); "
                             "'1 2' or '1,2'")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query (default 20)")
    parser.add_argument("--floor-runs", type=int, default=3,
                        help="runs of the floor; its median is the one the ratios use (default 3)")
    parser.add_argument("--out", help="keep corpus and databases here (default: a temp dir, removed)")
    parser.add_argument("--keep-corpus", action="store_true",
                        help="with --out: reuse OUT/corpus if an earlier run built it for the same --articles")
    parser.add_argument("--profile", metavar="FILE", help="also profile a W=1 load into FILE")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--no-queries", action="store_true",
                        help="build the corpus, floor and loads but skip the query timings "
                             "(time them later with --queries-only OUT/wN/diplomacy.db)")
    parser.add_argument("--setting", nargs=2, action="append", metavar=("NAME", "VALUE"),
                        default=[], help="a Datasette setting for the query timings, as for "
                                         "'datasette --setting' (e.g. --setting suggest_facets off); "
                                         "repeatable")
    parser.add_argument("--queries-only", metavar="DB",
                        help="only time the queries on an existing database (named diplomacy.db "
                             "so that metadata.yml applies); no corpus, floor or loads; "
                             "--articles is then ignored")
    args = parser.parse_args(argv)
    settings = datasette_settings(args.setting)
    if args.queries_only:
        loadavg = {"start": os.getloadavg()}
        queries = asyncio.run(time_queries(Path(args.queries_only), args.repeat, settings))
        loadavg["end"] = os.getloadavg()
        report = {"database": args.queries_only, "db_mb": db_megabytes(Path(args.queries_only)),
                  "settings": settings, "loadavg": loadavg, "query_ms": queries}
        if args.json:
            print(json.dumps(report, indent=2))
        else:
            print(f"{args.queries_only}: {report['db_mb']} MB; load average (1, 5, 15 min) "
                  + "; ".join(f"{k} {' '.join(f'{x:.1f}' for x in v)}" for k, v in loadavg.items()))
            print_queries(report)
        return
    if args.articles is None:
        parser.error("--articles is required (except with --queries-only)")
    if not CORPUS.is_dir():
        parser.error(f"{CORPUS} is missing: the corpus is built from ../shared beside the repository")
    workers = sorted({w for group in (args.workers or [[1, os.cpu_count() or 1]]) for w in group})

    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="diplomacy-scale-"))
    out.mkdir(parents=True, exist_ok=True)
    log = (lambda *a: print(*a, file=sys.stderr)) if args.json else print
    try:
        corpus = out / "corpus"
        marker = out / "corpus.json"
        started = time.perf_counter()
        described = json.loads(marker.read_text()) if args.keep_corpus and marker.exists() else None
        if described is None or described["documents"] != args.articles or not corpus.exists():
            marker.unlink(missing_ok=True)
            if corpus.exists():
                shutil.rmtree(corpus)
            described = build_corpus(args.articles, corpus)
            marker.write_text(json.dumps(described))
        log(f"corpus: {described['documents']} documents in {corpus} "
            f"({described['variants']} of them copies with a varied title and shuffled paragraphs) "
            f"written in {time.perf_counter() - started:.1f}s")

        capacity = parallel_capacity(max(workers))
        log(f"parallel capacity: {capacity} of {max(workers)} CPUs (busy loops side by side)")

        floor_db = out / "floor.db"
        loadavg = {"start": os.getloadavg()}
        # The floor is short (a few seconds) and its time varies by up to a fifth from run to run on this
        # machine, which moves every "x floor" ratio: take the median of several runs (all are reported).
        floor_runs = []
        for _ in range(args.floor_runs):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{floor_db}{suffix}").unlink(missing_ok=True)
            floor_runs.append(run_step(["floor", str(corpus), str(floor_db)]))
        floor = sorted(floor_runs, key=lambda r: r["seconds"])[len(floor_runs) // 2]
        loadavg["after_floor"] = os.getloadavg()
        log(f"floor: {floor['seconds']:.1f}s (median of {len(floor_runs)}: "
            + ", ".join(f"{r['seconds']:.2f}" for r in floor_runs) + ")")

        loads = {}
        db_path = None
        for w in workers:
            db_dir = out / f"w{w}"
            if db_dir.exists():
                shutil.rmtree(db_dir)
            db_dir.mkdir()
            db_path = db_dir / "diplomacy.db"
            loads[w] = run_step(["load", str(corpus), str(db_path), str(w)])
            loadavg[f"after_load_w{w}"] = os.getloadavg()
            log(f"load W={w}: {loads[w]['seconds']:.1f}s, {loads[w]['articles']} articles, "
                f"{loads[w]['quotes']} quotes, {loads[w]['errors']} errors, "
                f"{loads[w]['compiled_modules']} modules compiled")
        reload = run_step(["load", str(corpus), str(db_path), str(workers[-1])])
        log(f"re-load W={workers[-1]}: {reload['seconds']:.2f}s")
        loadavg["after_reload"] = os.getloadavg()
        queries = {} if args.no_queries else asyncio.run(time_queries(db_path, args.repeat, settings))
        loadavg["after_queries"] = os.getloadavg()
        if args.profile:
            prof_db = out / "profile" / "diplomacy.db"
            if prof_db.parent.exists():
                shutil.rmtree(prof_db.parent)
            prof_db.parent.mkdir()
            profiled = run_step(["load", str(corpus), str(prof_db), "1", args.profile])
            log(f"profiled W=1 load: {profiled['seconds']:.1f}s (under cProfile) -> {args.profile}")
            if not args.json:
                print_profile(args.profile)

        def peak(w, result):
            return result["rss_main_mb"] + (w * result["rss_worker_mb"] if w > 1 else 0)

        report = {
            "articles": described["documents"],
            "corpus": described,
            "cpu_count": os.cpu_count(),
            "parallel_capacity": capacity,
            "floor_seconds": round(floor["seconds"], 2),
            "floor_runs_seconds": [round(r["seconds"], 2) for r in floor_runs],
            "load_seconds": {str(w): round(r["seconds"], 2) for w, r in loads.items()},
            "ratio_to_floor": {str(w): round(r["seconds"] / floor["seconds"], 1) for w, r in loads.items()},
            "articles_per_second": {str(w): round(described["documents"] / r["seconds"], 1)
                                    for w, r in loads.items()},
            "speedup": {str(w): round(loads[workers[0]]["seconds"] / r["seconds"], 2)
                        for w, r in loads.items()},
            "reload_seconds": round(reload["seconds"], 2),
            "reload_ratio": round(reload["seconds"] / loads[workers[-1]]["seconds"], 3),
            "peak_rss_mb": round(max(peak(w, r) for w, r in loads.items()), 1),
            "rss_mb": {str(w): {"main": r["rss_main_mb"], "worker": r["rss_worker_mb"],
                                "peak": round(peak(w, r), 1)} for w, r in loads.items()},
            "cpu_seconds": {str(w): {"main": r["cpu_main_seconds"], "workers": r["cpu_workers_seconds"]}
                            for w, r in loads.items()},
            # On a busy machine wall-clock ratios drift; CPU seconds of the step itself
            # (all processes, start-up excluded) do much less.
            "floor_cpu_seconds": round(floor["cpu_seconds"], 2),
            "load_cpu_seconds": {str(w): round(r["cpu_seconds"], 2) for w, r in loads.items()},
            "cpu_ratio_to_floor": {str(w): round(r["cpu_seconds"] / floor["cpu_seconds"], 1)
                                   for w, r in loads.items()},
            "db_mb": db_megabytes(db_path),
            "floor_db_mb": db_megabytes(floor_db),
            "loaded": {k: loads[workers[-1]][k] for k in ("articles", "quotes", "speakers", "errors")},
            "compiled_modules": {str(w): r["compiled_modules"] for w, r in loads.items()},
            "settings": settings,
            "query_ms": queries,
            "loadavg": loadavg,
        }
        if args.json:
            print(json.dumps(report, indent=2))
        else:
            print_table(report)
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)


def print_table(r: dict) -> None:
    loaded = r["loaded"]
    print()
    print(f"N = {r['articles']} documents ({r['corpus']['variants']} varied copies); "
          f"loaded {loaded['articles']} articles, {loaded['quotes']} quotes, "
          f"{loaded['speakers']} speakers, {loaded['errors']} errors; {r['cpu_count']} CPUs, "
          f"parallel capacity {r['parallel_capacity']} at the start; extraction modules compiled: "
          + ", ".join(f"W={w} {n}" for w, n in r["compiled_modules"].items()))
    print(f"{'step':<24} {'seconds':>9} {'x floor':>8} {'docs/s':>8} {'speedup':>8} {'peak MB':>8} "
          f"{'CPU main':>9} {'CPU workers':>12}")
    print(f"{'floor (sqlite-utils+FTS)':<24} {r['floor_seconds']:>9.2f} {1:>8.1f}")
    for w, seconds in r["load_seconds"].items():
        print(f"{'load W=' + w:<24} {seconds:>9.2f} {r['ratio_to_floor'][w]:>8.1f} "
              f"{r['articles_per_second'][w]:>8.1f} {r['speedup'][w]:>8.2f} {r['rss_mb'][w]['peak']:>8.1f} "
              f"{r['cpu_seconds'][w]['main']:>9.1f} {r['cpu_seconds'][w]['workers']:>12.1f}")
    print(f"CPU seconds of the step (all its processes, start-up excluded; the CPU columns above "
          f"count whole processes): floor {r['floor_cpu_seconds']:.1f}; "
          + "; ".join(f"load W={w} {c:.1f} ({r['cpu_ratio_to_floor'][w]:.1f}x floor)"
                      for w, c in r["load_cpu_seconds"].items()))
    print(f"{'re-load (unchanged)':<24} {r['reload_seconds']:>9.2f}   ({r['reload_ratio']:.3f} of the load)")
    print(f"database: {r['db_mb']} MB (floor: {r['floor_db_mb']} MB)")
    print("load average (1, 5, 15 min): " + "; ".join(
        f"{k} {' '.join(f'{x:.1f}' for x in v)}" for k, v in r["loadavg"].items()))
    print_queries(r)


def print_queries(r: dict) -> None:
    if not r["query_ms"]:
        print("queries: not run (--no-queries)")
        return
    print()
    if r.get("settings"):
        print("Datasette settings: " + ", ".join(f"{k}={v}" for k, v in r["settings"].items()))
    print(f"{'query':<22} {'p50 ms':>8} {'p95 ms':>8}  path")
    for name, q in r["query_ms"].items():
        if "error" in q:
            print(f"{name:<22} {q['error']:>17}  {q['path']}")
            continue
        first = "" if q.get("first_status", 200) == 200 else f"  (first request: HTTP {q['first_status']})"
        print(f"{name:<22} {q['p50']:>8.1f} {q['p95']:>8.1f}  {q['path']}{first}")
        if "facet_p50" in q:
            print(f"{'  (m2m facet alone)':<22} {q['facet_p50']:>8.1f} {q['facet_p95']:>8.1f}")


if __name__ == "__main__":
    main()
