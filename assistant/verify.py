"""Citation verification, for every answerer: a sentence stays only if a passage it cites
supports it. Markers that point at no passage are removed; numbers must appear in the cited
passage; the words of the sentence must mostly appear there too."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims import Claim
from .question import is_instruction
from .text import MARKER, content_stems, numbers, sentences, stems_match
from .types import Passage

SUPPORT_THRESHOLD = 0.6  # share of a sentence's content words found in the cited passage
_ABSTAIN = re.compile(
    r"\b(?:postings? (?:do(?:es)?n[o’']?t|do not|does not) (?:say|mention|state|specify)|not (?:mentioned|stated|specified|listed|provided)|"
    r"no information|i (?:do not|don't) know|cannot (?:find|answer)|isn't (?:mentioned|stated))\b",
    re.IGNORECASE,
)


@dataclass
class Verified:
    claims: list[Claim]
    dropped: list[str]  # sentences no passage supports
    abstained: bool


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def support(sentence: str, passage: Passage) -> tuple[float, str]:
    """How much of ``sentence`` the passage says (0..1), and the passage sentence closest to it."""
    words = [w for w in content_stems(MARKER.sub("", sentence)) if not w.isdigit()]
    passage_stems = set(content_stems(passage.text + " " + passage.title + " " + passage.section))
    if words:
        found = sum(1 for w in words if w in passage_stems or any(stems_match(w, p) for p in passage_stems if len(p) >= 5))
        share = found / len(words)
    else:
        share = 1.0
    if not numbers(MARKER.sub("", sentence)) <= numbers(passage.text + " " + passage.title):
        share = 0.0  # a number the passage does not contain is an invention
    best, best_overlap = passage.text, -1
    sentence_stems = set(words)
    for a, b in sentences(passage.text):
        overlap = len(sentence_stems & set(content_stems(passage.text[a:b])))
        if overlap > best_overlap:
            best, best_overlap = passage.text[a:b], overlap
    return share, best


def verify(answer_text: str, passages: list[Passage]) -> Verified:
    """Claims for the supported sentences of a model's answer (markers re-pointed at passages)."""
    claims: list[Claim] = []
    dropped: list[str] = []
    abstained = False
    for raw in split_sentences(answer_text):
        bullet = bool(re.match(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+", raw))
        body = re.sub(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+", "", raw).strip()
        cited = [int(n) for n in MARKER.findall(body)]
        plain = " ".join(MARKER.sub("", body).split())
        if len(re.findall(r"\w+", plain)) < 3:
            continue  # a fragment ("2026 London."), not a statement
        if is_instruction(plain):
            dropped.append(plain)  # a model repeating text addressed to an AI is never an answer
            continue
        if _ABSTAIN.search(plain):
            abstained = abstained or not claims
            claims.append(Claim(plain))
            continue
        candidates = [passages[n - 1] for n in cited if 1 <= n <= len(passages)]
        best: tuple[float, Passage | None, str] = (0.0, None, "")
        for passage in candidates:
            share, quote = support(plain, passage)
            if share > best[0]:
                best = (share, passage, quote)
        if best[0] < SUPPORT_THRESHOLD:
            # Uncited or wrongly cited: keep it only if some passage really says it.
            for passage in passages:
                share, quote = support(plain, passage)
                if share > max(best[0], SUPPORT_THRESHOLD - 1e-9) and share >= 0.75:
                    best = (share, passage, quote)
        if best[1] is None or best[0] < SUPPORT_THRESHOLD:
            dropped.append(plain)
            continue
        claims.append(Claim(plain, best[1], (best[2],), bullet=bullet))
    if claims and all(c.passage is None for c in claims):
        abstained = True
    return Verified(claims, dropped, abstained)
