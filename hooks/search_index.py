"""Build hook: write the search index of the language being built, loaded only by its own pages."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitelib.search_index import material_worker, write_language_index, write_worker
from sitelib.site_config import current_locale, default_locale, languages_from_config

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Write the index and the search worker before mkdocs-static-i18n's post-build step (at -100),
# which builds the other languages and changes the current language.
@event_priority(-50)
def on_post_build(*, config: MkDocsConfig) -> None:
    languages = languages_from_config(config)
    written = write_language_index(
        config, locale=current_locale(config), default=default_locale(languages),
        languages=[language.locale for language in languages],
    )
    if written:
        write_worker(Path(config.site_dir), material_worker(config.theme.dirs))
