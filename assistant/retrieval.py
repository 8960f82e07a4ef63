"""Hybrid, role-aware retrieval: dense (Chroma) and BM25 results fused by reciprocal rank.

The keyword side is ``KeywordIndex``: BM25 computed exactly as llama-index's ``BM25Retriever``
does (the same bm25s index, tokens and scores), without the retriever's node objects. The fusion is ours rather than
``QueryFusionRetriever`` because it must also prefer the postings a question names and restrict
to a role filter, and because ``QueryFusionRetriever`` resolves an LLM from ``Settings`` even
when it needs none.

The dense side asks the collection behind llama-index's ``ChromaVectorStore`` directly rather
than through ``VectorIndexRetriever``, because only chunk ids are needed (the texts are already in
memory): measured at 73k chunks, the retriever's query with documents and metadatas took 4 ms
against 1.5 ms for ids and distances, and a ``posting_id $in`` filtered query 52 ms, growing with
the collection, against under 2 ms for fetching the named postings' vectors and ranking them here.

With a Chroma server each of those calls is an HTTP round trip (about 5 ms at 73k chunks), so the
named postings' vectors are fetched in the background while the question is embedded (``prefetch``),
and in large corpora the unfocused dense query runs while BM25 scores (``OVERLAP_FROM_CHUNKS``):
retrieval p50 at 10,000 postings through ``chroma run`` went from 28.9 to 22.8 ms (medians of
three interleaved runs of 100 questions each).
"""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict, defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

import numpy as np
from index import POSTING_ID_KEY

from .corpus import Corpus, word_pairs
from .question import THE_X_JOB
from .text import content_stems, filler_stems, stems_match
from .types import Passage

RRF_K = 60  # the constant of Cormack et al.; large enough that rank 1 does not dominate
FOCUS_BOOST = 2.0  # passages of the postings a question names count this much more
CANDIDATES = 30  # per retriever, before fusion
# Up to this many chunks, a restricted dense search ranks the postings' own vectors in process;
# beyond it Chroma's filtered query is cheaper than fetching the vectors.
IN_PROCESS_CHUNKS = 2000
# Up to this many postings that a role name fits alike each get their answer. Beyond it the name
# is ambiguous: the best-matching posting is answered (api.ambiguity_note says how many others
# fit), and the question's other words may pick a posting the name fits less well or not at all,
# among the CONTENT_CANDIDATES postings whose passages rank first for the question.
ANSWERED_AT_ONCE = 3
# A question asking only for fields gets a line per posting, so up to this many postings that a
# role name fits alike are all answered: "What does the Principal Machine Learning Engineer pay?"
# with six postings of that title states the six salaries instead of picking one.
FIELDS_ANSWERED_AT_ONCE = 8
CONTENT_CANDIDATES = 10
# Running the dense query on a worker while BM25 scores pays once BM25 takes a few ms. Through
# chroma run (3 interleaved runs each, retrieval p50): at 73k chunks 16.9-20.8 ms with the worker
# against 18.8-23.5 without; at 735 chunks 15.1-17.5 against 11.8-14.9, the hand-off costing
# more than it hides.
OVERLAP_FROM_CHUNKS = 20_000
VECTOR_CACHE_POSTINGS = 512  # postings whose vectors stay in memory (about 5 MB with MiniLM)


@functools.cache
def _workers(job: str) -> ThreadPoolExecutor:
    """A pool per kind of job: "search" tasks may wait on "prefetch" tasks, which wait on
    nothing, so no task ever waits on one queued behind it."""
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix=f"rolechat-{job}")


def _settle(future: Future, fn, *args) -> None:
    try:
        future.set_result(fn(*args))
    except BaseException as exc:
        future.set_exception(exc)


def _posting_part(fetch: Future, posting_id: str) -> Future:
    part: Future = Future()

    def done(f: Future) -> None:
        if f.exception() is not None:
            part.set_exception(f.exception())
        else:
            part.set_result(f.result()[posting_id])

    fetch.add_done_callback(done)
    return part


