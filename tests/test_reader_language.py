"""Readers find their language and know how current a page is: the language suggestion, in a real
browser whose preferred language differs from the page's, and "last updated" in each language."""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timezone
from urllib.parse import urljoin

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup

from conftest import DEFAULT_LANGUAGE, LANGUAGES, build_site
from sitelib.messages import has_message, message
from support.reader_quality import built_pages

BAR = ".language-suggestion"
# How long after the bar shows a late layout shift is still looked for.
LATE_SHIFT_MS = 300


# The text the notice offers a reader of `language`: its own message, or the English one with its name.
def offer(site, language: str) -> str:
    name = site.languages.get(language).name
    if has_message("language_suggestion", language):
        return message("language_suggestion", language, language=name)
    return message("language_suggestion", site.default, language=name)


@pytest.fixture
def reader(browser):
    """A browser tab whose preferred language is given (Playwright's `locale`), with layout shifts recorded."""
    contexts = []

    def open_tab(locale: str, *, javascript: bool = True):
        context = browser.new_context(locale=locale, java_script_enabled=javascript)
        contexts.append(context)
        tab = context.new_page()
        # Shifts of anything but the theme's header, whose language menu settles by a fraction
        # of a pixel on load in every language, with or without the notice.
        tab.add_init_script("""
            window.layoutShift = 0;
            new PerformanceObserver(list => list.getEntries().forEach(entry => {
                const header = entry.sources.every(source =>
                    source.node && source.node.closest && source.node.closest(".md-header"));
                if (!entry.hadRecentInput && !header) window.layoutShift += entry.value;
            })).observe({type: "layout-shift", buffered: true});
        """)
        return tab
    yield open_tab
    for context in contexts:
        context.close()


# `language`: the page shown; `other`: the language the reader's browser prefers.
def test_a_reader_is_offered_the_page_in_their_language(reader, site, language, other):
    shown, preferred = language, other
    tab = reader(preferred)
    tab.goto(site.url + site.folder(shown) + "faq/")
    bar = tab.locator(BAR)
    bar.wait_for()
    # In the reader's language; in English, naming it, until the language has its texts.
    spoken = preferred if has_message("language_suggestion", preferred) else site.default
    assert bar.get_attribute("lang") == spoken
    link = bar.locator("a")
    assert link.inner_text() == offer(site, preferred)
    assert link.get_attribute("href") == urljoin(site.url, site.folder(preferred) + "faq/")
    # Nothing on the page moves because of it: it lies over the page, at the bottom of the window.
    assert bar.evaluate("bar => getComputedStyle(bar).position") == "fixed"
    tab.wait_for_timeout(LATE_SHIFT_MS)
    assert tab.evaluate("window.layoutShift") == 0
    link.click()
    tab.wait_for_url(site.url + site.folder(preferred) + "faq/")
    assert tab.evaluate("document.documentElement.lang") == preferred
    assert tab.locator(BAR).count() == 0  # the page is in the preferred language now


def test_no_offer_for_the_language_shown_or_without_javascript(reader, site, language):
    tab = reader(language)
    tab.goto(site.url + site.folder(language))
    tab.wait_for_load_state("load")
    assert tab.locator(BAR).count() == 0
    other = next(item for item in site.locales if item != language)
    quiet = reader(other, javascript=False)
    quiet.goto(site.url + site.folder(language))
    assert quiet.locator(BAR).count() == 0


def test_a_dismissed_offer_stays_dismissed(reader, site):
    shown, preferred = site.locales[0], site.locales[1]
    tab = reader(preferred)
    tab.goto(site.url + site.folder(shown))
    close = tab.locator(f"{BAR} button")
    expected = (message("language_suggestion_close", preferred)
                if has_message("language_suggestion_close", preferred)
                else message("language_suggestion_close", site.default))
    assert close.get_attribute("aria-label") == expected
    close.click()
    assert tab.locator(BAR).count() == 0
    for path in ("", "faq/"):
        tab.goto(site.url + site.folder(shown) + path)
        tab.wait_for_load_state("load")
        assert tab.locator(BAR).count() == 0, path


# -----------------------------------------------------------------------------
# Last updated
# -----------------------------------------------------------------------------

# The date a built page shows, from its <time> element.
def shown_dates(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(time["datetime"], time.get_text()) for time in soup.select("aside.md-source-file time")]


def test_every_page_says_when_it_was_last_updated_in_its_language(site):
    for path in built_pages(site.dir):
        soup = site.page(path)
        language = soup.html["lang"]
        dates = shown_dates(soup)
        assert dates, path
        label = soup.select_one("aside.md-source-file").get_text(" ", strip=True)
        assert label.startswith(message("last_updated", language)), (path, label)
        for iso, text in dates:
            expected = format_date(date.fromisoformat(iso), format="long", locale=language.replace("-", "_"))
            assert text == expected, path


def test_a_page_is_dated_by_its_last_commit_and_a_translation_by_the_english_change_too(
        project_copy, tmp_path):
    translated = next(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]

    def commit(message_text: str, when: str) -> None:
        env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        subprocess.run([*git, "add", "-A"], cwd=project_copy, check=True, env=env)
        subprocess.run([*git, "commit", "-q", "-m", message_text], cwd=project_copy, check=True, env=env)

    subprocess.run([*git, "init", "-q"], cwd=project_copy, check=True)
    commit("everything", "2025-01-15T12:00:00+00:00")
    english = project_copy / "docs" / DEFAULT_LANGUAGE / "index.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    commit("English changed", "2025-03-02T12:00:00+00:00")

    site = tmp_path / "site"
    result = build_site(project_copy, site, "http://127.0.0.1:9/guide/")
    assert result.returncode == 0, result.stderr
    read = lambda path: BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")  # noqa: E731
    assert shown_dates(read("index.html"))[0][0] == "2025-03-02"
    assert [iso for iso, _ in shown_dates(read(f"{translated}/index.html"))] == ["2025-01-15", "2025-03-02"]
    english_note = read(f"{translated}/index.html").select_one(".md-source-file__english").get_text()
    assert message("english_updated", translated) in english_note
    assert [iso for iso, _ in shown_dates(read(f"{translated}/faq/index.html"))] == ["2025-01-15"]


def test_without_history_pages_are_dated_by_the_build_and_the_build_passes(project_copy, tmp_path):
    site = tmp_path / "site"
    result = build_site(project_copy, site, "http://127.0.0.1:9/guide/")  # not a Git repository
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    today = datetime.now(tz=timezone.utc).date().isoformat()
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert shown_dates(soup)[0][0] == today
    assert "no Git history" in result.stderr
