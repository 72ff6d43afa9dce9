"""`i18n.py sync`: record that a translation (a page, one section of it, or an FAQ entry) is up
to date with the current English text, after refusing one that is still the English text or whose
facts differ from it. Returns the line the command prints; raises SyncError with one line.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.meta import get_data

from sitelib.facts import fact_differences, facts
from sitelib.history import read_history
from sitelib.languages import SiteLanguages
from sitelib.safe_files import read_text
from sitelib.section_status import still_english
from sitelib.sections import parse_page, section_hash
from sitelib.sync_translation import (
    SyncError, sync_faq, sync_page, sync_section, sync_section_text,
)
from sitelib.translation_check import section_facts
from sitelib.translation_status import FAQ_FILE, TRANSLATED, Item, load_entries, page_hash, text_state

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Record a page, or its section `anchor`, as translated from the current English text.
def record_page(root: Path, languages: SiteLanguages, locale: str, item: Item,
                anchor: str | None, display: str) -> str:
    path = root / "docs" / locale / item.key
    if not path.is_file():
        raise SyncError(f"docs/{locale}/{item.key}: no such file; translate the English page into it first")
    english_path = f"docs/{languages.default}/{item.key}"
    english_text = read_text(root / english_path, english_path)
    text = read_text(path, f"docs/{locale}/{item.key}")
    english, ours = _page(english_text), _page(text)
    if not anchor and page_hash(text) == item.source_hash:
        raise SyncError(f"{display}: still the English text; translate it, then run sync")
    problems = []
    for name in [anchor] if anchor else [section.anchor for section in english.sections]:
        theirs, mine = english.section(name), ours.section(name)
        if theirs is None:
            raise SyncError(f"{item.key}#{name}: the English page has no section with this anchor")
        if mine is None:
            raise SyncError(f"docs/{locale}/{item.key}: no section #{name} yet; translate it first")
        if still_english(mine, theirs):
            raise SyncError(f"{display}: {'section #' + name + ' is ' if not anchor else ''}still "
                            "the English text; translate it, then run sync")
        problems += fact_differences(
            section_facts(mine, locale, {}), section_facts(theirs, languages.default, {}),
            name=f"docs/{locale}/{item.key}", english_name=english_path,
            where=f" in section #{name}" if name else "", fallback_line=mine.line)
    _refuse_differences(display, problems)
    if anchor:
        digest = section_hash(english.section(anchor))
        state, _ = text_state(sync_section_text(text, anchor, digest), english_text, item.source_hash,
                              history=read_history(root), english_path=english_path)
        if state != TRANSLATED:  # other sections are still behind: this one is recorded alone
            sync_section(path, anchor, digest, display)
            return f"{display}: section up to date with the English text ({digest})"
    sync_page(path, item.source_hash, display)
    return f"docs/{locale}/{item.key}: up to date with the English text ({item.source_hash})"


# Record an FAQ entry's translation into `locale`.
def record_faq(root: Path, languages: SiteLanguages, locale: str, item: Item, display: str) -> str:
    entries = load_entries(root / FAQ_FILE, languages)
    entry = next(entry for entry in entries if entry.id == item.key)
    text, english = entry.text_for(locale), entry.texts[languages.default]
    if text is not None and (text.question, text.answer) == (english.question, english.answer):
        raise SyncError(f"{display}: still the English text; translate it, then run sync")
    if text is not None:
        _refuse_differences(display, fact_differences(
            facts(f"{text.question}\n{text.answer}", locale),
            facts(f"{english.question}\n{english.answer}", languages.default),
            name=FAQ_FILE, english_name=FAQ_FILE, where=f" in entry '{entry.id}'"))
    sync_faq(root / FAQ_FILE, FAQ_FILE, item.key, locale, item.source_hash)
    return f"{display}: up to date with the English text ({item.source_hash})"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Refuse to record a translation whose facts differ from its English text.
def _refuse_differences(display: str, problems: list[str]) -> None:
    if problems:
        raise SyncError(f"{display}: its facts differ from the English text, so it is not "
                        "recorded: " + "; ".join(problems))


# A page's sections, its translated front matter counted as its first section's.
def _page(text: str):
    return parse_page(text, get_data(text)[1])