@dataclass(frozen=True)
class Search:
    """The unfocused half of a retrieval, computed once per question: the question's embedding and
    the dense and keyword rankings. Role matching reads it as evidence before the focused half."""

    question: str
    allowed: frozenset[str] | None
    embedding: list[float]
    ranked: tuple[list[str], ...]  # chunk ids, best first, one list per retriever

    def posting_ranks(self, corpus: Corpus) -> dict[str, int]:
        """Posting id -> the best fused rank any of its passages reached."""
        fused: dict[str, float] = defaultdict(float)
        for ranked in self.ranked:
            for rank, chunk_id in enumerate(ranked):
                fused[chunk_id] += 1.0 / (RRF_K + rank + 1)
        ranks: dict[str, int] = {}
        for rank, chunk_id in enumerate(sorted(fused, key=lambda c: -fused[c])):
            ranks.setdefault(corpus.chunks[chunk_id].posting_id, rank)
        return ranks


@dataclass(frozen=True)
class RoleMatch:
    posting_ids: tuple[str, ...]  # the postings the question names, best first
    terms: frozenset[str]  # the question's stems that named them
    equal: int = 0  # how many postings the name fits exactly as well as the first
    by_place: bool = False  # named by a place only, no title, company or type word


def match_roles(
    question: str, corpus: Corpus, limit: int = 10, several: bool = False, evidence: Mapping[str, int] | None = None,
    whole: bool = True,
) -> RoleMatch:
    """Which postings the question names, by title, company or type (IDF-weighted); by place
    only when nothing else names one. ``several``: the question may name more than one role
    ("the principal role and the internship"), so any posting a word names alone is kept too.
    Among postings the name fits equally well (twenty "Machine Learning Engineer Intern"
    postings), those whose title and company share more word pairs with the question as written
    come first, then those ranked higher by ``evidence`` (posting id -> rank of its best passage
    for the whole question: "... the Spectacles ML intern"). ``whole``: ``question`` is all of the
    question, not one role of a comparison, so that evidence is about it alone."""
    stems = set(content_stems(question))
    if not stems or not corpus.postings:
        return RoleMatch((), frozenset())
    # "... at Snap", "... with Kestrel Capital": a name after "at" is how users say which company
    # they mean, so it outweighs title words that many postings share ("senior", "engineer").
    employer = set(content_stems(" ".join(_EMPLOYER.findall(question))))
    for vocab in (corpus.role_vocab, corpus.place_vocab):
        scores, named_by, sole, near_best = _name_scores(question, stems, employer, vocab, corpus)
        if scores and vocab is corpus.role_vocab and _names_by_other_words(question, named_by):
            # "Is registration required for the physio job?": "the physio job" names the role
            # ("Kōwhai Physio & Rehab"), not "registration" a "Registered Dental Hygienist"
            by_text = _named_by_text(question, corpus)
            if by_text is not None:
                return by_text
        if scores:
            chosen = set(near_best)
            if several:
                chosen |= sole
            elif vocab is corpus.role_vocab:
                # "the night shift nurse at Riverside" means Riverside's posting, however well
                # another company's "Registered Nurse (Night Shift)" fits the title words
                company = _at_company(question, corpus)
                at = scores.of(company)
                if at:
                    best = max(at.values())
                    chosen = {p for p, s in at.items() if s >= 0.75 * best}
                else:
                    chosen = _in_place_said(question, chosen, scores, corpus)
            unranked = len(evidence or ())
            asked = word_pairs(question)

            # How well the name fits: its score, then the word pairs said as the posting says them.
            # Asked for the "Machine Learning Engineering Intern", the posting of that title fits
            # better than five "Machine Learning Engineer Intern (Summer 2026)".
            fit = {p: (-round(scores.get(p, 0.0), 9), -len(asked & corpus.label_pairs(p))) for p in chosen}
            ordered = sorted(chosen, key=lambda p: (*fit[p], (evidence or {}).get(p, unranked), p))
            fits = [p for p in chosen if fit[p] == fit[ordered[0]]]  # the postings that fit alike
            equal = len(fits)
            if evidence and whole and not several and equal > ANSWERED_AT_ONCE:
                pick = _picked_by_content(stems - named_by.keys() - filler_stems(), fits, evidence, corpus)
                if pick is not None:
                    ordered = [pick] + [p for p in ordered if p != pick]
                    equal = 1
            # The words that named the postings chosen, not every word some title has: with
            # "Lead ..." and "Product ..." titles about, "lead" and "products" in "Which products
            # will the Principal ML Engineer lead ...?" are still what is asked.
            named = set(ordered[:limit]) if several else {ordered[0]}
            used = {t for t, groups in named_by.items() if any(not named.isdisjoint(g) for g in groups)}
            return RoleMatch(tuple(ordered[:limit]), frozenset(used), equal, vocab is corpus.place_vocab)
    return _named_by_text(question, corpus) or RoleMatch((), frozenset())




