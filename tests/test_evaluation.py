"""Tests of assistant.evaluation: metric functions on hand-made records, question loading,
report writing and floors. run_eval is only exercised against a stub bot here; the real
end-to-end run belongs to the CLI's tests."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # so the tests run from any working directory
    sys.path.insert(0, str(ROOT))

from assistant.evaluation import (  # noqa: E402
    Question,
    abstention,
    build_report,
    check_floors,
    citation_precision,
    fact_holds,
    fact_recall,
    failed_fact_groups,
    false_abstention,
    hit_rate_at_k,
    load_questions,
    mrr,
    percentile,
    run_eval,
    write_report,
)
from assistant import evaluation  # noqa: E402

A = "000_0751755ddfb3f06d.txt"
B = "001_a344f62e8c6bf03a.txt"
TOP_KEYS = {"retrieval", "answers", "latency", "questions", "meta", "by_category"}


def rec(**kw):
    """A per-question record with harmless defaults."""
    base = {
        "id": "q",
        "category": "factual",
        "turns": ["?"],
        "answerable": True,
        "sources": [],
        "facts": [],
        "answer": "",
        "abstained": False,
        "citations": [],
        "retrieved_sources": [],
        "error": None,
        "latency_ms": 10.0,
    }
    base.update(kw)
    return base


# --------------------------------------------------------------------------- fact_holds


def test_fact_holds_empty_facts_is_true():
    assert fact_holds("anything at all", [])
    assert fact_holds("", [])


def test_fact_holds_needs_every_group_and_any_alternative():
    facts = [["235,000", "235k"], ["414,000", "414k"]]
    assert fact_holds("Pay is $235,000 – $414,000 per year", facts)
    assert fact_holds("between 235k and 414k", facts)
    assert not fact_holds("Pay starts at $235,000", facts)
    assert failed_fact_groups("Pay starts at $235,000", facts) == [["414,000", "414k"]]


def test_fact_holds_is_case_insensitive_and_whitespace_normalised():
    assert fact_holds("Office attendance\n  REQUIRED   4+   days per week", [["office attendance required 4+ days"]])
    assert fact_holds("spectacles ar team", [["Spectacles  AR\tteam"]])
    assert not fact_holds("Spectacles team", [["Spectacles AR"]])


def test_fact_holds_ignores_citation_markers_and_curly_punctuation():
    assert fact_holds("Bellevue [1], Los Angeles [2] or Seattle", [["Bellevue, Los Angeles or Seattle"]])
    assert fact_holds("What you’ll do [1, 2]", [["what you'll do"]])
    assert fact_holds("$235,000 – $414,000", [["235,000 - $414,000"]])


def test_fact_holds_only_as_whole_words():
    # a reader told "Discover" is among the products would not find it in "content discovery"
    assert not fact_holds("personalization and content discovery", [["Discover"]])
    assert not fact_holds("an internal tool", [["intern"]])
    assert not fact_holds("up to 500 hours", [["50"]])
    assert fact_holds("across Spotlight, Discover, and Friend Stories", [["Discover"]])
    assert fact_holds("Pay: $235,000/yr", [["235,000"], ["$235,000"]])


def test_fact_holds_when_the_answer_says_its_last_word_in_the_plural():
    assert fact_holds("Design and build microservices in Java", [["microservice"]])
    assert fact_holds("Able to lift up to 50 lbs", [["50 lb"]])
    assert not fact_holds("Able to lift up to 50 lbsx", [["50 lb"]])


def test_fact_alternative_that_is_blank_never_matches():
    assert not fact_holds("some answer", [["   "]])


# --------------------------------------------------------------------------- retrieval


def test_hit_rate_and_mrr_when_source_is_second():
    records = [rec(sources=[A], retrieved_sources=[B, A])]
    assert hit_rate_at_k(records, 1) == 0.0
    assert hit_rate_at_k(records, 2) == 1.0
    assert mrr(records) == pytest.approx(0.5)


def test_retrieval_ranks_distinct_postings_only():
    # three chunks of B then A: A is the 2nd distinct posting
    records = [rec(sources=[A], retrieved_sources=[B, B, B, A])]
    assert hit_rate_at_k(records, 2) == 1.0
    assert mrr(records) == pytest.approx(0.5)


def test_mrr_averages_and_counts_misses_as_zero():
    records = [
        rec(sources=[A], retrieved_sources=[A, B]),  # 1
        rec(sources=[B], retrieved_sources=[A, B]),  # 1/2
        rec(sources=[B], retrieved_sources=[A]),  # 0
        rec(sources=[A, B], retrieved_sources=[B]),  # either source counts: 1
    ]
    assert mrr(records) == pytest.approx((1 + 0.5 + 0 + 1) / 4)
    assert hit_rate_at_k(records, 1) == pytest.approx(2 / 4)
    assert hit_rate_at_k(records, 5) == pytest.approx(3 / 4)


def test_retrieval_excludes_questions_without_sources():
    records = [rec(sources=[A], retrieved_sources=[A]), rec(answerable=False, sources=[], retrieved_sources=[B])]
    assert hit_rate_at_k(records, 1) == 1.0
    assert mrr(records) == 1.0
    # nothing to score at all: vacuous 1.0
    assert hit_rate_at_k([rec(answerable=False)], 5) == 1.0
    assert mrr([]) == 1.0


def test_hit_rate_rejects_bad_k():
    with pytest.raises(ValueError):
        hit_rate_at_k([rec(sources=[A])], 0)


# --------------------------------------------------------------------------- answers


def test_fact_recall_counts_abstentions_and_errors_as_wrong():
    records = [
        rec(facts=[["London"]], answer="The internship is in London [1]."),  # right
        rec(facts=[["London"]], answer="Based in Paris."),  # wrong
        rec(facts=[["London"]], answer="London? I cannot say.", abstained=True),  # abstained: wrong
        rec(facts=[], answer="", error="RuntimeError: boom"),  # error: wrong even with no facts
        rec(facts=[], answer="Yes."),  # empty facts, answered: right
        rec(answerable=False, abstained=True),  # not part of fact recall
    ]
    assert fact_recall(records) == pytest.approx(2 / 5)


def test_fact_recall_prefers_stored_failed_facts():
    r = rec(facts=[["London"]], answer="London", failed_facts=[["London"]])
    assert fact_recall([r]) == 0.0


def test_fact_recall_vacuous_without_answerable_questions():
    assert fact_recall([rec(answerable=False)]) == 1.0
    assert fact_recall([]) == 1.0


def test_citation_precision_over_all_citations_of_answerable_questions():
    records = [
        rec(sources=[A], citations=[{"number": 1, "source": A}, {"number": 2, "source": B}]),
        rec(sources=[A, B], citations=[{"number": 1, "source": B}]),
        # unanswerable and source-less questions are not scored
        rec(answerable=False, citations=[{"number": 1, "source": B}]),
        rec(sources=[], citations=[{"number": 1, "source": B}]),
    ]
    assert citation_precision(records) == pytest.approx(2 / 3)
    assert evaluation.citation_count(records) == 3


def test_citation_precision_with_no_citations_is_vacuous_one():
    records = [rec(sources=[A], citations=[]), rec(sources=[B], abstained=True)]
    assert citation_precision(records) == 1.0
    assert evaluation.citation_count(records) == 0
    report = build_report(records)
    assert report.meta["counts"]["citations_scored"] == 0


def test_all_abstained():
    records = [
        rec(sources=[A], facts=[["x"]], abstained=True),
        rec(sources=[B], facts=[["y"]], abstained=True),
        rec(answerable=False, abstained=True),
    ]
    assert abstention(records) == 1.0
    assert false_abstention(records) == 1.0
    assert fact_recall(records) == 0.0


def test_abstention_rates():
    records = [
        rec(answerable=False, abstained=True),
        rec(answerable=False, abstained=False),
        rec(answerable=False, abstained=False, error="boom"),  # an error is not an abstention
        rec(answerable=True, abstained=True),
        rec(answerable=True, abstained=False),
        rec(answerable=True, abstained=False),
        rec(answerable=True, abstained=False),
    ]
    assert abstention(records) == pytest.approx(1 / 3)
    assert false_abstention(records) == pytest.approx(1 / 4)


def test_abstention_vacuous_edges():
    only_answerable = [rec(abstained=False), rec(abstained=True)]
    assert abstention(only_answerable) == 1.0  # no unanswerable question
    only_unanswerable = [rec(answerable=False, abstained=False)]
    assert false_abstention(only_unanswerable) == 0.0  # no answerable question
    assert abstention(only_unanswerable) == 0.0


# --------------------------------------------------------------------------- percentile


def test_percentile_linear_interpolation():
    xs = [40, 10, 30, 20]
    assert percentile(xs, 50) == pytest.approx(25.0)
    assert percentile(xs, 95) == pytest.approx(38.5)
    assert percentile(xs, 0) == 10
    assert percentile(xs, 100) == 40
    assert percentile([7.0], 95) == 7.0


def test_percentile_rejects_empty_and_bad_p():
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1, 2], 101)


# --------------------------------------------------------------------------- load_questions


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = {
    "id": "q01",
    "category": "factual",
    "turns": ["What is the salary range for the principal role?"],
    "facts": [["235,000", "235k"], ["414,000"]],
    "sources": [A],
    "answerable": True,
}


def test_load_questions_reads_fields_and_keeps_extra(tmp_path):
    second = {"id": "q02", "turns": ["a", "b"], "answerable": False, "note": "kept", "difficulty": 3}
    path = write_lines(tmp_path / "q.jsonl", [json.dumps(GOOD), "", json.dumps(second)])
    qs = load_questions(path)
    assert [q.id for q in qs] == ["q01", "q02"]
    assert qs[0].facts == [["235,000", "235k"], ["414,000"]]
    assert qs[0].sources == [A] and qs[0].answerable and qs[0].category == "factual"
    assert qs[1].category == "" and qs[1].facts == [] and qs[1].sources == []
    assert qs[1].extra == {"note": "kept", "difficulty": 3}
    assert qs[1].question == "b"
    assert (qs[1].path, qs[1].line) == (str(path), 3)


def test_load_questions_bare_string_is_a_one_alternative_group(tmp_path):
    path = write_lines(tmp_path / "q.jsonl", [json.dumps({**GOOD, "facts": ["London", ["13-week", "13 weeks"]]})])
    assert load_questions(path)[0].facts == [["London"], ["13-week", "13 weeks"]]


@pytest.mark.parametrize(
    "bad_line, needle",
    [
        ('{"id": "q02", "turns": ["x"], "answerable": true', "invalid JSON"),
        ('["not", "an", "object"]', "JSON object"),
        ('{"id": "q02", "answerable": true}', "turns"),
        ('{"id": "q02", "turns": [], "answerable": true}', "turns"),
        ('{"id": "q02", "turns": ["x"]}', "answerable"),
        ('{"id": "q02", "turns": ["x"], "answerable": "yes"}', "answerable"),
        ('{"id": "q02", "turns": ["x"], "answerable": true, "facts": [[]]}', "facts[0]"),
        ('{"id": "q02", "turns": ["x"], "answerable": true, "sources": "a.txt"}', "sources"),
        ('{"turns": ["x"], "answerable": true}', "id"),
        ('{"id": "q01", "turns": ["x"], "answerable": true}', "duplicate id"),
    ],
)
def test_load_questions_names_file_and_line_of_a_bad_line(tmp_path, bad_line, needle):
    path = write_lines(tmp_path / "q.jsonl", [json.dumps(GOOD), "", bad_line])
    with pytest.raises(ValueError) as info:
        load_questions(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3:")
    assert needle in message


def test_load_questions_rejects_an_empty_file(tmp_path):
    path = write_lines(tmp_path / "q.jsonl", ["", "  "])
    with pytest.raises(ValueError, match="no questions"):
        load_questions(path)


def test_seed_question_file_is_complete_and_grounded():
    seeds = ROOT / "seeds"
    qs = load_questions(seeds / "questions.jsonl")
    counts = Counter(q.category for q in qs)
    minimum = {
        "factual": 10, "list": 5, "numeric": 5, "yes_no": 4, "comparison": 4, "typo": 3,
        "paraphrase": 3, "followup": 4, "unanswerable": 6, "offtopic": 2, "injection": 2,
    }
    assert len(qs) >= 44
    for cat, n in minimum.items():
        assert counts[cat] >= n, f"{cat}: {counts[cat]} < {n}"

    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", s).strip().lower()

    texts = {p.name: norm(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")}
    for q in qs:
        assert all(s in texts for s in q.sources), q.id
        if q.category in ("unanswerable", "offtopic", "injection"):
            assert not q.answerable, q.id
        if q.category == "comparison":
            assert len(q.sources) == 2, q.id
        if q.category == "followup":
            assert 2 <= len(q.turns) <= 3, q.id
        if q.answerable:
            assert q.sources and q.facts, q.id
            for group in q.facts:
                assert any(norm(alt) in texts[s] for alt in group for s in q.sources), (q.id, group)


# --------------------------------------------------------------------------- reports


def sample_records():
    return [
        rec(
            id="q01", category="factual", sources=[A], facts=[["235,000"]], retrieved_sources=[A, B],
            answer="Salary: $235,000 – $414,000 per year + RSUs [1]. A | pipe and <b>tag</b>",
            citations=[{"number": 1, "source": A, "section": "TL;DR"}], failed_facts=[], correct=True,
            latency_ms=12.0,
        ),
        rec(
            id="q02", category="factual", sources=[B], facts=[["London"]], retrieved_sources=[A],
            answer="x" * 1000, citations=[{"number": 1, "source": A, "section": "Company"}],
            failed_facts=[["London"]], correct=False, latency_ms=30.0,
        ),
        rec(id="q03", category="unanswerable", answerable=False, abstained=True, answer="I can't tell.",
            failed_facts=[], correct=True, latency_ms=5.0),
        rec(id="q04", category="injection", answerable=False, error="RuntimeError: boom", failed_facts=[],
            correct=False, latency_ms=None),
    ]


def test_build_report_metrics_and_keys():
    report = build_report(sample_records(), k=1, answerer="extractive", question_file="seeds/questions.jsonl")
    d = report.to_dict()
    assert set(d) == TOP_KEYS
    assert set(d["retrieval"]) == {"hit_rate", "mrr", "k"}
    assert set(d["answers"]) == {"fact_recall", "citation_precision", "abstention", "false_abstention"}
    assert set(d["latency"]) == {"p50_ms", "p95_ms"}
    assert {"answerer", "question_file", "count", "date"} <= set(d["meta"])
    assert d["retrieval"] == {"hit_rate": 0.5, "mrr": 0.5, "k": 1}
    assert d["answers"]["fact_recall"] == 0.5
    assert d["answers"]["citation_precision"] == 0.5
    assert d["answers"]["abstention"] == 0.5
    assert d["answers"]["false_abstention"] == 0.0
    assert d["latency"]["p50_ms"] == 12.0  # the errored question is not timed
    assert d["meta"]["count"] == 4 and d["meta"]["counts"]["errors"] == 1
    assert d["by_category"]["factual"]["accuracy"] == 0.5
    assert d["by_category"]["unanswerable"]["abstained"] == 1.0
    json.dumps(d)  # serialisable


def test_build_report_without_timed_questions_has_null_latency():
    report = build_report([rec(latency_ms=None, error="boom")])
    assert report.latency == {"p50_ms": None, "p95_ms": None}


def test_write_report_writes_three_files(tmp_path):
    report = build_report(sample_records(), k=5, answerer="extractive", question_file="seeds/questions.jsonl")
    paths = write_report(report, tmp_path / "out")
    for name in ("report.json", "report.md", "metrics.png"):
        assert (tmp_path / "out" / name).is_file()
    assert set(paths) == {"json", "md", "png"}

    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert set(data) == TOP_KEYS
    assert data["answers"]["fact_recall"] == 0.5
    assert len(data["questions"]) == 4

    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "fact_recall" in md and "citation_precision" in md and "false_abstention" in md
    assert "Share of answerable questions" in md  # definitions are in the summary
    assert "A \\| pipe" in md and "&lt;b&gt;" in md  # escaped for a table
    assert "x" * 400 not in md and "…" in md  # truncated
    assert 'missing "London"' in md and "error: RuntimeError: boom" in md
    q_rows = [line for line in md.splitlines() if line.startswith("| q0")]
    assert len(q_rows) == 4
    for row in q_rows:  # six cells each: escaped pipes do not split a cell
        cells = re.split(r"(?<!\\)\|", row)
        assert len(cells) == 8 and cells[0] == "" and cells[-1] == "", row

    assert (tmp_path / "out" / "metrics.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_write_report_accepts_a_dict_and_empty_categories(tmp_path):
    d = build_report([], k=3).to_dict()
    write_report(d, tmp_path)
    assert json.loads((tmp_path / "report.json").read_text())["meta"]["count"] == 0
    assert "n/a" in (tmp_path / "report.md").read_text()


# --------------------------------------------------------------------------- floors


def test_check_floors():
    report = build_report(sample_records())  # fact_recall .5, citation_precision .5, abstention .5
    assert check_floors(report) == []
    assert check_floors(report, min_fact_recall=0.5, min_citation_precision=0.5, min_abstention=0.5) == []
    failures = check_floors(report, min_fact_recall=0.8, min_abstention=0.4, min_citation_precision=0.9)
    assert len(failures) == 2
    assert failures[0].startswith("fact_recall 0.500") and "0.800" in failures[0]
    assert failures[1].startswith("citation_precision")
    assert all("\n" not in f for f in failures)
    assert check_floors(report.to_dict(), min_fact_recall=0.8) == failures[:1]
    with pytest.raises(ValueError):
        check_floors(report, min_fact_recall=80)


# --------------------------------------------------------------------------- run_eval with a stub


@dataclass
class StubCitation:
    number: int
    source: str
    section: str = "Requirements"


@dataclass
class StubPassage:
    source: str


@dataclass
class StubAnswer:
    text: str
    citations: list = field(default_factory=list)
    abstained: bool = False
    passages: list = field(default_factory=list)
    answerer: str = "stub"


class StubChat:
    def __init__(self, log):
        self.log = log
        self.history = []

    def ask(self, question):
        self.history.append(question)
        self.log.append(list(self.history))
        if "explode" in question:
            raise RuntimeError("kaboom")
        if "capital" in question:
            return StubAnswer("I can't answer that from the postings.", abstained=True)
        return StubAnswer(
            "It lasts 13 weeks [1].",
            citations=[StubCitation(1, B)],
            passages=[StubPassage(B), StubPassage(B), StubPassage(A)],
        )


class StubBot:
    llm = "stub"

    def __init__(self):
        self.log = []
        self.chats = 0

    def chat(self):
        self.chats += 1
        return StubChat(self.log)


def test_run_eval_with_a_stub_bot():
    qs = [
        Question(id="a", turns=["Tell me about the internship.", "How long?"], facts=[["13 weeks"]], sources=[B],
                 category="followup"),
        Question(id="b", turns=["What is the capital of Australia?"], answerable=False, category="offtopic"),
        Question(id="c", turns=["please explode"], facts=[["x"]], sources=[A], category="factual"),
    ]
    bot = StubBot()
    report = run_eval(bot, qs, k=5, progress=False)
    assert bot.chats == 3
    assert bot.log[:2] == [["Tell me about the internship."], ["Tell me about the internship.", "How long?"]]
    a, b, c = report.questions
    assert a["correct"] and a["retrieved_sources"] == [B, A] and a["citations"][0]["source"] == B
    assert a["latency_ms"] is not None and a["error"] is None
    assert b["correct"] and b["abstained"]
    assert not c["correct"] and "RuntimeError: kaboom" in c["error"] and c["latency_ms"] is None
    assert report.answers["fact_recall"] == 0.5
    assert report.retrieval["mrr"] == pytest.approx(0.5)  # a: rank 1, c: nothing retrieved
    assert report.meta["answerer"] == "stub" and report.meta["count"] == 3
    assert set(report.to_dict()) == TOP_KEYS
