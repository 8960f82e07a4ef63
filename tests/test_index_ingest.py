"""Ingest against a real Chroma: a PersistentClient in a temporary data directory, and a real
``chroma run`` server. Upserts, no-op re-ingests, edits that touch one posting only, prune,
refusing a collection built with another embedding model, and concurrent ingests.

Every index gets its data directory explicitly (``Config.resolve(data_dir=...)``), so these
tests do not depend on the ROLECHAT_DATA_DIR fixture in conftest.py. The embedding model is
loaded once per process (``make_embed_model`` caches it), so a fresh index per test is cheap.
"""

from __future__ import annotations

import copy
import fcntl
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from support.servers import ChromaServer, free_port  # noqa: E402

from index import (  # noqa: E402
    POSTING_ID_KEY,
    Config,
    EmbeddingModelMismatch,
    IngestLocked,
    PostingIndex,
    RolechatError,
    StoreError,
    chunk_posting,
    load_posting,
    parse_sections,
)
from index import ingest as ingest_module  # noqa: E402
from index.records import POSTING_HASH_KEY  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_A = "000_0751755ddfb3f06d.txt"  # principal ML engineer
SEED_B = "001_a344f62e8c6bf03a.txt"  # ML engineering intern


def copy_seeds(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, dest / f.name)
    return dest


def chunks_of(index: PostingIndex, posting_id: str) -> dict[str, tuple[str, tuple[float, ...]]]:
    """{chunk id: (text, embedding)} of one posting: the vectors straight from Chroma, the texts
    the online side reads for those ids."""
    got = index.collection.get(where={POSTING_ID_KEY: posting_id}, include=["embeddings"])
    texts = {cid: text for cid, text, _ in index.iter_passages()}
    return {cid: (texts.get(cid), tuple(round(float(x), 6) for x in emb)) for cid, emb in zip(got["ids"], got["embeddings"])}


def expected_chunks(path: Path, chunk_tokens: int = 200) -> list[str]:
    text = load_posting(path).text
    return [c.text for c in chunk_posting(text, parse_sections(text), chunk_tokens)]


def assert_consistent(index: PostingIndex, folder: Path) -> None:
    """Chroma holds exactly the chunks of the postings in ``folder``: none missing, none extra,
    no duplicates, each under its posting's id and cut from the version the docstore has; and the
    passages the online side reads are those chunks' texts, slices of the stored text."""
    stored_hash = {doc_id: h for h, doc_id in index.docstore.get_all_document_hashes().items()}
    ids = []
    for cid, _, meta in index.iter_chunks():
        ids.append(cid)
        assert cid.split("::")[0] == meta[POSTING_ID_KEY] and meta[POSTING_HASH_KEY] == stored_hash[meta[POSTING_ID_KEY]]
    assert len(ids) == len(set(ids)), "duplicate chunk ids"
    texts = {}
    for cid, text, meta in index.iter_passages():
        assert index.posting_text(meta["posting_id"])[meta["start"] : meta["end"]] == text
        texts.setdefault(meta["posting_id"], {})[int(cid.rsplit("::", 1)[1])] = text
    assert sorted(f"{pid}::{i}" for pid, chunks in texts.items() for i in chunks) == sorted(ids)
    wanted = {p.name: expected_chunks(p) for p in sorted(folder.iterdir())}
    assert set(texts) == set(wanted)
    for posting_id, chunk_texts in wanted.items():
        stored = texts[posting_id]
        assert [stored[i] for i in sorted(stored)] == chunk_texts, posting_id
    assert index.chunk_count() == sum(len(v) for v in wanted.values())


def one_line(message: str) -> None:
    assert message and "\n" not in message and len(message) < 400, message


# --- local PersistentClient ----------------------------------------------------------------
@pytest.fixture
def seeded(tmp_path):
    """A fresh data directory with both seeds ingested; returns (index, postings folder, report)."""
    folder = copy_seeds(tmp_path / "postings")
    index = PostingIndex(Config.resolve(data_dir=tmp_path / "data"))
    report = index.ingest([folder])
    return index, folder, report


