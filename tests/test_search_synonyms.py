"""Search finds the guide's words from the words readers type: synonyms and the glossary's avoided
variants (from the data files), typos, and Korean compounds spaced either way."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BASE_PATH, DEFAULT_LANGUAGE, LANGUAGES, build_site, lang_prefix
from support.search_eval import RESULT_LINKS, classify, search
from sitelib.search_languages import LANGUAGE_SETTINGS, PROSE_SEPARATOR
from sitelib.search_synonyms import (
    GLOSSARY_YML, SYNONYMS_YML, SearchDataError, glossary_words, language_synonyms, search_entries,
)
from support.server import SiteServer

HANGUL = "[\uac00-\ud7a3]"
LATIN_WORD = re.compile(r"[a-zà-ÿ]+")
# Pairs of each source tried per language in the browser.
PAIRS_PER_SOURCE = 3


def index_of(site_dir, language):
    return json.loads((site_dir / lang_prefix(language) / "search/search_index.json").read_text("utf-8"))


def plain(html):
    return BeautifulSoup(html, "lxml").get_text(" ").lower()


def sections(site_dir, language):
    """{location: the section's title and text, lower case}."""
    return {doc["location"]: plain(doc["title"] + " " + doc["text"]) for doc in index_of(site_dir, language)["docs"]}


def index_words(site_dir, language):
    text = " ".join(sections(site_dir, language).values())
    return {word for word in re.split(PROSE_SEPARATOR, text) if word}


def contains(text, phrase):
    """Whether a section says a phrase: its words in order, with any endings (Korean: any spacing)."""
    words = [re.escape(word) for word in phrase.lower().split()]
    return bool(re.search(r"\w*\s*".join(words), text)) or phrase.lower().replace(" ", "") in text.replace(" ", "")


def results(tab, site_url, query):
    return [classify(href, site_url, LANGUAGES, DEFAULT_LANGUAGE) for href, _ in search(tab, query)]


def marks(tab):
    return [mark.lower() for mark in tab.eval_on_selector_all(
        f"{RESULT_LINKS} mark", "marks => marks.map(m => m.textContent)"
    )]


def open_language(tab, site_url, language):
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.goto(urljoin(site_url, lang_prefix(language)))


def searchable_pairs(site_dir, language, pairs):
    """Pairs whose preferred words the language's sections say and whose variant none says."""
    texts = sections(site_dir, language).values()
    chosen = []
    for variant, use in pairs:
        if any(contains(text, variant) for text in texts):
            continue
        if any(contains(text, use) for text in texts):
            chosen.append((variant, use))
    return chosen[:PAIRS_PER_SOURCE]


def glossary_pairs(language):
    return [(variant, block["use"]) for term in glossary_words().values()
            for block in [term.get(language)] if block for variant in block.get("avoid", [])]


def data_pairs(language):
    return [(variant, use) for _, entry_language, use, variants in
            search_entries(SYNONYMS_YML, glossary_words(), LANGUAGES) if entry_language == language
            for variant in variants]


def typo_words(site_dir, language, least):
    """Latin-script words of the language's section titles, of `least` letters or more."""
    titles = " ".join(doc["title"].lower() for doc in index_of(site_dir, language)["docs"])
    return sorted({word for word in LATIN_WORD.findall(titles) if len(word) >= least}, key=titles.index)


# --- Synonyms and variants ----------------------------------------------------------------------


# Each language with variants in each source (a language added later may have none yet).
WITH_VARIANTS = [(language, source) for language in LANGUAGES for source in ("glossary", "search data")
                 if (glossary_pairs if source == "glossary" else data_pairs)(language)]


def test_the_default_language_has_variants_in_both_sources():
    assert {(DEFAULT_LANGUAGE, "glossary"), (DEFAULT_LANGUAGE, "search data")} <= set(WITH_VARIANTS)


@pytest.mark.parametrize("language, source", WITH_VARIANTS)
def test_a_variant_finds_sections_saying_the_preferred_word(browser_page, site_dir, site_url, language, source):
    pairs = glossary_pairs(language) if source == "glossary" else data_pairs(language)
    chosen = searchable_pairs(site_dir, language, pairs)
    assert chosen, f"no {source} variant of {language} to try"
    texts = sections(site_dir, language)
    open_language(browser_page, site_url, language)
    for variant, use in chosen:
        found = results(browser_page, site_url, variant)
        assert found, variant
        assert {found_language for found_language, _ in found} == {language}
        assert contains(texts[found[0][1]], use), (variant, use, found[0])


def test_each_glossary_variant_stands_for_the_preferred_word(site_dir):
    for language in LANGUAGES:
        pairs = index_of(site_dir, language)["config"].get("analysis", {}).get("synonyms", [])
        for variant, use in glossary_pairs(language):
            assert [variant, use] in pairs, (language, variant)


def test_search_follows_the_glossary_when_a_preferred_word_changes(project_copy, tmp_path):
    glossary = yaml.safe_load((project_copy / "data/glossary.yml").read_text("utf-8"))
    data = yaml.safe_load((project_copy / "data/search_synonyms.yml").read_text("utf-8"))
    # A term of both files, in a language where the search data lists variants of its own.
    names = {term["term"] for term in glossary["terms"]}
    entry = next(entry for entry in data["synonyms"] if entry["term"] in names
                 and any(isinstance(block, list) for block in entry.values()))
    language = next(key for key, block in entry.items() if isinstance(block, list))
    term = next(term for term in glossary["terms"] if term["term"] == entry["term"])
    old, new = term[language]["use"], term[language]["avoid"][0]
    term[language] = {"use": new, "avoid": [old] + term[language]["avoid"][1:]}
    (project_copy / "data/glossary.yml").write_text(yaml.safe_dump(glossary, allow_unicode=True), "utf-8")

    site = tmp_path / "site"
    build = build_site(project_copy, site, "http://127.0.0.1:8000/spectrum-retention-guide/")
    assert build.returncode == 0, build.stdout + build.stderr
    pairs = index_of(site, language)["config"]["analysis"]["synonyms"]
    assert [old, new] in pairs
    for variant in entry[language]:
        if variant.casefold() != new.casefold():
            assert [variant, new] in pairs, variant


def test_a_variant_the_text_also_says_finds_those_sections_too(project_copy, tmp_path, site_dir, browser):
    language = DEFAULT_LANGUAGE
    texts = sections(site_dir, language)
    known = {variant.casefold() for variant, _ in language_synonyms(language)}
    # Words of six letters or more that only one section says: one becomes a variant of another.
    owners = {}
    for location, text in texts.items():
        for word in set(re.findall(r"[a-z]{6,}", text)):
            owners.setdefault(word, set()).add(location)
    unique = [(word, where.pop()) for word, where in sorted(owners.items()) if len(where) == 1 and word not in known]
    variant, variant_section = unique[0]
    use, use_section = next((word, where) for word, where in unique if where != variant_section
                            and word[:4] != variant[:4])
    path = project_copy / "data/search_synonyms.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["synonyms"].append({"term": "a test term", language: {"use": use, "variants": [variant]}})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    server = SiteServer(base_path=BASE_PATH)
    try:
        site = tmp_path / "site"
        build = build_site(project_copy, site, server.url)
        assert build.returncode == 0, build.stdout + build.stderr
        server.serve(site)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            tab = context.new_page()
            tab.goto(urljoin(server.url, lang_prefix(language)))
            found = {location for _, location in results(tab, server.url, variant)}
        finally:
            context.close()
    finally:
        server.stop()
    assert {variant_section, use_section} <= found, (variant, use, found)


def test_a_broken_synonym_entry_stops_the_build_naming_file_entry_and_field(project_copy, tmp_path):
    path = project_copy / "data/search_synonyms.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["synonyms"].append({"term": "not a glossary term", LANGUAGES[-1]: ["some variant"]})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    build = build_site(project_copy, tmp_path / "site", "http://127.0.0.1:8000/spectrum-retention-guide/")
    assert build.returncode != 0
    line = f"data/search_synonyms.yml: entry {len(data['synonyms'])} ('not a glossary term'): field '{LANGUAGES[-1]}'"
    errors = [text for text in (build.stdout + build.stderr).splitlines() if line in text]
    assert len(errors) == 1, build.stdout + build.stderr


@pytest.mark.parametrize(("text", "message"), [
    ("synonyms: [{ko: [a]}]", "entry 1: missing field 'term'"),
    ("synonyms: [{term: x, xx: {use: a, variants: [b]}}]", "entry 1 ('x'): unknown language code 'xx'"),
    ("synonyms: [{term: x, ko: {use: a}}]", "entry 1 ('x'): missing field 'ko.variants'"),
    ("synonyms: [{term: x, ko: {use: a, variants: b}}]", "entry 1 ('x'): field 'ko.variants' must be a non-empty list"),
    ("synonyms: [{term: x, ko: {use: a, variants: [b], also: c}}]", "entry 1 ('x'): unknown field 'ko.also'"),
    ("synonyms: [{term: x, ko: {use: '', variants: [b]}}]", "entry 1 ('x'): field 'ko.use' must hold words"),
    ("synonyms: [{term: x, ko: [b]}]", "entry 1 ('x'): field 'ko': the term has no 'ko' word"),
    ("synonyms: [{term: x, ko: {use: a, variants: [c]}}, {term: y, ko: {use: b, variants: [c]}}]",
     "entry 2 ('y'): variant 'c' already stands for 'a', not 'b'"),
    ("synonyms: [x", "invalid YAML"),
    ("terms: []", "expected a mapping with a list 'synonyms'"),
])
def test_bad_synonym_data_is_named_in_one_line(tmp_path, text, message):
    glossary = tmp_path / "glossary.yml"
    glossary.write_text("terms:\n  - term: t\n    ko: {use: u, avoid: [v]}\n", "utf-8")
    synonyms = tmp_path / "search_synonyms.yml"
    synonyms.write_text(text, "utf-8")
    with pytest.raises(SearchDataError) as error:
        language_synonyms("ko", synonyms_path=synonyms, glossary_path=glossary, languages=["en", "ko"])
    assert message in str(error.value) and "\n" not in str(error.value), str(error.value)
    assert str(error.value).startswith(str(synonyms)), str(error.value)


def test_a_term_added_to_the_glossary_takes_its_preferred_word_from_there(tmp_path):
    glossary = tmp_path / "glossary.yml"
    glossary.write_text("terms:\n  - term: t\n    ko: {use: u, avoid: [v]}\n", "utf-8")
    synonyms = tmp_path / "search_synonyms.yml"
    synonyms.write_text("synonyms: [{term: t, ko: {use: a, variants: [b]}}]", "utf-8")
    pairs = language_synonyms("ko", synonyms_path=synonyms, glossary_path=glossary, languages=["ko"])
    assert pairs == [["v", "u"], ["b", "u"], ["a", "u"]]


def test_the_data_files_of_the_repository_are_valid():
    for language in LANGUAGES:
        language_synonyms(language, synonyms_path=SYNONYMS_YML, glossary_path=GLOSSARY_YML)


# --- Typos ---------------------------------------------------------------------------------------


TYPO_LANGUAGES = [language for language in LANGUAGES if LANGUAGE_SETTINGS.get(language, {}).get("analysis", {}).get("typos")]


@pytest.mark.parametrize("edit", ["swap", "drop", "change"])
@pytest.mark.parametrize("language", [language for language in TYPO_LANGUAGES if language != "ko"])
def test_a_word_with_one_typo_finds_the_word(browser_page, site_dir, site_url, language, edit):
    least = LANGUAGE_SETTINGS[language]["analysis"]["typos"]
    words = index_words(site_dir, language)
    for word in typo_words(site_dir, language, least + 2):
        middle = len(word) // 2
        typo = {
            "swap": word[:middle] + word[middle + 1] + word[middle] + word[middle + 2:],
            "drop": word[:middle] + word[middle + 1:],
            "change": word[:middle] + ("x" if word[middle] != "x" else "z") + word[middle + 1:],
        }[edit]
        if typo != word and not any(indexed.startswith(typo) for indexed in words):
            break
    else:
        pytest.fail(f"no {language} title word to misspell")
    open_language(browser_page, site_url, language)
    assert search(browser_page, typo), typo
    assert any(mark.startswith(word[:middle]) for mark in marks(browser_page)), (typo, marks(browser_page))


@pytest.mark.parametrize("language", [language for language in TYPO_LANGUAGES if language != "ko"])
def test_a_word_typed_right_finds_only_itself(browser_page, site_dir, site_url, language):
    least = LANGUAGE_SETTINGS[language]["analysis"]["typos"]
    words = index_words(site_dir, language)
    # A word with a neighbour one letter away in the index (which a typo match would bring in).
    word = next((word for word in typo_words(site_dir, language, least) if any(
        other != word and len(other) == len(word) and sum(a != b for a, b in zip(word, other)) == 1
        and not other.startswith(word[:-1]) for other in words
    )), None) or typo_words(site_dir, language, least)[0]
    open_language(browser_page, site_url, language)
    assert search(browser_page, word)
    for result_marks in browser_page.eval_on_selector_all(
        RESULT_LINKS, "links => links.filter(a => +a.querySelector('article').dataset.mdScore > 0)"
        ".map(a => [...a.querySelectorAll('mark')].map(m => m.textContent.toLowerCase()))",
    ):
        assert any(mark.startswith(word[:len(word) - 2]) for mark in result_marks), (word, result_marks)


@pytest.mark.parametrize("language", [language for language in TYPO_LANGUAGES if language != "ko"])
def test_a_short_word_is_not_matched_to_its_neighbours(browser_page, site_dir, site_url, language):
    least = LANGUAGE_SETTINGS[language]["analysis"]["typos"]
    words = index_words(site_dir, language)
    short = sorted(word for word in words if LATIN_WORD.fullmatch(word) and len(word) == least - 1)
    typo = next((word[:-1] + letter for word in short for letter in "qxz"
                 if not any(indexed.startswith(word[:-1] + letter) for indexed in words)), None)
    assert typo, language
    open_language(browser_page, site_url, language)
    assert search(browser_page, typo) == [], typo


# --- Korean spacing -------------------------------------------------------------------------------


@pytest.fixture
def korean(site_dir):
    if "ko" not in LANGUAGES:
        pytest.skip("the site has no Korean pages")
    return sections(site_dir, "ko")


def test_a_korean_title_typed_without_its_space_finds_its_section(browser_page, site_url, korean, site_dir):
    docs = index_of(site_dir, "ko")["docs"]
    for doc in docs:
        words = re.findall(f"{HANGUL}{{2,}}", doc["title"])
        if "#" in doc["location"] and len(words) >= 2:
            break
    else:
        pytest.fail("no Korean section title of two words")
    open_language(browser_page, site_url, "ko")
    found = [location for _, location in results(browser_page, site_url, words[0] + words[1])]
    assert doc["location"] in found[:3], (words, found)


def test_a_korean_compound_typed_with_a_space_finds_the_sections_writing_it_as_one(browser_page, site_url, korean):
    tokens = {location: set(re.findall(f"{HANGUL}+", text)) for location, text in korean.items()}
    # A compound whose first two syllables also start other words, in sections without it: typed
    # as two words, it must find only the sections that write it as one.
    for compound in sorted({token for words in tokens.values() for token in words if len(token) >= 4}):
        writing = {location for location, text in korean.items() if compound in text}
        starting = {location for location, words in tokens.items()
                    if any(word.startswith(compound[:2]) and compound not in word for word in words)}
        if starting - writing:
            break
    else:
        pytest.fail("no Korean compound to space")
    spaced = f"{compound[:2]} {compound[2:]}"
    open_language(browser_page, site_url, "ko")
    found = {location for _, location in results(browser_page, site_url, spaced)}
    assert found and found <= writing, (spaced, found, writing)
