"""The Gradio chat page: ask about the ingested postings, see each answer's cited passages.

``build_app(assistant)`` returns the page as a ``gr.Blocks``; ``serve(assistant, ...)`` launches it
(blocking, loopback by default, never shared). ``start(...)`` is the non-blocking variant tests use.

Every string that comes from a posting or from a question is HTML-escaped (and, where it is
rendered as Markdown, Markdown-escaped) before the page adds its own ``<mark>``/``<a>`` markup;
the chatbot additionally keeps Gradio's HTML sanitiser on.

Event handlers carry ``api_name``s so ``gradio_client`` can drive the page:

* ``/ask`` (question) -> streams (chatbot, sources HTML, notice HTML, question box)
* ``/set_filter`` (posting id or ``"__all__"``) -> starts a new conversation restricted to it
* ``/new_conversation`` () -> forgets the conversation
* ``/ingest`` (files) -> copies uploads to ``<data_dir>/uploads/`` and ingests them
* ``/refresh`` () -> role filter choices, overview table, example questions, status line

A browser session gets fresh role choices when the page loads; an API client that wants to pick a
posting ingested after the server started calls ``/refresh`` first (Gradio checks dropdown values
against the session's choices).
"""

from __future__ import annotations

import gc
import html
import json
import re
import shutil
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import gradio as gr

from . import Answer, Assistant, Chat, IngestReport, PostingFields, RolechatError

__all__ = ["build_app", "serve", "start"]

ALL_ROLES = "__all__"
ALLOWED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
MAX_EXAMPLES = 6
_MB = 1_000_000  # the same megabyte the index's own size limit uses

_FEEDBACK_LOCK = threading.Lock()

_INTRO_SOURCES = '<p class="src-empty">Ask a question: the passages its answer cites appear here.</p>'

# Installed once per page: clicking a citation marker scrolls its source into view and marks it.
_CITE_JS = r"""
if (!window.__rolechatCitations) {
  window.__rolechatCitations = true;
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a[href^="#src-"]') : null;
    if (!a) return;
    var target = document.getElementById(a.getAttribute('href').slice(1));
    if (!target) return;
    ev.preventDefault();
    ev.stopPropagation();
    document.querySelectorAll('.src-active').forEach(function (el) { el.classList.remove('src-active'); });
    target.classList.add('src-active');
    target.scrollIntoView({behavior: 'smooth', block: 'center'});
  }, true);
}
"""

_SOURCES_CSS = """
.src-list { list-style: none; margin: 0; padding: 0; }
.src { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px;
       margin: 0 0 10px 0; scroll-margin: 16px; }
.src.src-active { border-color: var(--color-accent); box-shadow: 0 0 0 2px var(--color-accent-soft); }
.src-head { font-weight: 600; }
.src-num { color: var(--color-accent); margin-right: 4px; }
.src-meta { font-size: 0.85em; opacity: 0.8; margin: 2px 0 6px 0; }
.src-text { white-space: pre-wrap; font-size: 0.9em; margin: 0; padding-left: 8px;
            border-left: 3px solid var(--border-color-primary); }
.src-text mark { background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px; }
.src-empty, .src-footer { opacity: 0.75; font-size: 0.9em; }
"""

_NOTICE_CSS = """
.notice { border-left: 4px solid #d97706; background: rgba(217, 119, 6, 0.08);
          padding: 6px 10px; border-radius: 4px; }
.notice.error { border-left-color: #dc2626; background: rgba(220, 38, 38, 0.08); }
"""


# -- per-browser-session state --------------------------------------------------------------------
@dataclass
class _Entry:
    role: str  # "user" or "assistant"
    text: str  # raw text (escaped only when rendered)
    answer: Answer | None = None
    question: str = ""


@dataclass
class _Session:
    chat: Chat
    posting_ids: tuple[str, ...] = ()
    entries: list[_Entry] = field(default_factory=list)

    def __deepcopy__(self, memo: dict) -> "_Session":  # never copy the Assistant
        return self


def _new_session(assistant: Assistant, posting_ids: Sequence[str] = ()) -> _Session:
    ids = tuple(posting_ids)
    return _Session(chat=assistant.chat(posting_ids=ids or None), posting_ids=ids)


# -- escaping and rendering ----------------------------------------------------------------------
_MD_INLINE = re.compile(r"([\\`*_\[\]|~$])")
_MD_LINE_START = re.compile(r"^([#>+\-=*])|^(\d+)([.)])")
_MARKER = re.compile(r"\[(\d+)\]")
_SLOT = "\ue000"  # stands in for a citation marker while the text around it is escaped


