"""Search benchmark: the site's search against Material's stock search, typed into Chromium.

Builds the site twice in one run — as configured, and with the stock search (the site's search
hooks left out: mkdocs-static-i18n's one combined index, Material's default settings) — serves
both on 127.0.0.1 under the GitHub Pages path, types every query of bench/search_queries.yml into
the real search box on each language's home page, and prints one row per language: recall@3,
results from other languages, and the gzip size of the index that language's pages load.

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
from support.projects import build_site, copy_sources, without_hooks  # noqa: E402
from support.search_eval import load_queries, score_language  # noqa: E402
from support.server import SiteServer  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

BASE_PATH = "/spectrum-retention-guide/"
# The site's search feature: stock search is the site without it.
SEARCH_HOOK = "hooks/search.py"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Build both variants, search them in Chromium and print the table.
def main() -> int:
    from playwright.sync_api import sync_playwright

    languages = load_site_languages()
    locales, default = languages.locales, languages.default
    queries = load_queries(locales)
    rows = {}
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
                        score = _score(browser, server.url + folder, locale, queries[locale],
                                       site_url=server.url, languages=locales, default=default)
                        index = site_dir / ("" if variant == "stock" else folder) / "search/search_index.json"
                        rows[variant, locale] = (score, len(gzip.compress(index.read_bytes(), 9)))
                finally:
                    server.stop()
        finally:
            browser.close()
    _print_table(rows, locales, queries)
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


# Print recall@3, foreign results and index size per language, stock against the site's.
def _print_table(rows: dict, locales: list[str], queries: dict) -> None:
    print("language  queries  recall@3 stock -> site (ratio)  foreign results stock -> site"
          "  index loaded, gzip: stock -> site (ratio)")
    for locale in locales:
        (stock, stock_bytes), (site, site_bytes) = rows["stock", locale], rows["site", locale]
        recall_ratio = f"{site.recall / stock.recall:.2f}x" if stock.recall else "n/a"
        print(
            f"{locale:<9} {len(queries[locale]):>7}  {stock.recall:>14.2f} -> {site.recall:.2f} ({recall_ratio})"
            f"  {stock.foreign:>21} -> {site.foreign:<4}"
            f"  {stock_bytes / 1024:>20.1f} KB -> {site_bytes / 1024:.1f} KB ({site_bytes / stock_bytes:.2f}x)"
        )
    for variant in ("stock", "site"):
        for locale in locales:
            for miss in rows[variant, locale][0].misses:
                print(f"  missed ({variant}, {locale}): {miss}")


if __name__ == "__main__":
    raise SystemExit(main())
