"""Which sections of a translated page are behind its English page, and why.

A translation records the hash of the English page it was made from (`source_hash`). The
English version with that hash is found in the history; comparing it with the English page as
it is now, section by section (the anchors are shared), says which sections changed since. A
section translated on its own (`sync LOCALE PAGE#ANCHOR`) records its own hash in
`synced_sections` until the whole page is current again. A section the translation lacks, or
still holds as the English text, is not yet translated. Nothing else is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitelib.sections import Page, Section, section_hash

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

CHANGED = "changed"  # the English text changed since it was translated
UNTRANSLATED = "untranslated"  # new in English, or still the English text

# Front matter key of the sections synced one by one: {anchor: hash of its English text}.
SYNCED_KEY = "synced_sections"

_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class SectionChange:
    """One section of a translation that readers should know is behind the English text."""

    anchor: str
    kind: str  # CHANGED or UNTRANSLATED
    english_title: str  # the English heading's words, as they are now
    title: str  # the translation's heading words ("" where it has no such section)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The sections of a translation behind the English text now: () when none is; None when that
# cannot be told (the English version it was made from is not in the history).
def section_changes(translation: Page, english: Page, made_from: Page | None, *,
                    recorded: bool, synced: dict[str, str]) -> tuple[SectionChange, ...] | None:
    changes = []
    for section in english.sections:
        ours = translation.section(section.anchor)
        kind = _section_kind(section, ours, made_from, recorded=recorded, synced=synced)
        if kind == "unknown":
            return None
        if kind:
            changes.append(SectionChange(section.anchor, kind, section.title, ours.title if ours else ""))
    return tuple(changes)


# Whether a translated section is still its English text: the same words, and some letters.
def still_english(ours: Section, english: Section) -> bool:
    return ours.text == english.text and bool(_LETTER.search(english.text))


# The `synced_sections` of a page's front matter, as {anchor: hash}; anything else is none.
def synced_sections(meta: dict) -> dict[str, str]:
    value = meta.get(SYNCED_KEY)
    if not isinstance(value, dict):
        return {}
    return {str(anchor): str(digest) for anchor, digest in value.items()}


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# CHANGED, UNTRANSLATED, "" (current) or "unknown" for one English section.
def _section_kind(english: Section, ours: Section | None, made_from: Page | None, *,
                  recorded: bool, synced: dict[str, str]) -> str:
    if ours is None or still_english(ours, english):
        return UNTRANSLATED
    if english.anchor in synced:  # translated on its own: current until its English changes
        return "" if synced[english.anchor] == section_hash(english) else CHANGED
    if made_from is not None:
        before = made_from.section(english.anchor)
        return "" if before is not None and section_hash(before) == section_hash(english) else CHANGED
    # Never recorded as a whole: a section not synced on its own was translated from no known
    # English text. Recorded, but its English version is not in the history: nobody can tell.
    return "unknown" if recorded else CHANGED