def _md_escape(text: str) -> str:
    """Text that Markdown + HTML rendering shows literally (no tags, no emphasis, no links)."""
    lines = []
    for line in text.split("\n"):
        line = _MD_INLINE.sub(r"\\\1", line.lstrip(" \t"))
        line = _MD_LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line)
        lines.append(html.escape(line, quote=False))
    return "\n".join(lines)


def _one_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else error.__class__.__name__


def render_answer(text: str, numbers: Iterable[int] = (), link: bool = True) -> str:
    """Chatbot Markdown for an answer: escaped text, ``[n]`` as a link to source ``n``."""
    known = set(numbers)
    found = [int(m.group(1)) for m in _MARKER.finditer(text)]
    escaped = _md_escape(_MARKER.sub(_SLOT, text.replace(_SLOT, "")))
    pieces = escaped.split(_SLOT)
    out = [pieces[0]]
    for n, piece in zip(found, pieces[1:]):
        if link and n in known:
            out.append(f'<a href="#src-{n}" class="cite" title="Show source {n}">\\[{n}\\]</a>')
        else:
            out.append(f"\\[{n}\\]")
        out.append(piece)
    return "".join(out)


def highlight(text: str, quotes: Iterable[str]) -> str:
    """HTML for ``text`` with every occurrence of each quote wrapped in ``<mark>``."""
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        if not quote:
            continue
        start = text.find(quote)
        while start != -1:
            spans.append((start, start + len(quote)))
            start = text.find(quote, start + len(quote))
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out: list[str] = []
    pos = 0
    for s, e in merged:
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def render_sources(answer: Answer | None) -> str:
    """The sources panel for one answer."""
    if answer is None:
        return _INTRO_SOURCES
    if not answer.citations:
        why = "The postings do not say, so nothing is cited." if answer.abstained else "This answer cites no passage."
        return f'<p class="src-empty">{html.escape(why)}</p>'
    items = []
    for c in sorted(answer.citations, key=lambda c: c.number):
        title = html.escape(c.title or c.source)
        company = f' · <span class="src-company">{html.escape(c.company)}</span>' if c.company else ""
        items.append(
            f'<li class="src" id="src-{c.number}" data-number="{c.number}" '
            f'data-source="{html.escape(c.source, quote=True)}">'
            f'<div class="src-head"><span class="src-num">[{c.number}]</span>'
            f'<span class="src-title">{title}</span>{company}</div>'
            f'<div class="src-meta">Section: <span class="src-section">{html.escape(c.section or "-")}</span>'
            f' · <span class="src-file">{html.escape(c.source)}</span></div>'
            f'<blockquote class="src-text">{highlight(c.text, c.quotes)}</blockquote></li>'
        )
    footer = f'<p class="src-footer">Answered by {html.escape(answer.answerer)}.</p>'
    return f'<ol class="src-list">{"".join(items)}</ol>{footer}'


def _notice_html(text: str, error: bool = False) -> str:
    if not text:
        return ""
    cls = "notice error" if error else "notice"
    return f'<div class="{cls}" role="status">{html.escape(text)}</div>'


def _messages(session: _Session, pending: str | None = None) -> list[dict[str, str]]:
    """Chatbot messages; only the latest answer links its markers (the panel shows its sources)."""
    last_answer = max((i for i, e in enumerate(session.entries) if e.answer is not None), default=-1)
    msgs = []
    for i, e in enumerate(session.entries):
        if e.role == "user":
            msgs.append({"role": "user", "content": _md_escape(e.text)})
        else:
            numbers = [c.number for c in e.answer.citations] if e.answer else []
            msgs.append({"role": "assistant", "content": render_answer(e.text, numbers, link=i == last_answer)})
    if pending is not None:
        msgs.append({"role": "assistant", "content": render_answer(pending, link=False) or "…"})
    return msgs


# -- postings: filter choices, overview, examples -----------------------------------------------
def _name(p: PostingFields) -> str:
    return p.title or Path(p.source).stem


def _label(p: PostingFields) -> str:
    return f"{_name(p)} — {p.company}" if p.company else _name(p)


def _sorted(postings: Iterable[PostingFields]) -> list[PostingFields]:
    return sorted(postings, key=lambda p: (_label(p).lower(), p.posting_id))


