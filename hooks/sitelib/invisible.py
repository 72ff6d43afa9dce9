"""Characters a reader cannot see, in the texts a contributor writes.

The rule, for pages, front matter, data files and mkdocs.yml:

- Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused:
  they can make a text display differently from what it says, and no text of a guide needs
  them. The marks LRM, RLM and ALM (U+200E, U+200F, U+061C), which only set the direction of
  neutral characters next to them, are allowed: right-to-left texts need them.
- The joiners that scripts need are allowed: ZWNJ (U+200C, Persian and others) and ZWJ
  (U+200D, Indic scripts and emoji), and the soft hyphen (U+00AD), which shows where it breaks.
- Zero-width space (U+200B) is allowed only between two letters of a script written without
  spaces (Thai, Lao, Khmer, Myanmar, Tibetan), where it marks a word boundary; anywhere else it
  only splits a word or a number unseen (a phone number that no check would recognize).
- Every other invisible format character (category Cf: word joiner, invisible operators, tags,
  interlinear annotation, a byte-order mark past a file's start) is refused, as are control
  characters other than tab, line feed and carriage return, and the line and paragraph
  separators U+2028 and U+2029.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

BIDI_CONTROLS = frozenset(chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
ALLOWED = frozenset({"\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u00ad",
                     # Arabic and Syriac signs that show: number signs, the end of ayah, the
                     # Syriac abbreviation mark; the Mongolian vowel separator.
                     *map(chr, range(0x0600, 0x0606)), "\u06dd", "\u070f", "\u08e2", "\u180e"})
ZERO_WIDTH_SPACE = "\u200b"
# Scripts written without spaces between words, where a zero-width space marks a boundary.
_NO_SPACE_LETTER = re.compile("[\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f\u0f00-\u0fff]")
_CANDIDATES = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u0600-\u0605"
                         "\u061c\u06dd\u070f\u08e2\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                         "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                         "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f]")


@dataclass(frozen=True)
class Invisible:
    line: int
    character: str

    # How a message names it: U+202E (RIGHT-TO-LEFT OVERRIDE).
    @property
    def name(self) -> str:
        return f"U+{ord(self.character):04X} ({unicodedata.name(self.character, 'unnamed')})"

    # Why it is refused, in the words a contributor needs.
    @property
    def reason(self) -> str:
        if self.character in BIDI_CONTROLS:
            return ("bidirectional control characters can make text display differently from "
                    "what it says; delete it")
        if self.character == ZERO_WIDTH_SPACE:
            return ("a zero-width space is allowed only between letters of scripts written "
                    "without spaces (Thai, Lao, Khmer, Myanmar, Tibetan); delete it")
        return "invisible characters can hide what a text says; delete it"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The refused invisible characters of a text, with their lines (a byte-order mark at the very
# start of a file is the file's encoding, not its text).
def invisible_characters(text: str, first_line: int = 1) -> list[Invisible]:
    found = []
    for match in _CANDIDATES.finditer(text):
        character, at = match.group(0), match.start()
        if character in ALLOWED or (character == "\ufeff" and at == 0):
            continue
        if character == ZERO_WIDTH_SPACE and 0 < at < len(text) - 1 \
                and _NO_SPACE_LETTER.match(text[at - 1]) and _NO_SPACE_LETTER.match(text[at + 1]):
            continue
        if unicodedata.category(character) not in ("Cc", "Cf", "Zl", "Zp"):
            continue
        found.append(Invisible(first_line + text.count("\n", 0, at), character))
    return found


# One problem line for the first refused invisible character of a file's text, or None.
def invisible_problem(text: str, name: str) -> str | None:
    found = invisible_characters(text)
    if not found:
        return None
    first = found[0]
    more = f" ({len(found) - 1} more in the file)" if len(found) > 1 else ""
    return f"{name}:{first.line}: the invisible character {first.name} is not allowed: {first.reason}{more}"
