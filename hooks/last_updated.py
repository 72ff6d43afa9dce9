"""Last updated: every page says when its text last changed, in its language's way of writing dates.

The date is that of the last commit of the page's own file (and of its data file, for the FAQ
page). A translation also says when the English text last changed, where that is later: the
translation may be behind (hooks/translations.py then says so too). Material shows the text
under the page (`page.meta.revision_date`, its "source file" facts).

Why a hook and not mkdocs-git-revision-date-localized-plugin: the plugin dates each page's own
file only, so it cannot say when the English text of a translation changed, and it runs git once
per page in each language's build; this uses the history the build reads once
(sitelib/history.py). Without history (a copy that is not a Git repository, or a file never
committed) the date is the build's, and a shallow clone dates every file by its newest commit:
both are said once in the log, as INFO.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timezone
from functools import lru_cache
from html import escape
from pathlib import Path

from babel.core import UnknownLocaleError
from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.build_state import once_per_build
from sitelib.history import build_history
from sitelib.languages import site_languages
from sitelib.messages import message

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Give the page its dates, for the theme to show under the text.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    languages = site_languages(config)
    root = Path(config.config_file_path).resolve().parent
    dates = once_per_build(config, "file_dates", lambda: _file_dates(config))
    source = Path(page.file.abs_src_path).resolve()
    own = [source.relative_to(root.resolve()).as_posix()]
    if page.meta.get("faq_data"):
        own.append(str(page.meta["faq_data"]))
    updated = max(dates.get(path) or _build_date() for path in own)
    text = f"{escape(message('last_updated', languages.current))} {_format(updated, languages.current)}"
    in_language = source.relative_to(Path(config.docs_dir).resolve()).parts[1:]
    english_file = (Path(config.docs_dir).resolve() / languages.default / Path(*in_language))
    english_file = english_file.relative_to(root.resolve()).as_posix()
    english = dates.get(english_file)
    if languages.current != languages.default and english_file not in own and english and english > updated:
        english_text = message("english_updated", languages.current)
        text += (f' <span class="md-source-file__english">({escape(english_text)} '
                 f'{_format(english, languages.current)})</span>')
    page.meta["revision_date"] = text
    return markdown


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The date of the last commit of every file in the repository, from the build's history.
def _file_dates(config: MkDocsConfig) -> dict[str, date]:
    history = build_history(config)
    if not history.available:
        _log.info("last_updated: no Git history here; pages are dated by this build")
        return {}
    if history.shallow:
        _log.info("last_updated: shallow clone; pages are dated by its newest commit "
                  "(git fetch --unshallow for real dates)")
    return {path: versions[0].day for path, versions in history.versions.items() if versions}


# Today, for a file with no commit yet.
def _build_date() -> date:
    return datetime.now(tz=timezone.utc).date()


# A date as the language writes it ("25. november 2026", "2026년 11월 25일"), in a <time> element;
# remembered, since every page of a language shows the same few dates.
@lru_cache(maxsize=1024)
def _format(day: date, locale: str) -> str:
    try:
        text = format_date(day, format="long", locale=locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        text = day.isoformat()
    return f'<time datetime="{day.isoformat()}">{escape(text)}</time>'


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

_log = logging.getLogger("mkdocs.hooks.last_updated")
