"""Out of date per section: an English edit to one section marks that section, and only that one, in
every translation, for readers (the notice, a mark beside the heading) and for translators
(status, diff and sync per section). In scratch repositories with real Git history."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES, build_site
from sitelib.sections import parse_page
from support.i18n_project import (
    commit_all, record_all_as_current, run_i18n, status_lines, with_translation_tools,
)
from support.pages import heading_mark, heading_words

SITE_URL = "http://127.0.0.1:8000/spectrum-retention-guide/"
ADDED = "This sentence was added to the English text."
NEW_ANCHOR = "a-section-added-in-english"


def guide(project, language):
    return project / "docs" / language / "index.md"


def anchored_sections(project, language):
    text = guide(project, language).read_text(encoding="utf-8")
    return [section for section in parse_page(text).sections if section.anchor and section.blocks]


def built_page(site, language, path=""):
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return BeautifulSoup((site / prefix / path / "index.html").read_text(encoding="utf-8"), "lxml")


def marks(soup):
    return {heading["id"]: heading_mark(heading) for heading in soup.select("article h1[id], article h2[id]")
            if heading_mark(heading)}


def translated(project):
    """The translated languages whose guide is a translation (not a copy marked untranslated)."""
    return [language for language in TRANSLATED_LANGUAGES if guide(project, language).is_file()
            and "untranslated: true" not in guide(project, language).read_text(encoding="utf-8")]


@pytest.fixture(scope="module")
def edited(tmp_path_factory, contributors_project):
    """A repository whose translations are current, then an English commit that adds a sentence
    to one section and a new section at the end; built once for the module."""
    from support.projects import copy_sources

    tmp_path = tmp_path_factory.mktemp("edited")
    project = with_translation_tools(copy_sources(tmp_path / "project", source=contributors_project))
    record_all_as_current(project)
    commit_all(project, "Translations current")
    section = anchored_sections(project, DEFAULT_LANGUAGE)[2]
    english = guide(project, DEFAULT_LANGUAGE)
    lines = english.read_text(encoding="utf-8").split("\n")
    last = section.blocks[0]
    lines[last.line - 1 + len(last.lines) - 1] += " " + ADDED
    lines += ["", f"## A section added in English {{ #{NEW_ANCHOR} }}", "", "It says something new.", ""]
    english.write_text("\n".join(lines), encoding="utf-8")
    commit_all(project, "English: one section edited, one added")
    site = tmp_path / "site"
    result = build_site(project, site, SITE_URL)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    return project, site, section.anchor


def test_an_english_edit_marks_exactly_that_section_in_every_translation(edited):
    project, site, anchor = edited
    languages = translated(project)
    assert languages
    for language in languages:
        soup = built_page(site, language)
        assert marks(soup) == {anchor: "outdated", NEW_ANCHOR: "untranslated"}, language
        mark = soup.select_one(f"h2#{anchor} .section-state")
        assert mark.get_text(strip=True) and mark.has_attr("data-search-exclude")
        notice = soup.select_one("article .admonition.outdated")
        links = [link["href"] for link in notice.select("a")]
        assert links == [f"{SITE_URL}#{anchor}", f"#{NEW_ANCHOR}"], (language, links)
        # The notice names the changed section as the page does, in the reader's language.
        own_title = heading_words(soup.select_one(f"h2#{anchor}"))
        assert notice.select("a")[0].get_text(strip=True) == own_title


def test_a_section_added_in_english_shows_in_english_as_not_yet_translated(edited):
    project, site, _ = edited
    for language in translated(project):
        soup = built_page(site, language)
        heading = soup.select_one(f"h2#{NEW_ANCHOR}")
        assert heading.find_parent(attrs={"lang": DEFAULT_LANGUAGE}) is not None, language
        assert "It says something new." in heading.find_parent(attrs={"lang": DEFAULT_LANGUAGE}).get_text()
        ids = [h2["id"] for h2 in soup.select("article h2[id]")]
        english_ids = [h2["id"] for h2 in built_page(site, DEFAULT_LANGUAGE).select("article h2[id]")]
        assert ids == english_ids, language
    assert not marks(built_page(site, DEFAULT_LANGUAGE))


def test_status_and_diff_name_the_section(edited):
    project, _, anchor = edited
    language = translated(project)[0]
    status = run_i18n(project, "status", language)
    assert status.returncode == 0, status.stderr
    assert re.search(rf"^\s+changed\s+#{anchor}\s+what changed: \S+ scripts/i18n.py diff {language} "
                     rf"index.md#{anchor}$", status.stdout, re.MULTILINE), status.stdout
    assert re.search(rf"^\s+not translated\s+#{NEW_ANCHOR}$", status.stdout, re.MULTILINE), status.stdout
    other = [section.anchor for section in anchored_sections(project, DEFAULT_LANGUAGE)
             if section.anchor not in (anchor, NEW_ANCHOR)]
    assert not any(f"#{name} " in status.stdout or status.stdout.rstrip().endswith(f"#{name}")
                   for name in other), status.stdout
    diff = run_i18n(project, "diff", language, f"index.md#{anchor}")
    assert diff.returncode == 0, diff.stderr
    added = [line for line in diff.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(added) == 1 and added[0].endswith(ADDED), diff.stdout


@pytest.fixture
def editable(edited, tmp_path):
    """A copy of the edited repository (its history too), for a test to change."""
    project, site, anchor = edited
    copy = tmp_path / "repository"
    shutil.copytree(project, copy, symlinks=True)
    return copy, site, anchor


def test_syncing_a_section_clears_exactly_its_mark(editable, tmp_path):
    project, _, anchor = editable
    language = translated(project)[0]
    page = guide(project, language)
    text = page.read_text(encoding="utf-8")
    section = next(section for section in parse_page(text).sections if section.anchor == anchor)
    lines = text.split("\n")
    lines[section.blocks[0].line - 1] += " " + lines[section.blocks[0].line - 1].split()[-1]
    page.write_text("\n".join(lines), encoding="utf-8")  # the translator's update of the section
    synced = run_i18n(project, "sync", language, f"index.md#{anchor}")
    assert synced.returncode == 0, synced.stderr
    assert status_lines(run_i18n(project, "status", language).stdout)[(language, "index.md")] == "outdated"
    site = tmp_path / "after-sync"
    assert build_site(project, site, SITE_URL).returncode == 0
    assert marks(built_page(site, language)) == {NEW_ANCHOR: "untranslated"}
    for other in translated(project):
        if other != language:
            assert anchor in marks(built_page(site, other)), other


def test_a_page_is_current_again_when_its_last_section_is_synced(editable):
    project, _, anchor = editable
    language = translated(project)[0]
    english = guide(project, DEFAULT_LANGUAGE)
    english.write_text(english.read_text(encoding="utf-8").split("\n## A section added")[0] + "\n",
                       encoding="utf-8")  # the new section is withdrawn: one changed section is left
    page = guide(project, language)
    text = page.read_text(encoding="utf-8")
    section = next(section for section in parse_page(text).sections if section.anchor == anchor)
    lines = text.split("\n")
    lines[section.blocks[0].line - 1] += " " + lines[section.blocks[0].line - 1].split()[-1]
    page.write_text("\n".join(lines), encoding="utf-8")
    assert run_i18n(project, "sync", language, f"index.md#{anchor}").returncode == 0
    front_matter = page.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    assert "synced_sections" not in front_matter and "source_hash" in front_matter
    assert status_lines(run_i18n(project, "status", language).stdout)[(language, "index.md")] == "translated"


@pytest.mark.parametrize("how", ["no-history", "shallow-clone"])
def test_without_the_history_a_page_falls_back_to_the_whole_page_notice(edited, tmp_path, how):
    project, _, anchor = edited
    if how == "no-history":
        copy = tmp_path / "copy"
        subprocess.run(["cp", "-r", str(project), str(copy)], check=True)
        subprocess.run(["rm", "-rf", str(copy / ".git")], check=True)
    else:
        copy = tmp_path / "shallow"
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(copy)], check=True)
    site = tmp_path / f"site-{how}"
    result = build_site(copy, site, SITE_URL)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    infos = [line for line in result.stderr.splitlines() if "translations:" in line]
    assert len(infos) == 1 and infos[0].startswith("INFO"), result.stderr
    for language in translated(project):
        soup = built_page(site, language)
        notice = soup.select_one("article .admonition.outdated")
        assert [link["href"] for link in notice.select("a")] == [SITE_URL], language
        assert not marks(soup), language
