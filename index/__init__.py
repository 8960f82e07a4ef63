"""rolechat's offline side: parse postings, clean them, chunk, embed, store in Chroma."""

from .chunking import Chunk, chunk_posting
from .cleaning import clean_text
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
from .fields import extract_fields, parse_sections
from .ingest import PostingIndex
from .postings import discover, load_posting
from .tokens import count_tokens
from .types import IngestReport, Posting, PostingFields, Salary, Section, Skipped

__all__ = [
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
    "embed_model_id",
    "extract_fields",
    "load_posting",
    "make_embed_model",
    "parse_sections",
]
