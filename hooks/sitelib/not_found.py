"""The one 404 page of the site, in every language: texts, titles and links per language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from sitelib.messages import message
from sitelib.site_config import language_folder

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FIRST_HEADING = re.compile(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class NotFoundLink:
    title: str
    href: str


@dataclass(frozen=True)
class NotFoundLanguage:
    """Everything the 404 page shows in one language."""

    locale: str
    site_name: str
    title: str
    message: str
    nav_label: str
    links: list[NotFoundLink]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The 404 texts and links of every language, with absolute paths under the site's base path.
def not_found_languages(*, docs_dir: Path, site_url: str, nav_files: list[str],
                        languages: list[tuple[str, str, bool]]) -> list[NotFoundLanguage]:
    base = base_path(site_url)
    default = next(locale for locale, _, is_default in languages if is_default)
    result = []
    for locale, site_name, _ in languages:
        prefix = language_folder(locale, default)
        links = [
            NotFoundLink(
                title=_page_title(docs_dir, locale, default, name),
                href=base + prefix + File(name, "", "", use_directory_urls=True).url.lstrip("./"),
            )
            for name in nav_files
        ]
        result.append(NotFoundLanguage(
            locale=locale,
            site_name=site_name,
            title=message("not_found_title", locale),
            message=message("not_found_message", locale),
            nav_label=message("not_found_nav_label", locale),
            links=links,
        ))
    return result


# The path the site is published under: /spectrum-retention-guide/ for a GitHub project site.
def base_path(site_url: str) -> str:
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


# The Markdown files of the navigation, in order (nested sections flattened).
def nav_files(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [name for value in nav.values() for name in nav_files(value)]
    if isinstance(nav, list):
        return [name for item in nav for name in nav_files(item)]
    return []


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A page's title as its language shows it: front matter title, else its first heading.
def _page_title(docs_dir: Path, locale: str, default: str, name: str) -> str:
    source = docs_dir / locale / name
    if not source.is_file():
        source = docs_dir / default / name
    body, meta = get_data(source.read_text(encoding="utf-8"))
    if meta.get("title"):
        return str(meta["title"])
    heading = FIRST_HEADING.search(body)
    return heading.group(1).strip() if heading else Path(name).stem