def _in_place_said(question: str, chosen: set[str], scores: "_Scores", corpus: Corpus) -> set[str]:
    """"the Munich nurse job": of the chosen postings, those in the place said with the role's
    words ("the Auckland teaching role" is not the "Registered" vet nurse a question's
    "registration" named); where none of them is there, the postings in that place the words
    name (or, when they name none of them, the few in that place: a "Pflegefachkraft" in
    "München"); else ``chosen``."""
    said = {t for m in THE_X_JOB.finditer(question) for t in content_stems(m.group(1))}
    placed = set().union(*(corpus.place_vocab[t] for t in said if t in corpus.place_vocab))
    if not placed or len(placed) == len(corpus.postings):
        return chosen
    if not chosen.isdisjoint(placed):
        return chosen & placed
    at = scores.of(placed)
    if at:
        best = max(at.values())
        return {p for p, s in at.items() if s >= 0.75 * best}
    return placed if len(placed) <= ANSWERED_AT_ONCE else chosen


def _names_by_other_words(question: str, named_by: Mapping[str, object]) -> bool:
    """The question says "the X job" and no word of X is among those that named a posting."""
    said = {w for m in THE_X_JOB.finditer(question) for w in content_stems(m.group(1))} - filler_stems()
    return bool(said) and not said & named_by.keys()


def _named_by_text(question: str, corpus: Corpus) -> RoleMatch | None:
    """"the warehouse job" of an "Order Picker" posting whose text says "warehouse": the words
    before a job word name the postings whose text alone says them all, when a few do; of a
    company named after "at", only its postings ("the pastry job at Harbor Grill" is not
    another company's posting whose text says "pastries")."""
    at = _at_company(question, corpus) if _AT.search(question) else None
    for m in THE_X_JOB.finditer(question):
        said = [w for w in content_stems(m.group(1)) if w not in filler_stems() and not w.isdigit()]
        words = [w for w in said if w in corpus.chunk_df]  # (a word no posting says names none: "kiwi physio job")
        if not words:
            continue
        hits = [pid for pid, stems in corpus.posting_stems.items() if all(w in stems for w in words) and (not at or pid in at)]
        if 1 <= len(hits) <= ANSWERED_AT_ONCE:
            return RoleMatch(tuple(hits), frozenset(said), len(hits))
    return None


