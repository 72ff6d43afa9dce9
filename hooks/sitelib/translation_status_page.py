"""The Markdown of the translation status page, in the language of the page being built."""

from __future__ import annotations

from sitelib.faq_markdown import escape_markup
from sitelib.messages import message
from sitelib.translation_status import STATES, TRANSLATED, Item, Report

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# A summary per language, then one table for the pages and one for the FAQ entries.
def status_markdown(report: Report, locale: str) -> str:
    sections = [
        _section("status_summary", "summary", _summary_table(report, locale), locale),
        _section("status_pages", "pages", _item_table(report, "page", locale), locale),
        _section("status_faq_entries", "faq-entries", _item_table(report, "faq", locale), locale),
    ]
    return "\n\n".join(sections) + "\n"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A heading with a fixed anchor (the same in every language), then its table.
def _section(title_key: str, anchor: str, table: str, locale: str) -> str:
    return f"## {escape_markup(message(title_key, locale))} {{ #{anchor} }}\n\n{table}"


# One row per translated language: how many items are translated, outdated and missing.
def _summary_table(report: Report, locale: str) -> str:
    header = [message("status_language", locale)] + [message(f"status_{state}", locale) for state in STATES]
    rows = [
        [f"{language.name} (`{language.locale}`)"]
        + [str(report.count(language.locale, state)) for state in STATES]
        for language in report.languages
    ]
    return _table(header, rows)


# One row per page or FAQ entry, one column per translated language.
def _item_table(report: Report, kind: str, locale: str) -> str:
    first = message("status_page" if kind == "page" else "status_question", locale)
    header = [first] + [language.name for language in report.languages]
    rows = [
        [_item_link(item)] + [_state_cell(report.state(language.locale, item), locale)
                              for language in report.languages]
        for item in report.items if item.kind == kind
    ]
    return _table(header, rows)


# A link to the item on this language's site: the page, or the FAQ entry's anchor.
def _item_link(item: Item) -> str:
    if item.kind == "page":
        return f"[`{item.key}`]({item.key})"
    return f"[`{item.key}`](faq.md#{item.key})"


# A state in the page's language, with its language-independent name for styles and scripts.
def _state_cell(state: str, locale: str) -> str:
    label = escape_markup(message(f"status_{state}", locale))
    if state != TRANSLATED:
        label = f"<strong>{label}</strong>"  # what is left to do stands out
    return f'<span class="translation-state" data-state="{state}">{label}</span>'


# A Markdown table; cell text is escaped where it comes from data.
def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(escape_markup(cell) for cell in header) + " |"]
    lines.append("|" + " --- |" * len(header))
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)
