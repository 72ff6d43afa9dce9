"""What changed in the English text since a translation was made, found in the repository's history.

A translation records the hash of the English text it was made from. The English version with
that hash is looked up in `git log` of the English file, newest first; the diff from it to the
English text as it is now is what the translation has to catch up with.
"""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from sitelib.faq_data import FaqEntry
from sitelib.safe_files import read_text
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


# The unified diff of an item's English text, from the version with `old_hash` to the current one.
def english_diff(root: Path, item: Item, old_hash: str, default: str) -> str:
    current = _english_text(root, item, _working_tree(root, _english_path(item, default)), default)
    if current is None:
        raise HistoryError(f"{item.name}: no English text")
    old = None
    for commit in _commits(root, _english_path(item, default)):
        text = _english_text(root, item, _at_commit(root, commit, _english_path(item, default)), default)
        if text is not None and _hash(item, text) == old_hash:
            old = text
            break
    if old is None:
        raise HistoryError(
            f"{item.name}: no English version with hash {old_hash} in the history of "
            f"{_english_path(item, default)} (a shallow clone? run: git fetch --unshallow)"
        )
    label = _english_path(item, default) + (f"#{item.key}" if item.kind == "faq" else "")
    return "".join(difflib.unified_diff(
        old.splitlines(keepends=True), current.splitlines(keepends=True),
        fromfile=f"{label} (translated from, {old_hash})",
        tofile=f"{label} (now, {item.source_hash})",
    ))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The English file an item's text lives in.
def _english_path(item: Item, default: str) -> str:
    return f"docs/{default}/{item.key}" if item.kind == "page" else FAQ_FILE


# The item's English text inside a version of its file: a page whole, an FAQ entry's question and
# answer; None where that version lacks it.
def _english_text(root: Path, item: Item, file_text: str | None, default: str) -> str | None:
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


# The commits that changed a file, newest first.
def _commits(root: Path, path: str) -> list[str]:
    result = _git(root, "log", "--format=%H", "--", path)
    return result.split() if result is not None else []


# A file as it was in a commit, or None.
def _at_commit(root: Path, commit: str, path: str) -> str | None:
    return _git(root, "show", f"{commit}:{path}")


# A file as it is now, or None.
def _working_tree(root: Path, path: str) -> str | None:
    file = root / path
    return read_text(file, path) if file.is_file() else None


# The output of a git command in the repository, or None where it fails.
def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        raise HistoryError("git is needed to read the repository's history") from None
    return result.stdout if result.returncode == 0 else None
