"""Ingestion: postings -> chunks -> embeddings -> Chroma, as an upsert against a persisted docstore.

llama-index's ``IngestionPipeline`` (UPSERTS strategy) does the bookkeeping: an unchanged posting
is skipped by hash, a changed one has all its old chunks deleted before the new ones are added.
On top of it: batches with the docstore persisted atomically after each, an inter-process lock
per data directory, and prune.

Crash safety. Chroma and the docstore are two stores, written one after the other, so a run killed
in between leaves them disagreeing: chunks the docstore does not know (a batch added, its docstore
save not reached), or postings without chunks (an update or a prune half done). Before touching
Chroma, a run writes the ids it is about to change to a journal next to the docstore
(``docstore-<collection>.json.pending``) and deletes the journal once the docstore is saved. The
next writer (or the next ``PostingIndex`` to open the directory, if no ingest is running) finds
the journal and settles each id it names: chunks of postings the docstore does not know are
deleted, a posting whose chunks were not cut from its stored version gets them rebuilt from it,
and an interrupted removal is completed.
"""

from __future__ import annotations

import collections
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, Iterator, Sequence

from llama_index.core.ingestion import DocstoreStrategy, IngestionPipeline
from llama_index.core.schema import (
    BaseNode,
    Document,
    NodeRelationship,
    RelatedNodeInfo,
    TextNode,
    TransformComponent,
)
from llama_index.core.storage.docstore import SimpleDocumentStore

from . import records
from .chunking import Chunk, chunk_posting
from .config import Config
from .embeddings import LengthSortedEmbedding, embed_model_id, make_embed_model
from .errors import IngestLocked, ModelUnavailable, PostingError
from .fields import parse_sections
from .postings import discover, load_posting
from .records import POSTING_HASH_KEY, POSTING_ID_KEY
from .store import bump_generation, open_store, reaching_server
from .types import IngestReport, PostingFields, Salary, Section, Skipped

# Chunk metadata that goes into the embedded text: a chunk knows which role and section it is.
# Their values only ("Data Engineer\nRequirements\n\n- 5+ years ..."): the keys "title: " and
# "section: " were a tenth of the word pieces embedded and told the model nothing. Without them,
# 1,000 generated postings beside the seeds: seed fact recall 0.88 -> 0.90, hit@5 0.90 -> 0.94;
# the seeds and tests/data evals unchanged; ingest of 100 postings 4.2 -> 3.8 s. Both values
# matter: the section alone gave 0.88 at 1,000, the title alone 0.92 on the seeds (not 0.94).
_EMBEDDED_KEYS = ("title", "section")
_EMBEDDED_TEMPLATE = "{value}"
_LOCK_WAIT_SECONDS = 30.0
_JOURNAL_SUFFIX = ".pending"
# Parsing a posting (decode, clean, extract fields) is almost all of a re-ingest's time. A file's
# bytes, its path and the parsing code together decide what it parses to, so when their digest
# matches the one stored with the posting, the file is unchanged without being parsed again.
_DIGEST_KEY = "file_digest"
# Each posting keeps its chunks' spans in the docstore ([index, start, end, section], slices of its
# text), so the online side reads its passages from the docstore it loads anyway instead of
# reading every chunk back from Chroma (6.3 s of an 18 s open at 73k chunks).
_SPANS_KEY = "chunk_spans"
# Parsing moves to a helper process from this many files on (``_parsed_documents``). Starting it
# and sending postings back costs about 40 ms; fewer files parse in a fraction of a second here.
_PARSE_PROCESS_FROM = 100
_PARSE_TASK = 16  # files per task sent to the helper
_PARSE_AHEAD = 32  # tasks in flight: up to 512 postings parsed ahead of the pipeline
_HELPER_NICE = 10  # the helper's priority once it parses ahead of what the pipeline waits for
# An ingest runs the pipeline in about this many batches (the docstore is saved after each, so a
# killed run loses at most one), of at least _BATCH_POSTINGS_MIN postings. Each batch ends with
# its encoders' last, uneven calls and a Chroma write while they wait: 1,000 postings ingested in
# 23.6 and 22.2 s in 10 batches, 24.3 and 25.7 s in 20 (alternating runs; 22.4, 23.1 s in 5).
_BATCHES = 10
# (and fewer, longer ones for a small ingest: after the first 16 postings, the other 84 of 100 in
# one batch rather than two took 1.30-1.51 s against 1.39-1.55 s, alternating runs of 4; 300
# postings 3.58-4.06 against 3.75-4.20 s; 1,000 postings keep their 10 batches)
_BATCH_POSTINGS_MIN = 64
# and of at most this many, so that a large ingest holds one batch's vectors in memory and a killed
# run loses at most one batch's work, whatever the corpus size (10,000 postings: 20 batches of 500)
_BATCH_POSTINGS_MAX = 500
_PARSER_MODULES = ("loaders.py", "cleaning.py", "fields.py", "postings.py", "chunking.py", "ingest.py")

