"""Build hook: the "edit this page" and "view source" links of a page built from a data file
point at that file (the FAQ page links to data/faq.yml, not to its short docs/<lang>/faq.md).

Every other page keeps the link MkDocs makes from repo_url and edit_uri, which already names
the right docs/<lang>/ file (and the English one for a page that falls back to English).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.translation_notice import repository_edit_url

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Point the edit link of a page filled from a data file at the data file.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.meta.get("faq_data")
    if source and page.edit_url and config.repo_url:
        root = Path(config.config_file_path).parent
        docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
        page.edit_url = repository_edit_url(config.repo_url, config.edit_uri, docs_dir, source)
    return markdown
