"""Shared fixtures. The suite has two kinds of test:

- **Site tests** check what readers get from a built site. They take `site` (or `page`,
  `site_dir`, `site_url`, `server`, `browser_page`) and run once for each repository state of
  tests/support/states.py: the repository as it is, and the repository after its contributors'
  pull requests (every page and FAQ entry edited, in English and in translation, and a new
  language). A site test with a `language` argument runs for every language of each state, one
  with `translation` for every language but the default one, and one with `language, other` for
  each language and the next (so that each language is once the one and once the other). `--states repository` runs only the
  first, as a translation's pull-request check does.
- **Scratch tests** change a copy of the project (`project_copy`) and build it themselves. The
  copy is made from the contributors' state, so that no test can rely on today's texts.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from sitelib.languages import SiteLanguages, load_site_languages  # noqa: E402
from sitelib.translation_status import FAQ_FILE, TRANSLATED, Report, translation_report  # noqa: E402
from support.browser import launch_chromium  # noqa: E402
from support.projects import build_site, copy_sources, unused_locales  # noqa: E402,F401 - for the tests
from support.server import SiteServer  # noqa: E402
from support.states import CONTRIBUTORS, REPOSITORY, STATES, make_contributors_state, plans  # noqa: E402

# A project site on GitHub Pages lives under /<repo>/: the tests serve it the same way.
BASE_PATH = "/spectrum-retention-guide/"
PLANS = plans(ROOT)

# The languages of the scratch copies (the contributors' state), for scratch tests.
SCRATCH = PLANS[CONTRIBUTORS]
LANGUAGES = list(SCRATCH.locales)
DEFAULT_LANGUAGE = SCRATCH.default
TRANSLATED_LANGUAGES = SCRATCH.translated


# A language code Material for MkDocs has texts for and the scratch copies do not have yet.
def unused_locale() -> str:
    return unused_locales(LANGUAGES)[0]


# The folder of a language inside a built site ('' for the default language).
def lang_prefix(language: str) -> str:
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


@dataclass
class Site:
    """A repository state, built once and served under its GitHub Pages path."""

    state: str
    root: Path
    dir: Path
    server: SiteServer
    languages: SiteLanguages = field(init=False)
    report: Report = field(init=False)
    _pages: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.languages = load_site_languages(self.root / "mkdocs.yml")
        self.report = translation_report(self.root / "docs", self.root / FAQ_FILE, self.languages)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def locales(self) -> list[str]:
        return self.languages.locales

    @property
    def default(self) -> str:
        return self.languages.default

    @property
    def translated(self) -> list[str]:
        return [language.locale for language in self.languages.translated]

    # The folder of a language inside the built site: "" for the default language, "ko/" for Korean.
    def folder(self, language: str) -> str:
        return self.languages.folder(language)

    # The translation state of a page (`index.md`) or FAQ entry (`data/faq.yml#id`); the default
    # language's own text is always translated.
    def state_of(self, language: str, item: str) -> str:
        return TRANSLATED if language == self.default else self.report.states[(language, item)]

    # A built page, parsed: page('ko/faq/') or page('404.html').
    def page(self, path: str) -> BeautifulSoup:
        if path not in self._pages:
            file = self.dir / path if path.endswith(".html") else self.dir / path / "index.html"
            self._pages[path] = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        return self._pages[path]


def pytest_addoption(parser):
    parser.addoption("--states", default=",".join(STATES),
                     help=f"the repository states site tests run in (default: {','.join(STATES)})")


# Site tests run once per state; `language` (and `other`) run over the languages of each state.
def pytest_generate_tests(metafunc):
    if "site" not in metafunc.fixturenames:
        return
    states = [state for state in metafunc.config.getoption("states").split(",") if state]
    unknown = set(states) - set(STATES)
    if unknown:
        raise pytest.UsageError(f"--states: unknown state {', '.join(sorted(unknown))} "
                                f"(known: {', '.join(STATES)})")
    names = ["site"] + [name for name in ("language", "translation", "other")
                        if name in metafunc.fixturenames and not _parametrized(metafunc, name)]
    cases = []
    for state in states:
        locales = PLANS[state].locales
        if names == ["site"]:
            cases.append((state,))
        elif names == ["site", "language"]:
            cases += [(state, locale) for locale in locales]
        elif names == ["site", "translation"]:
            cases += [(state, locale) for locale in PLANS[state].translated]
        elif names == ["site", "language", "other"]:
            # Each language once as `language` and once as `other`: with the next one.
            cases += [(state, locale, locales[(index + 1) % len(locales)])
                      for index, locale in enumerate(locales)]
        else:
            raise pytest.UsageError(f"{metafunc.function.__name__}: takes {', '.join(names[1:])}; "
                                    "a site test takes `language`, `translation` or `language, other`")
    metafunc.parametrize(names, cases, indirect=["site"],
                         ids=["-".join(case) for case in cases])


@pytest.fixture(scope="session")
def contributors_project(tmp_path_factory) -> Path:
    """The contributors' state of the repository: a Git repository, made once per session."""
    return make_contributors_state(ROOT, tmp_path_factory.mktemp("states") / CONTRIBUTORS)


