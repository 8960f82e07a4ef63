"""Typed records the online side returns to the CLI, the UI, the eval script and Python callers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk of a posting, best first in any list of them."""

    chunk_id: str
    posting_id: str
    source: str  # the posting's file name
    title: str
    company: str
    section: str
    text: str
    start: int  # character offsets into the cleaned posting text
    end: int
    score: float


@dataclass(frozen=True)
class Citation:
    """One numbered source of an answer: ``[number]`` in ``Answer.text`` points here."""

    number: int
    source: str  # posting file name
    title: str
    section: str
    text: str  # the cited passage
    score: float
    company: str = ""
    chunk_id: str = ""
    quotes: tuple[str, ...] = ()  # the exact spans of ``text`` the answer relies on


@dataclass
class Answer:
    text: str  # with [1], [2] markers
    citations: list[Citation]
    abstained: bool
    question: str = ""  # as asked
    standalone_question: str = ""  # after a follow-up was rewritten to stand alone
    passages: list[Passage] = field(default_factory=list)  # everything retrieved, best first
    answerer: str = "extractive"  # "extractive" or the model's name
    notice: str = ""  # one line for the user, e.g. that the model was unavailable
    about: tuple[str, ...] = ()  # the postings (file names) the question was taken to be about

    def to_dict(self) -> dict:
        return asdict(self)
