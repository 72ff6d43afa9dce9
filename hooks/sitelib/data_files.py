"""Data files read once and kept until they change: a build reads each one once, and
`mkdocs serve` (which keeps the hooks loaded between rebuilds) still sees every edit."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, TypeVar

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

T = TypeVar("T")

# (file, reader, its arguments) -> (modification time and size, what the reader returned)
_cache: dict[tuple, tuple[tuple[int, int], object]] = {}


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# What `read(path, *args)` returns, read again only when the file's time or size changes.
def read_cached(read: Callable[..., T], path: Path, *args) -> T:
    key = (str(path), read, args)
    try:
        stat = os.stat(path)
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        return read(path, *args)  # the reader names the missing file
    cached = _cache.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]  # type: ignore[return-value]
    value = read(path, *args)
    _cache[key] = (version, value)
    return value
