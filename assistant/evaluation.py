"""Offline evaluation of the assistant against a file of hand-written questions.

The question file is JSON Lines, one question per line::

    {"id": "q01", "category": "factual", "turns": ["What is the salary range ...?"],
     "facts": [["235,000", "235k"], ["414,000", "414k"]],
     "sources": ["000_0751755ddfb3f06d.txt"], "answerable": true}

``turns`` are asked in order in one fresh chat and only the last answer is
scored. ``facts`` is a list of *groups*: a group holds when any one of its
alternative strings appears in the answer, and an answer is right when every
group holds. ``sources`` are the posting file names that contain the answer.
``answerable: false`` marks questions the assistant should decline (not in the
postings, off topic, prompt injection).

What this module provides:

* :func:`load_questions` reads and validates a question file.
* Pure metric functions over plain per-question records (dicts, as produced
  by :func:`run_eval` and stored under ``questions`` in the report):
  :func:`fact_holds`, :func:`hit_rate_at_k`, :func:`mrr`, :func:`fact_recall`,
  :func:`citation_precision`, :func:`abstention`, :func:`false_abstention`,
  :func:`percentile`.
* :func:`run_eval` asks every question of an ``Assistant`` and builds an
  :class:`EvalReport`; :func:`build_report` does the same from records you
  already have.
* :func:`write_report` writes ``report.json``, ``report.md`` and
  ``metrics.png``; :func:`check_floors` compares a report with minimum scores.

Edge cases. A rate whose denominator is empty takes its *best* value (1.0,
or 0.0 for ``false_abstention``, where lower is better), so that an empty
category never fails a floor on its own; the counts behind every rate are
reported in ``meta["counts"]`` so a vacuous value can be told apart from a
real one. A question whose call raised is recorded with its error and scored
as wrong: no answer, no abstention, nothing retrieved.
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

__all__ = [
    "METRIC_DEFINITIONS",
    "EvalReport",
    "Question",
    "abstention",
    "build_report",
    "check_floors",
    "citation_count",
    "citation_precision",
    "fact_holds",
    "fact_recall",
    "failed_fact_groups",
    "false_abstention",
    "hit_rate_at_k",
    "load_questions",
    "mrr",
    "normalise_text",
    "percentile",
    "run_eval",
    "write_report",
]

# One line per metric; used in report.md and handy for a CLI's --help.
METRIC_DEFINITIONS: dict[str, str] = {
    "hit_rate": (
        "Share of questions with expected sources where at least one expected source is among "
        "the first k distinct postings retrieved (vacuous 1.0 if no question has sources)."
    ),
    "mrr": (
        "Mean over questions with expected sources of 1/rank of the first expected source in the "
        "ranked distinct postings retrieved, 0 when absent (vacuous 1.0)."
    ),
    "fact_recall": (
        "Share of answerable questions answered without abstaining or error and with every fact "
        "group found in the answer text (vacuous 1.0 if none are answerable)."
    ),
    "citation_precision": (
        "Share of the citations given on answerable questions with expected sources that point to "
        "one of those sources (vacuous 1.0 when there are no such citations; see the count)."
    ),
    "abstention": (
        "Share of unanswerable questions (not in the postings, off topic, injection) on which the "
        "assistant abstained (vacuous 1.0 if there are none)."
    ),
    "false_abstention": (
        "Share of answerable questions on which the assistant abstained; lower is better "
        "(vacuous 0.0 if none are answerable)."
    ),
    "p50_ms": "Median latency of the scored (last) turn, in milliseconds, over questions that did not raise.",
    "p95_ms": "95th percentile latency of the scored (last) turn, in milliseconds (linear interpolation).",
}

_KNOWN_KEYS = {"id", "turns", "facts", "sources", "answerable", "category"}


# --------------------------------------------------------------------------- questions


@dataclass
class Question:
    """One evaluation question. ``extra`` keeps any keys of the line not named here."""

    id: str
    turns: list[str]
    facts: list[list[str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    answerable: bool = True
    category: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    path: str = ""  # the file it was read from, "" when built in code
    line: int = 0  # 1-based line number in that file

    @property
    def question(self) -> str:
        """The scored turn: the last one."""
        return self.turns[-1]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "category": self.category,
            "turns": list(self.turns),
            "facts": [list(g) for g in self.facts],
            "sources": list(self.sources),
            "answerable": self.answerable,
        }
        out.update(self.extra)
        return out


def _nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _parse_question(obj: Any, where: str) -> Question:
    """Validate one decoded line; raise ``ValueError`` prefixed with ``where`` (file:line)."""

    def bad(msg: str) -> ValueError:
        return ValueError(f"{where}: {msg}")

    if not isinstance(obj, dict):
        raise bad(f"expected a JSON object, got {type(obj).__name__}")

    qid = obj.get("id")
    if not _nonempty_str(qid):
        raise bad('"id" must be a non-empty string')

    turns = obj.get("turns")
    if not isinstance(turns, list) or not turns:
        raise bad(f'question {qid!r}: "turns" must be a non-empty list of strings')
    for i, turn in enumerate(turns):
        if not _nonempty_str(turn):
            raise bad(f'question {qid!r}: turns[{i}] must be a non-empty string')

    if "answerable" not in obj:
        raise bad(f'question {qid!r}: "answerable" (true/false) is required')
    answerable = obj["answerable"]
    if not isinstance(answerable, bool):
        raise bad(f'question {qid!r}: "answerable" must be true or false, got {answerable!r}')

    raw_facts = obj.get("facts", [])
    if not isinstance(raw_facts, list):
        raise bad(f'question {qid!r}: "facts" must be a list of groups (lists of strings)')
    facts: list[list[str]] = []
    for i, group in enumerate(raw_facts):
        if isinstance(group, str):  # a bare string is a group with one alternative
            group = [group]
        if not isinstance(group, list) or not group:
            raise bad(f'question {qid!r}: facts[{i}] must be a non-empty list of strings')
        for alt in group:
            if not _nonempty_str(alt):
                raise bad(f'question {qid!r}: facts[{i}] holds {alt!r}, expected non-empty strings')
        facts.append(list(group))

    sources = obj.get("sources", [])
    if not isinstance(sources, list) or not all(_nonempty_str(s) for s in sources):
        raise bad(f'question {qid!r}: "sources" must be a list of posting file names')

    category = obj.get("category", "")
    if not isinstance(category, str):
        raise bad(f'question {qid!r}: "category" must be a string')

    extra = {k: v for k, v in obj.items() if k not in _KNOWN_KEYS}
    return Question(
        id=qid,
        turns=list(turns),
        facts=facts,
        sources=list(sources),
        answerable=answerable,
        category=category,
        extra=extra,
    )


def load_questions(path: str | Path) -> list[Question]:
    """Read a JSON Lines question file. Blank lines are skipped.

    Raises ``ValueError`` naming ``file:line`` for a line that is not JSON, lacks
    ``id``/``turns``/``answerable``, has fields of the wrong shape, or repeats an id;
    and naming the file when it holds no question at all.
    """
    path = Path(path)
    questions: list[Question] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.strip()
            if not line:
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
            q = _parse_question(obj, where)
            if q.id in seen:
                raise ValueError(f"{where}: duplicate id {q.id!r} (first on line {seen[q.id]})")
            seen[q.id] = lineno
            q.path, q.line = str(path), lineno
            questions.append(q)
    if not questions:
        raise ValueError(f"{path}: no questions")
    return questions


# --------------------------------------------------------------------------- metrics

# A marker and the blank before it; dropped outright before punctuation or a blank, else a space.
_CITATION_MARKER = re.compile(r"\s*\[\d+(?:\s*[,;–-]\s*\d+)*\]")
_TIGHT_AFTER = set(" \t\r\n,.;:!?)")


def _drop_marker(m: re.Match[str]) -> str:
    rest = m.string[m.end() : m.end() + 1]
    return "" if rest == "" or rest in _TIGHT_AFTER or rest.isspace() else " "
_PUNCT_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
    }
)
_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Normalise text for fact matching.

    Unicode NFKC; citation markers such as ``[1]`` or ``[1, 2]`` removed together
    with the blank before them (so "Bellevue [1], Seattle" reads "Bellevue,
    Seattle"); typographic quotes and dashes folded to ASCII ``'`` ``"`` ``-``;
    case folded; every run of whitespace collapsed to one space, ends trimmed.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = _CITATION_MARKER.sub(_drop_marker, text)
    text = text.translate(_PUNCT_FOLD).casefold()
    return _WS.sub(" ", text).strip()


def failed_fact_groups(answer_text: str, facts: Sequence[Sequence[str]]) -> list[list[str]]:
    """The fact groups of which no alternative appears in ``answer_text`` (see :func:`fact_holds`)."""
    hay = normalise_text(answer_text)
    failed: list[list[str]] = []
    for group in facts:
        alts = [normalise_text(a) for a in ([group] if isinstance(group, str) else group)]
        if not any(a and _says(hay, a) for a in alts):
            failed.append([group] if isinstance(group, str) else list(group))
    return failed


def _says(hay: str, fact: str) -> bool:
    """``fact`` occurs in ``hay`` as whole words, or a plural of its last: "Discover" is not said
    by "content discovery", nor "intern" by "internal", but "microservice" is by "microservices".
    Ends that are not letters or digits ("$", "%") bound themselves."""
    head = r"(?<![^\W_])" if fact[0].isalnum() else ""
    tail = r"(?:e?s)?(?![^\W_])" if fact[-1].isalpha() else r"(?![^\W_])" if fact[-1].isdigit() else ""
    return re.search(head + re.escape(fact) + tail, hay) is not None


def fact_holds(answer_text: str, facts: Sequence[Sequence[str]]) -> bool:
    """True when every fact group holds in ``answer_text``.

    A group (a list of alternative strings) holds when any alternative occurs in the
    answer as whole words (its last word may take a plural "s") after both are normalised by :func:`normalise_text`
    (case-insensitive, whitespace-normalised, citation markers dropped, curly
    quotes/dashes folded). An alternative that normalises to "" never matches.
    Empty ``facts`` → True.
    """
    return not failed_fact_groups(answer_text, facts)


def _get(record: Any, key: str, default: Any = None) -> Any:
    if isinstance(record, Mapping):
        return record.get(key, default)
    return getattr(record, key, default)


def _citation_source(citation: Any) -> str:
    return _get(citation, "source", "") or ""


def _rate(hits: float, total: int, vacuous: float) -> float:
    return hits / total if total else vacuous


def _ranked_unique(sources: Iterable[str]) -> list[str]:
    out: list[str] = []
    for s in sources:
        if s and s not in out:
            out.append(s)
    return out


def hit_rate_at_k(records: Iterable[Any], k: int) -> float:
    """Share of questions with expected ``sources`` where any of them is among the first ``k``
    distinct sources of ``retrieved_sources`` (ranked, best first; duplicates are dropped,
    keeping the first occurrence).

    Questions with empty ``sources`` are excluded. None left → 1.0 (vacuous).
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    total = hits = 0
    for r in records:
        expected = set(_get(r, "sources") or [])
        if not expected:
            continue
        total += 1
        top = _ranked_unique(_get(r, "retrieved_sources") or [])[:k]
        hits += any(s in expected for s in top)
    return _rate(hits, total, 1.0)


