"""Serving defaults and what the page lets a client do.

* the page binds to 127.0.0.1 unless told otherwise (signatures, the CLI, a real bind checked
  against this machine's own non-loopback addresses), and warns when bound elsewhere without a login;
* ``--auth`` is enforced for every route a client can call: gradio_client and plain HTTP, swept
  over every route the server publishes, refused without a login and working with one;
* uploads: size and type limits with clear messages, hostile file names ("../../etc/passwd.txt",
  NULs, 300 characters, unicode, absolute paths) end up as plain names under <data_dir>/uploads
  and nowhere else, and a client cannot make the server ingest a file it did not upload;
* no API key in logs, reports or feedback: ``OPENAI_API_KEY=sk-test-SECRET-...`` through ingest,
  ask, eval and serve + feedback, against a local OpenAI-compatible stub that echoes the key back
  in its error messages, then every file and every captured stream is searched for the key.

HTML in postings and questions is shown as text: see tests/test_ui_browser.py
(``test_posting_and_question_html_shows_as_text``) and tests/test_ui.py (the escaping helpers).
"""

from __future__ import annotations

import array
import fcntl
import html
import inspect
import json
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file

from assistant import Assistant, ui
from support.servers import free_port
from assistant import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PRINCIPAL_TITLE = "Principal Machine Learning Engineer"


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Assistant:
    a = Assistant(data_dir=tmp_path_factory.mktemp("serving") / "data", llm="extractive", embed="local")
    a.ingest([SEEDS])
    return a


# -- default bind ---------------------------------------------------------------------------------
def own_ipv4_addresses() -> list[str]:
    """This machine's own IPv4 interface addresses other than loopback (SIOCGIFADDR per interface)."""
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for _, name in socket.if_nameindex():
            try:
                packed = fcntl.ioctl(s.fileno(), 0x8915, struct.pack("256s", name.encode()[:15]))
            except OSError:
                continue
            address = socket.inet_ntoa(packed[20:24])
            if not address.startswith("127."):
                found.append(address)
    return found


def test_every_entry_point_defaults_to_loopback():
    for fn in (ui.start, ui.serve):
        params = inspect.signature(fn).parameters
        assert params["host"].default == "127.0.0.1" and params["auth"].default is None, fn
        assert params["open_browser"].default is False
    args = cli.build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.auth is None


def test_the_cli_serves_on_loopback_and_passes_the_login(monkeypatch, tmp_path, capsys):
    calls = []
    monkeypatch.setattr(ui, "serve", lambda assistant, **kw: calls.append(kw))
    assert cli.main(["serve", "--data-dir", str(tmp_path / "d")]) == 0
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["auth"] is None
    assert cli.main(["serve", "--data-dir", str(tmp_path / "d"), "--auth", "alice:s3cret:with-colon"]) == 0
    assert calls[-1]["auth"] == ("alice", "s3cret:with-colon")
    assert cli.main(["serve", "--data-dir", str(tmp_path / "d"), "--auth", "alice"]) == cli.EXIT_USER_ERROR
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "rolechat: error: --auth takes USER:PASS"


def test_a_default_server_is_not_reachable_from_other_interfaces(bot):
    port = free_port()
    demo = ui.start(bot, port=port)
    try:
        assert demo.server_name == "127.0.0.1" and demo.share is False
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        addresses = own_ipv4_addresses()
        for address in addresses:  # only this machine's own interfaces
            with pytest.raises(OSError):
                socket.create_connection((address, port), timeout=2).close()
        print(f"\nchecked non-loopback addresses of this machine: {addresses or 'none'}")
    finally:
        demo.close()


def test_binding_elsewhere_without_a_login_warns(bot, monkeypatch, capsys):
    import gradio as gr

    launched = []
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **kw: launched.append(kw))  # nothing is bound
    ui.start(bot, host="0.0.0.0", port=free_port())
    assert "warning: serving on 0.0.0.0 without --auth" in capsys.readouterr().err
    assert launched[-1]["share"] is False and launched[-1]["server_name"] == "0.0.0.0"
    ui.start(bot, host="0.0.0.0", port=free_port(), auth=("alice", "pw"))
    assert "warning" not in capsys.readouterr().err
    assert launched[-1]["auth"] == ("alice", "pw")


