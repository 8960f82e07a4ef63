"""The Gradio page, driven over HTTP with gradio_client against a real in-process server.

One app per module (the embedding model takes a few seconds to load). It serves an Assistant
that ingested the seed postings plus two postings from tests/data/postings.
"""

from __future__ import annotations

import html
import inspect
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client, handle_file  # noqa: E402

from assistant import Answer, Assistant, Citation  # noqa: E402
from support.servers import free_port, served_page
from assistant import ui  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
POSTINGS = ROOT / "tests" / "data" / "postings"
PRINCIPAL = "000_0751755ddfb3f06d.txt"
INTERN = "001_a344f62e8c6bf03a.txt"
NURSE = "pinecrest_icu_nurse.txt"
MAPLE = "maple_product_manager.html"
VANDELAY = "vandelay_backend_engineer.txt"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    a = Assistant(data_dir=tmp_path_factory.mktemp("ui-data"), llm="extractive", embed="local", chroma_host="")
    report = a.ingest([SEEDS, POSTINGS / NURSE, POSTINGS / MAPLE])
    assert not report.skipped, report.skipped
    assert len(a.postings()) == 4
    return a


@pytest.fixture(scope="module")
def url(assistant):
    with served_page(ui.build_app(assistant)) as address:
        yield address


@pytest.fixture
def client(url) -> Client:
    """A fresh browser-like session (its own conversation state)."""
    return Client(url, verbose=False)


def text_of(message: dict) -> str:
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


def cited_sources(sources_html: str) -> list[str]:
    return [html.unescape(s) for s in re.findall(r'data-source="([^"]*)"', sources_html)]


def ask(client: Client, question: str):
    job = client.submit(question, api_name="/ask")
    chat, sources, notice, box = job.result(timeout=120)
    return job.outputs(), chat, sources, notice, box


# -- over HTTP ------------------------------------------------------------------------------------
def test_question_streams_an_answer_with_citations(client):
    outputs, chat, sources, notice, box = ask(client, "What is the salary range for the principal role?")
    # streamed: the assistant message grows over several updates before the final one
    partials = [text_of(out[0][-1]) for out in outputs if out[0] and out[0][-1]["role"] == "assistant"]
    lengths = sorted({len(p) for p in partials if p.strip("…")})
    assert len(lengths) > 2, partials
    assert [m["role"] for m in chat] == ["user", "assistant"]
    answer = text_of(chat[-1])
    assert re.search(r'<a href="#src-1" class="cite"[^>]*>', answer), answer
    assert "235" in answer
    assert cited_sources(sources) and set(cited_sources(sources)) == {PRINCIPAL}
    assert 'id="src-1"' in sources and "<mark>" in sources
    assert "Principal Machine Learning Engineer" in sources and "Snap" in sources
    assert "Section:" in sources
    assert box == ""  # the question box is cleared
    assert notice == ""


def test_follow_up_uses_the_conversation(client):
    _, chat, sources, _, _ = ask(client, "Tell me about the Machine Learning Engineering internship")
    assert INTERN in cited_sources(sources)
    _, chat, sources, _, _ = ask(client, "How long does it last?")
    assert [m["role"] for m in chat] == ["user", "assistant"] * 2
    assert set(cited_sources(sources)) == {INTERN}
    assert "13" in text_of(chat[-1])
    # only the latest answer links its markers: the panel shows its sources
    assert 'href="#src-' not in text_of(chat[1])
    assert 'href="#src-' in text_of(chat[3])


def test_sessions_do_not_share_a_conversation(url):
    first, second = Client(url, verbose=False), Client(url, verbose=False)
    ask(first, "Tell me about the Machine Learning Engineering internship")
    _, chat, _, _, _ = ask(second, "What is the salary range for the principal role?")
    assert len(chat) == 2
    _, chat, _, _, _ = ask(first, "How long does it last?")
    assert len(chat) == 4


