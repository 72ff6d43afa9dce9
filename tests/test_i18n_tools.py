"""The translators' `check` (structure against the English) and `diff` (what changed in the English
text since a translation), on the repository and on states made in scratch copies."""

from __future__ import annotations

import subprocess

import yaml

from conftest import DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES
from sitelib.languages import load_site_languages
from sitelib.sync_translation import sync_page_text
from sitelib.translation_status import MISSING, page_hash, translation_report
from support.cpu_time import children_cpu_seconds
from support.i18n_project import run_i18n, status_lines, with_translation_tools

FAQ_FILE = "data/faq.yml"
LANGUAGE = TRANSLATED_LANGUAGES[0]


def translated_guide(project):
    """The language's guide in a scratch copy, made a current translation: the English text where
    it has none, recorded as made from the English text as it is now."""
    guide = project / "docs" / LANGUAGE / "index.md"
    english = (project / "docs" / DEFAULT_LANGUAGE / "index.md").read_text("utf-8")
    report = translation_report(project / "docs", project / FAQ_FILE,
                                load_site_languages(project / "mkdocs.yml"))
    if report.states[(LANGUAGE, "index.md")] == MISSING:
        guide.parent.mkdir(parents=True, exist_ok=True)
        guide.write_text(english, "utf-8")
    guide.write_text(sync_page_text(guide.read_text("utf-8"), page_hash(english)), "utf-8")
    return guide


def line_number(path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def git(project, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Translator", "-c", "user.email=translator@example.org",
                    *args], cwd=project, check=True, capture_output=True)


def test_the_repository_passes_the_check_quickly(site):
    started = children_cpu_seconds()
    result = run_i18n(site.root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert children_cpu_seconds() - started < 5


def test_check_names_each_structural_difference_with_file_and_line(project_copy):
    project = with_translation_tools(project_copy)
    english = project / "docs" / DEFAULT_LANGUAGE / "index.md"
    guide = translated_guide(project)
    text = guide.read_text(encoding="utf-8")
    anchor_line = next(line for line in text.splitlines() if line.startswith("## ") and "{ #" in line)
    anchor = anchor_line.split("{ #")[1].split()[0].rstrip("}")
    admonition_line = next(line for line in text.splitlines() if line.startswith("!!! "))
    kind = admonition_line.split()[1]
    text = text.replace(anchor_line, anchor_line.replace(f"#{anchor}", "#renamed"), 1)
    text = text.replace(admonition_line, admonition_line.replace(f"!!! {kind}", "!!! danger", 1), 1)
    guide.write_text(text, encoding="utf-8")

    result = run_i18n(project, "check", LANGUAGE)
    assert result.returncode == 1
    name, english_name = f"docs/{LANGUAGE}/index.md", f"docs/{DEFAULT_LANGUAGE}/index.md"
    lines = result.stdout.splitlines()
    assert (f"{name}:{line_number(guide, '#renamed')}: heading anchor #renamed, expected #{anchor} "
            f"as in {english_name}:{line_number(english, '#' + anchor + ' ')}") in lines
    assert any(line.startswith(f"{name}:{line_number(guide, '!!! danger')}: section #")
               and "danger admonition" in line and "expected" in line and f"{kind} admonition" in line
               and f"as in {english_name}:" in line for line in lines), lines
    assert all(line.startswith(f"{name}:") for line in lines), lines


def test_check_names_a_missing_link_target(project_copy):
    project = with_translation_tools(project_copy)
    guide = translated_guide(project)
    if "](" not in guide.read_text(encoding="utf-8"):  # a guide without links: both gain one
        for page in (guide, project / "docs" / DEFAULT_LANGUAGE / "index.md"):
            page.write_text(page.read_text(encoding="utf-8") + "\n[FAQ](faq.md)\n", encoding="utf-8")
        guide = translated_guide(project)
    text = guide.read_text(encoding="utf-8")
    target = text.split("](", 1)[1].split(")", 1)[0]
    guide.write_text(text.replace(f"]({target})", "](elsewhere.md)", 1), encoding="utf-8")
    result = run_i18n(project, "check", LANGUAGE)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(f"no link to {target}" in line and f"which the English text has (docs/{DEFAULT_LANGUAGE}/index.md:"
               in line for line in lines), result.stdout
    assert any("link to elsewhere.md" in line and "which the English text does not have" in line
               for line in lines), result.stdout


def test_diff_shows_the_english_change_since_the_translation(project_copy):
    project = with_translation_tools(project_copy)
    language = TRANSLATED_LANGUAGES[0]
    entries = yaml.safe_load((project / FAQ_FILE).read_text(encoding="utf-8"))
    entry = entries[0]
    entry.setdefault(language, {"question": "Q?", "answer": "A."})
    (project / FAQ_FILE).write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "translated")
    run_i18n(project, "sync", language, f"{FAQ_FILE}#{entry['id']}")
    git(project, "commit", "-q", "-am", "synced")

    assert "up to date" in run_i18n(project, "diff", language, f"{FAQ_FILE}#{entry['id']}").stdout
    old_answer = entry[DEFAULT_LANGUAGE]["answer"].strip().splitlines()[-1]
    entries = yaml.safe_load((project / FAQ_FILE).read_text(encoding="utf-8"))
    entries[0][DEFAULT_LANGUAGE]["answer"] = entries[0][DEFAULT_LANGUAGE]["answer"].strip() + " Changed."
    (project / FAQ_FILE).write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    git(project, "commit", "-q", "-am", "English changed")

    status = status_lines(run_i18n(project, "status", language).stdout)
    assert status[(language, f"{FAQ_FILE}#{entry['id']}")] == "outdated"
    hint = f".venv/bin/python scripts/i18n.py diff {language} {FAQ_FILE}#{entry['id']}"
    assert hint in run_i18n(project, "status", language).stdout
    result = run_i18n(project, "diff", language, f"{FAQ_FILE}#{entry['id']}")
    assert result.returncode == 0, result.stderr
    assert f"-{old_answer}" in result.stdout.splitlines()
    assert f"+{old_answer} Changed." in result.stdout.splitlines()


def test_diff_without_the_history_says_so_in_one_line(project_copy):
    project = with_translation_tools(project_copy)
    page = project / "docs" / LANGUAGE / "index.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text('---\nsource_hash: "000000000000"\n---\n\n# Titel\n', encoding="utf-8")
    git(project, "init", "-q")  # no history at all, as in a shallow clone of a later commit
    result = run_i18n(project, "diff", LANGUAGE, "index.md")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: index.md: no English version with hash 000000000000 in the history of "
        f"docs/{DEFAULT_LANGUAGE}/index.md (a shallow clone? run: git fetch --unshallow)")
