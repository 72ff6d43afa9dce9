"""Safe to merge: a stranger's translation cannot change a fact, a file or a page unseen. Each test
makes the change a hostile or careless contributor would, in a scratch repository whose
translations are current, and runs what the pull-request check runs: `i18n.py check` and the
build. Facts are flagged by the check; invisible characters, links out of the repository and
pages without an English page by the build too; each with one line naming the file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from conftest import DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES
from sitelib.sections import parse_page
from support.hostile import built, key_line, language_entry, message_line, refusal
from support.i18n_project import commit_all, git, record_all_as_current, run_i18n, with_translation_tools

LANGUAGE, SECOND = TRANSLATED_LANGUAGES[0], TRANSLATED_LANGUAGES[1]
PHONE = "1-855-757-7328"


@pytest.fixture
def project(project_copy):
    """A repository whose translations are all current, committed: the check passes on it."""
    project = with_translation_tools(project_copy)
    record_all_as_current(project)
    commit_all(project, "Translations current")
    result = run_i18n(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def page(project, language, name="index.md") -> Path:
    return project / "docs" / language / name


def paragraph(path: Path, index: int = 1):
    """The first paragraph of the index-th anchored section of a page (its block and file line)."""
    sections = [section for section in parse_page(path.read_text(encoding="utf-8")).sections
                if section.anchor and any(block.kind == "paragraph" for block in section.blocks)]
    section = sections[index]
    return section, next(block for block in section.blocks if block.kind == "paragraph")


def add_to_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] += text
    path.write_text("\n".join(lines), encoding="utf-8")


def failed_check(project) -> list[str]:
    result = run_i18n(project, "check")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout.splitlines()


# -----------------------------------------------------------------------------
# Facts
# -----------------------------------------------------------------------------

def test_a_phone_number_added_to_a_translated_paragraph_is_named(project):
    section, block = paragraph(page(project, SECOND))
    add_to_line(page(project, SECOND), block.line, f" {PHONE}.")
    assert failed_check(project) == [
        f"docs/{SECOND}/index.md:{block.line}: phone number {PHONE} in section #{section.anchor}, "
        f"which the English text does not have (docs/{DEFAULT_LANGUAGE}/index.md has phone numbers: none)"]


@pytest.mark.parametrize("where", ["heading", "admonition", "description"])
def test_a_number_added_anywhere_in_a_page_is_named(project, where):
    path = page(project, LANGUAGE)
    text = path.read_text(encoding="utf-8")
    sections = parse_page(text).sections
    if where == "heading":
        number = next(section.line for section in sections if section.anchor and section.heading.startswith("## "))
        lines = text.split("\n")
        lines[number - 1] = lines[number - 1].replace(" {", " 24/7 {", 1)
        path.write_text("\n".join(lines), encoding="utf-8")
    elif where == "admonition":
        block = next(block for section in sections for block in section.blocks if block.kind == "admonition")
        number = block.line + len(block.lines) - 1
        add_to_line(path, number, " 45")
    else:
        number = key_line(text.split("\n"), "description") + 1
        add_to_line(path, number, "")
        lines = text.split("\n")
        lines[number - 1] = lines[number - 1].rstrip('"') + ' 45"'
        path.write_text("\n".join(lines), encoding="utf-8")
    lines = failed_check(project)
    assert len(lines) in (1, 2) and all(line.startswith(f"docs/{LANGUAGE}/index.md:{number}: number ")
                                        for line in lines), lines


def test_a_changed_number_in_an_faq_answer_is_named_with_what_the_english_says(project):
    faq = project / "data" / "faq.yml"
    entries = yaml.safe_load(faq.read_text(encoding="utf-8"))
    entry = next((entry for entry in entries if re.search(r"\d", entry[DEFAULT_LANGUAGE]["answer"])
                  and re.search(r"\d", (entry.get(SECOND) or {}).get("answer", ""))), None)
    if entry is None:  # no answer with a number: the English and the translation gain one
        entry = next(entry for entry in entries if SECOND in entry)
        for language in (DEFAULT_LANGUAGE, SECOND):
            entry[language]["answer"] = entry[language]["answer"].rstrip() + " 30\n"
        faq.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
        record_all_as_current(project)
        entries = yaml.safe_load(faq.read_text(encoding="utf-8"))
        entry = next(item for item in entries if item["id"] == entry["id"])
    number = re.search(r"\d+", entry[SECOND]["answer"]).group(0)
    text = faq.read_text(encoding="utf-8")
    line = next(index for index, row in enumerate(text.split("\n"))
                if number in row and index > text.split("\n").index(f"- id: {entry['id']}")
                and index > key_line(text.split("\n"), SECOND, after=text.split("\n").index(f"- id: {entry['id']}")))
    lines = text.split("\n")
    lines[line] = lines[line].replace(number, str(int(number) + 15), 1)
    faq.write_text("\n".join(lines), encoding="utf-8")
    problems = failed_check(project)
    assert any(f"number {int(number) + 15} in entry '{entry['id']}' ({SECOND}), which the English text does not have"
               in problem and f"numbers: {number}" in problem for problem in problems), problems
    assert all(problem.startswith("data/faq.yml:") for problem in problems), problems


def test_an_email_address_added_to_a_question_is_named(project):
    faq = project / "data" / "faq.yml"
    lines = faq.read_text(encoding="utf-8").split("\n")
    start = lines.index(next(line for line in lines if line.startswith("- id: ")))
    index = key_line(lines, "question", after=key_line(lines, LANGUAGE, after=start))
    lines[index] += " (help@spectrum-refunds.example)"
    faq.write_text("\n".join(lines), encoding="utf-8")
    problems = failed_check(project)
    assert any(problem.startswith("data/faq.yml:") and "e-mail address help@spectrum-refunds.example" in problem
               for problem in problems), problems


def translations(project) -> list[str]:
    """The languages whose guide is translated (not a copy marked untranslated)."""
    return [language for language in TRANSLATED_LANGUAGES
            if "untranslated: true" not in page(project, language).read_text(encoding="utf-8")]


def thousand(language: str, value: float = 1000) -> str:
    """A number as the language writes it (1,000 in English, 1.000 in Danish), by Babel's CLDR data."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=language.replace("-", "_"))