def test_ingest_seeds_stores_chunks(seeded):
    index, folder, report = seeded
    assert sorted(report.added) == [SEED_A, SEED_B]
    assert report.updated == report.unchanged == report.removed == report.skipped == []
    assert report.chunks_written == index.chunk_count() > 0
    assert_consistent(index, folder)
    # a passage says which posting and section it belongs to
    for cid, _, meta in index.iter_passages():
        assert cid.startswith(f"{meta['posting_id']}::")
        assert meta["title"] and meta["section"]
    assert "added 2" in report.summary()


def test_each_chunk_is_embedded_with_its_role_title_and_section(seeded):
    """A chunk's vector carries which role and which section it is, so a question naming either
    finds it among many postings' like sections: it is the embedding of the title and the section
    above the chunk's text, their values only (labels such as "title:" told the model nothing)."""
    import numpy as np

    from index import make_embed_model

    index, _, _ = seeded
    model = make_embed_model(index.config)
    passages = sorted(index.iter_passages())
    got = index.collection.get(ids=[cid for cid, _, _ in passages], include=["embeddings"])
    stored = dict(zip(got["ids"], np.asarray(got["embeddings"])))
    for labelled in (False, True):
        texts = [f"{'title: ' * labelled}{m['title']}\n{'section: ' * labelled}{m['section']}\n\n{t}" for _, t, m in passages]
        want = np.asarray(model.get_text_embedding_batch(texts))
        cosines = [float(stored[cid] @ w) for (cid, _, _), w in zip(passages, want)]
        if labelled:
            assert min(cosines) < 0.99, "the vectors are those of the labelled text"
        else:
            assert min(cosines) > 0.999, min(cosines)
    bare = np.asarray(model.get_text_embedding_batch([t for _, t, _ in passages]))
    assert min(float(stored[cid] @ b) for (cid, _, _), b in zip(passages, bare)) < 0.99


def _passages_from_chroma(index: PostingIndex) -> list:
    """Passages from Chroma's full records: llama-index's own, written on a Chroma server."""
    import json

    out = []
    for cid, text, meta in index.iter_chunks():
        node = json.loads(meta["_node_content"])
        out.append((cid, text, {
            "posting_id": meta["posting_id"], "source": meta["source"], "title": meta["title"],
            "company": meta["company"], "section": meta["section"],
            "start": node["start_char_idx"], "end": node["end_char_idx"],
        }))
    return sorted(out)


def test_a_local_directory_keeps_text_in_the_docstore_and_lean_records_in_chroma(seeded):
    """Chroma's records in a local data directory carry no text; the passages come from the
    docstore's spans, and stay the chunks Chroma holds after an update and a removal."""
    index, folder, _ = seeded
    assert_consistent(index, folder)
    assert all(text is None and set(meta) == {POSTING_ID_KEY, POSTING_HASH_KEY} for _, text, meta in index.iter_chunks())
    posting = folder / SEED_A
    posting.write_text(posting.read_text(encoding="utf-8") + "\n\nBenefits\n\n- A new bullet about pensions.\n", encoding="utf-8")
    assert index.ingest([folder]).updated == [SEED_A]
    index.remove([SEED_B])
    (folder / SEED_B).unlink()
    assert_consistent(index, folder)
    passages = list(index.iter_passages())
    assert any("pensions" in text for _, text, _ in passages)
    assert {meta["posting_id"] for _, _, meta in passages} == {SEED_A}


def test_postings_stored_by_an_older_rolechat_are_read_from_chroma(tmp_path, monkeypatch):
    """A data directory written before postings kept their spans (and before records were lean)
    still opens with every passage, also once newer postings are ingested beside them."""
    from index import records
    from index.ingest import _SPANS_KEY

    folder = copy_seeds(tmp_path / "postings")
    index = PostingIndex(Config.resolve(data_dir=tmp_path / "data"))
    with monkeypatch.context() as m:  # full records, as every rolechat wrote them then
        m.setattr(PostingIndex, "_chroma_store", lambda self: records.vector_store(self.collection, lean=False))
        index.ingest([folder])
    want = _passages_from_chroma(index)
    for posting_id in (SEED_A, SEED_B):
        doc = index.docstore.get_document(posting_id)
        doc.metadata.pop(_SPANS_KEY)
        index.docstore.add_documents([doc], allow_update=True)
    index._persist_docstore()  # the directory as an older rolechat left it
    reopened = PostingIndex(index.config)
    assert all(not d.metadata.get(_SPANS_KEY) for d in reopened._saved_docstore().docs.values())
    assert sorted(reopened.iter_passages()) == want

    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "late_posting.md").write_text(
        "# Night Baker\n\nCrumb & Co · Leeds\n\n## Duties\n\nBake sourdough from 4am.\n", encoding="utf-8")
    assert reopened.ingest([folder, extra]).added == ["late_posting.md"]
    passages = sorted(reopened.iter_passages())
    assert [p for p in passages if not p[0].startswith("late_posting.md")] == want
    assert any("sourdough" in text for _, text, _ in passages)


