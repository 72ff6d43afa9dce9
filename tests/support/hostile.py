"""Helpers of the untrusted-input tests: build a scratch copy a hostile contributor changed, and
find the line of a text a test changes by what it is (a key), never by today's wording."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from support.cpu_time import children_cpu_seconds
from support.projects import build_site

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SITE_URL = "http://127.0.0.1:8000/spectrum-retention-guide/"

# A hostile file must be refused or built within this many seconds of the build's own CPU time,
# which other work on a shared machine does not stretch as it stretches the time on the clock.
BUILD_SECONDS = 10
# A build that waits rather than computes (on a pipe, on the network) is stopped at this many
# seconds on the clock.
HANG_SECONDS = 120


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Build a project as the pull-request check does; the result and the CPU seconds it took.
def build(project: Path):
    started = children_cpu_seconds()
    result = build_site(project, project / "site", SITE_URL, timeout=HANG_SECONDS)
    return result, children_cpu_seconds() - started


# Build, expect a refusal, and return its one line (without mkdocs' level prefix).
def refusal(project: Path) -> str:
    result, seconds = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    assert seconds < BUILD_SECONDS, f"refused after {seconds:.1f} s of CPU time"
    return errors[0].split(" -  ", 1)[1]


# Build, expect success without a warning, and return the site folder.
def built(project: Path) -> Path:
    result, seconds = build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert seconds < BUILD_SECONDS, f"built in {seconds:.1f} s of CPU time"
    return project / "site"


# Append a passage after a blank line; return the line number of its first line.
def append(path: Path, text: str) -> int:
    current = path.read_text(encoding="utf-8")
    if not current.endswith("\n"):
        current += "\n"
    path.write_text(current + "\n" + text + "\n", encoding="utf-8")
    return current.count("\n") + 2


# A built page, parsed.
def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")


# No element, handler or address in the page's content that could run or load anything.
def nothing_active(page: BeautifulSoup) -> None:
    content = page.select_one("article") or page
    # The theme's edit and view icons, and its "last updated" facts under the page.
    for theme_markup in content.select(".md-content__button, aside.md-source-file"):
        theme_markup.decompose()
    assert not content.find_all(["script", "style", "iframe", "object", "embed", "form", "base",
                                 "meta", "svg", "img"])
    for element in content.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on"), element
            text = " ".join(value) if isinstance(value, list) else value
            if name in ("href", "src"):
                assert not re.match(r"\s*(javascript|data|vbscript):", text, re.I), element


# Replace the line of a file that starts (after its indentation) with `key:` by new lines, at
# the same indentation; the number of the first new line. The first such line after `after`.
def replace_key_line(path: Path, key: str, new: list[str], *, after: int = 0) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    index = key_line(lines, key, after=after)
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index: index + 1] = [indent + line for line in new]
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


# The index of the first line, from `after` on, that starts with `key:` after its indentation.
def key_line(lines: list[str], key: str, *, after: int = 0) -> int:
    for index in range(after, len(lines)):
        if re.match(rf"\s*(- )?{re.escape(key)}\s*:", lines[index]):
            return index
    raise AssertionError(f"no line '{key}:' after line {after + 1}")


# The index of the line `- locale: <locale>` of mkdocs.yml's languages.
def language_entry(lines: list[str], locale: str) -> int:
    return next(index for index, line in enumerate(lines)
                if re.fullmatch(rf"\s*- locale:\s*{re.escape(locale)}\s*", line))


# The index of one language's text of one message in data/messages.yml.
def message_line(lines: list[str], key: str, locale: str) -> int:
    start = next(index for index, line in enumerate(lines) if line.startswith(f"{key}:"))
    return key_line(lines, locale, after=start + 1)
