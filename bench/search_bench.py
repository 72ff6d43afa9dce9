"""Search benchmark: the site's search against Material's stock search, typed into Chromium.

Builds the site twice in one run — as configured, and with the stock search (the line of
hooks/search.py left out of `hooks:`: mkdocs-static-i18n's one combined index, Material's default
settings, Material loading search with every page) — serves both on 127.0.0.1 under the GitHub
Pages path, types every query of the query files into the real search box on each language's
home page, and prints one row per file, language and query set: recall@3, results from other
languages and the median number of results per query. The files: bench/search_queries.yml, which
the rules were tuned on, and the held-out sets written from the guide's text alone by authors
who never saw the rules (tests/support/search_eval.py, QUERY_FILES). Then one row per language:
the gzip size of the index its pages load, and of everything a first view of its home page
fetches, before and after the reader opens search.

    .venv/bin/python bench/search_bench.py
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from sitelib.languages import load_site_languages  # noqa: E402
from support.browser import launch_chromium  # noqa: E402
from support.first_view import GZIP_LEVEL  # noqa: E402
from support.projects import build_site, copy_sources, without_hooks  # noqa: E402
from support.search_eval import (  # noqa: E402
    QUERY_FILES, QUERY_SETS, load_queries, page_tops, score_language, search,
)
from support.server import SiteServer  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

BASE_PATH = "/spectrum-retention-guide/"
# The site's search feature (its index, worker and on-demand script): stock is the site without it.
SEARCH_HOOK = "hooks/search.py"
# A word every language's pages hold, typed to load search and wait for its first results.
LOAD_QUERY = "Spectrum"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Build both variants, search them in Chromium and print the tables.
def main() -> int:
    from playwright.sync_api import sync_playwright

    languages = load_site_languages()
    locales, default = languages.locales, languages.default
    queries = {name: load_queries(locales, path) for name, path in QUERY_FILES.items()}
    tops = page_tops(ROOT, default)
    scores, weights = {}, {}
    with tempfile.TemporaryDirectory(prefix="search-bench-") as scratch, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for variant in ("stock", "site"):
                project = _project(Path(scratch) / variant, stock=variant == "stock")
                server = SiteServer(base_path=BASE_PATH)
                try:
                    site_dir = _build(project, Path(scratch) / f"{variant}-site", server.url)
                    server.serve(site_dir)
                    for locale in locales:
                        folder = languages.folder(locale)
                        for name in QUERY_FILES:
                            for query_set in QUERY_SETS:
                                chosen = [query for query in queries[name].get(locale, [])
                                          if query.set == query_set]
                                if chosen:
                                    scores[variant, name, locale, query_set] = _score(
                                        browser, server.url + folder, locale, chosen,
                                        site_url=server.url, languages=locales, default=default,
                                        tops=tops,
                                    )
                        index = site_dir / ("" if variant == "stock" else folder) / "search/search_index.json"
                        weights[variant, locale] = (
                            len(gzip.compress(index.read_bytes(), GZIP_LEVEL)),
                            *_view_weights(browser, server.url + folder),
                        )
                finally:
                    server.stop()
        finally:
            browser.close()
    _print_tables(scores, weights, locales)
    return 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A scratch copy of the project; the stock variant leaves the site's search feature out.
def _project(target: Path, *, stock: bool) -> Path:
    copy_sources(target)
    if stock:
        without_hooks(target / "mkdocs.yml", [SEARCH_HOOK])
    return target


# A strict build of a project copy into `site_dir`, for the given site URL.
def _build(project: Path, site_dir: Path, site_url: str) -> Path:
    result = build_site(project, site_dir, site_url)
    if result.returncode:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    return site_dir


# Run one language's queries on its home page, in a fresh tab.
def _score(browser, url: str, locale: str, queries, **where):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        return score_language(page, locale, queries, **where)
    finally:
        context.close()


# The gzip bytes a first view of a page fetches, before and after the reader opens search.
def _view_weights(browser, url: str) -> tuple[int, int]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        responses = []
        tab.on("response", lambda response: responses.append(response))
        tab.goto(url, wait_until="networkidle")
        before = _gzip_bytes(responses)
        search(tab, LOAD_QUERY)
        tab.wait_for_load_state("networkidle")
        return before, _gzip_bytes(responses)
    finally:
        context.close()


# The gzip-compressed size of the bodies of the responses so far (redirects and blob: left out).
def _gzip_bytes(responses) -> int:
    total = 0
    for response in responses:
        if response.url.startswith(("http:", "https:")) and not 300 <= response.status < 400:
            total += len(gzip.compress(response.body(), GZIP_LEVEL))
    return total


# A size in KB, and the ratio of the site's to stock's.
def _sizes(stock: int, site: int) -> str:
    return f"{stock / 1024:.1f} -> {site / 1024:.1f} KB ({site / stock:.2f}x)"


# Print recall@3, foreign results and noise per file, language and set, then the bytes, stock
# against site.
def _print_tables(scores: dict, weights: dict, locales: list[str]) -> None:
    print("file        language  set       queries  recall@3 stock -> site (ratio)  foreign stock -> site"
          "  median results stock -> site (ratio)")
    for name in QUERY_FILES:
        for locale in locales:
            for query_set in QUERY_SETS:
                if ("site", name, locale, query_set) not in scores:
                    continue
                stock, site = scores["stock", name, locale, query_set], scores["site", name, locale, query_set]
                recall_ratio = f"{site.recall / stock.recall:.2f}x" if stock.recall else "n/a"
                noise_ratio = f"{site.median_results / stock.median_results:.2f}x" if stock.median_results else "n/a"
                print(
                    f"{name:<11} {locale:<9} {query_set:<9} {site.queries:>7}  {stock.recall:>14.2f} -> "
                    f"{site.recall:.2f} ({recall_ratio:>5})  {stock.foreign:>13} -> {site.foreign:<4}"
                    f"  {stock.median_results:>20g} -> {site.median_results:g} ({noise_ratio})"
                )
    print()
    print("language  index loaded, gzip: stock -> site   first view, gzip: stock -> site"
          "   first view + search opened: stock -> site")
    for locale in locales:
        (stock_index, stock_first, stock_open), (site_index, site_first, site_open) = (
            weights["stock", locale], weights["site", locale]
        )
        print(f"{locale:<9} {_sizes(stock_index, site_index):>33}   {_sizes(stock_first, site_first):>30}"
              f"   {_sizes(stock_open, site_open):>38}")
    for (variant, name, locale, query_set), score in sorted(scores.items()):
        if variant == "site":
            for miss in score.misses:
                print(f"  missed ({name}, {locale}, {query_set}): {miss}")


if __name__ == "__main__":
    raise SystemExit(main())
