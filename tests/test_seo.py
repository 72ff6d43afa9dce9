"""Search and sharing metadata, read from the built HTML and sitemap as a crawler reads them."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from conftest import build_site
from support.reader_quality import built_pages
from sitelib.faq_data import load_faq
from support.pages import heading_words

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# The guide and the FAQ page of a language, as paths inside its folder.
PATHS = ("", "faq/")


# The language of a built page from its folder.
def language_of(site, path: str) -> str:
    first = path.split("/")[0]
    return first if first in site.locales and first != site.default else site.default


# The page's address in another language.
def alternate_path(site, path: str, language: str) -> str:
    own = site.folder(language_of(site, path))
    return site.folder(language) + path[len(own):]


def test_every_language_has_guide_and_faq_among_the_built_pages(site):
    pages = built_pages(site.dir)
    for language in site.locales:
        for path in PATHS:
            assert site.folder(language) + path in pages


def test_no_page_declares_alternates_in_its_head(site):
    # The theme fetches <alternate>/sitemap.xml for every alternate link in the head: one request
    # per language on every view. The alternates are declared in the sitemap instead.
    for path in built_pages(site.dir) + ["404.html"]:
        assert site.page(path).select('head link[rel="alternate"][hreflang]') == [], path


def test_canonical_url_is_the_absolute_address_of_the_page(site, language):
    for path in PATHS:
        canonical = site.page(site.folder(language) + path).select('head link[rel="canonical"]')
        assert [link["href"] for link in canonical] == [site.url + site.folder(language) + path]


def test_meta_description_is_the_page_own_in_its_language(site, language):
    for path in PATHS:
        name = "faq.md" if path else "index.md"
        source = site.root / "docs" / language / name
        if not source.is_file():
            source = site.root / "docs" / site.default / name
        _, front_matter = get_data(source.read_text(encoding="utf-8"))
        descriptions = site.page(site.folder(language) + path).select('head meta[name="description"]')
        assert [tag["content"] for tag in descriptions] == [front_matter["description"]]
        if site.state_of(language, name) == "missing":
            continue  # shown in English, with the English description
        if language == "ko":
            assert HANGUL.search(front_matter["description"])
        if language != site.default:
            english = site.page(path).select_one('head meta[name="description"]')["content"]
            assert front_matter["description"] != english


def test_open_graph_and_twitter_card_describe_the_page(site, language):
    for path in PATHS:
        head = site.page(site.folder(language) + path).head
        og = {tag["property"]: tag["content"] for tag in head.select("meta[property^='og:']")
              if tag["property"] != "og:locale:alternate"}
        twitter = {tag["name"]: tag["content"] for tag in head.select("meta[name^='twitter:']")}
        title = heading_words(site.page(site.folder(language) + path).select_one("article h1"))
        description = head.select_one('meta[name="description"]')["content"]
        assert og["og:url"] == site.url + site.folder(language) + path
        assert og["og:title"] == title == twitter["twitter:title"]
        assert og["og:description"] == description == twitter["twitter:description"]
        assert og["og:type"] == ("website" if path == "" else "article")
        assert og["og:locale"].split("_")[0] == language
        assert og["og:site_name"] == head.parent.select_one(".md-header__topic .md-ellipsis").get_text(strip=True)
        assert twitter["twitter:card"] == "summary"
        others = [tag["content"].split("_")[0] for tag in head.select("meta[property='og:locale:alternate']")]
        assert sorted(others) == sorted(set(site.locales) - {language})


def test_sitemap_lists_every_page_with_absolute_alternates_and_x_default(site):
    root = ET.parse(site.dir / "sitemap.xml").getroot()
    entries = {url.findtext(f"{SITEMAP}loc").strip(): url for url in root.iter(f"{SITEMAP}url")}
    assert sorted(entries) == sorted(site.url + path for path in built_pages(site.dir))
    for loc, url in entries.items():
        path = loc[len(site.url):]
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        assert set(links) == set(site.locales) | {"x-default"}, loc
        for language in site.locales:
            assert links[language] == site.url + alternate_path(site, path, language)
        assert links["x-default"] == links[site.default]


def test_the_sitemap_is_one_file_at_the_site_root(site):
    assert [path.relative_to(site.dir).as_posix() for path in site.dir.rglob("sitemap.xml")] == [
        "sitemap.xml"]
    with gzip.open(site.dir / "sitemap.xml.gz") as compressed:
        assert compressed.read() == (site.dir / "sitemap.xml").read_bytes()


# -----------------------------------------------------------------------------
# FAQPage JSON-LD
# -----------------------------------------------------------------------------

def faq_json_ld(soup: BeautifulSoup) -> dict:
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, scripts
    return json.loads(scripts[0].string)


# The visible text of one FAQ answer: everything after its heading up to the next heading.
def visible_answer(soup: BeautifulSoup, entry_id: str) -> str:
    heading = soup.find(id=entry_id)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        if {"admonition", "md-source-file"} & set(sibling.get("class") or []):
            continue
        parts.append(sibling.get_text(" "))
    return " ".join(" ".join(parts).split())


def test_faq_page_carries_faqpage_json_ld_in_its_language(site, language):
    soup = site.page(site.folder(language) + "faq/")
    data = faq_json_ld(soup)
    entries = load_faq(site.root / "data" / "faq.yml", languages=site.locales,
                       default_language=site.default)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    assert data["inLanguage"] == language
    assert len(data["mainEntity"]) == len(entries)
    for question, entry in zip(data["mainEntity"], entries):
        text = entry.text_for(language) or entry.texts[site.default]
        assert question["@type"] == "Question"
        assert question["@id"] == f"{site.url}{site.folder(language)}faq/#{entry.id}"
        assert question["name"] == " ".join(text.question.split())
        assert question["acceptedAnswer"]["@type"] == "Answer"
        assert question["acceptedAnswer"]["text"] == visible_answer(soup, entry.id)
        assert question["acceptedAnswer"]["text"]


def test_only_the_faq_page_carries_json_ld(site, language):
    assert not site.page(site.folder(language)).select('script[type="application/ld+json"]')


def test_faq_json_ld_cannot_be_broken_out_of_by_the_data(project_copy, tmp_path):
    hostile = "Ends here </script><script>alert('x')</script> & <!-- then -->"
    faq = project_copy / "data" / "faq.yml"
    faq.write_text(
        faq.read_text(encoding="utf-8")
        + "- id: hostile\n  en:\n    question: \"Is </script> safe?\"\n"
        + f"    answer: \"{hostile}\"\n",
        encoding="utf-8",
    )
    site_url = "http://127.0.0.1:9/guide/"
    result = build_site(project_copy, tmp_path / "site", site_url)
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in ("", "ko/"):
        html = (tmp_path / "site" / prefix / "faq" / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "lxml")
        assert not any("alert('x')" in (script.string or "")
                       for script in soup.select("script:not([type])"))
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        assert "<" not in script and ">" not in script
        last = json.loads(script)["mainEntity"][-1]
        assert last["name"] == "Is </script> safe?"
        assert last["acceptedAnswer"]["text"] == hostile
