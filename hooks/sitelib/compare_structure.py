"""The translator's check: each translation has the structure of its English text.

The same heading anchors in the same order, the same admonitions (by count and kind), the same
link and image targets, and, in data/faq.yml, the same link and image targets in each translated
answer. Each problem is one line, `file:line: what is wrong, what was expected`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitelib.faq_data import FaqEntry

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Longer lines are reported, not read: no translation needs them, and the patterns stay cheap.
MAX_LINE = 5000


@dataclass(frozen=True)
class Mark:
    """One structural element of a Markdown text and the line it is on."""

    kind: str  # "anchor", "admonition", "link" or "image"
    value: str
    line: int


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The problems of one translated page against its English page.
def compare_page(english: str, translation: str, *, english_name: str, name: str) -> list[str]:
    theirs, ours = structure(english), structure(translation)
    problems = [f"{name}:{mark.line}: a line of {mark.value} characters, expected at most "
                f"{MAX_LINE}" for mark in ours if mark.kind == "long line"]
    problems += _compare_anchors(theirs, ours, english_name, name)
    problems += _compare_counts(theirs, ours, "admonition", english_name, name)
    problems += _compare_counts(theirs, ours, "link", english_name, name)
    problems += _compare_counts(theirs, ours, "image", english_name, name)
    return problems


# The problems of one language's FAQ answers against the English answers.
def compare_faq(text: str, entries: list[FaqEntry], locale: str, default: str, *,
                name: str) -> list[str]:
    lines = _block_lines(text, locale)
    problems = []
    for entry in entries:
        translation = entry.text_for(locale)
        if translation is None:
            continue
        where = lines.get(entry.id, 1)
        english = structure(entry.texts[default].answer)
        ours = structure(translation.answer)
        for kind in ("link", "image"):
            for problem in _compare_counts(english, ours, kind, f"{name}#{entry.id} ({default})",
                                           f"{name}#{entry.id} ({locale})"):
                problems.append(f"{name}:{where}: {problem.split(': ', 1)[1]}")
    return problems


# The anchors, admonitions, links and images of a Markdown text, with their lines; front matter
# and fenced code are left out.
def structure(text: str) -> list[Mark]:
    marks = []
    fence = None
    for number, line in enumerate(_body_lines(text), 1):
        if line is None:
            continue
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        opening = _FENCE.match(stripped)
        if opening:
            fence = opening.group(1)
            continue
        if len(line) > MAX_LINE:
            marks.append(Mark("long line", str(len(line)), number))
            continue
        anchor = _heading_anchor(line)
        if anchor:
            marks.append(Mark("anchor", anchor, number))
        admonition = _ADMONITION.match(line)
        if admonition:
            marks.append(Mark("admonition", admonition.group(1).lower(), number))
        for image in _IMAGE.finditer(line):
            marks.append(Mark("image", image.group(1), number))
        for link in _LINK.finditer(_IMAGE.sub("", line)):
            marks.append(Mark("link", link.group(1), number))
    return marks


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The anchor of a heading line (`## Title { #anchor }`), or None.
def _heading_anchor(line: str) -> str | None:
    if not _HEADING_START.match(line):
        return None
    start = line.rfind("{")
    attributes = _ATTRIBUTES.match(line, start) if start >= 0 else None
    anchor = _ANCHOR.search(attributes.group(1)) if attributes else None
    return anchor.group(1) if anchor else None


# The lines of a text, with the front matter's lines as None (so that numbers stay the file's).
def _body_lines(text: str) -> list[str | None]:
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                return [None] * (end + 1) + lines[end + 1:]
    return lines


# Heading anchors must be the same, in the same order.
def _compare_anchors(theirs: list[Mark], ours: list[Mark], english_name: str, name: str) -> list[str]:
    expected = [mark for mark in theirs if mark.kind == "anchor"]
    found = [mark for mark in ours if mark.kind == "anchor"]
    problems = []
    for index, want in enumerate(expected):
        have = found[index] if index < len(found) else None
        if have is None:
            line = found[-1].line if found else 1
            problems.append(f"{name}:{line}: no heading with anchor #{want.value} after this line, "
                            f"expected as in {english_name}:{want.line}")
            break
        if have.value != want.value:
            problems.append(f"{name}:{have.line}: heading anchor #{have.value}, expected "
                            f"#{want.value} as in {english_name}:{want.line}")
            break
    else:
        for extra in found[len(expected):]:
            problems.append(f"{name}:{extra.line}: heading anchor #{extra.value}, which "
                            f"{english_name} does not have")
    return problems


# Admonitions, links or images: the same values, as many times each.
def _compare_counts(theirs: list[Mark], ours: list[Mark], kind: str, english_name: str,
                    name: str) -> list[str]:
    expected = Counter(mark.value for mark in theirs if mark.kind == kind)
    found = Counter(mark.value for mark in ours if mark.kind == kind)
    label = {"admonition": "'{}' admonition", "link": "link to {}", "image": "image {}"}[kind]
    problems = []
    for value in sorted(set(expected) | set(found)):
        if expected[value] == found[value]:
            continue
        at = next((mark for mark in ours if mark.kind == kind and mark.value == value), None)
        source = next((mark for mark in theirs if mark.kind == kind and mark.value == value), None)
        line = at.line if at else 1
        what = label.format(value)
        if not found[value]:
            problems.append(f"{name}:{line}: no {what}, expected as in {english_name}:{source.line}")
        elif not expected[value]:
            problems.append(f"{name}:{line}: {what}, which {english_name} does not have")
        else:
            problems.append(f"{name}:{line}: {found[value]} × {what}, expected {expected[value]} "
                            f"as in {english_name}:{source.line}")
    return problems


# The line of each entry's block of a language in the FAQ file, by entry id.
def _block_lines(text: str, locale: str) -> dict[str, int]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    lines = {}
    for item in root.value if isinstance(root, yaml.SequenceNode) else []:
        if not isinstance(item, yaml.MappingNode):
            continue
        fields = {key.value: (key, value) for key, value in item.value}
        entry_id = getattr(fields.get("id", (None, None))[1], "value", None)
        if entry_id and locale in fields:
            lines[entry_id] = fields[locale][0].start_mark.line + 1
    return lines


# -----------------------------------------------------------------------------
# Patterns (each linear in the length of a line)
# -----------------------------------------------------------------------------

_FENCE = re.compile(r"(`{3,}|~{3,})")
_HEADING_START = re.compile(r"#{1,6}[ \t]")
_ATTRIBUTES = re.compile(r"\{([^{}]*)\}[ \t]*$")
_ANCHOR = re.compile(r"(?:^|[ \t])#([\w-]+)")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(([^)\s]+)[^)\n]*\)")
_LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)[^)\n]*\)")
