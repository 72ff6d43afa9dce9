"""Search answers each reader in their own language: the built indexes, and the real search box."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from sitelib.search_languages import (
    COMPOUND_LANGUAGES, KOREAN_MORE_STOP_WORDS, KOREAN_PARTICLES, LANGUAGE_SETTINGS,
)
from sitelib.search_synonyms import language_synonyms
from support.search_eval import classify, index_requests, search
from support.search_words import HANGUL, glossary_words, index_of, index_text, inflected, shared_words
from support.pages import heading_words

# Korean nouns a reader types bare, that the text uses with a particle or ending: at most this many.
KOREAN_NOUNS = 7


def page_config(soup):
    return json.loads(soup.select_one("script#__config").string)


@pytest.fixture
def tab(browser_page):
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    return browser_page


def open_language(tab, site, language):
    tab.goto(urljoin(site.url, site.folder(language)))


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


def korean_nouns(site) -> list[str]:
    """Nouns of the Korean guide: words of two syllables or more that its sections say with two
    particles or more (환불을, 환불이나), which readers type bare."""
    docs = [doc for doc in index_of(site, "ko")["docs"] if doc["location"].startswith("#")]
    text = BeautifulSoup(" ".join(doc["title"] + " " + doc["text"] for doc in docs), "lxml").get_text(" ")
    particles = set(KOREAN_PARTICLES)
    forms: dict[str, set[str]] = {}
    for word in re.findall(f"{HANGUL}+", text):
        for particle in particles:
            stem = word[: -len(particle)]
            if word.endswith(particle) and len(stem) >= 2 and stem not in particles \
                    and stem not in KOREAN_MORE_STOP_WORDS:
                forms.setdefault(stem, set()).add(word)
    return [stem for stem, inflected in forms.items() if len(inflected) >= 2][:KOREAN_NOUNS]


def stemmed_words(site, language):
    """(typed form, start every highlighted word shares): the glossary's words, inflected."""
    pairs = []
    for word in glossary_words(site, language):
        typed = inflected(language, word)
        if typed:
            pairs.append((typed, word[:-1] if language == "da" and word.endswith("e") else word))
    return pairs[:2]


# --- The built indexes ------------------------------------------------------------------------


def test_each_language_has_an_index_of_its_own_sections_only(site, language):
    index = index_of(site, language)
    assert index["docs"]
    for doc in index["docs"]:
        path, _, anchor = doc["location"].partition("#")
        assert not any(path.startswith(f"{other}/") for other in site.locales), doc["location"]
        soup = site.page(site.folder(language) + path)
        assert soup.html["lang"] == language, doc["location"]
        if anchor:
            heading = soup.find(id=anchor)
            assert heading is not None, doc["location"]
            assert heading_words(heading) == BeautifulSoup(doc["title"], "lxml").get_text()


def test_each_index_is_set_up_for_its_language(site, language):
    config = index_of(site, language)["config"]
    assert set(config["fields"]) >= {"title", "text"}
    if language not in LANGUAGE_SETTINGS:
        # A language just added: its stems and stop words are looked up, by Lunr's support for
        # it where Material ships one, and its compounds cut where it writes them as one word.
        analysis = config["analysis"]
        assert analysis["stemmer"] and analysis["stop_words"]
        assert bool(analysis.get("decompound")) == (language.split("-")[0] in COMPOUND_LANGUAGES)
        return
    settings = LANGUAGE_SETTINGS[language]
    assert config["lang"] == settings["lang"] == [language]
    analysis = dict(config["analysis"])
    assert analysis.pop("synonyms", []) == language_synonyms(language, languages=site.locales)
    assert analysis == settings["analysis"]


def test_pages_search_their_language_folder_with_the_site_worker(site, language):
    for path in ("", "faq/"):
        page_url = urljoin(site.url, site.folder(language) + path)
        config = page_config(site.page(site.folder(language) + path))
        assert urljoin(page_url, config["base"]) == urljoin(site.url, site.folder(language))
        worker = site.dir / urlsplit(urljoin(page_url, config["search"])).path[len(urlsplit(site.url).path):]
        assert worker.is_file()
        material_worker = re.match(r'self\.materialSearchWorker = "([^"]+)";', worker.read_text("utf-8"))
        assert (worker.parent / material_worker.group(1)).is_file()


