"""Reliability under load and faults: a SIGKILLed ingest, interrupted writes, two ingests at once
on one data directory, and 20 conversations at once through the served page.

The crash tests run the real command line (``python -m assistant.cli ingest``) over 300
generated postings and kill it part-way, twice: once from outside at a moment measured from the
docstore's progress, once from inside at the worst moment (Chroma already holds a batch's chunks,
the docstore does not know them yet). The rerun must leave exactly what a clean ingest of the same
files leaves: every posting once, the same chunk ids, the docstore's postings equal to Chroma's
``document_id``s, and every chunk reachable through the vector index.

Smaller interruption scenarios (a killed prune, chunks of a killed run whose files are gone, a
killed update, a failed embedding call) run in-process, with the "kill" raised as a
``BaseException`` at the exact point and the ``PostingIndex`` then thrown away.
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from index import Config, PostingIndex, chunk_posting, load_posting, parse_sections
from index.records import POSTING_HASH_KEY, POSTING_ID_KEY

ROOT = Path(__file__).resolve().parents[1]
DOCSTORE = "docstore-rolechat.json"
N_POSTINGS = 300
PROC_TIMEOUT = 420

# -- a tiny generator of realistic postings ------------------------------------------------------
_LEVELS = ("Junior ", "", "", "Senior ", "Senior ", "Staff ", "Lead ", "Principal ")
_ROLES = (
    "Data Scientist", "Backend Engineer", "Product Designer", "Registered Nurse", "Account Executive",
    "Warehouse Associate", "DevOps Engineer", "Technical Writer", "Data Analyst", "Security Engineer",
    "Frontend Engineer", "Machine Learning Engineer", "Customer Success Manager", "Payroll Specialist",
    "Site Reliability Engineer", "Product Manager",
)
_COMPANIES = (
    "Acorn", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Indigo", "Juniper",
    "Kelvin", "Lumen", "Meridian", "Nimbus", "Onyx", "Prism", "Quartz", "Redwood", "Sable", "Tandem",
)
_TAILS = ("Labs", "Health", "Logistics", "Software", "Pay", "Energy", "Robotics", "Media", "Foods")
_CITIES = ("London", "Berlin", "Austin, TX", "Toronto", "Lisbon", "Seattle, WA", "Dublin", "Remote (US)")
_TOPICS = ("billing", "search", "onboarding", "inventory", "patient care", "reporting", "payments",
           "logistics", "analytics", "security", "growth", "scheduling")
_DUTIES = (
    "design and ship {x} features end to end", "work with the {x} team on quarterly goals",
    "own the {x} roadmap and measure its outcomes", "mentor colleagues and review {x} work",
    "improve the reliability of our {x} systems", "write clear documentation for {x} processes",
    "talk to customers about their {x} needs", "analyse {x} data and report what you find",
)
_SKILLS = ("Python", "SQL", "Go", "Kubernetes", "Figma", "Excel", "customer empathy", "clear writing",
           "statistics", "TypeScript", "incident response", "negotiation")
_BENEFITS = ("private health insurance", "a yearly learning budget", "25 days of paid holiday",
             "a pension plan", "paid parental leave", "a home office stipend", "flexible hours",
             "an annual bonus", "a commuter allowance")
_SECTION_NAMES = {
    "duties": ("What you'll do", "Responsibilities", "Your role"),
    "skills": ("Requirements", "What we're looking for", "Qualifications"),
    "benefits": ("Benefits", "What we offer", "Perks"),
    "team": ("About the team", "The team"),
}


def make_posting(i: int, rng: random.Random) -> tuple[str, str]:
    """(file name, content) of one posting, as .txt, .md or .html, ~150-300 words."""
    title = f"{rng.choice(_LEVELS)}{rng.choice(_ROLES)}"
    company = f"{rng.choice(_COMPANIES)} {rng.choice(_TAILS)}"
    city = rng.choice(_CITIES)
    low = rng.randrange(40, 200) * 1000
    sections: list[tuple[str, list[str]]] = []
    keys = ["duties", "skills", "benefits"] + (["team"] if rng.random() < 0.6 else [])
    rng.shuffle(keys)
    for key in keys:
        head = rng.choice(_SECTION_NAMES[key])
        if key == "duties":
            body = [f"You will {d.format(x=rng.choice(_TOPICS))}." for d in rng.sample(_DUTIES, rng.randrange(3, 7))]
        elif key == "skills":
            body = [f"{rng.randrange(1, 9)}+ years of experience with {s} in a {rng.choice(_TOPICS)} setting."
                    for s in rng.sample(_SKILLS, rng.randrange(3, 6))]
        elif key == "benefits":
            body = ["We offer " + ", ".join(rng.sample(_BENEFITS, rng.randrange(3, 6))) + "."]
        else:
            body = [f"The team of {rng.randrange(4, 40)} people looks after {rng.choice(_TOPICS)} and "
                    f"{rng.choice(_TOPICS)} for customers in {rng.randrange(3, 60)} countries, and meets in "
                    f"{city.split(',')[0]} once a quarter."]
        sections.append((head, body))
    sections.append(("Salary", [f"The salary range for this role is ${low:,} - ${low + rng.randrange(10, 60) * 1000:,} per year."]))
    intro = (f"{company} is a {rng.choice(_TOPICS)} company founded in {rng.randrange(1990, 2023)} with "
             f"{rng.randrange(20, 5000)} employees. We are hiring a {title} to join us in {city}. "
             f"Requisition R{100000 + i}.")
    kind = ("txt", "txt", "txt", "txt", "md", "html")[i % 6]
    if kind == "md":
        lines = [f"# {title}", f"**{company}** · {city}", "", intro]
        for head, body in sections:
            lines += ["", f"## {head}", *[f"- {b}" for b in body]]
        return f"gen_{i:03d}.md", "\n".join(lines) + "\n"
    if kind == "html":
        parts = [f"<html><head><title>{html.escape(title)}</title></head><body>",
                 '<nav class="menu">Jobs · Sign in</nav><main>',
                 f"<h1>{html.escape(title)}</h1><p>{html.escape(company)} · {html.escape(city)}</p>",
                 f"<p>{html.escape(intro)}</p>"]
        for head, body in sections:
            parts.append(f"<h2>{html.escape(head)}</h2><ul>" + "".join(f"<li>{html.escape(b)}</li>" for b in body) + "</ul>")
        parts.append("</main><footer>© Jobs board</footer></body></html>")
        return f"gen_{i:03d}.html", "\n".join(parts) + "\n"
    lines = [title, company, city, rng.choice(("Full time", "Part time", "Contract")), "", intro]
    for head, body in sections:
        lines += ["", head, *[f"- {b}" if len(body) > 1 else b for b in body]]
    return f"gen_{i:03d}.txt", "\n".join(lines) + "\n"


def generate(dest: Path, n: int, seed: int = 7, start: int = 0) -> list[Path]:
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        name, text = make_posting(i, rng)
        (dest / name).write_text(text, encoding="utf-8")
        paths.append(dest / name)
    return paths


def test_generator_makes_distinct_realistic_postings(tmp_path):
    paths = generate(tmp_path, 60)
    texts = [p.read_text() for p in paths]
    assert len(set(texts)) == 60
    words = [len(load_posting(p).text.split()) for p in paths]
    assert 120 <= min(words) and max(words) <= 320, words
    assert {p.suffix for p in paths} == {".txt", ".md", ".html"}


# -- looking inside a data directory -------------------------------------------------------------
def expected_chunk_ids(folder: Path, chunk_tokens: int = 200) -> set[str]:
    """The chunk ids a clean ingest of ``folder`` must produce (no embedding needed)."""
    ids = set()
    for path in sorted(folder.iterdir()):
        text = load_posting(path).text
        ids |= {f"{path.name}::{c.index}" for c in chunk_posting(text, parse_sections(text), chunk_tokens)}
    return ids


def inspect_index(data: Path) -> dict:
    """What a data directory holds, read from the files the ingest left (docstore, Chroma)."""
    index = PostingIndex(Config.resolve(data_dir=data))
    docstore = set(index.docstore.get_all_document_hashes().values())
    stored_hash = {doc_id: h for h, doc_id in index.docstore.get_all_document_hashes().items()}
    ids, doc_ids = [], set()
    for cid, _, meta in index.iter_chunks():
        ids.append(cid)
        doc_ids.add(meta[POSTING_ID_KEY])
        assert meta[POSTING_ID_KEY] == cid.split("::")[0], (cid, meta)
        # cut from the version the docstore has: not a newer one whose save a kill prevented
        assert meta[POSTING_HASH_KEY] == stored_hash.get(meta[POSTING_ID_KEY]), (cid, meta)
    texts = {cid: text for cid, text, _ in index.iter_passages()}  # what the online side reads
    assert set(texts) == set(ids)
    count = index.collection.count()
    # Every chunk must also be reachable through the vector index, not only stored.
    reachable: set[str] = set()
    if count:
        probe = index.collection.get(ids=[ids[0]], include=["embeddings"])["embeddings"][0]
        got = index.collection.query(query_embeddings=[list(probe)], n_results=count, include=[])
        reachable = set(got["ids"][0])
    return {"docstore": docstore, "ids": ids, "texts": texts, "document_ids": doc_ids, "count": count,
            "reachable": reachable}


def assert_clean(state: dict, folder: Path, wanted_ids: set[str]) -> None:
    names = {p.name for p in folder.iterdir()}
    assert len(state["ids"]) == len(set(state["ids"])), "duplicate chunk ids"
    assert state["docstore"] == names, (sorted(names - state["docstore"])[:5], sorted(state["docstore"] - names)[:5])
    assert state["document_ids"] == state["docstore"]
    assert set(state["ids"]) == wanted_ids, (sorted(wanted_ids - set(state["ids"]))[:5],
                                             sorted(set(state["ids"]) - wanted_ids)[:5])
    assert state["count"] == len(wanted_ids)
    assert state["reachable"] == wanted_ids, f"{len(wanted_ids - state['reachable'])} chunks not in the vector index"


# -- subprocesses --------------------------------------------------------------------------------
def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ROLECHAT_", "OPENAI_", "CHROMA_"))}
    env["PYTHONPATH"] = str(ROOT)
    return env


# Runs the CLI; with RC_KILL_AT_POSTINGS=N it SIGKILLs itself when it is about to save a docstore
# holding N or more postings: Chroma then holds that batch's chunks and the saved docstore does not.
_CLI_WITH_FAULT = textwrap.dedent(
    """
    import os, signal, sys
    kill_at = int(os.environ.get("RC_KILL_AT_POSTINGS", "0"))
    if kill_at:
        import index.ingest as ingest
        original = ingest.PostingIndex._persist_docstore
        def persist(self):
            if len(self.docstore.get_all_document_hashes()) >= kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return original(self)
        ingest.PostingIndex._persist_docstore = persist
    from assistant.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def start_ingest(folder: Path, data: Path, kill_at_postings: int = 0) -> subprocess.Popen:
    env = _env()
    if kill_at_postings:
        env["RC_KILL_AT_POSTINGS"] = str(kill_at_postings)
    return subprocess.Popen(
        [sys.executable, "-c", _CLI_WITH_FAULT, "ingest", str(folder), "--data-dir", str(data), "--json"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=PROC_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # it is gone, but something it started still holds its pipes
            pytest.fail(f"ingest did not finish in {PROC_TIMEOUT}s, and a process it left behind holds its output")
        pytest.fail(f"ingest did not finish in {PROC_TIMEOUT}s: {err[-2000:]}")
    return proc.returncode, out, err


def report_of(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def stored_postings(data: Path) -> int:
    """Postings in the docstore file right now (0 if there is none yet)."""
    try:
        raw = json.loads((data / DOCSTORE).read_text())
    except (OSError, ValueError):
        return 0
    return len(raw.get("docstore/metadata", {}))


def saved_ids(data: Path) -> set[str]:
    """Posting ids in the saved docstore file, read as they are (no repair)."""
    return set(json.loads((data / DOCSTORE).read_text()).get("docstore/metadata", {}))


def raw_collection(data: Path):
    """The data directory's collection straight from chromadb (``PostingIndex`` would repair)."""
    import chromadb

    client = chromadb.PersistentClient(path=str(data / "chroma"), settings=chromadb.Settings(anonymized_telemetry=False))
    return client.get_collection("rolechat")


def raw_document_ids(data: Path) -> set[str]:
    """Chroma's distinct document ids."""
    got = raw_collection(data).get(include=["metadatas"])
    return {m[POSTING_ID_KEY] for m in got["metadatas"]}


@pytest.fixture(scope="module")
def folder300(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("postings300")
    generate(folder, N_POSTINGS)
    return folder


@pytest.fixture(scope="module")
def wanted300(folder300) -> set[str]:
    return expected_chunk_ids(folder300)


class TwoAtOnce:
    """Two ``rolechat ingest`` processes started at the same moment on one data directory. They run
    in the background while the crash test runs (its clean reference is their result)."""

    def __init__(self, folder: Path, data: Path):
        self.data = data
        self.procs = [start_ingest(folder, data) for _ in range(2)]
        self._results: list[tuple[int, str, str]] | None = None

    def results(self) -> list[tuple[int, str, str]]:
        if self._results is None:
            self._results = [finish(p) for p in self.procs]
        return self._results


@pytest.fixture(scope="module")
def two_at_once(folder300, tmp_path_factory):
    pair = TwoAtOnce(folder300, tmp_path_factory.mktemp("two-at-once") / "data")
    yield pair
    for proc in pair.procs:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_sigkilled_ingest_reruns_to_what_a_clean_ingest_gives(folder300, wanted300, two_at_once, tmp_path):
    data = tmp_path / "data"
    # 1. killed from outside, mid-batch: once the first batch is saved, wait a little, SIGKILL.
    t0 = time.monotonic()
    proc = start_ingest(folder300, data)
    while not (data / DOCSTORE).exists():
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        assert time.monotonic() - t0 < PROC_TIMEOUT, "no progress"
        time.sleep(0.05)
    first_batch = time.monotonic() - t0
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    code, _, _ = finish(proc)
    assert code == -signal.SIGKILL
    saved_after_first_kill = stored_postings(data)
    assert 0 < saved_after_first_kill < N_POSTINGS

    # 2. killed from inside at the worst moment: two batches further on, that batch's chunks are
    #    in Chroma and its docstore save is not.
    target = saved_after_first_kill + 64
    code, out, err = finish(start_ingest(folder300, data, kill_at_postings=target))
    assert code == -signal.SIGKILL, err[-3000:]
    saved_after_second_kill = stored_postings(data)
    assert saved_after_first_kill < saved_after_second_kill < target
    ahead = raw_document_ids(data) - saved_ids(data)
    assert ahead, "the kill should leave chunks the docstore does not know"

    # 3. the rerun completes and repairs
    code, out, err = finish(start_ingest(folder300, data))
    assert code == 0, err[-3000:]
    report = report_of(out)
    assert len(report["added"]) == N_POSTINGS - saved_after_second_kill
    assert len(report["unchanged"]) == saved_after_second_kill
    state = inspect_index(data)
    assert_clean(state, folder300, wanted300)
    # ... and it equals a clean ingest of the same files into another data directory.
    assert all(code in (0, 2) for code, _, _ in two_at_once.results())
    clean = inspect_index(two_at_once.data)
    assert state["count"] == clean["count"]
    assert set(state["ids"]) == set(clean["ids"])
    assert state["texts"] == clean["texts"]
    print(f"\nkills after {saved_after_first_kill} and {saved_after_second_kill} of {N_POSTINGS} postings "
          f"(first batch saved after {first_batch:.1f}s)")


def test_two_ingests_at_once_on_one_data_directory(two_at_once, folder300, wanted300):
    data, results = two_at_once.data, two_at_once.results()
    done = []
    for code, out, err in results:
        if code == 0:
            done.append(report_of(out))
        else:
            # The loser of the lock waited, then gave up with the one-line IngestLocked message.
            assert code == 2, err[-3000:]
            # (stderr also carries the model loader's progress bar, "Loading weights: ...%|...")
            lines = [line for line in err.splitlines() if line.strip() and "%|" not in line]
            assert len(lines) == 1 and lines[0].startswith("rolechat: error: another ingest is writing to"), err
            assert str(data) in lines[0] and err.rstrip().endswith(lines[0]) and out.strip() == ""
    assert done, "neither ingest finished"
    assert sum(len(r["added"]) for r in done) == N_POSTINGS  # each posting added exactly once
    state = inspect_index(data)
    assert sum(r["chunks_written"] for r in done) == state["count"]
    assert_clean(state, folder300, wanted300)
    print(f"\ntwo ingests at once: exit codes {[r[0] for r in results]}")


# -- interruptions at exact points, in-process ---------------------------------------------------
class Crash(BaseException):
    """Stands in for SIGKILL: nothing after the raise point runs, no handler catches it."""


def crash_after(monkeypatch, owner, name: str, after: int = 1, before: bool = False):
    """Make ``owner.name`` raise ``Crash`` on its ``after``-th call (before or after the real call)."""
    original = getattr(owner, name)
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        if before and calls[0] == after:
            raise Crash(name)
        result = original(*args, **kwargs)
        if not before and calls[0] == after:
            raise Crash(name)
        return result

    monkeypatch.setattr(owner, name, wrapper)


def fresh_index(data: Path) -> PostingIndex:
    return PostingIndex(Config.resolve(data_dir=data))


@pytest.fixture
def small(tmp_path):
    folder = tmp_path / "postings"
    generate(folder, 40, seed=11)
    data = tmp_path / "data"
    fresh_index(data).ingest([folder])
    return folder, data


def test_a_killed_prune_is_completed_by_the_next_ingest(small, monkeypatch):
    folder, data = small
    gone = sorted(folder.iterdir())[:5]
    for p in gone:
        p.unlink()
    with monkeypatch.context() as m:
        crash_after(m, PostingIndex, "_delete", after=1)  # the first posting's chunks are deleted, then "SIGKILL"
        with pytest.raises(Crash):
            fresh_index(data).ingest([folder], prune=True)
    fresh_index(data).ingest([folder])  # no --prune this time
    assert_clean(inspect_index(data), folder, expected_chunk_ids(folder))


def test_chunks_of_a_killed_run_go_even_when_their_files_are_gone(small, monkeypatch):
    folder, data = small
    extra = generate(folder, 40, seed=12, start=500)  # new postings (the 40 stored ones are skipped unread)
    with monkeypatch.context() as m:
        crash_after(m, PostingIndex, "_persist_docstore", after=1, before=True)  # 1st batch in Chroma, not saved
        with pytest.raises(Crash):
            fresh_index(data).ingest([folder])
    for p in extra:  # the user deletes them before running ingest again
        p.unlink()
    report = fresh_index(data).ingest([folder])
    assert report.added == [] and len(report.unchanged) == 40
    assert_clean(inspect_index(data), folder, expected_chunk_ids(folder))


def raw_vectors(data: Path, posting_ids: list[str]) -> dict[str, np.ndarray]:
    """{chunk id: vector} of these postings, straight from chromadb."""
    got = raw_collection(data).get(where={POSTING_ID_KEY: {"$in": posting_ids}}, include=["embeddings"])
    return dict(zip(got["ids"], np.asarray(got["embeddings"])))


def test_an_update_killed_once_its_chunks_are_in_chroma_is_rolled_back(small, monkeypatch):
    """The new version's chunks reached Chroma, under the same ids as the stored version's, and
    the docstore was not saved: opening the directory puts back the stored version's vectors, so
    no vector stands for text the docstore does not have."""
    folder, data = small
    edited = sorted(folder.glob("*.txt"))[:3]
    names = [p.name for p in edited]
    stored = raw_vectors(data, names)
    all_ids = set(inspect_index(data)["ids"])
    for p in edited:
        p.write_text(p.read_text().replace("The salary range", "The new salary range"))
    with monkeypatch.context() as m:
        crash_after(m, PostingIndex, "_persist_docstore", after=1, before=True)  # in Chroma, not saved
        with pytest.raises(Crash):
            fresh_index(data).ingest(edited)
    ahead = raw_vectors(data, names)
    assert set(ahead) == set(stored)  # same chunk ids: only the versions tell them apart
    assert any(ahead[c] @ stored[c] < 0.999 for c in stored)  # unit vectors: the cosine
    state = inspect_index(data)  # opens the directory, which settles the journal
    assert_clean(state, folder, all_ids)
    repaired = raw_vectors(data, names)
    assert all(repaired[c] @ stored[c] > 0.9999 for c in stored)  # bf16 batches differ by < 1e-4


def test_a_killed_update_keeps_the_stored_version_until_the_file_is_ingested_again(small, monkeypatch, tmp_path):
    from index.ingest import PostingChunker

    folder, data = small
    edited = sorted(folder.glob("*.txt"))[:3]
    before = {p.name: p.read_text() for p in edited}
    for p in edited:
        p.write_text(p.read_text().replace("The salary range", "The new salary range"))
    with monkeypatch.context() as m:
        # the pipeline has deleted the old chunks of the changed postings, then "SIGKILL" before the new ones
        crash_after(m, PostingChunker, "__call__", after=1, before=True)
        with pytest.raises(Crash):
            fresh_index(data).ingest(edited)
    # The next ingest is about other files; the interrupted update must not leave postings without chunks.
    other = tmp_path / "other"
    generate(other, 2, seed=13, start=900)
    fresh_index(data).ingest([other])
    state = inspect_index(data)
    assert state["document_ids"] == state["docstore"] == {p.name for p in folder.iterdir()} | {p.name for p in other.iterdir()}
    for name in before:  # the stored (old) version, whole
        chunks = [t for cid, t in state["texts"].items() if cid.startswith(name + "::")]
        assert chunks and not any("The new salary range" in t for t in chunks)
    report = fresh_index(data).ingest([folder])
    assert sorted(report.updated) == sorted(before)
    state = inspect_index(data)
    for name in before:
        assert any("The new salary range" in t for cid, t in state["texts"].items() if cid.startswith(name + "::"))


def test_a_failed_embedding_call_leaves_no_half_written_postings(small, monkeypatch):
    from index import embeddings

    folder, data = small
    index = fresh_index(data)
    edited = sorted(folder.glob("*.md"))[0]
    edited.write_text(edited.read_text() + "\n## Travel\n- Up to 10% travel to customer sites.\n")
    new = generate(folder, 1, seed=14, start=700)[0]

    def broken(*args, **kwargs):
        raise ConnectionError("embedding server went away")

    model = embeddings.make_embed_model(index.config)
    model = getattr(model, "embed_model", model)  # the backend under any wrapper
    with monkeypatch.context() as m:
        m.setattr(type(model), "_get_text_embeddings", broken)
        with pytest.raises(Exception):
            index.ingest([folder])
    # The same object goes on: what it lists and what it persists next must match Chroma.
    listed = {p.posting_id for p in index.postings()}
    assert new.name not in listed and edited.name in listed
    victim = sorted(folder.glob("*.txt"))[-1]
    victim.unlink()
    assert index.remove([victim.name]) == [victim.name]
    state = inspect_index(data)
    assert state["document_ids"] == state["docstore"] == {p.name for p in folder.iterdir()} - {new.name}
    index.ingest([folder])
    assert_clean(inspect_index(data), folder, expected_chunk_ids(folder))


def test_a_long_running_reader_sees_what_another_process_ingested(tmp_path):
    """README: ``Assistant.refresh()`` rebuilds the view after another process ingested, as a
    served page does after ``rolechat ingest`` in another terminal: the postings (docstore) and the
    chunks' vectors (Chroma's in-memory index of this process) both."""
    from assistant import Assistant

    first, second = tmp_path / "first", tmp_path / "second"
    generate(first, 3, seed=15)
    generate(second, 3, seed=16, start=800)
    data = tmp_path / "data"
    bot = Assistant(data_dir=data, llm="extractive", embed="local")
    bot.ingest([first])
    assert bot.retrieve("What is the salary range?")  # the vector index is loaded and in use
    code, out, err = finish(start_ingest(second, data))
    assert code == 0, err[-3000:]
    bot.refresh()
    names = {p.name for p in first.iterdir()} | {p.name for p in second.iterdir()}
    assert {p.posting_id for p in bot.postings()} == names
    assert bot.index.posting_text(sorted(p.name for p in second.iterdir())[0])
    collection = bot.index.collection
    probe = collection.get(limit=1, include=["embeddings"])["embeddings"][0]
    found = collection.query(query_embeddings=[list(probe)], n_results=collection.count(), include=["metadatas"])
    assert {m[POSTING_ID_KEY] for m in found["metadatas"][0]} == names  # dense retrieval reaches every chunk


def test_a_frozen_server_answers_what_it_ingests_and_frees_the_view_it_replaced(tmp_path):
    """``rolechat serve`` freezes what it has loaded (``gc.freeze``), so that Python's full
    collections no longer walk it; an upload there must still be answered and the replaced view
    freed, not kept frozen."""
    import gc
    import weakref

    from assistant import Assistant

    first, second = tmp_path / "first", tmp_path / "second"
    generate(first, 3, seed=17)
    generate(second, 3, seed=18, start=800)
    bot = Assistant(data_dir=tmp_path / "data", llm="extractive", embed="local")
    bot.ingest([first])
    replaced = weakref.ref(bot.postings()[0])
    gc.freeze()
    try:
        bot.ingest([second])
        assert gc.get_freeze_count() > 0  # still frozen: the new view with the rest
        assert {p.posting_id for p in bot.postings()} == {p.name for p in first.iterdir()} | {p.name for p in second.iterdir()}
        new = sorted(second.iterdir())[0].name
        title = next(p.title for p in bot.postings() if p.posting_id == new)
        assert new in {c.source for c in bot.ask(f"Where is the {title} role?").citations}
        assert replaced() is None
    finally:
        gc.unfreeze()


# -- 20 conversations at once through the served page --------------------------------------------
def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _cited(sources_html: str) -> list[str]:
    return [html.unescape(s) for s in re.findall(r'data-source="([^"]*)"', sources_html)]


def _text(message: dict) -> str:
    content = message["content"]
    return content if isinstance(content, str) else "".join(p.get("text", "") for p in content if isinstance(p, dict))


def _conversations(bot, n: int = 20) -> list[tuple[str, str, str]]:
    """(posting id, first question, follow-up) for ``n`` postings, each named by title and company."""
    out = []
    for p in sorted(bot.postings(), key=lambda p: p.posting_id):
        if not p.title or not (p.duration or p.salary or p.locations):
            continue
        name = f"the {p.title} role" + (f" at {p.company}" if p.company else "")
        follow = ("How long does it last?" if p.duration else
                  "What does it pay?" if p.salary else "Where is it?")
        out.append((p.posting_id, f"Tell me about {name}.", follow))
    assert len(out) >= n, len(out)
    return out[:n]


def test_twenty_conversations_at_once(corpus_bot):
    from gradio_client import Client

    from assistant import ui
    from support.servers import free_port

    conversations = _conversations(corpus_bot)
    port = free_port()
    demo = ui.start(corpus_bot, port=port)
    url = f"http://127.0.0.1:{port}/"
    results: dict[int, dict] = {}
    barrier = threading.Barrier(len(conversations))

    def converse(k: int, posting: str, first: str, follow: str) -> None:
        record: dict = {"posting": posting, "latency": [], "turns": []}
        results[k] = record
        try:
            client = Client(url, verbose=False)
            barrier.wait(timeout=120)
            t_all = time.perf_counter()
            for question in (first, follow):
                t0 = time.perf_counter()
                chat, sources, notice, box = client.predict(question, api_name="/ask")
                record["latency"].append(time.perf_counter() - t0)
                record["turns"].append((question, chat, sources, notice))
            record["total"] = time.perf_counter() - t_all
        except Exception as exc:  # noqa: BLE001 - reported below
            record["error"] = repr(exc)

    threads = [threading.Thread(target=converse, args=(k, *c)) for k, c in enumerate(conversations)]
    t0 = time.perf_counter()
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
    finally:
        demo.close()
    wall = time.perf_counter() - t0
    assert len(results) == len(conversations)
    errors = {r["posting"]: r["error"] for r in results.values() if "error" in r}
    assert not errors, errors
    for r in results.values():
        (q1, chat1, sources1, notice1), (q2, chat2, sources2, notice2) = r["turns"]
        assert notice1 == "" and notice2 == "", (r["posting"], notice1, notice2)
        assert [m["role"] for m in chat2] == ["user", "assistant"] * 2, (r["posting"], chat2)
        assert _text(chat2[0]).startswith("Tell me about")  # its own conversation, not another's
        assert _text(chat2[1]).strip() and _text(chat2[3]).strip()
        assert r["posting"] in _cited(sources1), (q1, _cited(sources1), _text(chat1[-1]))
        assert set(_cited(sources2)) == {r["posting"]}, (r["posting"], q2, _cited(sources2), _text(chat2[-1]))
    rows = [("first question", [r["latency"][0] for r in results.values()]),
            ("follow-up", [r["latency"][1] for r in results.values()]),
            ("whole conversation", [r["total"] for r in results.values()])]
    print(f"\n{len(conversations)} conversations at once ({wall:.1f}s wall)")
    print(f"{'request':<20} {'n':>3} {'p50 s':>7} {'p95 s':>7} {'max s':>7}")
    for name, values in rows:
        print(f"{name:<20} {len(values):>3} {statistics.median(values):>7.2f} {_percentile(values, 0.95):>7.2f} {max(values):>7.2f}")


# -- the online side against a real `chroma run` -----------------------------------------------
def _answered(bot, question: str) -> tuple[str, list[tuple[str, str]]]:
    answer = bot.ask(question)
    return answer.text, [(c.source, c.section) for c in answer.citations]


def test_a_chroma_server_answers_as_the_local_store_and_outlives_a_restart(corpus_bot, corpus_dir, tmp_path):
    """Served from a Chroma server, the same questions get the same answers and citations as from
    the local store. A server that stops mid-session is a one-line ``StoreError`` (not an HTTP
    client's traceback), and once it is back the same assistant answers again: neither the
    failed search nor the failed background fetch of the named posting's vectors is remembered."""
    from assistant import Assistant
    from index import StoreError
    from support.servers import ChromaServer

    questions = [first for _, first, _ in _conversations(corpus_bot)[:6]]
    questions += ["Which roles can be done remotely?", "What do the postings say about visa sponsorship?"]
    expected = {q: _answered(corpus_bot, q) for q in questions}
    with ChromaServer(tmp_path / "chroma") as server:
        bot = Assistant(data_dir=tmp_path / "served", llm="extractive", embed="local",
                        chroma_host=server.host, chroma_port=server.port)
        assert not bot.ingest([corpus_dir]).skipped
        for q in questions:
            assert _answered(bot, q) == expected[q], q
        fresh = Assistant(data_dir=tmp_path / "served", llm="extractive", embed="local",
                          chroma_host=server.host, chroma_port=server.port)
        fresh.warm_up()  # a new process would hold no cached vectors: a posting never asked about yet
        server.stop()
        for q in questions[:2]:
            with pytest.raises(StoreError) as caught:
                fresh.ask(q)
            message = str(caught.value)
            assert "\n" not in message and f"{server.host}:{server.port}" in message and "chroma run" in message
        server.start()
        for q in questions[:2]:
            assert _answered(fresh, q) == expected[q], q