def test_new_conversation_forgets(client):
    ask(client, "Where is the Machine Learning Engineering Intern position located?")
    chat, sources, notice = client.predict(api_name="/new_conversation")
    assert chat == [] and "data-source" not in sources and notice == ""
    _, chat, _, _, _ = ask(client, "What is the salary range for the principal role?")
    assert len(chat) == 2


def test_role_filter_changes_the_cited_posting(client):
    question = "What is the salary?"
    client.predict(ui.ALL_ROLES, api_name="/refresh")  # a session learns the roles as the page does on load
    for posting in (PRINCIPAL, NURSE, MAPLE):
        chat, sources, notice = client.predict(posting, api_name="/set_filter")
        assert chat == [] and notice == ""
        _, chat, sources, _, _ = ask(client, question)
        cited = cited_sources(sources)
        assert cited and set(cited) == {posting}, (posting, cited, text_of(chat[-1]))
    client.predict(ui.ALL_ROLES, api_name="/set_filter")
    _, _, sources, _, _ = ask(client, "Where is the Registered Nurse ICU role based?")
    assert set(cited_sources(sources)) == {NURSE}


def test_refresh_lists_postings_and_examples_built_from_them(client, assistant):
    dropdown, overview, examples, status = client.predict(ui.ALL_ROLES, api_name="/refresh")
    values = [v for _, v in dropdown["choices"]]
    assert values[0] == ui.ALL_ROLES and dropdown["choices"][0][0] == "All roles"
    assert sorted(values[1:]) == sorted(p.posting_id for p in assistant.postings())
    rows = {row[-1]: row for row in overview["data"]}
    assert overview["headers"] == ui.OVERVIEW_HEADERS
    assert rows[PRINCIPAL][:2] == ["Principal Machine Learning Engineer (Content ML)", "Snap"]
    assert "$235,000–$414,000" in rows[PRINCIPAL][3] and "year" in rows[PRINCIPAL][3]
    assert rows[INTERN][2] == "London" and rows[INTERN][3] == ""
    assert "Toronto" in rows[MAPLE][2] and "CAD" in rows[MAPLE][3]
    samples = [s[0] for s in examples["samples"]]
    assert 2 <= len(samples) <= ui.MAX_EXAMPLES
    titles = {p.title for p in assistant.postings()}
    assert all(any(t in s for t in titles) for s in samples), samples
    # a salary question only for postings that state a salary
    assert not any("salary" in s.lower() and "Machine Learning Engineering Intern" in s for s in samples)
    assert any("salary" in s.lower() for s in samples)
    assert "extractive" in status and "4 postings" in status


def test_an_empty_question_shows_its_one_line_error(client):
    _, chat, sources, notice, box = ask(client, "   ")
    assert chat == []
    assert "empty" in notice and 'class="notice error"' in notice


def test_question_text_is_escaped(client):
    question = "<img src=x onerror=alert(1)> *where* is [it](javascript:alert(2))?"
    _, chat, _, _, _ = ask(client, question)
    shown = text_of(chat[0])
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "\\*where\\*" in shown and "\\[it\\]" in shown


def test_upload_ingests_good_files_and_rejects_bad_ones(client, assistant, tmp_path):
    bad = tmp_path / "notes.exe"
    bad.write_bytes(b"MZ")
    big = tmp_path / "huge.txt"
    big.write_text("Data Engineer\nBigCo\n" + "x" * (5 * 1_000_000 + 10))
    empty = tmp_path / "empty.md"
    empty.write_text("")
    report, dropdown, overview, examples, status, files = client.predict(
        [handle_file(POSTINGS / VANDELAY), handle_file(bad), handle_file(big), handle_file(empty)],
        ui.ALL_ROLES, api_name="/ingest",
    )
    assert "added 1" in report and VANDELAY in report
    assert "notes.exe" in report and "unsupported file type .exe" in report
    assert "huge.txt" in report and "limit is 5 MB" in report
    assert "empty.md" in report and "empty" in report
    assert (Path(assistant.config.data_dir) / "uploads" / VANDELAY).is_file()
    assert not (Path(assistant.config.data_dir) / "uploads" / "notes.exe").exists()
    assert VANDELAY in [v for _, v in dropdown["choices"]]
    assert any(row[1] == "Vandelay Industries" for row in overview["data"])
    assert "5 postings" in status
    assert files is None
    # the new posting can be chosen in the role filter and answers from it
    client.predict(VANDELAY, api_name="/set_filter")
    _, _, sources, _, _ = ask(client, "What is the salary?")
    assert set(cited_sources(sources)) == {VANDELAY}