def test_a_link_to_another_host_is_named_with_its_host(project):
    for language in [DEFAULT_LANGUAGE] + translations(project):
        section, block = paragraph(page(project, language), 2)
        add_to_line(page(project, language), block.line, " [Spectrum](https://www.spectrum.com/contact-us)")
    record_all_as_current(project)
    assert run_i18n(project, "check").returncode == 0
    path = page(project, LANGUAGE)
    path.write_text(path.read_text(encoding="utf-8").replace("https://www.spectrum.com/", "https://www.spectrum.com.help-desk.example/"),
                    encoding="utf-8")
    problems = failed_check(project)
    assert any("link to https://www.spectrum.com.help-desk.example/contact-us (host "
               "www.spectrum.com.help-desk.example)" in problem for problem in problems), problems
    assert any("no link to https://www.spectrum.com/contact-us" in problem for problem in problems), problems


def test_a_fact_in_a_message_or_a_site_text_is_named(project):
    messages = project / "data" / "messages.yml"
    lines = messages.read_text(encoding="utf-8").split("\n")
    index = message_line(lines, "not_found_message", SECOND)
    lines[index] = lines[index].rstrip().rstrip('"') + f' Ring {PHONE}."' if lines[index].rstrip().endswith('"') \
        else lines[index] + f" Ring {PHONE}."
    messages.write_text("\n".join(lines), encoding="utf-8")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    index = key_line(lines, "site_description", after=language_entry(lines, LANGUAGE) + 1)
    lines[index] += " 24"
    config.write_text("\n".join(lines), encoding="utf-8")
    problems = failed_check(project)
    assert any(problem.startswith("data/messages.yml:") and f"phone number {PHONE} in message "
               "'not_found_message'" in problem for problem in problems), problems
    assert any(problem.startswith(f"mkdocs.yml:{index + 1}: number 24 in site_description ({LANGUAGE})")
               for problem in problems), problems


@pytest.mark.parametrize("change", ["reworded", "fact moved", "thousands written the language's way"])
def test_a_correct_translation_fix_passes(project, change):
    path = page(project, SECOND)
    section, block = paragraph(path)
    if change == "reworded":
        add_to_line(path, block.line, " " + block.lines[0].split()[0])
    elif change == "fact moved":
        for language in [DEFAULT_LANGUAGE] + translations(project):  # a thousand, as each writes it
            target, target_block = paragraph(page(project, language))
            add_to_line(page(project, language), target_block.line, f" {thousand(language)} 30")
        record_all_as_current(project)
        text = path.read_text(encoding="utf-8").replace(f" {thousand(SECOND)} 30", f" 30 {thousand(SECOND)}")
        path.write_text(text, encoding="utf-8")
    else:
        for language in [DEFAULT_LANGUAGE] + translations(project):
            target, target_block = paragraph(page(project, language))
            add_to_line(page(project, language), target_block.line, f" {thousand(language, 1000.5)} $.")
        record_all_as_current(project)
    result = run_i18n(project, "check")
    assert result.returncode == 0, result.stdout


