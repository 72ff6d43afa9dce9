"""Build hook: make each page load its own language's search index, through the site's search worker."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from sitelib.search_index import (
    SearchBuildError,
    language_folder,
    material_worker,
    repoint_page,
    search_plugin,
    worker_asset,
)
from sitelib.site_config import current_locale, default_locale, languages_from_config

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Point the page's theme configuration at its language's folder and the site's search worker.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if search_plugin(config) is None:
        return output
    try:
        worker_name, _ = worker_asset(material_worker(config.theme.dirs))
    except SearchBuildError as error:
        raise PluginError(str(error)) from None
    folder = language_folder(current_locale(config), default_locale(languages_from_config(config)))
    return repoint_page(output, folder=folder, worker_name=worker_name)