def _name_scores(question: str, stems: set[str], employer: set[str], vocab: dict[str, set[str]], corpus: Corpus):
    """(posting -> how well the question's words name it, stem -> the postings it names, postings
    a word names alone, postings named at least 3/4 as well as the best). Kept per corpus for the
    last questions: a question is matched twice, by title first and then with its passages' ranks,
    which only reorder equals. At 10,000 postings a word such as "engineer" names thousands, and
    picking the near-best of them took 1 ms a time; the scores are arrays over the corpus' posting
    rows, because adding a word's weight posting by posting took most of 4.6 ms a question."""
    place = vocab is corpus.place_vocab
    key = (question, place)
    cached = corpus.name_scores.get(key)
    if cached is not None:
        return cached
    scores = np.zeros(len(corpus.row_posting))
    scored = np.zeros(len(corpus.row_posting), dtype=bool)
    named_by: dict[str, list[set[str]]] = defaultdict(list)  # question stem -> postings it names
    sole: set[str] = set()
    hit: set[str] = set()
    tails: list[tuple[str, str, float, bool]] = []  # (vocab term, term, weight, sole): counted if a head is named
    for term in stems:
        for vocab_term, posting_ids in _vocab_hits(term, vocab):
            if len(posting_ids) == len(corpus.postings) and len(corpus.postings) > 1:
                continue  # a word every posting shares names none of them
            hit.add(vocab_term)
            weight = corpus.role_idf(vocab_term, vocab) * (2.0 if term in employer and not place else 1.0)
            tail_of = corpus.tail_of.get(vocab_term, ()) if not place else ()
            if tail_of:
                tails.append((vocab_term, term, weight, len(posting_ids) == 1))
                posting_ids = posting_ids - tail_of
                if not posting_ids:
                    continue
            named_by[term].append(posting_ids)
            if len(posting_ids) == 1:
                sole |= posting_ids
            rows = corpus.name_rows[(place, vocab_term)]
            scores[rows] += weight
            scored[rows] = True
    named_else = bool(scored.any())
    for vocab_term, term, weight, alone in tails:
        by_head = corpus.tail_rows[vocab_term]
        heads = [h for h in hit if h in by_head]
        if (not heads and (not named_else or term in employer) and len(by_head) == 1
                and _said_only_by(vocab_term, corpus.tail_of[vocab_term], corpus)):
            # "What does Núñez pay?", "the nurse job at St. Korbinian": when no other word names a
            # posting, or after "at", a name's later word that no other posting says names it ("the
            # kiwi physio job - do I need registration?" is left to the words before "job", not set
            # beside the "Registered" hygienist)
            heads = list(by_head)
        rows = np.concatenate([by_head[h] for h in heads] or [np.zeros(0, dtype=np.intp)])
        scores[rows] += weight
        scored[rows] = True
        for row in rows:
            named_by[term].append({corpus.row_posting[row]})
            if alone:
                sole.add(corpus.row_posting[row])
    if not place:
        _company_named(question, scores, scored, corpus)
    best = scores[scored].max() if scored.any() else 0.0
    near_best = frozenset(corpus.row_posting[r] for r in np.flatnonzero(scored & (scores >= 0.75 * best)))
    result = (_Scores(scores, scored, corpus), dict(named_by), sole, near_best)
    if len(corpus.name_scores) >= 64:
        corpus.name_scores.clear()  # a few questions' worth; clearing is safe from any thread
    corpus.name_scores[key] = result
    return result


def _said_only_by(term: str, posting_ids: set[str], corpus: Corpus) -> bool:
    """No posting but these says ``term`` anywhere (read only for a company's later word said
    without its first: "systems" of "Willow Systems" is said by postings about operating systems)."""
    return not any(term in stems for pid, stems in corpus.posting_stems.items() if pid not in posting_ids)


class _Scores(Mapping[str, float]):
    """Posting id -> score, for the postings a question's words named, over _name_scores' arrays."""

    def __init__(self, scores: np.ndarray, scored: np.ndarray, corpus: Corpus):
        self._scores, self._scored, self._corpus = scores, scored, corpus
        self._len = int(scored.sum())

    def __getitem__(self, posting_id: str) -> float:
        row = self._corpus.posting_row.get(posting_id)
        if row is None or not self._scored[row]:
            raise KeyError(posting_id)
        return float(self._scores[row])

    def __iter__(self):
        return (self._corpus.row_posting[r] for r in np.flatnonzero(self._scored))

    def __len__(self) -> int:
        return self._len

    def of(self, posting_ids) -> dict[str, float]:
        """The scores of those of these postings that were named (a company's hundreds, at once)."""
        rows = np.fromiter((self._corpus.posting_row.get(p, -1) for p in posting_ids), dtype=np.intp)
        rows = rows[rows >= 0]
        rows = rows[self._scored[rows]]
        return {self._corpus.row_posting[r]: float(self._scores[r]) for r in rows}


def _company_named(question: str, scores: np.ndarray, scored: np.ndarray, corpus: Corpus) -> None:
    """Postings whose company's first two words the question says together ("How many markets
    does Juniper Analytics serve?") score above those that only share the words: a "Juniper
    Systems" posting titled "... Marketing Analytics" fits "juniper" and "analytics" as well.
    The name counts twice, as a company after "at" does."""
    said = content_stems(question)
    for pair in dict.fromkeys(zip(said, said[1:])):  # a name said twice counts once
        for pid in corpus.company_pairs.get(pair, ()):
            row = corpus.posting_row[pid]
            if scored[row]:
                scores[row] += sum(corpus.role_idf(t, corpus.role_vocab) for t in pair)


