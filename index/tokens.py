"""cl100k_base from the copy llama-index-core ships, so counting tokens never touches the network."""

from __future__ import annotations

import functools
import os
from pathlib import Path


@functools.lru_cache(maxsize=1)
def encoding():
    import llama_index.core
    import tiktoken

    cache = Path(llama_index.core.__file__).parent / "_static" / "tiktoken_cache"
    previous = os.environ.get("TIKTOKEN_CACHE_DIR")
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)  # tiktoken reads the file named by its URL hash here
    try:
        return tiktoken.get_encoding("cl100k_base")
    finally:
        if previous is None:
            os.environ.pop("TIKTOKEN_CACHE_DIR", None)
        else:
            os.environ["TIKTOKEN_CACHE_DIR"] = previous


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))
