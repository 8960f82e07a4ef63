"""The Gradio page in a real browser (Debian's chromium driven by Playwright).

Never runs ``playwright install``: it uses /usr/bin/chromium (``apt-get install chromium``).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install playwright)")
expect = sync_api.expect

from assistant import Assistant  # noqa: E402
from support.servers import served_page
from assistant import ui  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
POSTINGS = ROOT / "tests" / "data" / "postings"
INTERN = "001_a344f62e8c6bf03a.txt"
VANDELAY = "vandelay_backend_engineer.txt"
KESTREL = "kestrel_data_engineer_contract.txt"
ANSWER_TIMEOUT = 60_000
INGEST_TIMEOUT = 120_000

# Template syntax too: the sources panel is a gr.HTML, whose html_template is a JS template string.
TEMPLATE_POSTING = """Template Engineer
Injecto Corp
Berlin, Germany
Full-time
About Injecto
Our company motto is ${alert(3)} and {{constructor.constructor('alert(4)')()}} and ${1+1} printed verbatim.
Requirements
- 3+ years of experience with template engines.
Compensation
€70,000–€90,000 per year.
"""


# scrollTop of the element that scrolls the sources panel (null when nothing scrolls)
PANEL_SCROLL_TOP = """() => {
  let el = document.getElementById('src-1');
  while (el && !(el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowY)))
    el = el.parentElement;
  return el && el !== document.documentElement && el !== document.body ? el.scrollTop : null;
}"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    a = Assistant(data_dir=tmp_path_factory.mktemp("ui-browser-data"), llm="extractive", embed="local",
                  chroma_host="")
    report = a.ingest([SEEDS])
    assert not report.skipped
    return a


@pytest.fixture(scope="module")
def url(assistant):
    with served_page(ui.build_app(assistant)) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    expect(page.locator("#question textarea")).to_be_visible(timeout=30_000)
    expect(page.locator("#status")).to_contain_text("Answerer")
    yield page
    context.close()


def ask(page, question: str) -> None:
    bots = page.locator("#chat [data-testid='bot']")
    before = bots.count()
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    expect(bots).to_have_count(before + 1, timeout=ANSWER_TIMEOUT)
    expect(page.locator("#sources")).not_to_contain_text("Looking for sources", timeout=ANSWER_TIMEOUT)


def test_ask_see_sources_click_citation_and_like(page, assistant, url, tmp_path):
    question = "Tell me about the Machine Learning Engineering internship"
    ask(page, question)
    bot = page.locator("#chat [data-testid='bot']").last
    expect(bot).to_contain_text("Machine Learning Engineering Intern")
    sources = page.locator("#sources li.src")
    assert sources.count() >= 1
    expect(page.locator(f"#sources li.src[data-source='{INTERN}']").first).to_be_visible()
    expect(page.locator("#sources li.src mark").first).to_be_visible()
    expect(page.locator("#src-1")).to_contain_text("Section:")
    expect(page.locator("#answerer")).to_have_text(assistant.answerer_name)

    # every [n] is a link to its source; clicking the last one brings that source into view
    cites = bot.locator("a.cite")
    assert cites.count() >= 1
    last = cites.last
    n = int(last.inner_text().strip("[]"))
    assert last.get_attribute("href") == f"#src-{n}"
    # scroll the sources away first so the click has something to do
    page.evaluate("() => document.querySelectorAll('#sources, #sources *').forEach(e => { e.scrollTop = e.scrollHeight; })")
    scrolled_before = page.evaluate(PANEL_SCROLL_TOP)
    target = page.locator("#src-1")
    if scrolled_before:
        expect(target).not_to_be_in_viewport(ratio=0.9)
    bot.locator("a.cite[href='#src-1']").first.click()
    expect(target).to_have_class("src src-active")
    expect(target).to_be_in_viewport(ratio=0.9)
    if scrolled_before:  # the panel scrolls: the click scrolled it back up to source 1
        assert page.evaluate(PANEL_SCROLL_TOP) < scrolled_before
    assert page.url == url and len(page.context.pages) == 1  # no navigation, no new tab
    last.click()
    expect(page.locator(f"#src-{n}")).to_have_class("src src-active")
    expect(page.locator(f"#src-{n}")).to_be_in_viewport()
    if n != 1:
        expect(target).to_have_class("src")
    page.screenshot(path=str(tmp_path / "answer.png"), full_page=True)

    # thumbs up writes one feedback line
    feedback = Path(assistant.config.data_dir) / "feedback.jsonl"
    lines_before = feedback.read_text().splitlines() if feedback.exists() else []
    page.locator("#chat button[aria-label='Like']").last.click()
    deadline = time.time() + 15
    while time.time() < deadline:
        lines = feedback.read_text().splitlines() if feedback.exists() else []
        if len(lines) > len(lines_before):
            break
        time.sleep(0.2)
    record = json.loads(lines[-1])
    assert record["rating"] == "up" and record["question"] == question
    assert INTERN in {c["source"] for c in record["citations"]}
    assert page.dialogs == []