# -- --auth ---------------------------------------------------------------------------------------
# Routes that answer without a login by design; none may give away anything of the postings.
PUBLIC = {
    "/", "/login", "/login/", "/logout", "/openapi.json", "/favicon.ico", "/theme.css", "/robots.txt",
    "/manifest.json", "/gradio_api/user", "/gradio_api/user/", "/gradio_api/token", "/gradio_api/token/",
    "/gradio_api/app_id", "/gradio_api/app_id/", "/gradio_api/runs", "/gradio_api/runs/",
    "/gradio_api/startup-events", "/gradio_api/theme.css", "/gradio_api/heartbeat/{session_hash}",
    "/gradio_api/reset", "/gradio_api/reset/", "/gradio_api/cancel",
}
LOGIN_PAGES = ("/", "/gradio_api/runs", "/gradio_api/runs/")  # the page shell, with the login form
_PARAMS = {"api_name": "ask", "event_id": "e0", "session_hash": "s0", "path": "x", "path_or_url": "/etc/passwd",
           "url_path": "http://127.0.0.1:9/", "endpoint": "ask", "size": "192"}
_BODIES = {"/gradio_api/reset": {"event_id": "e0"}, "/gradio_api/cancel": {"session_hash": "s0", "fn_index": 0, "event_id": "e0"},
           "/gradio_api/vibe-edit": {"prompt": "x"}, "/gradio_api/vibe-code": {"code": "x"},
           "/gradio_api/undo-vibe-edit": {"hash": "x"}, "/gradio_api/stream/{event_id}": {"data": []}}


@pytest.fixture(scope="module")
def authed_url(bot):
    port = free_port()
    demo = ui.start(bot, port=port, auth=("alice", "s3cret-pass"))
    yield f"http://127.0.0.1:{port}"
    demo.close()


def leaks_postings(text: str) -> bool:
    return any(s in text for s in (PRINCIPAL_TITLE, "Snap Inc", "235,000", "000_0751755ddfb3f06d"))


def test_without_a_login_gradio_client_is_refused(authed_url):
    for auth in (None, ("alice", "wrong"), ("bob", "s3cret-pass")):
        with pytest.raises(Exception):
            Client(authed_url + "/", auth=auth, verbose=False)
    client = Client(authed_url + "/", auth=("alice", "s3cret-pass"), verbose=False)
    chat, sources, notice, box = client.predict("What is the salary range for the principal role?", api_name="/ask")
    assert "235" in json.dumps(chat[-1]["content"]) and notice == ""


