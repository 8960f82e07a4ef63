"""Section-aware chunking bounded in cl100k tokens. Pure: the same text gives the same chunks.

A chunk never crosses a section boundary, keeps whole lines (bullets, paragraphs) together where
they fit, and is a contiguous span of the cleaned text, so ``text[start:end] == chunk.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import count_tokens, encoding
from .types import Section

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])")


@dataclass(frozen=True)
class Chunk:
    index: int
    section: str
    start: int
    end: int
    text: str


def _spans(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Split text[start:end] at ``pattern`` into non-empty trimmed spans."""
    spans, cursor = [], start
    for m in pattern.finditer(text, start, end):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, end))
    out = []
    for a, b in spans:
        piece = text[a:b]
        if piece.strip():
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip())
            out.append((a, b))
    return out


def _token_windows(text: str, start: int, end: int, max_tokens: int) -> list[tuple[int, int]]:
    """Last resort for one over-long sentence: cut at token boundaries, mapped back to characters."""
    enc = encoding()
    tokens = enc.encode(text[start:end], disallowed_special=())
    windows, offset = [], start
    for i in range(0, len(tokens), max_tokens):
        piece = enc.decode(tokens[i : i + max_tokens])
        windows.append((offset, min(end, offset + len(piece))))
        offset += len(piece)
    return [(a, b) for a, b in windows if text[a:b].strip()]


def _units(text: str, section: Section, max_tokens: int) -> list[tuple[int, int, int]]:
    """(start, end, tokens) for each line of the section, split further only where too long."""
    units = []
    for a, b in _spans(text, section.start, section.end, re.compile(r"\n+")):
        tokens = count_tokens(text[a:b])
        if tokens <= max_tokens:
            units.append((a, b, tokens))
            continue
        for sa, sb in _spans(text, a, b, _SENTENCE_END):
            st = count_tokens(text[sa:sb])
            if st <= max_tokens:
                units.append((sa, sb, st))
            else:
                units.extend((wa, wb, count_tokens(text[wa:wb])) for wa, wb in _token_windows(text, sa, sb, max_tokens))
    return units


def chunk_posting(text: str, sections: list[Section] | tuple[Section, ...], max_tokens: int = 200) -> list[Chunk]:
    """Pack each section's lines greedily into chunks of at most ``max_tokens`` tokens."""
    chunks: list[Chunk] = []
    for section in sections:
        current: list[tuple[int, int, int]] = []
        used = 0
        for unit in _units(text, section, max_tokens):
            # +1 for the newline that joins two units
            if current and used + unit[2] + 1 > max_tokens:
                chunks.append(_make(text, section.heading, current, len(chunks)))
                current, used = [], 0
            current.append(unit)
            used += unit[2] + (1 if len(current) > 1 else 0)
        if current:
            chunks.append(_make(text, section.heading, current, len(chunks)))
    return chunks


def _make(text: str, heading: str, units: list[tuple[int, int, int]], index: int) -> Chunk:
    start, end = units[0][0], units[-1][1]
    return Chunk(index=index, section=heading, start=start, end=end, text=text[start:end])