def test_follow_up_and_new_conversation(page):
    ask(page, "Tell me about the Machine Learning Engineering internship")
    ask(page, "How long does it last?")
    expect(page.locator("#chat [data-testid='bot']")).to_have_count(2)
    expect(page.locator(f"#sources li.src[data-source='{INTERN}']").first).to_be_visible()
    expect(page.locator("#chat [data-testid='bot']").last).to_contain_text("13")
    page.locator("#new-conversation").click()
    expect(page.locator("#chat [data-testid='bot']")).to_have_count(0)
    expect(page.locator("#sources li.src")).to_have_count(0)


def test_example_question_and_clear_button(page):
    examples = page.locator("#examples button")
    expect(examples.first).to_be_visible()
    assert examples.count() >= 2
    examples.first.click()
    expect(page.locator("#chat [data-testid='bot']")).to_have_count(1, timeout=ANSWER_TIMEOUT)
    expect(page.locator("#sources")).not_to_contain_text("Looking for sources", timeout=ANSWER_TIMEOUT)
    expect(page.locator("#chat [data-testid='user']")).to_have_count(1)
    page.locator("#chat button[aria-label='Clear']").click()
    expect(page.locator("#chat [data-testid='bot']")).to_have_count(0)
    expect(page.locator("#sources")).to_contain_text("Ask a question")


def test_upload_a_posting_and_filter_by_it(page, assistant, tmp_path):
    bad = tmp_path / "malware.exe"
    bad.write_bytes(b"MZ")
    page.locator("#upload input[type=file]").set_input_files([str(POSTINGS / KESTREL), str(bad)])
    report = page.locator("#ingest-report .ingest-summary")
    expect(report).to_be_visible(timeout=INGEST_TIMEOUT)
    expect(page.locator("#ingest-report")).to_contain_text("malware.exe")
    expect(page.locator("#ingest-report")).to_contain_text("unsupported file type .exe")
    expect(page.locator("#overview")).to_contain_text("Kestrel Capital")
    expect(page.locator("#overview")).to_contain_text("Data Engineer (Contract, 6 months)")
    assert (Path(assistant.config.data_dir) / "uploads" / KESTREL).is_file()
    expect(page.locator("#examples")).to_contain_text("Data Engineer (Contract, 6 months)")
    page.screenshot(path=str(tmp_path / "uploaded.png"), full_page=True)

    # the role filter now offers it, and restricts answers to it
    page.locator("#role-filter input").click()
    page.get_by_role("option", name="Data Engineer (Contract, 6 months) — Kestrel Capital").click()
    expect(page.locator("#role-filter input")).to_have_value("Data Engineer (Contract, 6 months) — Kestrel Capital")
    ask(page, "Where is this role based?")
    cited = page.locator("#sources li.src")
    assert cited.count() >= 1
    assert {cited.nth(i).get_attribute("data-source") for i in range(cited.count())} == {KESTREL}


def test_posting_and_question_html_shows_as_text(page, assistant, url, tmp_path):
    template = tmp_path / "injecto_template_engineer.txt"
    template.write_text(TEMPLATE_POSTING, encoding="utf-8")
    report = assistant.ingest([POSTINGS / VANDELAY, template])
    assert not report.skipped
    page.goto(url)  # a fresh load picks the new postings up
    expect(page.locator("#overview")).to_contain_text("Vandelay Industries", timeout=30_000)

    ask(page, "What is the security culture at Vandelay?")
    panel = page.locator("#sources")
    expect(page.locator(f"#sources li.src[data-source='{VANDELAY}']").first).to_be_visible()
    expect(panel).to_contain_text("<script>alert(1)</script>")
    expect(panel).to_contain_text("<img src=x onerror=alert(1)>")
    bot = page.locator("#chat [data-testid='bot']").last
    expect(bot).to_contain_text("<script>alert(1)</script>")
    expect(bot).to_contain_text("<img src=x onerror=alert(1)>")

    ask(page, "Tell me about Injecto")
    expect(panel).to_contain_text("${alert(3)}")
    expect(panel).to_contain_text("{{constructor.constructor('alert(4)')()}}")
    expect(panel).to_contain_text("${1+1}")

    question = "<img src=x onerror=alert(5)> <script>alert(6)</script> **bold** [link](javascript:alert(7))"
    ask(page, question)
    expect(page.locator("#chat [data-testid='user']").last).to_have_text(question)

    page.screenshot(path=str(tmp_path / "escaped.png"), full_page=True)
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("#chat strong, #chat a[href^='javascript']").count() == 0
    assert not page.evaluate(
        "() => [...document.scripts].some(s => /alert\\(\\d\\)/.test(s.textContent))"
    )
    assert page.dialogs == []
