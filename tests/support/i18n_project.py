"""Helpers for the translation tests: a scratch project with the translators' command in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def with_translation_tools(project: Path) -> Path:
    """Add scripts/i18n.py and .github/CODEOWNERS to a scratch copy made by `project_copy`."""
    (project / "scripts").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "scripts" / "i18n.py", project / "scripts" / "i18n.py")
    (project / ".github").mkdir(exist_ok=True)
    shutil.copy2(ROOT / ".github" / "CODEOWNERS", project / ".github" / "CODEOWNERS")
    return project


def run_i18n(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `python scripts/i18n.py ARGS` in a project, as a translator would."""
    return subprocess.run(
        [sys.executable, "scripts/i18n.py", *args],
        cwd=project, capture_output=True, text=True, timeout=120,
    )


def status_lines(output: str) -> dict[tuple[str, str], str]:
    """Parse `i18n.py status` output into {(locale, item): state}."""
    states: dict[tuple[str, str], str] = {}
    locale = None
    for line in output.splitlines():
        if line and not line.startswith(" ") and "  " in line:
            locale = line.split()[0]
        elif line.startswith("  ") and locale and line.split()[0] in ("translated", "outdated", "missing"):
            state, item = line.split()[:2]
            states[(locale, item)] = state
    return states


def replace_once(path: Path, old: str, new: str) -> None:
    """Change one passage of a file, failing loudly if the passage is not there exactly once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: expected {old!r} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def record_all_as_current(project: Path) -> None:
    """Record every translated page and FAQ answer of a project as made from the English text as
    it is now (what `sync` writes), whatever their state: a project whose translations are current."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from sitelib.languages import load_site_languages
    from sitelib.sync_translation import sync_faq_text, sync_page_text
    from sitelib.translation_status import FAQ_FILE, collect_items, load_entries

    languages = load_site_languages(project / "mkdocs.yml")
    items = collect_items(project / "docs", project / FAQ_FILE, languages)
    entries = {entry.id: entry for entry in load_entries(project / FAQ_FILE, languages)}
    faq = project / FAQ_FILE
    for language in languages.translated:
        for item in items:
            if item.kind == "page":
                page = project / "docs" / language.locale / item.key
                if page.is_file() and "untranslated: true" not in page.read_text(encoding="utf-8"):
                    page.write_text(sync_page_text(page.read_text(encoding="utf-8"), item.source_hash),
                                    encoding="utf-8")
            elif entries[item.key].text_for(language.locale) is not None:
                faq.write_text(sync_faq_text(faq.read_text(encoding="utf-8"), "data/faq.yml", item.key,
                                             language.locale, item.source_hash), encoding="utf-8")


def git(project: Path, *args: str, date: str | None = None) -> str:
    """Run git in a scratch project as its contributor; its output."""
    import os

    env = dict(os.environ)
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-c", "user.name=Contributor", "-c", "user.email=contributor@example.org",
                           "-c", "commit.gpgsign=false", *args], cwd=project, check=True,
                          capture_output=True, text=True, env=env).stdout


def commit_all(project: Path, message: str) -> None:
    """Commit everything in a scratch project (a Git repository from the first commit on)."""
    if not (project / ".git").exists():
        git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "--allow-empty", "-m", message)
