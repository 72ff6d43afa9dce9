"""Scanners for text a contributor controls, each in one pass: their cost grows with the length of
the text and no faster, whatever the text holds (thousands of backticks, a line of spaces).
"""

from __future__ import annotations

import unicodedata

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The code spans of a Markdown text, as (start, end) offsets, paired as Python-Markdown pairs
# them: a run of backticks not preceded by a backslash is closed by the next run of exactly as
# many backticks in the paragraph; failing that, by the first of the longest shorter runs, with
# as many of the opening backticks. Runs are looked up by their length from cursors that only
# move forward, and the longest later run is known from one backward pass, so the scan is linear.
def code_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    offset = 0
    for paragraph in _paragraphs(text):
        spans += [(offset + start, offset + end) for start, end in _paragraph_code_spans(paragraph)]
        offset += len(paragraph)
    return spans


# The text of a page's first level-1 heading (`# Title { #anchor }`), without its attribute
# list, or None. Reads line by line, with no pattern that backtracks over spaces.
def first_heading(text: str) -> str | None:
    for line in text.splitlines():
        if not line.startswith("#") or line.startswith("##"):
            continue
        rest = line[1:]
        if rest and not rest[0].isspace():
            continue
        title = rest.strip()
        if title.endswith("}") and "{" in title:
            title = title[: title.rindex("{")].rstrip()
        if title:
            return title
    return None


# A text for a log line or an error message: quoted, every control character written as an
# escape (a newline cannot start a new line, so no CI workflow command can be fed through it),
# and cut to a readable length.
def quote(text: object, limit: int = 60) -> str:
    value = str(text)
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return "'" + "".join(_visible(character) for character in shown) + "'"


# A text for a log line as it is, but with every control character written as an escape.
def printable(text: object) -> str:
    return "".join(
        character if character in "\\'" else _visible(character) for character in str(text)
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The code spans of one paragraph.
def _paragraph_code_spans(text: str) -> list[tuple[int, int]]:
    runs = _backtick_runs(text)
    by_length: dict[int, list[int]] = {}
    for index, (_, length, _) in enumerate(runs):
        by_length.setdefault(length, []).append(index)
    cursor = dict.fromkeys(by_length, 0)  # per length: the first run not yet passed
    longest_after = [-1] * len(runs)  # per run: the first of the longest runs after it
    best = -1
    for index in range(len(runs) - 1, -1, -1):
        longest_after[index] = best
        if best == -1 or runs[index][1] >= runs[best][1]:
            best = index
    spans = []
    index = 0
    while index < len(runs):
        start, length, escaped = runs[index]
        if escaped:  # a backslash makes the first backtick literal; the rest may open a span
            start, length = start + 1, length - 1
        closer = _next_of_length(by_length, cursor, length, index)
        if closer is None and length:
            longest = longest_after[index]
            if longest != -1 and runs[longest][1] < length:
                closer = longest
                start += length - runs[longest][1]
        if closer is None or not length:
            index += 1
            continue
        spans.append((start, runs[closer][0] + runs[closer][1]))
        index = closer + 1
    return spans


# The first run after `index` with exactly `length` backticks, or None.
def _next_of_length(by_length: dict[int, list[int]], cursor: dict[int, int], length: int,
                    index: int) -> int | None:
    candidates = by_length.get(length)
    if not candidates:
        return None
    position = cursor[length]
    while position < len(candidates) and candidates[position] <= index:
        position += 1
    cursor[length] = position
    return candidates[position] if position < len(candidates) else None


# The text cut at its blank lines: Markdown never pairs backticks across one.
def _paragraphs(text: str) -> list[str]:
    paragraphs, current = [], []
    for line in text.splitlines(keepends=True):
        current.append(line)
        if not line.strip():
            paragraphs.append("".join(current))
            current = []
    paragraphs.append("".join(current))
    return paragraphs


# Every run of backticks: (offset, length, whether an odd number of backslashes precedes it).
def _backtick_runs(text: str) -> list[tuple[int, int, bool]]:
    runs = []
    index, size = 0, len(text)
    backslashes = 0
    while index < size:
        character = text[index]
        if character == "`":
            start = index
            while index < size and text[index] == "`":
                index += 1
            runs.append((start, index - start, backslashes % 2 == 1))
            backslashes = 0
            continue
        backslashes = backslashes + 1 if character == "\\" else 0
        index += 1
    return runs


# One character as a log shows it: itself, or an escape when it is a control or format character.
def _visible(character: str) -> str:
    if character == "\\":
        return "\\\\"
    if character == "'":
        return "\\'"
    if unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return character.encode("unicode_escape").decode("ascii") if ord(character) < 0x10000 \
            else f"\\U{ord(character):08x}"
    return character
