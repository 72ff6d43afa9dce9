"""The translator's check of one language: structure and facts against the English text.

What a translation is compared with is the English text it was made from, so that an English
edit never makes a translation fail: a current translation, or a section of one that is
current, against the English text now; a section behind its English text against the English
version its translation was made from (found in the history). The differences between such a
section and the English text now are what it has to catch up with: they are listed as notes,
not failures. A translation whose recorded hash names no English version the history has is a
failure where the history is there to tell. Messages and the language's site texts may hold
no fact their English texts lack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from sitelib.compare_structure import compare_anchors, compare_blocks, long_lines
from sitelib.facts import Fact, fact_differences, facts
from sitelib.faq_data import FaqEntry
from sitelib.history import History
from sitelib.invisible import invisible_problem
from sitelib.languages import SiteLanguages
from sitelib.repository_files import orphan_files, unsafe_paths
from sitelib.safe_files import read_text
from sitelib.section_status import CHANGED, UNTRANSLATED
from sitelib.sections import Page, Section, parse_page
from sitelib.translation_history import HistoryError, english_made_from
from sitelib.translation_status import (
    FAQ_FILE, HASH_KEY, MISSING, OUTDATED, TRANSLATED, Item, Report,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)  # failures: the check fails on any
    notes: list[str] = field(default_factory=list)  # what an outdated translation must catch up with


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Everything a translation pull request can get wrong that no reader should see: paths and files
# (sitelib/repository_files.py), invisible characters (sitelib/invisible.py), and each shown
# language's structure and facts, its messages and its site texts.
def check_repository(root: Path, languages: SiteLanguages, shown: list[str], report: Report,
                     history: History, entries: list[FaqEntry], site_texts: dict) -> CheckResult:
    result = CheckResult(problems=unsafe_paths(root))
    if result.problems:
        return result  # nothing is read through a link
    result.problems += orphan_files(root / "docs", languages.locales, languages.default)
    for path in _text_files(root):
        problem = invisible_problem(read_text(path, path.relative_to(root).as_posix()),
                                    path.relative_to(root).as_posix())
        if problem:
            result.problems.append(problem)
    for locale in shown:
        language_result = check_language(root, languages, locale, report, history, entries)
        result.problems += language_result.problems
        result.notes += language_result.notes
        result.problems += _text_facts(root, locale, languages.default, site_texts)
    return result


# The structure and facts of every page and FAQ entry of one language.
def check_language(root: Path, languages: SiteLanguages, locale: str, report: Report,
                   history: History, entries: list[FaqEntry]) -> CheckResult:
    result = CheckResult()
    for item in report.items:
        state = report.state(locale, item)
        if state == MISSING:
            continue
        if item.kind == "page":
            _check_page(root, languages, locale, item, state, report, history, result)
    _check_faq(root, languages, locale, report, history, entries, result)
    return result


# The facts of a page section: its front matter fields (first section), heading and blocks.
def section_facts(section: Section, locale: str, meta_lines: dict[str, int]) -> list[Fact]:
    found = []
    for key, value in section.meta:
        found += facts(value, locale, meta_lines.get(key, 1))
    if section.heading:
        found += facts(section.heading, locale, section.line)
    for block in section.blocks:
        found += facts(block.text, locale, block.line)
    return found


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# One page: what each section is compared with, then its structure and facts.
def _check_page(root: Path, languages: SiteLanguages, locale: str, item: Item, state: str,
                report: Report, history: History, result: CheckResult) -> None:
    default = languages.default
    english_name, name = f"docs/{default}/{item.key}", f"docs/{locale}/{item.key}"
    english_text, text = read_text(root / english_name, english_name), read_text(root / name, name)
    result.problems += long_lines(text, name)
    english, ours = _page(english_text), _page(text)
    english_lines, our_lines = _meta_lines(english_text), _meta_lines(text)
    made_from = None
    if state == OUTDATED:
        recorded = str(get_data(text)[1].get(HASH_KEY, "") or "")
        if recorded:
            try:
                made_from = _page(english_made_from(history, item, recorded, default))
            except HistoryError as error:
                if history.available and not history.shallow:
                    result.problems.append(f"{name}:{_line_of(text, HASH_KEY)}: {HASH_KEY} "
                                           f"'{recorded}' names no English version of "
                                           f"{english_name} in the history; record the "
                                           f"translation with sync")
                else:
                    result.notes.append(f"{name}: not compared with its English text: {error}")
                return
    changes = {change.anchor: change.kind for change in report.changes(locale, item) or ()}
    anchors = [anchor for anchor in ours.anchors if anchor]
    in_order = [anchor for anchor in english.anchors if anchor in anchors]
    if anchors != in_order or set(anchors) - set(english.anchors):
        if made_from is None or anchors != [anchor for anchor in made_from.anchors if anchor]:
            result.problems += compare_anchors(made_from or english, ours,
                                               english_name=english_name, name=name)
    for section in ours.sections:
        kind = changes.get(section.anchor)
        now = english.section(section.anchor)
        before = made_from.section(section.anchor) if made_from is not None else None
        against = before if (kind == CHANGED or now is None) and before is not None else now
        if kind == UNTRANSLATED or against is None:
            continue
        source = english_name if against is now else f"{english_name} as translated"
        result.problems += compare_blocks(against, section, english_name=source, name=name)
        ours_facts = section_facts(section, locale, our_lines)
        where = f" in section #{section.anchor}" if section.anchor else ""
        result.problems += fact_differences(ours_facts, section_facts(against, default, english_lines),
                                            name=name, english_name=source, where=where,
                                            fallback_line=section.line)
        if against is not now and now is not None:
            result.notes += fact_differences(ours_facts, section_facts(now, default, english_lines),
                                             name=name, english_name=english_name, where=where,
                                             fallback_line=section.line)


# Every FAQ answer of the language against the English answer it was made from.
def _check_faq(root: Path, languages: SiteLanguages, locale: str, report: Report,
               history: History, entries: list[FaqEntry], result: CheckResult) -> None:
    default = languages.default
    lines = _entry_lines(read_text(root / FAQ_FILE, FAQ_FILE), locale)
    english_lines = _entry_lines(read_text(root / FAQ_FILE, FAQ_FILE), default)
    by_id = {entry.id: entry for entry in entries}
    for item in report.items:
        if item.kind != "faq" or report.state(locale, item) == MISSING:
            continue
        entry = by_id[item.key]
        ours, english = entry.texts[locale], entry.texts[default]
        where = f" in entry '{entry.id}' ({locale})"
        line, english_line = lines.get(entry.id, 1), english_lines.get(entry.id, 1)
        mine = facts(f"{ours.question}\n{ours.answer}", locale, line)
        now = facts(f"{english.question}\n{english.answer}", default, english_line)
        if report.state(locale, item) == TRANSLATED:
            result.problems += fact_differences(mine, now, name=FAQ_FILE, english_name=FAQ_FILE,
                                                where=where, fallback_line=line)
            continue
        try:
            before = english_made_from(history, item, ours.source or "", default)
        except HistoryError as error:
            if ours.source and history.available and not history.shallow:
                result.problems.append(f"{FAQ_FILE}:{line}: entry '{entry.id}' ({locale}): source "
                                       f"'{ours.source}' names no English version in the history; "
                                       "record the translation with sync")
            else:
                result.notes.append(f"{FAQ_FILE}: entry '{entry.id}' ({locale}) not compared "
                                    f"with its English text: {error}")
            continue
        result.problems += fact_differences(mine, facts(before.replace("\n\n", "\n", 1), default,
                                                        english_line),
                                            name=FAQ_FILE, english_name=FAQ_FILE, where=where,
                                            fallback_line=line)
        result.notes += fact_differences(mine, now, name=FAQ_FILE, english_name=FAQ_FILE,
                                         where=where, fallback_line=line)


# Facts that a language's messages and site texts (mkdocs.yml) hold and their English texts do
# not: those texts are not tracked as translations, so only what they add is a failure.
def _text_facts(root: Path, locale: str, default: str, site_texts: dict) -> list[str]:
    problems = []
    messages = yaml.safe_load(read_text(root / "data/messages.yml", "data/messages.yml")) or {}
    lines = read_text(root / "data/messages.yml", "data/messages.yml").split("\n")
    for key, texts in messages.items():
        if not isinstance(texts, dict) or not isinstance(texts.get(locale), str) or locale == default:
            continue
        line = next((number for number, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)
        problems += _added_facts(texts[locale], str(texts.get(default, "")), locale, default,
                                 name="data/messages.yml", line=line + 1, where=f" in message '{key}'")
    for key, values in site_texts.items():
        if locale in values and locale != default:
            problems += _added_facts(values[locale], values.get(default, ""), locale, default,
                                     name="mkdocs.yml", line=values.get("line", {}).get(locale, 1),
                                     where=f" in {key} ({locale})")
    return problems


# The facts of a text that its English text lacks, one line each.
def _added_facts(text: str, english: str, locale: str, default: str, *, name: str, line: int,
                 where: str) -> list[str]:
    ours, theirs = facts(text, locale, line), facts(english, default, line)
    return fact_differences(ours, theirs, name=name, english_name="the English text", where=where,
                            fallback_line=line, missing=False)


# The text files a pull request can change that the site is built from.
def _text_files(root: Path) -> list[Path]:
    files = [root / "mkdocs.yml"] + sorted((root / "data").glob("*.yml"))
    return [path for path in files + sorted((root / "docs").rglob("*.md")) if path.is_file()]


# A page's sections, its translated front matter counted as its first section's.
def _page(text: str) -> Page:
    return parse_page(text, get_data(text)[1])


# The line of each front matter key of a page's text.
def _meta_lines(text: str) -> dict[str, int]:
    lines = {}
    for number, line in enumerate(text.split("\n")[1:], 2):
        if line.strip() in ("---", "..."):
            break
        key = line.split(":", 1)[0].strip()
        lines.setdefault(key, number)
    return lines


# The line of a front matter key in a page's text (1 where it has none).
def _line_of(text: str, key: str) -> int:
    return _meta_lines(text).get(key, 1)


# The line of each entry's block of one language in the FAQ file, by entry id.
def _entry_lines(text: str, locale: str) -> dict[str, int]:
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
