"""Interface texts that the build hooks add to pages, from data/messages.yml."""

from __future__ import annotations

from pathlib import Path

import yaml

from sitelib.site_config import MESSAGES_YML

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# A message in the given language, or in the fallback language where it has none yet.
def message(key: str, locale: str, fallback: str = "en", **fields: str) -> str:
    texts = _load(MESSAGES_YML)[key]
    text = texts.get(locale) or texts[fallback]
    return text.format(**fields)


# Whether a message exists in a language (new languages start with English texts).
def has_message(key: str, locale: str) -> bool:
    return locale in _load(MESSAGES_YML)[key]


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Read the messages afresh each time, so that mkdocs serve picks up edits.
def _load(path: Path) -> dict[str, dict[str, str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
