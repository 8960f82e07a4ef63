"""The Chroma side: a persistent client in the data directory, or a server through HttpClient."""

from __future__ import annotations

import functools

from .config import Config
from .errors import EmbeddingModelMismatch, StoreError

MODEL_KEY = "rolechat_embed_model"


def open_client(config: Config):
    import chromadb

    settings = chromadb.Settings(anonymized_telemetry=False)
    if config.uses_chroma_server:
        try:
            client = chromadb.HttpClient(host=config.chroma_host, port=config.chroma_port, settings=settings)
            client.heartbeat()
        except Exception as exc:  # chromadb raises several types for an unreachable server
            raise StoreError(
                f"cannot reach the Chroma server at {config.chroma_host}:{config.chroma_port} "
                f"({type(exc).__name__}); start one with `chroma run --path DIR --port "
                f"{config.chroma_port}` or unset CHROMA_HOST to use the local data directory"
            ) from None
        return client
    return _persistent_client(str(config.data_dir.resolve() / "chroma"))


@functools.lru_cache(maxsize=8)
def _persistent_client(path: str):
    import chromadb

    return chromadb.PersistentClient(path=path, settings=chromadb.Settings(anonymized_telemetry=False))


def open_collection(client, name: str, model_id: str):
    """The collection for ``name``; refuses one whose vectors come from another embedding model."""
    try:
        collection = client.get_or_create_collection(
            name,
            metadata={MODEL_KEY: model_id},
            configuration={"hnsw": {"space": "cosine"}},
            embedding_function=None,
        )
    except ValueError as exc:
        raise StoreError(f"invalid collection name {name!r} (ROLECHAT_COLLECTION): {exc}") from None
    recorded = (collection.metadata or {}).get(MODEL_KEY)
    if recorded is None and collection.count() == 0:
        collection.modify(metadata={MODEL_KEY: model_id})
        recorded = model_id
    if recorded != model_id:
        raise EmbeddingModelMismatch(
            f"collection {name!r} holds vectors from {recorded or 'an unknown model'}, but the configured "
            f"embedding model is {model_id}; use another ROLECHAT_COLLECTION or data directory, "
            "or set ROLECHAT_EMBED back"
        )
    return collection