def _mixed_folder(dest: Path) -> Path:
    """The seeds, the test postings and two files that give no posting."""
    folder = copy_seeds(dest)
    for f in (ROOT / "tests" / "data" / "postings").iterdir():
        shutil.copy(f, folder / f.name)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.md").write_bytes(bytes(range(256)) * 4)
    return folder


def _stored(index: PostingIndex) -> tuple:
    return ([(d.id_, d.get_content(), d.metadata) for d in index._saved_documents()], sorted(index.iter_passages()))


def _parse_in_the_helper(monkeypatch) -> list:
    """Parse through the helper process from 2 files on, 3 files per task, 2 tasks in flight,
    batches of 3 or more postings (so the helper gives way to the model after the first two);
    returns the tasks handed to it."""
    import concurrent.futures

    submitted = []
    submit = concurrent.futures.ProcessPoolExecutor.submit
    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "submit",
                        lambda pool, fn, *args, **kw: submitted.append(args[0]) or submit(pool, fn, *args, **kw))
    monkeypatch.setattr(ingest_module, "_PARSE_PROCESS_FROM", 2)
    monkeypatch.setattr(ingest_module, "_PARSE_TASK", 3)
    monkeypatch.setattr(ingest_module, "_PARSE_AHEAD", 2)
    monkeypatch.setattr(ingest_module, "_BATCH_POSTINGS_MIN", 3)
    return submitted


def test_parsing_in_a_helper_process_stores_what_parsing_here_does(tmp_path, monkeypatch):
    """Many files are parsed by a helper process while this one embeds: the report, postings
    and passages are those of parsing them here, in the same order."""
    folder = _mixed_folder(tmp_path / "postings")
    here = PostingIndex(Config.resolve(data_dir=tmp_path / "here"))
    want = here.ingest([folder])
    submitted = _parse_in_the_helper(monkeypatch)
    helped = PostingIndex(Config.resolve(data_dir=tmp_path / "helped"))
    priority = os.getpriority(os.PRIO_PROCESS, 0)
    got = helped.ingest([folder])
    # only the helper gives way to the model: this process (a UI, a script) keeps its priority
    assert os.getpriority(os.PRIO_PROCESS, 0) == priority
    files = len(list(folder.iterdir()))
    # all but the first task (parsed here while the helper starts) went through the helper
    assert sum(map(len, submitted)) == files - 3 and len(submitted) == -(-files // 3) - 1
    assert (got.added, got.skipped, got.chunks_written) == (want.added, want.skipped, want.chunks_written)
    assert len(got.skipped) == 2 and len(got.added) == files - 2
    assert _stored(helped) == _stored(here)
    assert sorted(helped.ingest([folder]).unchanged) == sorted(want.added)


def _die_in_the_helper(items, max_bytes, chunk_tokens, give_way=False, _parent=os.getpid(),
                       _parse=ingest_module._parse_documents):
    if os.getpid() != _parent:
        os._exit(1)  # the helper process dies as if killed
    return _parse(items, max_bytes, chunk_tokens, give_way)


def test_a_parsing_helper_that_dies_loses_no_posting(tmp_path, monkeypatch, caplog):
    """The fault is injected (the helper's task exits the process, which no real posting does);
    the death is real. This process parses what is left, and stores what it would have."""
    folder = _mixed_folder(tmp_path / "postings")
    here = PostingIndex(Config.resolve(data_dir=tmp_path / "here"))
    want = here.ingest([folder])
    _parse_in_the_helper(monkeypatch)
    monkeypatch.setattr(ingest_module, "_parse_documents", _die_in_the_helper)
    helped = PostingIndex(Config.resolve(data_dir=tmp_path / "helped"))
    priority = os.getpriority(os.PRIO_PROCESS, 0)
    got = helped.ingest([folder])
    assert "the parsing process stopped" in caplog.text
    assert os.getpriority(os.PRIO_PROCESS, 0) == priority  # what was the helper's is parsed here, not niced
    assert (got.added, got.skipped, got.chunks_written) == (want.added, want.skipped, want.chunks_written)
    assert _stored(helped) == _stored(here)


def test_reingest_unchanged_writes_nothing(seeded):
    index, folder, _ = seeded
    before = {pid: chunks_of(index, pid) for pid in (SEED_A, SEED_B)}
    report = index.ingest([folder])
    assert report.chunks_written == 0
    assert sorted(report.unchanged) == [SEED_A, SEED_B]
    assert report.added == report.updated == report.removed == []
    assert {pid: chunks_of(index, pid) for pid in (SEED_A, SEED_B)} == before
    # a new index object on the same directory (a new process, say) sees the same
    again = PostingIndex(Config.resolve(data_dir=index.config.data_dir)).ingest([folder])
    assert again.chunks_written == 0 and len(again.unchanged) == 2


def test_editing_one_posting_rewrites_only_its_chunks(seeded):
    index, folder, _ = seeded
    untouched = chunks_of(index, SEED_A)
    old_b = chunks_of(index, SEED_B)
    path = folder / SEED_B
    path.write_text(path.read_text(encoding="utf-8").replace("13-week", "14-week"), encoding="utf-8")

    report = index.ingest([folder])
    assert report.updated == [SEED_B]
    assert report.unchanged == [SEED_A]
    assert report.added == [] and report.removed == []
    assert report.chunks_written == len(expected_chunks(path))
    assert chunks_of(index, SEED_A) == untouched  # same ids, texts and vectors
    new_b = chunks_of(index, SEED_B)
    assert any("14-week" in text for text, _ in new_b.values())
    assert not any("13-week" in text for text, _ in new_b.values())
    assert new_b != old_b
    assert_consistent(index, folder)
    assert "14-week" in index.posting_text(SEED_B)


def test_shrinking_a_posting_leaves_no_stale_chunks(seeded):
    index, folder, _ = seeded
    path = folder / SEED_B
    before = len(chunks_of(index, SEED_B))
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[:12]), encoding="utf-8")
    report = index.ingest([folder])
    assert report.updated == [SEED_B]
    after = chunks_of(index, SEED_B)
    assert 0 < len(after) < before
    assert_consistent(index, folder)


