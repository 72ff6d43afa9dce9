"""The translator's structure check: a translation has the structure of its English text.

The same heading anchors in the same order, and in each section the same blocks in the same
order: as many paragraphs, the same admonitions (by kind, with as many paragraphs inside), the
same lists, tables and code. Each problem is one line, `file:line: what is wrong, what was
expected`. Links, images and the other facts of each section are compared by sitelib/facts.py.
"""

from __future__ import annotations

from sitelib.sections import Page, Section

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Longer lines are reported, not read: no translation needs them, and the patterns stay cheap.
MAX_LINE = 5000


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Lines over MAX_LINE characters in a text, one problem each.
def long_lines(text: str, name: str) -> list[str]:
    return [f"{name}:{number}: a line of {len(line)} characters, expected at most {MAX_LINE}"
            for number, line in enumerate(text.split("\n"), 1) if len(line) > MAX_LINE]


# The heading anchors must be the English page's, in its order.
def compare_anchors(english: Page, translation: Page, *, english_name: str, name: str) -> list[str]:
    expected = [section for section in english.sections if section.anchor]
    found = [section for section in translation.sections if section.anchor]
    for index, want in enumerate(expected):
        have = found[index] if index < len(found) else None
        if have is None:
            line = found[-1].line if found else 1
            return [f"{name}:{line}: no heading with anchor #{want.anchor} after this line, "
                    f"expected as in {english_name}:{want.line}"]
        if have.anchor != want.anchor:
            return [f"{name}:{have.line}: heading anchor #{have.anchor}, expected "
                    f"#{want.anchor} as in {english_name}:{want.line}"]
    return [f"{name}:{extra.line}: heading anchor #{extra.anchor}, which {english_name} does not have"
            for extra in found[len(expected):]]


# A section must hold the blocks of its English section, in the same order.
def compare_blocks(english: Section, translation: Section, *, english_name: str,
                   name: str) -> list[str]:
    theirs = [block.shape for block in english.blocks]
    ours = [block.shape for block in translation.blocks]
    if theirs == ours:
        return []
    index = next((index for index, (a, b) in enumerate(zip(theirs, ours)) if a != b),
                 min(len(theirs), len(ours)))
    block = translation.blocks[index] if index < len(ours) else None
    line = block.line if block else (translation.blocks[-1].line if ours else translation.line)
    where = f"#{english.anchor}" if english.anchor else "the page's start"
    return [f"{name}:{line}: section {where} has {describe(ours)}, expected {describe(theirs)} "
            f"as in {english_name}:{english.line}"]


# A section's blocks in words: "4 paragraphs, tip (1 paragraph)".
def describe(shapes: list[str]) -> str:
    if not shapes:
        return "no text"
    words, run = [], 0
    for index, shape in enumerate(shapes):
        run += 1
        if index + 1 < len(shapes) and shapes[index + 1] == shape:
            continue
        words.append(_counted(shape, run))
        run = 0
    return ", ".join(words)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# "2 paragraphs", "a list", "tip (1 paragraph)".
def _counted(shape: str, count: int) -> str:
    if "(" in shape:
        kind, inner = shape.split("(", 1)
        inside = describe([part.strip() for part in inner[:-1].split(",") if part.strip()])
        single = f"{kind} admonition ({inside})"
        return single if count == 1 else f"{count} × {single}"
    if count == 1:
        return f"a {shape}" if shape != "html" else "an HTML block"
    return f"{count} {shape}s" if shape != "html" else f"{count} HTML blocks"