def _picked_by_content(content: set[str], fits: list[str], evidence: Mapping[str, int], corpus: Corpus) -> str | None:
    """When a role name fits many postings alike ("the internship", "systems"), a posting whose
    text holds the question's other words ("operating system", "drones") and which the question's
    passages rank among the first, if none of the postings that fit best holds half as much of
    them. The name need not fit it: "the summer placement on ..." means a posting titled "Flight
    Software Intern" when it is the one about that, whatever six "(Summer 2026)" titles say. With
    1,000 generated postings beside the seeds this answered the seed paraphrase it failed (fact
    recall 0.86 -> 0.88), the seeds and tests/data evals unchanged."""
    if not content:
        return None
    weight = {t: corpus.idf(t) for t in content}

    def held(pid: str) -> float:
        stems = corpus.posting_stems.get(pid, frozenset())
        return sum(w for t, w in weight.items() if t in stems)

    candidates = sorted(evidence, key=lambda p: (evidence[p], p))[:CONTENT_CANDIDATES]
    if not candidates:
        return None
    best = max(candidates, key=held)  # max keeps the first (best evidence) of equals
    most = held(best)
    if best in fits or most <= 0 or any(held(p) >= 0.5 * most for p in fits):
        return None
    return best


_CAPITALISED_NAME = r"\s+((?:[A-Z][\w&'’.-]*\s*){1,4})"
_EMPLOYER = re.compile(r"\b(?:at|with|from|for|by)" + _CAPITALISED_NAME)
_AT = re.compile(r"\bat" + _CAPITALISED_NAME)
# "the Flussbau developer", "a Kestrel data engineer": a name said before the role's own words
_NAME_BEFORE_ROLE = re.compile(r"\b(?:the|a|an)\s+([A-Z][\w&'’.-]*)(?:['’]s)?\s+(?=[a-z])")


def _at_company(question: str, corpus: Corpus) -> set[str]:
    """The postings of the companies named by their first word after "at" ("at Riverside") or
    before the role's words ("the Flussbau developer")."""
    heads = set(content_stems(" ".join(_AT.findall(question) + _NAME_BEFORE_ROLE.findall(question))))
    return set().union(*(corpus.postings_by_head.get(t, ()) for t in heads))


def _vocab_hits(term: str, vocab: dict[str, set[str]]):
    if term in vocab:
        yield term, vocab[term]
        return
    if len(term) >= 5:
        for vocab_term, ids in vocab.items():
            if vocab_term != term and stems_match(term, vocab_term):
                yield vocab_term, ids


def keyword_text(passage: Passage) -> str:
    """What BM25 reads of a passage: what ``get_content(MetadataMode.EMBED)`` gave for the
    ``TextNode(text=title, section, text; metadata={"posting_id": ...})`` it was built from."""
    return f"posting_id: {passage.posting_id}\n\n{passage.title}\n{passage.section}\n{passage.text}"


class KeywordIndex:
    """BM25 over passages, computed as llama-index's ``BM25Retriever`` computes it: bm25s with
    English stopwords and stemmer on the passages, the stemmer alone on the question, the same
    token pattern, the same top k. Ours because the retriever builds a ``TextNode`` and a metadata
    dict per passage when it opens, and rebuilds nodes from JSON for every hit; only ids and
    scores are used here. Measured at 73k passages: 2.8 s instead of 6.2 s to open, 0.70 ms
    instead of 1.55 ms per question, the same ids and scores for 203 of 203 questions."""

    TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # BM25Retriever's default

    def __init__(self, passages, top_k: int):
        import bm25s
        import Stemmer

        passages = list(passages)
        self._ids = [p.chunk_id for p in passages]
        self._stemmer = Stemmer.Stemmer("english")
        tokens = bm25s.tokenize([keyword_text(p) for p in passages], stopwords="en", stemmer=self._stemmer,
                                token_pattern=self.TOKEN_PATTERN, show_progress=False)
        self._bm25 = bm25s.BM25()
        self._bm25.index(tokens, show_progress=False)
        self._k = min(top_k, len(passages))

    def search(self, question: str) -> list[tuple[str, float]]:
        """(chunk id, score) of the best ``top_k`` passages sharing a word with the question, best first."""
        import bm25s

        words = bm25s.tokenize(question, stemmer=self._stemmer, token_pattern=self.TOKEN_PATTERN, return_ids=False,
                               show_progress=False)[0]
        known = self._bm25.get_tokens_ids(words)
        if not known:
            return []
        scores = self._bm25.get_scores_from_ids(known)
        # The top k is picked here rather than by ``BM25.retrieve``: its ``argpartition(scores, -k)``
        # over scores that are nearly all zero took 3.5-4.9 ms at 73k passages, ``argpartition``
        # of the negated scores 0.2 ms. Ties are broken by passage order, so a ranking repeats.
        k = self._k
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        top = top[np.lexsort((top, -scores[top]))]
        return [(self._ids[int(i)], float(scores[i])) for i in top if scores[i] > 0]


