"""The public Python API: ``Assistant`` (ingest, ask, stream, chat) and ``Chat``.

The CLI, the Gradio page and the eval script use only this. One ``Assistant`` is safe to share
between threads: questions read an immutable snapshot (corpus + retriever) that an ingest
replaces whole when it finishes.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from index import Config, IngestReport, PostingFields, PostingIndex, RolechatError, make_embed_model

from .bounds import asked_bound
from .claims import Claim, Draft, render
from .corpus import Corpus, build_corpus, correct_spelling
from .text import stem
from .extractive import ExtractiveAnswerer
from .question import DIFFER, ROLE_NOUNS, QuestionShape, analyse, asks_for_roles, besides_spans, offered_spans, pay_period_asked, role_description, trigger_spans
from .retrieval import ANSWERED_AT_ONCE, FIELDS_ANSWERED_AT_ONCE, HybridRetriever, RoleMatch, match_roles
from .types import Answer, Passage

MAX_QUESTION_CHARS = 4000
ANSWER_POOL = 12
PASSAGES_PER_ROLE = 4  # of the pool, at least, for each role an answer is about


class QuestionError(RolechatError):
    """The question cannot be asked as given."""


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """Build the in-memory view with Python's cycle collector paused. The view is some 900,000
    objects at 10,000 postings, all kept, and each full collection while it is built walks every
    one of them again: three such took 1.3-1.8 s of opening that index; paused, none (opening took
    11.1 and 11.2 s against 15.0 and 12.0 s, alternating runs). Paused only while it is built:
    whatever the build leaves for the collector is collected afterwards as usual.

    A process that froze its objects (``gc.freeze()``, as ``rolechat serve`` does once warm, so
    that no question waits 0.8 s for a full collection to walk the view) gets the old view
    collected and the new one frozen with the rest."""
    frozen = gc.get_freeze_count() > 0
    if frozen:
        gc.unfreeze()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    if frozen:
        gc.collect()  # what the replaced view leaves, before the rest is frozen again with the new one
        gc.freeze()


@dataclass(frozen=True)
class _Snapshot:
    corpus: Corpus
    retriever: HybridRetriever
    extractive: ExtractiveAnswerer


@dataclass
class _Turn:
    question: str
    answer: Answer
    focus: tuple[str, ...]


class AnswerStream:
    """Iterate for the answer's text as it is produced; ``.answer`` holds the final ``Answer``."""

    def __init__(self, pieces: Iterator[str | Answer]):
        self._pieces = pieces
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        for piece in self._pieces:
            if isinstance(piece, Answer):
                self.answer = piece
            else:
                yield piece


