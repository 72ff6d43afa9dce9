"""Translations: what readers and translators see of the state of each translation.

- A translated language's page carries at most one notice, in that language, under its title:
  "not yet translated" where the page (a file its folder lacks, or a copy still marked
  `untranslated: true`) or some of its FAQ answers are shown in English, with a link to the
  translation guide; "out of date" where their English text changed after they were translated.
  The notice names each section that changed, linked to the same section of the English page,
  and each section shown in English because the translation lacks it; without the history
  that tells which sections changed, it links to the English page.
- A section or FAQ answer behind its English text has a small mark beside its heading.
- English text in a translated page is marked as English (sitelib/translation_marks.py).
- The translation status page (`translation_status: true` in its front matter) gets a summary
  per language, the state of every page and FAQ entry, and the sections behind.
- The "edit this page" and "view source" links of a page filled from a data file point at that
  file (the FAQ page links to data/faq.yml); every other page keeps the links MkDocs makes.
"""

from __future__ import annotations

import logging
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
from sitelib.history import build_history
from sitelib.languages import site_languages
from sitelib.markdown_text import escape_text
from sitelib.messages import has_message, message
from sitelib.safe_files import read_text
from sitelib.section_status import CHANGED, UNTRANSLATED
from sitelib.status_page import status_markdown
from sitelib.translation_marks import in_language, language_attributes, mark_english, mark_headings
from sitelib.translation_status import (
    FAQ_FILE, MISSING, OUTDATED, UNTRANSLATED_KEY, Report, translation_report,
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
        markdown = _translated(markdown, page=page, config=config, report=report)
    if page.meta.get("translation_status"):
        markdown = markdown.rstrip() + "\n\n" + status_markdown(report, languages.current)
    return markdown


# Marks beside the headings of sections and FAQ answers behind their English text, once the
# table of contents is made (the marks stay out of it).
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    marks = once_per_build(config, "section_marks", dict).get(_page_key(page, config))
    return mark_headings(html, marks) if marks else html


# The history's reader of old versions is done once the build is.
@event_priority(-300)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not getattr(config.plugins["i18n"], "building", False):
        build_history(config).close()


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A translated language's page: its English text marked, its one notice, its heading marks.
def _translated(markdown: str, *, page: Page, config: MkDocsConfig, report: Report) -> str:
    languages = site_languages(config)
    locale, default = languages.current, languages.default
    name = page.file.src_uri.split("/", 1)[-1]
    english_file = Path(config.docs_dir) / default / name
    marks: dict[str, tuple[str, str]] = {}
    untranslated, outdated = [], []
    english_url = _english_url(page, config, default)
    if _shown_in_english(page, locale):
        guide = _guide_url(config.repo_url or "", config.edit_uri or "")
        untranslated.append(f"{_text('untranslated_page', locale, language=languages.get(locale).name)} "
                            f"[{_text('untranslated_page_help', locale)}]({guide})")
    else:
        if english_file.is_file():
            markdown = mark_english(markdown, read_text(english_file, f"docs/{default}/{name}"),
                                    english=default, page_locale=locale)
        item = next((item for item in report.items if item.kind == "page" and item.key == name), None)
        if item is not None and report.state(locale, item) == OUTDATED:
            changes = report.changes(locale, item)
            if changes is None:
                outdated.append(f"{_text('outdated_page', locale)} "
                                f"[{_text('outdated_page_link', locale)}]({english_url})")
            else:
                outdated += _section_lists(changes, locale, default, english_url, languages)
                for change in changes:
                    marks[change.anchor] = _mark(change.kind, locale)
    if page.meta.get("faq_data") == FAQ_FILE:
        faq_untranslated, faq_outdated = _faq_lists(config, report, locale, english_url, marks)
        untranslated += faq_untranslated
        outdated += faq_outdated
    once_per_build(config, "section_marks", dict)[_page_key(page, config)] = marks
    if not untranslated and not outdated:
        return markdown
    return _with_notice(markdown, untranslated, outdated, page=page, locale=locale, default=default)


# The notice under the page's title (above everything where the page is shown in English).
def _with_notice(markdown: str, untranslated: list[str], outdated: list[str], *, page: Page,
                 locale: str, default: str) -> str:
    kind = "untranslated" if untranslated else "outdated"
    title = escape_text(message(f"{kind}_title", locale))
    body = "\n\n".join(untranslated + outdated).replace("\n", "\n    ")
    notice = f'!!! warning {kind} "{title}"\n\n    {body}\n\n'
    if not has_message(f"{kind}_title", locale):  # the notice is the English one: say so
        notice = f"<div{language_attributes(default, locale)} markdown>\n\n{notice}\n</div>\n\n"
    if _shown_in_english(page, locale):
        return notice + (f"<div{language_attributes(default, locale)} markdown>\n\n"
                         f"{markdown.strip()}\n\n</div>\n")
    lines = markdown.split("\n")
    title_line = next((number for number, line in enumerate(lines) if line.startswith("# ")), None)
    if title_line is None:
        return notice + markdown
    return "\n".join(lines[: title_line + 1]) + "\n\n" + notice + "\n".join(lines[title_line + 1:])


# The notice's lists of sections: those whose English text changed, linked to the English
# sections and named as this page names them; those shown in English, linked in the page.
def _section_lists(changes, locale: str, default: str, english_url: str, languages) -> list[str]:
    changed = [change for change in changes if change.kind == CHANGED]
    shown = [change for change in changes if change.kind == UNTRANSLATED]
    lists = []
    if changed:
        links = [f"- [{escape_text(change.title or change.english_title)}]({english_url}#{change.anchor})"
                 for change in changed]
        lists.append(_text("outdated_sections", locale) + "\n\n" + "\n".join(links))
    if shown:
        links = [f"- [{in_language(escape_text(change.english_title), default, locale)}](#{change.anchor})"
                 for change in shown]
        lists.append(_text("untranslated_sections", locale, language=languages.get(locale).name)
                     + "\n\n" + "\n".join(links))
    return lists


# The FAQ page's lists of answers shown in English and of answers behind, and their marks.
def _faq_lists(config: MkDocsConfig, report: Report, locale: str, english_url: str,
               marks: dict) -> tuple[list[str], list[str]]:
    languages = site_languages(config)
    entries = {entry.id: entry for entry in load_build_faq(config, FAQ_FILE)}
    items = [item for item in report.items if item.kind == "faq"]
    missing = [entries[item.key] for item in items if report.state(locale, item) == MISSING]
    changed = [entries[item.key] for item in items if report.state(locale, item) == OUTDATED]
    name = languages.get(locale).name
    untranslated, outdated = [], []
    if missing:
        untranslated.append(_text("untranslated_faq_entries", locale, language=name) + "\n\n"
                            + _entry_links(missing, languages.default, "", languages.default, locale))
    if changed:
        outdated.append(_text("outdated_faq_entries", locale) + "\n\n"
                        + _entry_links(changed, locale, english_url, languages.default, locale))
    for entry in missing:
        marks[entry.id] = _mark(UNTRANSLATED, locale)
    for entry in changed:
        marks[entry.id] = _mark(CHANGED, locale)
    return untranslated, outdated


# The mark beside the heading of a section in a state: (state, label in the page's language).
def _mark(kind: str, locale: str) -> tuple[str, str]:
    state = "outdated" if kind == CHANGED else "untranslated"
    return state, message(f"section_{state}", locale)


# Whether the page's text is the English one: a fallback file, or a copy marked untranslated.
def _shown_in_english(page: Page, locale: str) -> bool:
    fallback = getattr(page.file, "locale", locale) != locale
    return fallback or page.meta.get(UNTRANSLATED_KEY) is True


# A message as Markdown text: plain text, whatever characters it holds; marked as English where
# the language has no text of its own for it yet.
def _text(key: str, locale: str, **fields: str) -> str:
    text = escape_text(message(key, locale, **fields))
    return text if has_message(key, locale) else in_language(text, "en", locale)


# A list of links to FAQ entries, by their question in the language given, on the page given
# (this one where it is empty).
def _entry_links(entries: list[FaqEntry], language: str, page_url: str, default: str,
                 page_locale: str) -> str:
    links = []
    for entry in entries:
        question = escape_text(entry.texts[language].question)
        if language == default:
            question = in_language(question, default, page_locale)
        links.append(f"- [{question}]({page_url}#{entry.id})")
    return "\n".join(links)


# Which page of which language's build a page is, for what one event leaves for the next.
def _page_key(page: Page, config: MkDocsConfig) -> tuple[str, str]:
    return site_languages(config).current, page.file.src_uri


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


# The state of every page and FAQ entry in every language, with the sections behind where the
# history tells; bad FAQ data stops the build with the loader's one-line message.
def _report(config: MkDocsConfig) -> Report:
    root = Path(config.config_file_path).resolve().parent
    history = build_history(config)
    try:
        report = translation_report(Path(config.docs_dir), root / FAQ_FILE, site_languages(config),
                                    history=history)
    except FaqDataError as error:
        raise PluginError(str(error)) from None
    if report.history_missing:
        _log.info("translations: the English text some translations were made from is not in "
                  "the history (a shallow clone or a copy?); their notices name the page, not "
                  "its sections (git fetch --unshallow)")
    return report


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The section of CONTRIBUTING.md that explains how to translate a page.
_GUIDE_FILE = "CONTRIBUTING.md"
_GUIDE_ANCHOR = "translate-a-page"

_log = logging.getLogger("mkdocs.hooks.translations")
