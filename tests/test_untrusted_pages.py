"""Untrusted pages: nothing a pull request writes into a page or its front matter can run in a
reader's browser, load a third party, or hang the build.

Each test writes one hostile input into a scratch copy of the project, where a contributor
would, and builds it as the pull-request check does: the build either refuses it with one line
naming the file and the line, or publishes it as inert text.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import TRANSLATED_LANGUAGES
from sitelib.content_policy import check_html
from sitelib.markdown_text import escape_markup, escape_text
from sitelib.text_scan import code_spans, first_heading, quote
from support.hostile import append, built, nothing_active, refusal, replace_key_line, soup
from support.i18n_project import replace_once

# The translation a hostile text goes into.
TRANSLATION = TRANSLATED_LANGUAGES[0]


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
    line = append(project_copy / "docs" / TRANSLATION / "index.md", markdown)
    message = refusal(project_copy)
    assert message.startswith(f"docs/{TRANSLATION}/index.md:{line + offset}: "), message
    assert expected in message, message


def test_what_a_translator_needs_is_published(project_copy):
    append(project_copy / "docs" / TRANSLATION / "index.md",
            'Press <kbd>Ctrl</kbd>+<kbd>F</kbd>.<br>The <abbr title="Federal Communications '
            'Commission">FCC</abbr> rules.\n\n[site](https://www.spectrum.com/) '
            "[mail](mailto:help@example.org) [fee](faq.md#cancellation-fee) [top](#introduction)\n\n"
            "| a | b |\n| :-- | --: |\n| 1 | 2 |\n\n!!! note\n\n    *Emphasis* in a note.")
    page = soup(built(project_copy), f"{TRANSLATION}/index.html")
    article = page.select_one("article")
    assert [kbd.text for kbd in article.find_all("kbd")] == ["Ctrl", "F"]
    assert article.find("abbr")["title"] == "Federal Communications Commission"
    assert article.find("a", href="https://www.spectrum.com/")
    assert article.find("a", href="mailto:help@example.org")
    nothing_active(page)


# -----------------------------------------------------------------------------
# Front matter
# -----------------------------------------------------------------------------

# (the front matter key whose line is replaced, the new lines, where the refusal points from the
# first new line, what it says)
FRONT_MATTER = {
    "title-script": ("title", ['title: "</title><script>alert(1)</script>"'], 0,
                     "front matter 'title' may not contain '<'"),
    "description-breakout": ("description",
                             ['description: \'x" http-equiv="refresh" content="0;url=https://e.example/\''], 0,
                             "front matter 'description' may not contain '\"'"),
    "title-entity": ("title", ['title: "&lt;script&gt;alert(1)&lt;/script&gt;"'], 0, "may not contain '&lt;'"),
    "invalid-yaml": ("title", ["title: [unclosed"], 1, "the front matter is not valid YAML"),
    "template": ("source_hash", ["template: 404.html", 'source_hash: "000000000000"'], 0,
                 "front matter 'template' is not allowed"),
    "status-class": ("source_hash", ['status: new" onmouseover="alert(1)', 'source_hash: "000000000000"'], 0,
                     "front matter 'status' is not allowed"),
}


@pytest.mark.parametrize("key, new, offset, expected", FRONT_MATTER.values(), ids=FRONT_MATTER.keys())
def test_hostile_front_matter_is_refused(project_copy, key, new, offset, expected):
    line = replace_key_line(project_copy / "docs" / TRANSLATION / "index.md", key, new)
    message = refusal(project_copy)
    assert message.startswith(f"docs/{TRANSLATION}/index.md:{line + offset}: "), message
    assert expected in message, message



def test_a_title_taken_from_the_first_heading_is_text(project_copy):
    page = project_copy / "docs" / TRANSLATION / "faq.md"
    text = re.sub(r"(?m)^title:.*\n", "", page.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^# .*\{ #faq \}$",
                  "# FAQ &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; { #faq }", text)
    page.write_text(text, encoding="utf-8")
    page = soup(built(project_copy), f"{TRANSLATION}/faq/index.html")
    assert page.title.get_text().startswith("FAQ </title><script>alert(1)</script> - ")
    assert not [script for script in page.find_all("script") if "alert(1)" in (script.string or "")]


@pytest.mark.parametrize("path", ["../../../etc/passwd", "data/../../secrets.yml",
                                  'data/faq.yml" onmouseover="alert(1)'])
def test_faq_data_outside_the_data_folder_is_refused(project_copy, path):
    replace_once(project_copy / "docs" / TRANSLATION / "faq.md", "faq_data: data/faq.yml",
                 f"faq_data: '{path}'")
    message = refusal(project_copy)
    assert message.startswith(f"docs/{TRANSLATION}/faq.md:4: front matter 'faq_data'"), message
    assert "must name a file in data/" in message, message


def test_a_translation_that_is_not_utf8_is_named(project_copy):
    page = project_copy / "docs" / TRANSLATION / "faq.md"
    page.write_bytes(page.read_bytes() + "\nCafé\n".encode("latin-1"))
    message = refusal(project_copy)
    line = page.read_bytes().count(b"\n")
    assert message == f"docs/{TRANSLATION}/faq.md:{line}: not valid UTF-8 (byte 0xe9); save the file as UTF-8"



# -----------------------------------------------------------------------------
# Files and settings that would publish a script or load a third party
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["evil.html", "evil.js", "logo.svg", "theme.css"])
def test_files_a_browser_could_run_are_refused_in_docs(project_copy, name):
    # In the English folder: in a translation's, a file without an English counterpart is refused first.
    (project_copy / "docs" / "en" / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    message = refusal(project_copy)
    assert message.startswith(f"docs/en/{name}: files of type '{Path(name).suffix}' are not allowed")


# -----------------------------------------------------------------------------
# Bounded build time
# -----------------------------------------------------------------------------

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
    line = append(project_copy / "docs" / TRANSLATION / "index.md", markdown)
    message = refusal(project_copy)
    where = f"docs/{TRANSLATION}/index.md: " if offset is None else f"docs/{TRANSLATION}/index.md:{line + offset}: "
    assert message.startswith(where), message
    assert expected in message, message


def test_the_worst_paragraph_within_the_limits_builds_in_seconds(project_copy):
    paragraph = "[" * 10 + "<http://" * 5 + " " * 3_900 + "x"
    append(project_copy / "docs" / TRANSLATION / "index.md", "\n\n".join([paragraph] * 20))
    built(project_copy)


def test_scanners_are_linear():
    started = time.process_time()
    code_spans("`" * 200_000)
    code_spans("".join("`" * (n % 60 + 1) + "a" for n in range(40_000)))
    code_spans("".join("`" * (60 - n % 60) + "a" for n in range(40_000)))
    escape_markup("` " * 100_000)
    assert first_heading("# a" + " " * 1_000_000 + "b { #x }") == "a" + " " * 1_000_000 + "b"
    assert time.process_time() - started < 3


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