def test_without_a_login_every_route_is_refused(authed_url, tmp_path):
    api = ["ask", "ingest", "refresh", "set_filter", "new_conversation"]
    with httpx.Client(base_url=authed_url, timeout=15) as http:
        refused = [("GET", "/config"), ("GET", "/gradio_api/info"), ("GET", "/gradio_api/openapi.json"),
                   ("GET", "/gradio_api/queue/data?session_hash=s0"), ("GET", "/gradio_api/queue/status"),
                   ("GET", "/gradio_api/file=/etc/passwd"), ("GET", "/monitoring"), ("GET", "/gradio_api/upload_progress")]
        for method, path in refused:
            r = http.request(method, path)
            assert r.status_code == 401 and not leaks_postings(r.text), (path, r.status_code, r.text[:200])
        for name in api:
            for route in (f"/gradio_api/call/{name}", f"/gradio_api/run/{name}", f"/gradio_api/api/{name}",
                          f"/gradio_api/call/v2/{name}"):
                r = http.post(route, json={"data": ["What is the salary range for the principal role?"]})
                assert r.status_code == 401, (route, r.status_code, r.text[:200])
        r = http.post("/gradio_api/queue/join", json={"data": ["What is the salary?", None], "fn_index": 0,
                                                       "session_hash": "s0", "trigger_id": 0})
        assert r.status_code == 401
        r = http.post("/gradio_api/upload", files=[("files", ("x.txt", b"Data Engineer at Acme", "text/plain"))])
        assert r.status_code == 401

        # Every route the server publishes: refused, or one of the public ones and without posting data.
        spec = http.get("/openapi.json").json()
        swept = 0
        for path, ops in spec["paths"].items():
            url = re.sub(r"\{(\w+)\}", lambda m: _PARAMS.get(m.group(1), "x"), path)
            for method in ops:
                if method.upper() not in ("GET", "POST"):
                    continue
                swept += 1
                if path == "/gradio_api/heartbeat/{session_hash}":
                    with http.stream("GET", url) as r:
                        assert r.status_code in (200, 401, 404)
                    continue
                body = _BODIES.get(path.rstrip("/") if path != "/" else path, {})
                r = http.request(method.upper(), url, json=body if method.upper() == "POST" else None)
                if path not in LOGIN_PAGES:  # see test_the_login_page_names_no_posting
                    assert not leaks_postings(r.text), (method, path, r.text[:300])
                if path not in PUBLIC:
                    assert not 200 <= r.status_code < 300, (method, path, r.status_code, r.text[:300])
        assert swept > 40
        # ... and with the login everything works (the refusals above are not a broken server).
        assert http.post("/login", data={"username": "alice", "password": "s3cret-pass"}).status_code == 200
        r = http.get("/config")
        assert r.status_code == 200 and leaks_postings(r.text)
        assert http.get("/gradio_api/info").status_code == 200
    print(f"\nswept {swept} route/method pairs without a login")


def test_the_login_page_names_no_posting(authed_url, bot):
    with httpx.Client(base_url=authed_url, timeout=15) as http:
        pages = [http.get(path).text for path in LOGIN_PAGES]
    for page in pages:
        for p in bot.postings():
            assert p.posting_id not in page and (p.title or "\0") not in page, p.posting_id


# -- uploads --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def open_url(bot):
    port = free_port()
    demo = ui.start(bot, port=port)  # the real serving path: its upload limit is the index's 5 MB
    yield f"http://127.0.0.1:{port}"
    demo.close()


def call(http: httpx.Client, api_name: str, data: list) -> tuple[str, list | None]:
    """POST /gradio_api/call/<api_name>, then read its event stream: ("complete", data) or ("error", ...)."""
    r = http.post(f"/gradio_api/call/{api_name}", json={"data": data})
    r.raise_for_status()
    event_id = r.json()["event_id"]
    last = ("error", None)
    with http.stream("GET", f"/gradio_api/call/{api_name}/{event_id}") as stream:
        event = ""
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                payload = json.loads(line.split(":", 1)[1])
                if event in ("complete", "error"):
                    last = (event, payload)
    return last


def upload(http: httpx.Client, name: str, content: bytes) -> dict:
    """Upload as a browser does, under the name a hostile client chooses (multipart file name and
    FileData ``orig_name`` alike)."""
    r = http.post("/gradio_api/upload", files=[("files", (name, content, "text/plain"))])
    r.raise_for_status()
    return {"path": r.json()[0], "orig_name": name, "meta": {"_type": "gradio.FileData"}}


def posting_text(title: str) -> bytes:
    return (f"{title}\nAcme Analytics\nLeeds, UK\nFull time\n\nAbout the role\nWe are hiring a {title} to build "
            "dashboards for our stores.\n\nSalary\n£40,000 per year.\n").encode()


def tree(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()}


