"""Hybrid, role-aware retrieval: dense (Chroma) and BM25 results fused by reciprocal rank.

The dense and keyword retrievers are llama-index's own (``VectorIndexRetriever`` over
``ChromaVectorStore``, ``BM25Retriever``). The fusion is ours rather than ``QueryFusionRetriever``
because it must also prefer the postings a question names and restrict to a role filter, and
because ``QueryFusionRetriever`` resolves an LLM from ``Settings`` even when it needs none.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from llama_index.core import VectorStoreIndex
from llama_index.core.schema import QueryBundle, TextNode
from llama_index.core.vector_stores import FilterOperator, MetadataFilter, MetadataFilters

from .corpus import Corpus
from .text import content_stems, stems_match
from .types import Passage

RRF_K = 60  # the constant of Cormack et al.; large enough that rank 1 does not dominate
FOCUS_BOOST = 2.0  # passages of the postings a question names count this much more
CANDIDATES = 30  # per retriever, before fusion


@dataclass(frozen=True)
class RoleMatch:
    posting_ids: tuple[str, ...]  # the postings the question names, best first
    terms: frozenset[str]  # the question's stems that named them


def match_roles(question: str, corpus: Corpus, limit: int = 10, several: bool = False) -> RoleMatch:
    """Which postings the question names, by title, company or type (IDF-weighted); by place
    only when nothing else names one. ``several``: the question may name more than one role
    ("the principal role and the internship"), so any posting a word names alone is kept too."""
    stems = set(content_stems(question))
    if not stems or not corpus.postings:
        return RoleMatch((), frozenset())
    for vocab in (corpus.role_vocab, corpus.place_vocab):
        scores: dict[str, float] = defaultdict(float)
        used: set[str] = set()
        sole: set[str] = set()
        for term in stems:
            for vocab_term, posting_ids in _vocab_hits(term, vocab):
                if len(posting_ids) == len(corpus.postings) and len(corpus.postings) > 1:
                    continue  # a word every posting shares names none of them
                used.add(term)
                if len(posting_ids) == 1:
                    sole |= posting_ids
                for pid in posting_ids:
                    scores[pid] += corpus.role_idf(vocab_term, vocab)
        if scores:
            best = max(scores.values())
            chosen = {pid for pid, s in scores.items() if s >= 0.75 * best}
            if several:
                chosen |= sole
            ordered = sorted(chosen, key=lambda p: -scores[p])
            return RoleMatch(tuple(ordered[:limit]), frozenset(used))
    return RoleMatch((), frozenset())


def _vocab_hits(term: str, vocab: dict[str, set[str]]):
    if term in vocab:
        yield term, vocab[term]
        return
    if len(term) >= 5:
        for vocab_term, ids in vocab.items():
            if vocab_term != term and stems_match(term, vocab_term):
                yield vocab_term, ids


class HybridRetriever:
    def __init__(self, corpus: Corpus, vector_store, embed_model):
        self.corpus = corpus
        self._embed_model = embed_model
        self._vector_index = VectorStoreIndex.from_vector_store(vector_store, embed_model=embed_model)
        self._bm25 = None
        if corpus.chunks:
            from llama_index.retrievers.bm25 import BM25Retriever

            nodes = [
                TextNode(id_=p.chunk_id, text=f"{p.title}\n{p.section}\n{p.text}", metadata={"posting_id": p.posting_id})
                for p in corpus.chunks.values()
            ]
            self._bm25 = BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=min(CANDIDATES, len(nodes)))

    def retrieve(
        self,
        question: str,
        top_k: int,
        posting_ids: tuple[str, ...] | None = None,
        focus: tuple[str, ...] = (),
        per_posting: int = 0,
    ) -> list[Passage]:
        """Best ``top_k`` passages; ``posting_ids`` restricts, ``focus`` prefers (and with
        ``per_posting`` guarantees that many passages from each focused posting)."""
        if not self.corpus.chunks or not question.strip():
            return []
        allowed = set(posting_ids) if posting_ids else None
        bundle = QueryBundle(query_str=question, embedding=self._embed_model.get_query_embedding(question))
        ranked_lists = [self._dense(bundle, allowed), self._keyword(question, allowed)]
        if focus and len(focus) <= 10:
            ranked_lists.append(self._dense(bundle, set(focus) & allowed if allowed else set(focus)))
        fused: dict[str, float] = defaultdict(float)
        for ranked in ranked_lists:
            for rank, chunk_id in enumerate(ranked):
                fused[chunk_id] += 1.0 / (RRF_K + rank + 1)
        focus_set = set(focus)
        for chunk_id in fused:
            if self.corpus.chunks[chunk_id].posting_id in focus_set:
                fused[chunk_id] *= FOCUS_BOOST
        order = sorted(fused, key=lambda c: -fused[c])
        chosen = order[:top_k]
        if per_posting and focus:
            for pid in focus:
                have = [c for c in chosen if self.corpus.chunks[c].posting_id == pid]
                extra = [c for c in order if self.corpus.chunks[c].posting_id == pid and c not in chosen]
                chosen.extend(extra[: max(0, per_posting - len(have))])
        top = max(fused.values()) if fused else 1.0
        return [replace(self.corpus.chunks[c], score=round(fused[c] / top, 4)) for c in chosen]

    def _dense(self, bundle: QueryBundle, allowed: set[str] | None) -> list[str]:
        if allowed is not None and not allowed:
            return []
        filters = None
        if allowed is not None:
            filters = MetadataFilters(
                filters=[MetadataFilter(key="posting_id", value=sorted(allowed), operator=FilterOperator.IN)]
            )
        retriever = self._vector_index.as_retriever(similarity_top_k=CANDIDATES, filters=filters)
        return [n.node.node_id for n in retriever.retrieve(bundle) if n.node.node_id in self.corpus.chunks]

    def _keyword(self, question: str, allowed: set[str] | None) -> list[str]:
        if self._bm25 is None:
            return []
        hits = self._bm25.retrieve(question)
        return [
            h.node.node_id
            for h in hits
            if (h.score or 0) > 0
            and h.node.node_id in self.corpus.chunks
            and (allowed is None or self.corpus.chunks[h.node.node_id].posting_id in allowed)
        ]
