"""Every page links to its own source file on GitHub ("edit this page") and to its source text
("view source"): the right docs/<lang>/ file, and data/faq.yml for the FAQ page."""

from __future__ import annotations

import time

from mkdocs.utils.meta import get_data

from support.browser import open_settled



def built_pages(site):
    """(language, page path inside the language) of every built page."""
    pages = []
    for html in sorted(site.dir.rglob("index.html")):
        relative = html.parent.relative_to(site.dir).parts
        if relative[:1] in (("assets",), ("search",)):
            continue
        language = relative[0] if relative and relative[0] in site.locales else site.default
        rest = relative[1:] if relative and relative[0] in site.locales else relative
        pages.append((language, "/".join(rest)))
    return pages


def expected_source(site, language: str, path: str) -> str:
    """The repository file a reader should land on: the page's own file, or its data file."""
    name = f"{path}.md" if path else "index.md"
    source = site.root / "docs" / language / name
    if not source.is_file():
        source = site.root / "docs" / site.default / name
    data_file = get_data(source.read_text(encoding="utf-8"))[1].get("faq_data")
    return data_file or source.relative_to(site.root).as_posix()


def test_every_page_is_checked(site):
    pages = built_pages(site)
    for language in site.locales:
        assert {(language, ""), (language, "faq"), (language, "status")} <= set(pages)


def test_edit_and_view_links_point_at_the_page_source(site, language):
    for page_language, path in built_pages(site):
        if page_language != language:
            continue
        soup = site.page(site.folder(language) + (path + "/" if path else ""))
        repo = soup.select_one(".md-header__source a")["href"].rstrip("/")
        source = expected_source(site, language, path)
        assert (site.root / source).is_file(), source
        edit = soup.select_one("article a.md-content__button[rel=edit]")
        assert edit["href"] == f"{repo}/edit/main/{source}", (language, path)
        view = [link["href"] for link in soup.select("article a.md-content__button") if link is not edit]
        assert view == [f"{repo}/raw/main/{source}"], (language, path)


def test_faq_pages_link_to_the_faq_data(site):
    for language in site.locales:
        edit = site.page(site.folder(language) + "faq/").select_one("a[rel=edit]")["href"]
        assert edit.endswith("/edit/main/data/faq.yml")


def test_viewing_a_page_makes_no_request_outside_the_site(browser_page, site_url, site):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    open_settled(browser_page, site_url + site.folder(site.translated[0]))
    time.sleep(0.5)  # Material fetches repository facts shortly after load, when it does
    assert requested and all(url.startswith(site_url) for url in requested), requested
    assert browser_page.locator(".md-header__source a").get_attribute("href").startswith("https://")
