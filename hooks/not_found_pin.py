"""Build hook: the site's one 404.html is the default language's render, whatever builds last."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from sitelib.not_found_page import finish_not_found_page
from sitelib.site_config import current_locale, default_locale, languages_from_config

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The i18n plugin builds the default language first, then writes 404.html again per language.
_default_render: dict[str, str] = {}


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Keep the default language's 404 page; its script switches to the language of the asked path.
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    if current_locale(config) == default_locale(languages_from_config(config)):
        _default_render["404.html"] = finish_not_found_page(output_content)
    return _default_render.get("404.html") or finish_not_found_page(output_content)
