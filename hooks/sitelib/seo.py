"""Search and sharing metadata of a built page: hreflang alternates, Open Graph, FAQPage JSON-LD."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

import markdown

from sitelib.faq_data import FaqEntry
from sitelib.faq_markdown import escape_markup

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Material writes one relative <link rel="alternate" hreflang> per language; ours replace them.
THEME_ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')

# Open Graph wants language_TERRITORY; a language not listed here is given as it is.
OG_LOCALES = {"en": "en_US", "ko": "ko_KR", "da": "da_DK"}

# Characters that could end the script element or start markup inside it, as JSON escapes.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                  "\u2029": "\\u2029"}


@dataclass(frozen=True)
class PageMeta:
    """What the head of one page says about it to search engines and link previews."""

    locale: str
    url: str
    title: str
    description: str
    site_name: str
    is_homepage: bool
    alternates: dict[str, str]
    default_locale: str


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Put the page's metadata into its head, in place of the theme's relative alternates.
def add_head_metadata(html: str, meta: PageMeta, json_ld: dict | None = None) -> str:
    tags = hreflang_links(meta) + sharing_tags(meta)
    if json_ld is not None:
        tags.append(json_ld_script(json_ld))
    block = "".join(f"    {tag}\n" for tag in tags)
    first = THEME_ALTERNATE_LINK.search(html)
    if first is None:
        return html.replace("</head>", block + "  </head>", 1)
    html = html[: first.start()] + block + THEME_ALTERNATE_LINK.sub("", html[first.start():])
    return html


# One absolute <link rel="alternate" hreflang> per language, and x-default for the default one.
def hreflang_links(meta: PageMeta) -> list[str]:
    links = [
        f'<link rel="alternate" hreflang="{escape(locale)}" href="{escape(url)}">'
        for locale, url in meta.alternates.items()
    ]
    default_url = meta.alternates.get(meta.default_locale)
    if default_url:
        links.append(f'<link rel="alternate" hreflang="x-default" href="{escape(default_url)}">')
    return links


# Open Graph and Twitter card tags, in the page's own language.
def sharing_tags(meta: PageMeta) -> list[str]:
    properties = [
        ("og:type", "website" if meta.is_homepage else "article"),
        ("og:site_name", meta.site_name),
        ("og:title", meta.title),
        ("og:description", meta.description),
        ("og:url", meta.url),
        ("og:locale", og_locale(meta.locale)),
    ]
    properties += [
        ("og:locale:alternate", og_locale(locale))
        for locale in meta.alternates if locale != meta.locale
    ]
    names = [
        ("twitter:card", "summary"),
        ("twitter:title", meta.title),
        ("twitter:description", meta.description),
    ]
    return [
        f'<meta property="{key}" content="{escape(value)}">' for key, value in properties
    ] + [f'<meta name="{key}" content="{escape(value)}">' for key, value in names]


# The Open Graph form of a locale (ko -> ko_KR).
def og_locale(locale: str) -> str:
    return OG_LOCALES.get(locale, locale)


# schema.org FAQPage for one language: the texts the page shows, English where untranslated.
def faq_json_ld(entries: list[FaqEntry], *, language: str, default_language: str,
                url: str) -> dict:
    questions = []
    for entry in entries:
        text = entry.text_for(language) or entry.texts[default_language]
        questions.append({
            "@type": "Question",
            "@id": f"{url}#{entry.id}",
            "name": " ".join(text.question.split()),
            "acceptedAnswer": {"@type": "Answer", "text": answer_text(text.answer)},
        })
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language,
        "url": url,
        "mainEntity": questions,
    }


# An answer as the reader sees it: the Markdown rendered the way the page renders it, as text.
def answer_text(answer: str) -> str:
    rendered = markdown.markdown(escape_markup(answer))
    extractor = _TextExtractor()
    extractor.feed(rendered)
    extractor.close()
    return " ".join("".join(extractor.parts).split())


# A <script type="application/ld+json"> that no text in the data can break out of.
def json_ld_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, replacement in SCRIPT_ESCAPES.items():
        text = text.replace(character, replacement)
    return f'<script type="application/ld+json">{text}</script>'


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

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
