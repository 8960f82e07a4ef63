"""The real test servers in tests/support/servers.py really work."""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from support.servers import ChromaServer, LlamaServer, free_port, smollm2_gguf_path  # noqa: E402


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); treat it as dead.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_free_port_is_bindable():
    import socket

    port = free_port()
    assert 1024 < port < 65536
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


def test_smollm2_gguf_is_found_via_package():
    path = smollm2_gguf_path()
    assert path.is_file() and path.suffix == ".gguf"
    assert path.stat().st_size > 10_000_000


@pytest.mark.llm
@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None,
                    reason="llama-cpp-python is not installed")
def test_llama_server_chat_stream_and_stop(tmp_path):
    import openai

    with LlamaServer(tmp_path) as server:
        assert server.base_url == f"http://127.0.0.1:{server.port}/v1"
        assert server.model == "smollm2"
        client = openai.OpenAI(base_url=server.base_url, api_key="sk-local", max_retries=0, timeout=60)
        assert server.model in [m.id for m in client.models.list().data]

        messages = [
            {"role": "system", "content": "You are a helpful assistant. Answer briefly."},
            {"role": "user", "content": "What is the capital of France?"},
        ]
        resp = client.chat.completions.create(model=server.model, messages=messages,
                                              max_tokens=32, temperature=0)
        text = resp.choices[0].message.content
        assert isinstance(text, str) and text.strip()

        chunks = [
            c.choices[0].delta.content
            for c in client.chat.completions.create(model=server.model, messages=messages,
                                                    max_tokens=32, temperature=0, stream=True)
            if c.choices and c.choices[0].delta.content
        ]
        assert len(chunks) >= 2
        assert "".join(chunks).strip()

        pid = server.proc.pid
        server.stop()
        server.stop()  # idempotent
        assert not _pid_alive(pid)
        with pytest.raises(openai.APIConnectionError):
            client.chat.completions.create(model=server.model, messages=messages, max_tokens=4)

        # restart on the same port
        port = server.port
        server.start()
        assert server.port == port
        resp = client.chat.completions.create(model=server.model, messages=messages, max_tokens=8)
        assert resp.choices[0].message.content is not None
    assert server.proc is None


def test_chroma_server_roundtrip(tmp_path):
    import chromadb

    with ChromaServer(tmp_path / "chroma") as server:
        assert server.host == "127.0.0.1"
        client = chromadb.HttpClient(host=server.host, port=server.port)
        assert client.heartbeat() > 0
        col = client.create_collection("postings")
        col.add(
            ids=["a", "b"],
            embeddings=[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]],
            documents=["python backend engineer", "pastry chef"],
            metadatas=[{"company": "acme"}, {"company": "bakery"}],
        )
        assert col.count() == 2
        res = col.query(query_embeddings=[[0.9, 0.1, 0.0]], n_results=2)
        assert res["ids"][0] == ["a", "b"]
        assert res["documents"][0][0] == "python backend engineer"

        pid = server.proc.pid
        server.stop()
        server.stop()
        assert not _pid_alive(pid)

        # data persists across a restart on the same port
        server.start()
        client = chromadb.HttpClient(host=server.host, port=server.port)
        assert client.get_collection("postings").count() == 2
