"""The translation status page's tables, in the page's language: a summary per language, the
state of every page and FAQ entry in every language, and the sections behind their English text.
Language names are marked with their own language (and direction), and a text the page's
language has no message for yet is marked as English.
"""

from __future__ import annotations

from sitelib.markdown_text import escape_text
from sitelib.messages import has_message, message
from sitelib.section_status import CHANGED
from sitelib.translation_marks import in_language
from sitelib.translation_status import MISSING, OUTDATED, STATES, TRANSLATED, Item, Report

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# A summary per language, then one table each for the pages, the FAQ entries and the sections.
def status_markdown(report: Report, locale: str) -> str:
    sections = [
        _section("status_summary", "summary", _summary_table(report, locale), locale),
        _section("status_pages", "pages", _item_table(report, "page", locale), locale),
        _section("status_faq_entries", "faq-entries", _item_table(report, "faq", locale), locale),
    ]
    sections.append(_section("status_sections", "sections", _sections_table(report, locale), locale))
    return "\n\n".join(sections) + "\n"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A heading with a fixed anchor (the same in every language), then its table.
def _section(title_key: str, anchor: str, table: str, locale: str) -> str:
    return f"## {escape_text(message(title_key, locale))} {{ #{anchor} }}\n\n{table}"


# One row per translated language: how many items are translated, outdated and missing.
def _summary_table(report: Report, locale: str) -> str:
    header = [_text("status_language", locale)] + [_text(f"status_{state}", locale) for state in STATES]
    rows = [
        [f"{_name(language, locale)} (`{language.locale}`)"]
        + [str(report.count(language.locale, state)) for state in STATES]
        for language in report.languages
    ]
    return _table(header, rows)


# One row per page or FAQ entry, one column per translated language.
def _item_table(report: Report, kind: str, locale: str) -> str:
    first = _text("status_page" if kind == "page" else "status_question", locale)
    header = [first] + [_name(language, locale) for language in report.languages]
    cells = {state: _state_cell(state, locale) for state in STATES}
    rows = [
        [_item_link(item)] + [cells[report.state(language.locale, item)]
                              for language in report.languages]
        for item in report.items if item.kind == kind
    ]
    return _table(header, rows)


# One row per section of a page behind its English text, in each language.
def _sections_table(report: Report, locale: str) -> str:
    header = [_text("status_language", locale), _text("status_page", locale),
              _text("status_section", locale), _text("status_state", locale)]
    rows = []
    for language in report.languages:
        for item in report.items:
            if item.kind != "page":
                continue
            for change in report.changes(language.locale, item) or ():
                state = OUTDATED if change.kind == CHANGED else MISSING
                rows.append([
                    f"{_name(language, locale)} (`{language.locale}`)",
                    _item_link(item),
                    f"[`#{change.anchor}`]({item.key}#{change.anchor})",
                    _state_cell(state, locale),
                ])
    if not rows:
        return escape_text(message("status_no_sections", locale))
    return _table(header, rows)


# A language's name, marked with its own language where it is not the page's.
def _name(language, locale: str) -> str:
    return in_language(escape_text(language.name), language.locale, locale)


# A link to the item on this language's site: the page, or the FAQ entry's anchor.
def _item_link(item: Item) -> str:
    if item.kind == "page":
        return f"[`{item.key}`]({item.key})"
    return f"[`{item.key}`](faq.md#{item.key})"


# A state in the page's language, with its language-independent name for styles and scripts.
def _state_cell(state: str, locale: str) -> str:
    label = _text(f"status_{state}", locale)
    if state != TRANSLATED:
        label = f"<strong>{label}</strong>"  # what is left to do stands out
    return f'<span class="translation-state" data-state="{state}">{label}</span>'


# A message as Markdown text; marked as English where the language has none of its own yet.
def _text(key: str, locale: str) -> str:
    text = escape_text(message(key, locale))
    return text if has_message(key, locale) else in_language(text, "en", locale)


# A Markdown table of cells escaped where they are built.
def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("|" + " --- |" * len(header))
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)
