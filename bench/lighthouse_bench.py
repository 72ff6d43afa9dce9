"""Lighthouse (mobile) and first-view weight of every language's guide and FAQ: ours next to stock.

Builds the site twice in one run — as configured, and "stock" (the same docs, data and content
hooks with Material's and mkdocs-static-i18n's defaults, without our reader-quality hooks and
theme overrides) — serves each under the GitHub Pages path with gzip, runs Lighthouse from
node_modules on each page and records the first view in Chromium. Prints one table with ratios.

Exit status 1 where one of our pages scores below 100 in Accessibility, Best Practices or SEO, or
transfers more than the first-view budget. Performance depends on the machine: printed, not gated.

    .venv/bin/python bench/lighthouse_bench.py [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from sitelib.languages import load_site_languages  # noqa: E402
from support.browser import CHROMIUM, CHROMIUM_ARGS, launch_chromium  # noqa: E402
from support.first_view import FIRST_VIEW_BUDGET, record_first_view  # noqa: E402
from support.projects import build_site, copy_sources, without_hooks  # noqa: E402
from support.server import SiteServer  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

BASE_PATH = "/spectrum-retention-guide/"
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GATED = ("accessibility", "best-practices", "seo")
PAGES = ("", "faq/")

# Our reader-quality features (with the theme overrides): what the stock configuration goes without.
READER_QUALITY_HOOKS = ("hooks/seo.py", "hooks/accessibility.py", "hooks/not_found.py")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Build both sites, measure every page of each, print the table; return the exit status.
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    args = parser.parse_args()
    lighthouse = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        print("node_modules/.bin/lighthouse is missing: run scripts/bootstrap.sh", file=sys.stderr)
        return 2
    languages = load_site_languages()
    paths = [languages.folder(locale) + page for locale in languages.locales for page in PAGES]
    with tempfile.TemporaryDirectory(prefix="lighthouse-bench-") as scratch:
        scratch = Path(scratch)
        results = {}
        for name in ("stock", "ours"):
            site = scratch / f"{name}-site"
            server = SiteServer(BASE_PATH, compress=True)
            try:
                project = ROOT if name == "ours" else _stock_project(scratch / "stock", server.url)
                _build(project, site, server.url, strict=name == "ours")
                server.serve(site)
                results[name] = _measure(lighthouse, server.url, paths, scratch)
            finally:
                server.stop()
    _print_table(paths, results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    failures = _failures(results["ours"])
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A copy of the project without the reader-quality features, whose theme takes its defaults.
def _stock_project(target: Path, url: str) -> Path:
    copy_sources(target, names=("mkdocs.yml", "docs", "data", "hooks"))
    without_hooks(target / "mkdocs.yml", READER_QUALITY_HOOKS)
    config = yaml.load((target / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_PlainLoader)
    config["site_url"] = url
    config["theme"] = {"name": "material", "language": config["theme"].get("language", "en")}
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    return target


# mkdocs build into `site` for the server's address; a failed build ends the bench.
def _build(project: Path, site: Path, url: str, *, strict: bool) -> None:
    result = build_site(project, site, url, strict=strict, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stdout}{result.stderr}")


# Lighthouse scores and first-view bytes of every page of one served site.
def _measure(lighthouse: Path, url: str, paths: list[str], scratch: Path) -> dict:
    from playwright.sync_api import sync_playwright

    measured = {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for path in paths:
                view = record_first_view(browser, url + path)
                measured[path] = _lighthouse(lighthouse, url + path, scratch)
                measured[path]["first_view_gzip_bytes"] = view.gzip_bytes
                measured[path]["foreign_requests"] = len(view.foreign_requests())
        finally:
            browser.close()
    return measured


# One Lighthouse run (mobile, simulated throttling: its defaults): the four category scores.
def _lighthouse(lighthouse: Path, url: str, scratch: Path) -> dict:
    report = scratch / "report.json"
    result = subprocess.run(
        [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0 or not report.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    report.unlink()
    scores = {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    scores["failed_audits"] = sorted(
        key for key, audit in data["audits"].items()
        if audit.get("score") == 0 and audit.get("scoreDisplayMode") in ("binary", "numeric")
        and not key.endswith("-insight")
    )
    return {"lighthouse": data["lighthouseVersion"], **scores}


# The table: per page, stock and ours side by side, and ours/stock ratios of the bytes.
def _print_table(paths: list[str], results: dict) -> None:
    version = next(iter(results["ours"].values()))["lighthouse"]
    print(f"Lighthouse {version}, mobile; first view = gzip bytes of every response (budget "
          f"{FIRST_VIEW_BUDGET:,})")
    header = ("page", "site", "Perf", "A11y", "BP", "SEO", "first view", "ours/stock", "3rd-party")
    rows = []
    for path in paths:
        stock, ours = results["stock"][path], results["ours"][path]
        for name, row in (("stock", stock), ("ours", ours)):
            ratio = ours["first_view_gzip_bytes"] / stock["first_view_gzip_bytes"]
            rows.append((
                "/" + path if name == "stock" else "", name,
                *(str(row[category]) for category in CATEGORIES),
                f"{row['first_view_gzip_bytes']:,} B", f"{ratio:.2f}" if name == "ours" else "",
                str(row["foreign_requests"]),
            ))
    widths = [max(len(str(row[index])) for row in [header, *rows]) for index in range(len(header))]
    print("  ".join(cell.ljust(width) for cell, width in zip(header, widths)))
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)))
    for name in ("stock", "ours"):
        failed = sorted({key for row in results[name].values() for key in row["failed_audits"]})
        print(f"{name}: failed audits: {', '.join(failed) or 'none'}")


# Our pages that miss a gated score or the byte budget.
def _failures(ours: dict) -> list[str]:
    failures = []
    for path, row in ours.items():
        for category in GATED:
            if row[category] < 100:
                failures.append(f"/{path}: {category} {row[category]} < 100 ({row['failed_audits']})")
        if row["first_view_gzip_bytes"] > FIRST_VIEW_BUDGET:
            failures.append(f"/{path}: first view {row['first_view_gzip_bytes']:,} B > "
                            f"{FIRST_VIEW_BUDGET:,} B")
    return failures


# A safe loader for mkdocs.yml: !ENV [NAME, default] reads as its default, other tags as plain values.
class _PlainLoader(yaml.SafeLoader):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if suffix == "ENV" and values else values
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)


_PlainLoader.add_multi_constructor("!", _construct_tagged)


if __name__ == "__main__":
    sys.exit(main())
