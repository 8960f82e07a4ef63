"""What a chunk's Chroma record holds.

A local data directory keeps the docstore next to Chroma, and the online side reads passages
(text, section, offsets) from the docstore's chunk spans. Chroma there only has to find and
delete: each record is the chunk's id, its vector, its posting's id (``document_id``, what
llama-index deletes by and rolechat filters on) and the hash of the posting version it was cut
from (what a repair after a crash compares). llama-index's ``ChromaVectorStore`` also writes the
chunk's text, which Chroma indexes for full-text search, and the whole node serialised into the
metadata: 7,357 chunks of 1,000 postings were written in 8.4 s that way against 2.2 s lean.

A Chroma server keeps llama-index's full records: its collection is shared, and a serving host
whose docstore copy is missing or stale reads the passages from Chroma itself.
"""

from __future__ import annotations

import functools
from typing import Any, Sequence

# Chunk metadata: the hash of the posting (llama-index Document) the chunk was cut from.
POSTING_HASH_KEY = "posting_hash"
POSTING_ID_KEY = "document_id"  # llama-index's own key, on full and lean records alike


def vector_store(collection, lean: bool):
    """The collection as a llama-index vector store writing lean or llama-index's full records."""
    return (_lean_store_class() if lean else _full_store_class())(chroma_collection=collection)


def max_records_per_add(collection) -> int:
    """How many records one ``add`` may carry. Chroma refuses more than its client's limit (5,461
    with this SQLite), which llama-index's own slicing (41,665 records) ignores: a 10,000-posting
    ingest failed on its first 1,000-posting batch of 7,354 chunks."""
    from llama_index.vector_stores.chroma.base import MAX_CHUNK_SIZE

    try:
        limit = int(collection._client.get_max_batch_size())
    except Exception:  # an older client without the call, or a server that does not say
        limit = -1
    return min(MAX_CHUNK_SIZE, limit) if limit > 0 else _UNKNOWN_LIMIT


_UNKNOWN_LIMIT = 1000


@functools.cache
def _full_store_class():
    """llama-index's ``ChromaVectorStore``, its writes sliced to what the Chroma server accepts."""
    from llama_index.vector_stores.chroma import ChromaVectorStore
    from llama_index.vector_stores.chroma.base import chunk_list

    class SlicedChromaVectorStore(ChromaVectorStore):
        def add(self, nodes: Sequence[Any], **add_kwargs: Any) -> list[str]:
            ids: list[str] = []
            for part in chunk_list(list(nodes), max_records_per_add(self._collection)):
                ids.extend(super().add(part, **add_kwargs))
            return ids

    return SlicedChromaVectorStore


@functools.cache
def _lean_store_class():
    """Built on first use: importing llama-index's Chroma store imports chromadb (0.5 s), which
    commands that never open a store should not pay."""
    from llama_index.vector_stores.chroma import ChromaVectorStore
    from llama_index.vector_stores.chroma.base import chunk_list

    class LeanChromaVectorStore(ChromaVectorStore):
        """``ChromaVectorStore`` writing lean records; deletes and queries are llama-index's own."""

        def add(self, nodes: Sequence[Any], **add_kwargs: Any) -> list[str]:
            ids: list[str] = []
            for part in chunk_list(list(nodes), max_records_per_add(self._collection)):
                part_ids = [node.node_id for node in part]
                self._collection.add(
                    ids=part_ids,
                    embeddings=[node.get_embedding() for node in part],
                    metadatas=[
                        {POSTING_ID_KEY: node.ref_doc_id or "", POSTING_HASH_KEY: node.metadata.get(POSTING_HASH_KEY, "")}
                        for node in part
                    ],
                )
                ids.extend(part_ids)
            return ids

    return LeanChromaVectorStore
