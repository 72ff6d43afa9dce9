"""The one 404.html, as a reader who mistypes an address in each language sees it in the browser."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from conftest import BASE_PATH
from sitelib.messages import has_message, message
from support.pages import heading_words


# Missing paths and the language their 404 page must speak: in each language's folder, and
# outside any (a name that only starts like a language's folder, an asset).
def missing_paths(site) -> list[tuple[str, str]]:
    paths = []
    for language in site.translated:
        paths += [(f"{language}/no-such-page/", language), (f"{language}/faq/old-entry", language)]
    first = site.translated[0]
    return paths + [("no-such-page/", site.default), (f"{first}x/", site.default),
                    (f"assets/{first}/missing.png", site.default)]


# The site name a language's pages show in their header.
def site_name(site, language: str) -> str:
    return site.page(site.folder(language)).select_one(".md-header__topic .md-ellipsis").get_text(strip=True)


def test_built_404_is_one_page_with_every_language_and_english_shown(site):
    soup = site.page("404.html")
    assert soup.html["lang"] == site.default
    sections = soup.select("article section[data-not-found-language]")
    assert [section["lang"] for section in sections] == site.locales
    for section in sections:
        assert ("hidden" in section.attrs) == (section["lang"] != site.default)
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_missing_path_answers_404_with_the_page(site):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(site.url + site.folder(site.translated[0]) + "no-such-page/")
    assert error.value.code == 404
    assert b"data-not-found-language" in error.value.read()


def test_404_speaks_the_language_of_the_asked_path(browser_page, site):
    for path, language in missing_paths(site):
        response = browser_page.goto(site.url + path)
        assert response.status == 404
        title = message("not_found_title", language)
        assert browser_page.evaluate("document.documentElement.lang") == language, path
        assert browser_page.title() == f"{title} - {site_name(site, language)}"
        heading = browser_page.locator("article h1:visible")
        assert heading.count() == 1
        assert heading.inner_text() == title
        assert browser_page.locator("article p:visible").inner_text() == message("not_found_message", language)
        topic = browser_page.locator(".md-header__topic").first.inner_text().strip()
        assert topic == site_name(site, language)
        # Navigation: the visible links lead into the same language, under the site's base path.
        links = browser_page.locator("article a:visible, .md-sidebar--primary a:visible")
        hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
        expected = [BASE_PATH + site.folder(language), BASE_PATH + site.folder(language) + "faq/"]
        assert set(expected) <= set(hrefs)
        assert all(href.startswith(BASE_PATH + site.folder(language)) for href in hrefs), hrefs
        titles = [links.nth(index).inner_text().strip() for index in range(links.count())]
        guide_title = heading_words(site.page(site.folder(language)).select_one("article h1"))
        assert guide_title in titles


def test_404_links_lead_to_pages_that_exist(browser_page, site, language):
    browser_page.goto(site.url + site.folder(language) + "missing/")
    links = browser_page.locator("article a:visible")
    for href in [links.nth(index).get_attribute("href") for index in range(links.count())]:
        assert urllib.request.urlopen(site.server.origin + href).status == 200


def test_404_without_javascript_shows_english(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site.url + site.folder(site.translated[0]) + "no-such-page/")
        assert tab.locator("article h1:visible").inner_text() == message("not_found_title", site.default)
        assert tab.locator("article section:visible").get_attribute("lang") == site.default
    finally:
        context.close()


def test_every_language_has_its_404_texts_or_the_english_ones(site):
    for language in site.languages.languages:
        for key in ("not_found_title", "not_found_message", "not_found_nav_label"):
            text = message(key, language.locale)
            assert text.strip()
            if not language.default and has_message(key, language.locale):
                assert text != message(key, site.default), (key, language.locale)


def test_404_searches_the_language_of_the_asked_path(browser_page, site, language):
    from urllib.parse import urljoin

    from support.search_eval import classify, index_requests, search
    from support.search_words import title_word

    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    browser_page.goto(site.url + site.folder(language) + "no-such-page/")
    field = browser_page.locator(".md-search__input")
    expected_placeholder = site.page(site.folder(language)).select_one(".md-search__input")["placeholder"]
    assert field.get_attribute("placeholder") == expected_placeholder
    assert field.get_attribute("aria-label") == expected_placeholder
    results = search(browser_page, title_word(site, language))
    assert results
    assert {classify(href, site.url, site.locales, site.default)[0] for href, _ in results} == {language}
    assert index_requests(requested) == [urljoin(site.url, site.folder(language) + "search/search_index.json")]
