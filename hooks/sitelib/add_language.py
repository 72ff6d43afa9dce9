"""Add a language to the site: one entry in mkdocs.yml and a docs/<locale>/ folder of pages
marked untranslated, so that the site builds at once and readers see the English text with a
notice until each page is translated.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import yaml
from mkdocs_static_i18n.config import RE_LOCALE

from sitelib.safe_files import FileError, read_text, write_all
from sitelib.translation_status import UNTRANSLATED_KEY, english_pages
from sitelib.sync_translation import FRONT_MATTER

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Material for MkDocs ships its interface texts (search box, buttons) for these languages.
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


class LanguageError(Exception):
    """One line that names the file or the value at fault."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Check that a locale can be added: a code both the i18n plugin and Material know, not there yet.
def check_locale(locale: str, existing: list[str]) -> None:
    if not RE_LOCALE.match(locale):
        raise LanguageError(
            f"'{locale}' is not a language code: use ISO 639-1, such as 'de' or 'pt-BR'"
        )
    if not (MATERIAL_LANGUAGES / f"{locale}.html").is_file():
        known = ", ".join(sorted(path.stem for path in MATERIAL_LANGUAGES.glob("*.html")))
        raise LanguageError(
            f"'{locale}': Material for MkDocs has no interface texts for this language "
            f"(known: {known})"
        )
    if locale in existing:
        raise LanguageError(f"mkdocs.yml: language '{locale}' is already configured")


# The text of mkdocs.yml with one more language after the last one, all else unchanged.
def add_language_to_config(text: str, locale: str, name: str) -> str:
    languages = _languages_node(text)
    first, last = languages.value[0], languages.value[-1]
    lines = text.splitlines(keepends=True)
    first_line = lines[first.start_mark.line]
    item_prefix = first_line[: first.start_mark.column]  # such as "        - "
    indent = " " * first.start_mark.column
    end = max((value.end_mark for _, value in last.value), key=lambda mark: mark.index)
    insert_at = end.line if end.column == 0 else end.line + 1
    # A block's end mark lies past the blank and comment lines after it, which belong to what
    # follows (such as the comment above `hooks:`): the new entry goes right after the last line
    # of the last one.
    while insert_at > last.start_mark.line + 1 and (
            not lines[insert_at - 1].strip() or lines[insert_at - 1].lstrip().startswith("#")):
        insert_at -= 1
    entry = (
        f"{item_prefix}locale: {locale}\n"
        f"{indent}name: {_yaml_string(name)}\n"
        f"{indent}build: true\n"
    )
    if insert_at > len(lines) - 1 and lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines.insert(insert_at, entry)
    return "".join(lines)


# A copy of an English page that says it is not translated yet.
def untranslated_copy(text: str) -> str:
    marker = f"{UNTRANSLATED_KEY}: true\n"
    match = FRONT_MATTER.match(text)
    if not match:
        return f"---\n{marker}---\n\n{text}"
    closing = match.start("close")
    return text[:closing] + marker + text[closing:]


# Add the language: mkdocs.yml, then docs/<locale>/ with every English page marked untranslated.
# Every file is written or none is: a failure leaves the repository as it was.
def add_language(root: Path, locale: str, name: str, existing: list[str], default: str) -> list[Path]:
    check_locale(locale, existing)
    if not name.strip():
        raise LanguageError("the language name is empty: give its own name, such as \"Deutsch\"")
    docs = root / "docs"
    folder = docs / locale
    if folder.exists():
        raise LanguageError(f"docs/{locale}/ already exists: remove it or pick another code")
    try:
        config = root / "mkdocs.yml"
        updated = add_language_to_config(read_text(config, "mkdocs.yml"), locale, name.strip())
        changes = {}
        for page in english_pages(docs, default):
            source = docs / default / page
            text = read_text(source, source.relative_to(root).as_posix())
            changes[folder / page] = untranslated_copy(text).encode("utf-8")
        created = list(changes)
        changes[config] = updated.encode("utf-8")
        owners = root / ".github" / "CODEOWNERS"
        if owners.is_file():
            changes[owners] = add_codeowners(read_text(owners, ".github/CODEOWNERS"), locale).encode("utf-8")
            created.append(owners)
        write_all(changes, {path: path.relative_to(root).as_posix() for path in changes})
    except FileError as error:
        raise LanguageError(str(error)) from None
    return created


# CODEOWNERS with the new folder routed to its translators' team, named like the others, and
# that team added to the lines of the shared data files that hold every language's texts.
def add_codeowners(text: str, locale: str) -> str:
    owner = re.search(r"@([\w.-]+)/translators-", text)
    team = f"@{owner.group(1) if owner else 'OWNER'}/translators-{locale}"
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith("/data/") and "/translators-" in line and team not in line.split():
            lines[number] = line.rstrip("\n") + f" {team}\n"
    if not re.search(rf"^/docs/{re.escape(locale)}/\s", text, re.MULTILINE):
        docs_rows = [number for number, line in enumerate(lines) if line.startswith("/docs/")]
        at = docs_rows[-1] + 1 if docs_rows else len(lines)
        width = len(lines[docs_rows[-1]].split("@")[0]) if docs_rows else 20
        lines.insert(at, f"{f'/docs/{locale}/':<{width}}{team}\n")
    return "".join(lines)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The YAML node of the i18n plugin's `languages` list, with its place in the text.
def _languages_node(text: str) -> yaml.SequenceNode:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    plugins = _child(root, "plugins")
    for plugin in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        i18n = _child(plugin, "i18n")
        if i18n is not None:
            languages = _child(i18n, "languages")
            if isinstance(languages, yaml.SequenceNode) and languages.value and not languages.flow_style:
                return languages
    raise LanguageError("mkdocs.yml: found no block list 'plugins: - i18n: languages:'")


# The value of a key in a YAML mapping node, or None.
def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)


# A YAML scalar for a name: plain where YAML reads it back unchanged, double-quoted otherwise.
def _yaml_string(value: str) -> str:
    try:
        plain = yaml.safe_load(f"key: {value}") == {"key": value}
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)
