"""Strip job-board chrome from a scraped posting, keeping every line of the role itself.

Pure functions. The rules are general, not keyed on any file: site UI lines ("Apply now",
"Posted 3 days ago", cookie banners), scam warnings, lines in another language or script than
the posting, and repeats of a line already seen (a title echoed in a footer).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_UI_LINE = re.compile(
    r"""^(?:
        posted\s+(?:\d+|a|an|one)\s+(?:minute|hour|day|week|month)s?\s+ago
      | (?:posted\s+)?(?:today|yesterday|just\s+now)
      | (?:re)?posted\s+on\s+.{0,20}
      | (?:easy\s+)?apply(?:\s+now|\s+for\s+this\s+(?:job|role|position))?
      | (?:save|share|report|flag)(?:\s+this)?(?:\s+(?:job|role|posting))?
      | sign\s+(?:in|up)\b.{0,60} | log\s+in\b.{0,60}
      | (?:back\s+to|view\s+all|see\s+all|more|similar)\s+(?:search|jobs?|results|roles).{0,30}
      | show\s+(?:more|less) | see\s+more | read\s+more
      | (?:accept|reject|manage)(?:\s+all)?\s+cookies?.{0,40}
      | we\s+use\s+cookies.{0,200}
      | cookie\s+(?:settings|preferences|policy)
      | \d+\+?\s+applicants? | be\s+an\s+early\s+applicant | actively\s+recruiting | promoted
      | job\s+id\s+copied | copy\s+link | skip\s+to\s+(?:main\s+)?content
      | (?:privacy\s+policy|terms\s+of\s+(?:use|service)|all\s+rights\s+reserved|©.{0,80})
    )[.!]?$""",
    re.IGNORECASE | re.VERBOSE,
)

# A scam warning needs both a warning word and a scam word: a fraud analyst's duties stay.
_WARNING = re.compile(
    r"\b(?:beware|be\s+careful|caution|warning|never\s+(?:pay|send|share)|do\s+not\s+(?:pay|send|share)|scammers?|fraudsters)\b",
    re.IGNORECASE,
)
_SCAM = re.compile(r"\b(?:scams?|fraud\w*|phishing|payment|password|bank\s+details|money)\b", re.IGNORECASE)

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦–]|\d{1,2}[.)])\s+")

# Frequent short words per language; a line is attributed to a language by how many it has.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in for with you your we our is are a an on at be will this that as or by from have it".split()),
    "de": frozenset("der die das und ist sind wir sie ihre ihr mit für von zu auf bei den dem ein eine einen nicht auch wie oder über uns du dein deine".split()),
    "fr": frozenset("le la les et est sont nous vous votre vos avec pour des du une un dans sur pas au aux ce cette qui que".split()),
    "es": frozenset("el la los las y es son nosotros usted su sus con para de del una un en por que al este esta tu".split()),
    "it": frozenset("il lo la gli le e è sono noi voi con per di del della una un in che questo questa".split()),
    "pt": frozenset("o a os as e é são nós você seu sua com para de do da uma um em que este esta".split()),
    "nl": frozenset("de het een en is zijn wij jij je jouw met voor van op bij dat deze niet ook".split()),
    "tr": frozenset("ve bir bu için ile de da mı mısınız musunuz olarak daha çok gibi ise biz siz".split()),
}
_TURKISH_LETTERS = set("ğşıİĞŞ")
_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF\u3040-\u30FF\uAC00-\uD7AF]")),
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def normalize_text(raw: str) -> str:
    """Unicode NFC, unified newlines, no control or zero-width characters, trimmed lines."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\t", " ")
    text = "".join(
        ch for ch in text if ch == "\n" or not (unicodedata.category(ch) in ("Cc", "Cf"))
    )
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def line_language(line: str) -> tuple[str | None, int]:
    """The language a line is written in and how strong the evidence is (0 = no idea)."""
    letters = [ch for ch in line if ch.isalpha()]
    if not letters:
        return None, 0
    for lang, pattern in _SCRIPTS:
        hits = len(pattern.findall(line))
        if hits * 2 >= len(letters):
            return lang, max(2, hits // 3)
    if any(ch in _TURKISH_LETTERS for ch in line):
        return "tr", 2
    words = [w.lower() for w in _WORD.findall(line)]
    counts = {lang: sum(w in stops for w in words) for lang, stops in _STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] == 0 or ranked[0] == ranked[1]:
        return None, 0
    return best, ranked[0] - ranked[1]


def document_language(lines: list[str]) -> str | None:
    """The language most of the posting's words are written in."""
    votes: Counter[str] = Counter()
    for line in lines:
        lang, _ = line_language(line)
        if lang:
            votes[lang] += len(_WORD.findall(line))
    return votes.most_common(1)[0][0] if votes else None


def is_chrome(line: str) -> bool:
    """A job-board UI line or a scam warning: never part of the role."""
    body = _BULLET.sub("", line).strip()
    if _UI_LINE.match(body):
        return True
    return bool(_WARNING.search(body) and _SCAM.search(body))


def is_foreign(line: str, doc_language: str | None) -> bool:
    """Written, with clear evidence, in another language than the posting."""
    if doc_language is None:
        return False
    lang, strength = line_language(line)
    if lang is None or lang == doc_language:
        return False
    # Latin-script stopword evidence must be clear; a script or Turkish letters are enough.
    return strength >= 2 or lang in {"ru", "el", "ar", "he", "hi", "zh", "tr"}


def clean_text(raw: str) -> str:
    """The posting's own text: chrome, foreign-language lines and repeated lines removed."""
    lines = normalize_text(raw).split("\n")
    doc_language = document_language([line for line in lines if line])
    kept: list[str] = []
    seen: set[str] = set()
    for line in lines:
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if is_chrome(line) or is_foreign(line, doc_language):
            continue
        key = re.sub(r"\W+", " ", line).strip().lower()
        if not key:
            continue
        if not _BULLET.match(line) and key in seen:
            continue  # a title or tagline echoed by the page's footer
        seen.add(key)
        kept.append(line)
    return "\n".join(kept).strip()