def mrr(records: Iterable[Any]) -> float:
    """Mean reciprocal rank: over questions with expected ``sources``, the mean of 1/rank of the
    first expected source in the ranked distinct ``retrieved_sources`` (rank 1 = best), 0 when
    none was retrieved. The whole retrieved list counts, not only the first k.

    Questions with empty ``sources`` are excluded. None left → 1.0 (vacuous).
    """
    total = 0
    acc = 0.0
    for r in records:
        expected = set(_get(r, "sources") or [])
        if not expected:
            continue
        total += 1
        for rank, s in enumerate(_ranked_unique(_get(r, "retrieved_sources") or []), start=1):
            if s in expected:
                acc += 1.0 / rank
                break
    return _rate(acc, total, 1.0)


def _record_failed_groups(r: Any) -> list[list[str]]:
    failed = _get(r, "failed_facts")
    if failed is None:  # a record built by hand: compute it
        failed = failed_fact_groups(_get(r, "answer", "") or "", _get(r, "facts") or [])
    return failed


def fact_recall(records: Iterable[Any]) -> float:
    """Share of answerable questions (``answerable`` true) answered correctly: not abstained, no
    ``error``, and every fact group holds in ``answer`` (:func:`fact_holds`). An abstention or an
    error counts as wrong, even when ``facts`` is empty.

    Uses the record's ``failed_facts`` when present, else computes it from ``answer``/``facts``.
    No answerable question → 1.0 (vacuous).
    """
    total = hits = 0
    for r in records:
        if not _get(r, "answerable", True):
            continue
        total += 1
        if _get(r, "abstained") or _get(r, "error"):
            continue
        hits += not _record_failed_groups(r)
    return _rate(hits, total, 1.0)


