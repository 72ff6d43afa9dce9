"""The translators' commands on hostile or broken files: all or nothing, encodings kept, one
clear line naming the file."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from conftest import TRANSLATED_LANGUAGES, unused_locale
from support.i18n_project import replace_once, run_i18n, with_translation_tools

# The translations a test changes, and a language to add.
TRANSLATION, SECOND = TRANSLATED_LANGUAGES[0], TRANSLATED_LANGUAGES[1]
NEW = unused_locale()

# -----------------------------------------------------------------------------
# The translators' commands: all or nothing, encodings kept
# -----------------------------------------------------------------------------

def _tools(project: Path) -> Path:
    return with_translation_tools(project)


@pytest.mark.parametrize("bom, newline", [(True, "\n"), (False, "\r\n"), (True, "\r\n")],
                         ids=["bom", "crlf", "bom-crlf"])
def test_sync_keeps_byte_order_mark_and_line_endings(project_copy, bom, newline):
    project = _tools(project_copy)
    page = project / "docs" / TRANSLATION / "index.md"
    text = page.read_text(encoding="utf-8").replace('source_hash: "', 'source_hash: "0')
    page.write_bytes(("\ufeff" if bom else "").encode() + text.replace("\n", newline).encode())
    result = run_i18n(project, "sync", TRANSLATION, "index.md")
    assert result.returncode == 0, result.stderr
    data = page.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---") == bom and data.startswith(b"---") != bom
    after = data.decode("utf-8-sig")
    assert after.count("---") >= 2 and after.count("source_hash:") == 1
    if newline == "\r\n":
        assert "\n" not in after.replace("\r\n", "")
    else:
        assert "\r" not in after
    status = run_i18n(project, "status", TRANSLATION)
    assert re.search(r"translated\s+index\.md", status.stdout), status.stdout


def test_sync_of_a_read_only_file_is_one_line_and_changes_nothing(project_copy):
    project = _tools(project_copy)
    page = project / "docs" / TRANSLATION / "index.md"
    before = page.read_bytes()
    page.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        result = run_i18n(project, "sync", TRANSLATION, "index.md")
    finally:
        page.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"error: docs/{TRANSLATION}/index.md: the file is read-only; nothing was changed"
    assert page.read_bytes() == before


def test_new_language_leaves_nothing_behind_when_mkdocs_yml_cannot_be_written(project_copy):
    project = _tools(project_copy)
    config = project / "mkdocs.yml"
    before = config.read_bytes()
    config.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        result = run_i18n(project, "new-language", NEW, "Name")
    finally:
        config.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: mkdocs.yml: the file is read-only; nothing was changed"
    assert not (project / "docs" / NEW).exists()
    assert config.read_bytes() == before
    assert not [path for path in project.rglob(".*.tmp")]
    again = run_i18n(project, "new-language", NEW, "Name")
    assert again.returncode == 0, again.stderr
    assert (project / "docs" / NEW / "index.md").is_file()


def test_status_names_a_translation_that_is_not_utf8(project_copy):
    project = _tools(project_copy)
    page = project / "docs" / SECOND / "index.md"
    page.write_bytes(page.read_bytes() + "\nCafé\n".encode("latin-1"))
    result = run_i18n(project, "status")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.fullmatch(rf"error: docs/{SECOND}/index\.md:\d+: not valid UTF-8 \(byte 0xe9\); save the file as UTF-8\n",
                        result.stderr), result.stderr


def test_glossary_names_a_translation_that_is_not_utf8(project_copy):
    project = _tools(project_copy)
    page = project / "docs" / TRANSLATION / "index.md"
    page.write_bytes(page.read_bytes() + "\nCafé\n".encode("latin-1"))
    result = run_i18n(project, "glossary")
    assert result.returncode == 1
    assert re.fullmatch(rf"error: docs/{TRANSLATION}/index\.md:\d+: not valid UTF-8 \(byte 0xe9\); save the file "
                        r"as UTF-8\n", result.stderr), result.stderr


def test_glossary_whole_words_must_be_a_list(project_copy):
    project = _tools(project_copy)
    replace_once(project / "data" / "glossary.yml", "whole_words: [en]", "whole_words: ko")
    result = run_i18n(project, "glossary")
    assert result.returncode == 1
    assert result.stderr.strip() == ("error: data/glossary.yml: field 'whole_words' must be a list "
                                     "of language codes, such as [en, da]")
