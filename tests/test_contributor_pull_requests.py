"""Three pull requests contributors make every week each leave the test command green: an English
edit, a new language, and a fix to a translation. Each is made in a fresh copy of the repository
(its files as they are now, committed to a new Git history), the way its author would make it,
and the copy's own `bash scripts/test.sh` runs every other test against it.

These run the whole suite three more times (minutes each): `-m "not contributor_pr"` leaves them out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT, build_site, lang_prefix, unused_locale
from support.i18n_project import run_i18n

pytestmark = pytest.mark.contributor_pr

TRANSLATED = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
SITE_URL = "http://127.0.0.1:8000/spectrum-retention-guide/"


# A fresh repository holding the project's files as they are now, with one commit.
def fresh_repository(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for installed in (".venv", "node_modules"):  # set up already: the copy uses the same ones
        if (ROOT / installed).exists():
            (target / installed).symlink_to(ROOT / installed)
    _git(target, "init", "-q", "-b", "main")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "The repository as it is")
    return target


# Commit a contributor's change.
def commit(repository: Path, message: str) -> None:
    _git(repository, "add", "-A")
    _git(repository, "commit", "-q", "-m", message)


# The README's test command in a repository, without these tests; its exit status and output.
def run_test_command(repository: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    return subprocess.run(
        ["bash", "scripts/test.sh", "-q", "-p", "no:cacheprovider", "-m", "not contributor_pr"],
        cwd=repository, env=env, capture_output=True, text=True, timeout=1800,
    )


def test_an_english_edit_keeps_the_checks_green_and_marks_translations_outdated(tmp_path):
    repository = fresh_repository(tmp_path / "repository")
    guide = repository / "docs" / DEFAULT_LANGUAGE / "index.md"
    text = guide.read_text(encoding="utf-8")
    added = "One more sentence, added by an English author."
    last = [line for line in text.splitlines() if line and not line.startswith(("#", "!", " ", "*", "-"))][-1]
    guide.write_text(text.replace(last, f"{last} {added}", 1), encoding="utf-8")
    commit(repository, "English: one more sentence")

    result = run_test_command(repository)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]

    site = tmp_path / "site"
    assert build_site(repository, site, SITE_URL).returncode == 0
    for language in TRANSLATED:
        if not (repository / "docs" / language / "index.md").is_file():
            continue
        notice = BeautifulSoup((site / lang_prefix(language) / "index.html").read_text("utf-8"),
                               "lxml").select_one("article .admonition.outdated, article .admonition.untranslated")
        assert notice is not None, language
        if "outdated" in notice["class"]:
            assert [link["href"] for link in notice.select("a")] == [SITE_URL]
            changes = run_i18n(repository, "diff", language, "index.md")
            assert changes.returncode == 0, changes.stderr
            assert f"+{last} {added}" in changes.stdout.splitlines()


def test_a_new_language_keeps_the_checks_green(tmp_path):
    repository = fresh_repository(tmp_path / "repository")
    locale = unused_locale()
    added = run_i18n(repository, "new-language", locale, locale.upper())
    assert added.returncode == 0, added.stderr
    commit(repository, f"Add {locale}")
    result = run_test_command(repository)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_a_translation_fix_keeps_the_checks_green(tmp_path):
    repository = fresh_repository(tmp_path / "repository")
    language = next(language for language in TRANSLATED
                    if (repository / "docs" / language / "index.md").is_file())
    guide = repository / "docs" / language / "index.md"
    text = guide.read_text(encoding="utf-8")
    paragraph = next(line for line in text.splitlines()[10:]
                     if line and not line.startswith(("#", "!", " ", "*", "-", "{")))
    fixed = f"{paragraph} {paragraph.split()[-1]}"  # a changed sentence, in whatever language
    guide.write_text(text.replace(paragraph, fixed, 1), encoding="utf-8")
    commit(repository, f"{language}: fix a sentence")
    assert run_i18n(repository, "check", language).returncode == 0
    result = run_test_command(repository)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


# Run git in a repository, failing loudly.
def _git(repository: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Contributor", "-c", "user.email=contributor@example.org",
                    *args], cwd=repository, check=True, capture_output=True)
