"""Shared fixtures: the site built once per test session, served under its GitHub Pages path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from sitelib.languages import load_site_languages  # noqa: E402
from sitelib.translation_status import FAQ_FILE, TRANSLATED, translation_report  # noqa: E402
from support.browser import launch_chromium  # noqa: E402
from support.projects import build_site, copy_sources, unused_locales  # noqa: E402,F401 - build_site for the tests
from support.server import SiteServer  # noqa: E402

# A project site on GitHub Pages lives under /<repo>/: the tests serve it the same way.
BASE_PATH = "/spectrum-retention-guide/"
SITE_LANGUAGES = load_site_languages()
LANGUAGES = SITE_LANGUAGES.locales
DEFAULT_LANGUAGE = SITE_LANGUAGES.default
TRANSLATED_LANGUAGES = [language.locale for language in SITE_LANGUAGES.translated]
# What the repository holds now: any language may be partly translated or behind the English.
REPORT = translation_report(ROOT / "docs", ROOT / FAQ_FILE, SITE_LANGUAGES)


def state(language: str, item: str) -> str:
    """The translation state of a page (`index.md`) or FAQ entry (`data/faq.yml#id`); the default
    language's own text is always translated."""
    return TRANSLATED if language == DEFAULT_LANGUAGE else REPORT.states[(language, item)]


def unused_locale() -> str:
    """A language code Material for MkDocs has texts for and the site does not have yet."""
    return unused_locales(LANGUAGES)[0]


def lang_prefix(language: str) -> str:
    """The folder of a language inside the built site ('' for the default language)."""
    return SITE_LANGUAGES.folder(language)


@pytest.fixture(scope="session")
def server():
    """A static server on 127.0.0.1 that behaves like GitHub Pages (404.html for missing paths)."""
    site_server = SiteServer(base_path=BASE_PATH)
    yield site_server
    site_server.stop()


@pytest.fixture(scope="session")
def built(server, tmp_path_factory):
    """The site built once, with site_url set to where the test server serves it."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir, server.url)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    server.serve(site_dir)
    return site_dir


@pytest.fixture(scope="session")
def site_dir(built) -> Path:
    return built


@pytest.fixture(scope="session")
def site_url(built, server) -> str:
    return server.url


@pytest.fixture(scope="session")
def page(site_dir):
    """Parse a built page: page('ko/faq/') -> BeautifulSoup."""
    def parse(path: str) -> BeautifulSoup:
        file = site_dir / path / "index.html" if not path.endswith(".html") else site_dir / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
    return parse


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser, built):
    """A fresh browser tab; it fails the test on any JavaScript error."""
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, errors


@pytest.fixture
def project_copy(tmp_path):
    """A scratch copy of the project's sources, to break or extend without touching the real tree."""
    return copy_sources(tmp_path / "project")