def test_prune_removes_postings_whose_file_is_gone(seeded):
    index, folder, _ = seeded
    (folder / SEED_B).unlink()
    kept = chunks_of(index, SEED_A)

    report = index.ingest([folder])  # without prune, a vanished file stays in the index
    assert report.removed == [] and report.unchanged == [SEED_A]
    assert chunks_of(index, SEED_B)

    report = index.ingest([folder], prune=True)
    assert report.removed == [SEED_B]
    assert chunks_of(index, SEED_B) == {}
    assert chunks_of(index, SEED_A) == kept
    assert [p.posting_id for p in index.postings()] == [SEED_A]
    assert index.posting_text(SEED_B) is None
    assert_consistent(index, folder)
    # pruning again is a no-op
    assert index.ingest([folder], prune=True).removed == []


def test_touched_files_stay_unchanged_and_moved_files_follow_their_path(seeded, tmp_path):
    """Re-ingest skips a file by its bytes and path without parsing it again; a file that moved
    is recorded at its new place, so a later prune does not take it for gone."""
    index, folder, _ = seeded
    stamp = time.time() + 60
    os.utime(folder / SEED_A, (stamp, stamp))  # saved again by an editor, same bytes
    assert sorted(index.ingest([folder]).unchanged) == [SEED_A, SEED_B]

    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.move(str(folder / SEED_B), moved / SEED_B)
    report = index.ingest([folder, moved], prune=True)
    assert report.removed == [] and report.unchanged == [SEED_A]
    assert report.updated == [SEED_B]
    assert index.docstore.get_document(SEED_B).metadata["path"] == str((moved / SEED_B).resolve())
    assert index.ingest([folder, moved], prune=True).removed == []
    assert sorted(index.ingest([folder, moved]).unchanged) == [SEED_A, SEED_B]


