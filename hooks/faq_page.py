"""Build hook: fill each language's FAQ page (docs/<lang>/faq.md) from data/faq.yml."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.faq_data import load_build_faq
from sitelib.faq_markdown import faq_markdown
from sitelib.site_config import current_locale, default_locale, languages_from_config

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Append the FAQ entries to the page whose front matter names the FAQ data file.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.meta.get("faq_data")
    if not source:
        return markdown
    languages = languages_from_config(config)
    language = current_locale(config)
    entries = load_build_faq(config, source)
    name = next(item.name for item in languages if item.locale == language)
    return markdown.rstrip() + "\n\n" + faq_markdown(
        entries, language=language, default_language=default_locale(languages),
        language_name=name,
    )