class Assistant:
    def __init__(
        self,
        data_dir: str | os.PathLike | None = None,
        llm: str | None = None,
        model: str | None = None,
        top_k: int | None = None,
        collection: str | None = None,
        embed: str | None = None,
        chroma_host: str | None = None,
        chroma_port: int | None = None,
        config: Config | None = None,
    ):
        self.config = config or Config.resolve(
            data_dir=data_dir, llm=llm, model=model, top_k=top_k, collection=collection,
            embed=embed, chroma_host=chroma_host, chroma_port=chroma_port,
        )
        self.index = PostingIndex(self.config)
        self._embed_model = make_embed_model(self.config)
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None
        self._llm_answerer = None
        if self.config.llm == "openai":
            from .llm import LLMAnswerer

            self._llm_answerer = LLMAnswerer(self.config)

    # -- offline side -----------------------------------------------------------------------
    def ingest(self, paths: Sequence[str | os.PathLike] | str, prune: bool = False, progress: bool = False) -> IngestReport:
        """Add, update (and with ``prune`` remove) postings; see ``index.PostingIndex.ingest``."""
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        report = self.index.ingest(paths, prune=prune, progress=progress)
        if report.added or report.updated or report.removed or self._snapshot is None:
            self.refresh()
        return report

    def remove(self, posting_ids: Sequence[str]) -> list[str]:
        removed = self.index.remove(posting_ids)
        if removed:
            self.refresh()
        return removed

    def postings(self) -> list[PostingFields]:
        """Structured fields of every ingested posting (title, company, salary, ...)."""
        return list(self._current().corpus.postings.values())

    def warm_up(self) -> None:
        """Do now what the first question would wait for: the in-memory view of the postings and,
        with the local model, the query encoder (its ONNX export takes about 1.5 s once per process)."""
        self._current()
        if self.config.embed == "local":
            self._embed_model.get_query_embedding("warm up")

    def refresh(self) -> None:
        """Rebuild the in-memory view after the store changed (another process ingested)."""
        with self._lock, self.index.reaching_store(), _long_lived():
            corpus = build_corpus(self.index)
            self._snapshot = _Snapshot(
                corpus=corpus,
                retriever=HybridRetriever(corpus, self.index.vector_store(), self._embed_model),
                extractive=ExtractiveAnswerer(corpus),
            )

    @property
    def answerer_name(self) -> str:
        return self._llm_answerer.name if self._llm_answerer else "extractive"

    # -- online side ------------------------------------------------------------------------
    def retrieve(self, question: str, k: int | None = None, posting_ids: Sequence[str] | None = None) -> list[Passage]:
        snap = self._current()
        q = correct_spelling(_clean_question(question), snap.corpus)
        allowed = tuple(posting_ids or ()) or None
        with self.index.reaching_store():
            search, understood = _read(snap, q, allowed)
            return snap.retriever.retrieve(q, k or self.config.top_k, allowed, understood.focus, search=search)

    def ask(self, question: str, posting_ids: Sequence[str] | None = None) -> Answer:
        return self._answer(question, [], posting_ids, stream=False)  # type: ignore[return-value]

    def stream(self, question: str, posting_ids: Sequence[str] | None = None) -> AnswerStream:
        return AnswerStream(self._answer(question, [], posting_ids, stream=True))  # type: ignore[arg-type]

    def chat(self, posting_ids: Sequence[str] | None = None) -> "Chat":
        return Chat(self, posting_ids)

    # -- internals --------------------------------------------------------------------------
    def _current(self) -> _Snapshot:
        if self._snapshot is None:
            self.refresh()
        assert self._snapshot is not None
        return self._snapshot

    def _answer(self, question: str, history: list[_Turn], posting_ids: Sequence[str] | None, stream: bool):
        started = time.perf_counter()
        snap = self._current()
        asked = _clean_question(question)
        allowed = tuple(posting_ids or ()) or None
        standalone = (history and _ask_again(asked, history[-1], snap.corpus)) or asked
        if history and self._llm_answerer is not None and standalone == asked:
            standalone = self._llm_answerer.condense(asked, history) or asked
        corrected = correct_spelling(standalone, snap.corpus)
        with self.index.reaching_store():
            search, understood = _read(snap, corrected, allowed, history[-1].focus if history else ())
            focus, role_terms, carried, shape = understood.focus, understood.role_terms, understood.carried, understood.shape
            focus = _restrict(focus, allowed)
            query = corrected
            if carried:
                query = f"{corrected} ({'; '.join(snap.corpus.label(p) for p in focus)})"
            # The answerer reads a deeper pool than top_k: a sentence that answers may sit in the
            # sixth passage. ``Answer.passages`` keeps the whole pool, best first. The roles the
            # answer is about get their own best passages in it whatever other postings score:
            # with four more "Machine Learning Engineer Intern" postings, "Which programming
            # language does it ask for?" filled the pool with theirs.
            pool = max(self.config.top_k, ANSWER_POOL)
            answered = _answered(understood, focus)
            # A comparison reads each role it compares as deep as a question about that role
            # alone: the role whose title the question spells out wins both rankings, and with
            # two passages the other's answer was "I couldn't find this in its posting".
            per_posting = pool if shape.is_comparison else PASSAGES_PER_ROLE
            # A follow-up is searched as asked, not with the role's name added ("query"): the
            # name would rank every posting of the same title, and the focus already names it.
            passages = snap.retriever.retrieve(corrected, pool, allowed, focus, per_posting, search, answered)

        def extractive_answer(notice: str = "") -> Answer:
            # a focus of the first ten of the 70 postings "internships" fits alike is not the set asked about
            focus_is_all = understood.carried or not understood.equal or understood.equal <= len(focus)
            draft = snap.extractive.answer(shape, passages, focus, role_terms, answered, focus_is_all)
            # a list of roles answers about the set, so no one of them was picked
            note = ambiguity_note(understood, snap.corpus) if not allowed and not asks_for_roles(shape.text) else ""
            if note and not draft.about_set and (draft.abstained or focus[0] in {c.passage.posting_id for c in draft.claims if c.passage}):
                draft.claims.append(Claim(note))
            # the roles answered, not every posting the name fits less well: "that team" next
            # means the team of the role the answer was about
            about = answered
            if asks_for_roles(shape.text) and not draft.abstained:
                # a list of roles is about the roles listed: "How much does it pay?" may follow
                about = tuple(dict.fromkeys(c.passage.posting_id for c in draft.claims if c.passage)) or focus
            return self._finish(draft, asked, query, passages, "extractive", notice, about)

        if self._llm_answerer is None or shape.is_injection or not passages:
            answer = extractive_answer()
            if stream:
                return _stream_text(answer)
            return answer
        if stream:
            return self._tag(self._llm_answerer.stream(query, shape, passages, focus, asked, extractive_answer), answered)
        return self._tag(self._llm_answerer.answer(query, shape, passages, focus, asked, extractive_answer), answered)

    @staticmethod
    def _tag(result, about: tuple[str, ...]):
        """Record which roles an answer was about: the next turn of a chat carries them."""
        if isinstance(result, Answer):
            result.about = about
            return result

        def tagged():
            for piece in result:
                if isinstance(piece, Answer):
                    piece.about = about
                yield piece

        return tagged()

    def _finish(self, draft: Draft, asked: str, query: str, passages: list[Passage], answerer: str, notice: str, focus: tuple[str, ...]) -> Answer:
        text, citations = render(draft.claims)
        answer = Answer(
            text=text, citations=citations, abstained=draft.abstained, question=asked,
            standalone_question=query, passages=passages, answerer=answerer, notice=notice, about=focus,
        )
        return answer


