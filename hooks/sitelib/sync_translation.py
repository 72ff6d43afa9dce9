"""Record that a translation is up to date with its English source, editing the file in place.

Edits are made to the text, line by line, so that the translator's comments, quoting and layout
stay exactly as they were: only the one hash line changes (and an `untranslated: true` marker
goes once the page is translated).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sitelib.safe_files import FileError, read_text_file, write_all
from sitelib.translation_status import HASH_KEY, UNTRANSLATED_KEY

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<head>.*?\n)?(?P<close>---)[ \t]*(\n|\Z)", re.DOTALL)


class SyncError(Exception):
    """One line that names the file and what is wrong."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Set a page's `source_hash` and drop its `untranslated` marker; return the new text.
def sync_page_text(text: str, source_hash: str) -> str:
    line = f'{HASH_KEY}: "{source_hash}"\n'
    match = FRONT_MATTER.match(text)
    if not match:
        return f"---\n{line}---\n\n{text}"
    head = match.group("head") or ""
    kept = [
        row for row in head.splitlines(keepends=True)
        if not re.match(rf"({HASH_KEY}|{UNTRANSLATED_KEY})\s*:", row)
    ]
    return "---\n" + "".join(kept) + line + text[match.start("close"):]


# Set the `source` field of one language block of one FAQ entry; return the new text.
def sync_faq_text(text: str, name: str, entry_id: str, locale: str, source_hash: str) -> str:
    block = _language_block(text, name, entry_id, locale)
    lines = text.splitlines(keepends=True)
    value = f'"{source_hash}"'
    for key_node, value_node in block.value:
        if key_node.value == "source":
            start, end = value_node.start_mark.index, value_node.end_mark.index
            return text[:start] + value + text[end:]
    if block.flow_style:
        raise SyncError(
            f"{name}: entry '{entry_id}': field '{locale}' is written on one line; "
            "write it as a block (one field per line) and run the command again"
        )
    row = block.start_mark.line
    lines.insert(row, " " * block.start_mark.column + f"source: {value}\n")
    return "".join(lines)


# Update a translated page file in place (its byte-order mark and line endings kept; written
# whole or not at all).
def sync_page(path: Path, source_hash: str, display_name: str) -> None:
    if not path.is_file():
        raise SyncError(f"{display_name}: no such file; translate the English page into it first")
    _rewrite(path, display_name, lambda text: sync_page_text(text, source_hash))


# Update one entry's language block in the FAQ file in place.
def sync_faq(path: Path, name: str, entry_id: str, locale: str, source_hash: str) -> None:
    _rewrite(path, name, lambda text: sync_faq_text(text, name, entry_id, locale, source_hash))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Read a file, change its text and write it back as it was stored; one line on failure.
def _rewrite(path: Path, name: str, change) -> None:
    try:
        stored = read_text_file(path, name)
        write_all({path: stored.encode(change(stored.text))}, {path: name})
    except FileError as error:
        raise SyncError(str(error)) from None


# The YAML node of one entry's language block, with its place in the text.
def _language_block(text: str, name: str, entry_id: str, locale: str) -> yaml.MappingNode:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.SequenceNode):
        raise SyncError(f"{name}: expected a list of FAQ entries")
    for item in root.value:
        fields = {key.value: value for key, value in item.value} if isinstance(item, yaml.MappingNode) else {}
        if getattr(fields.get("id"), "value", None) != entry_id:
            continue
        block = fields.get(locale)
        if not isinstance(block, yaml.MappingNode):
            raise SyncError(
                f"{name}: entry '{entry_id}': no '{locale}' block; add its question and answer first"
            )
        return block
    raise SyncError(f"{name}: no entry with id '{entry_id}'")
