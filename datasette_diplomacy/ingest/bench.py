"""Measure reading and cleaning over a corpus: ``python -m datasette_diplomacy.ingest.bench PATH...``.

Prints documents per second for read + clean in one process, the read errors,
and any exception that cleaning raised (there should be none: every bad input
is meant to become a one-line ReadError).
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter

from .clean import clean_document
from .readers import iter_documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="files, directories or glob patterns")
    parser.add_argument("--show-errors", action="store_true", help="print each read error")
    args = parser.parse_args(argv)

    documents = read_errors = exceptions = 0
    kinds: Counter[str] = Counter()
    dated = 0
    started = time.perf_counter()
    for item in iter_documents(args.paths):
        if not hasattr(item, "text"):
            read_errors += 1
            if args.show_errors:
                print(item, file=sys.stderr)
            continue
        try:
            article = clean_document(item)
        except Exception:  # reported, counted, and the run goes on
            exceptions += 1
            print(f"{item.source}: cleaning raised", file=sys.stderr)
            traceback.print_exc()
            continue
        documents += 1
        kinds[article.kind] += 1
        dated += article.date is not None
    elapsed = time.perf_counter() - started
    rate = documents / elapsed if elapsed else 0.0
    print(
        f"{documents} documents in {elapsed:.1f} s: {rate:.0f} documents/s (read + clean, one process); "
        f"{read_errors} read errors, {exceptions} exceptions; "
        f"{dict(sorted(kinds.items()))}; {dated} with a date"
    )
    return 1 if exceptions else 0


if __name__ == "__main__":
    sys.exit(main())
