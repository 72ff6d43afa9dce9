"""Record that a translation is up to date with its English source, editing the file in place.

Edits are made to the text, line by line, so that the translator's comments, quoting and layout
stay exactly as they were: only the one hash line changes (and an `untranslated: true` marker
goes once the page is translated). A section recorded on its own is one entry of
`synced_sections`, until the whole page is current and one `source_hash` records it all.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sitelib.safe_files import FileError, read_text_file, write_all
from sitelib.section_status import SYNCED_KEY
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

# Set a page's `source_hash` and drop its `untranslated` marker and its sections recorded one by
# one; return the new text.
def sync_page_text(text: str, source_hash: str) -> str:
    return _with_front_matter(text, {HASH_KEY: f'"{source_hash}"'},
                              drop=(HASH_KEY, UNTRANSLATED_KEY, SYNCED_KEY))


# Record one section as translated from the English text with `section_hash`, beside the ones
# recorded before, and drop the `untranslated` marker; return the new text.
def sync_section_text(text: str, anchor: str, section_hash: str) -> str:
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group("head") or "") if match else None
    synced = dict(meta.get(SYNCED_KEY) or {}) if isinstance(meta, dict) and \
        isinstance(meta.get(SYNCED_KEY), dict) else {}
    synced[anchor] = section_hash
    value = "{" + ", ".join(f'"{key}": "{digest}"' for key, digest in synced.items()) + "}"
    return _with_front_matter(text, {SYNCED_KEY: value}, drop=(UNTRANSLATED_KEY, SYNCED_KEY))


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


# Record one section of a translated page in place.
def sync_section(path: Path, anchor: str, section_hash: str, display_name: str) -> None:
    _rewrite(path, display_name, lambda text: sync_section_text(text, anchor, section_hash))


# Update one entry's language block in the FAQ file in place.
def sync_faq(path: Path, name: str, entry_id: str, locale: str, source_hash: str) -> None:
    _rewrite(path, name, lambda text: sync_faq_text(text, name, entry_id, locale, source_hash))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A page's text with some front matter keys dropped (with their indented continuation lines)
# and others set, at the end of the front matter, every other line as it was.
def _with_front_matter(text: str, values: dict[str, str], *, drop: tuple[str, ...]) -> str:
    lines = "".join(f"{key}: {value}\n" for key, value in values.items())
    match = FRONT_MATTER.match(text)
    if not match:
        return f"---\n{lines}---\n\n{text}"
    kept, dropping = [], False
    for row in (match.group("head") or "").splitlines(keepends=True):
        if re.match(rf"({'|'.join(drop)})\s*:", row):
            dropping = True
            continue
        if dropping and row[:1] in (" ", "\t"):
            continue
        dropping = False
        kept.append(row)
    return "---\n" + "".join(kept) + lines + text[match.start("close"):]


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
