"""The files a build publishes or reads: regular files inside the repository, and no translation
without its English page.

Git stores symbolic links, and a pull request's diff shows one as a line of text, so a link in
docs/ could publish any file of the machine that builds the site, and a linked page or folder
would be read from anywhere. Every symbolic link, and every path whose real location is outside
the repository, in docs/, data/ or overrides/ (and mkdocs.yml itself) is refused before anything
is read through it. A file of a translation folder with no English counterpart would be
published on the project's address with nothing linking to it and no English text to check it
against; it is refused too, as are files in docs/ outside the language folders.
"""

from __future__ import annotations

import os
from pathlib import Path

from sitelib.text_scan import quote

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The folders and files of the repository that a build reads.
READ_FOLDERS = ("docs", "data", "overrides")
READ_FILES = ("mkdocs.yml",)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Every symbolic link, and every path that resolves outside the repository, among what the build
# reads: one line each, by the path's name in the repository.
def unsafe_paths(root: Path) -> list[str]:
    root = Path(root)
    real_root = root.resolve()
    problems = []
    for name in READ_FILES + READ_FOLDERS:
        path = root / name
        if path.is_symlink() or (path.exists() and not _inside(path, real_root)):
            problems.append(_refusal(path, root))
            continue
        if not path.is_dir():
            continue
        for folder, folders, files in os.walk(path, followlinks=False):
            for entry in sorted(folders + files):
                child = Path(folder) / entry
                if child.is_symlink() or not _inside(child, real_root):
                    problems.append(_refusal(child, root))
            folders[:] = [entry for entry in folders if not (Path(folder) / entry).is_symlink()]
    return problems


# Files in docs/ that no English page stands for: in a translation folder without an English
# counterpart, outside the language folders, or in a folder that is not a language of the site.
def orphan_files(docs: Path, locales: list[str], default: str) -> list[str]:
    docs = Path(docs)
    problems = []
    if not docs.is_dir():
        return problems
    for entry in sorted(docs.iterdir()):
        name = f"docs/{entry.name}"
        if entry.is_file():
            problems.append(f"{name}: files in docs/ belong in a language folder, such as "
                            f"docs/{default}/{entry.name}")
        elif entry.name not in locales:
            problems.append(f"{name}/: not a language of the site (mkdocs.yml lists "
                            f"{', '.join(locales)}); add the language with "
                            f".venv/bin/python scripts/i18n.py new-language, or move the files")
    for locale in locales:
        if locale == default or not (docs / locale).is_dir():
            continue
        for path in sorted((docs / locale).rglob("*")):
            if path.is_dir():
                continue
            relative = path.relative_to(docs / locale).as_posix()
            if not (docs / default / relative).is_file():
                problems.append(
                    f"docs/{locale}/{relative}: no English page docs/{default}/{relative}; a "
                    f"translation needs its English page: add docs/{default}/{relative} first, in "
                    "its own pull request, then translate it")
    return problems


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Whether a path's real location is inside the repository.
def _inside(path: Path, real_root: Path) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(real_root)
    except (OSError, ValueError):
        return False


# The refusal of one path: what it is, where it leads, and what to do.
def _refusal(path: Path, root: Path) -> str:
    name = path.relative_to(root).as_posix() + ("/" if path.is_dir() and not path.is_symlink() else "")
    if path.is_symlink():
        return (f"{name}: a symbolic link (to {quote(os.readlink(path))}) is not allowed: only "
                "regular files inside the repository are published; put the file itself there")
    return f"{name}: lies outside the repository; only regular files inside it are published"
