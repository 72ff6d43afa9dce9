"""Untrusted configuration and messages: nothing a pull request writes into mkdocs.yml or
data/messages.yml can run in a reader's browser or load a third party; malformed files are one
line naming the file and the line."""

from __future__ import annotations

import re

import pytest

from conftest import TRANSLATED_LANGUAGES
from support.hostile import (
    built, key_line, language_entry, message_line, nothing_active, refusal, soup,
)
from support.i18n_project import replace_once

# Two translations whose settings and texts a test changes.
TRANSLATION, SECOND = TRANSLATED_LANGUAGES[0], TRANSLATED_LANGUAGES[1]


# -----------------------------------------------------------------------------
# mkdocs.yml: languages and site names
# -----------------------------------------------------------------------------

# A change to one language's entry of mkdocs.yml: (its locale, the key of the line changed, the
# lines in its place ("{line}": the line itself), which of them the refusal names, what it says).
CONFIG = {
    "language-name": (TRANSLATION, "name", ['name: "<img src=x onerror=alert(1)>"'], 0,
                      f"language '{TRANSLATION}': name may not contain '<'"),
    "site-name": (TRANSLATION, "site_name", ['site_name: "<script>alert(1)</script>"'], 0,
                  f"language '{TRANSLATION}': site_name may not contain '<'"),
    "site-description": (TRANSLATION, "site_description", ['site_description: x" onload="alert(1)'], 0,
                         "site_description may not contain '\"'"),
    "duplicate-locale": (SECOND, "locale", [f"- locale: {TRANSLATION}"], 0,
                         f"language '{TRANSLATION}' is listed twice"),
    "two-defaults": (TRANSLATION, "name", ["{line}", "default: true"], 1, "2 default languages"),
    "language-link": (SECOND, "name", ["{line}", "fixed_link: javascript:alert(1)"], 1,
                      f"language '{SECOND}': fixed_link 'javascript:alert(1)' must be a path or an http(s)"),
    "language-theme": (SECOND, "build", ["{line}", "theme:", "  font:", "    text: Roboto"], 2,
                       f"language '{SECOND}': theme setting 'font' is not allowed"),
}


@pytest.mark.parametrize("locale, key, new, named, expected", CONFIG.values(), ids=CONFIG.keys())
def test_hostile_configuration_is_refused(project_copy, locale, key, new, named, expected):
    config = project_copy / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    entry = language_entry(lines, locale)
    index = entry if key == "locale" else key_line(lines, key, after=entry + 1)
    old = lines[index]
    indent = old[: len(old) - len(old.lstrip())]
    if "theme:" in new:  # the language's own theme block, if any, gives way to the hostile one
        end = next((number for number in range(entry + 1, len(lines))
                    if re.match(r"\s*- locale:", lines[number]) or not lines[number].startswith(indent)),
                   len(lines))
        theme = next((number for number in range(entry + 1, end) if lines[number].strip() == "theme:"), None)
        if theme is not None:
            block_end = next((number for number in range(theme + 1, end)
                              if not lines[number].startswith(indent + " ")), end)
            del lines[theme:block_end]
            index = key_line(lines, key, after=entry + 1)
    lines[index: index + 1] = [old if line == "{line}" else indent + line for line in new]
    config.write_text("\n".join(lines), encoding="utf-8")
    message = refusal(project_copy)
    assert message.startswith(f"mkdocs.yml:{index + 1 + named}: "), message
    assert expected in message, message


def test_a_locale_the_theme_does_not_know_is_refused(project_copy):
    replace_once(project_copy / "mkdocs.yml", f"locale: {SECOND}\n", "locale: en_US\n")
    (project_copy / "docs" / SECOND).rename(project_copy / "docs" / "en_US")
    message = refusal(project_copy)
    assert re.match(r"mkdocs\.yml:\d+: language 'en_US': Material for MkDocs has no interface "
                    r"texts for it", message), message


# -----------------------------------------------------------------------------
# data/messages.yml
# -----------------------------------------------------------------------------

