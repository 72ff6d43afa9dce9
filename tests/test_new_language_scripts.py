"""Every kind of language `new-language` can add works: right to left (Arabic), written without
spaces (Japanese, Chinese, Thai), and one Lunr has no search support for (Polish). Each is added
as a translator adds it: `new-language`, one section translated (tests/data/new_languages.yml)
and recorded with `sync LOCALE PAGE#ANCHOR`; then the site is built once, strictly, and read as
HTML and in Chromium: directions and language marks, search on the translated sentence, the
language suggestion, the 404 page and the status page."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BASE_PATH, DEFAULT_LANGUAGE, ROOT, build_site
from sitelib.messages import message
from sitelib.sections import parse_page
from sitelib.translation_marks import right_to_left
from support.i18n_project import run_i18n, with_translation_tools
from support.pages import heading_words
from support.search_eval import classify, search
from support.server import SiteServer

DATA = yaml.safe_load((ROOT / "tests" / "data" / "new_languages.yml").read_text(encoding="utf-8"))
SECTION = DATA["section"]
LANGUAGES = list(DATA["languages"])


@pytest.fixture(scope="module")
def scripts_site(tmp_path_factory, contributors_project):
    """A copy of the project with every language of the data file added and one section of each
    translated and synced, built once and served."""
    from support.projects import copy_sources

    root = tmp_path_factory.mktemp("scripts")
    project = with_translation_tools(copy_sources(root / "project", source=contributors_project))
    for locale, language in DATA["languages"].items():
        added = run_i18n(project, "new-language", locale, language["name"])
        assert added.returncode == 0, added.stderr
        page = project / "docs" / locale / "index.md"
        text = page.read_text(encoding="utf-8")
        section = parse_page(text).section(SECTION)
        lines = text.split("\n")
        last = section.blocks[-1]
        lines[section.line - 1: last.line - 1 + len(last.lines)] = (
            [f"## {language['heading']} {{ #{SECTION} }}"]
            + [line for paragraph in language["paragraphs"] for line in ("", paragraph)])
        page.write_text("\n".join(lines), encoding="utf-8")
        synced = run_i18n(project, "sync", locale, f"index.md#{SECTION}")
        assert synced.returncode == 0, synced.stderr
    server = SiteServer(base_path=BASE_PATH)
    site = root / "site"
    result = build_site(project, site, server.url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr, result.stderr
    server.serve(site)
    yield project, site, server.url
    server.stop()


def parse(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def english_blocks(soup):
    """The blocks and headings of an article marked as English."""
    return soup.select("article [lang='en']")


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_translated_section_is_in_its_language_and_the_rest_marked_english(scripts_site, locale):
    _, site, _ = scripts_site
    soup = parse(site, locale)
    rtl = right_to_left(locale)
    assert soup.html["lang"] == locale and soup.body["dir"] == ("rtl" if rtl else "ltr")
    heading = soup.select_one(f"h2#{SECTION}")
    assert heading_words(heading) == DATA["languages"][locale]["heading"]
    assert heading.find_parent(attrs={"lang": "en"}) is None and not heading.get("lang")
    assert heading.select_one(".section-state") is None
    # Every other heading and every block of the article is the English text, marked as such.
    for other in soup.select("article h1[id], article h2[id]"):
        if other["id"] != SECTION:
            marked = other if other.get("lang") == "en" else other.find_parent(attrs={"lang": "en"})
            assert marked is not None, other["id"]
            assert marked.get("dir") == ("ltr" if rtl else None), other["id"]
            assert other.select_one(".section-state")["data-state"] == "untranslated"
    for paragraph in soup.select("article p"):
        if paragraph.find_parent(class_="md-source-file"):
            continue
        text = paragraph.get_text(" ", strip=True)
        owner = paragraph.find_parent(attrs={"lang": True})
        if any(text.startswith(own.split()[0]) for own in DATA["languages"][locale]["paragraphs"]):
            assert owner is None or owner.get("lang") == locale, text[:40]
        else:
            assert owner is not None and owner["lang"] == "en", text[:40]


@pytest.mark.parametrize("locale", [locale for locale in LANGUAGES if right_to_left(locale)])
def test_english_in_a_right_to_left_page_reads_left_to_right_in_the_browser(scripts_site, browser, locale):
    _, _, url = scripts_site
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url + f"{locale}/")
        direction = "element => getComputedStyle(element).direction"
        assert tab.locator(f"h2#{SECTION}").evaluate(direction) == "rtl"
        assert tab.locator("article h2#introduction").evaluate(direction) == "ltr"
        assert tab.locator("article .admonition").first.evaluate(direction) == "ltr"  # its notice
        assert tab.locator(f"h2#{SECTION} ~ p").first.evaluate(direction) == "rtl"
    finally:
        context.close()


def test_a_right_to_left_name_reads_right_to_left_in_a_left_to_right_page(scripts_site, browser):
    _, site, url = scripts_site
    rtl = [locale for locale in LANGUAGES if right_to_left(locale)]
    assert rtl
    menu = parse(site, "").select(f"a.md-select__link[hreflang='{rtl[0]}']")
    assert menu and menu[0]["lang"] == rtl[0] and menu[0]["dir"] == "auto"
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url)
        link = tab.locator(f"a.md-select__link[hreflang='{rtl[0]}']")
        assert link.evaluate("element => getComputedStyle(element).direction") == "rtl"
    finally:
        context.close()


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_words_and_a_compound_of_the_translated_sentence_find_it(scripts_site, browser, locale):
    project, _, url = scripts_site
    language = DATA["languages"][locale]
    languages = [line.split(":", 1)[1].strip() for line in (project / "mkdocs.yml").read_text(
        encoding="utf-8").splitlines() if line.strip().startswith("- locale:")]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(url + f"{locale}/")
        for query in language["words"] + [language["compound"]]:
            results = [classify(href, url, languages, DEFAULT_LANGUAGE) for href, _ in search(tab, query)]
            assert (locale, f"#{SECTION}") in results[:3], (query, results)
            assert {found for found, _ in results} == {locale}, (query, results)
    finally:
        context.close()


@pytest.mark.parametrize("locale", LANGUAGES)
def test_a_reader_of_the_language_is_offered_the_page_in_its_direction(scripts_site, browser, locale):
    _, _, url = scripts_site
    context = browser.new_context(locale=locale)
    try:
        tab = context.new_page()
        tab.goto(url)
        bar = tab.locator(".language-suggestion")
        bar.wait_for()
        # The new language has no texts of its own yet: the offer is English, naming the language
        # in its own script and direction.
        assert bar.get_attribute("lang") == DEFAULT_LANGUAGE and bar.get_attribute("dir") == "ltr"
        name = bar.locator(f"span[lang='{locale}']")
        assert name.inner_text() == DATA["languages"][locale]["name"]
        assert name.get_attribute("dir") == ("rtl" if right_to_left(locale) else "ltr")
        assert bar.locator("a").get_attribute("href").endswith(f"/{locale}/")
    finally:
        context.close()


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_404_page_shows_the_language_and_marks_its_english_texts(scripts_site, browser, locale):
    _, site, url = scripts_site
    section = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml").select_one(
        f"section[data-not-found-language='{locale}']")
    assert section["dir"] == ("rtl" if right_to_left(locale) else "ltr")
    assert section.select_one("h1")["lang"] == "en" and section.select_one("p")["lang"] == "en"
    context = browser.new_context()
    try:
        tab = context.new_page()
        assert tab.goto(url + f"{locale}/no-such-page/").status == 404
        assert tab.evaluate("document.documentElement.lang") == locale
        assert tab.locator("article section:visible").get_attribute("data-not-found-language") == locale
        assert tab.evaluate("document.body.dir") == ("rtl" if right_to_left(locale) else "ltr")
    finally:
        context.close()


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_status_page_lists_the_language_and_its_sections(scripts_site, locale):
    _, site, _ = scripts_site
    # On the English status page, the language's name is marked with its language and direction.
    english = parse(site, "status")
    cell = next(cell for cell in english.select("#summary ~ table tbody tr td:first-child")
                if f"({locale})" in cell.get_text())
    name = cell.select_one(f"[lang='{locale}']")
    assert name is not None and name.get_text() == DATA["languages"][locale]["name"], cell
    assert name.get("dir") == ("rtl" if right_to_left(locale) else None)
    soup = parse(site, f"{locale}/status")
    rows = [row.get_text(" ", strip=True) for row in soup.select("#sections ~ table tbody tr")
            if f"({locale})" in row.get_text()]
    english = [section.anchor for section in parse_page(
        (ROOT / "docs" / DEFAULT_LANGUAGE / "index.md").read_text(encoding="utf-8")).sections if section.anchor]
    assert any(f"#{anchor}" in row for row in rows for anchor in english if anchor != SECTION), rows
    assert not any(f"#{SECTION} " in row + " " for row in rows if "index.md" in row), rows
    # A section's state reads as the same word as a page's: one set of labels on the page.
    for state in soup.select("#sections ~ table .translation-state"):
        assert state.get_text() == message(f"status_{state['data-state']}", locale), state
