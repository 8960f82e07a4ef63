"""Every prompt rolechat sends to a model, one file each, loaded by name."""

from __future__ import annotations

import functools
from pathlib import Path

_HERE = Path(__file__).parent


@functools.lru_cache(maxsize=None)
def load(name: str) -> str:
    """The text of ``prompts/<name>.txt``."""
    return (_HERE / f"{name}.txt").read_text(encoding="utf-8")


__all__ = ["load"]
