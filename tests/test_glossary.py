"""The glossary check: each avoided variant in docs/<lang>/ and data/faq.yml, as `file:line: use X,
not Y`; the texts as they are pass it."""

from __future__ import annotations

import pytest
import yaml

from conftest import LANGUAGES, ROOT
from sitelib.glossary import GlossaryError, check, load_rules
from support.i18n_project import replace_once, run_i18n, with_translation_tools

GLOSSARY = ROOT / "data" / "glossary.yml"
KEY_TERMS = ["retention department", "billing department", "promotion", "fee waiver", "Spectrum"]


def line_of(path, text):
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_texts_pass_the_glossary():
    assert [str(finding) for finding in check(ROOT, load_rules(GLOSSARY))] == []
    result = run_i18n(ROOT, "glossary")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_key_term_has_a_word_in_every_language():
    terms = {term["term"]: term for term in yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"]}
    for name in KEY_TERMS:
        for language in LANGUAGES:
            assert terms[name][language]["use"], (name, language)
    for language in ("ko", "da"):
        assert terms["retention department"][language]["avoid"], language
    assert "유지 부서" in terms["retention department"]["ko"]["avoid"]
    assert "tilbageholdelsesafdeling" in terms["retention department"]["da"]["avoid"]


def test_seeded_variants_are_reported_with_file_and_line(project_copy):
    project = with_translation_tools(project_copy)
    guide = project / "docs/ko/index.md"
    text = guide.read_text(encoding="utf-8")
    first_retention = next(line for line in text.splitlines()
                           if "보존 부서" in line and not line.startswith(("title", "description")))
    replace_once(guide, first_retention, first_retention.replace("보존 부서", "유지 부서", 1))
    danish_answer = "Spectrum er en kontraktfri udbyder"
    replace_once(project / "data/faq.yml", danish_answer, "Spektrum er en kontraktfri udbyder")
    english = project / "docs/en/faq.md"
    replace_once(english, "leaving, rejoining and paying Spectrum.",
                 "leaving, rejoining, promos and paying Spectrum (promotional offers are fine).")

    result = run_i18n(project, "glossary")
    assert result.returncode == 1
    reported = result.stdout.splitlines()
    korean_line = line_of(guide, first_retention.replace("보존 부서", "유지 부서", 1))
    assert f"docs/ko/index.md:{korean_line}: use 보존 부서, not 유지 부서" in reported
    assert f"data/faq.yml:{line_of(project / 'data/faq.yml', 'Spektrum er')}: use Spectrum, not Spektrum" in reported
    assert f"docs/en/faq.md:{line_of(english, 'promos')}: use promotion, not promos" in reported
    assert len(reported) == 3, reported  # "promotional" is a whole other word in English


def test_a_variant_is_checked_only_in_its_own_language(project_copy):
    project = with_translation_tools(project_copy)
    # A Danish variant in the English text is not a Danish mistake.
    replace_once(project / "docs/en/faq.md", "paying Spectrum.", "paying Spectrum (Spektrum in some texts).")
    assert run_i18n(project, "glossary").returncode == 0


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
