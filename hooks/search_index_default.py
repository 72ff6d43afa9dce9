"""Build hook: put the default language's own search index back after mkdocs-static-i18n's combined one."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitelib.search_index import write_language_index
from sitelib.site_config import default_locale, languages_from_config

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# mkdocs-static-i18n (at -100) ends the build by writing one index of every language to the
# site root, where the default language's index belongs: write that one again, from the same
# entries (the default language's are all there), after it.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    languages = languages_from_config(config)
    default = default_locale(languages)
    write_language_index(
        config, locale=default, default=default,
        languages=[language.locale for language in languages],
    )