def test_upload_names_are_sanitised_and_land_only_in_uploads(bot, open_url, tmp_path_factory):
    data_dir = Path(bot.config.data_dir)
    root = data_dir.parent
    marker = f"zz_escape_{uuid.uuid4().hex[:8]}"
    hostile = [
        f"../../{marker}_a.txt", f"../../../../../../tmp/{marker}_b.md", f"/tmp/{marker}_c.txt",
        f"..\\..\\{marker}_d.html", f"{marker}\x00_e.txt", f"{marker}_f.txt\x00.exe", "x" * 300 + ".txt",
        "résumé 📄 (final).md", "CON.txt", "....txt", ".hidden.md", f"{marker} <script>alert(1)</script>.html",
        "uploads/../../" + marker + "_g.txt",
    ]
    before = tree(root)
    with httpx.Client(base_url=open_url, timeout=120) as http:
        files = [upload(http, name, posting_text(f"Data Analyst {i}")) for i, name in enumerate(hostile)]
        status, out = call(http, "ingest", [files, ui.ALL_ROLES])
    assert status == "complete", out
    report = out[0]
    assert "Rejected" in report and "unsupported file type .exe" in report  # the NUL trick keeps its real suffix
    uploads = data_dir / "uploads"
    rel = data_dir.relative_to(root)
    new = tree(root) - before
    outside = {p for p in new if p.parts[: len(rel.parts)] != rel.parts}
    assert not outside, outside  # nothing beside the data directory
    inside = {p.relative_to(rel) for p in new} - {p for p in new if p in outside}
    unexpected = {p for p in inside if p.parts[0] not in ("uploads", "chroma")
                  and not p.name.startswith(("docstore-", ".store-generation", ".ingest.lock"))}
    assert not unexpected, unexpected  # and in it, only uploads (plus the index's own files)
    stored = sorted(p.name for p in uploads.iterdir())
    for name in stored:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name) and len(name) <= 91, name
    assert len([n for n in stored if marker in n]) >= 5, stored
    for path in (Path("/tmp") / f"{marker}_b.md", Path("/tmp") / f"{marker}_c.txt", root / f"{marker}_a.txt",
                 root.parent / f"{marker}_a.txt"):
        assert not path.exists(), path
    assert "<script>" not in report  # names are shown escaped in the report, never as markup


def test_a_client_cannot_have_the_server_ingest_a_file_it_did_not_upload(bot, open_url, tmp_path):
    secret = tmp_path / "not-uploaded.txt"
    secret.write_bytes(posting_text("Secret Agent"))
    docstore = next(Path(bot.config.data_dir).glob("docstore-*.json"))
    with httpx.Client(base_url=open_url, timeout=60) as http:
        for path in (str(secret), "/etc/passwd", str(docstore)):
            fd = {"path": path, "orig_name": "posting.txt", "meta": {"_type": "gradio.FileData"}}
            status, _ = call(http, "ingest", [[fd], ui.ALL_ROLES])
            assert status == "error", path
    bot.refresh()
    assert not any("Secret Agent" in (p.title or "") for p in bot.postings())


def test_upload_type_and_size_limits_say_why(bot, open_url, tmp_path):
    exe = tmp_path / "notes.exe"
    exe.write_bytes(b"MZ" + b"\x00" * 100)
    big = tmp_path / "huge.txt"
    big.write_bytes(posting_text("Big Posting") + b"x" * 5_000_100)
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    client = Client(open_url + "/", verbose=False)
    report = client.predict([handle_file(exe), handle_file(empty)], ui.ALL_ROLES, api_name="/ingest")[0]
    assert "notes.exe" in report and "unsupported file type .exe; upload .txt, .md, .html, .pdf" in report
    assert "empty.md" in report and "file is empty" in report
    with pytest.raises(Exception, match=r"exceeds the maximum file size of 5000000 bytes"):
        client.predict([handle_file(big)], ui.ALL_ROLES, api_name="/ingest")  # gradio_client checks first
    with httpx.Client(base_url=open_url, timeout=60) as http:  # a client that does not check
        r = http.post("/gradio_api/upload", files=[("files", ("huge.txt", big.read_bytes(), "text/plain"))])
        assert r.status_code == 413 and "maximum allowed size of 5000000 bytes" in r.text
    assert not (Path(bot.config.data_dir) / "uploads" / "huge.txt").exists()


