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
    """Last resort for one over-long sentence: windows of at most ``max_tokens`` tokens.

    Cut where the token that no longer fits begins, moved back to a space where there is one,
    and re-counted (a substring can tokenize differently), so every window is within the bound,
    keeps whole characters, and starts and ends on non-space text.
    """
    enc = encoding()
    windows: list[tuple[int, int]] = []
    a = start
    while a < end:
        while a < end and text[a].isspace():
            a += 1
        if a >= end:
            break
        probe = text[a : min(end, a + max_tokens * 16)]  # a token is rarely over 16 characters
        tokens = enc.encode(probe, disallowed_special=())
        if len(tokens) <= max_tokens:
            b = a + len(probe)
        else:
            _, offsets = enc.decode_with_offsets(tokens[: max_tokens + 1])
            b = a + max(1, offsets[max_tokens])
            space = max(text.rfind(" ", a, b), text.rfind("\n", a, b))
            if space > a:
                b = space
            while b - a > 1 and count_tokens(text[a:b]) > max_tokens:
                space = max(text.rfind(" ", a, b - 1), text.rfind("\n", a, b - 1))
                b = space if space > a else b - 1
        piece = text[a:b]
        stripped = piece.rstrip()
        if stripped:
            windows.append((a, a + len(stripped)))
        a = b
    return windows


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
