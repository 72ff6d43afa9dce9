"""Build hook: x-default in sitemap.xml, and the sitemap beside every page for the language switch."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sitelib.seo_sitemap import add_x_default, write_folder_sitemaps
from sitelib.site_config import default_locale, languages_from_config

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Runs after each language's build; the last one leaves the complete sitemap everywhere.
def on_post_build(*, config: MkDocsConfig) -> None:
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if not sitemap.is_file():
        return
    pages = add_x_default(sitemap, default_locale(languages_from_config(config)))
    write_folder_sitemaps(sitemap, Path(config.site_dir), config.site_url, pages)
