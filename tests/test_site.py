"""The built guide and FAQ pages, read as a reader's browser would get them."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT, lang_prefix, state
from sitelib.faq_data import load_faq

GUIDE_SECTIONS = [
    "introduction",
    "what-is-a-retention-department",
    "what-does-it-do",
    "billing-vs-retention",
    "avoid-the-billing-department",
    "discount-on-your-bill",
    "waive-extra-fees",
    "final-thoughts",
    "about-the-author",
]
# Python-Markdown's default admonition titles: none may show on a Korean or Danish page.
ENGLISH_DEFAULT_TITLES = {
    "note", "abstract", "info", "tip", "success", "question", "warning", "failure",
    "danger", "bug", "example", "quote", "attention", "caution", "error", "hint",
    "important", "summary", "tldr", "todo", "check", "done", "help", "faq", "fail",
    "missing", "cite",
}
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def faq_entries():
    return load_faq(ROOT / "data" / "faq.yml", languages=LANGUAGES, default_language=DEFAULT_LANGUAGE)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "faq/"])
def test_every_page_exists_in_its_language(page, language, path):
    html = page(lang_prefix(language) + path).html
    assert html["lang"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_has_every_section_with_shared_anchor(page, language):
    article = page(lang_prefix(language)).select_one("article")
    english = page(lang_prefix(DEFAULT_LANGUAGE)).select_one("article")
    assert article.select_one("h1")["id"] == "spectrum-customer-retention"
    assert [h2["id"] for h2 in english.select("h2")] == GUIDE_SECTIONS
    assert [h2["id"] for h2 in article.select("h2")] == GUIDE_SECTIONS
    for heading in article.select("h1, h2"):
        text = heading.get_text(" ", strip=True).rstrip("¶").strip()
        assert len(text) >= 4, heading
        if language == "ko" and state(language, "index.md") != "missing":
            assert HANGUL.search(text), f"Korean heading without Hangul: {text}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_credits_the_author(page, language):
    article = page(lang_prefix(language)).select_one("article")
    # The first paragraph under the title, past a notice about the translation's state.
    credit = next(paragraph for paragraph in article.select_one("h1").find_all_next("p")
                  if paragraph.find_parent(class_="admonition") is None)
    assert "Michael Perez" in credit.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_leaves_out_links_to_articles_the_site_lacks(page, language):
    text = page(lang_prefix(language)).select_one("article").get_text(" ")
    for foreign in ("Async Caller ID", "ecobee", "Se også", "DVR", "독서를 즐길"):
        assert foreign not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_tips_are_admonitions_titled_in_the_page_language(page, language):
    tips = ".admonition:not(.untranslated):not(.outdated) > .admonition-title"
    article = page(lang_prefix(language)).select_one("article")
    titles = [title.get_text(strip=True) for title in article.select(tips)]
    english_titles = [title.get_text(strip=True)
                      for title in page(lang_prefix(DEFAULT_LANGUAGE)).select(tips)]
    assert len(english_titles) >= 5 and len(titles) == len(english_titles), titles
    if state(language, "index.md") == "missing":
        return  # shown in English until translated
    for title in titles:
        assert title.lower() not in ENGLISH_DEFAULT_TITLES, title
        if language != DEFAULT_LANGUAGE:
            assert title not in english_titles, f"English title on the {language} page: {title}"
        if language == "ko":
            assert HANGUL.search(title), title


def test_no_cancellation_fee_tip_links_to_the_faq_entry_in_each_language(page):
    for language in LANGUAGES:
        links = [a["href"] for a in page(lang_prefix(language)).select(".admonition a[href]")]
        assert "faq/#cancellation-fee" in links, (language, links)


@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_page_shows_every_entry_from_the_data(page, language):
    article = page(lang_prefix(language) + "faq/").select_one("article")
    entries = faq_entries()
    headings = article.select("h2")
    assert [h2["id"] for h2 in headings] == [entry.id for entry in entries]
    for heading, entry in zip(headings, entries):
        text = entry.text_for(language) or entry.texts[DEFAULT_LANGUAGE]
        assert heading.get_text(strip=True).rstrip("¶") == text.question
        answer = heading.find_next_sibling(["p", "div"]).get_text(" ", strip=True)
        assert answer.split()[:3] == text.answer.split()[:3]
        if entry.text_for(language) is None:  # the English text, marked as such
            assert heading["lang"] == DEFAULT_LANGUAGE
            assert heading.find_next_sibling("div")["lang"] == DEFAULT_LANGUAGE


def test_faq_content_lives_only_in_the_data_file():
    answers = [text.answer for entry in faq_entries() for text in entry.texts.values()]
    for markdown in (ROOT / "docs").rglob("*.md"):
        source = markdown.read_text(encoding="utf-8")
        for answer in answers:
            first_sentence = answer.split(". ")[0]
            assert first_sentence not in source, f"{markdown} repeats the FAQ: {first_sentence}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_page_is_in_the_navigation(page, language):
    soup = page(lang_prefix(language))
    nav_links = [a.get("href") for a in soup.select("nav.md-nav--primary a.md-nav__link")]
    assert "faq/" in nav_links


def test_language_switcher_on_faq_leads_to_the_faq_in_each_language(page, site_url):
    for language in LANGUAGES:
        page_url = urljoin(site_url, lang_prefix(language) + "faq/")
        soup = page(lang_prefix(language) + "faq/")
        targets = {
            a["hreflang"]: urljoin(page_url, a["href"]) for a in soup.select("a.md-select__link[hreflang]")
        }
        assert targets == {other: urljoin(site_url, lang_prefix(other) + "faq/") for other in LANGUAGES}


def test_sitemap_lists_the_faq_in_every_language_with_alternates(site_dir, site_url):
    from bs4 import BeautifulSoup

    sitemap = BeautifulSoup((site_dir / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    expected = {urljoin(site_url, lang_prefix(language) + "faq/") for language in LANGUAGES}
    urls = {url.find("loc").get_text(strip=True): url for url in sitemap.find_all("url")}
    assert expected <= set(urls)
    for loc in expected:
        alternates = {link["hreflang"]: link["href"] for link in urls[loc].find_all("link")}
        assert {alternates[language] for language in LANGUAGES} == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_built_pages_use_the_glossary_words(page, site_dir, language):
    # Besides the sources, the built pages hold texts from data/messages.yml and mkdocs.yml.
    from sitelib.glossary import load_rules
    from support.reader_quality import built_pages

    rules = [rule for rule in load_rules(ROOT / "data" / "glossary.yml") if rule.language == language]
    for path in built_pages(site_dir):
        if lang_prefix(language) and not path.startswith(lang_prefix(language)):
            continue
        soup = page(path)
        text = " ".join([soup.title.get_text()] + [node.get_text(" ") for node in soup.select(
            "article, .md-header__topic, .md-nav--primary")])
        for rule in rules:
            assert not rule.pattern.search(text), f"{path}: use {rule.use}, not {rule.avoid}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_entries_are_in_the_language_search_index(site_dir, language):
    import json

    index = json.loads((site_dir / lang_prefix(language) / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"]: doc["title"] for doc in index["docs"]}
    for entry in faq_entries():
        text = entry.text_for(language) or entry.texts[DEFAULT_LANGUAGE]
        assert locations.get(f"faq/#{entry.id}") == text.question
