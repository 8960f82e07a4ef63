"""The Chroma side: a persistent client in the data directory, or a server through HttpClient.

A ``PersistentClient`` keeps the vector index (HNSW) in memory: it sees what it wrote itself, but
not what another process added to the same directory after it was opened (``get`` and ``count``
do, queries do not). Every writer therefore bumps a generation token in the data directory
(``bump_generation``), and ``open_client`` hands out a freshly opened client once the token
differs from the one the cached client has seen.

Opening is serialised, between threads and between processes (a lock file in the data directory):
chromadb creates its tables when it first opens a directory, and two processes opening one fresh
directory at once failed with "table collections already exists".
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import uuid
from pathlib import Path
from typing import Iterator

from .config import Config
from .errors import EmbeddingModelMismatch, RolechatError, StoreError

MODEL_KEY = "rolechat_embed_model"
GENERATION_FILE = ".store-generation"
OPEN_LOCK_FILE = ".store-open.lock"

_CLIENTS_LOCK = threading.RLock()
_CLIENTS: dict[str, tuple[object, str]] = {}  # chroma path -> (client, generation it has seen)


def open_store(config: Config, model_id: str):
    """(client, collection) for the configuration: ``open_client`` then ``open_collection``, with
    no other thread or process opening the same data directory at the same time."""
    with _opening(config):
        client = open_client(config)
        return client, open_collection(client, config.collection, model_id)


@contextlib.contextmanager
def _opening(config: Config) -> Iterator[None]:
    with _CLIENTS_LOCK:
        if config.uses_chroma_server:
            yield
            return
        Path(config.data_dir).mkdir(parents=True, exist_ok=True)
        with open(Path(config.data_dir) / OPEN_LOCK_FILE, "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # held for the open only: a moment, not an ingest
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def open_client(config: Config):
    import chromadb

    settings = chromadb.Settings(anonymized_telemetry=False)
    if config.uses_chroma_server:
        try:
            client = chromadb.HttpClient(host=config.chroma_host, port=config.chroma_port, settings=settings)
            client.heartbeat()
        except Exception as exc:  # chromadb raises several types for an unreachable server
            raise server_unreachable(config, exc) from None
        return client
    return _persistent_client(config.data_dir)


def server_unreachable(config: Config, exc: BaseException) -> StoreError:
    return StoreError(
        f"cannot reach the Chroma server at {config.chroma_host}:{config.chroma_port} "
        f"({type(exc).__name__}); start one with `chroma run --path DIR --port "
        f"{config.chroma_port}` or unset CHROMA_HOST to use the local data directory"
    )


@contextlib.contextmanager
def reaching_server(config: Config) -> Iterator[None]:
    """Around Chroma calls made while serving: a server that stops answering mid-session is the
    same one-line ``StoreError`` as one that never answered, and the next call tries again."""
    try:
        yield
    except RolechatError:
        raise
    except Exception as exc:
        if not config.uses_chroma_server or not _is_transport_error(exc):
            raise
        raise server_unreachable(config, exc) from None


def _is_transport_error(exc: BaseException) -> bool:
    if isinstance(exc, (ConnectionError, TimeoutError)):
        return True
    try:
        import httpx
    except ImportError:  # pragma: no cover - chromadb's HTTP client depends on it
        return False
    return isinstance(exc, httpx.TransportError)


def _chroma_path(data_dir: Path) -> str:
    return str(Path(data_dir).resolve() / "chroma")


def _read_generation(data_dir: Path) -> str:
    try:
        return (Path(data_dir) / GENERATION_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _persistent_client(data_dir: Path):
    """One client per data directory and process, reopened when another process has written.

    Creating clients is serialised: chromadb's shared-system registry is not thread-safe, and two
    threads opening one fresh directory at once crashed inside chromadb."""
    import chromadb

    path = _chroma_path(data_dir)
    generation = _read_generation(data_dir)
    with _CLIENTS_LOCK:
        cached = _CLIENTS.get(path)
        if cached is not None and cached[1] == generation:
            return cached[0]
        # Else chromadb hands back the system it cached for this path: the stale in-memory index.
        _forget_system(path)
        client = chromadb.PersistentClient(path=path, settings=chromadb.Settings(anonymized_telemetry=False))
        _CLIENTS[path] = (client, generation)
        return client


def _forget_system(path: str) -> None:
    from chromadb.api.shared_system_client import SharedSystemClient

    systems = getattr(SharedSystemClient, "_identifier_to_system", None)
    if isinstance(systems, dict):
        systems.pop(path, None)
        getattr(SharedSystemClient, "_identifier_to_refcount", {}).pop(path, None)
    else:  # pragma: no cover - another chromadb layout
        SharedSystemClient.clear_system_cache()


def bump_generation(config: Config) -> None:
    """Record that this process is writing to the store (call under the ingest lock, before and
    after writing): other processes' clients reopen to see the change; this process's client
    saw it already."""
    if config.uses_chroma_server:
        return  # a server has one index for all its clients
    token = uuid.uuid4().hex
    target = Path(config.data_dir) / GENERATION_FILE
    tmp = target.with_name(f"{GENERATION_FILE}.{os.getpid()}.tmp")
    tmp.write_text(token, encoding="utf-8")
    os.replace(tmp, target)
    path = _chroma_path(config.data_dir)
    with _CLIENTS_LOCK:
        cached = _CLIENTS.get(path)
        if cached is not None:
            _CLIENTS[path] = (cached[0], token)


def open_collection(client, name: str, model_id: str):
    """The collection for ``name``; refuses one whose vectors come from another embedding model."""
    with _CLIENTS_LOCK:  # get-or-create from two threads at once is not safe in chromadb either
        return _open_collection(client, name, model_id)


def _open_collection(client, name: str, model_id: str):
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