log = logging.getLogger(__name__)


class PostingChunker(TransformComponent):
    """Documents (one per posting) -> section-aware chunks with stable ids and offsets."""

    max_tokens: int = 200

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> list[BaseNode]:
        out: list[BaseNode] = []
        for doc in nodes:
            text = doc.get_content()
            meta = doc.metadata
            posting_hash = doc.hash  # a sha256 of the whole posting: once, not per chunk
            for chunk in _chunks_of(text, meta.get(_SPANS_KEY), self.max_tokens):
                metadata = {**_chunk_fields(doc, chunk), "chunk_index": chunk.index, POSTING_HASH_KEY: posting_hash}
                out.append(
                    TextNode(
                        id_=_chunk_id(doc, chunk),
                        text=chunk.text,
                        start_char_idx=chunk.start,
                        end_char_idx=chunk.end,
                        metadata=metadata,
                        excluded_embed_metadata_keys=[k for k in metadata if k not in _EMBEDDED_KEYS],
                        metadata_template=_EMBEDDED_TEMPLATE,
                        excluded_llm_metadata_keys=["posting_id", "chunk_index", POSTING_HASH_KEY],
                        # Only the id and hash: the posting's own metadata would bloat every chunk.
                        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc.id_, hash=posting_hash)},
                    )
                )
        return out


def _chunk_id(doc: BaseNode, chunk: Chunk) -> str:
    return f"{doc.id_}::{chunk.index}"


def _chunk_fields(doc: BaseNode, chunk: Chunk) -> dict:
    """What a chunk says about its posting, the same in Chroma's metadata and in passages read
    from the docstore."""
    meta = doc.metadata
    return {
        "posting_id": doc.id_,
        "source": meta.get("source", doc.id_),
        "title": meta.get("title") or "",
        "company": meta.get("company") or "",
        "section": chunk.section,
    }


def _chunks_of(text: str, spans: str | None, max_tokens: int) -> list[Chunk]:
    """The chunks recorded with a posting (``_SPANS_KEY``), or chunked now when none are."""
    if spans:
        return [Chunk(index=i, section=section, start=a, end=b, text=text[a:b]) for i, a, b, section in json.loads(spans)]
    return chunk_posting(text, parse_sections(text), max_tokens)


class EmbeddingStep(TransformComponent):
    """The embedding transformation, with an unreachable or refusing embedding server turned into
    a one-line ``ModelUnavailable`` (the error's type only: a server's message may echo the key)."""

    inner: Any
    where: str = ""

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> Sequence[BaseNode]:
        try:
            return self.inner(nodes, **kwargs)
        except Exception as exc:
            if not _is_unavailable(exc):
                raise
            raise ModelUnavailable(
                f"the embedding model ({self.where}) failed ({type(exc).__name__}); start it or check "
                "OPENAI_BASE_URL / OPENAI_API_KEY, or set ROLECHAT_EMBED=local, then ingest again"
            ) from None


def _is_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, (ConnectionError, TimeoutError)):
        return True
    try:
        import openai
    except ImportError:  # pragma: no cover - openai is a dependency
        return False
    return isinstance(exc, openai.APIError)


