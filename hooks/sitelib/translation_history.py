"""What changed in the English text since a translation was made, found in the repository's history.

A translation records the hash of the English text it was made from. The English version with
that hash is looked up among the versions of the English file, newest first; the diff from it
to the English text as it is now is what the translation has to catch up with: the whole page,
one section of it (`PAGE#ANCHOR`), or one FAQ entry.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from sitelib.faq_data import FaqEntry
from sitelib.history import History
from sitelib.safe_files import read_text
from sitelib.sections import parse_page
from sitelib.translation_status import FAQ_FILE, HASH_KEY, Item, faq_hash, page_hash

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


class HistoryError(Exception):
    """One line saying why the English text a translation was made from cannot be shown."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The hash a translation records: a page's `source_hash`, an FAQ block's `source`, or None.
def recorded_hash(root: Path, item: Item, locale: str, entries: dict[str, FaqEntry]) -> str | None:
    if item.kind == "page":
        path = root / "docs" / locale / item.key
        if not path.is_file():
            return None
        value = get_data(read_text(path, f"docs/{locale}/{item.key}"))[1].get(HASH_KEY)
        return str(value) if value else None
    text = entries[item.key].text_for(locale)
    return text.source if text is not None else None


# The English text an item's translation was made from (the version with `old_hash`), whole.
def english_made_from(history: History, item: Item, old_hash: str, default: str) -> str:
    path = _english_path(item, default)
    for file_text in history.texts(path):
        text = _english_text(item, file_text, default)
        if text is not None and _hash(item, text) == old_hash:
            return text
    raise HistoryError(
        f"{item.name}: no English version with hash {old_hash} in the history of {path} "
        "(a shallow clone? run: git fetch --unshallow)"
    )


# The unified diff of an item's English text, from the version with `old_hash` to the current
# one; of one section only where an anchor is given.
def english_diff(root: Path, history: History, item: Item, old_hash: str, default: str,
                 anchor: str | None = None) -> str:
    path = _english_path(item, default)
    current = _english_text(item, read_text(root / path, path) if (root / path).is_file() else None,
                            default)
    if current is None:
        raise HistoryError(f"{item.name}: no English text")
    old = english_made_from(history, item, old_hash, default)
    label = path + (f"#{item.key}" if item.kind == "faq" else "")
    if anchor is not None:
        old, current = _section_text(old, anchor), _section_text(current, anchor)
        if current is None:
            raise HistoryError(f"{item.name}#{anchor}: the English page has no section with this anchor")
        label += f"#{anchor}"
    return "".join(difflib.unified_diff(
        (old or "").splitlines(keepends=True), current.splitlines(keepends=True),
        fromfile=f"{label} (translated from, {old_hash})",
        tofile=f"{label} (now, {item.source_hash})",
    ))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The English file an item's text lives in.
def _english_path(item: Item, default: str) -> str:
    return f"docs/{default}/{item.key}" if item.kind == "page" else FAQ_FILE


# One section's text in a page's text (its front matter fields with the first section), or None.
def _section_text(text: str, anchor: str) -> str | None:
    section = parse_page(text, get_data(text)[1]).section(anchor)
    return section.text + "\n" if section is not None else None


# The item's English text inside a version of its file: a page whole, an FAQ entry's question and
# answer; None where that version lacks it.
def _english_text(item: Item, file_text: str | None, default: str) -> str | None:
    if file_text is None:
        return None
    if item.kind == "page":
        return file_text.replace("\r\n", "\n")
    try:
        data = yaml.safe_load(file_text)
    except yaml.YAMLError:
        return None
    for entry in data if isinstance(data, list) else []:
        block = entry.get(default) if isinstance(entry, dict) and entry.get("id") == item.key else None
        if isinstance(block, dict) and isinstance(block.get("question"), str) \
                and isinstance(block.get("answer"), str):
            return block["question"].strip() + "\n\n" + block["answer"].strip() + "\n"
    return None


# The hash of an item's English text, as `sync` records it.
def _hash(item: Item, text: str) -> str:
    if item.kind == "page":
        return page_hash(text)
    question, _, answer = text.partition("\n\n")
    return faq_hash(question, answer)