def test_postings_returns_the_parsed_fields(seeded):
    index, folder, _ = seeded
    stored = {p.posting_id: p for p in index.postings()}
    assert sorted(stored) == [SEED_A, SEED_B]
    for name, fields in stored.items():
        assert fields == load_posting(folder / name).fields  # round-trips through the docstore
    principal = stored[SEED_A]
    assert principal.title == "Principal Machine Learning Engineer (Content ML)"
    assert (principal.salary.min, principal.salary.max, principal.salary.currency) == (235000, 414000, "USD")
    assert "San Francisco" in principal.locations
    intern = stored[SEED_B]
    assert intern.company == "Snap Inc" and intern.duration == "13 weeks" and intern.salary is None
    assert [s.heading for s in intern.sections][:2] == ["Summary", "What you’ll do"]


def test_collection_refuses_another_embedding_model(seeded):
    index, _, _ = seeded
    count = index.chunk_count()
    other = Config.resolve(data_dir=index.config.data_dir, embed="openai", openai_base_url="http://127.0.0.1:9")
    started = time.monotonic()
    with pytest.raises(EmbeddingModelMismatch) as caught:
        PostingIndex(other)
    assert time.monotonic() - started < 5  # refused at open, before any embedding call
    message = str(caught.value)
    one_line(message)
    assert "local:all-MiniLM-L6-v2" in message and "openai:text-embedding-3-small" in message
    assert "ROLECHAT_COLLECTION" in message
    assert isinstance(caught.value, StoreError)
    # the collection is untouched and still opens with the right model
    assert PostingIndex(Config.resolve(data_dir=index.config.data_dir)).chunk_count() == count


def test_openai_config_opens_an_empty_directory_without_network(tmp_path):
    started = time.monotonic()
    index = PostingIndex(Config.resolve(data_dir=tmp_path / "data", embed="openai",
                                        openai_base_url="http://127.0.0.1:9"))
    assert time.monotonic() - started < 5
    assert index.chunk_count() == 0 and index.postings() == []


def test_unreachable_embedding_server_is_a_one_line_error(tmp_path):
    folder = copy_seeds(tmp_path / "postings")
    index = PostingIndex(Config.resolve(data_dir=tmp_path / "data", embed="openai",
                                        openai_base_url="http://127.0.0.1:9"))
    with pytest.raises(RolechatError) as caught:
        index.ingest([folder])
    one_line(str(caught.value))


