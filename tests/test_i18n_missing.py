"""A page a language lacks shows the English text with a visible "not yet translated" notice in
the reader's language and a link to the translation guide."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import BASE_PATH, DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES, build_site
from sitelib.faq_data import load_faq
from sitelib.languages import load_site_languages
from sitelib.messages import message
from sitelib.translation_status import FAQ_FILE, MISSING, TRANSLATED
from support.server import SiteServer
from support.pages import english_after, heading_words

# Two languages of the scratch copies, each missing one page.
FIRST, LAST = TRANSLATED_LANGUAGES[0], TRANSLATED_LANGUAGES[-1]
GAPS = [(LAST, "faq/"), (FIRST, "status/")]


@pytest.fixture(scope="module")
def gaps(tmp_path_factory, contributors_project):
    """A scratch copy without docs/<LAST>/faq.md and docs/<FIRST>/status.md, built and served."""
    from support.projects import copy_sources

    project = copy_sources(tmp_path_factory.mktemp("gaps") / "project", source=contributors_project)
    (project / f"docs/{LAST}/faq.md").unlink()
    (project / f"docs/{FIRST}/status.md").unlink()
    server = SiteServer(base_path=BASE_PATH)
    site = project.parent / "site"
    result = build_site(project, site, server.url)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    server.serve(site)
    yield project, site, server.url
    server.stop()


def parse(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("language, path", GAPS)
def test_missing_page_shows_english_with_a_notice_in_the_reader_language(gaps, language, path):
    project, site, _ = gaps
    soup = parse(site, f"{language}/{path}")
    assert soup.html["lang"] == language
    notice = soup.select_one("article .admonition.untranslated")
    assert notice.select_one(".admonition-title").get_text(strip=True) == message("untranslated_title", language)
    name = load_site_languages(project / "mkdocs.yml").get(language).name
    assert message("untranslated_page", language, language=name) in notice.get_text()
    english = english_after(notice)
    heading = heading_words(english.select_one("h1"))
    assert heading == heading_words(parse(site, path).select_one("article h1"))


def test_notice_links_to_the_translation_guide(gaps):
    _, site, _ = gaps
    repo = parse(site, f"{LAST}/faq/").select_one(".md-header__source a")["href"]
    link = parse(site, f"{LAST}/faq/").select_one(".admonition.untranslated a")
    assert link["href"] == f"{repo}/blob/main/CONTRIBUTING.md#translate-a-page"
    assert link.get_text(strip=True) == message("untranslated_page_help", LAST)


def test_the_faq_entries_of_a_fallback_faq_page_stay_in_the_reader_language(gaps):
    project, site, _ = gaps
    soup = parse(site, f"{LAST}/faq/")
    english = english_after(soup.select_one(".admonition.untranslated"))
    assert not english.select("h2"), "the FAQ entries are outside the English block"
    languages = load_site_languages(project / "mkdocs.yml")
    entry = load_faq(project / FAQ_FILE, languages=languages.locales,
                     default_language=languages.default)[0]
    question = (entry.text_for(LAST) or entry.texts[DEFAULT_LANGUAGE]).question
    assert heading_words(soup.select_one(f"h2#{entry.id}")) == question


def test_each_page_has_the_one_notice_its_state_calls_for(site, language):
    for item in site.report.items:
        if item.kind != "page":
            continue
        path = site.folder(language) + ("" if item.key == "index.md" else item.key[:-3] + "/")
        notices = site.page(path).select("article .admonition.untranslated, article .admonition.outdated")
        faq = [entry for entry in site.report.items if entry.kind == "faq"] if item.key == "faq.md" else []
        states = {site.state_of(language, item.name)} | {site.state_of(language, entry.name) for entry in faq}
        if states == {TRANSLATED}:
            assert notices == [], path
        else:
            assert len(notices) == 1, path
            kind = "untranslated" if MISSING in states else "outdated"
            assert kind in notices[0]["class"], path


def test_notice_is_visible_in_the_browser(gaps, browser):
    _, _, url = gaps
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url + f"{LAST}/faq/")
        notice = tab.locator("article .admonition.untranslated")
        assert notice.is_visible()
        box = notice.bounding_box()
        assert box["height"] > 20 and box["y"] < tab.viewport_size["height"], box
        links = notice.locator("a")
        assert links.count() >= 1
        for index in range(links.count()):
            assert links.nth(index).is_visible()
    finally:
        context.close()


def test_a_fallback_page_links_to_its_english_source(gaps):
    _, site, _ = gaps
    soup = parse(site, f"{FIRST}/status/")
    repo = soup.select_one(".md-header__source a")["href"].rstrip("/")
    assert soup.select_one("a[rel=edit]")["href"] == f"{repo}/edit/main/docs/en/status.md"
