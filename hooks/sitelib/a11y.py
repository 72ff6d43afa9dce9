"""Accessible names the theme leaves out or gives in English only."""

from __future__ import annotations

import re
from html import escape

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The search overlay is a role="dialog" without a name; its input carries the localized one.
SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog">')
SEARCH_INPUT_LABEL = re.compile(r'<input[^>]*class="md-search__input"[^>]*aria-label="([^"]*)"')

# The toc extension's heading permalink, with its one configured (English) title.
PERMALINK = re.compile(r'<a class="headerlink" href="(#[^"]*)" title="[^"]*">')


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Name the search dialog after the search field, in the language the theme wrote it in.
def name_search_dialog(html: str) -> str:
    label = SEARCH_INPUT_LABEL.search(html)
    if label is None:
        return html
    return SEARCH_DIALOG.sub(
        f'<div class="md-search" data-md-component="search" role="dialog" '
        f'aria-label="{label.group(1)}">', html, count=1,
    )


# Give every heading permalink a title and accessible name in the page's language.
def localize_permalinks(html: str, title: str) -> str:
    text = escape(title)
    return PERMALINK.sub(
        lambda match: f'<a class="headerlink" href="{match.group(1)}" title="{text}" '
                      f'aria-label="{text}">', html,
    )
