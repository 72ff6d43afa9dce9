"""Repository files: a build reads and publishes regular files inside the repository only, and no
translated page without its English page (the rules are in sitelib/repository_files.py).

Links are refused when the configuration is loaded, before MkDocs collects the pages, so that
nothing is read through one; pages without an English page before the build starts. A refusal
stops the build with one line naming the path.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitelib.languages import site_languages
from sitelib.repository_files import orphan_files, unsafe_paths

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Before anything is read through a link: when the configuration is loaded, before MkDocs
# collects the pages. mkdocs-static-i18n builds every language with this one configuration, so
# this runs once per build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _refuse(unsafe_paths(Path(config.config_file_path).parent))
    return config


# Before the pages are checked and built (the content policy's on_pre_build runs at 0), once
# the configuration's own languages are known to be right.
@event_priority(10)
def on_pre_build(*, config: MkDocsConfig) -> None:
    languages = site_languages(config)
    if languages.current == languages.default:
        _refuse(orphan_files(Path(config.docs_dir), languages.locales, languages.default))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Stop the build on the first problem, saying how many more there are.
def _refuse(problems: list[str]) -> None:
    if problems:
        more = f" ({len(problems) - 1} more such path(s))" if len(problems) > 1 else ""
        raise PluginError(problems[0] + more)
