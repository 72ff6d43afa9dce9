"""What a translated page shows of the English text it holds or lacks, as Markdown and HTML.

- Blocks of a translation that are still their English counterparts (a language just added, a
  page translated in part) are marked as English: the structure is parallel, so the block in
  the same place of the same section of the English page is the counterpart.
- A section the English page has and the translation lacks is shown in English, in its place.
- A section behind its English text gets a small mark beside its heading, in the reader's
  language, which screen readers read with the heading and search leaves out.
English text in a right-to-left page is also marked left to right.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path

import material

from sitelib.sections import Block, Page, heading_anchor, parse_page

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Material for MkDocs' interface texts per language, which say each language's direction.
_THEME_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
_DIRECTION = re.compile(r'"direction"\s*:\s*"(rtl|ltr)"')
_LETTER = re.compile(r"[^\W\d_]")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Whether a language is written right to left, as the theme's texts for it say.
@lru_cache(maxsize=None)
def right_to_left(locale: str) -> bool:
    for name in (locale, locale.split("-")[0]):
        file = _THEME_LANGUAGES / f"{name}.html"
        if file.is_file():
            found = _DIRECTION.search(file.read_text(encoding="utf-8"))
            return bool(found and found.group(1) == "rtl")
    return False


# The attributes that mark text of one language inside a page of another: its language, and
# its direction where the two directions differ.
def language_attributes(text_locale: str, page_locale: str) -> str:
    attributes = f' lang="{escape(text_locale)}"'
    if right_to_left(text_locale) != right_to_left(page_locale):
        attributes += f' dir="{"rtl" if right_to_left(text_locale) else "ltr"}"'
    return attributes


# Inline HTML for a text of one language inside a page of another.
def in_language(html: str, text_locale: str, page_locale: str) -> str:
    if text_locale == page_locale:
        return html
    return f"<span{language_attributes(text_locale, page_locale)}>{html}</span>"


# A translation's Markdown with every block and heading that is still its English counterpart
# marked as English, and each section it lacks shown in English in its place.
def mark_english(markdown: str, english_text: str, *, english: str, page_locale: str) -> str:
    ours, theirs = parse_page(markdown), parse_page(english_text)
    lines = markdown.split("\n")
    attributes = language_attributes(english, page_locale)
    wraps: dict[int, tuple[int, str]] = {}  # first line -> (last line, indentation)
    for section in ours.sections:
        counterpart = theirs.section(section.anchor)
        if counterpart is None:
            continue
        if section.heading and section.title == counterpart.title and _LETTER.search(section.title):
            lines[section.line - 1] = _heading_with(lines[section.line - 1], attributes)
        _mark_blocks(section.blocks, counterpart.blocks, lines, wraps)
    for first in sorted(wraps, reverse=True):
        last, indent = wraps[first]
        lines[last:last] = ["", f"{indent}</div>"]
        lines[first - 1:first - 1] = [f"{indent}<div{attributes} markdown>", ""]
    return _with_missing_sections("\n".join(lines), ours, theirs, english_text.split("\n"),
                                  attributes)


# The anchors of a Markdown text's sections that hold only English shown in place of them.
def missing_anchors(markdown: str, english_text: str) -> list[str]:
    ours = parse_page(markdown)
    return [anchor for anchor in parse_page(english_text).anchors if anchor and ours.section(anchor) is None]


# A page's HTML with a mark after the words of each heading named: {anchor: (state, label)}.
def mark_headings(html: str, marks: dict[str, tuple[str, str]]) -> str:
    for anchor, (state, label) in marks.items():
        pattern = re.compile(rf'(<h[1-6][^>]*\bid="{re.escape(anchor)}"[^>]*>)(.*?)'
                             rf'(<a class="headerlink"|</h[1-6]>)', re.DOTALL)
        mark = (f' <span class="section-state" data-state="{escape(state)}" '
                f'data-search-exclude>{escape(label)}</span>')
        html = pattern.sub(lambda match: match.group(1) + match.group(2) + mark + match.group(3),
                           html, count=1)
    return html


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Note which blocks are still their English counterparts: a whole block, or the blocks inside
# an admonition whose own title is translated.
def _mark_blocks(ours: tuple[Block, ...], theirs: tuple[Block, ...], lines: list[str],
                 wraps: dict[int, tuple[int, str]]) -> None:
    for block, counterpart in zip(ours, theirs):
        if block.shape != counterpart.shape:
            continue
        if block.text == counterpart.text and _LETTER.search(block.text):
            indent = lines[block.line - 1][: len(lines[block.line - 1]) - len(lines[block.line - 1].lstrip())]
            wraps[block.line] = (block.line - 1 + len(block.lines), indent)
        elif block.kind == "admonition":
            _mark_blocks(block.inner, counterpart.inner, lines, wraps)


# A heading line with attributes added to its attribute list (`{ #anchor lang="en" }`).
def _heading_with(line: str, attributes: str) -> str:
    start = line.rfind("{")
    return line[:start] + "{" + line[start + 1:].rstrip()[:-1].rstrip() + attributes + " }"


# The text with each English section it lacks, in English, after the sections before it.
def _with_missing_sections(markdown: str, ours: Page, theirs: Page, english_lines: list[str],
                           attributes: str) -> str:
    missing = [section for section in theirs.sections
               if section.anchor and ours.section(section.anchor) is None]
    if not missing:
        return markdown
    lines = markdown.split("\n")
    ends = _section_ends(lines)
    inserts: dict[int, list[str]] = {}
    for section in missing:
        before = [other.anchor for other in theirs.sections[: theirs.sections.index(section)]
                  if ours.section(other.anchor) is not None]
        at = ends[before[-1]] if before and before[-1] in ends else len(lines)
        source = _section_lines(english_lines, section.anchor)
        inserts.setdefault(at, []).extend(["", f"<div{attributes} markdown>", "", *source, "",
                                           "</div>", ""])
    for at in sorted(inserts, reverse=True):
        lines[at:at] = inserts[at]
    return "\n".join(lines)


# The index after the last line of each anchored section of a text.
def _section_ends(lines: list[str]) -> dict[str, int]:
    ends, current = {}, None
    for index, line in enumerate(lines):
        anchor = heading_anchor(line)
        if anchor:
            if current:
                ends[current] = index
            current = anchor
    if current:
        ends[current] = len(lines)
    return ends


# The lines of one section of a page's text (its heading and what follows, up to the next).
def _section_lines(lines: list[str], anchor: str) -> list[str]:
    start = next(index for index, line in enumerate(lines) if heading_anchor(line) == anchor)
    end = next((index for index in range(start + 1, len(lines)) if heading_anchor(lines[index])),
               len(lines))
    return lines[start:end]

