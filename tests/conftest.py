"""Shared fixtures. Every test gets its own data directory (ROLECHAT_DATA_DIR -> tmp_path) and an
environment without the user's rolechat/OpenAI/Chroma settings, so no test touches ./data or
the network by accident."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
CORPUS = TESTS / "data" / "postings"
sys.path.insert(0, str(TESTS))  # for `support.servers`

_SETTINGS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST", "CHROMA_PORT")


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    for name in list(os.environ):
        if name.startswith("ROLECHAT_") or name in _SETTINGS:
            monkeypatch.delenv(name)
    path = tmp_path / "data"
    monkeypatch.setenv("ROLECHAT_DATA_DIR", str(path))
    return path


def copy_postings(dest: Path, seeds: bool = True, corpus: bool = True) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    if seeds:
        for f in SEEDS.glob("*.txt"):
            shutil.copy(f, dest / f.name)
    if corpus:
        for f in CORPUS.iterdir():
            shutil.copy(f, dest / f.name)
    return dest


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    """The two seeds and the 24 test postings, in one folder."""
    return copy_postings(tmp_path_factory.mktemp("postings"))


@pytest.fixture(scope="session")
def corpus_bot(tmp_path_factory, corpus_dir):
    """An extractive assistant over seeds + test corpus, ingested once for the session."""
    from assistant import Assistant

    bot = Assistant(data_dir=tmp_path_factory.mktemp("corpus-index"), llm="extractive", embed="local")
    report = bot.ingest([corpus_dir])
    assert len(report.added) == 26 and not report.skipped
    return bot


@pytest.fixture(scope="session")
def seed_bot(tmp_path_factory):
    """An extractive assistant over the two seeds only."""
    from assistant import Assistant

    bot = Assistant(data_dir=tmp_path_factory.mktemp("seed-index"), llm="extractive", embed="local")
    bot.ingest([SEEDS])
    return bot
