"""The site texts that mkdocs.yml gives each language (`site_name`, `site_description`), with
the line each is on, for the checks that compare a translation's facts with the English ones.
"""

from __future__ import annotations

from pathlib import Path

from sitelib.languages import SiteLanguages
from sitelib.safe_files import read_text

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FIELDS = ("site_name", "site_description")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# {field: {locale: text, …, "line": {locale: line}}}, the default language's from the top level.
def site_texts(root: Path, languages: SiteLanguages) -> dict:
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    source = read_text(root / "mkdocs.yml", "mkdocs.yml").split("\n")
    texts: dict = {}
    for field in FIELDS:
        values = {languages.default: str(config.get(field) or "")}
        lines = {}
        for entry in config.plugins["i18n"].config.languages:
            value = entry.get(field)
            if value and not entry.default:
                values[entry.locale] = str(value)
                lines[entry.locale] = _line(source, entry.locale, field)
        texts[field] = {**values, "line": lines}
    return texts


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The line of `field` in the language entry of `locale` (1 where it cannot be found).
def _line(source: list[str], locale: str, field: str) -> int:
    start = next((number for number, line in enumerate(source)
                  if line.strip() == f"- locale: {locale}"), 0)
    return next((number + 1 for number in range(start, len(source))
                 if source[number].strip().startswith(f"{field}:")), 1)