def test_auth_is_enforced(assistant):
    port = free_port()
    demo = ui.start(assistant, port=port, auth=("alice", "s3cret-pass"))
    try:
        url = f"http://127.0.0.1:{port}/"
        with pytest.raises(Exception):
            Client(url, verbose=False)
        with pytest.raises(Exception):
            Client(url, auth=("alice", "wrong"), verbose=False)
        authed = Client(url, auth=("alice", "s3cret-pass"), verbose=False)
        _, chat, sources, _, _ = ask(authed, "Where is the Machine Learning Engineering Intern position located?")
        assert INTERN in cited_sources(sources)
    finally:
        demo.close()


def test_serve_signature():
    params = inspect.signature(ui.serve).parameters
    assert list(params) == ["assistant", "host", "port", "auth", "max_upload_mb", "open_browser"]
    assert params["host"].default == "127.0.0.1" and params["port"].default == 7860
    assert params["auth"].default is None and params["open_browser"].default is False


# -- rendering helpers ----------------------------------------------------------------------------
def test_render_answer_escapes_text_and_links_known_markers():
    out = ui.render_answer("Pay is <b>$5</b> [1] and *more* [2].", numbers=[1])
    assert '<a href="#src-1" class="cite"' in out
    assert "#src-2" not in out and "\\[2\\]" in out
    assert "&lt;b&gt;" in out and "<b>" not in out and "\\*more\\*" in out and "\\$5" in out
    assert "href" not in ui.render_answer("see [1]", numbers=[1], link=False)


def test_highlight_marks_quotes_and_escapes_everything_else():
    text = 'Run <script>alert(1)</script> daily. Pay: $1 & more. Pay: $1 & more.'
    out = ui.highlight(text, ["Pay: $1 & more.", "daily", "not in text"])
    assert out.count("<mark>Pay: $1 &amp; more.</mark>") == 2
    assert "<mark>daily</mark>" in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "<script>" not in out
    overlapping = ui.highlight("abcdef", ["abcd", "cdef"])
    assert overlapping == "<mark>abcdef</mark>"


def test_render_sources_escapes_posting_fields():
    c = Citation(number=1, source='a"b.txt', title="<img src=x onerror=alert(1)>", section="<i>S</i>",
                 text="x <script>y</script> z", score=1.0, company="A&B", quotes=("<script>y</script>",))
    out = ui.render_sources(Answer(text="t [1]", citations=[c], abstained=False))
    assert "<img" not in out and "<script>" not in out and "<i>" not in out
    assert "<mark>&lt;script&gt;y&lt;/script&gt;</mark>" in out
    assert 'data-source="a&quot;b.txt"' in out and "A&amp;B" in out
    assert "nothing is cited" in ui.render_sources(Answer(text="no", citations=[], abstained=True))


@pytest.mark.parametrize("name, safe", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\win\\evil name!.HTML", "evil_name.html"),
    (".hidden.md", "hidden.md"),
    ("/abs/path/posting.pdf", "posting.pdf"),
    ("..", "posting"),
    ("résumé (1).txt", "r_sum_1.txt"),
])
def test_safe_filename(name, safe):
    assert ui.safe_filename(name) == safe


