"""Translations: what readers and translators see of the state of each translation.

- A page a language shows in English (a file its folder lacks, or a copy still marked
  `untranslated: true`) gets a "not yet translated" notice in that language, with a link to the
  translation guide, and its English text is marked `lang="en"`.
- The translation status page (`translation_status: true` in its front matter) gets a summary
  per language and the state of every page and FAQ entry, worked out once per build.
- The "edit this page" and "view source" links of a page filled from a data file point at that
  file (the FAQ page links to data/faq.yml); every other page keeps the links MkDocs makes, which
  already name its own docs/<lang>/ file, or the English one for a fallback page.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.build_state import once_per_build
from sitelib.faq_data import FaqDataError
from sitelib.languages import site_languages
from sitelib.markdown_text import escape_markup, escape_text
from sitelib.messages import message
from sitelib.translation_status import (
    FAQ_FILE, STATES, TRANSLATED, UNTRANSLATED_KEY, Item, Report, translation_report,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Runs before the FAQ hook (priority 0) appends its entries, so that only the page's own
# English text is wrapped and marked as English.
@event_priority(50)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    languages = site_languages(config)
    source = page.meta.get("faq_data")
    if source and page.edit_url and config.repo_url:
        page.edit_url = _repository_edit_url(config, source)
    if languages.current != languages.default and _shown_in_english(page, languages.current):
        markdown = _with_notice(
            markdown, locale=languages.current,
            language_name=languages.get(languages.current).name, default_locale=languages.default,
            url=_guide_url(config.repo_url or "", config.edit_uri or ""),
        )
    if page.meta.get("translation_status"):
        report = once_per_build(config, "translation_report", lambda: _report(config))
        markdown = markdown.rstrip() + "\n\n" + _status_markdown(report, languages.current)
    return markdown


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Whether the page's text is the English one: a fallback file, or a copy marked untranslated.
def _shown_in_english(page: Page, locale: str) -> bool:
    fallback = getattr(page.file, "locale", locale) != locale
    return fallback or page.meta.get(UNTRANSLATED_KEY) is True


# The page's Markdown with the notice in the page's language and the English text marked as such.
def _with_notice(markdown: str, *, locale: str, language_name: str, default_locale: str,
                 url: str) -> str:
    title = escape_text(message("untranslated_title", locale))
    text = message("untranslated_page", locale, language=language_name)
    link = message("untranslated_page_help", locale)
    return (
        f'!!! warning untranslated "{title}"\n\n'
        f"    {escape_text(text)} [{escape_text(link)}]({url})\n\n"
        f'<div lang="{default_locale}" markdown>\n\n{markdown.strip()}\n\n</div>\n'
    )


# The translation guide on GitHub, at its "translate a page" section, on the edited branch.
def _guide_url(repo_url: str, edit_uri: str) -> str:
    parts = [part for part in edit_uri.split("/") if part]
    branch = parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"
    return f"{repo_url.rstrip('/')}/blob/{branch}/{_GUIDE_FILE}#{_GUIDE_ANCHOR}"


# The edit link of a file outside docs/, such as data/faq.yml, in the form of edit_uri.
def _repository_edit_url(config: MkDocsConfig, path: str) -> str:
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    relative = posixpath.relpath(path, docs_dir)
    return urljoin(urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri), relative)


# The state of every page and FAQ entry in every language; bad FAQ data stops the build with
# the loader's one-line message.
def _report(config: MkDocsConfig) -> Report:
    root = Path(config.config_file_path).parent
    try:
        return translation_report(Path(config.docs_dir), root / FAQ_FILE, site_languages(config))
    except FaqDataError as error:
        raise PluginError(str(error)) from None


# A summary per language, then one table for the pages and one for the FAQ entries.
def _status_markdown(report: Report, locale: str) -> str:
    sections = [
        _section("status_summary", "summary", _summary_table(report, locale), locale),
        _section("status_pages", "pages", _item_table(report, "page", locale), locale),
        _section("status_faq_entries", "faq-entries", _item_table(report, "faq", locale), locale),
    ]
    return "\n\n".join(sections) + "\n"


# A heading with a fixed anchor (the same in every language), then its table.
def _section(title_key: str, anchor: str, table: str, locale: str) -> str:
    return f"## {escape_markup(message(title_key, locale))} {{ #{anchor} }}\n\n{table}"


# One row per translated language: how many items are translated, outdated and missing.
def _summary_table(report: Report, locale: str) -> str:
    header = [message("status_language", locale)] + [
        message(f"status_{state}", locale) for state in STATES
    ]
    rows = [
        [f"{escape_markup(language.name)} (`{language.locale}`)"]
        + [str(report.count(language.locale, state)) for state in STATES]
        for language in report.languages
    ]
    return _table(header, rows)


# One row per page or FAQ entry, one column per translated language.
def _item_table(report: Report, kind: str, locale: str) -> str:
    first = message("status_page" if kind == "page" else "status_question", locale)
    header = [first] + [language.name for language in report.languages]
    rows = [
        [_item_link(item)] + [_state_cell(report.state(language.locale, item), locale)
                              for language in report.languages]
        for item in report.items if item.kind == kind
    ]
    return _table(header, rows)


# A link to the item on this language's site: the page, or the FAQ entry's anchor.
def _item_link(item: Item) -> str:
    if item.kind == "page":
        return f"[`{item.key}`]({item.key})"
    return f"[`{item.key}`](faq.md#{item.key})"


# A state in the page's language, with its language-independent name for styles and scripts.
def _state_cell(state: str, locale: str) -> str:
    label = escape_markup(message(f"status_{state}", locale))
    if state != TRANSLATED:
        label = f"<strong>{label}</strong>"  # what is left to do stands out
    return f'<span class="translation-state" data-state="{state}">{label}</span>'


# A Markdown table; header text is escaped, cells are escaped where they are built.
def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(escape_markup(cell) for cell in header) + " |"]
    lines.append("|" + " --- |" * len(header))
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The section of CONTRIBUTING.md that explains how to translate a page.
_GUIDE_FILE = "CONTRIBUTING.md"
_GUIDE_ANCHOR = "translate-a-page"