def _read(snap: _Snapshot, question: str, allowed: tuple[str, ...] | None, previous: tuple[str, ...] = ()):
    """(the question's unfocused rankings, what it asks about). The postings it names by title
    are known before its rankings are, which only reorder equal names: their vectors are fetched
    while the question is embedded."""
    snap.retriever.prefetch(_restrict(understand(question, snap.corpus, previous).focus, allowed))
    search = snap.retriever.search(question, allowed)
    return search, understand(question, snap.corpus, previous, search.posting_ranks(snap.corpus))


# "And the Riverside nurse?", "What about the product designer there?": the previous question,
# asked about another role.
_ELLIPSIS = re.compile(r"^\s*(?:and|what about|how about|same for|and what about)\s+(?P<role>.+?)[\s?.!]*$", re.IGNORECASE)
# Between two words of a role's name as a question says it: "senior data scientist at Globex".
_NAME_GAP = re.compile(r"[\s,()'’&/–-]*(?:\b(?:at|of|for|in|with|the)\b[\s,()'’&/–-]*)?")


def _ask_again(question: str, previous: _Turn, corpus: Corpus) -> str | None:
    """The previous question with its role's name replaced by the one this question names, when
    this question is only a role ("And the Riverside nurse?"); else None. A question that asks
    something itself ("And is it remote?") is not rewritten."""
    m = _ELLIPSIS.match(question)
    if not m or analyse(question).intents or not previous.focus:
        return None
    before = previous.answer.standalone_question or previous.question
    naming = _naming_terms(previous.focus, corpus)
    runs: list[list[re.Match[str]]] = []
    for w in re.finditer(r"[^\W_]+", before):
        if stem(w.group(0).lower()) not in naming:
            continue
        if runs and _NAME_GAP.fullmatch(before[runs[-1][-1].end() : w.start()]):
            runs[-1].append(w)
        else:
            runs.append([w])
    if not runs:
        return None
    run = max(runs, key=len)
    start, end = run[0].start(), run[-1].end()
    # "the Flussbau backend developer" of a "Backend-Entwickler": the user's own job noun goes
    # with the name it ends ("the other Berlin one developer" named a "Developer Documentation" role)
    noun = re.match(r"\s+([^\W_]+)", before[end:])
    if noun and noun.group(1).lower() in ROLE_NOUNS | {"role", "job", "position", "posting", "opening"}:
        end += noun.end()
    role = m.group("role")
    if re.search(r"\b(?:the|this|that)\s*$", before[:start], re.IGNORECASE):
        role = re.sub(r"^(?:the|this|that)\s+", "", role, flags=re.IGNORECASE)
    return before[:start] + role + before[end:]