@pytest.fixture(scope="session")
def _sites(request, tmp_path_factory):
    """Each state's built site, made the first time a test asks for it; servers stop at the end."""
    built: dict[str, Site] = {}

    def get(state: str) -> Site:
        if state not in built:
            root = ROOT if state == REPOSITORY else request.getfixturevalue("contributors_project")
            server = SiteServer(base_path=BASE_PATH)
            site_dir = tmp_path_factory.mktemp(f"site-{state}")
            result = build_site(root, site_dir, server.url)
            output = result.stdout + result.stderr
            assert result.returncode == 0, output
            assert "WARNING" not in output, output
            server.serve(site_dir)
            built[state] = Site(state, root, site_dir, server)
        return built[state]

    yield get
    for site in built.values():
        site.server.stop()


@pytest.fixture
def site(request, _sites) -> Site:
    return _sites(request.param)


@pytest.fixture
def contributors_site(_sites) -> Site:
    """The contributors' state, built: what a scratch copy's pages hold before a test changes it."""
    return _sites(CONTRIBUTORS)


@pytest.fixture
def page(site):
    """Parse a built page: page('ko/faq/') -> BeautifulSoup."""
    return site.page


@pytest.fixture
def site_dir(site) -> Path:
    return site.dir


@pytest.fixture
def site_url(site) -> str:
    return site.url


@pytest.fixture
def server(site) -> SiteServer:
    return site.server


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    """A fresh browser tab; it fails the test on any JavaScript error."""
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, errors


@pytest.fixture(scope="session")
def _search_tabs(browser):
    # One context, so one window, per tab: Chromium throttles the animation frames of a window's
    # tabs in the background, and Material renders results in animation frames.
    contexts: dict[tuple[str, str], object] = {}
    tabs: dict[tuple[str, str], object] = {}
    errors: list[str] = []

    def get(site: Site, language: str):
        key = (site.state, language)
        if key not in tabs:
            contexts[key] = browser.new_context(viewport={"width": 1280, "height": 900})
            tab = contexts[key].new_page()
            tab.on("pageerror", lambda error: errors.append(f"{site.state} {language}: {error}"))
            tab.goto(site.url + site.folder(language))
            tabs[key] = tab
        return tabs[key]

    yield get, errors
    for context in contexts.values():
        context.close()


@pytest.fixture
def search_tab(_search_tabs):
    """search_tab(site, language): a tab on the language's home page, kept open for the tests
    that only type queries into its search box (opening search takes a second, a query a few
    milliseconds). The test fails on any JavaScript error of the tab meanwhile."""
    get, errors = _search_tabs
    before = len(errors)
    yield get
    assert errors[before:] == []


@pytest.fixture
def project_copy(tmp_path, contributors_project):
    """A scratch copy of the project's sources (from the contributors' state), to break or
    extend without touching the real tree."""
    return copy_sources(tmp_path / "project", source=contributors_project)


# Site tests are marked `site`: what a translation can change (`-m site --states repository`
# is the check every pull request gets; scratch tests check the code, in the contributors' state).
def pytest_collection_modifyitems(items):
    for item in items:
        if "site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)


# Whether a test parametrizes an argument itself.
def _parametrized(metafunc, name: str) -> bool:
    return any(name in [arg.strip() for arg in (mark.args[0].split(",") if isinstance(mark.args[0], str)
                                                else mark.args[0])]
               for mark in metafunc.definition.iter_markers("parametrize"))
