"""Build hook: absolute hreflang alternates with x-default, sharing tags and FAQPage JSON-LD."""

from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitelib.faq_data import load_build_faq
from sitelib.seo import PageMeta, add_head_metadata, faq_json_ld
from sitelib.site_config import current_locale, default_locale, languages_from_config

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Complete the head of every page with the metadata search engines and link previews read.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    languages = languages_from_config(config)
    meta = PageMeta(
        locale=current_locale(config),
        url=page.canonical_url,
        title=page.meta.get("title") or page.title or config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        site_name=config.site_name,
        is_homepage=page.url in ("", f"{current_locale(config)}/"),
        alternates=_alternate_urls(page, config, [language.locale for language in languages]),
        default_locale=default_locale(languages),
    )
    return add_head_metadata(output, meta, _faq_json_ld(page, config, meta))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The absolute address of the page in every built language, in mkdocs.yml's order.
def _alternate_urls(page: Page, config: MkDocsConfig, locales: list[str]) -> dict[str, str]:
    alternates = getattr(page.file, "alternates", None) or {}
    urls = {
        locale: urljoin(config.site_url, alternates[locale].url)
        for locale in locales if locale in alternates
    }
    return urls or {current_locale(config): page.canonical_url}


# The FAQPage data of a page built from the FAQ file, or None for other pages.
def _faq_json_ld(page: Page, config: MkDocsConfig, meta: PageMeta) -> dict | None:
    source = page.meta.get("faq_data")
    if not source:
        return None
    entries = load_build_faq(config, source)
    return faq_json_ld(entries, language=meta.locale, default_language=meta.default_locale,
                       url=meta.url)