def _naming_terms(posting_ids: Sequence[str], corpus: Corpus) -> set[str]:
    """The stems that name any of these postings: title, company, places."""
    naming: set[str] = set()
    for pid in posting_ids:
        naming |= corpus.naming_terms.get(pid, set())
    return naming


def _answered(understood: Understood, focus: tuple[str, ...]) -> tuple[str, ...]:
    """The roles an answer is about: a comparison's roles; else those the question's role name
    fits equally well, up to ``_answered_at_once``, or the best one. A posting that fits less well
    stays in the focus (its passages count more) but is not answered: "Which products will the
    Principal Search Engineer lead ...?" is not about the "Lead Product Designer"."""
    if understood.shape.is_comparison:
        return focus
    equal = understood.equal if understood.equal and not understood.carried and focus == understood.focus else len(focus)
    return focus[:equal] if equal <= _answered_at_once(understood.shape) else focus[:1]


def _answered_at_once(shape: QuestionShape) -> int:
    """How many postings a role name may fit alike and each still get its answer: more when each
    answer is one field's line."""
    return FIELDS_ANSWERED_AT_ONCE if shape.asks_fields_only else ANSWERED_AT_ONCE


def _restrict(focus: tuple[str, ...], allowed: tuple[str, ...] | None) -> tuple[str, ...]:
    """The focus within a role filter; a small filter is the focus when nothing in it is named."""
    if not allowed:
        return focus
    return tuple(p for p in focus if p in allowed) or (allowed if len(allowed) <= 3 else ())


_OTHER = re.compile(r"\b(?:the|that|this) other\b", re.IGNORECASE)
# "Does it include weekends?", "How long is that role?": a follow-up about the previous role.
_REFERS_BACK = re.compile(r"\b(?:it|its|it's|this|that|these|those|they|them|there|the (?:role|job|position|posting|internship))\b", re.IGNORECASE)


def understand(question: str, corpus: Corpus, previous: tuple[str, ...] = (), evidence: dict[str, int] | None = None):
    """Which postings a question is about and what it asks. Intent words are hidden from role
    matching ("Cobalt Pay" must not answer "how much does it pay") and role names from intent
    detection ("Lattice Health" is not a health-benefits question). ``evidence`` (posting id ->
    best passage rank for the question) orders postings that a role name fits equally well."""
    several = bool(re.search(r"\b(?:and|or|vs\.?|versus|compare\w*|both|" + DIFFER + r")\b", question, re.IGNORECASE))
    # "Which data scientist role pays the least?": neither the intents' words nor a superlative
    # name a role, nor say which of the postings a name fits (one whose text says "at least")
    masked = _mask_spans(question, [span for span in trigger_spans(question) if not _in_proper_name(question, span)]
                         + [m.span() for m in _SUPERLATIVE.finditer(question) if question[m.start()].islower()]
                         + [period[1] for period in [pay_period_asked(question)] if period]  # "monthly" is no "6 months" role
                         + [bound.span for bound in [asked_bound(question)] if bound]  # "at most 2 years" is no "Tier 2" role
                         + offered_spans(question)  # "Which jobs involve weekend work?" names no "(Weekends)" role
                         + besides_spans(question))
    role = (several and _each_role(masked, corpus, evidence)) or match_roles(masked, corpus, several=several, evidence=evidence)
    focus, terms, carried, equal = role.posting_ids, role.terms, False, role.equal
    if previous and _OTHER.search(question) and set(focus) - set(previous):
        # "What about the other Berlin one?": not the one just answered
        focus = tuple(p for p in focus if p not in previous)
        equal = min(equal, len(focus))
    if previous and (not focus or (_REFERS_BACK.search(question) and len(role.terms) < 2) or _said_of(previous, role, question, corpus)):
        focus, terms, carried, equal = previous, frozenset(), True, 0
    # the names of the postings the question fits best: a less-fitting one's "Full time" type
    # must not hide "full-time" asked of the "Part-time" one
    intent_text = _mask_names(question, _naming_terms(focus if carried else focus[: max(1, equal)], corpus))
    # "Is the Harbor Grill job full-time?" asks the type that its posting's name holds ("Full-time")
    intent_text = _unmask(intent_text, question, [m.span() for m in _TYPE_ASKED.finditer(question)])
    person = role_description(question).person
    if person:  # "should a student joining the AR team know?" is not an education question
        intent_text = _mask_spans(intent_text, [person])
    return Understood(focus, terms, carried, analyse(question, intent_text), equal)


