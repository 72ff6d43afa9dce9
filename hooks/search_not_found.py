"""Build hook: the 404 page searches through the site's search worker, like every other page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from sitelib.search_index import repoint_page, site_worker_name

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Page events never see 404.html; its script picks the language's index (partials/not-found-search.html).
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    worker_name = site_worker_name(config) if template_name == "404.html" else None
    if worker_name is None:
        return output_content
    return repoint_page(output_content, folder="", worker_name=worker_name)
