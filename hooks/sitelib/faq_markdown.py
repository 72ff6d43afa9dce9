"""Turn validated FAQ entries into the Markdown of one language's FAQ page."""

from __future__ import annotations

import re

from sitelib.faq_data import FaqEntry
from sitelib.messages import message

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

# The Markdown of every entry, in the page's language or marked English fallback.
def faq_markdown(
    entries: list[FaqEntry], *, language: str, default_language: str, language_name: str
) -> str:
    blocks = []
    for entry in entries:
        text = entry.text_for(language)
        if text is not None:
            blocks.append(_entry_markdown(entry.id, text.question, text.answer))
        else:
            fallback = entry.texts[default_language]
            blocks.append(
                _fallback_markdown(entry.id, fallback.question, fallback.answer,
                                   language=language, default_language=default_language,
                                   language_name=language_name)
            )
    return "\n\n".join(blocks) + "\n"


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

# One translated entry: the question as a heading with the shared anchor, then the answer.
def _entry_markdown(entry_id: str, question: str, answer: str) -> str:
    heading = " ".join(escape_markup(question).split())
    return f"## {heading} {{ #{entry_id} }}\n\n{escape_markup(answer)}"


# One untranslated entry: a notice in the page's language, then the English text marked as such.
def _fallback_markdown(
    entry_id: str, question: str, answer: str, *, language: str, default_language: str,
    language_name: str,
) -> str:
    heading = " ".join(escape_markup(question).split())
    title = message("untranslated_title", language).replace('"', "&quot;")
    notice = message("untranslated_faq_entry", language, language=language_name)
    return (
        f'## {heading} {{ #{entry_id} lang="{default_language}" }}\n\n'
        f'!!! warning untranslated "{title}"\n\n'
        f"    {escape_markup(notice)}\n\n"
        f'<div lang="{default_language}" markdown>\n\n{escape_markup(answer)}\n\n</div>'
    )


# Escape the characters that start markup in text outside code spans.
def _escape_plain(text: str) -> str:
    return "".join(MARKUP_ESCAPES.get(character, character) for character in text)
