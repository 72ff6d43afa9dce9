"""Reading built pages as a reader reads them."""

from __future__ import annotations

import copy

from bs4 import Tag

# The marks the build adds inside headings: the permalink, and the state of a translated section.
HEADING_MARKS = ".headerlink, .section-state"


# A heading's own words: without its permalink and its translation-state mark.
def heading_words(heading: Tag, separator: str = "") -> str:
    words = copy.copy(heading)
    for mark in words.select(HEADING_MARKS):
        mark.decompose()
    return words.get_text(separator, strip=True)


# The state mark beside a heading ("outdated", "untranslated"), or None.
def heading_mark(heading: Tag) -> str | None:
    mark = heading.select_one(".section-state")
    return mark["data-state"] if mark else None


# The English text a notice shows a page in: the first block marked English after it, outside it.
def english_after(notice: Tag) -> Tag:
    inside = set(map(id, notice.descendants))
    return next(div for div in notice.find_all_next("div", attrs={"lang": "en"}) if id(div) not in inside)
