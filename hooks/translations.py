"""Translations: what readers and translators see of the state of each translation.

- A translated language's page carries at most one notice, in that language: "not yet
  translated" where the page (a file its folder lacks, or a copy still marked
  `untranslated: true`) or some of its FAQ answers are shown in English, with a link to the
  translation guide; "out of date" where their English text changed after they were translated,
  with links to the English text. English text is marked `lang="en"`.
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
from sitelib.faq_data import FaqDataError, FaqEntry, load_build_faq
from sitelib.languages import site_languages
from sitelib.markdown_text import escape_text
from sitelib.messages import message
from sitelib.translation_status import (
    FAQ_FILE, MISSING, OUTDATED, STATES, TRANSLATED, UNTRANSLATED_KEY, Item, Report,
    translation_report,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Runs before the FAQ hook (priority 0) appends its entries, so that only the page's own
# English text is wrapped and marked as English, and the page's one notice comes first.
@event_priority(50)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    languages = site_languages(config)
    source = page.meta.get("faq_data")
    if source and page.edit_url and config.repo_url:
        page.edit_url = _repository_edit_url(config, source)
    report = once_per_build(config, "translation_report", lambda: _report(config))
    if languages.current != languages.default:
        markdown = _with_notice(markdown, page=page, config=config, report=report)
    if page.meta.get("translation_status"):
        markdown = markdown.rstrip() + "\n\n" + _status_markdown(report, languages.current)
    return markdown


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Whether the page's text is the English one: a fallback file, or a copy marked untranslated.
def _shown_in_english(page: Page, locale: str) -> bool:
    fallback = getattr(page.file, "locale", locale) != locale
    return fallback or page.meta.get(UNTRANSLATED_KEY) is True


# The page with its one notice, if any: the page or some of its FAQ answers are shown in English,
# or their English text changed after they were translated. English text is marked as such.
def _with_notice(markdown: str, *, page: Page, config: MkDocsConfig, report: Report) -> str:
    languages = site_languages(config)
    locale = languages.current
    name = languages.get(locale).name
    english_url = _english_url(page, config, languages.default)
    untranslated, outdated = [], []
    if _shown_in_english(page, locale):
        guide = _guide_url(config.repo_url or "", config.edit_uri or "")
        untranslated.append(f"{_text('untranslated_page', locale, language=name)} "
                            f"[{_text('untranslated_page_help', locale)}]({guide})")
    elif report.states.get((locale, page.file.src_uri.split("/", 1)[-1])) == OUTDATED:
        outdated.append(f"{_text('outdated_page', locale)} "
                        f"[{_text('outdated_page_link', locale)}]({english_url})")
    if page.meta.get("faq_data") == FAQ_FILE:
        entries = {entry.id: entry for entry in load_build_faq(config, FAQ_FILE)}
        items = [item for item in report.items if item.kind == "faq"]
        missing = [entries[item.key] for item in items if report.state(locale, item) == MISSING]
        changed = [entries[item.key] for item in items if report.state(locale, item) == OUTDATED]
        if missing:
            untranslated.append(_text("untranslated_faq_entries", locale, language=name) + "\n\n"
                                + _entry_links(missing, languages.default, "", languages.default))
        if changed:
            outdated.append(_text("outdated_faq_entries", locale) + "\n\n"
                            + _entry_links(changed, locale, english_url, languages.default))
    if not untranslated and not outdated:
        return markdown
    kind = "untranslated" if untranslated else "outdated"
    title = escape_text(message(f"{kind}_title", locale))
    body = "\n\n".join(untranslated + outdated).replace("\n", "\n    ")
    notice = f'!!! warning {kind} "{title}"\n\n    {body}\n\n'
    if _shown_in_english(page, locale):
        return notice + f'<div lang="{languages.default}" markdown>\n\n{markdown.strip()}\n\n</div>\n'
    # A translated page keeps its title first: the notice goes under it, in the title's section.
    lines = markdown.split("\n")
    title = next((number for number, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        return notice + markdown
    return "\n".join(lines[: title + 1]) + "\n\n" + notice + "\n".join(lines[title + 1:])


# A message as Markdown text: plain text, whatever characters it holds.
def _text(key: str, locale: str, **fields: str) -> str:
    return escape_text(message(key, locale, **fields))


# A list of links to FAQ entries, by their question in the language given, on the page given
# (this one where it is empty).
def _entry_links(entries: list[FaqEntry], language: str, page_url: str, default: str) -> str:
    links = []
    for entry in entries:
        question = escape_text(entry.texts[language].question)
        if language != default:
            links.append(f"- [{question}]({page_url}#{entry.id})")
        else:
            links.append(f'- [<span lang="{default}">{question}</span>]({page_url}#{entry.id})')
    return "\n".join(links)


# The address of the page's English version: absolute, under the site's address, since mkdocs
# would resolve a relative one against the language's own pages.
def _english_url(page: Page, config: MkDocsConfig, default: str) -> str:
    alternates = getattr(page.file, "alternates", None) or {}
    english = alternates.get(default)
    if english is None:
        return ""
    return urljoin(config.site_url or "/", english.url.removeprefix("./"))


# The translation guide on GitHub, at its "translate a page" section, on the edited branch.
def _guide_url(repo_url: str, edit_uri: str) -> str:
    parts = [part for part in edit_uri.split("/") if part]
    branch = parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"
    return f"{repo_url.rstrip('/')}/blob/{branch}/{_GUIDE_FILE}#{_GUIDE_ANCHOR}"


# The edit link of a file outside docs/, such as data/faq.yml, in the form of edit_uri.
def _repository_edit_url(config: MkDocsConfig, path: str) -> str:
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    relative = posixpath.relpath(path, docs_dir)
    return urljoin(urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri), relative)


# The state of every page and FAQ entry in every language; bad FAQ data stops the build with
# the loader's one-line message.
def _report(config: MkDocsConfig) -> Report:
    root = Path(config.config_file_path).resolve().parent
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
    return f"## {escape_text(message(title_key, locale))} {{ #{anchor} }}\n\n{table}"


# One row per translated language: how many items are translated, outdated and missing.
def _summary_table(report: Report, locale: str) -> str:
    header = [message("status_language", locale)] + [
        message(f"status_{state}", locale) for state in STATES
    ]
    rows = [
        [f"{escape_text(language.name)} (`{language.locale}`)"]
        + [str(report.count(language.locale, state)) for state in STATES]
        for language in report.languages
    ]
    return _table(header, rows)


# One row per page or FAQ entry, one column per translated language.
def _item_table(report: Report, kind: str, locale: str) -> str:
    first = message("status_page" if kind == "page" else "status_question", locale)
    header = [first] + [language.name for language in report.languages]
    cells = {state: _state_cell(state, locale) for state in STATES}
    rows = [
        [_item_link(item)] + [cells[report.state(language.locale, item)]
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
    label = escape_text(message(f"status_{state}", locale))
    if state != TRANSLATED:
        label = f"<strong>{label}</strong>"  # what is left to do stands out
    return f'<span class="translation-state" data-state="{state}">{label}</span>'


# A Markdown table; header text is escaped, cells are escaped where they are built.
def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(escape_text(cell) for cell in header) + " |"]
    lines.append("|" + " --- |" * len(header))
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The section of CONTRIBUTING.md that explains how to translate a page.
_GUIDE_FILE = "CONTRIBUTING.md"
_GUIDE_ANCHOR = "translate-a-page"
