"""Answer quality on the seed questions, alone and with generated postings ingested beside them.

    python benchmarks/bench_quality.py [--sizes 0 1000] [--seed 0] [--cache DIR] [--out DIR]

For each size N, a fresh data directory gets the two seed postings plus N postings from
``benchmarks/generate.py`` (seeded, cached as in the other benchmarks), and ``seeds/questions.jsonl``
is scored with the same code as ``rolechat eval`` (extractive default). The generated postings
are distractors: other companies and similar titles, some the same ("Machine Learning Engineer").
A printed table compares the metrics; each run's report.md/json goes to ``<out>/quality-<N>/``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
for p in (str(ROOT), str(BENCH)):
    if p not in sys.path:
        sys.path.insert(0, p)

from bench_compare import DEFAULT_CACHE, corpus_dir, loads, table  # noqa: E402

from assistant import Assistant  # noqa: E402
from assistant.evaluation import load_questions, run_eval, write_report  # noqa: E402

COLUMNS = ("fact_recall", "citation_precision", "abstention", "false_abstention")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or args.cache / "results"
    questions = load_questions(ROOT / "seeds" / "questions.jsonl")
    rows = []
    for n in args.sizes:
        paths = [ROOT / "seeds"] + ([corpus_dir(args.cache, n, args.seed)] if n else [])
        with tempfile.TemporaryDirectory() as data_dir:
            bot = Assistant(data_dir=data_dir)
            report = bot.ingest(paths)
            if report.skipped:
                print(f"[{n}] skipped: {len(report.skipped)}", file=sys.stderr)
            chunks = bot.index.chunk_count()
            result = run_eval(bot, questions, k=bot.config.top_k)
            written = write_report(result, out / f"quality-{n}")
        data = json.loads(written["json"].read_text(encoding="utf-8"))
        answers, retrieval, latency = data["answers"], data["retrieval"], data["latency"]
        failed = [q["id"] for q in data["questions"] if not q.get("correct")]
        rows.append(
            [n + 2, chunks]
            + [f"{answers[c]:.3f}" for c in COLUMNS]
            + [f"{retrieval['hit_rate']:.3f}", f"{retrieval['mrr']:.3f}",
               f"{latency['p50_ms']:.0f}", f"{latency['p95_ms']:.0f}", " ".join(failed) or "-"]
        )
    print(f"load average {loads()}")
    print(table(["postings", "chunks", *COLUMNS, "hit_rate@5", "mrr", "p50 ms", "p95 ms", "failed"], rows))


if __name__ == "__main__":
    main()
