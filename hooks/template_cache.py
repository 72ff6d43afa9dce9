"""Template cache: the theme's templates are compiled once per build, not once per language.

mkdocs-static-i18n builds each language with a new Jinja environment, and each one compiled the
theme's templates again: at 30 languages, that was a third of the build. Jinja's bytecode cache
keeps what a template compiles to, keyed on its name and file and checked against its source, so
the other languages load it instead of compiling it. The cache lives in memory for one build
(`mkdocs serve` loads the hooks again for each rebuild), and the pages are the same without it.
"""

from __future__ import annotations

from jinja2 import Environment
from jinja2.bccache import BytecodeCache, Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Give every language's environment the one cache of the process.
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = _CACHE
    return env


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

class _MemoryCache(BytecodeCache):
    """Compiled templates in memory, by Jinja's key; Jinja drops one whose source has changed."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    # Fill the bucket with the template's compiled code, when it has been compiled before.
    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    # Keep the code a template has just been compiled to.
    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

_CACHE = _MemoryCache()
