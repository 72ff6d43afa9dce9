"""Build hook: make each page load its own language's search index, through the site's search worker."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitelib.search_index import repoint_page, site_worker_name
from sitelib.site_config import current_locale, default_locale, language_folder, languages_from_config

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Point the page's theme configuration at its language's folder and the site's search worker.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    worker_name = site_worker_name(config)
    if worker_name is None:
        return output
    folder = language_folder(current_locale(config), default_locale(languages_from_config(config)))
    return repoint_page(output, folder=folder, worker_name=worker_name)