def role_choices(postings: Iterable[PostingFields]) -> list[tuple[str, str]]:
    ps = _sorted(postings)
    counts: dict[str, int] = {}
    for p in ps:
        counts[_label(p)] = counts.get(_label(p), 0) + 1
    choices = [("All roles", ALL_ROLES)]
    for p in ps:
        label = _label(p) if counts[_label(p)] == 1 else f"{_label(p)} ({p.source})"
        choices.append((label, p.posting_id))
    return choices


_CURRENCY = {"USD": "$", "GBP": "£", "EUR": "€"}


def format_salary(salary: Any) -> str:
    if salary is None:
        return ""
    lo, hi = salary.min, salary.max
    if lo is None and hi is None:
        return salary.text or ""
    sym = _CURRENCY.get(salary.currency or "", "")
    code = "" if sym else (f" {salary.currency}" if salary.currency else "")

    def amount(v: float) -> str:
        return f"{sym}{v:,.0f}" if v == int(v) else f"{sym}{v:,.2f}"

    if lo is not None and hi is not None and lo != hi:
        span = f"{amount(lo)}–{amount(hi)}"
    else:
        span = amount(lo if lo is not None else hi)
    per = f" per {salary.period}" if salary.period else ""
    return f"{span}{code}{per}"


OVERVIEW_HEADERS = ["Title", "Company", "Location", "Salary", "Type", "File"]


def overview_rows(postings: Iterable[PostingFields]) -> list[list[str]]:
    rows = []
    for p in _sorted(postings):
        locs = list(p.locations)
        location = ", ".join(locs[:4]) + (f" +{len(locs) - 4} more" if len(locs) > 4 else "")
        rows.append([
            _name(p), p.company or "", location, format_salary(p.salary),
            p.employment_type or "", p.source,
        ])
    return rows


def example_questions(postings: Iterable[PostingFields], limit: int = MAX_EXAMPLES) -> list[str]:
    """Questions each posting can answer, taken from its extracted fields, round-robin."""
    per_posting: list[list[str]] = []
    salaried: list[str] = []
    for p in _sorted(postings):
        name = _name(p)
        qs: list[str] = []
        if p.salary is not None:
            qs.append(f"What is the salary for the {name} role?")
            salaried.append(name)
        if p.duration:
            qs.append(f"How long does the {name} position last?")
        if p.locations:
            qs.append(f"Where is the {name} role based?")
        if p.office_policy:
            qs.append(f"What is the office policy for the {name} role?")
        headings = " ".join(s.heading.lower() for s in p.sections)
        if "requirement" in headings or "qualification" in headings:
            qs.append(f"What are the requirements for the {name} role?")
        if not qs:
            qs.append(f"What does the {name} role involve?")
        per_posting.append(qs)
    out: list[str] = []
    if len(salaried) >= 2 and limit > 1:
        out.append(f"Compare the salaries of the {salaried[0]} and {salaried[1]} roles.")
    depth = 0
    while len(out) < limit and any(depth < len(qs) for qs in per_posting):
        for qs in per_posting:
            if depth < len(qs) and len(out) < limit:
                out.append(qs[depth])
        depth += 1
    return out


def _status_html(assistant: Assistant, postings: Sequence[PostingFields]) -> str:
    n = len(postings)
    return (
        '<div class="status-line">Answerer: <strong id="answerer">'
        f"{html.escape(assistant.answerer_name)}</strong> · {n} posting{'s' if n != 1 else ''} ingested</div>"
    )