# --- concurrency -----------------------------------------------------------------------------
def test_two_concurrent_ingests_in_threads(tmp_path):
    folder = copy_seeds(tmp_path / "postings")
    config = Config.resolve(data_dir=tmp_path / "data")
    indexes = [PostingIndex(config), PostingIndex(config)]
    results: dict[int, object] = {}

    def run(k: int) -> None:
        try:
            results[k] = indexes[k].ingest([folder])
        except Exception as exc:  # noqa: BLE001 - recorded and checked below
            results[k] = exc

    threads = [threading.Thread(target=run, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for r in results.values():
        assert not isinstance(r, Exception) or isinstance(r, IngestLocked), repr(r)
    reports = [r for r in results.values() if not isinstance(r, Exception)]
    assert reports
    # exactly one of them did the work; the other found everything in place (or was locked out)
    assert sum(len(r.added) for r in reports) == 2
    assert sum(r.chunks_written for r in reports) == PostingIndex(config).chunk_count()
    assert_consistent(PostingIndex(config), folder)


def test_opening_one_fresh_directory_from_two_threads(tmp_path):
    """chromadb's PersistentClient is not safe to create from two threads at once; store.py locks."""
    config = Config.resolve(data_dir=tmp_path / "data")
    errors = []

    def run() -> None:
        try:
            PostingIndex(config)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []


_CHILD = textwrap.dedent(
    """
    import sys
    from index import Config, IngestLocked, PostingIndex, make_embed_model
    index = PostingIndex(Config.resolve(data_dir=sys.argv[1]))
    make_embed_model(index.config)  # load the model first, so the two ingests really overlap
    print("READY", flush=True)
    sys.stdin.readline()
    try:
        report = index.ingest([sys.argv[2]])
        print("OK", len(report.added), report.chunks_written, flush=True)
    except IngestLocked as exc:
        print("LOCKED", exc, flush=True)
    """
)


def test_two_concurrent_ingests_in_processes(tmp_path):
    """This process and a child ingest the same folder into one data directory at the same moment."""
    folder = copy_seeds(tmp_path / "postings")
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROLECHAT_") and k != "CHROMA_HOST"}
    env["PYTHONPATH"] = str(ROOT)
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(data), str(folder)], cwd=ROOT, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready = child.stdout.readline()
        assert ready.strip() == "READY", child.stderr.read()[-2000:]
        index = PostingIndex(Config.resolve(data_dir=data))
        child.stdin.write("GO\n")
        child.stdin.flush()
        try:
            mine = index.ingest([folder])
        except IngestLocked:
            mine = None
        out, err = child.communicate(timeout=240)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err[-2000:]
    theirs = out.strip().splitlines()[-1]
    assert theirs.startswith(("OK", "LOCKED")), theirs
    assert mine is not None or theirs.startswith("OK")  # at least one of them got through
    added = (len(mine.added) if mine else 0) + (int(theirs.split()[1]) if theirs.startswith("OK") else 0)
    written = (mine.chunks_written if mine else 0) + (int(theirs.split()[2]) if theirs.startswith("OK") else 0)
    assert added == 2  # each posting added exactly once
    assert written == index.chunk_count()
    assert_consistent(index, folder)


def test_waits_for_a_running_ingest_then_gives_a_one_line_lock_error(tmp_path, monkeypatch):
    """Another process holding the lock: an ingest waits, and past the wait says so in one line."""
    folder = copy_seeds(tmp_path / "postings")
    index = PostingIndex(Config.resolve(data_dir=tmp_path / "data"))
    monkeypatch.setattr(ingest_module, "_LOCK_WAIT_SECONDS", 0.6)
    with open(index.config.data_dir / ".ingest.lock", "a+") as other:
        fcntl.flock(other, fcntl.LOCK_EX)  # a separate open file: as another process would hold it
        with pytest.raises(IngestLocked) as caught:
            index.ingest([folder])
        one_line(str(caught.value))
        assert str(index.config.data_dir) in str(caught.value)
        # released while the next ingest waits: it goes ahead
        monkeypatch.setattr(ingest_module, "_LOCK_WAIT_SECONDS", 30)
        threading.Timer(0.5, fcntl.flock, args=(other, fcntl.LOCK_UN)).start()
        report = index.ingest([folder])
    assert len(report.added) == 2
    assert_consistent(index, folder)


# --- a real `chroma run` server --------------------------------------------------------------
@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    with ChromaServer(tmp_path_factory.mktemp("chroma-server")) as server:
        yield server


def test_upsert_and_prune_against_a_chroma_server(chroma_server, tmp_path):
    folder = copy_seeds(tmp_path / "postings")
    config = Config.resolve(data_dir=tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server.port)
    index = PostingIndex(config)
    assert index.config.uses_chroma_server
    assert not (tmp_path / "data" / "chroma").exists()  # vectors live in the server, not locally

    report = index.ingest([folder])
    assert sorted(report.added) == [SEED_A, SEED_B] and report.chunks_written == index.chunk_count() > 0
    assert_consistent(index, folder)

    report = index.ingest([folder])
    assert report.chunks_written == 0 and len(report.unchanged) == 2

    untouched = chunks_of(index, SEED_A)
    path = folder / SEED_B
    path.write_text(path.read_text(encoding="utf-8").replace("13-week", "14-week"), encoding="utf-8")
    report = index.ingest([folder])
    assert report.updated == [SEED_B] and report.unchanged == [SEED_A]
    assert chunks_of(index, SEED_A) == untouched
    assert_consistent(index, folder)

    path.unlink()
    report = index.ingest([folder], prune=True)
    assert report.removed == [SEED_B]
    assert chunks_of(index, SEED_B) == {} and chunks_of(index, SEED_A) == untouched
    assert_consistent(index, folder)

    # a new client on the same server sees what was stored
    assert PostingIndex(config).chunk_count() == index.chunk_count()


def test_a_serving_hosts_stale_docstore_copy_still_serves_every_passage(chroma_server, tmp_path):
    """A Chroma server keeps llama-index's full records. A serving host reads passages from its
    copy of the docstore; a copy made before the last ingest must not hide the postings the
    server already has."""
    folder = copy_seeds(tmp_path / "postings")
    config = Config.resolve(data_dir=tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server.port,
                            collection="stale-copy")
    index = PostingIndex(config)
    index.ingest([folder])
    assert sorted(index.iter_passages()) == _passages_from_chroma(index)
    stale = index._docstore_path.read_bytes()
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "late_posting.md").write_text(
        "# Night Baker\n\nCrumb & Co · Leeds\n\n## Duties\n\nBake sourdough from 4am.\n", encoding="utf-8")
    assert index.ingest([extra]).added == ["late_posting.md"]
    index._docstore_path.write_bytes(stale)  # the copy on a host that missed the last ingest
    reopened = PostingIndex(config)
    passages = sorted(reopened.iter_passages())
    assert passages == _passages_from_chroma(reopened)
    assert any("sourdough" in text for _, text, _ in passages)


