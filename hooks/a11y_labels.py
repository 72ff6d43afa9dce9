"""Build hook: accessible names in the page's language (search dialog, heading permalinks)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitelib.a11y import localize_permalinks, name_search_dialog
from sitelib.messages import message
from sitelib.site_config import current_locale

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Fix the names on the finished page, where both the theme's and the content's markup are.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    output = name_search_dialog(output)
    return localize_permalinks(output, message("permalink_title", current_locale(config)))