# -- uploads -------------------------------------------------------------------------------------
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str) -> str:
    """A plain file name (no directories, no leading dots, ASCII-safe) keeping the suffix."""
    base = re.split(r"[\\/]", name or "")[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = _UNSAFE.sub("_", stem).strip("._-")[:80] or "posting"
    suffix = _UNSAFE.sub("", suffix).lower()[:10]
    return f"{stem}.{suffix}" if suffix else stem


def _upload_path(item: Any) -> tuple[Path, str]:
    """(where Gradio stored the upload, the name the user gave it)."""
    if isinstance(item, dict):  # FileData as a dict
        path = item.get("path") or item.get("name")
        return Path(path), item.get("orig_name") or Path(path).name
    path = getattr(item, "path", None) or getattr(item, "name", None) or item
    return Path(str(path)), getattr(item, "orig_name", None) or Path(str(path)).name


def _size(n: int) -> str:
    return f"{n / _MB:.1f} MB" if n >= 100_000 else f"{max(1, round(n / 1000))} KB"


def _summary_html(report: IngestReport | None, rejected: list[tuple[str, str]], error: str = "") -> str:
    parts = []
    if error:
        parts.append(f'<p class="ingest-error">{html.escape(error)}</p>')
    if report is not None:
        parts.append(f'<p class="ingest-summary">Ingested: {html.escape(report.summary())}</p>')
        new = report.added + report.updated
        if new:
            parts.append("<p>New or updated: " + html.escape(", ".join(new)) + "</p>")
    bad = rejected + ([(Path(s.path).name, s.reason) for s in report.skipped] if report else [])
    if bad:
        items = "".join(
            f'<li><span class="rejected-name">{html.escape(n)}</span>: {html.escape(r)}</li>' for n, r in bad
        )
        parts.append(f'<p>Rejected {len(bad)} file{"s" if len(bad) != 1 else ""}:</p><ul class="rejected">{items}</ul>')
    return '<div id="ingest-report">' + "".join(parts) + "</div>"


# -- feedback ------------------------------------------------------------------------------------
_KEYLIKE = re.compile(r"\b(?:sk|pk|rk)-[A-Za-z0-9_\-]{16,}\b")


def _scrub(text: str, secrets: Sequence[str]) -> str:
    for s in secrets:
        if s and len(s) >= 8:
            text = text.replace(s, "[redacted]")
    return _KEYLIKE.sub("[redacted]", text)


def record_feedback(assistant: Assistant, question: str, answer: Answer, rating: str) -> Path:
    """Append one JSON line to ``<data_dir>/feedback.jsonl`` (never any key or setting)."""
    secrets = [getattr(assistant.config, "openai_api_key", "") or ""]
    line = {
        "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "rating": rating,
        "question": _scrub(question, secrets),
        "answer": _scrub(answer.text, secrets),
        "abstained": answer.abstained,
        "answerer": answer.answerer,
        "citations": [{"number": c.number, "source": c.source, "section": c.section} for c in answer.citations],
    }
    path = Path(assistant.config.data_dir) / "feedback.jsonl"
    with _FEEDBACK_LOCK:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


# -- the page ------------------------------------------------------------------------------------
def build_app(assistant: Assistant, *, max_upload_mb: float = 5) -> gr.Blocks:
    """The chat page for ``assistant``; launch it with ``serve`` or ``Blocks.launch``."""
    max_bytes = int(max_upload_mb * _MB)
    suffix_list = ", ".join(s for s in ALLOWED_SUFFIXES if s not in (".markdown", ".htm"))

    def catalogue():
        postings = assistant.postings()
        return postings, role_choices(postings)

    def session_for(state: _Session | None) -> _Session:
        return state if state is not None else _new_session(assistant)

    # ---- handlers ----
    def ask(question: str, state: _Session | None) -> Iterator[tuple]:
        session = session_for(state)
        question = question or ""
        before = list(session.entries)
        session.entries.append(_Entry("user", question))
        yield _messages(session, pending=""), '<p class="src-empty">Looking for sources…</p>', "", "", session
        text = ""
        try:
            stream = session.chat.stream(question)
            for delta in stream:
                text += delta
                yield _messages(session, pending=text), gr.skip(), gr.skip(), gr.skip(), session
            answer = stream.answer
            if answer is None:
                raise RolechatError("the answer stream ended without an answer; please ask again")
        except RolechatError as err:
            session.entries[:] = before
            yield (_messages(session), render_sources(_latest_answer(session)),
                   _notice_html(_one_line(err), error=True), question, session)
            return
        except BaseException:
            session.entries[:] = before  # a bug: let it propagate, but keep the conversation clean
            raise
        session.entries.append(_Entry("assistant", answer.text, answer=answer, question=question))
        yield _messages(session), render_sources(answer), _notice_html(answer.notice), "", session

    def set_filter(value: str | None, state: _Session | None):
        ids: tuple[str, ...] = ()
        notice = ""
        if value and value != ALL_ROLES:
            known = {p.posting_id for p in assistant.postings()}
            if value in known:
                ids = (value,)
            else:
                notice = _notice_html(f"unknown role {value!r}; showing all roles", error=True)
        session = _new_session(assistant, ids)
        return [], _INTRO_SOURCES, notice, session

    def new_conversation(state: _Session | None):
        ids = state.posting_ids if state is not None else ()
        session = _new_session(assistant, ids)
        return [], _INTRO_SOURCES, "", session

    def refresh(current: str | None = None):
        postings, choices = catalogue()
        values = {v for _, v in choices}
        value = current if current in values else ALL_ROLES
        return (
            gr.Dropdown(choices=choices, value=value),
            overview_rows(postings),
            gr.Dataset(samples=[[q] for q in example_questions(postings)]),
            _status_html(assistant, postings),
        )

    def on_load(current: str | None):
        return refresh(current)

    def ingest_uploads(files: Any, current: str | None, progress=gr.Progress()):
        items = files if isinstance(files, list) else ([files] if files else [])
        if not items:
            yield (_summary_html(None, [], "Choose one or more posting files to upload."),) + (gr.skip(),) * 5
            return
        progress(0.05, desc="Checking uploads")
        uploads = Path(assistant.config.data_dir) / "uploads"
        uploads.mkdir(parents=True, exist_ok=True)
        rejected: list[tuple[str, str]] = []
        accepted: list[Path] = []
        for item in items:
            src, given = _upload_path(item)
            shown = re.split(r"[\\/]", given)[-1] or "upload"
            suffix = Path(shown).suffix.lower()
            if suffix not in ALLOWED_SUFFIXES:
                rejected.append((shown, f"unsupported file type {suffix or '(none)'}; upload {suffix_list}"))
                continue
            try:
                size = src.stat().st_size
            except OSError:
                rejected.append((shown, "the upload could not be read; please try again"))
                continue
            if size > max_bytes:
                rejected.append((shown, f"file is {_size(size)}; the limit is {max_upload_mb:g} MB"))
                continue
            if size == 0:
                rejected.append((shown, "file is empty"))
                continue
            dest = uploads / safe_filename(shown)
            if dest.resolve().parent != uploads.resolve():  # belt and braces after safe_filename
                rejected.append((shown, "unsafe file name"))
                continue
            shutil.copyfile(src, dest)
            if dest not in accepted:  # two uploads with the same name: the last one wins
                accepted.append(dest)
        if not accepted:
            yield (_summary_html(None, rejected),) + (gr.skip(),) * 4 + (None,)
            return
        yield (
            f'<div id="ingest-report"><p class="ingest-progress">Ingesting {len(accepted)} '
            f'file{"s" if len(accepted) != 1 else ""}…</p></div>',
        ) + (gr.skip(),) * 5
        progress(0.2, desc=f"Ingesting {len(accepted)} file{'s' if len(accepted) != 1 else ''}")
        try:
            report = assistant.ingest([str(p) for p in accepted])
        except RolechatError as err:
            yield (_summary_html(None, rejected, _one_line(err)),) + (gr.skip(),) * 4 + (None,)
            return
        progress(1.0, desc="Done")
        yield (_summary_html(report, rejected), *refresh(current), None)

    def on_like(state: _Session | None, data: gr.LikeData):
        if state is None:
            return
        index = data.index
        if isinstance(index, (list, tuple)):
            index = index[0] if index else -1
        if not isinstance(index, int) or not 0 <= index < len(state.entries):
            return
        entry = state.entries[index]
        if entry.answer is None:
            return
        liked = data.liked
        rating = {True: "up", False: "down", "Like": "up", "Dislike": "down"}.get(liked, str(liked))
        record_feedback(assistant, entry.question, entry.answer, rating)
        gr.Info("Thanks, your feedback was saved.")

    # ---- layout ----
    postings, choices = catalogue()
    with gr.Blocks(title="rolechat", analytics_enabled=False) as demo:
        state = gr.State(None)
        gr.Markdown("## rolechat — ask about the job postings", elem_id="title")
        status = gr.HTML(_status_html(assistant, postings), elem_id="status")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=360):
                # Only "All roles" at build time: Gradio describes a dropdown's choices in the API
                # info its login page embeds, so posting names would show before a login. The
                # page fills the choices in when it loads (``on_load``).
                role_filter = gr.Dropdown(
                    choices=choices[:1], value=ALL_ROLES, label="Role", elem_id="role-filter",
                    info="Restrict answers to one posting (starts a new conversation).",
                )
                chatbot = gr.Chatbot(
                    label="Conversation", elem_id="chat", height=520,
                    sanitize_html=True, render_markdown=True, allow_tags=False,
                    latex_delimiters=[], feedback_options=("Like", "Dislike"),
                    group_consecutive_messages=False,
                    buttons=["copy", "copy_all"],
                    placeholder="Ask about salaries, locations, requirements, office policy…",
                )
                notice = gr.HTML("", elem_id="notice", css_template=_NOTICE_CSS)
                with gr.Row():
                    question = gr.Textbox(
                        show_label=False, placeholder="Ask a question about the postings", scale=5,
                        elem_id="question", max_lines=4, autofocus=True,
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                with gr.Row():
                    new_chat = gr.Button("New conversation", elem_id="new-conversation", size="sm")
                examples = gr.Dataset(
                    components=[question], samples=[[q] for q in example_questions(postings)],
                    label="Example questions", elem_id="examples", type="values",
                )
            with gr.Column(scale=2, min_width=300):
                gr.Markdown("### Sources")
                sources = gr.HTML(
                    _INTRO_SOURCES, elem_id="sources", elem_classes=["sources-panel"], max_height=680,
                    css_template=_SOURCES_CSS, js_on_load=_CITE_JS,
                )
        with gr.Accordion("Postings", open=True, elem_id="postings"):
            overview = gr.Dataframe(
                value=overview_rows(postings), headers=OVERVIEW_HEADERS, datatype="str",
                interactive=False, wrap=True, elem_id="overview", label="Ingested postings",
                column_count=(len(OVERVIEW_HEADERS), "fixed"),
                column_widths=["27%", "15%", "20%", "16%", "9%", "13%"],
            )
            files = gr.File(
                label=f"Add postings ({suffix_list}; up to {max_upload_mb:g} MB each)",
                file_count="multiple", type="filepath", elem_id="upload",
            )
            ingest_report = gr.HTML("", elem_id="ingest-status")

        # ---- events ----
        ask_outputs = [chatbot, sources, notice, question, state]
        ask_args = dict(fn=ask, inputs=[question, state], outputs=ask_outputs, concurrency_limit=4,
                        concurrency_id="ask", show_progress="hidden")
        send.click(api_name="ask", **ask_args)
        question.submit(api_visibility="private", **ask_args)
        examples.click(lambda sample: sample[0] if sample else "", inputs=[examples], outputs=[question],
                       api_visibility="private").then(api_visibility="private", **ask_args)
        role_filter.input(set_filter, inputs=[role_filter, state], outputs=[chatbot, sources, notice, state],
                          api_name="set_filter")
        new_chat.click(new_conversation, inputs=[state], outputs=[chatbot, sources, notice, state],
                       api_name="new_conversation")
        chatbot.clear(new_conversation, inputs=[state], outputs=[chatbot, sources, notice, state],
                      api_visibility="private")
        files.upload(
            ingest_uploads, inputs=[files, role_filter],
            outputs=[ingest_report, role_filter, overview, examples, status, files],
            api_name="ingest", concurrency_limit=1, concurrency_id="ingest",
            show_progress_on=[ingest_report],
        )
        chatbot.like(on_like, inputs=[state], outputs=None, api_visibility="private")
        demo.load(on_load, inputs=[role_filter], outputs=[role_filter, overview, examples, status],
                  api_name="refresh")
    return demo


def _latest_answer(session: _Session) -> Answer | None:
    for e in reversed(session.entries):
        if e.answer is not None:
            return e.answer
    return None


# -- launching -----------------------------------------------------------------------------------
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def start(
    assistant: Assistant,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: tuple[str, str] | None = None,
    max_upload_mb: float = 5,
    open_browser: bool = False,
) -> gr.Blocks:
    """Launch the page without blocking; ``demo.close()`` stops it."""
    if host not in _LOOPBACK and auth is None:
        print(f"warning: serving on {host} without --auth; anyone who can reach it can use it",
              file=sys.stderr)
    assistant.warm_up()  # the first visitor's question should not pay for loading
    demo = build_app(assistant, max_upload_mb=max_upload_mb)
    demo.queue(default_concurrency_limit=1)
    demo.launch(
        server_name=host, server_port=port, share=False, inbrowser=open_browser,
        auth=tuple(auth) if auth else None, auth_message="rolechat: sign in" if auth else None,
        max_file_size=int(max_upload_mb * _MB), prevent_thread_lock=True, ssr_mode=False,
        show_error=False, quiet=False,
    )
    return demo


def serve(
    assistant: Assistant,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: tuple[str, str] | None = None,
    max_upload_mb: float = 5,
    open_browser: bool = False,
) -> None:
    """Serve the page until interrupted (Ctrl-C). Never shares a public link."""
    demo = start(assistant, host=host, port=port, auth=auth, max_upload_mb=max_upload_mb,
                 open_browser=open_browser)
    # What is loaded now lives as long as this process: frozen, Python's full collections no longer
    # walk it, which at 10,000 postings held one question for 0.8 s (Assistant.refresh keeps it so).
    gc.freeze()
    try:
        demo.block_thread()
    finally:
        demo.close()
