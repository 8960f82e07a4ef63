"""PNG plots of the benchmark results (matplotlib, Agg backend: no display needed).

    python benchmarks/plot.py [--results DIR]

reads ``compare.json`` (bench_compare.py) and ``query.json`` (bench_query.py) from DIR (default
``benchmarks/.cache/results``) and writes ``compare.png`` and ``query.png`` next to them. The two
benchmarks call these functions themselves at the end of a run.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NAIVE, FIT, ROLECHAT = "tab:orange", "tab:gray", "tab:blue"
DEFAULT_RESULTS = Path(__file__).resolve().parent / ".cache" / "results"


def plot_compare(result: dict, png: Path) -> Path:
    rows = sorted(result["rows"], key=lambda r: r["postings"])
    sizes = [r["postings"] for r in rows]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    ax1.plot(sizes, [r["naive_s"] for r in rows], "o-", color=NAIVE, label="naive llama-index")
    if all("naive-fit_s" in r for r in rows):
        ax1.plot(sizes, [r["naive-fit_s"] for r in rows], "d-", color=FIT, label="naive, chunk_size=200")
    if all("naive-bf16_s" in r for r in rows):
        ax1.plot(sizes, [r["naive-bf16_s"] for r in rows], "o--", color=NAIVE, alpha=0.6, label="naive, bf16")
    ax1.plot(sizes, [r["rolechat_s"] for r in rows], "s-", color=ROLECHAT, label="rolechat ingest")
    ax1.plot(sizes, [r["reingest_s"] for r in rows], "^--", color=ROLECHAT, alpha=0.6,
             label="rolechat re-ingest (unchanged)")
    ax1.set_yscale("log")
    _label(ax1, "Ingest wall time", "wall seconds")
    ax2.plot(sizes, [r["naive_chunks"] / r["naive_s"] for r in rows], "o-", color=NAIVE, label="naive chunks/s")
    ax2.plot(sizes, [r["rolechat_chunks"] / r["rolechat_s"] for r in rows], "s-", color=ROLECHAT,
             label="rolechat chunks/s")
    if all("ceiling_rolechat" in r for r in rows):
        ax2.plot(sizes, [r["ceiling_rolechat"]["cps"] for r in rows], "s:", color=ROLECHAT,
                 label="encoder ceiling, rolechat texts")
        ax2.plot(sizes, [r["ceiling_naive"]["cps"] for r in rows], "o:", color=NAIVE,
                 label="encoder ceiling, naive texts")
    _label(ax2, "Embedding throughput (2 cores, shared)", "chunks / s")
    return _save(fig, png)


def plot_query(result: dict, png: Path) -> Path:
    rows = sorted(result["rows"], key=lambda r: r["postings"])
    sizes = [r["postings"] for r in rows]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2), sharey=False)
    for ax, what, title in ((ax1, "retrieve", "Assistant.retrieve"), (ax2, "ask", "Assistant.ask (extractive)")):
        for mode, marker, color in (("local", "o", "tab:blue"), ("server", "s", "tab:green")):
            pts = [(r["postings"], r[mode][what]) for r in rows if r.get(mode)]
            if not pts:
                continue
            xs = [p[0] for p in pts]
            ax.plot(xs, [p[1]["p50"] for p in pts], marker + "-", color=color, label=f"{mode} p50")
            ax.plot(xs, [p[1]["p95"] for p in pts], marker + "--", color=color, label=f"{mode} p95", alpha=0.5)
        floors = {"retrieve": {10000: 20}, "ask": {1000: 50, 10000: 150}}[what]
        for x, y in floors.items():
            ax.plot([x], [y], "r*", markersize=11)
        ax.plot([], [], "r*", label="issue floor (p50)")
        _label(ax, f"{title} latency", "milliseconds")
        ticks = sorted(set(sizes) | set(floors))
        ax.set_xticks(ticks)
        ax.set_xticklabels([f"{t:,}" for t in ticks])
        ax.set_ylim(bottom=0)
    return _save(fig, png)


def _label(ax, title: str, ylabel: str) -> None:
    """What every panel has: postings on a log x axis, its title and unit, legend and grid."""
    ax.set_xscale("log")
    ax.set_xlabel("postings")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=8)
    ax.grid(True, which="both", alpha=0.3)


def _save(fig, png: Path) -> Path:
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="plot benchmark results")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS)
    args = parser.parse_args(argv)
    done = []
    for name, fn in (("compare", plot_compare), ("query", plot_query)):
        src = args.results / f"{name}.json"
        if src.exists():
            done.append(fn(json.loads(src.read_text(encoding="utf-8")), args.results / f"{name}.png"))
    print("\n".join(str(p) for p in done) or f"no results in {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
