"""The glossary check: every avoided variant of a key term, reported as `file:line: use X, not Y`.

data/glossary.yml gives, per term and language, the preferred word (`use`) and the variants to
avoid (`avoid`). The check reads the Markdown pages in docs/<lang>/ and each language's block of
data/faq.yml, so that a variant is reported in the language it is wrong in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitelib.safe_files import read_text
from sitelib.text_scan import printable, quote

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


class GlossaryError(Exception):
    """One line that names the file, the entry and the field at fault."""


@dataclass(frozen=True)
class Rule:
    language: str
    use: str
    avoid: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    use: str
    avoid: str

    # The report line translators read: file:line: use X, not Y.
    def __str__(self) -> str:
        return f"{self.path}:{self.line}: use {printable(self.use)}, not {printable(self.avoid)}"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Read and validate data/glossary.yml into one rule per avoided variant.
def load_rules(path: Path, *, name: str = "data/glossary.yml") -> list[Rule]:
    try:
        data = yaml.safe_load(read_text(path, name))
    except yaml.YAMLError as error:
        raise GlossaryError(f"{name}: invalid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise GlossaryError(f"{name}: expected a mapping with a list 'terms'")
    whole_words = _whole_words(data.get("whole_words"), name)
    rules = []
    for position, term in enumerate(data["terms"], start=1):
        where = f"{name}: term {position}"
        if not isinstance(term, dict) or not isinstance(term.get("term"), str):
            raise GlossaryError(f"{where}: missing field 'term'")
        where = f"{where} ({quote(term['term'])})"
        for language, block in term.items():
            if language == "term":
                continue
            rules.extend(_language_rules(block, language, where, language in whole_words))
    return rules


# Every avoided variant in the pages of each language and in the FAQ data.
def check(root: Path, rules: list[Rule]) -> list[Finding]:
    findings = []
    by_language: dict[str, list[Rule]] = {}
    for rule in rules:
        by_language.setdefault(rule.language, []).append(rule)
    for language, language_rules in sorted(by_language.items()):
        folder = root / "docs" / language
        for page in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            lines = read_text(page, page.relative_to(root).as_posix()).splitlines()
            findings += _scan(page.relative_to(root).as_posix(), enumerate(lines, 1), language_rules)
    faq = root / "data" / "faq.yml"
    if faq.is_file():
        findings += _check_faq(faq, "data/faq.yml", by_language)
    return findings


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The languages whose variants must be whole words: a list of language codes.
def _whole_words(value: object, name: str) -> set[str]:
    if value is None:
        return set()
    if not isinstance(value, list) or not all(isinstance(code, str) and code for code in value):
        raise GlossaryError(f"{name}: field 'whole_words' must be a list of language codes, "
                            "such as [en, da]")
    return set(value)


# The rules of one language block: {use: word, avoid: [variants]}.
def _language_rules(block: object, language: str, where: str, whole_word: bool) -> list[Rule]:
    if not isinstance(block, dict) or not isinstance(block.get("use"), str):
        raise GlossaryError(f"{where}: field {quote(str(language) + '.use')} must be the preferred word")
    avoid = block.get("avoid", [])
    if not isinstance(avoid, list) or not all(isinstance(item, str) and item.strip() for item in avoid):
        raise GlossaryError(f"{where}: field {quote(str(language) + '.avoid')} must be a list of words")
    unknown = set(block) - {"use", "avoid"}
    if unknown:
        raise GlossaryError(f"{where}: unknown field {quote(str(language) + '.' + str(sorted(unknown, key=str)[0]))}")
    return [Rule(language, block["use"], variant, _pattern(variant, whole_word)) for variant in avoid]


# A variant matches where a word starts, so that it also catches inflected and compound forms
# (Spektrums, 유지 부서를); in whole-word languages it must also end where a word ends.
def _pattern(variant: str, whole_word: bool) -> re.Pattern:
    words = r"\s+".join(re.escape(word) for word in variant.split())
    end = r"(?!\w)" if whole_word else ""
    return re.compile(rf"(?<!\w){words}{end}", re.IGNORECASE)


# Report every rule that matches a line.
def _scan(path: str, lines, rules: list[Rule]) -> list[Finding]:
    findings = []
    for number, text in lines:
        for rule in rules:
            if rule.pattern.search(text):
                findings.append(Finding(path, number, rule.use, rule.avoid))
    return findings


# Check each language block of the FAQ file against that language's rules.
def _check_faq(path: Path, name: str, by_language: dict[str, list[Rule]]) -> list[Finding]:
    text = read_text(path, name)
    lines = text.splitlines()
    findings = []
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for entry in root.value if isinstance(root, yaml.SequenceNode) else []:
        for key, block in entry.value if isinstance(entry, yaml.MappingNode) else []:
            rules = by_language.get(key.value)
            if not rules or not isinstance(block, yaml.MappingNode):
                continue
            end = max((value.end_mark for _, value in block.value), key=lambda mark: mark.index)
            first, last = key.start_mark.line, end.line - (1 if end.column == 0 else 0)
            numbered = ((number + 1, lines[number]) for number in range(first, last + 1))
            findings += _scan(name, numbered, rules)
    return findings
