"""Model server faults end in the extractive answer plus one line, and nothing hangs.

A stopped server is tested against the real llama.cpp server (tests/test_llm.py). The faults
below are ones it cannot be made to produce on demand (HTTP 500/429/401, a stall, a malformed
body, a stream cut mid-way), so a small HTTP server on loopback plays the model server here.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant import Assistant

from conftest import SEEDS

QUESTION = "What is the salary range for the principal role?"


class FaultyModelServer(BaseHTTPRequestHandler):
    fault = "500"

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        self._json(200, {"object": "list", "data": [{"id": "faulty", "object": "model"}]})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        fault = type(self).fault
        if fault in ("500", "429", "401"):
            self._json(int(fault), {"error": {"message": f"fault {fault}", "type": "server_error"}})
        elif fault == "slow":
            time.sleep(5)
            self._json(200, {})
        elif fault == "malformed":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{this is not json")
        elif fault == "cut":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            if body.get("stream"):
                chunk = {"id": "1", "object": "chat.completion.chunk", "created": 0, "model": "faulty",
                         "choices": [{"index": 0, "delta": {"role": "assistant", "content": "The salary"}}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.write(b"data: {\"id\": \"1\", \"choi")
            self.wfile.flush()
            self.connection.shutdown(2)

    def _json(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def faulty_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FaultyModelServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.fixture
def bot(faulty_server, monkeypatch, tmp_path):
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{faulty_server.server_address[1]}/v1")
    monkeypatch.setenv("ROLECHAT_LLM_TIMEOUT", "1")
    monkeypatch.setenv("ROLECHAT_LLM_RETRIES", "0")
    assistant = Assistant(data_dir=tmp_path / "idx", llm="openai", model="faulty")
    assistant.ingest([SEEDS])
    return assistant


@pytest.mark.parametrize("fault, reason", [
    ("500", "HTTP 500"), ("429", "HTTP 429"), ("401", "HTTP 401"), ("slow", "Timeout"), ("malformed", ""), ("cut", ""),
])
def test_each_fault_gives_the_extractive_answer_and_one_line(bot, fault, reason):
    FaultyModelServer.fault = fault
    started = time.perf_counter()
    answer = bot.ask(QUESTION)
    assert answer.answerer == "extractive"
    assert "235,000" in answer.text and answer.citations
    # A cut stream may end without an error: then what arrived is judged, and found unsupported.
    assert answer.notice.startswith("the model") and "\n" not in answer.notice
    assert "unavailable" in answer.notice or (fault == "cut" and "not supported" in answer.notice)
    assert reason in answer.notice
    stream = bot.stream(QUESTION)
    streamed = "".join(stream)
    assert stream.answer is not None and stream.answer.answerer == "extractive"
    assert "235,000" in streamed and stream.answer.notice in streamed
    assert time.perf_counter() - started < 20  # nothing hangs: two calls, each bounded by the timeout
