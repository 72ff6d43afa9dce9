"""The "not yet translated" notice of a page that a language shows in English, and the links a
translator needs: the translation guide and each source file on GitHub.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

from sitelib.faq_markdown import escape_markup
from sitelib.messages import message

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The section of CONTRIBUTING.md that explains how to translate a page.
GUIDE_FILE = "CONTRIBUTING.md"
GUIDE_ANCHOR = "translate-a-page"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The branch the site is edited on, read from edit_uri ("edit/main/docs/" -> "main").
def branch(edit_uri: str) -> str:
    parts = [part for part in edit_uri.split("/") if part]
    return parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"


# The translation guide on GitHub, at its "translate a page" section.
def guide_url(repo_url: str, edit_uri: str) -> str:
    return f"{repo_url.rstrip('/')}/blob/{branch(edit_uri)}/{GUIDE_FILE}#{GUIDE_ANCHOR}"


# The edit link of a file outside docs/, such as data/faq.yml, in the form of edit_uri.
def repository_edit_url(repo_url: str, edit_uri: str, docs_dir: str, path: str) -> str:
    relative = posixpath.relpath(path, docs_dir)
    return urljoin(urljoin(repo_url.rstrip("/") + "/", edit_uri), relative)


# The page's Markdown with the notice in the page's language and the English text marked as such.
def with_notice(markdown: str, *, locale: str, language_name: str, default_locale: str, url: str) -> str:
    title = message("untranslated_title", locale).replace('"', "&quot;")
    text = message("untranslated_page", locale, language=language_name)
    link = message("untranslated_page_help", locale)
    return (
        f'!!! warning untranslated "{title}"\n\n'
        f"    {escape_markup(text)} [{escape_markup(link)}]({url})\n\n"
        f'<div lang="{default_locale}" markdown>\n\n{markdown.strip()}\n\n</div>\n'
    )
