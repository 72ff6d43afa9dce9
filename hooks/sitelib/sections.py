"""A Markdown page as the translators' tools and the build see it: its sections and their blocks.

Every heading with an anchor (`## Title { #anchor }`) starts a section, and the anchors are the
same in every language, so a section of a translation and the English section it translates
are found by their anchor. A section is its heading and the blocks under it: paragraphs, lists,
tables, code, and admonitions with the blocks inside them. The page's title and description
(front matter) belong to its first section. The parse is line by line, linear in the length of
the text, and never fails: whatever a contributor writes is some sequence of blocks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Front matter fields that readers see and translators translate (the first section's).
TRANSLATED_META = ("title", "description")
HASH_LENGTH = 12


@dataclass(frozen=True)
class Block:
    """One block of Markdown: its kind, its source lines and the line it starts on."""

    kind: str  # "paragraph", "list", "table", "code", "html", "heading", "admonition"
    lines: tuple[str, ...]
    line: int  # in the file, from 1
    admonition: str = ""  # the admonition's type ("tip"), for an admonition
    inner: tuple["Block", ...] = ()  # the blocks inside an admonition

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    # What the block is, as the structure check compares it: "paragraph", "tip(paragraph)".
    @property
    def shape(self) -> str:
        if self.kind != "admonition":
            return self.kind
        return f"{self.admonition}({', '.join(block.shape for block in self.inner)})"


@dataclass(frozen=True)
class Section:
    """A heading with an anchor and the blocks under it, up to the next anchored heading."""

    anchor: str  # "" for text before the page's first anchored heading
    heading: str  # the heading line as written, or "" for such text
    line: int
    blocks: tuple[Block, ...]
    meta: tuple[tuple[str, str], ...] = ()  # the first section's translated front matter

    # The section's text as the hash sees it: front matter fields, heading and blocks.
    @property
    def text(self) -> str:
        fields = [f"{key}: {value}" for key, value in self.meta]
        return "\n\n".join(fields + ([self.heading] if self.heading else [])
                           + [block.text for block in self.blocks])

    # The heading's own words, without its '#' marks and attribute list.
    @property
    def title(self) -> str:
        return heading_text(self.heading)

    # The blocks of the section in reading order, admonitions' inner blocks after their own.
    def all_blocks(self) -> list[Block]:
        found = []
        for block in self.blocks:
            found.append(block)
            found.extend(block.inner)
        return found


@dataclass(frozen=True)
class Page:
    sections: tuple[Section, ...]
    body_line: int  # the first line after the front matter

    # One section by its anchor, or None.
    def section(self, anchor: str) -> Section | None:
        return next((section for section in self.sections if section.anchor == anchor), None)

    @property
    def anchors(self) -> list[str]:
        return [section.anchor for section in self.sections]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The sections of a Markdown page (front matter included, as a file holds it).
def parse_page(text: str, meta: dict | None = None) -> Page:
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = _front_matter_end(lines)
    numbered = list(enumerate(lines[start:], start + 1))
    sections: list[Section] = []
    anchor, heading, heading_line, body = "", "", start + 1, []
    fence = None
    for number, line in numbered:
        fence, in_code = _fence_state(fence, line)
        found = None if in_code else heading_anchor(line)
        if found:
            if heading or any(text.strip() for _, text in body):
                sections.append(Section(anchor, heading, heading_line, tuple(_blocks(body))))
            anchor, heading, heading_line, body = found, line.rstrip(), number, []
        else:
            body.append((number, line))
    if heading or any(text.strip() for _, text in body) or not sections:
        sections.append(Section(anchor, heading, heading_line, tuple(_blocks(body))))
    fields = tuple((key, _normalise(str(meta[key]))) for key in TRANSLATED_META
                   if meta and meta.get(key) not in (None, ""))
    if fields:
        first = sections[0]
        sections[0] = Section(first.anchor, first.heading, first.line, first.blocks, fields)
    return Page(tuple(sections), start + 1)


# The short hash of a section's text: what a translation of it records, and what changes when
# its English text changes (line endings and trailing spaces do not count).
def section_hash(section: Section) -> str:
    return short_hash(_normalise(section.text))


# The first characters of the SHA-256 of a text: short enough to read, long enough to be unique.
def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


# The anchor of a heading line (`## Title { #anchor }`), or None.
def heading_anchor(line: str) -> str | None:
    if not _HEADING_START.match(line):
        return None
    start = line.rfind("{")
    attributes = _ATTRIBUTES.match(line, start) if start >= 0 else None
    anchor = _ANCHOR.search(attributes.group(1)) if attributes else None
    return anchor.group(1) if anchor else None


# A heading's words: its '#' marks and its attribute list left out.
def heading_text(line: str) -> str:
    text = line.lstrip("#").strip()
    start = text.rfind("{")
    if start >= 0 and _ATTRIBUTES.match(text, start):
        text = text[:start].rstrip()
    return text


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The index of the first line after a front matter block (0 without one).
def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                return end + 1
    return 0


# Whether a line is inside fenced code: the fence open after it, and whether it is code.
def _fence_state(fence: str | None, line: str) -> tuple[str | None, bool]:
    stripped = line.strip()
    if fence:
        return (None if stripped.startswith(fence) else fence), True
    opening = _FENCE.match(stripped)
    if opening:
        return opening.group(1), True
    return None, False


# The blocks of numbered lines: split at blank lines; an admonition takes the indented lines
# after it (blank ones between them included) and holds the blocks of its dedented body.
def _blocks(numbered: list[tuple[int, str]]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(numbered):
        number, line = numbered[index]
        if not line.strip():
            index += 1
            continue
        if _ADMONITION.match(line):
            kind = _ADMONITION.match(line).group(1).lower()
            end = index + 1
            while end < len(numbered) and (not numbered[end][1].strip()
                                           or numbered[end][1].startswith(("    ", "\t"))):
                end += 1
            while end > index + 1 and not numbered[end - 1][1].strip():
                end -= 1
            body = [(n, _dedent(text)) for n, text in numbered[index + 1:end]]
            lines = tuple(text.rstrip() for _, text in numbered[index:end])
            blocks.append(Block("admonition", lines, number, kind, tuple(_blocks(body))))
            index = end
            continue
        end = index
        fence = None
        while end < len(numbered):
            text = numbered[end][1]
            fence, in_code = _fence_state(fence, text)
            if not in_code and not text.strip():
                break
            if end > index and not fence and not in_code and _ADMONITION.match(text):
                break
            end += 1
        lines = tuple(text.rstrip() for _, text in numbered[index:end])
        if lines and _ATTR_LIST.fullmatch(lines[0].strip()) and blocks:
            previous = blocks.pop()  # `{: .class }` on its own line belongs to the block before
            lines = previous.lines + lines
            number = previous.line
        blocks.append(Block(_kind(lines[0]), lines, number))
        index = end
    return blocks


# The kind of a block, from its first line.
def _kind(line: str) -> str:
    stripped = line.lstrip()
    if _FENCE.match(stripped):
        return "code"
    if _HEADING_START.match(line):
        return "heading"
    if _LIST_ITEM.match(line):
        return "list"
    if stripped.startswith("|"):
        return "table"
    if stripped.startswith("<") and not stripped.startswith(("<br", "<abbr", "<kbd")):
        return "html"
    return "paragraph"


# One level of an admonition's indentation off a line.
def _dedent(line: str) -> str:
    if line.startswith("\t"):
        return line[1:]
    return line[4:] if line.startswith("    ") else line.lstrip(" ")


# Line endings and trailing spaces do not change what a reader sees, so they do not count.
def _normalise(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


# -----------------------------------------------------------------------------
# Patterns (each linear in the length of a line)
# -----------------------------------------------------------------------------

_FENCE = re.compile(r"(`{3,}|~{3,})")
_HEADING_START = re.compile(r"#{1,6}[ \t]")
_ATTRIBUTES = re.compile(r"\{([^{}]*)\}[ \t]*$")
_ANCHOR = re.compile(r"(?:^|[ \t])#([\w-]+)")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")
_ATTR_LIST = re.compile(r"\{:?[^{}]*\}")
