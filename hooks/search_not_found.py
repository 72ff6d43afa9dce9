"""Build hook: the 404 page searches through the site's search worker, like every other page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sitelib.search_index import SearchBuildError, material_worker, repoint_page, search_plugin, worker_asset

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Page events never see 404.html; its script picks the language's index (partials/not-found-search.html).
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html" or search_plugin(config) is None:
        return output_content
    try:
        worker_name, _ = worker_asset(material_worker(config.theme.dirs))
    except SearchBuildError as error:
        raise PluginError(str(error)) from None
    return repoint_page(output_content, folder="", worker_name=worker_name)
