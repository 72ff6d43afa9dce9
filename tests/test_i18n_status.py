"""Translation status: translated, missing or outdated, per language, page and FAQ entry, from the
repository alone; `scripts/i18n.py status` and the site's status page say the same."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import DEFAULT_LANGUAGE, ROOT, TRANSLATED_LANGUAGES, build_site
from sitelib.languages import load_site_languages
from sitelib.translation_status import FAQ_FILE, page_hash, translation_report
from sitelib.sync_translation import sync_faq_text, sync_page_text
from support.i18n_project import run_i18n, status_lines, with_translation_tools



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


def test_status_command_lists_every_page_and_entry_in_every_language(site):
    result = run_i18n(site.root, "status")
    assert result.returncode == 0, result.stderr
    states = status_lines(result.stdout)
    assert states == expected_states(site.root)
    english = site.root / "docs" / site.default
    english_pages = {path.relative_to(english).as_posix() for path in english.rglob("*.md")}
    entries = {f"{FAQ_FILE}#{entry['id']}"
               for entry in yaml.safe_load((site.root / FAQ_FILE).read_text(encoding="utf-8"))}
    assert {item for _, item in states} == english_pages | entries
    assert {locale for locale, _ in states} == set(site.translated)


def test_status_page_shows_the_state_of_everything(site, language):
    soup = site.page(site.folder(language) + "status/")
    assert page_states(soup) == expected_states(site.root)
    summary = soup.select_one("#summary").find_next("table")
    report = report_for(site.root)
    for row, translated in zip(summary.select("tbody tr"), report.languages):
        counts = [int(cell.get_text()) for cell in row.select("td")[1:]]
        assert counts == [report.count(translated.locale, state)
                          for state in ("translated", "outdated", "missing")]


def test_status_page_is_in_the_navigation_after_the_faq(site, language):
    soup = site.page(site.folder(language))
    links = [link["href"] for link in soup.select(".md-nav--primary > .md-nav__list > .md-nav__item > a")]
    assert links[-2:] == ["faq/", "status/"], links


def test_changing_english_text_makes_translations_outdated(project_copy, tmp_path):
    # Whatever state the repository is in: an English edit turns each translated copy of what
    # changed into "outdated", leaves "missing" and everything else as it was.
    project = with_translation_tools(project_copy)
    before = expected_states(project)
    guide = project / "docs" / DEFAULT_LANGUAGE / "index.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nOne more English paragraph.\n",
                     encoding="utf-8")
    entries = yaml.safe_load((project / FAQ_FILE).read_text(encoding="utf-8"))
    changed_entry = entries[0]["id"]
    entries[0][DEFAULT_LANGUAGE]["answer"] += "\nOne more English sentence.\n"
    missing_entry = entries[-1]["id"]
    language = TRANSLATED_LANGUAGES[0]
    entries[-1].pop(language, None)
    (project / "docs" / language / "faq.md").unlink(missing_ok=True)
    (project / FAQ_FILE).write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")

    states = status_lines(run_i18n(project, "status").stdout)
    assert states == expected_states(project)
    changed = {"index.md", f"{FAQ_FILE}#{changed_entry}"}
    for (locale, item), old in before.items():
        if (locale, item) in ((language, "faq.md"), (language, f"{FAQ_FILE}#{missing_entry}")):
            assert states[(locale, item)] == "missing"
        elif item in changed:
            assert states[(locale, item)] == ("missing" if old == "missing" else "outdated")
        else:
            assert states[(locale, item)] == old, (locale, item)

    site = tmp_path / "site"
    result = build_site(project, site, "http://127.0.0.1:8000/spectrum-retention-guide/")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    built = BeautifulSoup((site / language / "status/index.html").read_text(encoding="utf-8"), "lxml")
    assert page_states(built) == states

    # sync, after a translator has brought the page up to date, changes the hash line only.
    page = project / "docs" / language / "index.md"
    if states[(language, "index.md")] == "outdated":
        before_sync = page.read_text(encoding="utf-8").splitlines()
        synced = run_i18n(project, "sync", language, "index.md")
        assert synced.returncode == 0, synced.stderr
        after = page.read_text(encoding="utf-8").splitlines()
        changes = [(old, new) for old, new in zip(before_sync, after) if old != new]
        assert len(before_sync) == len(after) and len(changes) == 1
        assert changes[0][1].startswith("source_hash:")
        assert status_lines(run_i18n(project, "status", language).stdout)[(language, "index.md")] == "translated"


def test_sync_refuses_a_page_or_answer_that_is_still_the_english_text(project_copy):
    project = with_translation_tools(project_copy)
    language = TRANSLATED_LANGUAGES[0]
    english = (project / "docs" / DEFAULT_LANGUAGE / "index.md").read_text(encoding="utf-8")
    (project / "docs" / language / "index.md").write_text(english, encoding="utf-8")
    result = run_i18n(project, "sync", language, "index.md")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"error: docs/{language}/index.md: still the English text; translate it, then run sync")
    entries = yaml.safe_load((project / FAQ_FILE).read_text(encoding="utf-8"))
    entries[0][language] = dict(entries[0][DEFAULT_LANGUAGE])
    (project / FAQ_FILE).write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    result = run_i18n(project, "sync", language, f"{FAQ_FILE}#{entries[0]['id']}")
    assert result.returncode == 1 and "still the English text" in result.stderr


def test_line_endings_and_trailing_spaces_do_not_count_as_changes():
    english = (ROOT / "docs" / DEFAULT_LANGUAGE / "index.md").read_text(encoding="utf-8")
    reformatted = english.replace("\n", "  \r\n")
    assert page_hash(reformatted) == page_hash(english)
    last_line = english.rstrip().splitlines()[-1]
    assert page_hash(english.replace(last_line, last_line + " More.")) != page_hash(english)
    assert page_hash(english.replace("title: ", "title: The ", 1)) != page_hash(english)


FAQ_TEXT = """\
# a comment that must stay
- id: first
  en:
    question: First?
    answer: |
      Yes.
  xx:
    source: "111111111111"   # a comment after the hash
    question: Fyrst?
    answer: Ja.
