"""The FAQ hook: bad data stops the build with one clear line; gaps fall back; HTML is escaped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, TRANSLATED_LANGUAGES, build_site
from sitelib.messages import message
from support.pages import heading_words

GOOD = [
    {"id": "cancellation-fee",
     "en": {"question": "Is there a fee?", "answer": "No."},
     "ko": {"question": "수수료가 있습니까?", "answer": "없습니다."},
     "da": {"question": "Er der et gebyr?", "answer": "Nej."}},
    {"id": "refund",
     "en": {"question": "A refund?", "answer": "No refund."},
     "ko": {"question": "환불?", "answer": "환불 없음."},
     "da": {"question": "Tilbagebetaling?", "answer": "Nej."}},
]


def _with(change):
    data = yaml.safe_load(yaml.safe_dump(GOOD, allow_unicode=True))
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


BAD_INPUTS = {
    "invalid-yaml": (
        b"- id: refund\n  en:\n    question: [unclosed\n    answer: x\n",
        r"^data/faq\.yml: line \d+, column \d+: invalid YAML: .+$",
    ),
    "empty-file": (b"# nothing yet\n", r"^data/faq\.yml: the file is empty; expected a list of FAQ entries$"),
    "top-level-mapping": (
        b"cancellation-fee:\n  en: x\n",
        r"^data/faq\.yml: expected a list of FAQ entries at the top level, found a mapping$",
    ),
    "missing-id": (
        _with(lambda d: d[1].pop("id")),
        r"^data/faq\.yml: entry 2: missing field 'id'$",
    ),
    "missing-question": (
        _with(lambda d: d[1]["ko"].pop("question")),
        r"^data/faq\.yml: entry 2 \(id 'refund'\): missing field 'ko\.question'$",
    ),
    "missing-answer": (
        _with(lambda d: d[0]["en"].pop("answer")),
        r"^data/faq\.yml: entry 1 \(id 'cancellation-fee'\): missing field 'en\.answer'$",
    ),
    "duplicate-id": (
        _with(lambda d: d[1].update(id="cancellation-fee")),
        r"^data/faq\.yml: entry 2 \(id 'cancellation-fee'\): field 'id': duplicate id, already used by entry 1$",
    ),
    "unknown-language": (
        _with(lambda d: d[1].update(xx={"question": "?", "answer": "!"})),
        rf"^data/faq\.yml: entry 2 \(id 'refund'\): unknown language code 'xx' \(known: {', '.join(LANGUAGES)}\)$",
    ),
    "not-a-string": (
        _with(lambda d: d[0]["da"].update(answer=["Nej."])),
        r"^data/faq\.yml: entry 1 \(id 'cancellation-fee'\): field 'da\.answer' must be a string, found a list$",
    ),
    "not-utf8": (
        "- id: refund\n  en:\n    question: Caf\u00e9?\n    answer: x\n".encode("latin-1"),
        r"^data/faq\.yml: line 3: not valid UTF-8 \(byte 0xe9\); save the file as UTF-8$",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_data_stops_the_build_with_one_clear_line(project_copy, tmp_path, case):
    content, expected = BAD_INPUTS[case]
    (project_copy / "data" / "faq.yml").write_bytes(content)
    site_dir = tmp_path / "out"
    result = build_site(project_copy, site_dir, "http://127.0.0.1:9/spectrum-retention-guide/")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    messages = [line.split(" -  ", 1)[-1] for line in output.splitlines() if "data/faq.yml" in line]
    assert len(messages) == 1, output
    assert re.match(expected, messages[0]), messages[0]
    assert not (site_dir / "faq" / "index.html").exists()


def _build(project: Path, tmp_path: Path) -> Path:
    site_dir = tmp_path / "out"
    result = build_site(project, site_dir, "http://127.0.0.1:9/spectrum-retention-guide/")
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def _article(site_dir: Path, path: str) -> BeautifulSoup:
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "lxml").select_one("article")


def test_an_entry_missing_a_language_shows_english_marked_untranslated(project_copy, tmp_path):
    faq = project_copy / "data" / "faq.yml"
    data = yaml.safe_load(faq.read_text(encoding="utf-8"))
    english = data[1]["en"]
    for language in TRANSLATED_LANGUAGES:
        data[1].pop(language, None)
    faq.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site_dir = _build(project_copy, tmp_path)
    for language in TRANSLATED_LANGUAGES:
        article = _article(site_dir, f"{language}/faq")
        heading = article.select_one(f"h2#{data[1]['id']}")
        assert heading["lang"] == "en"
        assert heading_words(heading) == english["question"]
        # One notice for the page, listing the entry, however many entries it lists.
        notices = article.select(".admonition.untranslated")
        assert len(notices) == 1
        title = notices[0].select_one(".admonition-title").get_text(strip=True)
        assert title == message("untranslated_title", language)
        assert f"#{data[1]['id']}" in [link["href"] for link in notices[0].select("a")]
        english_answer = heading.find_next_sibling("div", lang="en")
        assert english_answer.get_text(" ", strip=True).split()[:4] == english["answer"].split()[:4]
        # An entry that has the language stays in it.
        if language in data[0]:
            assert heading_words(article.select_one(f"h2#{data[0]['id']}")) == \
                data[0][language]["question"]
    assert not _article(site_dir, "faq").select(".untranslated")


def test_html_in_the_data_is_shown_as_text(project_copy, tmp_path):
    faq = project_copy / "data" / "faq.yml"
    data = yaml.safe_load(faq.read_text(encoding="utf-8"))
    data[0]["en"]["question"] = "Is <b>bold</b> a fee? {: onclick=\"x()\" }"
    data[0]["en"]["answer"] = (
        "<script>alert('faq')</script>\n\n<img src=x onerror=alert(1)> and `<code>` & more\n"
        "{: onclick=\"alert(2)\" }\n"
    )
    faq.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site_dir = _build(project_copy, tmp_path)
    article = _article(site_dir, "faq")
    assert not article.select("script, img, b, [onclick], [onerror]")
    heading = article.select_one("h2#" + data[0]["id"])
    assert heading_words(heading) == 'Is <b>bold</b> a fee? {: onclick="x()" }'
    text = article.get_text(" ")
    assert "<script>alert('faq')</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert article.select_one("code").get_text() == "<code>"


def test_serve_rebuilds_when_the_faq_data_changes(project_copy):
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/guide/")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project_copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        language = TRANSLATED_LANGUAGES[0]
        faq = project_copy / "data" / "faq.yml"
        data = yaml.safe_load(faq.read_text(encoding="utf-8"))
        url = f"http://127.0.0.1:{port}/guide/{language}/faq/"
        assert "An answer updated" not in _wait_for(url, lambda body: data[0]["id"] in body)
        data[0][language] = {"question": "Q?", "answer": "An answer updated in the data file."}
        faq.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        _wait_for(url, lambda body: "An answer updated in the data file." in body)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, ready, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if ready(body):
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never became ready; last body: {body[:300]!r}")
