"""The search box in Chromium: nothing of search loads before a reader opens it, and every way
text enters the box (keys, paste, autofill, an input method composition) is searched."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from support.browser import open_settled
from support.search_eval import RESULT_LINKS, SEARCH_INPUT, SEARCH_META, search
from support.search_words import HANGUL, index_of, title_word

# The first results must show within this many milliseconds of typing after the box opens.
FIRST_RESULTS_MS = 300
# Fresh page loads to time: the machine is shared, a load may be slowed by others' work.
TIMING_ATTEMPTS = 5
# How long a search the page must not make would take to show, at most (milliseconds).
QUIET_MS = 700
OPENERS = ["click", "s", "f", "/"]


def search_files(site):
    """The URL paths of every file of search in the built site: indexes, workers, Lunr."""
    base = urlsplit(site.url).path
    files = list((site.dir / "assets/javascripts/workers").iterdir())
    files += list((site.dir / "assets/javascripts/lunr").rglob("*.js"))
    files += list(site.dir.rglob("search/search_index.json"))
    return {base + file.relative_to(site.dir).as_posix() for file in files}


def fetched_search_files(requested, site):
    files = search_files(site)
    return [url for url in requested if urlsplit(url).path in files]


def start_of(word):
    """The start every highlighted form of a word shares (Korean words take endings after it)."""
    return word[:2] if re.match(HANGUL, word) else word[:4]


def open_page(tab, url):
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    open_settled(tab, url)
    return requested


def open_search(tab, opener):
    if opener == "click":
        tab.click(SEARCH_INPUT)
    else:
        tab.locator("body").press(opener)
    tab.wait_for_function("sel => document.activeElement === document.querySelector(sel)", arg=SEARCH_INPUT)


def open_search_and_wait(tab):
    """Open search and wait until it is ready and the box has settled (Material reads the box
    on focus, a millisecond late, and when its worker is ready)."""
    placeholder = tab.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    open_search(tab, "click")
    tab.wait_for_function("([sel, text]) => document.querySelector(sel).textContent === text",
                          arg=[SEARCH_META, placeholder], timeout=15000)
    tab.wait_for_timeout(100)


def results_shown(tab):
    return tab.eval_on_selector_all(
        RESULT_LINKS, "links => links.filter(a => +a.querySelector('article').dataset.mdScore > 0).length"
    )


def wait_for_results(tab):
    tab.wait_for_function(
        "sel => [...document.querySelectorAll(sel)].some(a => +a.querySelector('article').dataset.mdScore > 0)",
        arg=RESULT_LINKS, timeout=15000,
    )


def marks(tab):
    return [mark.lower() for mark in tab.eval_on_selector_all(
        f"{RESULT_LINKS} mark", "marks => marks.map(m => m.textContent)"
    )]


@pytest.fixture
def tab(browser_page):
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    return browser_page


# --- Nothing of search before a reader opens it -------------------------------------------------


def test_no_page_fetches_anything_of_search_on_a_first_view(tab, site, language):
    pages = sorted({doc["location"].partition("#")[0] for doc in index_of(site, language)["docs"]})
    assert pages
    for path in pages:
        requested = open_page(tab, urljoin(site.url, site.folder(language) + path))
        assert tab.locator(SEARCH_INPUT).count() == 1
        assert fetched_search_files(requested, site) == [], path


@pytest.mark.parametrize("opener", OPENERS)
def test_opening_search_loads_it(tab, site, opener):
    language = site.locales[-1]
    requested = open_page(tab, urljoin(site.url, site.folder(language)))
    assert fetched_search_files(requested, site) == []
    index = urljoin(site.url, site.folder(language) + "search/search_index.json")
    with tab.expect_request(index):
        open_search(tab, opener)
    tab.keyboard.type(title_word(site, language))
    wait_for_results(tab)
    fetched = {urlsplit(url).path for url in fetched_search_files(requested, site)}
    assert urlsplit(index).path in fetched
    assert any("/workers/" in path for path in fetched)


def test_the_404_page_fetches_nothing_of_search_until_opened(tab, site):
    language = site.locales[-1]
    requested = open_page(tab, urljoin(site.url, site.folder(language) + "no-such-page/"))
    assert fetched_search_files(requested, site) == []
    assert search(tab, title_word(site, language))
    index = urljoin(site.url, site.folder(language) + "search/search_index.json")
    assert index in fetched_search_files(requested, site)


# The milliseconds from the first keystroke to the first results, on a fresh load of a page:
# the best of up to TIMING_ATTEMPTS loads.
def first_results_ms(browser, url: str, word: str) -> list[float]:
    timings = []
    for _ in range(TIMING_ATTEMPTS):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            tab = context.new_page()
            open_settled(tab, url)
            tab.evaluate("""([input, links]) => {
                const field = document.querySelector(input)
                field.addEventListener("input", () => { window.typedAt ??= performance.now() })
                new MutationObserver(() => {
                  if (document.querySelector(links)) window.shownAt ??= performance.now()
                }).observe(document.querySelector(".md-search-result"), { childList: true, subtree: true })
            }""", [SEARCH_INPUT, RESULT_LINKS])
            open_search(tab, "/")
            tab.keyboard.type(word)
            wait_for_results(tab)
            timings.append(tab.evaluate("window.shownAt - window.typedAt"))
        finally:
            context.close()
        if timings[-1] <= FIRST_RESULTS_MS:
            break
    return timings


def test_first_results_show_soon_after_typing_in_the_opened_box(browser, site, language):
    timings = first_results_ms(browser, urljoin(site.url, site.folder(language)), title_word(site, language))
    assert min(timings) <= FIRST_RESULTS_MS, timings


def test_first_results_show_soon_on_the_404_page(browser, site):
    language = site.locales[-1]
    url = urljoin(site.url, site.folder(language) + "no-such-page/")
    timings = first_results_ms(browser, url, title_word(site, language))
    assert min(timings) <= FIRST_RESULTS_MS, timings


# --- Every way text enters the box --------------------------------------------------------------


def test_pasted_text_is_searched(tab, site, language):
    word = title_word(site, language)
    open_page(tab, urljoin(site.url, site.folder(language)))
    open_search_and_wait(tab)
    # A paste with the mouse: the text arrives in one input event, with no key pressed.
    tab.evaluate("""([input, text]) => {
        const field = document.querySelector(input)
        field.value = text
        field.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", data: text, bubbles: true }))
    }""", [SEARCH_INPUT, word])
    wait_for_results(tab)
    assert any(mark.startswith(start_of(word)) for mark in marks(tab)), marks(tab)


def test_text_filled_in_without_keys_is_searched(tab, site, language):
    word = title_word(site, language)
    open_page(tab, urljoin(site.url, site.folder(language)))
    open_search_and_wait(tab)
    # Autofill and dictation set the whole value at once: Playwright's fill does the same.
    tab.locator(SEARCH_INPUT).fill(word)
    wait_for_results(tab)
    first = results_shown(tab)
    assert first
    tab.locator(SEARCH_INPUT).fill("")
    tab.wait_for_function("sel => !document.querySelector(sel)", arg=f"{RESULT_LINKS} article[data-md-score]")


@pytest.mark.parametrize("ready_first", [True, False], ids=["search-ready", "search-loading"])
def test_no_search_in_the_middle_of_an_input_method_composition(tab, site, ready_first):
    # A Korean word as a Korean input method composes it, where a language's titles have Hangul;
    # otherwise a word of the default language, composed the same way.
    language = next((language for language in site.locales
                     if any(re.search(HANGUL, doc["title"]) for doc in index_of(site, language)["docs"])),
                    site.default)
    word = title_word(site, language, hangul=bool(re.search(HANGUL, " ".join(
        doc["title"] for doc in index_of(site, language)["docs"]))))
    open_page(tab, urljoin(site.url, site.folder(language)))
    placeholder = tab.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    open_search(tab, "click")
    if ready_first:
        assert search(tab, word)
        tab.locator(SEARCH_INPUT).fill("")
        tab.wait_for_function("([sel, text]) => document.querySelector(sel).textContent === text",
                              arg=[SEARCH_META, placeholder])
    before = {tab.inner_text(SEARCH_META), placeholder}
    cdp = tab.context.new_cdp_session(tab)
    # The word being composed, as a Korean input method does, with the key-ups it sends meanwhile:
    # none of them may start a search.
    for end in range(1, len(word) + 1):
        cdp.send("Input.imeSetComposition", {"text": word[:end], "selectionStart": end, "selectionEnd": end})
        tab.evaluate("sel => document.querySelector(sel).dispatchEvent("
                     "new KeyboardEvent('keyup', { key: 'Process', isComposing: true, bubbles: true }))", SEARCH_INPUT)
    tab.wait_for_timeout(QUIET_MS)
    assert results_shown(tab) == 0
    assert tab.inner_text(SEARCH_META) in before
    # The composition ends: now the word is searched.
    cdp.send("Input.insertText", {"text": word})
    wait_for_results(tab)
    assert tab.input_value(SEARCH_INPUT) == word
    assert any(mark.startswith(start_of(word)) for mark in marks(tab)), marks(tab)
