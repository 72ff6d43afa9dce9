"""FAQ: each language's FAQ page (docs/<lang>/faq.md) is filled from data/faq.yml.

A page whose front matter names the data file (`faq_data: data/faq.yml`) gets one section per
entry, in the page's language; an entry without that language shows its English text under a
"not yet translated" notice. Text from the data is escaped: it reaches the page as text only.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.faq_data import FaqEntry, load_build_faq
from sitelib.languages import site_languages
from sitelib.markdown_text import escape_markup, escape_text
from sitelib.messages import message

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Append the FAQ entries to the page whose front matter names the FAQ data file. Runs at the
# default priority, after the translations hook (50) has wrapped a fallback page's own English
# text, so that the entries stay outside that wrapper.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.meta.get("faq_data")
    if not source:
        return markdown
    languages = site_languages(config)
    entries = load_build_faq(config, source)
    return markdown.rstrip() + "\n\n" + _faq_markdown(
        entries, language=languages.current, default_language=languages.default,
        language_name=languages.get(languages.current).name,
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The Markdown of every entry, in the page's language or marked English fallback.
def _faq_markdown(
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
    title = escape_text(message("untranslated_title", language))
    notice = message("untranslated_faq_entry", language, language=language_name)
    return (
        f'## {heading} {{ #{entry_id} lang="{default_language}" }}\n\n'
        f'!!! warning untranslated "{title}"\n\n'
        f"    {escape_text(notice)}\n\n"
        f'<div lang="{default_language}" markdown>\n\n{escape_markup(answer)}\n\n</div>'
    )
