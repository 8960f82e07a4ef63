"""Ingest benchmark: embedding throughput, full ingest and no-op re-ingest, on the seeds and on
generated postings, each into a fresh temporary data directory (local PersistentClient).

    python benchmarks/bench_ingest.py [--n 1000] [--seed 0] [--keep DIR]

Columns:
  parse+chunk  reading, cleaning, field extraction and chunking of every posting (no embedding)
  embed        the embedding step alone, on exactly the chunks (and embedded metadata) ingest
               embeds, with the model already loaded; chunks/s is its throughput
  ingest       PostingIndex.ingest() wall time on a fresh data directory, model already loaded
               (parse, chunk, embed, Chroma writes, docstore); chunks/s = chunks / wall time
  re-ingest    the same ingest again with nothing changed (hash check only)
The model load is timed once, separately. Timings are wall clock on whatever CPU is free: on a
shared machine other work slows them down, so compare runs on the same machine and load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402


def _quiet() -> None:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.getLogger("chromadb").setLevel(logging.ERROR)


def bench_corpus(label: str, folder: Path, config_overrides: dict) -> dict:
    from llama_index.core.schema import Document

    from index import Config, PostingIndex, load_posting, make_embed_model
    from index.ingest import PostingChunker
    from index.postings import discover

    files, _ = discover([folder])
    started = time.perf_counter()
    postings = [load_posting(f) for f in files]
    documents = [
        Document(id_=p.posting_id, text=p.text,
                 metadata={"source": p.fields.source, "title": p.fields.title or "", "company": p.fields.company or ""})
        for p in postings
    ]
    with tempfile.TemporaryDirectory(prefix="rolechat-bench-") as tmp:
        config = Config.resolve(data_dir=Path(tmp) / "data", **config_overrides)
        nodes = PostingChunker(max_tokens=config.chunk_tokens)(documents)
        parse_seconds = time.perf_counter() - started

        model = make_embed_model(config)
        model(nodes[:8])  # warm up
        started = time.perf_counter()
        model([n.model_copy() for n in nodes])
        embed_seconds = time.perf_counter() - started

        index = PostingIndex(config)
        started = time.perf_counter()
        report = index.ingest([folder])
        ingest_seconds = time.perf_counter() - started
        assert not report.skipped, report.skipped[:3]
        assert report.chunks_written == len(nodes) == index.chunk_count()

        started = time.perf_counter()
        again = index.ingest([folder])
        reingest_seconds = time.perf_counter() - started
        assert again.chunks_written == 0 and len(again.unchanged) == len(postings)
    return {
        "corpus": label, "postings": len(postings), "chunks": len(nodes),
        "parse": parse_seconds, "embed": embed_seconds, "embed_cps": len(nodes) / embed_seconds,
        "ingest": ingest_seconds, "ingest_cps": len(nodes) / ingest_seconds, "reingest": reingest_seconds,
    }


def print_table(rows: list[dict]) -> None:
    header = ("corpus", "postings", "chunks", "parse+chunk s", "embed s", "embed chunks/s",
              "ingest s", "ingest chunks/s", "re-ingest s")
    lines = [header, tuple("-" * len(h) for h in header)]
    for r in rows:
        lines.append((r["corpus"], str(r["postings"]), str(r["chunks"]), f"{r['parse']:.2f}", f"{r['embed']:.2f}",
                      f"{r['embed_cps']:.0f}", f"{r['ingest']:.2f}", f"{r['ingest_cps']:.0f}", f"{r['reingest']:.2f}"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths)) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="rolechat ingest benchmark")
    parser.add_argument("--n", type=int, default=1000, help="generated postings (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--keep", help="write the generated postings here and keep them")
    args = parser.parse_args(argv)
    _quiet()

    import torch

    from index import Config, make_embed_model

    print(f"cpus: {os.cpu_count()}, torch threads: {torch.get_num_threads()}, "
          f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    started = time.perf_counter()
    make_embed_model(Config.resolve(data_dir=tempfile.gettempdir()))
    print(f"embedding model load: {time.perf_counter() - started:.1f}s (once per process, not in the table)")

    rows = []
    with tempfile.TemporaryDirectory(prefix="rolechat-bench-seeds-") as seeds:
        for f in (ROOT / "seeds").glob("*.txt"):
            shutil.copy(f, Path(seeds) / f.name)
        rows.append(bench_corpus("seeds", Path(seeds), {}))

    generated = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rolechat-bench-gen-"))
    try:
        started = time.perf_counter()
        generate(args.n, args.seed, generated)
        print(f"generated {args.n} postings (seed {args.seed}) in {time.perf_counter() - started:.1f}s")
        rows.append(bench_corpus(f"generated ({args.n})", generated, {}))
    finally:
        if not args.keep:
            shutil.rmtree(generated, ignore_errors=True)
    print()
    print_table(rows)
    print(f"\nload average at end: {', '.join(f'{x:.2f}' for x in os.getloadavg())} "
          "(CPU may be shared with other work; timings are wall clock)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
