"""Build hook: give the 404 template the texts and links of every language."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sitelib.not_found import base_path, nav_files, not_found_languages

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Only 404.html gets the data: GitHub Pages serves that one file for every missing path.
def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name != "404.html":
        return context
    context["not_found_languages"] = not_found_languages(
        docs_dir=Path(config.docs_dir),
        site_url=config.site_url,
        nav_files=nav_files(config.nav or []),
        languages=_languages(config),
    )
    context["not_found_base_path"] = base_path(config.site_url)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Each built language: its code, its site name and whether it is the default one. The page is
# kept from the default language's build (hooks/not_found_pin.py), where site_name is the default.
def _languages(config: MkDocsConfig) -> list[tuple[str, str, bool]]:
    return [
        (item.locale, item.site_name or config.site_name, bool(item.default))
        for item in config.plugins["i18n"].config.languages
        if item.locale != "null" and item.build
    ]
