"""A page a language lacks shows the English text with a visible "not yet translated" notice in
the reader's language and a link to the translation guide."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import (
    DEFAULT_LANGUAGE, LANGUAGES, REPORT, ROOT, SITE_LANGUAGES, build_site, lang_prefix, state,
)
from sitelib.faq_data import load_faq
from sitelib.messages import message
from support.projects import copy_sources
from support.server import SiteServer

BASE_PATH = "/spectrum-retention-guide/"


def faq_entries():
    return load_faq(ROOT / "data" / "faq.yml", languages=LANGUAGES, default_language=DEFAULT_LANGUAGE)


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
def test_missing_page_shows_english_with_a_notice_in_the_reader_language(gaps, page, language, path):
    site, _ = gaps
    soup = parse(site, f"{language}/{path}")
    assert soup.html["lang"] == language
    notice = soup.select_one("article .admonition.untranslated")
    assert notice.select_one(".admonition-title").get_text(strip=True) == message("untranslated_title", language)
    name = SITE_LANGUAGES.get(language).name
    assert message("untranslated_page", language, language=name) in notice.get_text()
    english = notice.find_next_sibling("div")
    assert english["lang"] == "en"
    heading = english.select_one("h1").get_text(strip=True).rstrip("¶")
    assert heading == page(path).select_one("article h1").get_text(strip=True).rstrip("¶")


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
    entry = faq_entries()[0]
    question = (entry.text_for("da") or entry.texts[DEFAULT_LANGUAGE]).question
    assert soup.select_one(f"h2#{entry.id}").get_text(strip=True).rstrip("¶") == question


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_has_the_one_notice_its_state_calls_for(page, language):
    for item in REPORT.items:
        if item.kind != "page":
            continue
        path = lang_prefix(language) + ("" if item.key == "index.md" else item.key[:-3] + "/")
        notices = page(path).select("article .admonition.untranslated, article .admonition.outdated")
        faq = [entry for entry in REPORT.items if entry.kind == "faq"] if item.key == "faq.md" else []
        states = {state(language, item.name)} | {state(language, entry.name) for entry in faq}
        if states == {"translated"}:
            assert notices == [], path
        else:
            assert len(notices) == 1, path
            kind = "untranslated" if "missing" in states else "outdated"
            assert kind in notices[0]["class"], path


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