def _scored_citations(records: Iterable[Any]) -> list[tuple[str, set[str]]]:
    out: list[tuple[str, set[str]]] = []
    for r in records:
        expected = set(_get(r, "sources") or [])
        if not _get(r, "answerable", True) or not expected:
            continue
        for c in _get(r, "citations") or []:
            out.append((_citation_source(c), expected))
    return out


def citation_count(records: Iterable[Any]) -> int:
    """How many citations :func:`citation_precision` scored (its denominator)."""
    return len(_scored_citations(records))


def citation_precision(records: Iterable[Any]) -> float:
    """Share of the citations given on answerable questions that have expected ``sources`` whose
    ``source`` is one of those sources. Every citation counts once, so an answer citing three
    passages weighs three. Citations on unanswerable questions, and on answerable ones without
    expected sources, are not scored.

    No scored citation at all → 1.0 (vacuous); report :func:`citation_count` next to it.
    """
    scored = _scored_citations(records)
    return _rate(sum(src in exp for src, exp in scored), len(scored), 1.0)


def abstention(records: Iterable[Any]) -> float:
    """Share of unanswerable questions (``answerable`` false) on which the assistant abstained.
    A question whose call raised did not abstain. No unanswerable question → 1.0 (vacuous)."""
    flags = [bool(_get(r, "abstained")) for r in records if not _get(r, "answerable", True)]
    return _rate(sum(flags), len(flags), 1.0)