@pytest.mark.parametrize("where", ["local", "server"])
def test_more_chunks_than_chroma_takes_in_one_write_are_all_stored(where, tmp_path, request):
    """A pipeline batch can hold more chunks than Chroma accepts in one ``add`` (5,461 here: a
    10,000-posting ingest runs batches of 1,000 postings, about 7,400 chunks). Each store, lean
    records in a local directory and llama-index's full ones on a server, writes them all."""
    import random

    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

    from index.records import max_records_per_add

    server = {"chroma_host": "127.0.0.1", "chroma_port": request.getfixturevalue("chroma_server").port} if where == "server" else {}
    index = PostingIndex(Config.resolve(data_dir=tmp_path / "data", **server))
    limit = max_records_per_add(index.collection)
    assert 0 < limit < 50_000
    rng = random.Random(0)
    count = limit + 7
    nodes = [
        TextNode(
            id_=f"big.txt::{i}", text=f"chunk {i}", embedding=[rng.uniform(-1, 1) for _ in range(384)],
            metadata={POSTING_HASH_KEY: "h", "posting_id": "big.txt"},
            relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id="big.txt")},
        )
        for i in range(count)
    ]
    before = index.chunk_count()  # the module's server holds other tests' records
    index.vector_store().add(nodes)
    assert index.chunk_count() == before + count
    assert len(index.collection.get(where={POSTING_ID_KEY: "big.txt"}, include=[])["ids"]) == count
    index.collection.delete(where={POSTING_ID_KEY: "big.txt"})  # leave the shared server as found


def test_unreachable_chroma_server_is_a_one_line_store_error(tmp_path):
    config = Config.resolve(data_dir=tmp_path / "data", chroma_host="127.0.0.1", chroma_port=free_port())
    started = time.monotonic()
    with pytest.raises(StoreError) as caught:
        PostingIndex(config)
    assert time.monotonic() - started < 30
    message = str(caught.value)
    one_line(message)
    assert f"127.0.0.1:{config.chroma_port}" in message and "chroma run" in message


def test_query_embeddings_run_in_onnx_and_match_the_stored_model():
    """Questions are embedded by the same weights exported to ONNX Runtime (faster for one short
    text); their vectors must be the model's own, or retrieval would drift from what was stored."""
    import numpy as np

    from index import make_embed_model

    model = make_embed_model(Config.resolve(embed="local"))
    for question in ("What is the salary range for the principal role?", "ok", "Überstunden? " * 400):
        fast = np.asarray(model.get_query_embedding(question))
        reference = model._model.encode([question], normalize_embeddings=True)[0]
        assert np.abs(fast - reference).max() < 1e-5
    assert model._onnx is not None, "the ONNX session was not built; queries fell back to PyTorch"


def test_bf16_passages_are_the_same_model_as_fp32_for_retrieval():
    """Passage batches may run in bf16 (twice as fast where the CPU has AMX) while questions and
    the collection's model id stay fp32. That holds only if every vector is the fp32 one to within
    rounding and a question finds the same passages in the same order."""
    import numpy as np

    from index import make_embed_model

    fp32 = make_embed_model(Config.resolve(embed="local", embed_precision="fp32"))
    bf16 = make_embed_model(Config.resolve(embed="local", embed_precision="bf16"))
    passages = [
        "Data Engineer\nRequirements\n\n- 5+ years of Python and SQL\n- Airflow",
        "Data Engineer\nCompensation\n\nSalary: $120,000 – $150,000 per year",
        "Store Manager\nLocation\n\nBerlin, hybrid (2 days in the office)",
        "Nurse\nBenefits\n\nPaid parental leave; 30 days of holiday",
        "Работа в Москве, зарплата 150 000 ₽",
        "x",
        "word " * 400,  # cut at the model's 256 pieces
    ]
    want = np.asarray(fp32.get_text_embedding_batch(passages))
    got = np.asarray(bf16.get_text_embedding_batch(passages))
    import torch

    assert next(bf16._passage_model().parameters()).dtype == torch.bfloat16
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert (want * got).sum(axis=1).min() > 0.999
    for question in ("What does the data engineer role pay?", "Where is the store?", "How much holiday?"):
        q = np.asarray(fp32.get_query_embedding(question))
        assert list(np.argsort(-(want @ q))[:3]) == list(np.argsort(-(got @ q))[:3])


