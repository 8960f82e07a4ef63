"""Typed records the offline side returns: what a posting says, and what an ingest did."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Salary:
    """A pay range as the posting states it. ``text`` is the literal span it was read from."""

    min: float | None
    max: float | None
    currency: str | None  # ISO code: USD, GBP, EUR, ...
    period: str | None  # year, month, week, day, hour
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    text: str
    start: int  # character offsets into the cleaned posting text
    end: int


@dataclass(frozen=True)
class PostingFields:
    """Structured fields of one posting, each ``None``/empty where the posting does not say."""

    posting_id: str
    source: str  # the posting's file name
    title: str | None = None
    company: str | None = None
    locations: tuple[str, ...] = ()
    salary: Salary | None = None
    employment_type: str | None = None  # full time, part time, contract, internship
    duration: str | None = None  # e.g. "13 weeks"
    requisition_id: str | None = None
    office_policy: str | None = None  # e.g. "in office 4+ days per week", "remote"
    sections: tuple[Section, ...] = ()
    title_translated: str | None = None  # the role's name in a summary in another language

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Posting:
    """A parsed, cleaned posting ready to chunk."""

    posting_id: str
    path: str  # absolute path it was read from
    text: str  # cleaned text; chunk offsets point into it
    fields: PostingFields


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class IngestReport:
    """What one ingest run did, posting by posting (file names)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    chunks_written: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        line = (
            f"added {len(self.added)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}, removed {len(self.removed)}, "
            f"skipped {len(self.skipped)}; {self.chunks_written} chunks written "
            f"in {self.seconds:.1f}s"
        )
        return line

    def to_dict(self) -> dict:
        return asdict(self)