# Change one language's text of one message with `change(text)`; the new file.
def _with_message(text: str, key: str, locale: str, change) -> str:
    lines = text.split("\n")
    index = message_line(lines, key, locale)
    lines[index] = change(lines[index])
    return "\n".join(lines)


MESSAGES = {
    "invalid-yaml": (lambda text: _with_message(text, "not_found_title", "en",
                                                lambda line: line.replace("en: ", "en: [", 1)),
                     r"data/messages\.yml:\d+: invalid YAML: .+"),
    "empty": (lambda text: "# nothing\n", r"data/messages\.yml: expected a mapping of message keys to texts per language"),
    "missing-key": (lambda text: re.sub(r"not_found_title:\n(  .*\n)+", "", text),
                    r"data/messages\.yml: missing message 'not_found_title' \(with at least its en text\)"),
    "format-field": (lambda text: _with_message(text, "untranslated_page", "en",
                                                lambda line: line.replace("{language}", "{language.__class__}")),
                     r"data/messages\.yml: message 'untranslated_page': the 'en' text has the field "
                     r"'\{language\.__class__\}'; the only field is \{language\}"),
    "not-a-string": (lambda text: _with_message(text, "status_language", SECOND,
                                                lambda line: line.replace(": ", ": [", 1) + "]"),
                     rf"data/messages\.yml: message 'status_language': the '{SECOND}' text must be a "
                     r"non-empty string"),
}


@pytest.mark.parametrize("change, expected", MESSAGES.values(), ids=MESSAGES.keys())
def test_malformed_messages_are_one_line(project_copy, change, expected):
    messages = project_copy / "data" / "messages.yml"
    messages.write_text(change(messages.read_text(encoding="utf-8")), encoding="utf-8")
    message = refusal(project_copy)
    assert re.fullmatch(expected, message), message


def test_markup_in_messages_is_published_as_text(project_copy):
    messages = project_copy / "data" / "messages.yml"
    text = messages.read_text(encoding="utf-8")
    for key, locale, value in [
        ("untranslated_title", SECOND, "'<img src=x onerror=alert(1)> \"x'"),
        ("untranslated_page_help", SECOND, "'x](javascript:alert(1)) [y'"),
        ("not_found_title", "en", "'</title><script>alert(1)</script>'"),
        ("not_found_nav_label", "en", "'x\" onfocus=\"alert(1)'"),
    ]:
        text = _with_message(text, key, locale, lambda line: line.split(":", 1)[0] + ": " + value)
    messages.write_text(text, encoding="utf-8")
    (project_copy / "docs" / SECOND / "status.md").unlink()  # its readers see the notice
    site = built(project_copy)
    page = soup(site, f"{SECOND}/status/index.html")
    notice = page.select_one(".admonition.untranslated")
    assert notice.select_one(".admonition-title").get_text() == '<img src=x onerror=alert(1)> "x'
    assert "x](javascript:alert(1)) [y" in notice.get_text()
    nothing_active(page)
    not_found = soup(site, "404.html")
    assert not_found.find("h1").get_text() == "</title><script>alert(1)</script>"
    assert not_found.title.get_text().startswith("</title><script>")
    assert all("alert(1)" not in (script.string or "") or "\\u003c" in script.string
               for script in not_found.find_all("script"))
    assert not not_found.find(attrs={"onfocus": True})
    assert not_found.find("nav", attrs={"aria-label": 'x" onfocus="alert(1)'})


def test_a_page_title_on_the_404_page_is_text(project_copy):
    page = project_copy / "docs" / "en" / "faq.md"
    text = re.sub(r"(?m)^title:.*\n", "", page.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^# .*?(\{ #[\w-]+ \})$", r"# Questions \\<b onmouseover=alert(1)\\> \1", text, count=1)
    page.write_text(text, encoding="utf-8")
    site = built(project_copy)
    not_found = soup(site, "404.html")
    assert not not_found.find("b")
    assert not_found.find("a", string=re.compile("onmouseover"))


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
    message = refusal(project_copy)
    assert re.match(r"mkdocs\.yml:\d+: |Config value 'repo_url'", message), message  # mkdocs' own
    assert expected in message, message
