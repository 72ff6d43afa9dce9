"""The not-found page: the site's one 404.html, in every language.

GitHub Pages serves one 404.html for every missing address. It holds the message, title and
navigation of every language (overrides/404.html and its partials); a small inline script shows
the language of the asked path (/ko/… Korean, /da/… Danish, anything else the default language),
and the default language shows without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from sitelib.languages import SiteLanguages, site_languages
from sitelib.messages import has_message, message
from sitelib.text_scan import first_heading
from sitelib.translation_marks import right_to_left

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# mkdocs-static-i18n builds the site once per language, and each build would render 404.html
# again over the last: only the default language's build renders it. Runs after the i18n
# plugin's own on_config (at -100), which sets the language being built.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    languages = site_languages(config)
    templates = config.theme.static_templates
    if languages.current == languages.default:
        templates.add("404.html")
    else:
        templates.discard("404.html")
    return config


# Give the 404 template the texts and links of every language.
def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name != "404.html":
        return context
    languages = site_languages(config)
    context["not_found_languages"] = _not_found_languages(
        docs_dir=Path(config.docs_dir), languages=languages,
        base=_base_path(config.site_url), nav_files=_nav_files(config.nav or []),
    )
    context["not_found_base_path"] = _base_path(config.site_url)
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Link:
    title: str
    lang: str  # the language of its title: the page's, or English where it is not translated
    href: str


@dataclass(frozen=True)
class _NotFoundLanguage:
    """Everything the 404 page shows in one language."""

    locale: str
    direction: str  # "rtl" or "ltr"
    site_name: str
    title: str
    message: str
    nav_label: str
    links: list[_Link]
    texts_lang: str  # the language of its texts: its own, or English until they are translated


# The 404 texts and links of every language (the default one first), under the site's path.
def _not_found_languages(*, docs_dir: Path, languages: SiteLanguages, base: str,
                         nav_files: list[str]) -> list[_NotFoundLanguage]:
    ordered = sorted(languages.languages, key=lambda language: not language.default)
    return [
        _NotFoundLanguage(
            locale=language.locale,
            direction="rtl" if right_to_left(language.locale) else "ltr",
            site_name=language.site_name,
            title=message("not_found_title", language.locale),
            message=message("not_found_message", language.locale),
            nav_label=message("not_found_nav_label", language.locale),
            links=[
                _Link(
                    *_page_title(docs_dir, language.locale, languages.default, name),
                    href=base + languages.folder(language.locale)
                    + File(name, "", "", use_directory_urls=True).url.lstrip("./"),
                )
                for name in nav_files
            ],
            texts_lang=language.locale if has_message("not_found_title", language.locale)
            else languages.default,
        )
        for language in ordered
    ]


# The path the site is published under: /spectrum-retention-guide/ for a GitHub project site.
def _base_path(site_url: str) -> str:
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


# The Markdown files of the navigation, in order (nested sections flattened).
def _nav_files(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [name for value in nav.values() for name in _nav_files(value)]
    if isinstance(nav, list):
        return [name for item in nav for name in _nav_files(item)]
    return []


# A page's title as its language shows it (front matter title, else its first heading), and the
# language it is in: the English one's where the page is not translated yet.
def _page_title(docs_dir: Path, locale: str, default: str, name: str) -> tuple[str, str]:
    source = docs_dir / locale / name
    if not source.is_file():
        source = docs_dir / default / name
    body, meta = get_data(source.read_text(encoding="utf-8-sig"))
    lang = default if source.parent.name != locale or meta.get("untranslated") is True else locale
    if meta.get("title"):
        return str(meta["title"]), lang
    return first_heading(body) or Path(name).stem, lang

