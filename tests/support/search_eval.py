"""The search query set, and searching a served site in a real browser the way a reader does.

Shared by tests/test_search*.py and bench/search_bench.py. The browser functions take a
Playwright page; nothing here starts a browser or a server.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from sitelib.languages import ROOT

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

QUERIES_YML = ROOT / "bench" / "search_queries.yml"
# Queries written from the guide's text alone, by someone who never saw the search's rules, and
# never used to tune them: the rules are scored on both files, side by side.
HELD_OUT_YML = ROOT / "bench" / "search_queries_heldout.yml"
# A second such set, written after the rules were settled on the first two, and measured once.
HELD_OUT_2_YML = ROOT / "bench" / "search_queries_heldout2.yml"
# A third, written after every rule was settled: measured by bench/search_bench.py only, and
# never a target of the tests, so that no change is ever tuned on it.
HELD_OUT_3_YML = ROOT / "bench" / "search_queries_heldout3.yml"
# A fourth, written the same way by a new author once the third had been measured.
HELD_OUT_4_YML = ROOT / "bench" / "search_queries_heldout4.yml"
# A fifth, by another new author, once the rule that the third and fourth led to was in place.
HELD_OUT_5_YML = ROOT / "bench" / "search_queries_heldout5.yml"
TESTED_QUERY_FILES = {"tuned": QUERIES_YML, "held-out": HELD_OUT_YML, "held-out-2": HELD_OUT_2_YML}
QUERY_FILES = {**TESTED_QUERY_FILES, "held-out-3": HELD_OUT_3_YML, "held-out-4": HELD_OUT_4_YML,
               "held-out-5": HELD_OUT_5_YML}
RESULT_LINKS = ".md-search-result__link"
SEARCH_INPUT = ".md-search__input"
SEARCH_META = ".md-search-result__meta"
# Milliseconds to wait for the search worker to answer one query.
ANSWER_TIMEOUT = 15000
# The query sets of the file: queries in the guide's own words, and harder ones (`set: harder`).
QUERY_SETS = ("everyday", "harder")


class QuerySetError(Exception):
    """One line naming the file, the entry and the field at fault."""


@dataclass(frozen=True)
class Query:
    language: str
    text: str
    expect: tuple[str, ...]
    set: str = QUERY_SETS[0]


@dataclass(frozen=True)
class Result:
    language: str
    location: str
    score: float


@dataclass(frozen=True)
class LanguageScore:
    language: str
    queries: int
    found: int
    foreign: int
    misses: tuple[str, ...]
    # The number of results shown for each query, in order.
    counts: tuple[int, ...] = ()

    @property
    def recall(self) -> float:
        return self.found / self.queries

    # The median number of results per query: how much a reader has to look through.
    @property
    def median_results(self) -> float:
        return statistics.median(self.counts) if self.counts else 0.0


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Read and check the query set: {language: [{query, expect}, ...]}.
def load_queries(languages: list[str], path: Path = QUERIES_YML) -> dict[str, list[Query]]:
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise QuerySetError(f"{name}: expected one list of queries per language code")
    queries = {}
    for language, items in data.items():
        if language not in languages:
            raise QuerySetError(f"{name}: unknown language code '{language}' (known: {', '.join(languages)})")
        if not isinstance(items, list):
            raise QuerySetError(f"{name}: '{language}' must be a list of queries")
        queries[language] = [_query(item, language, position, name) for position, item in enumerate(items, 1)]
    return queries


# The language and the location (relative to its language's folder) of a result link.
def classify(href: str, site_url: str, languages: list[str], default: str) -> tuple[str, str]:
    base = urlsplit(site_url).path
    url = urlsplit(href)
    path = url.path[len(base):] if url.path.startswith(base) else url.path
    location = path + (f"#{url.fragment}" if url.fragment else "")
    for language in languages:
        if language != default and location.startswith(f"{language}/"):
            return language, location[len(language) + 1:]
    return default, location


# Type a query into the page's search box and return the results shown, best first.
def search(page, text: str) -> list[tuple[str, float]]:
    field = page.locator(SEARCH_INPUT)
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    if not page.evaluate("input => document.activeElement === document.querySelector(input)",
                         SEARCH_INPUT):
        field.click()
    if field.input_value() != text:
        # The count line above the results is cleared, and written again by Material once it has
        # searched the new text: the results shown are then the new text's.
        page.wait_for_function(
            "meta => document.querySelector(meta).textContent !== ''", arg=SEARCH_META,
            timeout=ANSWER_TIMEOUT,
        )
        page.evaluate("meta => { document.querySelector(meta).textContent = '' }", SEARCH_META)
        # A keystroke, as a reader's keyboard (or input method) makes: Material searches on key-up.
        field.fill(text)
        field.press("End")
    page.wait_for_function(
        "([meta, text]) => !['', text].includes(document.querySelector(meta).textContent)",
        arg=[SEARCH_META, placeholder], timeout=ANSWER_TIMEOUT,
    )
    links = page.eval_on_selector_all(
        RESULT_LINKS,
        "links => links.map(a => [a.href, +a.querySelector('article').dataset.mdScore])",
    )
    return [(href, score) for href, score in links if score > 0]


# Run a language's queries in the page's search box: recall@3 and results from other languages.
def score_language(
    page, language: str, queries: list[Query], *, site_url: str, languages: list[str],
    default: str, tops: dict[str, str] | None = None, top: int = 3,
) -> LanguageScore:
    found = foreign = 0
    misses = []
    counts = []
    for query in queries:
        results = [
            classify(href, site_url, languages, default) for href, _ in search(page, query.text)
        ]
        counts.append(len(results))
        foreign += sum(1 for result_language, _ in results if result_language != language)
        # A page's own result is where its title's anchor leads (Material indexes the title
        # and the text above the first section as the page itself, with no anchor).
        wanted = [place for expected in query.expect for place in (expected, (tops or {}).get(expected))]
        if any((language, expected) in results[:top] for expected in wanted if expected is not None):
            found += 1
        else:
            misses.append(f"{query.text} -> {[location for _, location in results[:top]]}")
    return LanguageScore(language, len(queries), found, foreign, tuple(misses), tuple(counts))


# Where each page's title anchor leads: {"#title-anchor": "", "faq/#faq": "faq/"} (the pages'
# own locations, as results give them), read from the default language's pages.
def page_tops(root: Path, default: str) -> dict[str, str]:
    tops = {}
    folder = root / "docs" / default
    for path in sorted(folder.rglob("*.md")):
        title = re.search(r"^# .*\{ #([\w-]+) \}\s*$", path.read_text(encoding="utf-8"), re.MULTILINE)
        if title:
            page = path.relative_to(folder).with_suffix("").as_posix()
            location = "" if page == "index" else (page.removesuffix("/index") + "/")
            tops[f"{location}#{title.group(1)}"] = location
    return tops


# The search index files a page requested while loading and searching.
def index_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if urlsplit(url).path.endswith("/search/search_index.json")]


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Check one entry of the query set.
def _query(item: object, language: str, position: int, name) -> Query:
    where = f"{name}: {language} entry {position}"
    if not isinstance(item, dict):
        raise QuerySetError(f"{where}: expected a mapping with 'query' and 'expect'")
    for field in ("query", "expect"):
        if field not in item:
            raise QuerySetError(f"{where}: missing field '{field}'")
    query_set = item.get("set", QUERY_SETS[0])
    if query_set not in QUERY_SETS:
        raise QuerySetError(f"{where}: field 'set' must be one of {', '.join(QUERY_SETS)}, found {query_set!r}")
    if not isinstance(item["query"], str) or not item["query"].strip():
        raise QuerySetError(f"{where}: field 'query' must be a non-empty string")
    expect = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
    for location in expect:
        if not isinstance(location, str) or "#" not in location:
            raise QuerySetError(
                f"{where} ({item['query']!r}): field 'expect' must be locations such as "
                f"'#anchor' or 'faq/#anchor', found {json.dumps(location, ensure_ascii=False)}"
            )
    return Query(language, item["query"].strip(), tuple(expect), query_set)
