"""The project's documents: a README a newcomer reads in two minutes, and examples that match the
data they show, whatever the data holds now (README.md, CONTRIBUTING.md, ARCHITECTURE.md)."""

from __future__ import annotations

import re

import pytest
import yaml

from sitelib.glossary import load_rules
from sitelib.translation_status import FAQ_FILE, english_pages

DOCUMENTS = ("README.md", "CONTRIBUTING.md", "ARCHITECTURE.md")
# What an example writes where the text is the reader's to fill in.
PLACEHOLDERS = {"…", "Markdown text.", "Markdown text.\n"}
# How far a newcomer reads before scrolling: the two commands and the translators' guide are there.
FIRST_SCREEN = 40
MAX_README_LINES = 150


def documents(site) -> dict[str, str]:
    return {name: (site.root / name).read_text(encoding="utf-8") for name in DOCUMENTS}


def yaml_examples(text: str) -> list:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]


# The glossary's terms: {term: {locale: {"use": word, "avoid": [words]}}}.
def glossary_terms(site) -> dict[str, dict]:
    data = yaml.safe_load((site.root / "data/glossary.yml").read_text(encoding="utf-8"))
    return {entry["term"]: {locale: value for locale, value in entry.items() if locale != "term"}
            for entry in data["terms"]}


def test_the_readme_is_short_and_starts_with_what_a_newcomer_needs(site):
    lines = (site.root / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES
    first_screen = "\n".join(lines[:FIRST_SCREEN])
    for needed in ("bash scripts/serve.sh", "bash scripts/test.sh", "CONTRIBUTING.md"):
        assert needed in first_screen, needed
    text = "\n".join(lines)
    for linked in ("ARCHITECTURE.md", "bench/README.md"):
        assert f"]({linked})" in text and (site.root / linked).is_file(), linked


def test_faq_examples_name_entries_and_languages_the_data_has(site):
    data = {entry["id"]: entry for entry in yaml.safe_load((site.root / FAQ_FILE).read_text(encoding="utf-8"))}
    found = 0
    for name, text in documents(site).items():
        for example in yaml_examples(text):
            if not (isinstance(example, list) and example and isinstance(example[0], dict)
                    and "id" in example[0]):
                continue
            for entry in example:
                found += 1
                assert entry["id"] in data, (name, entry["id"])
                for locale, block in entry.items():
                    if locale == "id":
                        continue
                    assert locale in site.locales, (name, locale)
                    assert set(block) <= {"question", "answer", "source"}, (name, block)
                    for field, value in block.items():
                        if value not in PLACEHOLDERS:  # a value shown as it is must be the data's
                            assert value == data[entry["id"]][locale][field], (name, entry["id"], field)
    assert found


def test_synonym_examples_are_the_data_and_never_list_a_word_as_its_own_variant(site):
    data = yaml.safe_load((site.root / "data/search_synonyms.yml").read_text(encoding="utf-8"))
    synonyms = {entry["term"]: entry for entry in data["synonyms"]}
    glossary = glossary_terms(site)
    found = 0
    for name, text in documents(site).items():
        for example in yaml_examples(text):
            if not (isinstance(example, list) and example and "term" in example[0]):
                continue
            for entry in example:
                term = entry["term"]
                assert term in synonyms, (name, term)
                for locale, value in entry.items():
                    if locale == "term":
                        continue
                    found += 1
                    ours = synonyms[term][locale]
                    variants = value["variants"] if isinstance(value, dict) else value
                    listed = ours["variants"] if isinstance(ours, dict) else ours
                    preferred = ours["use"] if isinstance(ours, dict) else glossary[term][locale]["use"]
                    if isinstance(value, dict):
                        assert value["use"] == preferred, (name, term, locale)
                    assert set(variants) <= set(listed), (name, term, locale)
                    assert preferred not in variants, (name, term, locale)
    assert found


def test_glossary_examples_say_what_the_glossary_says(site):
    rules = load_rules(site.root / "data/glossary.yml")
    pairs = {(rule.use, rule.avoid) for rule in rules}
    found = 0
    for name, text in documents(site).items():
        for preferred, avoided in re.findall(r"use ([^`,]+), not ([^`.]+)`", text):
            if preferred == "X":
                continue
            found += 1
            assert (preferred, avoided) in pairs, (name, preferred, avoided)
        for typed, finds in re.findall(r"a reader typing (.+?) finds (.+?)\.", text):
            found += 1
            assert (finds, typed) in pairs, (name, typed, finds)
    assert found


def test_commands_in_examples_name_pages_sections_and_entries_that_exist(site):
    english = site.root / "docs" / site.default
    anchors = {page.as_posix(): set(re.findall(r"\{ #([\w-]+) \}", (english / page).read_text(encoding="utf-8")))
               for page in english_pages(site.root / "docs", site.default)}
    entries = {entry["id"] for entry in yaml.safe_load((site.root / FAQ_FILE).read_text(encoding="utf-8"))}
    found = 0
    for name, text in documents(site).items():
        for locale, path in re.findall(r"scripts/i18n\.py (?:diff|sync) ([a-z][\w-]*) ([^\s`]+)", text):
            if locale.isupper() or path.isupper():
                continue  # LOCALE PATH: the command's usage
            found += 1
            assert locale in site.translated, (name, locale)
            file, _, anchor = path.partition("#")
            if file == FAQ_FILE:
                assert anchor in entries, (name, path)
            else:
                assert file in anchors, (name, path)
                assert not anchor or anchor in anchors[file], (name, path)
        for anchor in re.findall(r"`#+ [^`]*\{ #([\w-]+) \}`", text):  # a heading shown
            found += 1
            assert any(anchor in found_anchors for found_anchors in anchors.values()), (name, anchor)
    assert found


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documents_point_at_files_that_exist(site, name):
    text = (site.root / name).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+)\)", text):
        assert (site.root / target).exists(), (name, target)
