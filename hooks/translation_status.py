"""Build hook: fill the translation status page (docs/<lang>/status.md) from the repository."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.faq_data import FaqDataError
from sitelib.site_config import current_locale, languages_from_config
from sitelib.translation_status import translation_report
from sitelib.translation_status_page import status_markdown

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Append the status tables to the page whose front matter asks for them.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.meta.get("translation_status"):
        return markdown
    root = Path(config.config_file_path).parent
    report = _report(Path(config.docs_dir), root / "data" / "faq.yml", config)
    return markdown.rstrip() + "\n\n" + status_markdown(report, current_locale(config))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Work out the states; bad FAQ data stops the build with the loader's one-line message.
def _report(docs_dir: Path, faq_path: Path, config: MkDocsConfig):
    try:
        return translation_report(docs_dir, faq_path, languages_from_config(config))
    except FaqDataError as error:
        raise PluginError(str(error)) from None
