"""Search answers each reader in their own language: the built indexes, and the real search box."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import DEFAULT_LANGUAGE, LANGUAGES, lang_prefix
from support.search_eval import classify, index_requests, search
from sitelib.search_languages import LANGUAGE_SETTINGS
from sitelib.search_synonyms import language_synonyms

HANGUL_WORD = r"[\uac00-\ud7a3]"
# Korean nouns a reader searches for, which the guide and FAQ mostly use with a particle or ending.
KOREAN_WORDS = ["환불", "할인", "협상", "로열티", "프로모션", "공손", "사본"]


def index_of(site_dir, language):
    return json.loads((site_dir / lang_prefix(language) / "search/search_index.json").read_text("utf-8"))


def page_config(soup):
    return json.loads(soup.select_one("script#__config").string)


@pytest.fixture
def tab(browser_page):
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    return browser_page


def open_language(tab, site_url, language):
    tab.goto(urljoin(site_url, lang_prefix(language)))


def shown_marks(tab):
    return [mark.lower() for mark in tab.eval_on_selector_all(
        ".md-search-result__link mark", "marks => marks.map(m => m.textContent)"
    )]


def results_marks(tab):
    """The highlighted words of each result shown (results listed under "more" included)."""
    return tab.eval_on_selector_all(
        ".md-search-result__link",
        "links => links.filter(a => +a.querySelector('article').dataset.mdScore > 0)"
        ".map(a => [...a.querySelectorAll('mark')].map(m => m.textContent))",
    )


# --- The built indexes ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_an_index_of_its_own_sections_only(site_dir, page, language):
    index = index_of(site_dir, language)
    assert index["docs"]
    pages = {}
    for doc in index["docs"]:
        path, _, anchor = doc["location"].partition("#")
        assert not any(path.startswith(f"{other}/") for other in LANGUAGES), doc["location"]
        soup = pages.setdefault(path, page(lang_prefix(language) + path))
        assert soup.html["lang"] == language, doc["location"]
        if anchor:
            heading = soup.find(id=anchor)
            assert heading is not None, doc["location"]
            assert heading.get_text(strip=True).rstrip("¶") == BeautifulSoup(doc["title"], "lxml").get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_index_is_set_up_for_its_language(site_dir, language):
    config = index_of(site_dir, language)["config"]
    assert set(config["fields"]) >= {"title", "text"}
    if language not in LANGUAGE_SETTINGS:
        assert set(config.get("analysis", {})) <= {"synonyms"}
        return
    settings = LANGUAGE_SETTINGS[language]
    assert config["lang"] == settings["lang"] == [language]
    analysis = dict(config["analysis"])
    assert analysis.pop("synonyms", []) == language_synonyms(language)
    assert analysis == settings["analysis"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "faq/"])
def test_pages_search_their_language_folder_with_the_site_worker(site_dir, site_url, page, language, path):
    page_url = urljoin(site_url, lang_prefix(language) + path)
    config = page_config(page(lang_prefix(language) + path))
    assert urljoin(page_url, config["base"]) == urljoin(site_url, lang_prefix(language))
    worker = site_dir / urlsplit(urljoin(page_url, config["search"])).path[len(urlsplit(site_url).path):]
    assert worker.is_file()
    material_worker = re.match(r'self\.materialSearchWorker = "([^"]+)";', worker.read_text("utf-8"))
    assert (worker.parent / material_worker.group(1)).is_file()


# --- The search box, in Chromium -----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_loads_only_its_own_language_index(tab, site_url, language):
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    open_language(tab, site_url, language)
    assert search(tab, "Spectrum")
    assert index_requests(requested) == [urljoin(site_url, lang_prefix(language) + "search/search_index.json")]


@pytest.mark.parametrize(("language", "query"), [
    ("da", "Fios"), ("da", "Spectrum"), ("ko", "Fios"), ("ko", "Spectrum"), ("en", "Xfinity"),
])
def test_results_never_come_from_another_language(tab, site_url, language, query):
    open_language(tab, site_url, language)
    results = search(tab, query)
    assert results
    languages = {classify(href, site_url, LANGUAGES, DEFAULT_LANGUAGE)[0] for href, _ in results}
    assert languages == {language}


def test_korean_pages_use_the_searched_words_with_particles_and_endings(site_dir):
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index_of(site_dir, "ko")["docs"])
    inflected = [word for word in KOREAN_WORDS if re.search(rf"{word}{HANGUL_WORD}", text)]
    assert len(inflected) >= len(KOREAN_WORDS) - 1, inflected


@pytest.mark.parametrize("word", KOREAN_WORDS)
def test_a_korean_word_finds_it_with_its_particles_and_endings(tab, site_dir, site_url, word):
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index_of(site_dir, "ko")["docs"])
    forms = set(re.findall(rf"{word}{HANGUL_WORD}*", text))
    open_language(tab, site_url, "ko")
    assert search(tab, word)
    marked = [mark for marks in results_marks(tab) for mark in marks]
    assert forms & set(marked), (forms, marked)
    if forms - {word}:
        assert (forms - {word}) & set(marked), (forms, marked)
    # Every result shown holds the word (no noise from other words).
    for marks in results_marks(tab):
        assert any(mark.startswith(word) for mark in marks), marks


@pytest.mark.parametrize(("language", "query", "stem"), [
    ("da", "rabatterne", "rabat"), ("da", "gebyrerne", "gebyr"), ("da", "forhandling", "forhandl"),
    ("en", "refunds", "refund"), ("en", "negotiating", "negotiat"),
])
def test_an_inflected_word_finds_its_stem(tab, site_url, language, query, stem):
    open_language(tab, site_url, language)
    assert search(tab, query)
    marks = shown_marks(tab)
    assert marks and all(mark.startswith(stem) for mark in marks), marks


@pytest.mark.parametrize(("language", "typed"), [("en", "refu"), ("ko", "환"), ("da", "rabat")])
def test_suggestion_completes_a_word_of_the_language(tab, site_dir, site_url, language, typed):
    open_language(tab, site_url, language)
    assert search(tab, typed)
    tab.wait_for_function(
        "typed => document.querySelector('.md-search__suggest').textContent.length > typed.length",
        arg=typed,
    )
    suggestion = tab.inner_text(".md-search__suggest").strip()
    titles = " ".join(doc["title"].lower() for doc in index_of(site_dir, language)["docs"])
    assert suggestion.startswith(typed) and suggestion in titles, suggestion


@pytest.mark.parametrize(("language", "query", "stem"), [
    ("ko", "환불을", "환불"), ("da", "rabatterne", "rabat"), ("en", "refunds", "refund"),
])
def test_the_page_opened_from_a_result_highlights_the_word(tab, site_url, language, query, stem):
    open_language(tab, site_url, language)
    results = search(tab, query)
    assert parse_qs(urlsplit(results[0][0]).query)["h"] == [stem]
    tab.click(f".md-search-result__link[href='{results[0][0]}']")
    tab.wait_for_selector("article mark[data-md-highlight]")
    assert tab.url.startswith(urljoin(site_url, lang_prefix(language)))
    highlighted = tab.eval_on_selector_all(
        "article mark[data-md-highlight]", "marks => marks.map(m => m.textContent.toLowerCase())"
    )
    assert highlighted and all(mark == stem for mark in highlighted), highlighted
