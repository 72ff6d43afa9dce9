"""SEO: what search engines and link previews read, in the page's own language.

- hreflang: every page's alternates in the other languages, plus x-default, are declared in
  sitemap.xml (`overrides/sitemap.xml`), not in each page's head. Material fetches
  `<alternate>/sitemap.xml` for every `<link rel="alternate">` in the head, so head links would
  cost a reader one request per language on every page; the sitemap is one file, fetched by
  crawlers only, and search engines document it as equivalent to head links.
- sharing: Open Graph and Twitter card tags; the canonical URL and description come from the theme.
- FAQ rich results: the FAQ page of each language carries schema.org FAQPage JSON-LD.
- the 404 page is kept out of search indexes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitelib.faq_data import FaqEntry, load_build_faq
from sitelib.languages import site_languages
from sitelib.markdown_text import escape_markup

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Complete the head of every page with the metadata search engines and link previews read.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    languages = site_languages(config)
    alternates = getattr(page.file, "alternates", None) or {}
    meta = _PageMeta(
        locale=languages.current,
        url=page.canonical_url,
        title=page.meta.get("title") or page.title or config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        site_name=config.site_name,
        is_homepage=page.url in ("", languages.folder(languages.current)),
        other_locales=[locale for locale in languages.locales
                       if locale in alternates and locale != languages.current],
    )
    json_ld = None
    if page.meta.get("faq_data"):
        json_ld = _faq_json_ld(load_build_faq(config, page.meta["faq_data"]),
                               language=meta.locale, default_language=languages.default,
                               url=meta.url)
    return _add_head_metadata(output, meta, json_ld)


# The 404 page has no translations to declare, and belongs in no search index.
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    html = _THEME_ALTERNATE_LINK.sub("", output_content)
    return html.replace('<meta charset="utf-8">',
                        '<meta charset="utf-8">\n    <meta name="robots" content="noindex">', 1)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _PageMeta:
    """What the head of one page says about it to link previews."""

    locale: str
    url: str
    title: str
    description: str
    site_name: str
    is_homepage: bool
    other_locales: list[str]


# Put the page's metadata into its head, in place of the theme's alternates.
def _add_head_metadata(html: str, meta: _PageMeta, json_ld: dict | None) -> str:
    tags = _sharing_tags(meta)
    if json_ld is not None:
        tags.append(_json_ld_script(json_ld))
    block = "".join(f"    {tag}\n" for tag in tags)
    html = _THEME_ALTERNATE_LINK.sub("", html)
    return html.replace("</head>", block + "  </head>", 1)


# Open Graph and Twitter card tags, in the page's own language.
def _sharing_tags(meta: _PageMeta) -> list[str]:
    properties = [
        ("og:type", "website" if meta.is_homepage else "article"),
        ("og:site_name", meta.site_name),
        ("og:title", meta.title),
        ("og:description", meta.description),
        ("og:url", meta.url),
        ("og:locale", _og_locale(meta.locale)),
    ]
    properties += [("og:locale:alternate", _og_locale(locale)) for locale in meta.other_locales]
    names = [
        ("twitter:card", "summary"),
        ("twitter:title", meta.title),
        ("twitter:description", meta.description),
    ]
    return [
        f'<meta property="{key}" content="{escape(value)}">' for key, value in properties
    ] + [f'<meta name="{key}" content="{escape(value)}">' for key, value in names]


# The Open Graph form of a locale (ko -> ko_KR).
def _og_locale(locale: str) -> str:
    return _OG_LOCALES.get(locale, locale.replace("-", "_"))


# schema.org FAQPage for one language: the texts the page shows, English where untranslated.
def _faq_json_ld(entries: list[FaqEntry], *, language: str, default_language: str,
                 url: str) -> dict:
    questions = []
    for entry in entries:
        text = entry.text_for(language) or entry.texts[default_language]
        questions.append({
            "@type": "Question",
            "@id": f"{url}#{entry.id}",
            "name": " ".join(text.question.split()),
            "acceptedAnswer": {"@type": "Answer", "text": _answer_text(text.answer)},
        })
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language,
        "url": url,
        "mainEntity": questions,
    }


# An answer as the reader sees it: the Markdown rendered the way the page renders it, as text.
def _answer_text(answer: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(markdown.markdown(escape_markup(answer)))
    extractor.close()
    return " ".join("".join(extractor.parts).split())


# A <script type="application/ld+json"> that no text in the data can break out of.
def _json_ld_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, replacement in _SCRIPT_ESCAPES.items():
        text = text.replace(character, replacement)
    return f'<script type="application/ld+json">{text}</script>'


# Collects the text of rendered HTML, with a space between blocks.
class _TextExtractor(HTMLParser):
    # Entities come back decoded, as the reader sees them.
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    # Keep every piece of text.
    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    # Separate the text of consecutive elements.
    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Material writes one <link rel="alternate" hreflang> per language into the head.
_THEME_ALTERNATE_LINK = re.compile(
    r'^[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?', re.MULTILINE)

# Open Graph wants language_TERRITORY; a language not listed here is given as it is.
_OG_LOCALES = {"en": "en_US", "ko": "ko_KR", "da": "da_DK"}

# Characters that could end the script element or start markup inside it, as JSON escapes.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                   "\u2029": "\\u2029"}
