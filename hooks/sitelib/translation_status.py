"""Which pages and FAQ entries each language has translated, left out, or let fall behind.

A translation records a short hash of the English text it was made from: `source_hash:` in a
page's front matter, `source:` in its language block of data/faq.yml. When the English text
changes, its hash no longer matches and the translation shows as outdated. Which sections of an
outdated page changed is worked out from the English version with the recorded hash, found in
the repository's history (sitelib/section_status.py); without that history, a page is only
known to be outdated as a whole. No network.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils.meta import get_data

from sitelib.faq_data import FaqEntry, load_faq
from sitelib.history import History
from sitelib.languages import Language, SiteLanguages
from sitelib.safe_files import read_text
from sitelib.section_status import SectionChange, section_changes, synced_sections
from sitelib.sections import parse_page

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

TRANSLATED = "translated"
MISSING = "missing"
OUTDATED = "outdated"
STATES = (TRANSLATED, OUTDATED, MISSING)

# Front matter keys a translated page uses to track its English source.
HASH_KEY = "source_hash"
UNTRANSLATED_KEY = "untranslated"

# English front matter fields that readers see and translators translate.
TRANSLATED_META = ("title", "description")
HASH_LENGTH = 12
FAQ_FILE = "data/faq.yml"


@dataclass(frozen=True)
class Item:
    """One thing to translate: a page (`index.md`) or an FAQ entry (`data/faq.yml#refund`)."""

    kind: str  # "page" or "faq"
    key: str  # the page path inside docs/<lang>/, or the FAQ entry id
    title: str  # the English title or question
    source_hash: str  # the hash of its current English text

    # The name translators use for it: `index.md` or `data/faq.yml#refund`.
    @property
    def name(self) -> str:
        return self.key if self.kind == "page" else f"{FAQ_FILE}#{self.key}"


@dataclass
class Report:
    """The state of every item in every translated language."""

    languages: list[Language]
    items: list[Item]
    states: dict[tuple[str, str], str]  # (locale, item name) -> state
    # (locale, page name) -> the sections behind the English text, for a page that is outdated
    # or partly translated; None where the history cannot tell which.
    sections: dict[tuple[str, str], tuple[SectionChange, ...] | None] = field(default_factory=dict)
    # Whether some page's changed sections could not be told for want of history.
    history_missing: bool = False

    # The state of one item in one language.
    def state(self, locale: str, item: Item) -> str:
        return self.states[(locale, item.name)]

    # How many items of a language are in a state.
    def count(self, locale: str, state: str) -> int:
        return sum(1 for item in self.items if self.state(locale, item) == state)

    # The sections of a page behind its English text (() for none; None: not known).
    def changes(self, locale: str, item: Item) -> tuple[SectionChange, ...] | None:
        return self.sections.get((locale, item.name), ())


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The hash of a page's English text: its title, description and body.
def page_hash(markdown: str) -> str:
    body, meta = get_data(_normalise(markdown) + "\n")
    fields = [f"{key}: {_normalise(str(meta.get(key, '')))}" for key in TRANSLATED_META]
    return _short_hash("\n".join(fields) + "\n\n" + _normalise(body))


# The hash of an FAQ entry's English question and answer.
def faq_hash(question: str, answer: str) -> str:
    return _short_hash(_normalise(question) + "\n\n" + _normalise(answer))


# The English pages: every Markdown file of the default language, the home page first.
def english_pages(docs_dir: Path, default_locale: str) -> list[Path]:
    folder = docs_dir / default_locale
    pages = sorted(path.relative_to(folder) for path in folder.rglob("*.md"))
    return sorted(pages, key=lambda path: (path.as_posix() != "index.md", path.as_posix()))


# Everything there is to translate, with the hash of its current English text.
def collect_items(docs_dir: Path, faq_path: Path, languages: SiteLanguages) -> list[Item]:
    default = languages.default
    items = []
    for path in english_pages(docs_dir, default):
        text = read_text(docs_dir / default / path, f"docs/{default}/{path.as_posix()}")
        _, meta = get_data(text)
        items.append(Item("page", path.as_posix(), str(meta.get("title", path.stem)), page_hash(text)))
    for entry in load_entries(faq_path, languages):
        english = entry.texts[default]
        items.append(Item("faq", entry.id, english.question, faq_hash(english.question, english.answer)))
    return items


# The FAQ entries, read with the one FAQ loader.
def load_entries(faq_path: Path, languages: SiteLanguages) -> list[FaqEntry]:
    return load_faq(
        faq_path, languages=languages.locales, default_language=languages.default,
        display_name=FAQ_FILE,
    )


# The state of every page and FAQ entry in every language but the default one; with the
# repository's history, also which sections of each outdated page changed.
def translation_report(docs_dir: Path, faq_path: Path, languages: SiteLanguages,
                       history: History | None = None) -> Report:
    items = collect_items(docs_dir, faq_path, languages)
    entries = {entry.id: entry for entry in load_entries(faq_path, languages)}
    translated = languages.translated
    report = Report(languages=translated, items=items, states={})
    english_texts: dict[str, str] = {}
    for language in translated:
        for item in items:
            name = (language.locale, item.name)
            if item.kind == "faq":
                report.states[name] = faq_state(entries[item.key], language.locale, item.source_hash)
                continue
            if item.key not in english_texts:
                english_texts[item.key] = read_text(docs_dir / languages.default / item.key,
                                                    f"docs/{languages.default}/{item.key}")
            state, changes = page_state(docs_dir / language.locale / item.key,
                                        english_texts[item.key], item.source_hash,
                                        history=history, english_path=_history_path(
                                            docs_dir, languages.default, item.key))
            report.states[name] = state
            if state == OUTDATED:
                report.sections[name] = changes
                report.history_missing |= changes is None
    return report


# A translated page's state, and the sections behind the English text where it is outdated.
def page_state(path: Path, english_text: str, english_hash: str, *, history: History | None = None,
               english_path: str = "") -> tuple[str, tuple[SectionChange, ...] | None]:
    if not path.is_file():
        return MISSING, ()
    return text_state(read_text(path, _docs_name(path)), english_text, english_hash,
                      history=history, english_path=english_path)


# A translated page's state from its text, and the sections behind the English text.
def text_state(text: str, english_text: str, english_hash: str, *, history: History | None = None,
               english_path: str = "") -> tuple[str, tuple[SectionChange, ...] | None]:
    _, meta = get_data(text)
    synced = synced_sections(meta)
    if meta.get(UNTRANSLATED_KEY) is True and not synced:
        return MISSING, ()
    recorded = str(meta.get(HASH_KEY, "") or "")
    if recorded == english_hash and not synced:
        return TRANSLATED, ()
    made_from = None
    if recorded and history is not None:
        old = next((old for old in history.texts(english_path) if page_hash(old) == recorded), None)
        made_from = _parsed(old) if old is not None else None
    changes = section_changes(_parsed(text), _parsed(english_text), made_from,
                              recorded=bool(recorded), synced=synced)
    return (TRANSLATED, ()) if changes == () else (OUTDATED, changes)


# An FAQ entry's state in one language, given the hash of its English text.
def faq_state(entry: FaqEntry, locale: str, english_hash: str) -> str:
    text = entry.text_for(locale)
    if text is None:
        return MISSING
    return TRANSLATED if (text.source or "") == english_hash else OUTDATED


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A page's sections, its translated front matter counted as its first section's.
def _parsed(text: str):
    return parse_page(text, get_data(text)[1])


# A page's path in the history: from the repository's root (the folder above docs/).
def _history_path(docs_dir: Path, default: str, key: str) -> str:
    return f"{Path(docs_dir).name}/{default}/{key}"


# Line endings and trailing spaces do not change what a reader sees, so they do not count.
def _normalise(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


# A page's path from its docs/ folder on, as messages name it: docs/ko/index.md.
def _docs_name(path: Path) -> str:
    parts = path.parts
    start = max((index for index, part in enumerate(parts) if part == "docs"), default=len(parts) - 2)
    return "/".join(parts[start:])


# The first characters of the SHA-256 of a text: short enough to read, long enough to be unique.
def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]
