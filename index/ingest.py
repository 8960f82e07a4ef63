"""Ingestion: postings -> chunks -> embeddings -> Chroma, as an upsert against a persisted docstore.

llama-index's ``IngestionPipeline`` (UPSERTS strategy) does the bookkeeping: an unchanged posting
is skipped by hash, a changed one has all its old chunks deleted before the new ones are added.
On top of it: batches with the docstore persisted atomically after each (a killed run loses at
most one batch and the rerun repairs it), an inter-process lock per data directory, and prune.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sys
import threading
import time
from dataclasses import asdict
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

from .chunking import chunk_posting
from .config import Config
from .embeddings import LengthSortedEmbedding, embed_model_id, make_embed_model
from .errors import IngestLocked, PostingError
from .fields import parse_sections
from .postings import discover, load_posting
from .store import open_client, open_collection
from .types import IngestReport, PostingFields, Salary, Section, Skipped

# Chunk metadata that goes into the embedded text: a chunk knows which role and section it is.
_EMBEDDED_KEYS = ("title", "section")
_LOCK_WAIT_SECONDS = 30.0


class PostingChunker(TransformComponent):
    """Documents (one per posting) -> section-aware chunks with stable ids and offsets."""

    max_tokens: int = 200

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> list[BaseNode]:
        out: list[BaseNode] = []
        for doc in nodes:
            text = doc.get_content()
            meta = doc.metadata
            for chunk in chunk_posting(text, parse_sections(text), self.max_tokens):
                metadata = {
                    "posting_id": doc.id_,
                    "source": meta.get("source", doc.id_),
                    "title": meta.get("title") or "",
                    "company": meta.get("company") or "",
                    "section": chunk.section,
                    "chunk_index": chunk.index,
                }
                out.append(
                    TextNode(
                        id_=f"{doc.id_}::{chunk.index}",
                        text=chunk.text,
                        start_char_idx=chunk.start,
                        end_char_idx=chunk.end,
                        metadata=metadata,
                        excluded_embed_metadata_keys=[k for k in metadata if k not in _EMBEDDED_KEYS],
                        excluded_llm_metadata_keys=["posting_id", "chunk_index"],
                        # Only the id and hash: the posting's own metadata would bloat every chunk.
                        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc.id_, hash=doc.hash)},
                    )
                )
        return out


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
        self.collection = open_collection(open_client(self.config), self.config.collection, self.model_id)
        self._thread_lock = threading.Lock()
        self._docstore_path = self.config.data_dir / self._docstore_name()
        self.docstore = self._load_docstore()

    # -- public -----------------------------------------------------------------------------
    def ingest(self, paths: Sequence[str | os.PathLike], prune: bool = False, progress: bool = False) -> IngestReport:
        """Add new postings, replace changed ones, skip unchanged; with ``prune`` drop vanished ones."""
        started = time.perf_counter()
        report = IngestReport()
        with self._exclusive():
            self.docstore = self._load_docstore()  # another process may have ingested meanwhile
            files, skipped = discover([Path(p) for p in paths])
            report.skipped.extend(skipped)
            documents = self._documents(files, report)
            if documents:
                self._run_pipeline(documents, report, progress)
            if prune:
                report.removed.extend(self._prune())
            self._persist_docstore()
        report.seconds = time.perf_counter() - started
        return report

    def remove(self, posting_ids: Sequence[str]) -> list[str]:
        """Delete postings by id (file name); returns the ids that were stored."""
        removed = []
        with self._exclusive():
            for posting_id in posting_ids:
                if self.docstore.document_exists(posting_id):
                    self._delete(posting_id)
                    removed.append(posting_id)
            self._persist_docstore()
        return removed

    def postings(self) -> list[PostingFields]:
        """Fields of every stored posting, sorted by file name."""
        out = []
        for doc_id in sorted(self._stored_ids()):
            doc = self.docstore.get_document(doc_id, raise_error=False)
            if doc is not None and doc.metadata.get("fields"):
                out.append(fields_from_json(doc.metadata["fields"]))
        return out

    def posting_text(self, posting_id: str) -> str | None:
        doc = self.docstore.get_document(posting_id, raise_error=False)
        return doc.get_content() if doc is not None else None

    def chunk_count(self) -> int:
        return self.collection.count()

    def iter_chunks(self, page: int = 2000) -> Iterator[tuple[str, str, dict]]:
        """(id, text, metadata) of every stored chunk, paged so large collections stay cheap."""
        offset = 0
        while True:
            got = self.collection.get(include=["documents", "metadatas"], limit=page, offset=offset)
            if not got["ids"]:
                return
            yield from zip(got["ids"], got["documents"], got["metadatas"])
            offset += len(got["ids"])

    def vector_store(self):
        from llama_index.vector_stores.chroma import ChromaVectorStore

        return ChromaVectorStore(chroma_collection=self.collection)

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

    def _stored_ids(self) -> set[str]:
        return set(self.docstore.get_all_document_hashes().values())

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        """One writer per data directory: threads in this process and other processes alike."""
        with self._thread_lock:
            lock_path = self.config.data_dir / ".ingest.lock"
            with open(lock_path, "a+") as handle:
                deadline = time.monotonic() + _LOCK_WAIT_SECONDS
                while True:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            raise IngestLocked(
                                f"another ingest is writing to {self.config.data_dir} and did not finish "
                                f"within {_LOCK_WAIT_SECONDS:.0f}s; wait for it and try again"
                            ) from None
                        time.sleep(0.2)
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def _documents(self, files: list[Path], report: IngestReport) -> list[Document]:
        max_bytes = int(self.config.max_file_mb * 1_000_000)
        seen: dict[str, Path] = {}
        documents = []
        for path in files:
            try:
                posting = load_posting(path, max_bytes)
            except PostingError as exc:
                report.skipped.append(Skipped(exc.path, exc.reason))
                continue
            if posting.posting_id in seen:
                report.skipped.append(
                    Skipped(str(path), f"same file name as {seen[posting.posting_id]}; rename one of them")
                )
                continue
            seen[posting.posting_id] = path
            fields = posting.fields
            documents.append(
                Document(
                    id_=posting.posting_id,
                    text=posting.text,
                    metadata={
                        "source": fields.source,
                        "path": posting.path,
                        "title": fields.title or "",
                        "company": fields.company or "",
                        "fields": json.dumps(asdict(fields), ensure_ascii=False),
                    },
                )
            )
        return documents

    def _run_pipeline(self, documents: list[Document], report: IngestReport, progress: bool) -> None:
        from tqdm import tqdm

        pipeline = IngestionPipeline(
            transformations=[
                PostingChunker(max_tokens=self.config.chunk_tokens),
                LengthSortedEmbedding(embed_model=make_embed_model(self.config)),
            ],
            docstore=self.docstore,
            vector_store=self.vector_store(),
            docstore_strategy=DocstoreStrategy.UPSERTS,
            disable_cache=True,
        )
        batch_size = max(32, len(documents) // 20)
        bar = tqdm(total=len(documents), unit="posting", desc="ingest", disable=not progress, file=sys.stderr)
        try:
            for i in range(0, len(documents), batch_size):
                batch = documents[i : i + batch_size]
                fresh = []
                for doc in batch:
                    stored = self.docstore.get_document_hash(doc.id_)
                    if stored is None:
                        report.added.append(doc.id_)
                        fresh.append(doc.id_)
                    elif stored != doc.hash:
                        report.updated.append(doc.id_)
                    else:
                        report.unchanged.append(doc.id_)
                if fresh:
                    # Chunks left by a run killed before its docstore was saved: the pipeline
                    # would see these postings as new and Chroma ignores re-added ids.
                    self.collection.delete(where={"document_id": {"$in": fresh}})
                nodes = pipeline.run(documents=batch)
                report.chunks_written += len(nodes)
                self._persist_docstore()
                bar.update(len(batch))
        finally:
            bar.close()

    def _prune(self) -> list[str]:
        removed = []
        for doc_id in sorted(self._stored_ids()):
            doc = self.docstore.get_document(doc_id, raise_error=False)
            path = doc.metadata.get("path") if doc is not None else None
            if not path or not Path(path).exists():
                self._delete(doc_id)
                removed.append(doc_id)
        return removed

    def _delete(self, posting_id: str) -> None:
        self.collection.delete(where={"document_id": posting_id})
        self.docstore.delete_document(posting_id, raise_error=False)
