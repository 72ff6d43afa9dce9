"""The glossary check: each avoided variant in docs/<lang>/ and data/faq.yml, as `file:line: use X,
not Y`; the texts as they are pass it."""

from __future__ import annotations

import pytest
import yaml

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT
from sitelib.glossary import GlossaryError, Rule, check, load_rules
from support.i18n_project import run_i18n, with_translation_tools

GLOSSARY = ROOT / "data" / "glossary.yml"
# The concepts every language names with one word (the editorial standard in CONTRIBUTING.md).
KEY_TERMS = ["retention department", "billing department", "customer service", "cancellation fee",
             "escalate", "representative", "promotion", "discount", "Spectrum"]


def rules_of(language: str) -> list[Rule]:
    return [rule for rule in load_rules(GLOSSARY) if rule.language == language]


def body_lines(text: str) -> list[tuple[int, str]]:
    """The numbered lines of a page after its front matter."""
    lines = text.splitlines()
    start = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    return [(number, line) for number, line in enumerate(lines, 1) if number > start]


def seed_variant(project, language: str) -> str | None:
    """Put an avoided variant where the guide uses a preferred word; the report line it must give."""
    guide = project / "docs" / language / "index.md"
    text = guide.read_text(encoding="utf-8")
    for rule in rules_of(language):
        for number, line in body_lines(text):
            seeded = line.replace(rule.use, rule.avoid, 1)
            if rule.use in line and not rule.pattern.search(line) and rule.pattern.search(seeded):
                lines = text.splitlines(keepends=True)
                lines[number - 1] = seeded + "\n"
                guide.write_text("".join(lines), encoding="utf-8")
                return f"docs/{language}/index.md:{number}: use {rule.use}, not {rule.avoid}"
    return None


def test_the_texts_pass_the_glossary(site):
    assert [str(finding) for finding in check(site.root, load_rules(site.root / "data/glossary.yml"))] == []
    result = run_i18n(site.root, "glossary")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_key_term_has_a_word_in_every_language_the_glossary_covers():
    terms = {term["term"]: term for term in yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"]}
    covered = {key for term in terms.values() for key in term if key != "term"}
    assert covered <= set(LANGUAGES), covered - set(LANGUAGES)
    assert DEFAULT_LANGUAGE in covered
    for name in KEY_TERMS:
        for language in covered:
            assert terms[name][language]["use"], (name, language)


def test_seeded_variants_are_reported_with_file_and_line(project_copy):
    project = with_translation_tools(project_copy)
    expected = [line for line in (seed_variant(project, language) for language in LANGUAGES) if line]
    assert expected, "no language's guide uses a glossary word"
    result = run_i18n(project, "glossary")
    assert result.returncode == 1
    reported = result.stdout.splitlines()
    assert set(expected) <= set(reported), (expected, reported)
    seeded_lines = {line.split(": use ")[0] for line in expected}
    assert {line.split(": use ")[0] for line in reported} == seeded_lines, reported


def test_a_variant_is_checked_only_in_its_own_language(project_copy):
    project = with_translation_tools(project_copy)
    other = next(language for language in LANGUAGES if language != DEFAULT_LANGUAGE and rules_of(language))
    variant = rules_of(other)[0].avoid
    page = project / "docs" / DEFAULT_LANGUAGE / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{variant}\n", encoding="utf-8")
    assert run_i18n(project, "glossary").returncode == 0


def test_whole_word_languages_match_whole_words_only(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("whole_words: [en]\nterms:\n  - term: promotion\n"
                    "    en: {use: promotion, avoid: [promo]}\n    da: {use: kampagne, avoid: [kamp]}\n",
                    encoding="utf-8")
    english, danish = load_rules(path)
    assert english.pattern.search("a promo today") and not english.pattern.search("promotional offers")
    assert danish.pattern.search("kampagnerabat")  # other languages match where a word starts


@pytest.mark.parametrize(
    "content, message",
    [
        ("terms: nope\n", "data/glossary.yml: expected a mapping with a list 'terms'"),
        ("terms:\n  - en: {use: x}\n", "data/glossary.yml: term 1: missing field 'term'"),
        ("terms:\n  - term: fee\n    ko: {avoid: [x]}\n",
         "data/glossary.yml: term 1 ('fee'): field 'ko.use' must be the preferred word"),
        ("terms:\n  - term: fee\n    da: {use: gebyr, avoid: gebyrer}\n",
         "data/glossary.yml: term 1 ('fee'): field 'da.avoid' must be a list of words"),
    ],
)
def test_a_bad_glossary_gets_one_clear_line(tmp_path, content, message):
    path = tmp_path / "glossary.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as error:
        load_rules(path)
    assert str(error.value) == message