# A part of a question that starts as a question of its own: "and is there ...", ", what team ...".
_ASKS = re.compile(r"\s*(?:is|are|does|do|did|can|could|will|would|should|has|have|what|where|when|who|which|how|why)\b", re.IGNORECASE)


_NAME_BEFORE = re.compile(r"\b(?!(?:Is|Are|Does|Do|Did|Can|Will|Would|What|Where|When|Which|Who|How|Why|Tell|List|Show)\b)[A-Z][\w&'’.-]*\s+$")


def _in_proper_name(question: str, span: tuple[int, int]) -> bool:
    """An intent's word capitalised after a capitalised name is part of that name: "Falcon
    Technologies", "Cobalt Pay". "How much does it Pay?" or "Which Remote roles ..." ask."""
    a, _ = span
    return question[a : a + 1].isupper() and bool(_NAME_BEFORE.search(question[:a]))


_SUPERLATIVE = re.compile(r"\b(?:most|least|highest|lowest|best|worst|top)\b", re.IGNORECASE)


def _said_of(previous: tuple[str, ...], role: RoleMatch, question: str, corpus: Corpus) -> bool:
    """"How many patients per shift?" after a question about one nurse: a lone word that many
    titles share ("Night Shift") but that the previous role's posting says is about that role,
    unless the question asks about the set of postings ("Which nurse jobs ...", "... the most")."""
    if len(role.terms) != 1 or role.equal <= ANSWERED_AT_ONCE or asks_for_roles(question) or _SUPERLATIVE.search(question):
        return False
    return all(t in corpus.posting_stems.get(pid, frozenset()) for pid in previous for t in role.terms)


_JOB_WORD = re.compile(r"\b(?:job|role|position|posting|gig|vacancy|opening|one)\b", re.IGNORECASE)


def _each_role(question: str, corpus: Corpus, evidence: dict[str, int] | None) -> RoleMatch | None:
    """"the principal Content ML role and the ML engineering internship": when every part around
    "and"/"or"/"vs" names a role by itself, each part's best posting, in the question's order.
    Matching the parts apart keeps a role that many postings share ("the ML engineering
    internship") from being outscored by a role one posting has alone."""
    parts = [p for p in re.split(r"\b(?:and|or|vs\.?|versus)\b|,", question, flags=re.IGNORECASE) if p.strip()]
    # "..., and how many office days?" asks a second question, not of another role: the roles are
    # the parts before it ("..., and is there a learning budget?" of one role names one)
    asking = next((n for n, p in enumerate(parts) if n and _ASKS.match(p)), len(parts))
    parts = parts[:asking]
    if not 2 <= len(parts) <= 5:
        return None
    matches = [match_roles(part, corpus, evidence=evidence, whole=False) for part in parts]
    # a place names a role where the part says it is a job's ("the Auckland job", "the Toronto one");
    # a part that names none ("Which starts earlier, ...") asks, when two others name one each
    named = [m for m, part in zip(matches, parts) if m.posting_ids and (not m.by_place or _JOB_WORD.search(part))]
    if len(named) < 2 or (len(named) < len(matches) and any(m.posting_ids for m in matches if m not in named)):
        return None
    matches = named
    # "Which nurse role has more patients per shift, Copper Logistics or Indigo Learning?": a part
    # that many postings fit alike is the question, not a role, when two other parts name one each
    clear = [m for m in matches if m.equal <= ANSWERED_AT_ONCE]
    if len(clear) >= 2:
        matches = clear
    picks = [m.posting_ids[0] for m in matches]
    terms = set().union(*(m.terms for m in matches))
    chosen = tuple(dict.fromkeys(picks))
    return RoleMatch(chosen, frozenset(terms), len(chosen)) if len(chosen) >= 2 else None


@dataclass(frozen=True)
class Understood:
    focus: tuple[str, ...]  # the postings asked about, best first
    role_terms: frozenset[str]  # the question's words that named them
    carried: bool  # the focus came from the previous turn
    shape: QuestionShape
    equal: int = 0  # postings the question's role name fits as well as focus[0]


