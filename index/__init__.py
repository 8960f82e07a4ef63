"""rolechat's offline side: parse postings, clean them, chunk, embed, store in Chroma."""

import os

# OpenMP threads that spin while waiting turn a 20 ms query embedding into 400 ms as soon as
# another process wants the same cores (measured on 2 cores). It is read when torch loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from .chunking import Chunk, chunk_posting
from .cleaning import clean_text, document_language
from .config import Config
from .embeddings import embed_model_id, make_embed_model
from .errors import (
    ConfigError,
    EmbeddingModelMismatch,
    IngestLocked,
    ModelUnavailable,
    PostingError,
    RolechatError,
    StoreError,
)
from .fields import ROLE_NOUNS, extract_fields, extract_salary, find_places, in_region, parse_sections, region_asked
from .ingest import PostingIndex
from .postings import discover, load_posting
from .records import POSTING_ID_KEY
from .tokens import count_tokens
from .types import IngestReport, Posting, PostingFields, Salary, Section, Skipped

__all__ = [
    "POSTING_ID_KEY",
    "ROLE_NOUNS",
    "Chunk",
    "Config",
    "ConfigError",
    "EmbeddingModelMismatch",
    "IngestLocked",
    "IngestReport",
    "ModelUnavailable",
    "Posting",
    "PostingError",
    "PostingFields",
    "PostingIndex",
    "RolechatError",
    "Salary",
    "Section",
    "Skipped",
    "StoreError",
    "chunk_posting",
    "clean_text",
    "count_tokens",
    "discover",
    "document_language",
    "embed_model_id",
    "extract_fields",
    "extract_salary",
    "find_places",
    "in_region",
    "region_asked",
    "load_posting",
    "make_embed_model",
    "parse_sections",
]
