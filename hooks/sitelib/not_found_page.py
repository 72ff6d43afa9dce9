"""Finishing touches on the rendered 404 page, which mkdocs' page events never see."""

from __future__ import annotations

from sitelib.a11y import name_search_dialog
from sitelib.seo import THEME_ALTERNATE_LINK

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Name the search dialog, keep the page out of search indexes and drop the theme's alternates
# (a missing page has no translations; the header's language menu still leads to each home).
def finish_not_found_page(html: str) -> str:
    html = THEME_ALTERNATE_LINK.sub("", name_search_dialog(html))
    return html.replace('<meta charset="utf-8">',
                        '<meta charset="utf-8">\n    <meta name="robots" content="noindex">', 1)
