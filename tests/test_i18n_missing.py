"""A page a language lacks shows the English text with a visible "not yet translated" notice in
the reader's language and a link to the translation guide."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, build_site, lang_prefix
from sitelib.messages import message
from support.projects import copy_sources
from support.server import SiteServer

BASE_PATH = "/spectrum-retention-guide/"


@pytest.fixture(scope="module")
def gaps(tmp_path_factory):
    """The project without docs/da/faq.md and docs/ko/status.md, built and served."""
    project = copy_sources(tmp_path_factory.mktemp("gaps") / "project")
    (project / "docs/da/faq.md").unlink()
    (project / "docs/ko/status.md").unlink()
    server = SiteServer(base_path=BASE_PATH)
    site = project.parent / "site"
    result = build_site(project, site, server.url)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    server.serve(site)
    yield site, server.url
    server.stop()


def parse(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("language, path", [("da", "faq/"), ("ko", "status/")])
def test_missing_page_shows_english_with_a_notice_in_the_reader_language(gaps, language, path):
    site, _ = gaps
    soup = parse(site, f"{language}/{path}")
    assert soup.html["lang"] == language
    notice = soup.select_one("article .admonition.untranslated")
    assert notice.select_one(".admonition-title").get_text(strip=True) == message("untranslated_title", language)
    assert message("untranslated_page", language, language={"da": "Dansk", "ko": "한국어"}[language]) in notice.get_text()
    english = notice.find_next_sibling("div")
    assert english["lang"] == "en"
    assert english.select_one("h1").get_text(strip=True).rstrip("¶") in (
        "Frequently asked questions", "Translation status")


def test_notice_links_to_the_translation_guide(gaps):
    site, _ = gaps
    repo = parse(site, "da/faq/").select_one(".md-header__source a")["href"]
    link = parse(site, "da/faq/").select_one(".admonition.untranslated a")
    assert link["href"] == f"{repo}/blob/main/CONTRIBUTING.md#translate-a-page"
    assert link.get_text(strip=True) == message("untranslated_page_help", "da")


def test_the_faq_entries_of_a_fallback_faq_page_stay_in_the_reader_language(gaps):
    site, _ = gaps
    soup = parse(site, "da/faq/")
    english = soup.select_one(".admonition.untranslated").find_next_sibling("div")
    assert not english.select("h2"), "the FAQ entries are outside the English block"
    assert soup.select_one("h2#cancellation-fee").get_text(strip=True).startswith("Er der et")


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_pages_have_no_notice(page, language):
    for path in ("", "faq/", "status/"):
        assert page(lang_prefix(language) + path).select_one(".admonition.untranslated") is None


def test_notice_is_visible_in_the_browser(gaps, browser):
    _, url = gaps
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url + "da/faq/")
        notice = tab.locator("article .admonition.untranslated")
        assert notice.is_visible()
        box = notice.bounding_box()
        assert box["height"] > 20 and box["y"] < tab.viewport_size["height"], box
        assert notice.locator("a").is_visible()
    finally:
        context.close()


def test_a_fallback_page_links_to_its_english_source(gaps):
    site, _ = gaps
    soup = parse(site, "ko/status/")
    repo = soup.select_one(".md-header__source a")["href"].rstrip("/")
    assert soup.select_one("a[rel=edit]")["href"] == f"{repo}/edit/main/docs/en/status.md"