def test_example_questions_follow_the_fields(assistant):
    postings = assistant.postings()
    qs = ui.example_questions(postings)
    with_salary = {p.title for p in postings if p.salary}
    without_salary = {p.title for p in postings if not p.salary}
    for q in qs:
        if q.startswith("What is the salary for"):
            assert any(t in q for t in with_salary) and not any(f"the {t} role" in q for t in without_salary)
    assert ui.example_questions([]) == []


def test_feedback_is_one_json_line_without_keys(tmp_path):
    fake = SimpleNamespace(config=SimpleNamespace(data_dir=tmp_path, openai_api_key="sk-live-abcdefghijklmnop1234"))
    c = Citation(number=1, source="a.txt", title="T", section="Pay", text="x", score=1.0)
    answer = Answer(text="Pay is x [1].", citations=[c], abstained=False)
    ui.record_feedback(fake, "my key is sk-live-abcdefghijklmnop1234, pay?", answer, "up")
    ui.record_feedback(fake, "again?", answer, "down")
    lines = (tmp_path / "feedback.jsonl").read_text().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["rating"] == "up" and first["answer"] == "Pay is x [1]."
    assert first["citations"] == [{"number": 1, "source": "a.txt", "section": "Pay"}]
    assert "timestamp" in first and "sk-live" not in lines[0]
    assert json.loads(lines[1])["rating"] == "down"


# -- notices and errors, with a stand-in Assistant (no model, no store) ---------------------------
class _StubChat:
    def __init__(self, posting_ids):
        self.posting_ids = posting_ids

    def stream(self, question: str):
        from assistant import AnswerStream, RolechatError

        if question == "crash":
            raise RuntimeError("a bug, not a user error")
        if question == "store down":
            def broken():
                yield "Partial "
                raise RolechatError("the vector store is unreachable; start it with `chroma run`\nsecond line")
            return AnswerStream(broken())
        cite = Citation(number=1, source="stub.txt", title="Stub Role", section="Pay", text="Pay is x.",
                        score=1.0, company="Stub Co", quotes=("Pay is x.",))
        answer = Answer(text="The pay is x [1].", citations=[cite], abstained=False, question=question,
                        answerer="extractive", notice="the model gpt-test was unavailable; answered extractively")
        return AnswerStream(iter(["The pay ", "is x ", "[1].", answer]))


class _StubAssistant:
    answerer_name = "gpt-test"

    def __init__(self, data_dir: Path):
        self.config = SimpleNamespace(data_dir=data_dir, openai_api_key="")

    def postings(self):
        return []

    def chat(self, posting_ids=None):
        return _StubChat(posting_ids)


@pytest.fixture(scope="module")
def stub_url(tmp_path_factory):
    with served_page(ui.build_app(_StubAssistant(tmp_path_factory.mktemp("stub")))) as address:
        yield address


def test_answerer_and_notice_are_shown(stub_url):
    client = Client(stub_url, verbose=False)
    dropdown, overview, examples, status = client.predict(ui.ALL_ROLES, api_name="/refresh")
    assert "gpt-test" in status and "0 postings" in status
    assert dropdown["choices"] == [["All roles", ui.ALL_ROLES]]
    assert not any(any(cell for cell in row) for row in overview["data"]) and examples["samples"] == []
    _, chat, sources, notice, _ = ask(client, "What is the pay?")
    assert "the model gpt-test was unavailable; answered extractively" in notice
    assert 'data-source="stub.txt"' in sources and "Answered by extractive" in sources


def test_rolechat_errors_show_one_line_and_others_propagate(stub_url):
    client = Client(stub_url, verbose=False)
    ask(client, "What is the pay?")
    _, chat, sources, notice, box = ask(client, "store down")
    assert "the vector store is unreachable" in notice and "second line" not in notice
    assert len(chat) == 2  # the failed turn is not kept
    assert box == "store down"  # the question is given back to edit or retry
    with pytest.raises(Exception):
        ask(client, "crash")