def false_abstention(records: Iterable[Any]) -> float:
    """Share of answerable questions on which the assistant abstained (lower is better).
    No answerable question → 0.0 (vacuous)."""
    flags = [bool(_get(r, "abstained")) for r in records if _get(r, "answerable", True)]
    return _rate(sum(flags), len(flags), 0.0)


def percentile(values: Iterable[float], p: float) -> float:
    """The ``p``-th percentile (0–100) of ``values`` by linear interpolation between the two
    nearest ranks (numpy's default "linear" method): rank = p/100 · (n−1) over the sorted values.

    Raises ``ValueError`` for no values or ``p`` outside [0, 100].
    """
    xs = sorted(float(v) for v in values)
    if not xs:
        raise ValueError("percentile of no values")
    if not 0 <= p <= 100:
        raise ValueError(f"percentile p must be within [0, 100], got {p}")
    pos = (len(xs) - 1) * p / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _is_correct(answerable: bool, abstained: bool, error: str | None, failed: list) -> bool:
    if error:
        return False
    if answerable:
        return not abstained and not failed
    return abstained


# --------------------------------------------------------------------------- report


@dataclass
class EvalReport:
    """The result of one evaluation run; :meth:`to_dict` is what ``report.json`` holds."""

    retrieval: dict[str, Any]  # hit_rate, mrr, k
    answers: dict[str, Any]  # fact_recall, citation_precision, abstention, false_abstention
    latency: dict[str, Any]  # p50_ms, p95_ms (None when nothing was timed)
    questions: list[dict[str, Any]]  # one record per question, in file order
    meta: dict[str, Any]  # answerer, question_file, count, date, k, seconds, counts
    by_category: dict[str, dict[str, Any]]  # category -> count, correct, accuracy, abstained, ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "retrieval": dict(self.retrieval),
            "answers": dict(self.answers),
            "latency": dict(self.latency),
            "questions": [dict(q) for q in self.questions],
            "meta": dict(self.meta),
            "by_category": {k: dict(v) for k, v in self.by_category.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvalReport:
        return cls(
            retrieval=dict(data["retrieval"]),
            answers=dict(data["answers"]),
            latency=dict(data["latency"]),
            questions=list(data["questions"]),
            meta=dict(data.get("meta", {})),
            by_category=dict(data.get("by_category", {})),
        )


def _by_category(records: Sequence[Mapping[str, Any]], k: int) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for r in records:
        groups.setdefault(r.get("category") or "(none)", []).append(r)
    out: dict[str, dict[str, Any]] = {}
    for cat, recs in groups.items():
        n = len(recs)
        correct = sum(bool(r.get("correct")) for r in recs)
        abstained = sum(bool(r.get("abstained")) for r in recs)
        out[cat] = {
            "count": n,
            "answerable": sum(bool(r.get("answerable", True)) for r in recs),
            "correct": correct,
            # share of questions right: facts hold for answerable, abstained for unanswerable
            "accuracy": correct / n,
            "abstained": abstained / n,  # share of the category's questions abstained on
            "errors": sum(bool(r.get("error")) for r in recs),
            "hit_rate": hit_rate_at_k(recs, k),
        }
    return out


def build_report(
    records: Sequence[Mapping[str, Any]],
    *,
    k: int = 5,
    answerer: str = "",
    question_file: str = "",
    seconds: float | None = None,
    date: str | None = None,
) -> EvalReport:
    """Compute every metric over per-question ``records`` (as made by :func:`run_eval`)."""
    records = [dict(r) for r in records]
    timed = [r["latency_ms"] for r in records if r.get("latency_ms") is not None and not r.get("error")]
    answerable = [r for r in records if r.get("answerable", True)]
    counts = {
        "questions": len(records),
        "answerable": len(answerable),
        "unanswerable": len(records) - len(answerable),
        "with_sources": sum(bool(r.get("sources")) for r in records),
        "citations_scored": citation_count(records),
        "citations_total": sum(len(r.get("citations") or []) for r in records),
        "timed": len(timed),
        "errors": sum(bool(r.get("error")) for r in records),
        "correct": sum(bool(r.get("correct")) for r in records),
    }
    meta = {
        "answerer": answerer,
        "question_file": question_file,
        "count": len(records),
        "date": date or datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "k": k,
        "seconds": None if seconds is None else round(seconds, 3),
        "counts": counts,
    }
    return EvalReport(
        retrieval={"hit_rate": hit_rate_at_k(records, k), "mrr": mrr(records), "k": k},
        answers={
            "fact_recall": fact_recall(records),
            "citation_precision": citation_precision(records),
            "abstention": abstention(records),
            "false_abstention": false_abstention(records),
        },
        latency={
            "p50_ms": round(percentile(timed, 50), 1) if timed else None,
            "p95_ms": round(percentile(timed, 95), 1) if timed else None,
        },
        questions=records,
        meta=meta,
        by_category=_by_category(records, k),
    )


# --------------------------------------------------------------------------- running


def _ask_one(bot: Any, q: Question) -> tuple[dict[str, Any], str | None]:
    """Ask all turns of ``q`` in a fresh chat; return its record and the answerer's name."""
    answer = None
    error: str | None = None
    latency_ms: float | None = None
    turn_no = 0
    try:
        chat = bot.chat()
        for turn_no, turn in enumerate(q.turns[:-1], start=1):
            chat.ask(turn)
        turn_no = len(q.turns)
        t0 = time.perf_counter()
        answer = chat.ask(q.turns[-1])
        latency_ms = (time.perf_counter() - t0) * 1000.0
    except Exception as exc:  # one broken question must not end the run
        where = f"turn {turn_no} of {len(q.turns)}: " if turn_no else "starting the chat: "
        error = f"{where}{type(exc).__name__}: {exc}"
        answer = None

    text = ""
    abstained = False
    citations: list[dict[str, Any]] = []
    retrieved: list[str] = []
    extra: dict[str, Any] = {}
    answerer = None
    if answer is not None:
        text = getattr(answer, "text", "") or ""
        abstained = bool(getattr(answer, "abstained", False))
        citations = [
            {
                "number": getattr(c, "number", None),
                "source": getattr(c, "source", ""),
                "section": getattr(c, "section", ""),
            }
            for c in (getattr(answer, "citations", None) or [])
        ]
        retrieved = _ranked_unique(getattr(p, "source", "") for p in (getattr(answer, "passages", None) or []))
        answerer = getattr(answer, "answerer", None)
        for name in ("standalone_question", "notice"):
            value = getattr(answer, name, "")
            if value:
                extra[name] = value

    failed = failed_fact_groups(text, q.facts) if q.answerable else []
    record: dict[str, Any] = {
        "id": q.id,
        "category": q.category,
        "turns": list(q.turns),
        "answerable": q.answerable,
        "sources": list(q.sources),
        "facts": [list(g) for g in q.facts],
        "answer": text,
        "abstained": abstained,
        "citations": citations,
        "retrieved_sources": retrieved,
        "failed_facts": failed,
        "correct": _is_correct(q.answerable, abstained, error, failed),
        "latency_ms": None if latency_ms is None else round(latency_ms, 1),
        "error": error,
    }
    record.update(extra)
    return record, answerer


def run_eval(bot: Any, questions: Sequence[Question], k: int = 5, progress: bool = True) -> EvalReport:
    """Ask every question of ``bot`` and score the answers.

    Each question gets a fresh ``bot.chat()``; all its turns are asked in order and the
    last answer is scored. Only the last turn is timed (``time.perf_counter``). An exception
    from any turn is stored in the record's ``error`` and the run goes on. A tqdm progress
    bar goes to stderr unless ``progress`` is false.
    """
    from tqdm import tqdm

    started = time.perf_counter()
    records: list[dict[str, Any]] = []
    answerers: list[str] = []
    bar = tqdm(questions, desc="eval", unit="q", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    try:
        for q in bar:
            record, answerer = _ask_one(bot, q)
            records.append(record)
            if answerer and answerer not in answerers:
                answerers.append(answerer)
            if record["error"]:
                bar.write(f"{q.id}: {record['error']}", file=sys.stderr)
    finally:
        bar.close()

    if not answerers:
        answerers = [str(getattr(bot, "llm", "") or getattr(bot, "answerer", "") or "unknown")]
    files = _ranked_unique(q.path for q in questions)
    return build_report(
        records,
        k=k,
        answerer=", ".join(answerers),
        question_file=", ".join(files),
        seconds=time.perf_counter() - started,
    )


# --------------------------------------------------------------------------- writing


def _as_report(report: EvalReport | Mapping[str, Any]) -> EvalReport:
    return report if isinstance(report, EvalReport) else EvalReport.from_dict(report)


def _md_cell(text: Any, limit: int | None = None) -> str:
    """Make ``text`` safe inside a markdown table cell, truncated to ``limit`` characters."""
    s = _WS.sub(" ", str(text if text is not None else "")).strip()
    if limit is not None and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    s = s.replace("\\", "\\\\").replace("|", "\\|")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _fmt_ms(value: Any) -> str:
    return "n/a" if value is None else f"{value:.1f} ms"


def _what_failed(r: Mapping[str, Any], k: int) -> str:
    if r.get("error"):
        return f"error: {r['error']}"
    parts: list[str] = []
    if r.get("answerable", True):
        if r.get("abstained"):
            parts.append("abstained on an answerable question")
        for group in r.get("failed_facts") or []:
            parts.append("missing " + " / ".join(f'"{a}"' for a in group))
        expected = set(r.get("sources") or [])
        if expected:
            top = _ranked_unique(r.get("retrieved_sources") or [])[:k]
            if not any(s in expected for s in top):
                parts.append(f"no expected source in top {k}")
            wrong = sorted({c.get("source", "") for c in r.get("citations") or []} - expected)
            if wrong:
                parts.append("cited " + ", ".join(wrong))
    elif not r.get("abstained"):
        parts.append("answered an unanswerable question")
    return "; ".join(parts)


def _render_markdown(rep: EvalReport) -> str:
    d = rep.to_dict()
    meta, counts = d["meta"], d["meta"].get("counts", {})
    k = d["retrieval"].get("k", 5)
    lines = [
        "# rolechat evaluation",
        "",
        f"- answerer: {meta.get('answerer') or 'n/a'}",
        f"- questions: {meta.get('count')} from {meta.get('question_file') or 'n/a'}",
        f"- date: {meta.get('date')}",
    ]
    if meta.get("seconds") is not None:
        lines.append(f"- run time: {meta['seconds']:.1f}s")
    if counts:
        lines.append(
            f"- {counts.get('answerable', 0)} answerable, {counts.get('unanswerable', 0)} unanswerable, "
            f"{counts.get('with_sources', 0)} with expected sources, {counts.get('citations_scored', 0)} "
            f"citations scored, {counts.get('errors', 0)} errors"
        )
    lines += ["", "## Summary", "", "| metric | value | definition |", "|---|---|---|"]
    rows = [
        (f"hit_rate@{k}", d["retrieval"].get("hit_rate"), METRIC_DEFINITIONS["hit_rate"]),
        ("mrr", d["retrieval"].get("mrr"), METRIC_DEFINITIONS["mrr"]),
        ("fact_recall", d["answers"].get("fact_recall"), METRIC_DEFINITIONS["fact_recall"]),
        (
            "citation_precision",
            d["answers"].get("citation_precision"),
            METRIC_DEFINITIONS["citation_precision"] + f" Citations scored: {counts.get('citations_scored', 'n/a')}.",
        ),
        ("abstention", d["answers"].get("abstention"), METRIC_DEFINITIONS["abstention"]),
        ("false_abstention", d["answers"].get("false_abstention"), METRIC_DEFINITIONS["false_abstention"]),
        ("p50_ms", _fmt_ms(d["latency"].get("p50_ms")), METRIC_DEFINITIONS["p50_ms"]),
        ("p95_ms", _fmt_ms(d["latency"].get("p95_ms")), METRIC_DEFINITIONS["p95_ms"]),
    ]
    for name, value, definition in rows:
        lines.append(f"| {name} | {_fmt(value)} | {_md_cell(definition)} |")

    if d["by_category"]:
        lines += [
            "",
            "## By category",
            "",
            "accuracy: share right (facts hold for answerable questions, abstained for unanswerable ones); "
            "abstained: share abstained on.",
            "",
            "| category | questions | correct | accuracy | abstained | errors |",
            "|---|---|---|---|---|---|",
        ]
        for cat, c in d["by_category"].items():
            lines.append(
                f"| {_md_cell(cat)} | {c['count']} | {c['correct']} | {_fmt(c['accuracy'])} | "
                f"{_fmt(c['abstained'])} | {c['errors']} |"
            )

    lines += [
        "",
        "## Questions",
        "",
        "| id | category | result | answer | citations | what failed |",
        "|---|---|---|---|---|---|",
    ]
    for r in d["questions"]:
        result = "correct" if r.get("correct") else "WRONG"
        if r.get("abstained"):
            result += ", abstained"
        turns = r.get("turns") or []
        asked = " → ".join(turns)
        answer = r.get("answer") or ""
        cites = "; ".join(
            f"[{c.get('number')}] {c.get('source', '')}" + (f" §{c['section']}" if c.get("section") else "")
            for c in r.get("citations") or []
        )
        lines.append(
            f"| {_md_cell(r.get('id'))} | {_md_cell(r.get('category'))} | {result} | "
            f"**Q:** {_md_cell(asked, 200)}<br>**A:** {_md_cell(answer, 300)} | {_md_cell(cites, 300)} | "
            f"{_md_cell(_what_failed(r, k), 300)} |"
        )
    return "\n".join(lines) + "\n"


def _render_chart(rep: EvalReport, path: Path) -> None:
    # Object-oriented matplotlib on the Agg canvas: no pyplot, no global backend switch.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    d = rep.to_dict()
    names = ["hit_rate", "mrr", "fact_recall", "citation_precision", "abstention", "false_abstention"]
    values = [
        d["retrieval"]["hit_rate"],
        d["retrieval"]["mrr"],
        d["answers"]["fact_recall"],
        d["answers"]["citation_precision"],
        d["answers"]["abstention"],
        d["answers"]["false_abstention"],
    ]
    labels = [f"hit_rate@{d['retrieval'].get('k', 5)}", "mrr", "fact_recall", "citation\nprecision", "abstention",
              "false_abst.\n(lower=better)"]
    colors = ["#4C72B0"] * 2 + ["#55A868"] * 3 + ["#C44E52"]

    fig = Figure(figsize=(13, 5), dpi=110)
    FigureCanvasAgg(fig)
    ax1, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.4]})

    bars = ax1.bar(range(len(names)), [v if v is not None else 0 for v in values], color=colors)
    ax1.set_xticks(range(len(names)), labels, fontsize=8)
    ax1.set_ylim(0, 1.1)
    ax1.set_ylabel("score")
    ax1.set_title("Overall")
    for b, v in zip(bars, values):
        ax1.annotate(_fmt(v), (b.get_x() + b.get_width() / 2, b.get_height()), ha="center", va="bottom",
                     fontsize=8, xytext=(0, 2), textcoords="offset points")

    cats = list(d["by_category"])
    if cats:
        acc = [d["by_category"][c]["accuracy"] for c in cats]
        abst = [d["by_category"][c]["abstained"] for c in cats]
        xs = range(len(cats))
        width = 0.4
        ax2.bar([x - width / 2 for x in xs], acc, width, label="accuracy (facts hold / abstained when unanswerable)",
                color="#55A868")
        ax2.bar([x + width / 2 for x in xs], abst, width, label="abstained", color="#8172B2")
        ax2.set_xticks(list(xs), [f"{c}\n(n={d['by_category'][c]['count']})" for c in cats], fontsize=8,
                       rotation=30, ha="right")
        ax2.legend(fontsize=8, loc="upper right")
    ax2.set_ylim(0, 1.15)
    ax2.set_title("By category")

    meta = d["meta"]
    fig.suptitle(f"rolechat eval — {meta.get('answerer') or 'n/a'}, {meta.get('count')} questions, {meta.get('date')}",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(path)


def write_report(report: EvalReport | Mapping[str, Any], out_dir: str | Path) -> dict[str, Path]:
    """Write ``report.json``, ``report.md`` and ``metrics.png`` into ``out_dir`` (created if
    missing) and return their paths keyed ``json``, ``md``, ``png``."""
    rep = _as_report(report)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "report.json", "md": out / "report.md", "png": out / "metrics.png"}
    paths["json"].write_text(json.dumps(rep.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    paths["md"].write_text(_render_markdown(rep), encoding="utf-8")
    _render_chart(rep, paths["png"])
    return paths


def check_floors(
    report: EvalReport | Mapping[str, Any],
    min_fact_recall: float | None = None,
    min_citation_precision: float | None = None,
    min_abstention: float | None = None,
) -> list[str]:
    """One line per metric below its floor; empty when every given floor is met. A floor of
    ``None`` is not checked; a floor outside [0, 1] raises ``ValueError``."""
    rep = _as_report(report)
    floors = {
        "fact_recall": min_fact_recall,
        "citation_precision": min_citation_precision,
        "abstention": min_abstention,
    }
    failures: list[str] = []
    for name, floor in floors.items():
        if floor is None:
            continue
        if not 0.0 <= floor <= 1.0:
            raise ValueError(f"floor for {name} must be within [0, 1], got {floor}")
        value = rep.answers.get(name)
        if value is None or value < floor:
            failures.append(f"{name} {_fmt(value)} is below the floor {floor:.3f}")
    return failures
