"""Accessibility: accessible names the theme leaves out or gives in English only.

The search overlay is a role="dialog" without a name: it is named after its search field, in the
language the theme wrote that in. Heading permalinks carry one configured (English) title: each
gets a title and accessible name in the page's language (`permalink_title` in data/messages.yml).
"""

from __future__ import annotations

import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitelib.languages import site_languages
from sitelib.messages import message

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Fix the names on the finished page, where both the theme's and the content's markup are.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    output = _name_search_dialog(output)
    title = message("permalink_title", site_languages(config).current)
    return _localize_permalinks(output, title)


# The 404 page is no page to mkdocs' page events: name its search dialog too.
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    return _name_search_dialog(output_content)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Name the search dialog after the search field, in the language the theme wrote it in.
def _name_search_dialog(html: str) -> str:
    label = _SEARCH_INPUT_LABEL.search(html)
    if label is None:
        return html
    return _SEARCH_DIALOG.sub(
        f'<div class="md-search" data-md-component="search" role="dialog" '
        f'aria-label="{label.group(1)}">', html, count=1,
    )


# Give every heading permalink a title and accessible name in the page's language.
def _localize_permalinks(html: str, title: str) -> str:
    text = escape(title)
    return _PERMALINK.sub(
        lambda match: f'<a class="headerlink" href="{match.group(1)}" title="{text}" '
                      f'aria-label="{text}">', html,
    )


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The theme's search overlay, and its input with the localized label.
_SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog">')
_SEARCH_INPUT_LABEL = re.compile(r'<input[^>]*class="md-search__input"[^>]*aria-label="([^"]*)"')

# The toc extension's heading permalink, with its one configured (English) title.
_PERMALINK = re.compile(r'<a class="headerlink" href="(#[^"]*)" title="[^"]*">')
