"""The policy for mkdocs.yml, which a pull request can change like any page: one entry per
language with a locale the theme knows and one default, names and site texts in plain text,
navigation links by the link rules, and no per-language theme setting, `extra`, script or style.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sitelib.content_policy import check_plain_text, line_of
from sitelib.text_scan import quote

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Texts of mkdocs.yml that the theme writes into pages as they are.
CONFIG_TEXTS = ("site_name", "site_description", "site_author", "copyright")

# Material for MkDocs' interface texts, one template per language it knows.
_THEME_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Check mkdocs.yml (its text is `source`, for the lines): the languages, the site texts, the
# navigation, and no scripts or styles of its own; one PluginError line on the first problem.
def check_config(config: MkDocsConfig, source: str) -> None:
    plugin = config.plugins.get("i18n")
    entries = list(plugin.config.languages) if plugin else []
    seen: set[str] = set()
    defaults = []
    for entry in entries:
        where = f"mkdocs.yml:{line_of(source, f'locale: {entry.locale}') or '?'}"
        if entry.locale in seen:
            again = source.rfind(f"locale: {entry.locale}")
            raise PluginError(f"mkdocs.yml:{source.count(chr(10), 0, again) + 1}: language "
                              f"{quote(entry.locale)} is listed twice")
        seen.add(entry.locale)
        if entry.default:
            defaults.append(entry.locale)
        if not (_THEME_LANGUAGES / f"{entry.locale}.html").is_file():
            raise PluginError(
                f"{where}: language {quote(entry.locale)}: Material for MkDocs has no interface "
                "texts for it; use a code it knows, such as 'en', 'ko', 'da' or 'pt-BR'"
            )
        _check_language_texts(entry, source)
    if len(defaults) > 1:
        second = source.rfind("default: true")
        line = f":{source.count(chr(10), 0, second) + 1}" if second != -1 else ""
        raise PluginError(f"mkdocs.yml{line}: {len(defaults)} default languages "
                          f"({', '.join(quote(locale) for locale in defaults)}): mark one")
    for field in CONFIG_TEXTS:
        value = config.get(field)
        if value:
            _refuse_text(value, field, source, value)
    _check_nav(config.nav, "nav", source)
    for field in ("extra_javascript", "extra_css"):
        if config.get(field):
            raise PluginError(f"mkdocs.yml:{line_of(source, field + ':') or '?'}: {field} is not "
                              "allowed: the site's scripts and styles come from the theme and "
                              "the hooks")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The line of a text in one language's entry of mkdocs.yml (after its `locale:` line), or "?".
def _line_in_language(source: str, locale: str, needle: str) -> str:
    start = source.find(f"locale: {locale}")
    found = source.find(needle, max(start, 0))
    return str(source.count("\n", 0, found) + 1) if found != -1 else "?"


# The titles and addresses of a navigation: plain-text titles, links by the link rules.
def _check_nav(nav: object, where: str, source: str) -> None:
    items = nav if isinstance(nav, list) else [nav] if nav else []
    for item in items:
        if isinstance(item, dict):
            for title, target in item.items():
                _refuse_text(title, f"{where}: title", source, str(title))
                _check_nav(target, where, source)
        elif isinstance(item, str) and re.match(r"\s*[A-Za-z][A-Za-z0-9+.-]*:", item) \
                and not re.match(r"\s*(https?|mailto):", item, re.IGNORECASE):
            raise PluginError(f"mkdocs.yml:{line_of(source, item) or '?'}: {where}: the link "
                              f"{quote(item)} is not allowed (links: http, https, mailto, paths)")


# One language's own texts, which the theme writes as they are; its link; its theme settings.
def _check_language_texts(entry, source: str) -> None:
    language = f"language {quote(entry.locale)}"
    texts = [(field, entry.get(field)) for field in CONFIG_TEXTS + ("name",)]
    for field in ("nav_translations", "admonition_translations"):
        texts += [(f"{field}.{key}", value) for key, value in (entry.get(field) or {}).items()]
    theme = entry.get("theme") or {}
    for key in theme:
        if key != "palette":
            line = _line_in_language(source, entry.locale, f"{key}:")
            raise PluginError(f"mkdocs.yml:{line}: {language}: theme setting {quote(key)} is not "
                              "allowed per language (only palette toggle names)")
    for palette in theme.get("palette") or []:
        toggle = palette.get("toggle") if isinstance(palette, dict) else None
        texts.append(("theme.palette.toggle.name", (toggle or {}).get("name")))
    _check_nav(entry.get("nav"), f"{language}: nav", source)
    if entry.get("extra"):
        line = _line_in_language(source, entry.locale, "extra:")
        raise PluginError(f"mkdocs.yml:{line}: {language}: 'extra' is not allowed per language")
    for field, value in texts:
        if value is not None:
            _refuse_text(value, f"{language}: {field}", source, str(value))
    link = entry.get("fixed_link")  # mkdocs-static-i18n checks `link` itself
    if link and re.match(r"\s*[A-Za-z][A-Za-z0-9+.-]*:", link) \
            and not re.match(r"\s*https?:", link, re.IGNORECASE):
        line = _line_in_language(source, entry.locale, link)
        raise PluginError(f"mkdocs.yml:{line}: {language}: fixed_link {quote(link)} must be a "
                          "path or an http(s) address")


# Stop the build on a text the theme would write as markup, naming its line.
def _refuse_text(value, field: str, source: str, needle: str) -> None:
    problem = check_plain_text(value, field)
    if problem is None:
        return
    first = needle.strip().splitlines()[0] if needle.strip() else ""
    line = next((found for candidate in (first, needle) if (found := line_of(source, candidate))), None)
    raise PluginError(f"mkdocs.yml{f':{line}' if line else ''}: {problem.message}")
