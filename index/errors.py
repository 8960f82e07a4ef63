"""Errors a user can act on. Each message is one line that says what is wrong and how to fix it.

The CLI and the UI print ``str(error)``; anything that is not a ``RolechatError`` is a bug and
is allowed to raise with its traceback.
"""

from __future__ import annotations


class RolechatError(Exception):
    """Base class: a problem the user can fix; its message is a single line."""


class ConfigError(RolechatError):
    """A setting is missing or invalid."""


class PostingError(RolechatError):
    """One file could not be read as a posting; other files in the same run are unaffected."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class StoreError(RolechatError):
    """The vector store is unreachable, locked or inconsistent with the configuration."""


class EmbeddingModelMismatch(StoreError):
    """The collection was built with another embedding model than the one configured."""


class IngestLocked(StoreError):
    """Another ingest holds the data directory."""


class ModelUnavailable(RolechatError):
    """The language model server could not be reached or failed; callers fall back."""