# -- no API key anywhere --------------------------------------------------------------------------
class _StubOpenAI(BaseHTTPRequestHandler):
    """An OpenAI-compatible server that answers questions about pay with a 401 echoing the key in
    full (as a careless proxy might) and everything else with a short streamed or plain reply."""

    keys_seen: list[str] = []

    def log_message(self, *args):  # quiet
        pass

    def _send(self, code: int, body: dict) -> None:
        raw = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self):
        self._send(200, {"object": "list", "data": [{"id": "stub", "object": "model"}]})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        key = self.headers.get("Authorization", "").removeprefix("Bearer ")
        type(self).keys_seen.append(key)
        asked = json.dumps(body.get("messages", []))
        if re.search(r"salary|pay", asked, re.IGNORECASE):
            self._send(401, {"error": {"message": f"Incorrect API key provided: {key}", "type": "invalid_request_error",
                                       "code": "invalid_api_key"}})
            return
        text = "The postings don't say."
        if not body.get("stream"):
            self._send(200, {"id": "c1", "object": "chat.completion", "created": 0, "model": "stub",
                             "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                             "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for piece in (text[:12], text[12:], None):
            delta = {"content": piece} if piece else {}
            chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "stub",
                     "choices": [{"index": 0, "delta": delta, "finish_reason": None if piece else "stop"}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")


@pytest.fixture
def stub_openai():
    _StubOpenAI.keys_seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _StubOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def _grep_tree(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_the_api_key_never_reaches_logs_reports_or_feedback(stub_openai, tmp_path, monkeypatch, capfd, caplog):
    import logging

    secret = f"SECRET-{uuid.uuid4().hex}"
    key = f"sk-test-{secret}"
    data, out_dir = tmp_path / "data", tmp_path / "eval-out"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROLECHAT_", "OPENAI_", "CHROMA_"))}
    env.update(PYTHONPATH=str(ROOT), OPENAI_API_KEY=key, OPENAI_BASE_URL=stub_openai, ROLECHAT_LLM="openai",
               ROLECHAT_MODEL="stub", ROLECHAT_LLM_TIMEOUT="10", ROLECHAT_LLM_RETRIES="0", ROLECHAT_DATA_DIR=str(data))

    def run(*args: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "assistant.cli", *args], cwd=ROOT, env=env, text=True,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    captured: list[str] = []
    for name, value in env.items():  # this process too: ingest here, serve here below
        if name.startswith(("ROLECHAT_", "OPENAI_")):
            monkeypatch.setenv(name, value)
    caplog.set_level(logging.DEBUG)
    served = Assistant()
    assert served.config.openai_api_key == key and served.answerer_name != "extractive"
    assert len(served.ingest([SEEDS], progress=True).added) == 2
    questions = tmp_path / "questions.jsonl"  # a slice of the seed set: pay (401 + key echo) and others
    lines = (SEEDS / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions.write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    jobs = [run("ask", "What is the salary range for the principal role?", "--json"),
            run("eval", "--questions", str(questions), "--out", str(out_dir))]
    for job in jobs:
        captured += job.communicate(timeout=600)
        assert job.returncode in (0, 1), captured[-1][-2000:]  # 1: below a floor, not an error
    assert (out_dir / "report.json").exists()

    # serve + feedback, in this process, logs captured
    served.refresh()
    port = free_port()
    demo = ui.start(served, port=port)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        for question in ("What is the salary range for the principal role?", "How long does the internship last?"):
            chat, sources, notice, _ = client.predict(question, api_name="/ask")
            captured += [json.dumps(chat), sources, notice]
            answer = served.ask(question)
            ui.record_feedback(served, question, answer, "up")  # what the like button records
            # a user who pastes the key into a question: the feedback file must not keep it
            ui.record_feedback(served, f"my key is {key}, {question}", answer, "down")
    finally:
        demo.close()
    assert _StubOpenAI.keys_seen and set(_StubOpenAI.keys_seen) == {key}  # the key really was in use
    assert (data / "feedback.jsonl").exists()
    logs = capfd.readouterr()
    captured += [logs.out, logs.err, caplog.text]

    leaks = [i for i, text in enumerate(captured) if secret in text]
    assert not leaks, [captured[i][:300] for i in leaks]
    files = _grep_tree(data, secret.encode()) + _grep_tree(out_dir, secret.encode())
    assert not files, files
    print(f"\nsearched {len(captured)} captured streams and "
          f"{sum(1 for r in (data, out_dir) for p in r.rglob('*') if p.is_file())} files for the key")