# --- The search box, in Chromium -----------------------------------------------------------------


def test_a_page_loads_only_its_own_language_index(tab, site, language):
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    open_language(tab, site, language)
    assert search(tab, "Spectrum")
    assert index_requests(requested) == [urljoin(site.url, site.folder(language) + "search/search_index.json")]


def test_results_never_come_from_another_language(search_tab, site, language):
    words = shared_words(site)[:2]
    assert words, "no word that every language's pages say"
    tab = search_tab(site, language)
    for word in words:
        results = search(tab, word)
        assert results, word
        languages = {classify(href, site.url, site.locales, site.default)[0] for href, _ in results}
        assert languages == {language}, word


def test_korean_words_are_found_with_their_particles_and_endings(search_tab, site):
    if "ko" not in site.locales:
        return  # the state has no Korean pages
    nouns = korean_nouns(site)
    assert len(nouns) >= 3, nouns
    text = index_text(site, "ko")
    tab = search_tab(site, "ko")
    for word in nouns:
        forms = set(re.findall(rf"{word}{HANGUL}*", text))
        assert search(tab, word), word
        marked = [mark for marks in results_marks(tab) for mark in marks]
        assert (forms - {word}) & set(marked), (word, forms, marked)
        # Every result shown holds the word (no noise from other words).
        for marks in results_marks(tab):
            assert any(mark.startswith(word) for mark in marks), (word, marks)


def test_an_inflected_word_finds_its_stem(search_tab, site, language):
    pairs = stemmed_words(site, language)
    if language not in ("en", "da"):
        return  # the languages whose search stems words (search_languages.LANGUAGE_SETTINGS)
    assert pairs, f"no glossary word of {language} to inflect"
    tab = search_tab(site, language)
    for typed, stem in pairs:
        assert search(tab, typed), typed
        marks = shown_marks(tab)
        assert marks and all(mark.startswith(stem[:5]) for mark in marks), (typed, marks)


def test_suggestion_completes_a_word_of_the_language(search_tab, site, language):
    titles = " ".join(doc["title"].lower() for doc in index_of(site, language)["docs"])
    word = next(word for word in re.findall(r"\w+", titles) if len(word) >= 5 or re.match(HANGUL, word))
    typed = word[:1] if re.match(HANGUL, word) else word[:4]
    tab = search_tab(site, language)
    assert search(tab, typed)
    tab.wait_for_function(
        "typed => document.querySelector('.md-search__suggest').textContent.length > typed.length",
        arg=typed,
    )
    suggestion = tab.inner_text(".md-search__suggest").strip()
    assert suggestion.startswith(typed) and suggestion in index_text(site, language), suggestion


def test_the_page_opened_from_a_result_highlights_the_word(tab, site, language):
    pairs = stemmed_words(site, language) if language in ("en", "da") else []
    if language == "ko":
        pairs = [(inflected("ko", noun), noun) for noun in korean_nouns(site)[:1]]
    if not pairs:
        return  # a language the site does not analyze: Material highlights the word as typed
    typed, stem = pairs[0]
    open_language(tab, site, language)
    results = search(tab, typed)
    assert results, typed
    highlight = parse_qs(urlsplit(results[0][0]).query)["h"]
    assert highlight and highlight[0].startswith(stem[:5]), highlight
    tab.click(f".md-search-result__link[href='{results[0][0]}']")
    tab.wait_for_selector("article mark[data-md-highlight]")
    assert tab.url.startswith(urljoin(site.url, site.folder(language)))
    highlighted = tab.eval_on_selector_all(
        "article mark[data-md-highlight]", "marks => marks.map(m => m.textContent.toLowerCase())"
    )
    assert highlighted and all(mark.startswith(stem[:5]) for mark in highlighted), highlighted