def test_an_english_edit_of_a_fact_never_fails_the_check_and_status_lists_it(project):
    faq = project / "data" / "faq.yml"
    entries = yaml.safe_load(faq.read_text(encoding="utf-8"))
    entry = next(entry for entry in entries if LANGUAGE in entry)
    entry[DEFAULT_LANGUAGE]["answer"] = entry[DEFAULT_LANGUAGE]["answer"].rstrip() + " Call 1-800-892-4357.\n"
    faq.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    commit_all(project, "English: a phone number")
    result = run_i18n(project, "check")
    assert result.returncode == 0, result.stdout
    status = run_i18n(project, "status", LANGUAGE).stdout
    assert re.search(rf"differs from the English text now: data/faq.yml:\d+: no phone number "
                     rf"1-800-892-4357 in entry '{entry['id']}' \({LANGUAGE}\)", status), status


def test_sync_refuses_a_translation_whose_facts_differ(project):
    section, block = paragraph(page(project, LANGUAGE))
    english = page(project, DEFAULT_LANGUAGE)
    add_to_line(english, paragraph(english)[1].line, " One more sentence.")
    add_to_line(page(project, LANGUAGE), block.line, f" {PHONE}")
    before = page(project, LANGUAGE).read_bytes()
    result = run_i18n(project, "sync", LANGUAGE, "index.md")
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: docs/{LANGUAGE}/index.md: its facts differ from the English "
                                    f"text, so it is not recorded: docs/{LANGUAGE}/index.md:{block.line}: "
                                    f"phone number {PHONE}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert page(project, LANGUAGE).read_bytes() == before


