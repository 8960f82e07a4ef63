"""Query latency of rolechat by corpus size, with the local Chroma and with a Chroma server.

    python benchmarks/bench_query.py [--sizes 100 1000 10000] [--seed 0] [--cache DIR]
                                     [--queries 50] [--no-server] [--build-only] [--out DIR]

Per size N:

1. The corpus: ``benchmarks/generate.py`` postings (seeded), cached in ``--cache`` (default
   ``benchmarks/.cache/``) as ``corpus-<N>-s<seed>/`` (shared with bench_compare.py).
2. The index: ``<cache>/index-<N>-s<seed>/`` is a rolechat data directory built with
   ``PostingIndex.ingest``. Ingest is an upsert whose docstore is saved after every batch
   (about N/20 postings), so an interrupted build (Ctrl-C, a killed job) continues where it
   stopped when the command is run again; a ``bench-complete.json`` marker skips even the hash
   check once a build has finished. Progress goes to stderr. ``--build-only`` builds and exits.
3. The questions: ``--queries`` questions (default 50) from the postings' manifest, with generic
   templates ("What is the salary for the {title} at {company}?", "Where is the {title} role at
   {company}?", "Is the {title} at {company} remote?", ...), drawn with a fixed seed; five more
   are asked first as a warm-up and not timed.
4. Local: in a spawned child process, ``Assistant(data_dir=...)`` is opened (timed: the
   corpus view, BM25 and the vector index are built at open), warmed up, then every question
   goes through ``Assistant.retrieve`` (one pass) and ``Assistant.ask`` (a second pass); p50
   and p95 of each; the child's VmHWM after the query set is the serving process's peak RSS.
5. Server: the data directory's ``chroma/`` folder is copied into a temporary folder and served
   by ``chroma run --path <copy> --host 127.0.0.1 --port <free>`` (tests/support/servers.py's
   ``ChromaServer``); the docstore is copied under the name a server-backed ``PostingIndex``
   uses for that host and port; then the same measurement as 4 with
   ``Assistant(chroma_host=..., chroma_port=...)``. The server's own VmHWM is reported too.

"cites asked" is a sanity check, not a quality metric: the share of questions naming a posting
whose answer's first citation is a posting with that title and company.

Latencies are wall clock on a shared 2-core machine: the 1-minute load average and the host's
steal (``bench_compare.steal_share``) are printed beside every number. Results also go to
``<out>/query.json`` and ``<out>/query.png`` (default ``<cache>/results``).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
for p in (str(ROOT), str(BENCH), str(ROOT / "tests")):
    if p not in sys.path:
        sys.path.insert(0, p)

from bench_compare import (  # noqa: E402
    add_common_args, corpus_dir, cpu_times, load, loads, pid_hwm_mb, quiet, start_run, steal_pct, steal_share, table,
    vm_hwm_mb,
)

WARMUP = 5
FLOORS = {  # the p50 floors, ms: (what, postings) -> ms
    ("ask", 1000): 50, ("ask", 10000): 150, ("retrieve", 10000): 20,
}
TEMPLATES = (
    ("salary", "What is the salary for the {title} at {company}?"),
    ("location", "Where is the {title} role at {company}?"),
    ("remote", "Is the {title} at {company} remote?"),
    ("requirements", "What are the requirements for the {title} at {company}?"),
    ("type", "Is the {title} at {company} full-time or part-time?"),
    ("place", "Which jobs are in {place}?"),
)


def questions(manifest: Path, count: int, seed: int = 1234) -> list[dict]:
    truths = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    out = []
    i = 0
    while len(out) < count:
        kind, template = TEMPLATES[i % len(TEMPLATES)]
        i += 1
        t = rng.choice(truths)
        if kind == "place" and (not t.get("place") or t["place"].lower() == "remote"):
            continue
        out.append({"kind": kind, "question": template.format(**t), "title": t["title"], "company": t["company"],
                    "names_posting": "{title}" in template})
    return out


# -- the index per size ---------------------------------------------------------------------------
def ensure_index(n: int, seed: int, cache: Path) -> tuple[Path, dict]:
    """The rolechat data directory for (n, seed): built, or continued, or reused."""
    folder = corpus_dir(cache, n, seed)
    data_dir = cache / f"index-{n}-s{seed}"
    marker = data_dir / "bench-complete.json"
    if marker.exists():
        info = json.loads(marker.read_text(encoding="utf-8"))
        if info.get("postings") == n:
            print(f"[{n}] reusing the index in {data_dir} ({info['chunks']} chunks, built in "
                  f"{info.get('build_s', 0):.0f}s at load {info.get('build_load', '?')})", flush=True)
            return data_dir, info
    import index

    config = index.Config.resolve(data_dir=data_dir)
    pi = index.PostingIndex(config)
    before = pi.chunk_count()
    print(f"[{n}] building the index in {data_dir} ({before} chunks already stored; resumable: "
          f"re-run the same command to continue). Load average {loads()}", flush=True)
    l0 = load()
    started = time.perf_counter()
    report = pi.ingest([folder], progress=True)
    seconds = time.perf_counter() - started
    if report.skipped:
        raise SystemExit(f"skipped files: {report.skipped[:3]}")
    info = {"postings": n, "chunks": pi.chunk_count(), "build_s": seconds, "resumed_from_chunks": before,
            "build_load": round((l0 + load()) / 2, 2), "added": len(report.added), "unchanged": len(report.unchanged)}
    marker.write_text(json.dumps(info), encoding="utf-8")
    print(f"[{n}] built: {info['chunks']} chunks; this run added {len(report.added)} postings in {seconds:.0f}s "
          f"(load {info['build_load']})", flush=True)
    return data_dir, info


# -- measuring, in a child process -------------------------------------------------------------
def _pct(values: list[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(values, q)) if values else float("nan")


def _child_measure(mode: str, data_dir: str, qs: list[dict], warm: list[dict], host: str | None, port: int | None) -> dict:
    quiet()
    import index  # noqa: F401  (sets OMP_WAIT_POLICY before torch loads)
    from assistant import Assistant

    l0, t0 = load(), cpu_times()
    started = time.perf_counter()
    bot = Assistant(data_dir=data_dir, chroma_host=host, chroma_port=port)
    constructed = time.perf_counter() - started
    bot.postings()  # the first call builds the in-memory view: corpus, BM25, vector index
    opened = time.perf_counter() - started
    for q in warm:
        bot.retrieve(q["question"])
        bot.ask(q["question"])
    retrieve_ms, ask_ms = [], []
    for q in qs:
        t = time.perf_counter()
        bot.retrieve(q["question"])
        retrieve_ms.append(1000 * (time.perf_counter() - t))
    hits = named = abstained = 0
    for q in qs:
        t = time.perf_counter()
        answer = bot.ask(q["question"])
        ask_ms.append(1000 * (time.perf_counter() - t))
        abstained += answer.abstained
        if q["names_posting"]:
            named += 1
            if answer.citations:
                first = answer.citations[0]
                hits += first.title == q["title"] and first.company == q["company"]
    postings = len(bot.postings())
    return {
        "mode": mode, "postings": postings, "chunks": bot.index.chunk_count(), "construct_s": constructed, "open_s": opened,
        "retrieve": {"p50": _pct(retrieve_ms, 50), "p95": _pct(retrieve_ms, 95), "all": retrieve_ms},
        "ask": {"p50": _pct(ask_ms, 50), "p95": _pct(ask_ms, 95), "all": ask_ms},
        "cites_asked": hits / named if named else None, "abstained": abstained, "questions": len(qs),
        "peak_mb": vm_hwm_mb(), "load": round((l0 + load()) / 2, 2), "steal": steal_share(t0),
    }


def measure(mode: str, data_dir: Path, qs: list[dict], warm: list[dict], host: str | None = None, port: int | None = None) -> dict:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(_child_measure, mode, str(data_dir), qs, warm, host, port).result()


def server_docstore_name(host: str, port: int) -> str:
    """The docstore file name a server-backed PostingIndex uses (asked of PostingIndex itself)."""
    import index
    from index.ingest import PostingIndex

    config = index.Config.resolve(data_dir=tempfile.gettempdir(), chroma_host=host, chroma_port=port)
    return PostingIndex._docstore_name(SimpleNamespace(config=config))


def measure_server(data_dir: Path, qs: list[dict], warm: list[dict]) -> dict:
    from support.servers import ChromaServer

    with tempfile.TemporaryDirectory(prefix="rolechat-bench-server-") as tmp:
        tmp = Path(tmp)
        started = time.perf_counter()
        shutil.copytree(data_dir / "chroma", tmp / "chroma")
        copy_s = time.perf_counter() - started
        server = ChromaServer(path=tmp / "chroma", log_dir=tmp / "log", host="127.0.0.1")
        started = time.perf_counter()
        with server:
            start_s = time.perf_counter() - started
            client_dir = tmp / "data"
            client_dir.mkdir()
            docstores = sorted(data_dir.glob("docstore-*.json"))
            local_name = [d for d in docstores if "@" not in d.name]
            if len(local_name) != 1:
                raise SystemExit(f"expected one local docstore in {data_dir}, found {docstores}")
            shutil.copy(local_name[0], client_dir / server_docstore_name(server.host, server.port))
            result = measure("server", client_dir, qs, warm, server.host, server.port)
            result["server_peak_mb"] = pid_hwm_mb(server.proc.pid) if server.proc else None
            result["server_start_s"] = start_s
            result["copy_s"] = copy_s
    return result


# -- main ---------------------------------------------------------------------------------------
def print_table(rows: list[dict]) -> str:
    header = ("postings", "chunks", "Chroma", "open s", "retrieve p50 ms", "p95", "ask p50 ms", "p95",
              "floor (p50)", "met", "cites asked", "serving peak RSS MB", "server RSS MB", "load 1m", "steal")
    body = []
    for r in rows:
        for mode in ("local", "server"):
            m = r.get(mode)
            if not m:
                continue
            floors, met = [], []
            for what in ("retrieve", "ask"):
                floor = FLOORS.get((what, r["postings"]))
                if floor is not None:
                    floors.append(f"{what} ≤ {floor}")
                    met.append("yes" if m[what]["p50"] <= floor else "NO")
            body.append((
                r["postings"], m["chunks"], mode, f"{m['open_s']:.1f}",
                f"{m['retrieve']['p50']:.1f}", f"{m['retrieve']['p95']:.1f}",
                f"{m['ask']['p50']:.1f}", f"{m['ask']['p95']:.1f}",
                ", ".join(floors) or "-", ", ".join(met) or "-",
                f"{100 * m['cites_asked']:.0f}%" if m.get("cites_asked") is not None else "-",
                f"{m['peak_mb']:.0f}", f"{m['server_peak_mb']:.0f}" if m.get("server_peak_mb") else "-",
                f"{m['load']:.2f}", steal_pct(m.get("steal")),
            ))
    text = table(header, body)
    print(text)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="rolechat query latency by corpus size, local and server Chroma")
    add_common_args(parser, [100, 1000, 10000])
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--no-server", action="store_true", help="skip the Chroma server measurement")
    parser.add_argument("--build-only", action="store_true", help="build (or continue building) the indexes and exit")
    args = parser.parse_args(argv)
    out, info = start_run(args)

    built = {n: ensure_index(n, args.seed, args.cache) for n in args.sizes}
    if args.build_only:
        return 0

    rows = []
    for n in args.sizes:
        data_dir, build = built[n]
        manifest = args.cache / f"corpus-{n}-s{args.seed}" / "manifest.jsonl"
        qs_all = questions(manifest, args.queries + WARMUP)
        warm, qs = qs_all[:WARMUP], qs_all[WARMUP:]
        row = {"postings": n, "build": build}
        row["local"] = m = measure("local", data_dir, qs, warm)
        print(f"[{n}] local: open {m['open_s']:.1f}s, retrieve p50 {m['retrieve']['p50']:.1f} ms, "
              f"ask p50 {m['ask']['p50']:.1f} ms, peak RSS {m['peak_mb']:.0f} MB "
              f"(load {m['load']}, steal {steal_pct(m.get('steal'))})", flush=True)
        if not args.no_server:
            row["server"] = m = measure_server(data_dir, qs, warm)
            print(f"[{n}] server: open {m['open_s']:.1f}s, retrieve p50 {m['retrieve']['p50']:.1f} ms, "
                  f"ask p50 {m['ask']['p50']:.1f} ms, peak RSS {m['peak_mb']:.0f} MB, server {m['server_peak_mb']} MB "
                  f"(load {m['load']}, steal {steal_pct(m.get('steal'))})", flush=True)
        rows.append(row)

    print()
    text = print_table(rows)
    print(f"\nload average at end: {loads()}")
    result_path = out / "query.json"
    previous = json.loads(result_path.read_text(encoding="utf-8")) if result_path.exists() else {}
    merged = {r["postings"]: r for r in previous.get("rows", [])}  # keep other sizes from earlier runs
    merged.update({r["postings"]: r for r in rows})
    result = {"machine": info, "rows": [merged[k] for k in sorted(merged)], "argv": sys.argv[1:],
              "finished": time.strftime("%Y-%m-%d %H:%M:%S"), "tables": text}
    result_path.write_text(json.dumps(result, indent=1), encoding="utf-8")
    try:
        from plot import plot_query

        png = plot_query(result, out / "query.png")
        print(f"wrote {result_path} and {png}")
    except Exception as exc:
        print(f"wrote {result_path}; plot failed: {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
