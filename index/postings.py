"""From a path to a parsed posting: find the files, read, clean, extract fields."""

from __future__ import annotations

import re
from pathlib import Path

from .cleaning import clean_text
from .errors import PostingError
from .fields import extract_fields
from .loaders import SUPPORTED_SUFFIXES, read_posting_text
from .types import Posting, Skipped


def discover(paths: list[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Posting files under ``paths`` (files as given, folders searched recursively, sorted)."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                skipped.append(Skipped(str(path), "no postings (.txt, .md, .html, .pdf) in this folder"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            skipped.append(Skipped(str(path), "no such file or folder"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, skipped


def load_posting(path: Path, max_bytes: int = 5_000_000) -> Posting:
    """One posting, cleaned, with its fields; ``PostingError`` if the file holds none."""
    raw = read_posting_text(path, max_bytes)
    text = clean_text(raw)
    if len(re.findall(r"[^\W\d_]{2,}", text)) < 5:
        raise PostingError(str(path), "no posting text (fewer than five words after removing page chrome)")
    posting_id = path.name
    return Posting(
        posting_id=posting_id,
        path=str(path.resolve()),
        text=text,
        fields=extract_fields(text, posting_id, path.name),
    )
