"""The built guide and FAQ pages, read as a reader's browser would get them."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from sitelib.faq_data import load_faq
from sitelib.sections import parse_page
from sitelib.translation_status import FAQ_FILE, MISSING
from support.pages import heading_words

# Python-Markdown's default admonition titles: none may show on a translated page.
ENGLISH_DEFAULT_TITLES = {
    "note", "abstract", "info", "tip", "success", "question", "warning", "failure",
    "danger", "bug", "example", "quote", "attention", "caution", "error", "hint",
    "important", "summary", "tldr", "todo", "check", "done", "help", "faq", "fail",
    "missing", "cite",
}
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# The notices the translations hook adds; the page's own admonitions are the others.
OWN_TIPS = ".admonition:not(.untranslated):not(.outdated) > .admonition-title"


def faq_entries(site):
    return load_faq(site.root / FAQ_FILE, languages=site.locales, default_language=site.default)


def english_anchors(site, name: str = "index.md") -> list[str]:
    """The anchors of an English page's sections, as its source gives them."""
    text = (site.root / "docs" / site.default / name).read_text(encoding="utf-8")
    return [section.anchor for section in parse_page(text).sections if section.anchor]


def test_every_page_exists_in_its_language(site, language):
    for path in ("", "faq/"):
        assert site.page(site.folder(language) + path).html["lang"] == language


def test_guide_has_every_section_with_shared_anchor(site, language):
    article = site.page(site.folder(language)).select_one("article")
    anchors = english_anchors(site)
    assert len(anchors) >= 3
    assert [article.select_one("h1")["id"]] + [h2["id"] for h2 in article.select("h2")] == anchors
    for heading in article.select("h1, h2"):
        text = heading_words(heading, " ")
        assert len(text) >= 4, heading
        if language == "ko" and site.state_of(language, "index.md") != MISSING:
            assert HANGUL.search(text), f"Korean heading without Hangul: {text}"


def test_guide_credits_the_author(site, language):
    article = site.page(site.folder(language)).select_one("article")
    # The first paragraph under the title, past a notice about the translation's state.
    credit = next(paragraph for paragraph in article.select_one("h1").find_all_next("p")
                  if paragraph.find_parent(class_="admonition") is None)
    assert "Michael Perez" in credit.get_text()


def test_guide_leaves_out_links_to_articles_the_site_lacks(site, language):
    text = site.page(site.folder(language)).select_one("article").get_text(" ")
    for foreign in ("Async Caller ID", "ecobee", "Se også", "DVR", "독서를 즐길"):
        assert foreign not in text


def test_tips_are_admonitions_titled_in_the_page_language(site, language):
    article = site.page(site.folder(language)).select_one("article")
    titles = [title.get_text(strip=True) for title in article.select(OWN_TIPS)]
    english_titles = [title.get_text(strip=True)
                      for title in site.page(site.folder(site.default)).select(OWN_TIPS)]
    assert len(english_titles) >= 3 and len(titles) == len(english_titles), titles
    if site.state_of(language, "index.md") == MISSING:
        return  # shown in English until translated
    for title in titles:
        assert title.lower() not in ENGLISH_DEFAULT_TITLES, title
        if language != site.default:
            assert title not in english_titles, f"English title on the {language} page: {title}"
        if language == "ko":
            assert HANGUL.search(title), title


def test_faq_page_shows_every_entry_from_the_data(site, language):
    article = site.page(site.folder(language) + "faq/").select_one("article")
    entries = faq_entries(site)
    headings = article.select("h2")
    assert [h2["id"] for h2 in headings] == [entry.id for entry in entries]
    for heading, entry in zip(headings, entries):
        text = entry.text_for(language) or entry.texts[site.default]
        assert heading_words(heading) == text.question
        answer = heading.find_next_sibling(["p", "div"]).get_text(" ", strip=True)
        assert answer.split()[:3] == text.answer.split()[:3]
        if entry.text_for(language) is None:  # the English text, marked as such
            assert heading["lang"] == site.default
            assert heading.find_next_sibling("div")["lang"] == site.default


def test_faq_content_lives_only_in_the_data_file(site):
    answers = [text.answer for entry in faq_entries(site) for text in entry.texts.values()]
    for markdown in (site.root / "docs").rglob("*.md"):
        source = markdown.read_text(encoding="utf-8")
        for answer in answers:
            first_sentence = answer.split(". ")[0]
            assert first_sentence not in source, f"{markdown} repeats the FAQ: {first_sentence}"


def test_faq_page_is_in_the_navigation(site, language):
    soup = site.page(site.folder(language))
    nav_links = [a.get("href") for a in soup.select("nav.md-nav--primary a.md-nav__link")]
    assert "faq/" in nav_links


def test_language_switcher_on_faq_leads_to_the_faq_in_each_language(site, language):
    page_url = urljoin(site.url, site.folder(language) + "faq/")
    soup = site.page(site.folder(language) + "faq/")
    targets = {
        a["hreflang"]: urljoin(page_url, a["href"]) for a in soup.select("a.md-select__link[hreflang]")
    }
    assert targets == {other: urljoin(site.url, site.folder(other) + "faq/") for other in site.locales}


def test_sitemap_lists_the_faq_in_every_language_with_alternates(site):
    from bs4 import BeautifulSoup

    sitemap = BeautifulSoup((site.dir / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    expected = {urljoin(site.url, site.folder(language) + "faq/") for language in site.locales}
    urls = {url.find("loc").get_text(strip=True): url for url in sitemap.find_all("url")}
    assert expected <= set(urls)
    for loc in expected:
        alternates = {link["hreflang"]: link["href"] for link in urls[loc].find_all("link")}
        assert {alternates[language] for language in site.locales} == expected


def test_built_pages_use_the_glossary_words(site, language):
    # Besides the sources, the built pages hold texts from data/messages.yml and mkdocs.yml.
    from sitelib.glossary import load_rules
    from support.reader_quality import built_pages

    rules = [rule for rule in load_rules(site.root / "data" / "glossary.yml")
             if rule.language == language]
    for path in built_pages(site.dir):
        if site.folder(language) and not path.startswith(site.folder(language)):
            continue
        soup = site.page(path)
        text = " ".join([soup.title.get_text()] + [node.get_text(" ") for node in soup.select(
            "article, .md-header__topic, .md-nav--primary")])
        for rule in rules:
            assert not rule.pattern.search(text), f"{path}: use {rule.use}, not {rule.avoid}"


def test_faq_entries_are_in_the_language_search_index(site, language):
    import json

    index = json.loads((site.dir / site.folder(language) / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"]: doc["title"] for doc in index["docs"]}
    for entry in faq_entries(site):
        text = entry.text_for(language) or entry.texts[site.default]
        assert locations.get(f"faq/#{entry.id}") == text.question