def test_a_recorded_hash_the_history_does_not_have_is_named(project):
    path = page(project, LANGUAGE)
    path.write_text(re.sub(r'source_hash: "\w+"', 'source_hash: "0123456789ab"', path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    problems = failed_check(project)
    assert problems == [f"docs/{LANGUAGE}/index.md:{key_line(path.read_text(encoding='utf-8').split(chr(10)), 'source_hash') + 1}: "
                        "source_hash '0123456789ab' names no English version of "
                        f"docs/{DEFAULT_LANGUAGE}/index.md in the history; record the translation with sync"]


# -----------------------------------------------------------------------------
# Invisible characters
# -----------------------------------------------------------------------------

RLO = "\u202e"


def _with_character(project, where: str, character: str) -> tuple[str, int]:
    """Put a character into one kind of text; the file and line it is on."""
    if where in ("page", "front matter"):
        path = page(project, LANGUAGE)
        lines = path.read_text(encoding="utf-8").split("\n")
        index = key_line(lines, "title") if where == "front matter" else next(
            number for number, line in enumerate(lines) if line.startswith("## "))
        name = f"docs/{LANGUAGE}/index.md"
    elif where == "faq":
        path = project / "data" / "faq.yml"
        lines = path.read_text(encoding="utf-8").split("\n")
        index = key_line(lines, "question", after=key_line(lines, SECOND))
        name = "data/faq.yml"
    elif where == "messages":
        path = project / "data" / "messages.yml"
        lines = path.read_text(encoding="utf-8").split("\n")
        index = message_line(lines, "not_found_title", SECOND)
        name = "data/messages.yml"
    else:
        path = project / "mkdocs.yml"
        lines = path.read_text(encoding="utf-8").split("\n")
        index = key_line(lines, "site_name", after=language_entry(lines, SECOND) + 1)
        name = "mkdocs.yml"
    words = lines[index].rsplit(" ", 1)
    lines[index] = words[0] + " " + character + words[1] if len(words) == 2 else lines[index] + character
    path.write_text("\n".join(lines), encoding="utf-8")
    return name, index + 1


@pytest.mark.parametrize("where", ["page", "front matter", "faq", "messages", "config"])
def test_a_bidirectional_override_is_refused_by_the_build_and_the_check(project, where):
    name, line = _with_character(project, where, RLO)
    expected = (f"{name}:{line}: the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not "
                "allowed: bidirectional control characters can make text display differently "
                "from what it says; delete it")
    assert refusal(project) == expected
    assert expected in failed_check(project)


@pytest.mark.parametrize("character, text", [("\u2066", "isolate"), ("\u2060", "word joiner"),
                                             ("\u200b", "zero-width space between Latin letters")])
def test_other_invisible_characters_are_refused(project, character, text):
    name, line = _with_character(project, "page", character)
    assert refusal(project).startswith(f"{name}:{line}: the invisible character U+{ord(character):04X} ")


@pytest.mark.parametrize("text", ["می\u200cخواهم", "क्\u200dष", "สวัสดี\u200bครับ", "\u200fالعربية\u200e"],
                         ids=["zwnj-persian", "zwj-devanagari", "zwsp-thai", "rlm-lrm"])
def test_characters_scripts_need_are_allowed(project, text):
    section, block = paragraph(page(project, LANGUAGE))
    for language in (DEFAULT_LANGUAGE, LANGUAGE):  # quoted in both, as a name would be
        path = page(project, language)
        add_to_line(path, paragraph(path)[1].line, f" {text}")
    record_all_as_current(project)
    built(project)
    assert run_i18n(project, "check").returncode == 0


# -----------------------------------------------------------------------------
# Files: links out of the repository, pages nobody asked for
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("link, target", [
    ("docs/{LANGUAGE}/screenshot.png", "/etc/hostname"),
    ("docs/{LANGUAGE}/faq.md", "{outside}/page.md"),
    ("docs/{LANGUAGE}/more", "{outside}"),
    ("data/faq.yml", "{outside}/faq.yml"),
    ("overrides/partials/extra.html", "/etc/hostname"),
], ids=["image", "page", "folder", "data-file", "override"])
def test_a_symbolic_link_is_refused_before_anything_is_read_through_it(project, tmp_path, link, target):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "page.md").write_text("# Call us { #faq }\n\nCall 1-800-555-0100.\n", encoding="utf-8")
    (outside / "faq.yml").write_text((project / "data" / "faq.yml").read_text(encoding="utf-8"), encoding="utf-8")
    path = project / link.format(LANGUAGE=LANGUAGE)
    if path.exists():
        path.unlink()
    os.symlink(target.format(outside=outside), path)
    name = link.format(LANGUAGE=LANGUAGE)
    message = refusal(project)
    assert message.startswith(f"{name}: a symbolic link (to '") and "is not allowed" in message, message
    assert failed_check(project)[0].startswith(f"{name}: a symbolic link")


@pytest.mark.parametrize("name", ["docs/{LANGUAGE}/urgent-help.md", "docs/notes.md", "docs/xx/index.md"])
def test_a_page_nobody_asked_for_is_refused(project, name):
    path = project / name.format(LANGUAGE=LANGUAGE)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# Help {{ #help }}\n\nCall {PHONE} now.\n", encoding="utf-8")
    message = refusal(project)
    expected = {"docs/{LANGUAGE}/urgent-help.md": f"docs/{LANGUAGE}/urgent-help.md: no English page "
                f"docs/{DEFAULT_LANGUAGE}/urgent-help.md; a translation needs its English page: add "
                f"docs/{DEFAULT_LANGUAGE}/urgent-help.md first",
                "docs/notes.md": "docs/notes.md: files in docs/ belong in a language folder",
                "docs/xx/index.md": "docs/xx/: not a language of the site"}[name]
    assert message.startswith(expected), message
    assert any(line.startswith(expected) for line in failed_check(project))


# -----------------------------------------------------------------------------
# The maintainer's summary
# -----------------------------------------------------------------------------

def test_the_summary_says_what_a_translation_changed_and_what_was_compared(project):
    git(project, "branch", "base")
    section, block = paragraph(page(project, SECOND))
    add_to_line(page(project, SECOND), block.line, " " + block.lines[0].split()[0])
    commit_all(project, "A translation fix")
    result = run_i18n(project, "summary", "--base", "base")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert f"(`{SECOND}`)" in text and "| `index.md` | modified | translated |" in text, text
    assert "Phone numbers, numbers, links and their hosts, e-mail addresses and images" in text
    assert "No problem found." in text
    assert "None: the pull request changes only translated pages and data blocks" in text


def test_the_summary_names_code_and_other_files_for_the_maintainer_to_read(project):
    git(project, "branch", "base")
    (project / "hooks" / "extra.py").write_text("print('hello')\n", encoding="utf-8")
    add_to_line(project / "mkdocs.yml", 1, " ")
    section, block = paragraph(page(project, LANGUAGE))
    add_to_line(page(project, LANGUAGE), block.line, f" {PHONE}")
    commit_all(project, "A mixed change")
    text = run_i18n(project, "summary", "--base", "base").stdout
    code = text.split("read them line by line:", 1)[1]
    assert "- `hooks/extra.py` (added)" in code and "- `mkdocs.yml` (modified)" in code, text
    assert "problem(s): the check fails." in text and f"phone number {PHONE}" in text, text
