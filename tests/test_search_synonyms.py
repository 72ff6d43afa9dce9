"""Search finds the guide's words from the words readers type: synonyms and the glossary's avoided
variants (from the data files), typos, and Korean compounds spaced either way."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BASE_PATH, DEFAULT_LANGUAGE, LANGUAGES, build_site
from support.search_eval import RESULT_LINKS, classify, search
from support.search_words import index_of
from sitelib.search_languages import LANGUAGE_SETTINGS, PROSE_SEPARATOR
from sitelib.search_synonyms import (
    SYNONYMS_YML, SearchDataError, glossary_words, language_synonyms, search_entries,
)
from support.server import SiteServer

HANGUL = "[\uac00-\ud7a3]"
LATIN_WORD = re.compile(r"[a-zà-ÿ]+")
# Pairs of each source tried per language in the browser.
PAIRS_PER_SOURCE = 3
SOURCES = ("glossary", "search data")


def plain(html):
    return BeautifulSoup(html, "lxml").get_text(" ").lower()


def sections(site, language):
    """{location: the section's title and text, lower case}."""
    return {doc["location"]: plain(doc["title"] + " " + doc["text"]) for doc in index_of(site, language)["docs"]}


def index_words(site, language):
    text = " ".join(sections(site, language).values())
    return {word for word in re.split(PROSE_SEPARATOR, text) if word}


def contains(text, phrase):
    """Whether a section says a phrase: its words in order, with any endings (Korean: any spacing)."""
    words = [re.escape(word) for word in phrase.lower().split()]
    return bool(re.search(r"\w*\s*".join(words), text)) or phrase.lower().replace(" ", "") in text.replace(" ", "")


def results(tab, site, query):
    return [classify(href, site.url, site.locales, site.default) for href, _ in search(tab, query)]


def marks(tab):
    return [mark.lower() for mark in tab.eval_on_selector_all(
        f"{RESULT_LINKS} mark", "marks => marks.map(m => m.textContent)"
    )]


def open_language(tab, site, language):
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.goto(urljoin(site.url, site.folder(language)))


def searchable_pairs(site, language, pairs):
    """Pairs whose preferred words the language's sections say and whose variant none says."""
    texts = sections(site, language).values()
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


def data_pairs(language, languages):
    return [(variant, use) for _, entry_language, use, variants in
            search_entries(SYNONYMS_YML, glossary_words(), languages) if entry_language == language
            for variant in variants]


def pairs_of(site, language, source):
    return glossary_pairs(language) if source == "glossary" else data_pairs(language, site.locales)


def typo_words(site, language, least):
    """Latin-script words of the language's section titles, of `least` letters or more."""
    titles = " ".join(doc["title"].lower() for doc in index_of(site, language)["docs"])
    return sorted({word for word in LATIN_WORD.findall(titles) if len(word) >= least}, key=titles.index)


# The fewest letters of a word whose typos a language's search corrects (None: it corrects none).
def typo_letters(language):
    return LANGUAGE_SETTINGS.get(language, {}).get("analysis", {}).get("typos")


# Whether a language's search corrects typos in Latin script (Korean words are corrected by
# their letters, tested on their own).
def corrects_typos(language) -> bool:
    return bool(typo_letters(language)) and language != "ko"


def hangul_title_words(site, language):
    """Korean words of the language's section titles, of two syllables or more."""
    titles = " ".join(doc["title"] for doc in index_of(site, language)["docs"])
    return sorted(set(re.findall(f"{HANGUL}{{2,}}", titles)), key=titles.index)


# A Korean syllable with its vowel (its second letter, jamo) changed to the next vowel: 불 to 뷔.
def other_vowel(syllable: str) -> str:
    code = ord(syllable) - 0xAC00
    vowel = code % 588 // 28
    return chr(0xAC00 + code - vowel * 28 + (vowel + 1) % 21 * 28)


# --- Synonyms and variants ----------------------------------------------------------------------


def test_the_default_language_has_variants_in_both_sources(site):
    for source in SOURCES:
        assert pairs_of(site, site.default, source), source


@pytest.mark.parametrize("source", SOURCES)
def test_a_variant_finds_sections_saying_the_preferred_word(search_tab, site, language, source):
    pairs = pairs_of(site, language, source)
    if not pairs:
        return  # the language has no variants in this source yet (a language just added)
    chosen = searchable_pairs(site, language, pairs)
    assert chosen, f"no {source} variant of {language} to try"
    texts = sections(site, language)
    tab = search_tab(site, language)
    for variant, use in chosen:
        found = results(tab, site, variant)
        assert found, variant
        assert {found_language for found_language, _ in found} == {language}
        assert contains(texts[found[0][1]], use), (variant, use, found[0])


def test_each_glossary_variant_stands_for_the_preferred_word(site, language):
    pairs = index_of(site, language)["config"].get("analysis", {}).get("synonyms", [])
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
    index = site / ("" if language == DEFAULT_LANGUAGE else language) / "search/search_index.json"
    pairs = json.loads(index.read_text("utf-8"))["config"]["analysis"]["synonyms"]
    assert [old, new] in pairs
    for variant in entry[language]:
        if variant.casefold() != new.casefold():
            assert [variant, new] in pairs, variant


def test_a_variant_the_text_also_says_finds_those_sections_too(project_copy, tmp_path,
                                                               contributors_site, browser):
    language = DEFAULT_LANGUAGE
    texts = sections(contributors_site, language)  # the sections of the copy, as built already
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
            tab.goto(server.url)
            found = {classify(href, server.url, LANGUAGES, DEFAULT_LANGUAGE)[1]
                     for href, _ in search(tab, variant)}
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


def test_the_data_files_of_the_repository_are_valid(site):
    for language in site.locales:
        language_synonyms(language, synonyms_path=site.root / "data/search_synonyms.yml",
                          glossary_path=site.root / "data/glossary.yml", languages=site.locales)


# --- Typos ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("edit", ["swap", "drop", "change"])
def test_a_word_with_one_typo_finds_the_word(search_tab, site, language, edit):
    if not corrects_typos(language):
        return  # searched as Material does: no typo matching
    least = typo_letters(language)
    words = index_words(site, language)
    for word in typo_words(site, language, least + 2):
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
    tab = search_tab(site, language)
    assert search(tab, typo), typo
    assert any(mark.startswith(word[:middle]) for mark in marks(tab)), (typo, marks(tab))


def test_a_korean_word_with_one_letter_wrong_finds_the_word(search_tab, site, language):
    words = index_words(site, language)
    typos = [(word, word[:-1] + other_vowel(word[-1])) for word in hangul_title_words(site, language)]
    typos = [(word, typo) for word, typo in typos if not any(indexed.startswith(typo) for indexed in words)]
    if not typos or not typo_letters(language):
        return  # no Korean title words, or searched as Material does: no typo matching
    word, typo = typos[0]
    tab = search_tab(site, language)
    assert search(tab, typo), typo
    assert any(mark.startswith(word[:-1]) for mark in marks(tab)), (typo, marks(tab))


def test_a_word_typed_right_finds_only_itself(search_tab, site, language):
    if not corrects_typos(language):
        return  # searched as Material does: no typo matching
    least = typo_letters(language)
    words = index_words(site, language)
    # A word with a neighbour one letter away in the index (which a typo match would bring in).
    word = next((word for word in typo_words(site, language, least) if any(
        other != word and len(other) == len(word) and sum(a != b for a, b in zip(word, other)) == 1
        and not other.startswith(word[:-1]) for other in words
    )), None) or typo_words(site, language, least)[0]
    tab = search_tab(site, language)
    assert search(tab, word)
    for result_marks in tab.eval_on_selector_all(
        RESULT_LINKS, "links => links.filter(a => +a.querySelector('article').dataset.mdScore > 0)"
        ".map(a => [...a.querySelectorAll('mark')].map(m => m.textContent.toLowerCase()))",
    ):
        assert any(mark.startswith(word[:len(word) - 2]) for mark in result_marks), (word, result_marks)


def test_a_short_word_is_not_matched_to_its_neighbours(search_tab, site, language):
    if not corrects_typos(language):
        return  # searched as Material does: no typo matching
    least = typo_letters(language)
    words = index_words(site, language)
    short = sorted(word for word in words if LATIN_WORD.fullmatch(word) and len(word) == least - 1)
    typo = next((word[:-1] + letter for word in short for letter in "qxz"
                 if not any(indexed.startswith(word[:-1] + letter) for indexed in words)), None)
    assert typo, language
    assert search(search_tab(site, language), typo) == [], typo


# --- Korean spacing -------------------------------------------------------------------------------


def test_a_korean_title_typed_without_its_space_finds_its_section(search_tab, site):
    if "ko" not in site.locales:
        return  # the state has no Korean pages
    for doc in index_of(site, "ko")["docs"]:
        words = re.findall(f"{HANGUL}{{2,}}", doc["title"])
        if "#" in doc["location"] and len(words) >= 2:
            break
    else:
        pytest.fail("no Korean section title of two words")
    found = [location for _, location in results(search_tab(site, "ko"), site, words[0] + words[1])]
    assert doc["location"] in found[:3], (words, found)


def test_a_korean_compound_typed_with_a_space_finds_the_sections_writing_it_as_one(search_tab, site):
    if "ko" not in site.locales:
        return  # the state has no Korean pages
    korean = sections(site, "ko")
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
    found = {location for _, location in results(search_tab(site, "ko"), site, spaced)}
    assert found and found <= writing, (spaced, found, writing)
