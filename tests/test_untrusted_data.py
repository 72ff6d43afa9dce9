"""Untrusted FAQ data: nothing a pull request writes into data/faq.yml can run in a reader's
browser or load a third party, and no answer can hang the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.hostile import built, nothing_active, refusal, soup
from conftest import TRANSLATED_LANGUAGES

# -----------------------------------------------------------------------------
# data/faq.yml
# -----------------------------------------------------------------------------

FAQ_ANSWERS = {
    "javascript-link": ("[claim](javascript:alert(1))", "the link 'javascript:alert(1)' is not allowed"),
    "data-link": ("[claim](data:text/html,hi)", "the link 'data:text/html,hi' is not allowed"),
    "remote-image": ("![x](https://tracker.example/p.png)", "<img> from 'https://tracker.example/p.png'"),
}


def _add_faq_entry(project: Path, answer: str, entry_id: str = "hostile") -> int:
    faq = project / "data" / "faq.yml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text + f"- id: {entry_id}\n  en:\n    question: Hostile?\n    answer: |\n"
                   f"      Intro.\n      {answer}\n", encoding="utf-8")
    return text.count("\n") + 6


@pytest.mark.parametrize("answer, expected", FAQ_ANSWERS.values(), ids=FAQ_ANSWERS.keys())
def test_hostile_faq_answers_are_refused(project_copy, answer, expected):
    line = _add_faq_entry(project_copy, answer)
    message = refusal(project_copy)
    assert message.startswith(f"data/faq.yml:{line}: entry 'hostile' (en.answer): "), message
    assert expected in message, message


def test_html_in_faq_answers_is_text(project_copy):
    _add_faq_entry(project_copy, '<script>alert(1)</script> <img src=x onerror=alert(1)> `<b>`')
    site = built(project_copy)
    for path in ("faq/index.html", f"{TRANSLATED_LANGUAGES[0]}/faq/index.html"):
        page = soup(site, path)
        nothing_active(page)
        assert "<script>alert(1)</script>" in page.select_one("article").get_text()


@pytest.mark.parametrize("entry_id, key", [('"a\\n::error::b"', "en"), ("ok-id", '"k\\n::warning::o"')],
                         ids=["id", "language-key"])
def test_data_text_in_errors_has_no_raw_line_breaks(project_copy, entry_id, key):
    faq = project_copy / "data" / "faq.yml"
    faq.write_text(faq.read_text(encoding="utf-8")
                   + f"- id: {entry_id}\n  {key}:\n    question: Q\n    answer: A\n", encoding="utf-8")
    message = refusal(project_copy)
    assert "\\n::" in message, message


# -----------------------------------------------------------------------------
# Bounded build time
# -----------------------------------------------------------------------------

def test_an_faq_page_over_the_page_limit_is_refused(project_copy):
    for number in range(60):
        _add_faq_entry(project_copy, "Words. " * 300, entry_id=f"long-{number}")
    message = refusal(project_copy)
    assert re.fullmatch(r"data/faq\.yml: the FAQ page in 'en' would hold [\d,]+ bytes of questions "
                        r"and answers, over the limit of 100,000 bytes for one page", message), message


def test_thousands_of_backticks_in_an_answer_build_in_seconds(project_copy):
    _add_faq_entry(project_copy, "`" * 3000)
    built(project_copy)
