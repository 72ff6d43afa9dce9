"""Text from data files, written into Markdown so that it reaches the page as text, never as markup."""

from __future__ import annotations

from sitelib.text_scan import code_spans

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Characters that would let data text become markup: raw HTML, entities and attr_list braces.
MARKUP_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}

# Characters that start Markdown inline syntax (links, emphasis, code, table cells): the ones
# Python-Markdown takes a backslash escape for, so that a plain text shows as written.
MARKDOWN_PUNCTUATION = frozenset("\\`*_[]()#+-.!|")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Escape text from the data so that it reaches the page as text, never as markup. Code spans
# keep their text as written (Markdown escapes it there by itself); they are found in one pass
# (sitelib.text_scan), so hostile backticks cannot make this slow.
def escape_markup(text: str) -> str:
    pieces = []
    position = 0
    for start, end in code_spans(text):
        pieces.append(_escape_plain(text[position:start]))
        pieces.append(text[start:end])
        position = end
    pieces.append(_escape_plain(text[position:]))
    return "".join(pieces)


# Escape a plain text (an interface message, a name) for one line of Markdown: no markup, no
# links, no emphasis, no line break that could start a new block; the reader sees it as written.
def escape_text(text: str) -> str:
    line = " ".join(text.split())
    return "".join(
        MARKUP_ESCAPES.get(character)
        or ("\\" + character if character in MARKDOWN_PUNCTUATION else character)
        for character in line
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Escape the characters that start markup in text outside code spans.
def _escape_plain(text: str) -> str:
    return "".join(MARKUP_ESCAPES.get(character, character) for character in text)