- id: second
  en: {question: "Second?", answer: No.}
  xx:
    question: Andet?
    answer: |
      Nej.
"""


def test_sync_changes_only_the_hash_line_of_the_faq_file():
    updated = sync_faq_text(FAQ_TEXT, FAQ_FILE, "first", "xx", "0123456789ab")
    changed = [(old, new) for old, new in zip(FAQ_TEXT.splitlines(), updated.splitlines()) if old != new]
    assert len(updated.splitlines()) == len(FAQ_TEXT.splitlines())
    assert changed == [('    source: "111111111111"   # a comment after the hash',
                        '    source: "0123456789ab"   # a comment after the hash')]
    inserted = sync_faq_text(FAQ_TEXT, FAQ_FILE, "second", "xx", "aaaaaaaaaaaa")
    assert inserted.startswith("# a comment that must stay\n")
    assert len(inserted.splitlines()) == len(FAQ_TEXT.splitlines()) + 1
    entries = {entry["id"]: entry for entry in yaml.safe_load(inserted)}
    assert entries["second"]["xx"]["source"] == "aaaaaaaaaaaa"
    assert entries["first"]["xx"]["source"] == "111111111111"


def test_sync_of_a_page_keeps_its_front_matter_and_drops_the_untranslated_marker():
    page = '---\ntitle: "Titel: eins"\nuntranslated: true\ndescription: x\n---\n\n# Titel\n'
    assert sync_page_text(page, "abc123abc123") == (
        '---\ntitle: "Titel: eins"\ndescription: x\nsource_hash: "abc123abc123"\n---\n\n# Titel\n'
    )
    assert sync_page_text("# Bare\n", "abc123abc123") == '---\nsource_hash: "abc123abc123"\n---\n\n# Bare\n'


@pytest.mark.parametrize(
    "args, message",
    [
        (["sync", "xx", "index.md"],
         f"error: 'xx' is not a translated language in mkdocs.yml (known: {', '.join(TRANSLATED_LANGUAGES)})"),
        (["sync", DEFAULT_LANGUAGE, "index.md"],
         f"error: '{DEFAULT_LANGUAGE}' is not a translated language in mkdocs.yml "
         f"(known: {', '.join(TRANSLATED_LANGUAGES)})"),
        (["sync", TRANSLATED_LANGUAGES[0], "nothing.md"], "error: nothing.md: no such English page or FAQ entry"),
        (["sync", TRANSLATED_LANGUAGES[0], f"{FAQ_FILE}#no-such-entry"],
         f"error: {FAQ_FILE}#no-such-entry: no such English page"),
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
    language = TRANSLATED_LANGUAGES[-1]
    (project / "docs" / language / "faq.md").unlink(missing_ok=True)
    result = run_i18n(project, "sync", language, f"docs/{language}/faq.md")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"error: docs/{language}/faq.md: no such file; translate the English page into it first"
    )


def test_an_outdated_page_links_to_its_english_text_and_diff_shows_the_change(site, translation):
    language = translation
    for item in site.report.items:
        if item.kind != "page" or site.state_of(language, item.name) != "outdated":
            continue
        path = site.folder(language) + ("" if item.key == "index.md" else item.key[:-3] + "/")
        notice = site.page(path).select_one("article .admonition.outdated")
        assert notice is not None, path
        english = site.url + ("" if item.key == "index.md" else item.key[:-3] + "/")
        assert english in [link["href"].split("#")[0] for link in notice.select("a")], path
        changes = run_i18n(site.root, "diff", language, item.key)
        assert changes.returncode == 0, changes.stderr
        assert any(line.startswith("+") and not line.startswith("+++")
                   for line in changes.stdout.splitlines()), (path, changes.stdout)
