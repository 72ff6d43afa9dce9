"""Translation status: translated, missing or outdated, per language, page and FAQ entry, from the
repository alone; `scripts/i18n.py status` and the site's status page say the same."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT, build_site, lang_prefix
from sitelib.languages import load_site_languages
from sitelib.translation_status import FAQ_FILE, page_hash, translation_report
from sitelib.sync_translation import sync_faq_text, sync_page_text
from support.i18n_project import replace_once, run_i18n, status_lines, with_translation_tools

TRANSLATED_LANGUAGES = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]


def report_for(project):
    return translation_report(
        project / "docs", project / FAQ_FILE, load_site_languages(project / "mkdocs.yml")
    )


def expected_states(project) -> dict[tuple[str, str], str]:
    report = report_for(project)
    return {
        (language.locale, item.name): report.state(language.locale, item)
        for language in report.languages for item in report.items
    }


def page_states(soup: BeautifulSoup) -> dict[tuple[str, str], str]:
    """Read the status page's two tables as {(locale, item name): state}."""
    locales = {}
    summary = soup.select_one("#summary").find_next("table")
    for row in summary.select("tbody tr"):
        name, code = row.select_one("td").get_text(" ", strip=True), row.select_one("td code").get_text()
        locales[name.replace(f"( {code} )", "").replace(f"({code})", "").strip()] = code
    states = {}
    for anchor, prefix in (("pages", ""), ("faq-entries", f"{FAQ_FILE}#")):
        table = soup.select_one(f"#{anchor}").find_next("table")
        headers = [cell.get_text(strip=True) for cell in table.select("thead th")]
        for row in table.select("tbody tr"):
            cells = row.select("td")
            item = prefix + cells[0].get_text(strip=True)
            for header, cell in zip(headers[1:], cells[1:]):
                states[(locales[header], item)] = cell.select_one(".translation-state")["data-state"]
    return states


def test_status_command_lists_every_page_and_entry_in_every_language():
    result = run_i18n(ROOT, "status")
    assert result.returncode == 0, result.stderr
    states = status_lines(result.stdout)
    assert states == expected_states(ROOT)
    english_pages = {path.relative_to(ROOT / "docs" / DEFAULT_LANGUAGE).as_posix()
                     for path in (ROOT / "docs" / DEFAULT_LANGUAGE).rglob("*.md")}
    entries = {f"{FAQ_FILE}#{entry['id']}" for entry in yaml.safe_load((ROOT / FAQ_FILE).read_text())}
    assert {item for _, item in states} == english_pages | entries
    assert {locale for locale, _ in states} == set(TRANSLATED_LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_page_shows_the_state_of_everything(page, language):
    soup = page(lang_prefix(language) + "status/")
    assert page_states(soup) == expected_states(ROOT)
    summary = soup.select_one("#summary").find_next("table")
    report = report_for(ROOT)
    for row, translated in zip(summary.select("tbody tr"), report.languages):
        counts = [int(cell.get_text()) for cell in row.select("td")[1:]]
        assert counts == [report.count(translated.locale, state)
                          for state in ("translated", "outdated", "missing")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_page_is_in_the_navigation_after_the_faq(page, language):
    soup = page(lang_prefix(language))
    links = [link["href"] for link in soup.select(".md-nav--primary > .md-nav__list > .md-nav__item > a")]
    assert links[-2:] == ["faq/", "status/"], links


def test_changing_english_text_makes_translations_outdated(project_copy, tmp_path):
    project = with_translation_tools(project_copy)
    assert set(expected_states(project).values()) == {"translated"}, "the repository starts in sync"
    replace_once(project / "docs/en/index.md", "My brother, who lives across town,",
                 "My younger brother, who lives across town,")
    replace_once(project / FAQ_FILE, "Spectrum allows you to sign up as a new customer 30 days",
                 "Spectrum lets you sign up as a new customer 30 days")
    (project / "docs/da/faq.md").unlink()
    entries = yaml.safe_load((project / FAQ_FILE).read_text(encoding="utf-8"))
    del next(entry for entry in entries if entry["id"] == "refund")["ko"]
    (project / FAQ_FILE).write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")

    states = status_lines(run_i18n(project, "status").stdout)
    for language in TRANSLATED_LANGUAGES:
        assert states[(language, "index.md")] == "outdated"
        assert states[(language, f"{FAQ_FILE}#new-customer-wait")] == "outdated"
        assert states[(language, f"{FAQ_FILE}#cancellation-fee")] == "translated"
    assert states[("da", "faq.md")] == "missing"
    assert states[("ko", "faq.md")] == "translated"
    assert states[("ko", f"{FAQ_FILE}#refund")] == "missing"
    assert states[("da", f"{FAQ_FILE}#refund")] == "translated"

    site = tmp_path / "site"
    result = build_site(project, site, "http://127.0.0.1:8000/spectrum-retention-guide/")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    built = BeautifulSoup((site / "ko/status/index.html").read_text(encoding="utf-8"), "lxml")
    assert page_states(built) == states

    before = (project / "docs/ko/index.md").read_text(encoding="utf-8").splitlines()
    synced = run_i18n(project, "sync", "ko", "index.md")
    assert synced.returncode == 0, synced.stderr
    after = (project / "docs/ko/index.md").read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after) if old != new]
    assert len(before) == len(after) and len(changed) == 1 and changed[0][1].startswith("source_hash:")
    run_i18n(project, "sync", "da", f"{FAQ_FILE}#new-customer-wait")
    states = status_lines(run_i18n(project, "status").stdout)
    assert states[("ko", "index.md")] == "translated"
    assert states[("da", "index.md")] == "outdated"
    assert states[("da", f"{FAQ_FILE}#new-customer-wait")] == "translated"
    assert states[("ko", f"{FAQ_FILE}#new-customer-wait")] == "outdated"


