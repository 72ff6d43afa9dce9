"""Interface texts that the build hooks add to pages, from data/messages.yml."""

from __future__ import annotations

from pathlib import Path

import yaml

from sitelib.data_files import read_cached
from sitelib.languages import ROOT

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

MESSAGES_YML = ROOT / "data" / "messages.yml"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# A message in the given language, or in the fallback language where it has none yet.
def message(key: str, locale: str, fallback: str = "en", **fields: str) -> str:
    texts = read_cached(_load, MESSAGES_YML)[key]
    text = texts.get(locale) or texts[fallback]
    return text.format(**fields)


# Whether a message exists in a language (new languages start with English texts).
def has_message(key: str, locale: str) -> bool:
    return locale in read_cached(_load, MESSAGES_YML)[key]


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Read the messages file.
def _load(path: Path) -> dict[str, dict[str, str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
