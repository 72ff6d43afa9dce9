"""Every page links to its own source file on GitHub ("edit this page") and to its source text
("view source"): the right docs/<lang>/ file, and data/faq.yml for the FAQ page."""

from __future__ import annotations

import time

import pytest
from mkdocs.utils.meta import get_data

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT, lang_prefix


def built_pages(site_dir):
    """(language, page path inside the language) of every built page."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        relative = html.parent.relative_to(site_dir).parts
        if relative[:1] in (("assets",), ("search",)):
            continue
        language = relative[0] if relative and relative[0] in LANGUAGES else DEFAULT_LANGUAGE
        rest = relative[1:] if relative and relative[0] in LANGUAGES else relative
        pages.append((language, "/".join(rest)))
    return pages


def expected_source(language: str, path: str) -> str:
    """The repository file a reader should land on: the page's own file, or its data file."""
    name = f"{path}.md" if path else "index.md"
    source = ROOT / "docs" / language / name
    if not source.is_file():
        source = ROOT / "docs" / DEFAULT_LANGUAGE / name
    data_file = get_data(source.read_text(encoding="utf-8"))[1].get("faq_data")
    return data_file or source.relative_to(ROOT).as_posix()


def test_every_page_is_checked(site_dir):
    pages = built_pages(site_dir)
    for language in LANGUAGES:
        assert {(language, ""), (language, "faq"), (language, "status")} <= set(pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_edit_and_view_links_point_at_the_page_source(site_dir, page, language):
    for page_language, path in built_pages(site_dir):
        if page_language != language:
            continue
        soup = page(lang_prefix(language) + (path + "/" if path else ""))
        repo = soup.select_one(".md-header__source a")["href"].rstrip("/")
        source = expected_source(language, path)
        assert (ROOT / source).is_file(), source
        edit = soup.select_one("article a.md-content__button[rel=edit]")
        assert edit["href"] == f"{repo}/edit/main/{source}", (language, path)
        view = [link["href"] for link in soup.select("article a.md-content__button") if link is not edit]
        assert view == [f"{repo}/raw/main/{source}"], (language, path)


def test_faq_pages_link_to_the_faq_data(page):
    for language in LANGUAGES:
        edit = page(lang_prefix(language) + "faq/").select_one("a[rel=edit]")["href"]
        assert edit.endswith("/edit/main/data/faq.yml")


def test_viewing_a_page_makes_no_request_outside_the_site(browser_page, site_url):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    browser_page.goto(site_url + "ko/")
    browser_page.wait_for_load_state("networkidle")
    time.sleep(0.5)  # Material fetches repository facts shortly after load, when it does
    assert requested and all(url.startswith(site_url) for url in requested), requested
    assert browser_page.locator(".md-header__source a").get_attribute("href").startswith("https://")
