"""Untrusted contributions: nothing a pull request writes can run in a reader's browser, load a
third party, or hang the build.

Each test writes one hostile input into a scratch copy of the project, where a contributor
would, and builds it as the pull-request check does: the build either refuses it with one line
naming the file and the line, or publishes it as inert text.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site
from support.i18n_project import replace_once, run_i18n, with_translation_tools

sys.path.insert(0, str(ROOT / "hooks"))
from sitelib.content_policy import check_html  # noqa: E402
from sitelib.markdown_text import escape_markup, escape_text  # noqa: E402
from sitelib.text_scan import code_spans, first_heading, quote  # noqa: E402

SITE_URL = "http://127.0.0.1:8000/spectrum-retention-guide/"

# A hostile file must be refused or built within this many seconds.
BUILD_SECONDS = 10


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def _build(project: Path):
    started = time.monotonic()
    result = build_site(project, project / "site", SITE_URL, timeout=120)
    return result, time.monotonic() - started


def _refusal(project: Path) -> str:
    """Build, expect a refusal, and return its one line (without mkdocs' level prefix)."""
    result, seconds = _build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    assert seconds < BUILD_SECONDS, f"refused after {seconds:.1f} s"
    return errors[0].split(" -  ", 1)[1]


def _built(project: Path) -> Path:
    result, seconds = _build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert seconds < BUILD_SECONDS, f"built in {seconds:.1f} s"
    return project / "site"


def _append(path: Path, text: str) -> int:
    """Append a passage after a blank line; return the line number of its first line."""
    current = path.read_text(encoding="utf-8")
    if not current.endswith("\n"):
        current += "\n"
    path.write_text(current + "\n" + text + "\n", encoding="utf-8")
    return current.count("\n") + 2


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")


def _nothing_active(soup: BeautifulSoup) -> None:
    """No element, handler or address in the page's content that could run or load anything."""
    content = soup.select_one("article") or soup
    # The theme's edit and view icons, and its "last updated" facts under the page.
    for theme_markup in content.select(".md-content__button, aside.md-source-file"):
        theme_markup.decompose()
    assert not content.find_all(["script", "style", "iframe", "object", "embed", "form", "base",
                                 "meta", "svg", "img"])
    for element in content.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on"), element
            text = " ".join(value) if isinstance(value, list) else value
            if name in ("href", "src"):
                assert not re.match(r"\s*(javascript|data|vbscript):", text, re.I), element


# -----------------------------------------------------------------------------
# Pages: raw HTML, attributes, links and resources
# -----------------------------------------------------------------------------

# (Markdown appended to docs/ko/index.md, line of the offence within it, what the refusal says)
HOSTILE_MARKDOWN = {
    "script": ("<script>alert(1)</script>", 0, "<script> is not allowed (allowed HTML: br, abbr, kbd)"),
    "image-onerror": ('<img src="x.png" onerror="alert(1)">', 0, "<img> is not allowed"),
    "attr-list-onclick": ('Click here.\n{: onclick="alert(1)" }', 1,
                          "the event handler onclick= on <p> is not allowed"),
    "heading-onmouseover": ('## Title { onmouseover="alert(1)" }', 0,
                            "the event handler onmouseover= on <h2>"),
    "javascript-link": ("[win a prize](javascript:alert(1))", 0,
                        "the link 'javascript:alert(1)' is not allowed"),
    "javascript-link-entity": ("[win](java&#x09;script:alert(1))", 0, "is not allowed (links:"),
    "data-link": ("[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", 0,
                  "the link 'data:text/html"),
    "remote-image": ("![pixel](https://tracker.example/pixel.png)", 0,
                     "<img> from 'https://tracker.example/pixel.png' is not allowed"),
    "protocol-relative-image": ("![pixel](//tracker.example/pixel.png)", 0, "is not allowed"),
    "data-image": ("![pixel](data:image/png;base64,iVBORw0KGgo=)", 0, "data: URLs"),
    "lazy-remote-image": ('<img loading="lazy" src="https://tracker.example/p.png">', 0,
                          "<img> is not allowed"),
    "form": ('<form action="https://evil.example/"><input name="card"></form>', 0,
             "<form> is not allowed"),
    "base": ('<base href="https://evil.example/">', 0, "<base> is not allowed"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0; url=https://evil.example/">', 0,
                     "<meta> is not allowed"),
    "style-import": ("<style>@import url(https://evil.example/x.css);</style>", 0,
                     "<style> is not allowed"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', 0, "<iframe> is not allowed"),
    "svg": ("<svg><script>alert(1)</script></svg>", 0, "<svg> is not allowed"),
    "abbr-handler": ('<abbr title="x" onmouseover="alert(1)">x</abbr>', 0,
                     "the event handler onmouseover= on <abbr>"),
    "markdown-div": ('<div markdown>\n*x*\n</div>', 0, "<div> is not allowed"),
    "in-admonition": ("!!! note\n\n    <script>alert(1)</script>", 2, "<script> is not allowed"),
    "theme-id": ("## Settings { #__config }", 0, "the id '__config' is reserved for the theme"),
    "style-attribute": ('Look.\n{: style="position:fixed;inset:0" }', 1,
                        "the attribute 'style' on <p> is not allowed"),
}


@pytest.mark.parametrize("markdown, offset, expected", HOSTILE_MARKDOWN.values(),
                         ids=HOSTILE_MARKDOWN.keys())
def test_hostile_markdown_is_refused_with_file_and_line(project_copy, markdown, offset, expected):
    line = _append(project_copy / "docs" / "ko" / "index.md", markdown)
    message = _refusal(project_copy)
    assert message.startswith(f"docs/ko/index.md:{line + offset}: "), message
    assert expected in message, message


def test_what_a_translator_needs_is_published(project_copy):
    _append(project_copy / "docs" / "ko" / "index.md",
            'Press <kbd>Ctrl</kbd>+<kbd>F</kbd>.<br>The <abbr title="Federal Communications '
            'Commission">FCC</abbr> rules.\n\n[site](https://www.spectrum.com/) '
            "[mail](mailto:help@example.org) [fee](faq.md#cancellation-fee) [top](#introduction)\n\n"
            "| a | b |\n| :-- | --: |\n| 1 | 2 |\n\n!!! note\n\n    *Emphasis* in a note.")
    soup = _soup(_built(project_copy), "ko/index.html")
    article = soup.select_one("article")
    assert [kbd.text for kbd in article.find_all("kbd")] == ["Ctrl", "F"]
    assert article.find("abbr")["title"] == "Federal Communications Commission"
    assert article.find("a", href="https://www.spectrum.com/")
    assert article.find("a", href="mailto:help@example.org")
    _nothing_active(soup)


# -----------------------------------------------------------------------------
# Front matter
# -----------------------------------------------------------------------------

FRONT_MATTER = {
    "title-script": ('title: "Spectrum 해지 방어팀: 꼭 알아야 할 모든 것"',
                     'title: "</title><script>alert(1)</script>"', 2,
                     "front matter 'title' may not contain '<'"),
    "description-breakout": ('description: "해지 방어팀이',
                             'description: \'x" http-equiv="refresh" content="0;url=https://e.example/\'\n'
                             'x: "해지 방어팀이', 3, "front matter 'description' may not contain '\"'"),
    "title-entity": ('title: "Spectrum 해지 방어팀: 꼭 알아야 할 모든 것"',
                     'title: "&lt;script&gt;alert(1)&lt;/script&gt;"', 2, "may not contain '&lt;'"),
    "invalid-yaml": ('title: "Spectrum 해지 방어팀: 꼭 알아야 할 모든 것"', "title: [unclosed", 3,
                     "the front matter is not valid YAML"),
    "template": ("source_hash:", "template: 404.html\nsource_hash:", 4,
                 "front matter 'template' is not allowed"),
    "status-class": ("source_hash:", 'status: new" onmouseover="alert(1)\nsource_hash:', 4,
                     "front matter 'status' is not allowed"),
}


@pytest.mark.parametrize("old, new, line, expected", FRONT_MATTER.values(), ids=FRONT_MATTER.keys())
def test_hostile_front_matter_is_refused(project_copy, old, new, line, expected):
    replace_once(project_copy / "docs" / "ko" / "index.md", old, new)
    message = _refusal(project_copy)
    assert message.startswith(f"docs/ko/index.md:{line}: "), message
    assert expected in message, message


def test_a_title_taken_from_the_first_heading_is_text(project_copy):
    page = project_copy / "docs" / "ko" / "faq.md"
    text = re.sub(r"(?m)^title:.*\n", "", page.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^# .*\{ #faq \}$",
                  "# FAQ &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; { #faq }", text)
    page.write_text(text, encoding="utf-8")
    soup = _soup(_built(project_copy), "ko/faq/index.html")
    assert soup.title.get_text().startswith("FAQ </title><script>alert(1)</script> - ")
    assert not [script for script in soup.find_all("script") if "alert(1)" in (script.string or "")]


@pytest.mark.parametrize("path", ["../../../etc/passwd", "data/../../secrets.yml",
                                  'data/faq.yml" onmouseover="alert(1)'])
def test_faq_data_outside_the_data_folder_is_refused(project_copy, path):
    replace_once(project_copy / "docs" / "ko" / "faq.md", "faq_data: data/faq.yml",
                 f"faq_data: '{path}'")
    message = _refusal(project_copy)
    assert message.startswith("docs/ko/faq.md:4: front matter 'faq_data'"), message
    assert "must name a file in data/" in message, message


def test_a_translation_that_is_not_utf8_is_named(project_copy):
    page = project_copy / "docs" / "ko" / "faq.md"
    page.write_bytes(page.read_bytes() + "\nCafé\n".encode("latin-1"))
    message = _refusal(project_copy)
    line = page.read_bytes().count(b"\n")
    assert message == f"docs/ko/faq.md:{line}: not valid UTF-8 (byte 0xe9); save the file as UTF-8"


# -----------------------------------------------------------------------------
# mkdocs.yml: languages and site names
# -----------------------------------------------------------------------------

CONFIG = {
    "language-name": ("name: 한국어", 'name: "<img src=x onerror=alert(1)>"',
                      "language 'ko': name may not contain '<'"),
    "site-name": ("site_name: Spectrum 해지 방어팀 가이드", 'site_name: "<script>alert(1)</script>"',
                  "language 'ko': site_name may not contain '<'"),
    "site-description": ("site_description: 해지 방어팀이", 'site_description: x" onload="alert(1) 해지 방어팀이',
                         "site_description may not contain '\"'"),
    "duplicate-locale": ("locale: da", "locale: ko", "language 'ko' is listed twice"),
    "two-defaults": ("name: 한국어", "name: 한국어\n          default: true", "2 default languages"),
    "language-link": ("name: Dansk", "name: Dansk\n          fixed_link: javascript:alert(1)",
                      "language 'da': fixed_link 'javascript:alert(1)' must be a path or an http(s)"),
    "language-theme": ("          theme:\n            palette:\n              - toggle:\n                  name: Skift til mørkt",
                       "          theme:\n            font:\n              text: Roboto\n            palette:\n"
                       "              - toggle:\n                  name: Skift til mørkt",
                       "language 'da': theme setting 'font' is not allowed", "            font:"),
}


@pytest.mark.parametrize("case", CONFIG.values(), ids=CONFIG.keys())
def test_hostile_configuration_is_refused(project_copy, case):
    old, new, expected, *named = case  # named: the line the refusal names, if not new's last
    config = project_copy / "mkdocs.yml"
    replace_once(config, old, new)
    message = _refusal(project_copy)
    named_line = named[0] if named else new.splitlines()[-1].strip()
    line = max(number for number, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
               if named_line in text)
    assert message.startswith(f"mkdocs.yml:{line}: "), message
    assert expected in message, message


def test_a_locale_the_theme_does_not_know_is_refused(project_copy):
    replace_once(project_copy / "mkdocs.yml", "locale: da", "locale: en_US")
    (project_copy / "docs" / "da").rename(project_copy / "docs" / "en_US")
    message = _refusal(project_copy)
    assert re.match(r"mkdocs\.yml:\d+: language 'en_US': Material for MkDocs has no interface "
                    r"texts for it", message), message


# -----------------------------------------------------------------------------
# data/messages.yml
# -----------------------------------------------------------------------------

MESSAGES = {
    "invalid-yaml": (lambda text: text.replace("  en: Page not found", "  en: [Page not found"),
                     r"data/messages\.yml:\d+: invalid YAML: .+"),
    "empty": (lambda text: "# nothing\n", r"data/messages\.yml: expected a mapping of message keys to texts per language"),
    "missing-key": (lambda text: re.sub(r"not_found_title:\n(  .*\n)+", "", text),
                    r"data/messages\.yml: missing message 'not_found_title' \(with at least its en text\)"),
    "format-field": (lambda text: text.replace("{language} 번역이 아직 없어 이 페이지는",
                                               "{language.__class__} 번역이 아직 없어 이 페이지는"),
                     r"data/messages\.yml: message 'untranslated_page': the 'ko' text has the field "
                     r"'\{language\.__class__\}'; the only field is \{language\}"),
    "not-a-string": (lambda text: text.replace("  da: Sprog", "  da: [Sprog]"),
                     r"data/messages\.yml: message 'status_language': the 'da' text must be a "
                     r"non-empty string"),
}


@pytest.mark.parametrize("change, expected", MESSAGES.values(), ids=MESSAGES.keys())
def test_malformed_messages_are_one_line(project_copy, change, expected):
    messages = project_copy / "data" / "messages.yml"
    messages.write_text(change(messages.read_text(encoding="utf-8")), encoding="utf-8")
    message = _refusal(project_copy)
    assert re.fullmatch(expected, message), message


def test_markup_in_messages_is_published_as_text(project_copy):
    messages = project_copy / "data" / "messages.yml"
    text = messages.read_text(encoding="utf-8")
    text = text.replace("  da: Endnu ikke oversat", "  da: '<img src=x onerror=alert(1)> \"x'")
    text = text.replace("  da: Hjælp med at oversætte siden.",
                        "  da: 'x](javascript:alert(1)) [y'")
    text = text.replace("  en: Page not found", "  en: '</title><script>alert(1)</script>'")
    text = text.replace("  en: Pages in this guide", "  en: 'x\" onfocus=\"alert(1)'")
    messages.write_text(text, encoding="utf-8")
    (project_copy / "docs" / "da" / "status.md").unlink()  # Danish readers see the notice
    site = _built(project_copy)
    page = _soup(site, "da/status/index.html")
    notice = page.select_one(".admonition.untranslated")
    assert notice.select_one(".admonition-title").get_text() == '<img src=x onerror=alert(1)> "x'
    assert "x](javascript:alert(1)) [y" in notice.get_text()
    _nothing_active(page)
    not_found = _soup(site, "404.html")
    assert not_found.find("h1").get_text() == "</title><script>alert(1)</script>"
    assert not_found.title.get_text().startswith("</title><script>")
    assert all("alert(1)" not in (script.string or "") or "\\u003c" in script.string
               for script in not_found.find_all("script"))
    assert not not_found.find(attrs={"onfocus": True})
    assert not_found.find("nav", attrs={"aria-label": 'x" onfocus="alert(1)'})


def test_a_page_title_on_the_404_page_is_text(project_copy):
    replace_once(project_copy / "docs" / "en" / "faq.md", "title: Frequently asked questions\n", "")
    replace_once(project_copy / "docs" / "en" / "faq.md", "# Frequently asked questions { #faq }",
                 r"# Questions \<b onmouseover=alert(1)\> { #faq }")
    site = _built(project_copy)
    not_found = _soup(site, "404.html")
    assert not not_found.find("b")
    assert not_found.find("a", string=re.compile("onmouseover"))


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
    message = _refusal(project_copy)
    assert message.startswith(f"data/faq.yml:{line}: entry 'hostile' (en.answer): "), message
    assert expected in message, message


def test_html_in_faq_answers_is_text(project_copy):
    _add_faq_entry(project_copy, '<script>alert(1)</script> <img src=x onerror=alert(1)> `<b>`')
    site = _built(project_copy)
    for path in ("faq/index.html", "ko/faq/index.html"):
        soup = _soup(site, path)
        _nothing_active(soup)
        assert "<script>alert(1)</script>" in soup.select_one("article").get_text()


@pytest.mark.parametrize("entry_id, key", [('"a\\n::error::b"', "en"), ("ok-id", '"k\\n::warning::o"')],
                         ids=["id", "language-key"])
def test_data_text_in_errors_has_no_raw_line_breaks(project_copy, entry_id, key):
    faq = project_copy / "data" / "faq.yml"
    faq.write_text(faq.read_text(encoding="utf-8")
                   + f"- id: {entry_id}\n  {key}:\n    question: Q\n    answer: A\n", encoding="utf-8")
    message = _refusal(project_copy)
    assert "\\n::" in message, message


# -----------------------------------------------------------------------------
# Bounded build time
# -----------------------------------------------------------------------------

def test_an_faq_page_over_the_page_limit_is_refused(project_copy):
    for number in range(60):
        _add_faq_entry(project_copy, "Words. " * 300, entry_id=f"long-{number}")
    message = _refusal(project_copy)
    assert re.fullmatch(r"data/faq\.yml: the FAQ page in 'en' would hold [\d,]+ bytes of questions "
                        r"and answers, over the limit of 100,000 bytes for one page", message), message


def test_thousands_of_backticks_in_an_answer_build_in_seconds(project_copy):
    _add_faq_entry(project_copy, "`" * 3000)
    _built(project_copy)


# (Markdown appended to docs/ko/index.md, the line the refusal names within it (None: the file
# only), what it says)
SLOW_MARKDOWN = {
    "heading-of-150000-spaces": ("# a" + " " * 150_000 + "b", None,
                                 "bytes is over the limit of 100,000 bytes"),
    "heading-of-20000-spaces": ("# a" + " " * 20_000 + "b", 0,
                                "a paragraph of 20,005 characters is over the limit of 4,000"),
    "brackets": ("[" * 3_000, 0, "a paragraph with 3000 '[' in 3,001 characters has too many links"),
    "autolinks": ("<http://" * 400, 0, "400 '<' in one text is over the limit of 100"),
    "angles-across-paragraphs": ("\n\n".join(["<a"] * 400), 200,
                                 "400 '<' in one text is over the limit of 100"),
}


@pytest.mark.parametrize("markdown, offset, expected", SLOW_MARKDOWN.values(),
                         ids=SLOW_MARKDOWN.keys())
def test_inputs_that_make_markdown_slow_are_refused_in_seconds(project_copy, markdown, offset,
                                                               expected):
    line = _append(project_copy / "docs" / "ko" / "index.md", markdown)
    message = _refusal(project_copy)
    where = "docs/ko/index.md: " if offset is None else f"docs/ko/index.md:{line + offset}: "
    assert message.startswith(where), message
    assert expected in message, message


def test_the_worst_paragraph_within_the_limits_builds_in_seconds(project_copy):
    paragraph = "[" * 10 + "<http://" * 5 + " " * 3_900 + "x"
    _append(project_copy / "docs" / "ko" / "index.md", "\n\n".join([paragraph] * 20))
    _built(project_copy)


def test_scanners_are_linear():
    started = time.monotonic()
    code_spans("`" * 200_000)
    code_spans("".join("`" * (n % 60 + 1) + "a" for n in range(40_000)))
    code_spans("".join("`" * (60 - n % 60) + "a" for n in range(40_000)))
    escape_markup("` " * 100_000)
    assert first_heading("# a" + " " * 1_000_000 + "b { #x }") == "a" + " " * 1_000_000 + "b"
    assert time.monotonic() - started < 3


def test_hook_attributes_are_allowed_in_hook_markup_only():
    html = '<span class="translation-state" data-state="missing"><strong>x</strong></span>'
    assert check_html(html, hook_markup=True) == []
    assert [problem.message for problem in check_html(html)] == [
        "the attribute 'data-state' on <span> is not allowed"]


@pytest.mark.parametrize("text", ["x](javascript:alert(1)) [y", "*a* _b_ `c` <b>d</b> &amp; {: e }",
                                  "line one\n\n# heading", "a | b \\ c ! d"])
def test_escaped_plain_text_shows_as_written(text):
    import markdown

    html = markdown.markdown(escape_text(text), extensions=["tables", "attr_list"])
    soup = BeautifulSoup(html, "lxml")
    assert [element.name for element in soup.body.find_all(True)] == ["p"]
    assert soup.get_text() == " ".join(text.split())


def test_quote_escapes_control_characters():
    assert quote("a\nb\x1b[31m\u2028") == "'a\\nb\\x1b[31m\\u2028'"


# -----------------------------------------------------------------------------
# The translators' commands: all or nothing, encodings kept
# -----------------------------------------------------------------------------

def _tools(project: Path) -> Path:
    return with_translation_tools(project)


@pytest.mark.parametrize("bom, newline", [(True, "\n"), (False, "\r\n"), (True, "\r\n")],
                         ids=["bom", "crlf", "bom-crlf"])
def test_sync_keeps_byte_order_mark_and_line_endings(project_copy, bom, newline):
    project = _tools(project_copy)
    page = project / "docs" / "ko" / "index.md"
    text = page.read_text(encoding="utf-8").replace('source_hash: "', 'source_hash: "0')
    page.write_bytes(("\ufeff" if bom else "").encode() + text.replace("\n", newline).encode())
    result = run_i18n(project, "sync", "ko", "index.md")
    assert result.returncode == 0, result.stderr
    data = page.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---") == bom and data.startswith(b"---") != bom
    after = data.decode("utf-8-sig")
    assert after.count("---") >= 2 and after.count("source_hash:") == 1
    if newline == "\r\n":
        assert "\n" not in after.replace("\r\n", "")
    else:
        assert "\r" not in after
    status = run_i18n(project, "status", "ko")
    assert re.search(r"translated\s+index\.md", status.stdout), status.stdout


def test_sync_of_a_read_only_file_is_one_line_and_changes_nothing(project_copy):
    project = _tools(project_copy)
    page = project / "docs" / "ko" / "index.md"
    before = page.read_bytes()
    page.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        result = run_i18n(project, "sync", "ko", "index.md")
    finally:
        page.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == "error: docs/ko/index.md: the file is read-only; nothing was changed"
    assert page.read_bytes() == before


def test_new_language_leaves_nothing_behind_when_mkdocs_yml_cannot_be_written(project_copy):
    project = _tools(project_copy)
    config = project / "mkdocs.yml"
    before = config.read_bytes()
    config.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        result = run_i18n(project, "new-language", "de", "Deutsch")
    finally:
        config.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: mkdocs.yml: the file is read-only; nothing was changed"
    assert not (project / "docs" / "de").exists()
    assert config.read_bytes() == before
    assert not [path for path in project.rglob(".*.tmp")]
    again = run_i18n(project, "new-language", "de", "Deutsch")
    assert again.returncode == 0, again.stderr
    assert (project / "docs" / "de" / "index.md").is_file()


def test_status_names_a_translation_that_is_not_utf8(project_copy):
    project = _tools(project_copy)
    page = project / "docs" / "da" / "index.md"
    page.write_bytes(page.read_bytes() + "\nCafé\n".encode("latin-1"))
    result = run_i18n(project, "status")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.fullmatch(r"error: docs/da/index\.md:\d+: not valid UTF-8 \(byte 0xe9\); save the file as UTF-8\n",
                        result.stderr), result.stderr


def test_glossary_names_a_translation_that_is_not_utf8(project_copy):
    project = _tools(project_copy)
    page = project / "docs" / "ko" / "index.md"
    page.write_bytes(page.read_bytes() + "\nCafé\n".encode("latin-1"))
    result = run_i18n(project, "glossary")
    assert result.returncode == 1
    assert re.fullmatch(r"error: docs/ko/index\.md:\d+: not valid UTF-8 \(byte 0xe9\); save the file "
                        r"as UTF-8\n", result.stderr), result.stderr


def test_glossary_whole_words_must_be_a_list(project_copy):
    project = _tools(project_copy)
    replace_once(project / "data" / "glossary.yml", "whole_words: [en]", "whole_words: ko")
    result = run_i18n(project, "glossary")
    assert result.returncode == 1
    assert result.stderr.strip() == ("error: data/glossary.yml: field 'whole_words' must be a list "
                                     "of language codes, such as [en, da]")


# -----------------------------------------------------------------------------
# Files and settings that would publish a script or load a third party
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["evil.html", "evil.js", "logo.svg", "theme.css"])
def test_files_a_browser_could_run_are_refused_in_docs(project_copy, name):
    (project_copy / "docs" / "ko" / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    message = _refusal(project_copy)
    assert message.startswith(f"docs/ko/{name}: files of type '{Path(name).suffix}' are not allowed")


SETTINGS = {
    "extra-javascript": ("nav:\n", "extra_javascript:\n  - https://evil.example/x.js\nnav:\n",
                         "extra_javascript is not allowed"),
    "repo-url": ("repo_url: !ENV [REPO_URL, \"https://github.com/OWNER/spectrum-retention-guide\"]",
                 "repo_url: javascript:alert(1)", "Config value 'repo_url': The URL isn't valid"),
    "nav-link": ("  - status.md\n", "  - status.md\n  - Prize: javascript:alert(1)\n",
                 "nav: the link 'javascript:alert(1)' is not allowed"),
    "nav-title": ("  - status.md\n", "  - status.md\n  - \"<img src=x onerror=alert(1)>\": https://example.org/\n",
                  "nav: title may not contain '<'"),
}


@pytest.mark.parametrize("old, new, expected", SETTINGS.values(), ids=SETTINGS.keys())
def test_settings_that_would_run_or_load_something_are_refused(project_copy, old, new, expected):
    replace_once(project_copy / "mkdocs.yml", old, new)
    message = _refusal(project_copy)
    assert re.match(r"mkdocs\.yml:\d+: |Config value 'repo_url'", message), message  # mkdocs' own
    assert expected in message, message
