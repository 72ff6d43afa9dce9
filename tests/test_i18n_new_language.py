"""`scripts/i18n.py new-language`: one command adds a language, and the strict build passes."""

from __future__ import annotations

import difflib

import pytest
from bs4 import BeautifulSoup

from conftest import DEFAULT_LANGUAGE, LANGUAGES, build_site, unused_locale
from sitelib.messages import has_message, message
from sitelib.languages import load_site_languages
from support.i18n_project import run_i18n, status_lines, with_translation_tools
from support.pages import english_after

SITE_URL = "http://127.0.0.1:8000/spectrum-retention-guide/"
NEW = unused_locale()
NAME = f"Language {NEW}"


@pytest.fixture
def german(project_copy, tmp_path):
    """A scratch project after `new-language NEW "Name"`, built strictly."""
    project = with_translation_tools(project_copy)
    config_before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_i18n(project, "new-language", NEW, NAME)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    build = build_site(project, site, SITE_URL)
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stdout + build.stderr, build.stderr
    return project, config_before, site


def test_mkdocs_yml_gains_the_language_and_keeps_everything_else(german):
    project, before, _ = german
    after = (project / "mkdocs.yml").read_text(encoding="utf-8")
    old_lines, new_lines = before.splitlines(), after.splitlines()
    changes = [op for op in difflib.SequenceMatcher(a=old_lines, b=new_lines).get_opcodes() if op[0] != "equal"]
    assert len(changes) == 1 and changes[0][0] == "insert", changes  # comments, order, layout kept
    added = new_lines[changes[0][3]:changes[0][4]]
    assert [line.strip() for line in added] == [f"- locale: {NEW}", f"name: {NAME}", "build: true"]
    first_item = next(line for line in old_lines if line.strip() == f"- locale: {LANGUAGES[0]}")
    assert added[0].index("-") == first_item.index("-")
    languages = load_site_languages(project / "mkdocs.yml").languages
    assert [language.locale for language in languages][-1] == NEW
    assert languages[-1].name == NAME


def test_every_english_page_is_copied_and_marked_untranslated(german):
    project, _, _ = german
    english = sorted(path.relative_to(project / "docs" / DEFAULT_LANGUAGE)
                     for path in (project / "docs" / DEFAULT_LANGUAGE).rglob("*.md"))
    german_pages = sorted(path.relative_to(project / "docs" / NEW)
                          for path in (project / "docs" / NEW).rglob("*.md"))
    assert german_pages == english
    for page in german_pages:
        text = (project / "docs" / NEW / page).read_text(encoding="utf-8")
        assert "\nuntranslated: true\n" in text.split("\n---", 1)[0] + "\n"
        assert text.replace("untranslated: true\n", "") == (
            project / "docs" / DEFAULT_LANGUAGE / page).read_text(encoding="utf-8")
    states = status_lines(run_i18n(project, "status", NEW).stdout)
    assert states and set(states.values()) == {"missing"}
    owners = [line.split() for line in (project / ".github/CODEOWNERS").read_text().splitlines()]
    team = f"@OWNER/translators-{NEW}"
    assert [f"/docs/{NEW}/", team] in owners
    for line in owners:  # the shared data files that hold every language's texts
        if line and line[0].startswith("/data/") and any("/translators-" in owner for owner in line):
            assert team in line, line


def test_german_pages_show_english_text_with_a_notice(german):
    project, _, site = german
    assert not has_message("untranslated_page", NEW), "this test expects the notice to fall back"
    for path in (f"{NEW}/index.html", f"{NEW}/faq/index.html", f"{NEW}/status/index.html"):
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")
        assert soup.html["lang"] == NEW
        notice = soup.select_one("article .admonition.untranslated")
        assert notice is not None, path
        assert message("untranslated_page", NEW, language=NAME) in notice.get_text()
        assert len(soup.select("article .admonition")) == len(
            BeautifulSoup((site / path.replace(f"{NEW}/", "", 1)).read_text(encoding="utf-8"), "lxml")
            .select("article .admonition")) + 1  # one notice, however many FAQ answers
        assert english_after(notice)["lang"] == "en"
        guide = notice.select_one("a")["href"]
        assert guide.endswith("/blob/main/CONTRIBUTING.md#translate-a-page")
    switcher = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert NEW in [link.get("hreflang") for link in switcher.select(".md-select a")]


@pytest.mark.parametrize(
    "locale, message",
    [
        (LANGUAGES[-1], f"error: mkdocs.yml: language '{LANGUAGES[-1]}' is already configured"),
        ("german", "error: 'german' is not a language code: use ISO 639-1, such as 'de' or 'pt-BR'"),
        ("zz", "error: 'zz': Material for MkDocs has no interface texts for this language"),
    ],
)
def test_a_bad_locale_changes_nothing(project_copy, locale, message):
    project = with_translation_tools(project_copy)
    before = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    result = run_i18n(project, "new-language", locale, "Name")
    assert result.returncode == 1
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1
    assert {path: path.read_bytes() for path in project.rglob("*") if path.is_file()} == before