def test_line_endings_and_trailing_spaces_do_not_count_as_changes():
    english = (ROOT / "docs/en/index.md").read_text(encoding="utf-8")
    reformatted = english.replace("\n", "  \r\n")
    assert page_hash(reformatted) == page_hash(english)
    assert page_hash(english.replace("My brother", "My sister")) != page_hash(english)
    assert page_hash(english.replace('title: "Spectrum', 'title: "The Spectrum')) != page_hash(english)


def test_sync_changes_only_the_hash_line_of_the_faq_file():
    text = (ROOT / FAQ_FILE).read_text(encoding="utf-8")
    updated = sync_faq_text(text, FAQ_FILE, "refund", "da", "0123456789ab")
    changed = [(old, new) for old, new in zip(text.splitlines(), updated.splitlines()) if old != new]
    assert len(updated.splitlines()) == len(text.splitlines())
    assert len(changed) == 1 and changed[0][1].strip() == 'source: "0123456789ab"'
    refund = next(entry for entry in yaml.safe_load(updated) if entry["id"] == "refund")
    assert refund["da"]["source"] == "0123456789ab"

    without = yaml.safe_load(text)
    for entry in without:
        for block in entry.values():
            if isinstance(block, dict):
                block.pop("source", None)
    bare = "# a comment that must stay\n" + yaml.safe_dump(without, allow_unicode=True, sort_keys=False)
    inserted = sync_faq_text(bare, FAQ_FILE, "refund", "ko", "aaaaaaaaaaaa")
    assert inserted.startswith("# a comment that must stay\n")
    assert len(inserted.splitlines()) == len(bare.splitlines()) + 1
    refund = next(entry for entry in yaml.safe_load(inserted) if entry["id"] == "refund")
    assert refund["ko"]["source"] == "aaaaaaaaaaaa" and refund["da"].get("source") is None


def test_sync_of_a_page_keeps_its_front_matter_and_drops_the_untranslated_marker():
    page = '---\ntitle: "Titel: eins"\nuntranslated: true\ndescription: x\n---\n\n# Titel\n'
    assert sync_page_text(page, "abc123abc123") == (
        '---\ntitle: "Titel: eins"\ndescription: x\nsource_hash: "abc123abc123"\n---\n\n# Titel\n'
    )
    assert sync_page_text("# Bare\n", "abc123abc123") == '---\nsource_hash: "abc123abc123"\n---\n\n# Bare\n'


@pytest.mark.parametrize(
    "args, message",
    [
        (["sync", "xx", "index.md"], "error: 'xx' is not a translated language in mkdocs.yml (known: ko, da)"),
        (["sync", "en", "index.md"], "error: 'en' is not a translated language in mkdocs.yml (known: ko, da)"),
        (["sync", "ko", "nothing.md"], "error: nothing.md: no such English page or FAQ entry"),
        (["sync", "ko", f"{FAQ_FILE}#no-such-entry"], f"error: {FAQ_FILE}#no-such-entry: no such English page"),
        (["status", "xx"], "error: mkdocs.yml: no translated language 'xx'"),
    ],
)
def test_bad_commands_get_one_clear_line(project_copy, args, message):
    project = with_translation_tools(project_copy)
    before = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    result = run_i18n(project, *args)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith(message), result.stderr
    assert {path: path.read_bytes() for path in project.rglob("*") if path.is_file()} == before


def test_sync_of_a_missing_translation_names_the_file(project_copy):
    project = with_translation_tools(project_copy)
    (project / "docs/da/faq.md").unlink()
    result = run_i18n(project, "sync", "da", "docs/da/faq.md")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: docs/da/faq.md: no such file; translate the English page into it first"
    )
