"""Accessibility as axe-core finds it in the real browser, on every built page, light and dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import DEFAULT_LANGUAGE, LANGUAGES, lang_prefix
from support.reader_quality import built_pages
from sitelib.messages import has_message, message

AXE = Axe()


# axe's violations on a page, one readable line each.
def violations(browser, url: str, color_scheme: str) -> list[str]:
    context = browser.new_context(color_scheme=color_scheme)
    try:
        tab = context.new_page()
        tab.goto(url, wait_until="networkidle")
        result = AXE.run(tab)
        return [
            f"{item['id']}: {item['help']} at {[node['target'] for node in item['nodes']]}"
            for item in result.response["violations"]
        ]
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(browser, site_dir, site_url, color_scheme):
    pages = built_pages(site_dir)
    assert len(pages) >= 2 * len(LANGUAGES)
    found = {path: violations(browser, site_url + path, color_scheme) for path in pages}
    assert not {path: items for path, items in found.items() if items}


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_on_the_404_page(browser, built, server, language):
    assert violations(browser, server.url + lang_prefix(language) + "missing/", "light") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_heading_permalinks_are_named_in_the_page_language(page, language):
    links = page(lang_prefix(language)).select("article a.headerlink")
    assert links
    expected = message("permalink_title", language)
    for link in links:
        assert link["title"] == expected == link["aria-label"]
    if language != DEFAULT_LANGUAGE and has_message("permalink_title", language):
        assert expected != message("permalink_title", DEFAULT_LANGUAGE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_dialog_is_named_in_the_page_language(page, language):
    soup = page(lang_prefix(language))
    dialog = soup.select_one('.md-search[role="dialog"]')
    assert dialog["aria-label"] == soup.select_one(".md-search__input")["aria-label"]
    assert dialog["aria-label"].strip()
