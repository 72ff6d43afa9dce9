"""Scratch copies of the project, their builds, and the "stock" variants the benchmarks compare with.

A feature of the site is one line of `hooks:` in mkdocs.yml: a variant without a feature is the
project with that line removed, so stock means "without these features", whatever their files do.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]

# What a build reads: the configuration, the pages, the data, the hooks and the theme overrides.
SOURCES = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# A copy of a project's sources (and any other files named) in `project`, which must not exist.
def copy_sources(project: Path, names: tuple[str, ...] = SOURCES, *, source: Path = ROOT) -> Path:
    project.mkdir(parents=True)
    origin = source
    for name in names:
        source = origin / name
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    return project


# The hooks a mkdocs.yml lists, as written there.
def listed_hooks(config: Path) -> list[str]:
    return [item.value for item in _hooks_node(config).value]


# Remove features from a project: their lines in `hooks:`. A hook that is not listed is an error,
# so that a renamed hook cannot silently change what a variant leaves out.
def without_hooks(config: Path, hooks: list[str] | tuple[str, ...]) -> None:
    node = _hooks_node(config)
    listed = {item.value: item.start_mark.line for item in node.value}
    missing = [hook for hook in hooks if hook not in listed]
    if missing:
        raise ValueError(f"{config}: hooks: lists no {', '.join(missing)} (it lists {', '.join(listed)})")
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    for number in sorted((listed[hook] for hook in hooks), reverse=True):
        del lines[number]
    if set(hooks) == set(listed):  # an empty `hooks:` would be a null, which mkdocs refuses
        key_line = max(number for number in range(node.start_mark.line)
                       if lines[number].startswith("hooks:"))
        lines[key_line] = "hooks: []\n"
    config.write_text("".join(lines), encoding="utf-8")


# The two-letter language codes Material for MkDocs has texts for, without the ones given, sorted:
# the languages `new-language` can add.
def unused_locales(existing: list[str]) -> list[str]:
    from sitelib.add_language import MATERIAL_LANGUAGES

    return sorted(path.stem for path in MATERIAL_LANGUAGES.glob("*.html")
                  if re.fullmatch(r"[a-z]{2}", path.stem) and path.stem not in existing)


# Run a mkdocs build of `project` into `site_dir` for `site_url`, strict unless asked otherwise.
def build_site(project: Path, site_dir: Path, site_url: str, *, strict: bool = True,
               timeout: int = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True,
                          timeout=timeout)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The YAML node of the `hooks:` list of a mkdocs.yml, with the line of each item.
def _hooks_node(config: Path) -> yaml.SequenceNode:
    root = yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    for key, value in root.value:
        if key.value == "hooks" and isinstance(value, yaml.SequenceNode) and not value.flow_style:
            return value
    raise ValueError(f"{config}: no block list 'hooks:'")
