"""Scale benchmark: build time and a reader's first view as the site grows to more languages.

Grows scratch copies of the site to 3, 13 and 30 languages with the translators' own
`scripts/i18n.py new-language` (each new language starts as English copies marked untranslated),
then, side by side in one run:

- builds each copy as configured ("ours") and as stock Material + mkdocs-static-i18n on the same
  pages (every line of `hooks:` removed, no theme overrides), best of several runs;
- serves each build under the GitHub Pages path with gzip and records a first, uncached view of
  the Korean guide in Chromium: requests and gzip bytes.

Prints one table with the ratios ours/stock, and each first view against the one at 3 languages.

    .venv/bin/python bench/scale_bench.py [--runs 3] [--languages 3 13 30]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from sitelib.languages import load_site_languages  # noqa: E402
from support.browser import launch_chromium  # noqa: E402
from support.first_view import record_first_view  # noqa: E402
from support.projects import (  # noqa: E402
    build_site, copy_sources, listed_hooks, unused_locales, without_hooks,
)
from support.server import SiteServer  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

BASE_PATH = "/spectrum-retention-guide/"
# The page whose first view is recorded: the Korean guide, the heaviest page of the site.
VIEWED_PAGE = "ko/"
BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Grow, build and view every size, print the table.
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per variant; the best counts")
    parser.add_argument("--languages", type=int, nargs="+", default=[3, 13, 30])
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as scratch, \
            sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for count in args.languages:
                ours = _grown_project(Path(scratch) / f"ours-{count}", count)
                stock = _stock_project(ours, Path(scratch) / f"stock-{count}")
                row = {"languages": count}
                for name, project in (("ours", ours), ("stock", stock)):
                    row[name] = _measure(project, Path(scratch) / f"{name}-{count}-site",
                                         browser, runs=args.runs)
                rows.append(row)
                print(f"measured {count} languages", file=sys.stderr)
        finally:
            browser.close()
    _print_table(rows)
    return 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A copy of the site grown to `count` languages with `scripts/i18n.py new-language`.
def _grown_project(target: Path, count: int) -> Path:
    project = copy_sources(target, names=("mkdocs.yml", "docs", "data", "hooks", "overrides",
                                          "scripts/i18n.py", ".github/CODEOWNERS"))
    existing = load_site_languages(project / "mkdocs.yml").locales
    candidates = unused_locales(existing)
    needed = count - len(existing)
    if needed < 0 or needed > len(candidates):
        raise SystemExit(f"cannot grow {len(existing)} languages to {count}")
    for locale in candidates[:needed]:
        result = subprocess.run([sys.executable, "scripts/i18n.py", "new-language", locale, locale.upper()],
                                cwd=project, capture_output=True, text=True, timeout=120)
        if result.returncode:
            raise SystemExit(f"new-language {locale} failed: {result.stderr}")
    return project


# The same pages as stock Material + mkdocs-static-i18n: no hooks, no theme overrides.
def _stock_project(ours: Path, target: Path) -> Path:
    project = Path(shutil.copytree(ours, target))
    config = project / "mkdocs.yml"
    without_hooks(config, listed_hooks(config))
    text, overrides = re.subn(r"^\s*custom_dir:.*\n", "", config.read_text(encoding="utf-8"),
                              flags=re.MULTILINE)
    if overrides != 1:
        raise SystemExit(f"{config}: expected one theme custom_dir to remove")
    config.write_text(text, encoding="utf-8")
    return project


# The best build time of several runs, and the first view of the Korean guide of the last build.
def _measure(project: Path, site_dir: Path, browser, *, runs: int) -> dict:
    server = SiteServer(BASE_PATH, compress=True)
    try:
        times = []
        for _ in range(runs):
            result = build_site(project, site_dir, server.url, strict=False, timeout=900)
            built = BUILT_IN.search(result.stdout + result.stderr)
            if result.returncode or built is None:
                raise SystemExit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
            times.append(float(built.group(1)))
        server.serve(site_dir)
        view = record_first_view(browser, server.url + VIEWED_PAGE)
    finally:
        server.stop()
    return {"build": min(times), "requests": len(view.requests), "bytes": view.gzip_bytes}


# One row per size: build times and their ratio, first views and their growth since the first size.
def _print_table(rows: list[dict]) -> None:
    first = rows[0]
    print(f"first view = /{VIEWED_PAGE}, uncached, gzip bytes of every response; "
          f"growth = against {first['languages']} languages")
    header = ("languages", "build ours", "build stock", "ours/stock",
              "first view ours", "growth", "first view stock", "growth")
    table = [header]
    for row in rows:
        ours, stock = row["ours"], row["stock"]
        table.append((
            str(row["languages"]), f"{ours['build']:.2f} s", f"{stock['build']:.2f} s",
            f"{ours['build'] / stock['build']:.2f}x",
            f"{ours['requests']} req, {ours['bytes'] / 1000:.1f} KB",
            _growth(ours, first["ours"]),
            f"{stock['requests']} req, {stock['bytes'] / 1000:.1f} KB",
            _growth(stock, first["stock"]),
        ))
    widths = [max(len(line[index]) for line in table) for index in range(len(header))]
    for line in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())


# Requests and bytes of a first view as ratios of those at the smallest size.
def _growth(view: dict, base: dict) -> str:
    return f"{view['requests'] / base['requests']:.2f}x req, {view['bytes'] / base['bytes']:.3f}x B"


if __name__ == "__main__":
    raise SystemExit(main())