class HybridRetriever:
    def __init__(self, corpus: Corpus, vector_store, embed_model):
        self.corpus = corpus
        self._embed_model = embed_model
        self._collection = vector_store.client  # the chromadb Collection the store wraps
        self._vectors: OrderedDict[str, Future] = OrderedDict()  # posting id -> (chunk ids, matrix)
        self._vectors_lock = threading.Lock()
        self._bm25 = KeywordIndex(corpus.chunks.values(), CANDIDATES) if corpus.chunks else None

    def retrieve(
        self,
        question: str,
        top_k: int,
        posting_ids: tuple[str, ...] | None = None,
        focus: tuple[str, ...] = (),
        per_posting: int = 0,
        search: Search | None = None,
        answered: tuple[str, ...] | None = None,
    ) -> list[Passage]:
        """Best ``top_k`` passages; ``posting_ids`` restricts, ``focus`` prefers (and with
        ``per_posting`` guarantees that many passages from each of ``answered``, by default the
        focus)."""
        if not self.corpus.chunks or not question.strip():
            return []
        allowed = set(posting_ids) if posting_ids else None
        if search is None or search.question != question or search.allowed != (frozenset(allowed) if allowed else None):
            search = self.search(question, posting_ids)
        ranked_lists = list(search.ranked)
        if focus and len(focus) <= 10:
            ranked_lists.append(self._dense(search.embedding, set(focus) & allowed if allowed else set(focus)))
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
            for pid in focus if answered is None else answered:
                have = [c for c in chosen if self.corpus.chunks[c].posting_id == pid]
                extra = [c for c in order if self.corpus.chunks[c].posting_id == pid and c not in chosen]
                if len(have) + len(extra) < per_posting:
                    # the rest of the posting, as it reads, where neither ranking reached it: a
                    # "Closing Date:" line under "Salary" that another role's words outranked
                    ranked = set(chosen) | set(extra)
                    extra += [p.chunk_id for p in self.corpus.by_posting.get(pid, ()) if p.chunk_id not in ranked]
                chosen.extend(extra[: max(0, per_posting - len(have))])
        top = max(fused.values()) if fused else 1.0
        return [replace(self.corpus.chunks[c], score=round(fused[c] / top, 4)) for c in chosen]

    def search(self, question: str, posting_ids: tuple[str, ...] | None = None) -> Search:
        """The unfocused rankings of a question (``retrieve`` reuses them when given)."""
        allowed = set(posting_ids) if posting_ids else None
        if not self.corpus.chunks or not question.strip():
            return Search(question, frozenset(allowed) if allowed else None, [], ())
        embedding = self._embed_model.get_query_embedding(question)
        if len(self.corpus.chunks) < OVERLAP_FROM_CHUNKS:
            ranked = (self._dense(embedding, allowed), self._keyword(question, allowed))
        else:  # the dense query waits on Chroma (a round trip to a server) while BM25 works here
            dense = _workers("search").submit(self._dense, embedding, allowed)
            keyword = self._keyword(question, allowed)
            ranked = (dense.result(), keyword)
        return Search(question, frozenset(allowed) if allowed else None, embedding, ranked)

    def prefetch(self, posting_ids: Sequence[str]) -> None:
        """Start fetching these postings' stored vectors in the background: a question's named
        postings are known (by title) before its embedding and unfocused rankings are, and with
        a Chroma server the fetch is an HTTP round trip that can run meanwhile."""
        if posting_ids and len(posting_ids) <= 10:
            self._posting_vectors(posting_ids, wait=False)

    def _dense(self, embedding: list[float], allowed: set[str] | None) -> list[str]:
        """Chunk ids nearest the question, best first; ``allowed`` restricts to those postings."""
        if allowed is not None:
            chunks = sum(len(self.corpus.by_posting.get(pid, ())) for pid in allowed)
            if not chunks:
                return []
            if chunks <= IN_PROCESS_CHUNKS:
                return self._rank(embedding, sorted(allowed))
        where = {POSTING_ID_KEY: {"$in": sorted(allowed)}} if allowed is not None else None
        found = self._collection.query(
            query_embeddings=[embedding], n_results=min(CANDIDATES, len(self.corpus.chunks)),
            where=where, include=["distances"],
        )
        return [chunk_id for chunk_id in found["ids"][0] if chunk_id in self.corpus.chunks]

    def _rank(self, embedding: list[float], posting_ids: list[str]) -> list[str]:
        """Cosine ranking of these postings' stored vectors (the collection's own metric)."""
        ids, vectors = [], []
        for chunk_ids, matrix in self._posting_vectors(posting_ids):
            ids.extend(chunk_ids)
            vectors.append(matrix)
        if not ids:
            return []
        vectors = np.concatenate(vectors)
        query = np.asarray(embedding, dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1) * (np.linalg.norm(query) or 1.0)
        scores = vectors @ query / np.where(norms == 0, 1.0, norms)
        order = np.argsort(-scores, kind="stable")[:CANDIDATES]
        return [ids[i] for i in order]

    def _posting_vectors(self, posting_ids: Sequence[str], wait: bool = True) -> list[tuple[list[str], np.ndarray]]:
        """Each posting's (chunk ids, stored vectors), one ``get`` for those not cached. The cache
        lives as long as this retriever, which is rebuilt whenever the store changes; a follow-up
        about the same role reads no vectors again. Only a prefetch runs on a worker thread (a
        caller that needs the vectors now fetches them itself), and a fetch waits on nothing."""
        fetch: Future = Future()
        with self._vectors_lock:
            missing = [pid for pid in dict.fromkeys(posting_ids) if pid not in self._vectors]
            for pid in missing:
                self._vectors[pid] = _posting_part(fetch, pid)
            for pid in posting_ids:
                self._vectors.move_to_end(pid)
            parts = [self._vectors[pid] for pid in posting_ids]
            while len(self._vectors) > VECTOR_CACHE_POSTINGS:
                self._vectors.popitem(last=False)
        if missing:
            fetch.add_done_callback(lambda f: f.exception() is not None and self._forget(missing))
            if not wait:
                _workers("prefetch").submit(_settle, fetch, self._fetch_vectors, missing)
                return []
            _settle(fetch, self._fetch_vectors, missing)
        return [part.result() for part in parts]

    def _forget(self, posting_ids: list[str]) -> None:
        """A failed fetch (the server was down) is not remembered: the next question asks again."""
        with self._vectors_lock:
            for pid in posting_ids:
                part = self._vectors.get(pid)
                if part is not None and part.done() and part.exception() is not None:
                    del self._vectors[pid]

    def _fetch_vectors(self, posting_ids: list[str]) -> dict[str, tuple[list[str], np.ndarray]]:
        wanted = [p.chunk_id for pid in posting_ids for p in self.corpus.by_posting.get(pid, ())]
        got = self._collection.get(ids=wanted, include=["embeddings"]) if wanted else {"ids": []}
        rows: dict[str, list[int]] = defaultdict(list)
        for row, chunk_id in enumerate(got["ids"]):
            if chunk_id in self.corpus.chunks:
                rows[self.corpus.chunks[chunk_id].posting_id].append(row)
        matrix = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), -1)
        return {pid: ([got["ids"][r] for r in rows[pid]], matrix[rows[pid]]) for pid in posting_ids}

    def _keyword(self, question: str, allowed: set[str] | None) -> list[str]:
        if self._bm25 is None:
            return []
        return [
            chunk_id
            for chunk_id, _ in self._bm25.search(question)
            if chunk_id in self.corpus.chunks
            and (allowed is None or self.corpus.chunks[chunk_id].posting_id in allowed)
        ]
