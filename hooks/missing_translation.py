"""Build hook: a page that a language shows in English gets a "not yet translated" notice in that
language, with a link to the translation guide.

That is a page the language's folder lacks (the i18n plugin falls back to the English file) or a
page still marked `untranslated: true` (as `scripts/i18n.py new-language` creates them).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.site_config import current_locale, default_locale, languages_from_config
from sitelib.translation_notice import guide_url, with_notice
from sitelib.translation_status import UNTRANSLATED_KEY

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Runs before the FAQ hook, so that only the page's own English text is marked as English.
@event_priority(50)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    locale = current_locale(config)
    languages = languages_from_config(config)
    default = default_locale(languages)
    if locale == default or not _shown_in_english(page, locale):
        return markdown
    name = next(language.name for language in languages if language.locale == locale)
    url = guide_url(config.repo_url or "", config.edit_uri or "")
    return with_notice(markdown, locale=locale, language_name=name, default_locale=default, url=url)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Whether the page's text is the English one: a fallback file, or a copy marked untranslated.
def _shown_in_english(page: Page, locale: str) -> bool:
    fallback = getattr(page.file, "locale", locale) != locale
    return fallback or page.meta.get(UNTRANSLATED_KEY) is True
