"""An answer as a list of claims, each tied to the passage that supports it, and its rendering
into text with [n] markers and numbered citations. Shared by every answerer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import as_prose
from .types import Citation, Passage


@dataclass(frozen=True)
class Claim:
    text: str  # one sentence or list item, without a marker
    passage: Passage | None = None  # None for framing ("The postings list:") or a refusal
    quotes: tuple[str, ...] = ()  # the spans of the passage the claim relies on
    bullet: bool = False


@dataclass
class Draft:
    claims: list[Claim]
    abstained: bool
    # about every posting asked about ("Which nurse job pays the most?"), not one picked from them
    about_set: bool = False


def render(claims: list[Claim]) -> tuple[str, list[Citation]]:
    """Text with [n] after each supported claim; citations numbered in order of first use."""
    numbers: dict[str, int] = {}
    quotes: dict[str, list[str]] = {}
    passages: dict[str, Passage] = {}
    parts: list[str] = []
    for claim in claims:
        text = as_prose(claim.text.strip())  # a quoted table row or dot-leader line, as prose
        if claim.passage is not None:
            chunk_id = claim.passage.chunk_id
            if chunk_id not in numbers:
                numbers[chunk_id] = len(numbers) + 1
                passages[chunk_id] = claim.passage
                quotes[chunk_id] = []
            for q in claim.quotes:
                if q not in quotes[chunk_id]:
                    quotes[chunk_id].append(q)
            text = _with_marker(text, numbers[chunk_id], claim.bullet)
        parts.append(("- " if claim.bullet else "") + text)
    out = ""
    for n, (part, claim) in enumerate(zip(parts, claims)):
        if not out:
            out = part
        elif claims[n - 1].bullet and not claim.bullet:
            out += "\n\n" + part  # a sentence after a list is a paragraph of its own, not the last item's end
        elif claim.bullet or out.endswith(":"):
            out += "\n" + part
        else:
            out += (" " if not out.endswith("\n") else "") + part
    citations = [
        Citation(
            number=n,
            source=passages[cid].source,
            title=passages[cid].title,
            section=passages[cid].section,
            text=passages[cid].text,
            score=passages[cid].score,
            company=passages[cid].company,
            chunk_id=cid,
            quotes=tuple(quotes[cid]),
        )
        for cid, n in numbers.items()
    ]
    return out, citations


def _with_marker(text: str, number: int, bullet: bool) -> str:
    """``"Pay is $5."`` -> ``"Pay is $5 [1]."``: the marker sits before the sentence's stop."""
    body = re.sub(r"[\s.;:,!?]+$", "", text)
    tail = text[len(body):].strip()[:1]
    stop = "" if bullet else (tail if tail and tail in "!?" else ".")
    return f"{body} [{number}]{stop}"
