"""Accessibility: accessible names the theme leaves out or gives in English only.

The search overlay is a role="dialog" without a name: it is named after its search field, in the
language the theme wrote that in. Heading permalinks carry one configured (English) title: each
gets a title and accessible name in the page's language (`permalink_title` in data/messages.yml).
Each entry of the language menu is its language's own name: it is marked with that language and
its own direction, so that a screen reader reads it in that language and an Arabic name shows
right to left in an English page. The palette toggles' names of a language without its own
(a language just added) are the configuration's own, never another language's: mkdocs-static-i18n
builds every language on one configuration and leaves the last language's names in it.
"""

from __future__ import annotations

import copy
import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitelib.build_state import once_per_build

from sitelib.languages import site_languages
from sitelib.messages import message

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Before each language's build: its palette toggle names, or the configuration's own. Runs after
# mkdocs-static-i18n has applied the language's overrides.
@event_priority(-100)
def on_pre_build(*, config: MkDocsConfig) -> None:
    own = once_per_build(config, "palette", lambda: copy.deepcopy(config.theme.get("palette")))
    languages = site_languages(config)
    entry = next((item for item in config.plugins["i18n"].config.languages
                  if item.locale == languages.current), None)
    if own is not None and not ((entry and entry.get("theme")) or {}).get("palette"):
        config.theme["palette"] = copy.deepcopy(own)


# Fix the names on the finished page, where both the theme's and the content's markup are.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    output = _mark_language_menu(_name_search_dialog(output))
    title = message("permalink_title", site_languages(config).current)
    return _localize_permalinks(output, title)


# The 404 page is no page to mkdocs' page events: name its search dialog too.
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    return _mark_language_menu(_name_search_dialog(output_content))


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


# Mark each language menu entry with its language, and let its own letters set its direction.
def _mark_language_menu(html: str) -> str:
    return _MENU_LINK.sub(lambda match: f'{match.group(0)[:-1]} lang="{match.group(1)}" dir="auto">', html)


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

# The theme's language menu entries (partials/alternate.html), by their language.
_MENU_LINK = re.compile(r'<a href="[^"]*" hreflang="([\w-]+)" class="md-select__link">')

# The toc extension's heading permalink, with its one configured (English) title.
_PERMALINK = re.compile(r'<a class="headerlink" href="(#[^"]*)" title="[^"]*">')
