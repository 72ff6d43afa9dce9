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
