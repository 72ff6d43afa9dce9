"""Values worked out once per build of the whole site, not once per language or page.

mkdocs-static-i18n builds the site once per language with one configuration object; a new build
(`mkdocs build`, or each rebuild of `mkdocs serve`, which keeps the hooks loaded) gets a new one.
"""

from __future__ import annotations

from typing import Callable, TypeVar

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

T = TypeVar("T")

# The configuration of the build under way, and what was worked out for it.
_build: dict = {"config": None, "values": {}}


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# `compute()` the first time a build asks for `key`; the same value for the rest of that build.
def once_per_build(config, key: str, compute: Callable[[], T]) -> T:
    if _build["config"] is not config:
        _build["config"], _build["values"] = config, {}
    values = _build["values"]
    if key not in values:
        values[key] = compute()
    return values[key]
