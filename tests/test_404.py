"""The one 404.html, as a reader who mistypes an address in each language sees it in the browser."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from conftest import BASE_PATH, DEFAULT_LANGUAGE, LANGUAGES, lang_prefix
from sitelib.messages import has_message, message
from sitelib.languages import load_site_languages


# Missing paths and the language their 404 page must speak.
MISSING = [
    ("ko/no-such-page/", "ko"),
    ("ko/faq/old-entry", "ko"),
    ("da/ingen-side/", "da"),
    ("da/faq/gone", "da"),
    ("no-such-page/", DEFAULT_LANGUAGE),
    ("kor/", DEFAULT_LANGUAGE),
    ("assets/ko/missing.png", DEFAULT_LANGUAGE),
]


# The site name a language's pages show in their header.
def site_name(page, language: str) -> str:
    return page(lang_prefix(language)).select_one(".md-header__topic .md-ellipsis").get_text(strip=True)


def test_built_404_is_one_page_with_every_language_and_english_shown(page):
    soup = page("404.html")
    assert soup.html["lang"] == DEFAULT_LANGUAGE
    sections = soup.select("article section[data-not-found-language]")
    assert [section["lang"] for section in sections] == LANGUAGES
    for section in sections:
        assert ("hidden" in section.attrs) == (section["lang"] != DEFAULT_LANGUAGE)
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_missing_path_answers_404_with_the_page(server, built):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(server.url + "ko/no-such-page/")
    assert error.value.code == 404
    assert b"data-not-found-language" in error.value.read()


@pytest.mark.parametrize("path, language", MISSING)
def test_404_speaks_the_language_of_the_asked_path(browser_page, page, server, path, language):
    response = browser_page.goto(server.url + path)
    assert response.status == 404
    title = message("not_found_title", language)
    assert browser_page.evaluate("document.documentElement.lang") == language
    assert browser_page.title() == f"{title} - {site_name(page, language)}"
    heading = browser_page.locator("article h1:visible")
    assert heading.count() == 1
    assert heading.inner_text() == title
    assert browser_page.locator("article p:visible").inner_text() == message("not_found_message", language)
    topic = browser_page.locator(".md-header__topic").first.inner_text().strip()
    assert topic == site_name(page, language)
    # Navigation: the visible links lead into the same language, under the site's base path.
    links = browser_page.locator("article a:visible, .md-sidebar--primary a:visible")
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
    expected = [BASE_PATH + lang_prefix(language), BASE_PATH + lang_prefix(language) + "faq/"]
    assert set(expected) <= set(hrefs)
    assert all(href.startswith(BASE_PATH + lang_prefix(language)) for href in hrefs), hrefs
    titles = [links.nth(index).inner_text().strip() for index in range(links.count())]
    guide_title = page(lang_prefix(language)).select_one("article h1").get_text().rstrip("¶").strip()
    assert guide_title in titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_links_lead_to_pages_that_exist(browser_page, server, language):
    browser_page.goto(server.url + lang_prefix(language) + "missing/")
    links = browser_page.locator("article a:visible")
    for href in [links.nth(index).get_attribute("href") for index in range(links.count())]:
        assert urllib.request.urlopen(server.origin + href).status == 200


def test_404_without_javascript_shows_english(browser, built, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(server.url + "ko/no-such-page/")
        assert tab.locator("article h1:visible").inner_text() == message("not_found_title", DEFAULT_LANGUAGE)
        assert tab.locator("article section:visible").get_attribute("lang") == DEFAULT_LANGUAGE
    finally:
        context.close()


def test_every_language_has_its_404_texts_or_the_english_ones():
    for language in load_site_languages().languages:
        for key in ("not_found_title", "not_found_message", "not_found_nav_label"):
            text = message(key, language.locale)
            assert text.strip()
            if not language.default and has_message(key, language.locale):
                assert text != message(key, DEFAULT_LANGUAGE), (key, language.locale)


# What a reader who lands on a missing page types into the search box, per language.
NOT_FOUND_SEARCHES = {"ko": "환불", "da": "rabatterne", "en": "refunds"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_searches_the_language_of_the_asked_path(browser_page, page, server, language):
    from urllib.parse import urljoin

    from support.search_eval import classify, index_requests, search

    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    browser_page.goto(server.url + lang_prefix(language) + "no-such-page/")
    field = browser_page.locator(".md-search__input")
    expected_placeholder = page(lang_prefix(language)).select_one(".md-search__input")["placeholder"]
    assert field.get_attribute("placeholder") == expected_placeholder
    assert field.get_attribute("aria-label") == expected_placeholder
    results = search(browser_page, NOT_FOUND_SEARCHES.get(language, "Spectrum"))
    assert results
    assert {classify(href, server.url, LANGUAGES, DEFAULT_LANGUAGE)[0] for href, _ in results} == {language}
    assert index_requests(requested) == [urljoin(server.url, lang_prefix(language) + "search/search_index.json")]