def _parser_fingerprint() -> bytes:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _PARSER_MODULES:
        digest.update((here / name).read_bytes())
    return digest.digest()


_PARSER_FINGERPRINT = _parser_fingerprint()


def _file_digest(path: Path, max_bytes: int) -> str | None:
    """What decides a file's parse: its bytes, its resolved path and the parser; None if unreadable."""
    try:
        if not path.is_file() or not 0 < path.stat().st_size <= max_bytes:
            return None  # load_posting says why
        data = path.read_bytes()
        resolved = str(path.resolve())
    except OSError:
        return None
    digest = hashlib.sha256(_PARSER_FINGERPRINT)
    digest.update(resolved.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def _parse_document(path: Path, digest: str | None, max_bytes: int, chunk_tokens: int) -> Document | Skipped:
    """One file as the Document the pipeline ingests, or why it gives none (runs in the parse
    process too: a pure function of its arguments)."""
    try:
        posting = load_posting(path, max_bytes)
    except PostingError as exc:
        return Skipped(exc.path, exc.reason)
    fields = posting.fields
    spans = [[c.index, c.start, c.end, c.section] for c in chunk_posting(posting.text, list(fields.sections), chunk_tokens)]
    return Document(
        id_=posting.posting_id,
        text=posting.text,
        metadata={
            "source": fields.source,
            "path": posting.path,
            "title": fields.title or "",
            "company": fields.company or "",
            # vars, not asdict: the same JSON at a third of the cost (asdict deep-copies each value)
            "fields": json.dumps(fields, default=vars, ensure_ascii=False),
            _DIGEST_KEY: digest or "",
            _SPANS_KEY: json.dumps(spans, ensure_ascii=False),
        },
    )


def _parse_documents(items: list[tuple[Path, str | None]], max_bytes: int, chunk_tokens: int,
                     give_way: bool = False) -> list[Document | Skipped]:
    if give_way:  # only ever asked of the helper process
        _give_way_to_the_model()
    return [_parse_document(path, digest, max_bytes, chunk_tokens) for path, digest in items]


@contextlib.contextmanager
def _parsed_documents(items: list[tuple[Path, str | None]], max_bytes: int, chunk_tokens: int,
                      awaited: int = 0) -> Iterator[Iterator[Document | Skipped]]:
    """``_parse_document`` of each (path, digest), in order. From ``_PARSE_PROCESS_FROM`` files
    on, one helper process parses ahead while this one embeds and writes: parsing is pure Python
    (3 s per 1,000 postings here) and would otherwise wait its turn between the batches. The
    pipeline waits for the first ``awaited`` postings whatever the helper's priority, so the
    helper parses those at its full share of the cores and only then gives way to the model."""
    if not _parses_in_helper(len(items)):
        yield (_parse_document(path, digest, max_bytes, chunk_tokens) for path, digest in items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork, not spawn or forkserver: those import the caller's main module again in the helper, so
    # a script without an ``if __name__ == "__main__"`` guard would run twice. The helper runs only
    # the parsing code, which touches none of the state it copies from this process's PyTorch and
    # Chroma threads. Once past the postings the pipeline awaits, it is niced and parses mostly
    # while a core would otherwise wait (Chroma writes, llama-index's bookkeeping) rather than
    # taking one from the model: 1,000 postings were ingested in 24-26 s against 28-29 s without
    # the helper, alternating runs. Niced from its start, it got almost no core while the model
    # embedded the first batch, and the second batch then waited for it with a core idle: median
    # ingest of 100 postings 1.56 s against 1.43 s niced only after those (12 alternating pairs),
    # 300 postings 3.93 against 3.65 s (6 pairs), 1,000 the same (11.40 and 11.35 s, 4 pairs).
    pool = ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("fork"), initializer=_start_parse_helper, initargs=(os.getpid(),)
    )
    try:
        yield _parsed_ahead(pool, items, max_bytes, chunk_tokens, awaited)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _parses_in_helper(files: int) -> bool:
    return files >= _PARSE_PROCESS_FROM and sys.platform.startswith("linux")  # fork: see _parsed_documents


def _start_parse_helper(parent: int) -> None:
    """In the helper: die with the process it parses for. An ingest killed with SIGKILL must not
    leave it behind, still holding that process's pipes."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before that took effect
        os._exit(0)


def _give_way_to_the_model() -> None:
    """Lower this process's priority to ``_HELPER_NICE`` (once: a process may lower its own
    priority but not raise it back)."""
    with contextlib.suppress(OSError):
        if os.getpriority(os.PRIO_PROCESS, 0) < _HELPER_NICE:
            os.setpriority(os.PRIO_PROCESS, 0, _HELPER_NICE)


def _parsed_ahead(pool, items, max_bytes: int, chunk_tokens: int, awaited: int = 0) -> Iterator[Document | Skipped]:
    """Tasks of ``_PARSE_TASK`` files, at most ``_PARSE_AHEAD`` of them submitted at once (the
    postings parsed ahead wait in memory). If the helper dies (killed, out of memory), the rest
    is parsed here, as it was before there was a helper."""
    from concurrent.futures.process import BrokenProcessPool

    tasks = [items[i : i + _PARSE_TASK] for i in range(0, len(items), _PARSE_TASK)]
    pending: collections.deque = collections.deque()
    for done in range(len(tasks)):
        try:
            while len(pending) < _PARSE_AHEAD and done + len(pending) < len(tasks):
                # The first task is parsed here while the helper starts on the next ones: the
                # model has nothing to do until the first batch is parsed.
                here = done == 0 and not pending
                t = done + len(pending)
                pending.append(None if here else pool.submit(_parse_documents, tasks[t], max_bytes, chunk_tokens, t * _PARSE_TASK >= awaited))
            task = pending.popleft()
            results = _parse_documents(tasks[done], max_bytes, chunk_tokens) if task is None else task.result()
        except BrokenProcessPool:  # from result(), or from submit() once the helper is gone
            log.warning("the parsing process stopped; parsing the remaining %d files in this one", sum(map(len, tasks[done:])))
            for rest in tasks[done:]:
                yield from _parse_documents(rest, max_bytes, chunk_tokens)
            return
        yield from results


def _batch_size(files: int) -> int:
    """Postings per pipeline batch: ``_BATCHES`` batches, fewer where they would hold fewer than
    ``_BATCH_POSTINGS_MIN``, and all of about one size. A last batch of a few postings (100 in
    32, 32, 32 and 4) keeps the model copies waiting on each other for little work: 100 postings
    ingested in 2.07-2.18 s in 34, 34 and 32, against 2.26-2.37 s (alternating runs)."""
    count = max(1, min(_BATCHES, files // _BATCH_POSTINGS_MIN), -(-files // _BATCH_POSTINGS_MAX))
    return max(1, -(-files // count))


def _batch_plan(files: int) -> tuple[int | None, int]:
    """(postings in the first batch, None for as many as the others; postings in the others) of an
    ingest parsing ``files``. With a helper, the first batch is the task parsed here, so the model
    starts at once."""
    first = _PARSE_TASK if _parses_in_helper(files) else None
    return first, _batch_size(files - (first or 0))


def _batches(documents: Iterator[Document | None], size: int, first: int | None = None) -> Iterator[tuple[list[Document], int]]:
    """(up to ``size`` postings, how many items they took) from ``documents``; the first batch
    holds up to ``first`` postings when given."""
    batch: list[Document] = []
    taken = 0
    limit = first or size
    for document in documents:
        taken += 1
        if document is not None:
            batch.append(document)
        if len(batch) == limit:
            yield batch, taken
            batch, taken, limit = [], 0, size
    if taken:
        yield batch, taken


def fields_from_json(raw: str) -> PostingFields:
    data = json.loads(raw)
    data["locations"] = tuple(data.get("locations") or ())
    data["salary"] = Salary(**data["salary"]) if data.get("salary") else None
    data["sections"] = tuple(Section(**s) for s in data.get("sections") or ())
    return PostingFields(**data)


class PostingIndex:
    """The offline side as one object: ingest, prune, list what is stored."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config.resolve()
        self.config.data_dir.mkdir(parents=True, exist_ok=True)
        self.model_id = embed_model_id(self.config)
        self._client, self.collection = open_store(self.config, self.model_id)
        self._thread_lock = threading.Lock()
        self._docstore_path = self.config.data_dir / self._docstore_name()
        self._journal_path = self._docstore_path.with_name(self._docstore_path.name + _JOURNAL_SUFFIX)
        self.docstore = self._load_docstore()
        self._view: tuple[tuple | None, SimpleDocumentStore] | None = None  # what readers see
        if self._journal_path.exists():
            self._recover_if_idle()

    # -- public -----------------------------------------------------------------------------
    def ingest(self, paths: Sequence[str | os.PathLike], prune: bool = False, progress: bool = False) -> IngestReport:
        """Add new postings, replace changed ones, skip unchanged; with ``prune`` drop vanished ones."""
        started = time.perf_counter()
        report = IngestReport()
        with self._exclusive(), self._writing():
            files, skipped = discover([Path(p) for p in paths])
            report.skipped.extend(skipped)
            self._ingest_files(files, report, progress)
            if prune:
                report.removed.extend(self._prune())
        report.seconds = time.perf_counter() - started
        return report

    def remove(self, posting_ids: Sequence[str]) -> list[str]:
        """Delete postings by id (file name); returns the ids that were stored."""
        removed = []
        with self._exclusive(), self._writing():
            stored = [p for p in dict.fromkeys(posting_ids) if self.docstore.document_exists(p)]
            if stored:
                self._write_journal(remove=stored)
            for posting_id in stored:
                self._delete(posting_id)
                removed.append(posting_id)
        return removed

    def postings(self) -> list[PostingFields]:
        """Fields of every stored posting, sorted by file name."""
        return [fields_from_json(d.metadata["fields"]) for d in self._saved_documents() if d.metadata.get("fields")]

    def posting_text(self, posting_id: str) -> str | None:
        doc = self._saved_docstore().get_document(posting_id, raise_error=False)
        return doc.get_content() if doc is not None else None

    def reaching_store(self):
        """A context for the online side's own Chroma calls: a Chroma server that stopped
        answering raises a one-line ``StoreError`` instead of an HTTP client's exception."""
        return reaching_server(self.config)

    def chunk_count(self) -> int:
        return self.collection.count()

    def iter_chunks(self, where: dict | None = None, page: int = 2000) -> Iterator[tuple[str, str | None, dict]]:
        """(id, text, metadata) of every stored chunk as Chroma holds it, paged so large
        collections stay cheap. The text is None in a local data directory's lean records
        (``index/records.py``): its passages are read with ``iter_passages``."""
        offset = 0
        while True:
            got = self.collection.get(where=where, include=["documents", "metadatas"], limit=page, offset=offset)
            if not got["ids"]:
                return
            yield from zip(got["ids"], got["documents"], got["metadatas"])
            offset += len(got["ids"])

    def iter_passages(self) -> Iterator[tuple[str, str, dict]]:
        """(chunk id, text, fields) of every stored chunk, the fields being posting_id, source,
        title, company, section, start and end (offsets into the posting's text).

        Read from the chunk spans each posting keeps in the saved docstore. From Chroma's full
        records instead: postings stored by an older rolechat without spans (until they are
        ingested again), and everything on a serving host whose docstore copy is missing or
        older than the Chroma server it reads (the spans do not number the server's chunks)."""
        documents = self._saved_documents()
        recorded = {
            d.id_: _chunks_of(d.get_content(), d.metadata[_SPANS_KEY], self.config.chunk_tokens)
            for d in documents if d.metadata.get(_SPANS_KEY)
        }
        if self.config.uses_chroma_server and not (
            documents and len(recorded) == len(documents) and sum(map(len, recorded.values())) == self.chunk_count()
        ):
            yield from self._passages_in_chroma()
            return
        for doc in documents:
            for chunk in recorded.get(doc.id_, ()):
                yield _chunk_id(doc, chunk), chunk.text, {**_chunk_fields(doc, chunk), "start": chunk.start, "end": chunk.end}
        older = [d.id_ for d in documents if d.id_ not in recorded]
        if older:
            yield from self._passages_in_chroma({POSTING_ID_KEY: {"$in": older}})

    def _passages_in_chroma(self, where: dict | None = None) -> Iterator[tuple[str, str, dict]]:
        """``iter_passages`` from Chroma's full records (a lean record has no text to serve)."""
        for chunk_id, text, meta in self.iter_chunks(where):
            if text is None:
                continue
            node = json.loads(meta.get("_node_content") or "{}")
            yield chunk_id, text, {
                "posting_id": meta.get("posting_id", ""), "source": meta.get("source", ""), "title": meta.get("title", ""),
                "company": meta.get("company", ""), "section": meta.get("section", ""),
                "start": int(node.get("start_char_idx") or 0), "end": int(node.get("end_char_idx") or 0),
            }

    def vector_store(self):
        """The collection as a llama-index vector store; reopened first if another process wrote
        to the data directory since it was opened (its queries would not see the new chunks)."""
        self._sync_collection()
        return self._chroma_store()

    def _chroma_store(self):
        """Lean records in a local data directory, llama-index's full ones on a Chroma server
        (see ``index/records.py``)."""
        return records.vector_store(self.collection, lean=not self.config.uses_chroma_server)

    # -- internals --------------------------------------------------------------------------
    def _docstore_name(self) -> str:
        where = f"@{self.config.chroma_host}_{self.config.chroma_port}" if self.config.uses_chroma_server else ""
        return f"docstore-{self.config.collection}{where}.json"

    def _load_docstore(self) -> SimpleDocumentStore:
        if self._docstore_path.exists():
            return SimpleDocumentStore.from_persist_path(str(self._docstore_path))
        return SimpleDocumentStore()

    def _persist_docstore(self) -> None:
        tmp = self._docstore_path.with_suffix(".json.tmp")
        self.docstore.persist(str(tmp))
        os.replace(tmp, self._docstore_path)  # atomic: a crash leaves the old or the new file

    def _docstore_version(self) -> tuple | None:
        try:
            st = self._docstore_path.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _saved_docstore(self) -> SimpleDocumentStore:
        """The docstore as last saved, by this process or another: what ``postings()`` reports.

        Never ``self.docstore``, which a running ingest changes before Chroma has the chunks."""
        version = self._docstore_version()
        view = self._view
        if view is None or view[0] != version:
            view = (version, self._load_docstore())
            self._view = view
        return view[1]

    def _saved_documents(self) -> list[Document]:
        """The saved docstore's postings, sorted by id."""
        docstore = self._saved_docstore()
        documents = (docstore.get_document(d, raise_error=False) for d in sorted(set(docstore.get_all_document_hashes().values())))
        return [d for d in documents if d is not None]

    def _stored_ids(self) -> set[str]:
        return set(self.docstore.get_all_document_hashes().values())

    def _sync_collection(self) -> None:
        """Reopen the collection if another process wrote since this one was opened."""
        if self.config.uses_chroma_server:
            return
        client, collection = open_store(self.config, self.model_id)
        if client is not self._client:
            self._client, self.collection = client, collection

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A write under the lock: start from the saved state, settle what an interrupted run
        left, and on success save the docstore and drop the journal. On failure the journal stays
        for the next writer, and this object forgets what it did not save."""
        try:
            self._sync_collection()
            self.docstore = self._load_docstore()  # another process may have written meanwhile
            bump_generation(self.config)
            self._recover()
            yield
            self._persist_docstore()
            self._clear_journal()
        except BaseException:
            self.docstore = self._load_docstore()
            raise
        finally:
            bump_generation(self.config)

    # -- the journal of an unfinished write ---------------------------------------------------
    def _write_journal(self, write: Sequence[str] = (), remove: Sequence[str] = ()) -> None:
        tmp = self._journal_path.with_name(self._journal_path.name + ".tmp")
        tmp.write_text(json.dumps({"write": list(write), "remove": list(remove)}), encoding="utf-8")
        os.replace(tmp, self._journal_path)

    def _clear_journal(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._journal_path.unlink()

    def _recover(self) -> None:
        """Settle the ids an interrupted run named in its journal (see the module docstring)."""
        try:
            pending = json.loads(self._journal_path.read_text(encoding="utf-8"))
            write, remove = list(pending["write"]), list(pending["remove"])
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError):  # unreadable: check every posting
            write, remove = sorted(self._stored_ids() | self._chunk_document_ids()), []
        for posting_id in remove:
            self._delete(posting_id)
        restore = []
        for posting_id in write:
            doc = self.docstore.get_document(posting_id, raise_error=False)
            if doc is not None and self._chunks_match(doc):
                continue
            self.collection.delete(where={POSTING_ID_KEY: posting_id})
            if doc is not None:
                self.docstore.delete_document(posting_id, raise_error=False)
                restore.append(doc)
        if restore:  # the stored version, chunked and embedded again
            self._pipeline().run(documents=restore)
        self._persist_docstore()
        self._clear_journal()

    def _recover_if_idle(self) -> None:
        """At open: settle an interrupted run now, unless a writer holds the lock (it will)."""
        try:
            with self._exclusive(wait=False), self._writing():
                pass
        except IngestLocked:
            pass
        except Exception as exc:  # e.g. the embedding server is down: the next write retries
            log.warning("could not yet repair the interrupted ingest in %s: %s", self.config.data_dir, exc)

    def _chunks_match(self, doc: Document) -> bool:
        """Chroma holds exactly this version's chunks: their ids, each cut from a posting with its
        hash (a record from before chunks kept the hash does not match, and is rebuilt)."""
        want = {_chunk_id(doc, c) for c in _chunks_of(doc.get_content(), doc.metadata.get(_SPANS_KEY), self.config.chunk_tokens)}
        got = self.collection.get(where={POSTING_ID_KEY: doc.id_}, include=["metadatas"])
        posting_hash = doc.hash
        return set(got["ids"]) == want and all((m or {}).get(POSTING_HASH_KEY) == posting_hash for m in got["metadatas"])

    def _chunk_document_ids(self) -> set[str]:
        ids: set[str] = set()
        offset = 0
        while True:
            got = self.collection.get(include=["metadatas"], limit=2000, offset=offset)
            if not got["ids"]:
                return ids
            ids.update(str(m.get(POSTING_ID_KEY, "")) for m in got["metadatas"] if m)
            offset += len(got["ids"])

    @contextlib.contextmanager
    def _exclusive(self, wait: bool = True) -> Iterator[None]:
        """One writer per data directory: threads in this process and other processes alike."""
        if not self._thread_lock.acquire(blocking=wait):
            raise IngestLocked(f"another ingest is writing to {self.config.data_dir}; wait for it and try again")
        try:
            lock_path = self.config.data_dir / ".ingest.lock"
            with open(lock_path, "a+") as handle:
                deadline = time.monotonic() + (_LOCK_WAIT_SECONDS if wait else 0.0)
                while True:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise IngestLocked(
                                f"another ingest is writing to {self.config.data_dir} and did not finish "
                                f"within {_LOCK_WAIT_SECONDS:.0f}s; wait for it and try again"
                            ) from None
                        time.sleep(0.2)
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)
        finally:
            self._thread_lock.release()

    def _ingest_files(self, files: list[Path], report: IngestReport, progress: bool) -> None:
        """Skip the files whose digest is stored, parse the others (in a helper process when there
        are many) and run the pipeline over their postings as they come."""
        max_bytes = int(self.config.max_file_mb * 1_000_000)
        digests = [_file_digest(path, max_bytes) for path in files]
        stored = [digest is not None and self._stored_digest(path.name) == digest for path, digest in zip(files, digests)]
        to_parse = [(path, digest) for path, digest, same in zip(files, digests, stored) if not same]
        first, size = _batch_plan(len(to_parse))
        awaited = (first or 0) + size  # the pipeline's first two batches
        with _parsed_documents(to_parse, max_bytes, self.config.chunk_tokens, awaited) as parsed:
            documents = self._documents(files, digests, stored, parsed, report, max_bytes)
            self._run_pipeline(documents, len(to_parse), report, progress)

    def _documents(self, files: list[Path], digests: list[str | None], stored: list[bool],
                   parsed: Iterator[Document | Skipped], report: IngestReport, max_bytes: int) -> Iterator[Document | None]:
        """Each file in order: unchanged (its digest is stored), skipped, or its posting. Yields
        each parsed file's posting, or None where it gives none; ``parsed`` has the files whose
        digest is not stored."""
        seen: dict[str, Path] = {}
        for path, digest, same in zip(files, digests, stored):
            if same and path.name not in seen:
                seen[path.name] = path
                report.unchanged.append(path.name)
                continue
            # A stored file whose name an earlier file took is parsed here (to say which it clashes with).
            document = _parse_document(path, digest, max_bytes, self.config.chunk_tokens) if same else next(parsed)
            if isinstance(document, Skipped):
                report.skipped.append(document)
                document = None
            elif document.id_ in seen:
                report.skipped.append(Skipped(str(path), f"same file name as {seen[document.id_]}; rename one of them"))
                document = None
            else:
                seen[document.id_] = path
            yield document

    def _stored_digest(self, posting_id: str) -> str | None:
        doc = self.docstore.get_document(posting_id, raise_error=False)
        return doc.metadata.get(_DIGEST_KEY) or None if doc is not None else None

    def _pipeline(self) -> IngestionPipeline:
        return IngestionPipeline(
            transformations=[
                PostingChunker(max_tokens=self.config.chunk_tokens),
                EmbeddingStep(
                    inner=LengthSortedEmbedding(embed_model=make_embed_model(self.config)),
                    where=(self.config.openai_base_url or "OpenAI") if self.config.embed == "openai" else "local",
                ),
            ],
            docstore=self.docstore,
            vector_store=self._chroma_store(),
            docstore_strategy=DocstoreStrategy.UPSERTS,
            disable_cache=True,
        )

    def _run_pipeline(self, documents: Iterator[Document | None], files: int, report: IngestReport, progress: bool) -> None:
        """The pipeline over ``documents`` (None: a file that gave no posting) in batches, the
        docstore saved after each; the progress bar counts the ``files`` parsed."""
        from tqdm import tqdm

        pipeline = None  # built (the model loaded) once there is a posting to embed
        bar = tqdm(total=files, unit="posting", desc="ingest", disable=not progress, file=sys.stderr)
        try:
            first, size = _batch_plan(files)
            for batch, done in _batches(documents, size, first):
                if not batch:
                    bar.update(done)
                    continue
                pipeline = pipeline or self._pipeline()
                fresh, changed = [], []
                for doc in batch:
                    stored = self.docstore.get_document_hash(doc.id_)
                    if stored is None:
                        report.added.append(doc.id_)
                        fresh.append(doc.id_)
                    elif stored != doc.hash:
                        report.updated.append(doc.id_)
                        changed.append(doc.id_)
                    else:
                        report.unchanged.append(doc.id_)
                if fresh or changed:
                    self._write_journal(write=fresh + changed)  # before Chroma changes
                if fresh:
                    # Chunks left by a run killed before its docstore was saved: the pipeline
                    # would see these postings as new and Chroma ignores re-added ids.
                    self.collection.delete(where={POSTING_ID_KEY: {"$in": fresh}})
                nodes = pipeline.run(documents=batch)
                report.chunks_written += len(nodes)
                self._persist_docstore()
                bar.update(done)
        finally:
            bar.close()

    def _prune(self) -> list[str]:
        removed = []
        for doc_id in sorted(self._stored_ids()):
            doc = self.docstore.get_document(doc_id, raise_error=False)
            path = doc.metadata.get("path") if doc is not None else None
            if not path or not Path(path).exists():
                removed.append(doc_id)
        if removed:
            self._write_journal(remove=removed)
        for doc_id in removed:
            self._delete(doc_id)
        return removed

    def _delete(self, posting_id: str) -> None:
        self.collection.delete(where={POSTING_ID_KEY: posting_id})
        self.docstore.delete_document(posting_id, raise_error=False)