def ambiguity_note(understood: Understood, corpus: Corpus) -> str:
    """One line saying that the role asked about fits several postings, when the answer had to
    pick one: the user learns the answer is about one of many and how to ask about another."""
    if understood.carried or understood.shape.is_comparison or understood.equal <= _answered_at_once(understood.shape):
        return ""
    others = understood.equal - 1
    example = corpus.label(understood.focus[1])
    return (
        f"{others} other postings fit this description as well, such as {example}; "
        "name the company to ask about another."
    )


def _mask_names(text: str, naming: set[str]) -> str:
    """Hide runs of two or more words of a role's name ("Lattice Health", "Cobalt Pay") so they do
    not read as intents; a lone word ("full-time" beside a "Part-Time" title) stays."""
    words = list(re.finditer(r"[^\W_]+", text))
    chars = list(text)
    run: list[re.Match[str]] = []
    for m in words + [None]:  # type: ignore[list-item]
        # "Cobalt Pay pay?": a word repeated is the question's, not the name's second time
        joined = (m is not None and run and re.fullmatch(r"[\s\-'’]*", text[run[-1].end() : m.start()])
                  and stem(m.group(0).lower()) != stem(run[-1].group(0).lower()))
        if m is not None and stem(m.group(0).lower()) in naming and (not run or joined):
            run.append(m)
            continue
        if len(run) >= 2:
            for w in run:
                chars[w.start() : w.end()] = "_" * (w.end() - w.start())
        run = [m] if m is not None and stem(m.group(0).lower()) in naming else []
    return "".join(chars)


# an employment type said of the job ("... job full-time?", "a part-time position or"), not
# before the role or people it names ("the full-time cook job", "full-time nurses")
_TYPE_ASKED = re.compile(r"(?<!\bthe )(?<!\bthis )(?<!\bthat )\b(?:full|part)[- ]time\b"
                         r"(?=\s*(?:[?.!,;]|$|(?:or|and|position|job|role|post|basis|contract|employment)\b))", re.IGNORECASE)


def _unmask(masked: str, text: str, spans: list[tuple[int, int]]) -> str:
    """``masked`` with these spans of the unmasked ``text`` back."""
    chars = list(masked)
    for a, b in spans:
        chars[a:b] = text[a:b]
    return "".join(chars)


def _mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _stream_text(answer: Answer) -> Iterator[str | Answer]:
    for piece in re.findall(r"\S+\s*", answer.text):
        yield piece
    yield answer


def _clean_question(question: str) -> str:
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    cleaned = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in question)
    cleaned = " ".join(cleaned.split())
    if not cleaned:
        raise QuestionError("the question is empty; ask something about the postings")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"the question is {len(cleaned)} characters long; keep it under {MAX_QUESTION_CHARS}"
        )
    return _unshouted(cleaned)


def _unshouted(question: str) -> str:
    """A question typed in capitals, in lower case: otherwise each of its words reads as an
    acronym ("DOES", "THE", "DESIGNER"), kept whole rather than stemmed, and nothing matches."""
    words = [w for w in question.split() if any(ch.isalpha() for ch in w)]
    if len(words) < 3 or any(ch.islower() for ch in question):
        return question
    lowered = question.lower()
    return lowered[:1].upper() + lowered[1:]


@dataclass
class Chat:
    """A conversation: follow-ups are read in the light of the previous turns."""

    assistant: Assistant
    posting_ids: Sequence[str] | None = None
    turns: list[_Turn] = field(default_factory=list)

    def ask(self, question: str) -> Answer:
        answer = self.assistant._answer(question, self.turns, self.posting_ids, stream=False)
        self._remember(question, answer)
        return answer

    def stream(self, question: str) -> AnswerStream:
        inner = self.assistant._answer(question, self.turns, self.posting_ids, stream=True)

        def pieces() -> Iterator[str | Answer]:
            for piece in inner:
                if isinstance(piece, Answer):
                    self._remember(question, piece)
                yield piece

        return AnswerStream(pieces())

    def reset(self) -> None:
        self.turns.clear()

    def _remember(self, question: str, answer: Answer) -> None:
        cited = tuple(dict.fromkeys(c.source for c in answer.citations))
        # The role a turn was about: the one it named, else the ones its answer cited.
        self.turns.append(_Turn(question, answer, answer.about or cited))
