"""``rolechat``: the command line. It says what the Python API says, with the same words:
ingest, ask, chat, postings, serve, eval. A ``RolechatError`` becomes one line on stderr."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

from . import Answer, Assistant, RolechatError

EXIT_USER_ERROR = 2


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="where the index lives (ROLECHAT_DATA_DIR, default ./data)")
    parser.add_argument("--collection", help="Chroma collection name (ROLECHAT_COLLECTION, default rolechat)")


def _answering(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--llm", choices=["extractive", "openai"], help="answerer (ROLECHAT_LLM, default extractive)")
    parser.add_argument("--model", help="model name for --llm openai (ROLECHAT_MODEL)")
    parser.add_argument("--k", type=int, dest="top_k", help="passages to retrieve (ROLECHAT_TOP_K, default 5)")
    parser.add_argument("--role", action="append", dest="roles", metavar="POSTING",
                        help="restrict to this posting (file name); repeatable")


def _share(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rolechat",
        description="Ask questions about job postings; every answer cites the passages it used.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="add or update postings (.txt .md .html .pdf, files or folders)")
    p.add_argument("paths", nargs="+", help="posting files or folders")
    p.add_argument("--prune", action="store_true", help="also remove stored postings whose files are gone")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    _common(p)

    p = sub.add_parser("ask", help="ask one question, or a file of questions with --file")
    p.add_argument("question", nargs="?", help="the question")
    p.add_argument("--file", help="a text file with one question per line (batch)")
    p.add_argument("--json", action="store_true", help="one JSON answer per line, with citations")
    _common(p)
    _answering(p)

    p = sub.add_parser("chat", help="a conversation in the terminal (empty line or Ctrl-D to quit)")
    _common(p)
    _answering(p)

    p = sub.add_parser("postings", help="list ingested postings with their fields")
    p.add_argument("--json", action="store_true")
    _common(p)

    p = sub.add_parser("serve", help="the chat page (Gradio) on this machine")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback only)")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--auth", metavar="USER:PASS", help="require this login")
    p.add_argument("--ingest", nargs="*", metavar="PATH", help="ingest these paths before serving")
    _common(p)
    _answering(p)

    p = sub.add_parser("eval", help="score answers over a question set; writes report.json/.md and metrics.png")
    p.add_argument("--questions", default="seeds/questions.jsonl")
    p.add_argument("--out", default="eval-out")
    p.add_argument("--ingest", nargs="*", metavar="PATH", help="ingest these paths first")
    p.add_argument("--min-fact-recall", type=_share, metavar="0..1", help="exit 1 below this fact recall")
    p.add_argument("--min-citation-precision", type=_share, metavar="0..1")
    p.add_argument("--min-abstention", type=_share, metavar="0..1")
    p.add_argument("--min-category", action="append", default=[], metavar="CATEGORY=0..1",
                   help="floor on one category's accuracy, e.g. followup=0.9; repeatable")
    _common(p)
    _answering(p)
    return parser


def _assistant(args: argparse.Namespace) -> Assistant:
    return Assistant(
        data_dir=args.data_dir,
        collection=args.collection,
        llm=getattr(args, "llm", None),
        model=getattr(args, "model", None),
        top_k=getattr(args, "top_k", None),
    )


def format_answer(answer: Answer) -> str:
    lines = []
    if answer.notice:
        lines.append(f"({answer.notice})")
    lines.append(answer.text)
    if answer.citations:
        lines.append("")
        for c in answer.citations:
            quote = " ".join((c.quotes[0] if c.quotes else c.text).split())
            lines.append(f"[{c.number}] {c.title} — {c.section} ({c.source}): “{quote[:240]}”")
    return "\n".join(lines)


def answer_json(answer: Answer) -> str:
    data = asdict(answer)
    data.pop("passages", None)
    data["retrieved"] = [p.source for p in answer.passages]
    return json.dumps(data, ensure_ascii=False)


def _cmd_ingest(args) -> int:
    bot = _assistant(args)
    report = bot.index.ingest(args.paths, prune=args.prune, progress=not args.json)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        for skipped in report.skipped:
            print(f"skipped {skipped}", file=sys.stderr)
        print(report.summary())
    return 0 if (report.added or report.updated or report.unchanged or report.removed or not report.skipped) else 1


def _cmd_ask(args) -> int:
    if bool(args.question) == bool(args.file):
        raise RolechatError("give a question, or --file QUESTIONS.txt, but not both")
    bot = _assistant(args)
    _require_postings(bot)
    if args.file:
        questions = [q.strip() for q in Path(args.file).read_text(encoding="utf-8").splitlines() if q.strip()]
    else:
        questions = [args.question]
    for q in questions:
        try:
            answer = bot.ask(q, posting_ids=args.roles)
        except RolechatError as exc:
            if not args.file:
                raise
            print(json.dumps({"question": q, "error": str(exc)}) if args.json else f"error: {exc}")
            continue
        print(answer_json(answer) if args.json else format_answer(answer))
        if not args.json and len(questions) > 1:
            print()
    return 0


def _cmd_chat(args) -> int:
    bot = _assistant(args)
    _require_postings(bot)
    chat = bot.chat(posting_ids=args.roles)
    print(f"rolechat ({bot.answerer_name}) — {len(bot.postings())} postings. Empty line or Ctrl-D to quit.")
    while True:
        try:
            question = input("you> ").strip()
        except EOFError:
            print()
            return 0
        if not question:
            return 0
        try:
            stream = chat.stream(question)
            print("rolechat> ", end="", flush=True)
            for delta in stream:
                print(delta, end="", flush=True)
            print()
            answer = stream.answer
            if answer is not None:
                rendered = format_answer(answer)
                print(rendered[len(answer.text):].lstrip("\n") if rendered.startswith(answer.text) else rendered)
        except RolechatError as exc:
            print(f"error: {exc}")


def _cmd_postings(args) -> int:
    bot = _assistant(args)
    postings = bot.postings()
    if args.json:
        for p in postings:
            data = p.to_dict()
            data.pop("sections", None)
            print(json.dumps(data, ensure_ascii=False))
        return 0
    if not postings:
        print("no postings yet: rolechat ingest PATH")
    for p in postings:
        salary = p.salary.text if p.salary else "salary not stated"
        where = ", ".join(p.locations) or "location not stated"
        print(f"{p.source}: {p.title} — {p.company or 'company not stated'} — {where} — {salary}")
    return 0


def _cmd_serve(args) -> int:
    from .ui import serve

    bot = _assistant(args)
    if args.ingest:
        print(bot.ingest(args.ingest, progress=True).summary())
    auth = None
    if args.auth:
        user, sep, password = args.auth.partition(":")
        if not sep or not user or not password:
            raise RolechatError("--auth takes USER:PASS")
        auth = (user, password)
    serve(bot, host=args.host, port=args.port, auth=auth, max_upload_mb=bot.config.max_file_mb)
    return 0


def _cmd_eval(args) -> int:
    from .evaluation import check_floors, load_questions, run_eval, write_report

    bot = _assistant(args)
    if args.ingest:
        report = bot.ingest(args.ingest, progress=True)
        print(report.summary(), file=sys.stderr)
    _require_postings(bot)
    try:
        questions = load_questions(args.questions)
    except (OSError, ValueError) as exc:
        raise RolechatError(f"cannot read the question set: {exc}") from None
    report = run_eval(bot, questions, k=bot.config.top_k)
    paths = write_report(report, args.out)
    data = report.to_dict()
    a, r, lat = data["answers"], data["retrieval"], data["latency"]
    print(
        f"fact_recall {a['fact_recall']:.3f}  citation_precision {a['citation_precision']:.3f}  "
        f"abstention {a['abstention']:.3f}  false_abstention {a['false_abstention']:.3f}  "
        f"hit_rate@{bot.config.top_k} {r['hit_rate']:.3f}  mrr {r['mrr']:.3f}  "
        f"p50 {lat['p50_ms']:.0f} ms  p95 {lat['p95_ms']:.0f} ms"
    )
    print(f"report: {paths['md']}")
    failures = check_floors(
        report,
        min_fact_recall=args.min_fact_recall,
        min_citation_precision=args.min_citation_precision,
        min_abstention=args.min_abstention,
    )
    for spec in args.min_category:
        name, _, floor = spec.partition("=")
        try:
            floor_value = _share(floor)
        except (ValueError, argparse.ArgumentTypeError):
            raise RolechatError(f"--min-category takes CATEGORY=SHARE, got {spec!r}") from None
        stats = data["by_category"].get(name)
        if stats is None:
            failures.append(f"category {name} has no questions in {args.questions}")
        elif stats["accuracy"] < floor_value:
            failures.append(f"{name} accuracy {stats['accuracy']:.3f} is below the floor {floor_value:.3f}")
    for line in failures:
        print(f"below floor: {line}", file=sys.stderr)
    return 1 if failures else 0


def _require_postings(bot: Assistant) -> None:
    if not bot.postings():
        raise RolechatError(
            f"no postings in {bot.config.data_dir}; run `rolechat ingest PATH` first (or pass --data-dir)"
        )


COMMANDS = {
    "ingest": _cmd_ingest, "ask": _cmd_ask, "chat": _cmd_chat, "postings": _cmd_postings,
    "serve": _cmd_serve, "eval": _cmd_eval,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except RolechatError as exc:
        print(f"rolechat: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
