"""The maintainer's summary of a pull request, in plain English, whatever language it changes.

From the files a pull request changed (`git diff BASE...HEAD`, and uncommitted changes when run
locally), it says per language which pages and FAQ entries changed and their state now, which
facts were compared and how that went, and which changed files a maintainer must read
themselves: anything outside docs/<lang>/ and the language blocks of the data files, and above
all mkdocs.yml, hooks/, overrides/, .github/ and scripts/, which change what every build runs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from sitelib.faq_data import FaqEntry
from sitelib.translation_check import CheckResult
from sitelib.translation_status import FAQ_FILE, Report

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Changes that alter what the build runs or how: a maintainer reads them line by line.
CODE_PATHS = ("mkdocs.yml", "hooks/", "overrides/", ".github/", "scripts/", "requirements.txt",
              "package.json", "package-lock.json", "tests/", "bench/", ".ci/")
# Data files whose language blocks translators edit.
TRANSLATED_DATA = (FAQ_FILE, "data/messages.yml")


class SummaryError(Exception):
    """One line saying why the changes cannot be listed."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The files changed since `base` (committed or not) and how: {path: "added"|"modified"|"deleted"}.
def changed_files(root: Path, base: str) -> dict[str, str]:
    committed = _git(root, "diff", "--name-status", "--no-renames", f"{base}...HEAD")
    uncommitted = _git(root, "status", "--porcelain", "--untracked-files=all", "--no-renames")
    changes: dict[str, str] = {}
    for line in committed.splitlines():
        status, _, path = line.partition("\t")
        changes[path] = {"A": "added", "D": "deleted"}.get(status[:1], "modified")
    for line in uncommitted.splitlines():
        status, path = line[:2], line[3:]
        changes[path] = "added" if "?" in status or "A" in status else \
            "deleted" if "D" in status else "modified"
    return dict(sorted(changes.items()))


# The summary as Markdown (GitHub renders it in the job's summary).
def summary_markdown(root: Path, base: str, *, report: Report, default: str,
                     check: CheckResult, entries: list[FaqEntry]) -> str:
    changes = changed_files(root, base)
    lines = ["# What this pull request changes", "",
             f"Compared with `{base}`: {len(changes)} file(s) changed."]
    lines += _language_tables(root, base, changes, report, default, entries)
    lines += ["", "## Facts compared", "",
              "Phone numbers, numbers, links and their hosts, e-mail addresses and images of each "
              "translated section and FAQ answer were compared with the English text it was made "
              "from; the texts were checked for invisible characters, and the files for symbolic "
              "links and pages without an English page."]
    if check.problems:
        lines += ["", f"**{len(check.problems)} problem(s): the check fails.**", ""]
        lines += [f"- `{problem}`" for problem in check.problems]
    else:
        lines += ["", "No problem found."]
    if check.notes:
        lines += ["", "Out of date, to catch up with (not failures):", ""]
        lines += [f"- `{note}`" for note in check.notes]
    lines += _files_to_read(changes, report)
    return "\n".join(lines) + "\n"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Per language: the pages and FAQ entries the pull request changed, and their state now.
def _language_tables(root: Path, base: str, changes: dict[str, str], report: Report, default: str,
                     entries: list[FaqEntry]) -> list[str]:
    changed_entries = _changed_entries(root, base, changes)
    lines = []
    for language in [default] + [language.locale for language in report.languages]:
        rows = []
        for item in report.items:
            if item.kind == "page" and f"docs/{language}/{item.key}" in changes:
                what = changes[f"docs/{language}/{item.key}"]
            elif item.kind == "faq" and (item.key, language) in changed_entries:
                what = "modified"
            else:
                continue
            state = "source text" if language == default else report.state(language, item)
            sections = report.changes(language, item) if language != default else ()
            detail = ", ".join(f"#{change.anchor} {change.kind}" for change in sections or ())
            if sections is None:
                detail = "which sections: unknown without the history"
            rows.append(f"| `{item.name}` | {what} | {state} | {detail} |")
        if rows:
            name = next((item.name for item in report.languages if item.locale == language), "English")
            lines += ["", f"## {name} (`{language}`)", "", "| item | change | state now | sections behind |",
                      "| --- | --- | --- | --- |", *rows]
    return lines


# The (entry id, language) blocks of data/faq.yml that differ from the base.
def _changed_entries(root: Path, base: str, changes: dict[str, str]) -> set[tuple[str, str]]:
    if FAQ_FILE not in changes:
        return set()
    before = _entries(_git(root, "show", f"{base}:{FAQ_FILE}", check=False))
    after = _entries((root / FAQ_FILE).read_text(encoding="utf-8") if (root / FAQ_FILE).is_file() else "")
    keys = set(before) | set(after)
    return {key for key in keys if before.get(key) != after.get(key)}


# {(entry id, language): its block} of an FAQ file's text.
def _entries(text: str) -> dict[tuple[str, str], object]:
    try:
        data = yaml.safe_load(text) if text else []
    except yaml.YAMLError:
        return {}
    blocks = {}
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, dict):
            for key, value in entry.items():
                if key != "id":
                    blocks[(str(entry.get("id")), str(key))] = value
    return blocks


# The changed files a maintainer must read: outside the language folders and data blocks.
def _files_to_read(changes: dict[str, str], report: Report) -> list[str]:
    languages = {language.locale for language in report.languages}
    code = [path for path in changes if path.startswith(CODE_PATHS)]
    other = [path for path in changes if path not in code and path not in TRANSLATED_DATA
             and not (path.startswith("docs/") and path.endswith(".md"))]
    lines = ["", "## Files a maintainer must read", ""]
    if code:
        lines += ["These change what every build runs or how it is checked; read them line by line:", ""]
        lines += [f"- `{path}` ({changes[path]})" for path in code]
    if other:
        lines += ["", "Added or removed outside the translated pages and data blocks:", ""]
        lines += [f"- `{path}` ({changes[path]})" for path in other]
    if not code and not other:
        lines += [f"None: the pull request changes only translated pages and data blocks "
                  f"({', '.join(sorted(languages)) or 'no language'})."]
    return lines


# The output of a git command in the repository; one line naming it where it fails.
def _git(root: Path, *args: str, check: bool = True) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        raise SummaryError("git is needed to list the pull request's changes") from None
    if result.returncode != 0 and check:
        raise SummaryError(f"git {' '.join(args)}: {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else 'failed'}")
    return result.stdout
