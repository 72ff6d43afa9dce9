"""Search quality on the query sets, typed into Chromium; and search of a newly added language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
from urllib.parse import urljoin

import pytest

from conftest import BASE_PATH, DEFAULT_LANGUAGE, LANGUAGES, build_site, unused_locale
from sitelib.search_languages import NO_SPACE_LANGUAGES
from support.i18n_project import run_i18n, with_translation_tools
from support.search_eval import (
    QUERY_FILES, QUERY_SETS, TESTED_QUERY_FILES, QuerySetError, classify, load_queries, page_tops,
    score_language, search,
)
from support.server import SiteServer

# The targets the benchmark reports against (bench/README.md), and the least queries per set.
RECALL_TARGET = {"everyday": 0.95, "harder": 0.9}
LEAST_QUERIES = {"everyday": 15, "harder": 12}


# The languages a query file covers (a language added later may have no queries yet).
def query_languages(name: str) -> list[str]:
    return list(load_queries(LANGUAGES, QUERY_FILES[name]))


def test_each_query_file_covers_the_default_language_and_only_configured_ones(site):
    for name, path in QUERY_FILES.items():
        covered = set(load_queries(site.locales, path))
        assert site.default in covered and covered <= set(site.locales), name


@pytest.mark.parametrize("query_file, query_language",
                         [(name, language) for name in TESTED_QUERY_FILES for language in query_languages(name)])
def test_each_query_set_finds_the_right_section_in_the_top_three(search_tab, site, query_file,
                                                                  query_language):
    queries = load_queries(site.locales, QUERY_FILES[query_file])[query_language]
    tab = search_tab(site, query_language)
    scores = {}
    for query_set in QUERY_SETS:
        chosen = [query for query in queries if query.set == query_set]
        assert len(chosen) >= LEAST_QUERIES[query_set], (query_file, query_set)
        scores[query_set] = score_language(tab, query_language, chosen, site_url=site.url,
                                           languages=site.locales, default=site.default,
                                           tops=page_tops(site.root, site.default))
    for query_set, score in scores.items():
        assert score.foreign == 0, (query_set, score.foreign)
        assert score.recall >= RECALL_TARGET[query_set], (query_set, score.recall, score.misses)


# The search language Material for MkDocs gives a locale (Afrikaans is searched as Dutch).
def material_search_language(locale: str) -> str:
    from sitelib.add_language import MATERIAL_LANGUAGES

    # A language file without the key takes the English file's value, as the theme does.
    for name in (locale, "en"):
        texts = (MATERIAL_LANGUAGES / f"{name}.html").read_text(encoding="utf-8")
        found = re.search(r'"search\.config\.lang": "([^"]+)"', texts)
        if found:
            return found.group(1)
    raise AssertionError("Material's English texts name no search language")


def test_a_bad_query_set_entry_is_named(tmp_path):
    bad = tmp_path / "queries.yml"
    bad.write_text("ko:\n  - {query: 환불, expect: refund}\n", encoding="utf-8")
    with pytest.raises(QuerySetError, match=r"queries.yml: ko entry 1 \('환불'\): field 'expect'"):
        load_queries(LANGUAGES, bad)
    bad.write_text("ko:\n  - {query: 환불, expect: '#refund', set: hard}\n", encoding="utf-8")
    with pytest.raises(QuerySetError, match=r"queries.yml: ko entry 1: field 'set' must be one of everyday, harder"):
        load_queries(LANGUAGES, bad)
    bad.write_text("xx:\n  - {query: a, expect: '#a'}\n", encoding="utf-8")
    with pytest.raises(QuerySetError, match="unknown language code 'xx'"):
        load_queries(LANGUAGES, bad)


def test_a_new_language_gets_its_own_index_with_its_search_language(project_copy, tmp_path, browser):
    locale, name = unused_locale(), "New language"
    project = with_translation_tools(project_copy)
    added = run_i18n(project, "new-language", locale, name)
    assert added.returncode == 0, added.stderr
    server = SiteServer(base_path=BASE_PATH)
    try:
        site = tmp_path / "site"
        build = build_site(project, site, server.url)
        assert build.returncode == 0 and "WARNING" not in build.stdout + build.stderr, build.stderr
        server.serve(site)
        index = json.loads((site / locale / "search/search_index.json").read_text("utf-8"))
        # The theme's search language, or Lunr's own support where Material ships it for the
        # language and the theme's texts name English rules instead.
        searched = material_search_language(locale)
        lunr_own = (Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
                    / f"lunr.{locale}.min.js").is_file()
        own = searched == "en" and lunr_own and locale not in NO_SPACE_LANGUAGES
        assert index["config"]["lang"] == ([locale] if own else [searched])
        assert index["config"]["analysis"]["stemmer"]
        assert index["docs"] and not any(doc["location"].startswith(f"{locale}/") for doc in index["docs"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            tab = context.new_page()
            tab.goto(urljoin(server.url, f"{locale}/"))
            results = search(tab, "Spectrum")
        finally:
            context.close()
        languages = LANGUAGES + [locale]
        assert results
        assert {classify(href, server.url, languages, DEFAULT_LANGUAGE)[0] for href, _ in results} == {locale}
    finally:
        server.stop()


def test_a_site_without_the_search_plugin_builds_without_search_files(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("\n  - search\n") == 1
    config.write_text(text.replace("\n  - search\n", "\n"), encoding="utf-8")
    site = tmp_path / "site"
    build = build_site(project_copy, site, "http://127.0.0.1:8000/spectrum-retention-guide/")
    assert build.returncode == 0 and "WARNING" not in build.stdout + build.stderr, build.stderr
    assert not list(site.rglob("search_index.json"))
    assert not list(site.rglob("search-site.*.js"))