def test_an_unknown_embedding_precision_is_a_one_line_config_error(monkeypatch):
    from index import ConfigError

    monkeypatch.setenv("ROLECHAT_EMBED_PRECISION", "fp8")
    with pytest.raises(ConfigError) as caught:
        Config.resolve()
    one_line(str(caught.value))
    assert "ROLECHAT_EMBED_PRECISION='fp8'" in str(caught.value) and "bf16" in str(caught.value)


def test_parallel_passage_encoding_keeps_order_and_leaves_thread_counts_alone():
    """Passages are split across model copies, one per core: the vectors must come back in the
    texts' order, and the calling thread (and threads started later, such as a page's request
    handlers) keep the PyTorch thread count they had."""
    import threading

    import numpy as np
    import torch

    from index import make_embed_model
    from index.embeddings import encode_workers

    model = make_embed_model(Config.resolve(embed="local", embed_precision="fp32"))
    texts = [f"posting {i}: {' '.join(['python'] * (i % 7))} salary {i * 1000}" for i in range(40)]
    before = torch.get_num_threads()
    vectors = np.asarray(model.get_text_embedding_batch(texts))
    assert torch.get_num_threads() == before
    seen = []
    thread = threading.Thread(target=lambda: seen.append(torch.get_num_threads()))
    thread.start()
    thread.join()
    assert seen == [before]
    reference = model._model.encode(texts, normalize_embeddings=True)
    assert np.abs(vectors - reference).max() < 1e-4
    assert len(model._encoders) == encode_workers()[0]


@pytest.mark.parametrize("path", ["traced", "encode"])
def test_a_model_copy_that_fails_stops_the_call_and_the_next_call_works(monkeypatch, path):
    """The fault is injected (one copy raises, which real text does not make it do), on the traced
    copies and on copies left to sentence-transformers' ``encode`` (where tracing fails): the call
    raises that error without the other copy encoding the rest of the call's batches first, and
    the next call is answered, with the vectors of the fp32 model."""
    import numpy as np

    from index import make_embed_model

    model = make_embed_model(Config.resolve(embed="local", embed_precision="fp32"))
    texts = [f"posting {i}: {' '.join(['python'] * (i % 7))} salary {i * 1000}" for i in range(256)]
    model.get_text_embedding_batch(texts[:2])  # the copies exist
    forwards = model._forwards  # changed in place: pytest's monkeypatch loses pydantic's private attributes
    traced = list(forwards)
    assert all(f is not None for f in traced), "the model copies were not traced"

    def fail(*args, **kwargs):
        raise RuntimeError("copy failed")

    encoded = []
    try:
        with monkeypatch.context() as m:
            if path == "traced":
                forwards[:] = [lambda *a: encoded.append(len(a[0])) or traced[0](*a)] + [fail] * (len(traced) - 1)
            else:
                forwards[:] = [None] * len(traced)
                # without a trace each worker has its own copy (traced, they share one)
                model._encoders[1:] = [copy.deepcopy(model._encoders[0]) for _ in model._encoders[1:]]
                good = model._encoders[0]
                m.setattr(good, "encode", lambda batch, **k: encoded.append(len(batch)) or type(good).encode(good, batch, **k))
                for broken in model._encoders[1:]:
                    m.setattr(broken, "encode", fail)
            with pytest.raises(RuntimeError, match="copy failed"):
                model.get_text_embedding_batch(texts)
        forwards[:] = traced if path == "traced" else [None] * len(traced)
        assert len(encoded) <= 2, encoded  # of the call's 8 batches
        vectors = np.asarray(model.get_text_embedding_batch(texts))
    finally:
        forwards[:] = traced
    assert np.abs(vectors - model._model.encode(texts, normalize_embeddings=True)).max() < 1e-4
