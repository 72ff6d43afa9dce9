"""Accessibility as axe-core finds it in the real browser, on every built page, light and dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.browser import open_settled
from support.reader_quality import built_pages
from sitelib.messages import has_message, message

AXE = Axe()


# axe's violations on each page, one readable line each, in one tab of the given color scheme.
def violations(browser, urls: list[str], color_scheme: str) -> dict[str, list[str]]:
    context = browser.new_context(color_scheme=color_scheme)
    try:
        tab = context.new_page()
        found = {}
        for url in urls:
            open_settled(tab, url)
            found[url] = [
                f"{item['id']}: {item['help']} at {[node['target'] for node in item['nodes']]}"
                for item in AXE.run(tab).response["violations"]
            ]
        return found
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(browser, site, color_scheme):
    pages = built_pages(site.dir)
    assert len(pages) >= 2 * len(site.locales)
    found = violations(browser, [site.url + path for path in pages], color_scheme)
    assert not {url: items for url, items in found.items() if items}


def test_axe_finds_no_violation_on_the_404_page(browser, site):
    urls = [site.url + site.folder(language) + "missing/" for language in site.locales]
    assert not {url: items for url, items in violations(browser, urls, "light").items() if items}


def test_heading_permalinks_are_named_in_the_page_language(site, language):
    links = site.page(site.folder(language)).select("article a.headerlink")
    assert links
    expected = message("permalink_title", language)
    for link in links:
        assert link["title"] == expected == link["aria-label"]
    if language != site.default and has_message("permalink_title", language):
        assert expected != message("permalink_title", site.default)


def test_search_dialog_is_named_in_the_page_language(site, language):
    soup = site.page(site.folder(language))
    dialog = soup.select_one('.md-search[role="dialog"]')
    assert dialog["aria-label"] == soup.select_one(".md-search__input")["aria-label"]
    assert dialog["aria-label"].strip()
