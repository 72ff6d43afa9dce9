"""Build hook: fill each language's FAQ page (docs/<lang>/faq.md) from data/faq.yml."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.faq_data import FaqDataError, load_faq
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
    entries = _load_entries(Path(config.config_file_path).parent, source, languages)
    name = next(item.name for item in languages if item.locale == language)
    return markdown.rstrip() + "\n\n" + faq_markdown(
        entries, language=language, default_language=default_locale(languages),
        language_name=name,
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Load the data; bad data stops the build with the loader's one-line message.
def _load_entries(root: Path, source: str, languages) -> list:
    try:
        return load_faq(
            root / source,
            languages=[language.locale for language in languages],
            default_language=default_locale(languages),
            display_name=source,
        )
    except FaqDataError as error:
        raise PluginError(str(error)) from None
