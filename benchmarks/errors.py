"""Sort the errors of a PolNeAR run into categories, for docs/quality.md's error analysis.

    python benchmarks/quality.py --skip-transcripts --out /tmp/q        # writes the predictions
    python ../shared/polnear/score.py --polnear ../shared/polnear --split dev \\
        --pred /tmp/q/polnear-dev.jsonl --details /tmp/q/details.jsonl
    python benchmarks/errors.py /tmp/q/details.jsonl [--split dev] [--sample 60 --seed 42]

Reads the scorer's ``--details`` file (one line per gold attribution and per unmatched
prediction), counts every error by category and, with ``--sample``, prints that many
errors drawn at random with their context, to be read by hand. The categories are
mechanical (what the scorer's fields say); why an error happened takes the reading.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import re
from pathlib import Path

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear"
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "who", "which"}
# a reporting verb within 60 characters before the gold content: speech we had a chance to see
SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|asked|wrote|writes|argued|noted|explained|warned|"
    r"claimed|insisted|announced|stated|declared|tweeted|suggested|acknowledged|admitted|replied|responded)\b",
    re.IGNORECASE)


def category(row: dict, text: str | None) -> str | None:
    """The error category of one details row, or None when it is no error."""
    if "gold_id" not in row:
        return "false positive: prediction matching no gold"
    source = (row.get("gold_source") or "").strip()
    if row["matched"]:
        if row["speaker_right"]:
            return None
        predicted = row.get("pred_speaker")
        if not source:
            return "wrong speaker: gold has no source, we named one"
        if not row.get("gold_speaker_names"):
            return "wrong speaker: gold source has no name word even after coreference (unscorable)"
        pronoun = source.lower() in PRONOUNS
        if predicted is None:
            return f"wrong speaker: {'pronoun' if pronoun else 'named or described'} source, we gave None"
        return f"wrong speaker: {'pronoun' if pronoun else 'named or described'} source, we gave another"
    content = row["gold_content"]
    words = re.findall(r"[^\W_]+", content)
    if row["gold_kind"] == "direct":
        return "missed direct quote"
    if row["gold_kind"] == "mixed":
        return "missed mixed quote"
    if len(words) <= 3:
        return "missed content of 1-3 words (an object noun phrase)"
    if text is not None:
        at = text.find(content[:40])
        if at >= 0 and SPEECH_CUE.search(text, max(0, at - 60), at + len(content)):
            return "missed indirect content with a speech cue within 60 characters"
    return "missed attribution with no speech cue beside it: beliefs, intentions, actions, evaluations"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("details", help="the scorer's --details output")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--polnear", default=str(POLNEAR))
    parser.add_argument("--sample", type=int, default=0, help="print this many errors at random, with context")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    text_dir = Path(args.polnear) / "data" / args.split / "text"
    texts: dict[str, str] = {}

    def text_of(article: str) -> str | None:
        if article not in texts:
            path = text_dir / f"{article}.txt"
            texts[article] = path.read_text(encoding="utf-8") if path.exists() else None
        return texts[article]

    errors = []
    for line in Path(args.details).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        cat = category(row, text_of(row["article"]))
        if cat:
            errors.append((cat, row))
    counts = collections.Counter(cat for cat, _ in errors)
    print(f"{len(errors)} errors")
    print("| count | category |\n|---|---|")
    for cat, n in counts.most_common():
        print(f"| {n} | {cat} |")
    if args.sample:
        for k, (cat, row) in enumerate(random.Random(args.seed).sample(errors, min(args.sample, len(errors)))):
            text = text_of(row["article"]) or ""
            shown = row.get("gold_content") or row.get("pred_quote") or ""
            at = text.find(shown[:40])
            print(f"\n#{k} {cat}\n  article {row['article']}  gold source {row.get('gold_source')!r}  "
                  f"ours {row.get('pred_speaker')!r}: {row.get('pred_quote')!r}")
            print("  " + text[max(0, at - 200):at + len(shown) + 80].replace("\n", " / "))


if __name__ == "__main__":
    main()
