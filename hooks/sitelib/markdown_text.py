"""Text from data files, written into Markdown so that it reaches the page as text, never as markup."""

from __future__ import annotations

import re

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Code spans keep their text as written: Markdown escapes it there by itself.
CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")

# Characters that would let data text become markup: raw HTML, entities and attr_list braces.
MARKUP_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Escape text from the data so that it reaches the page as text, never as markup.
def escape_markup(text: str) -> str:
    pieces = []
    position = 0
    for match in CODE_SPAN.finditer(text):
        pieces.append(_escape_plain(text[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_escape_plain(text[position:]))
    return "".join(pieces)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Escape the characters that start markup in text outside code spans.
def _escape_plain(text: str) -> str:
    return "".join(MARKUP_ESCAPES.get(character, character) for character in text)
