"""Load and validate data/faq.yml: the one loader used by the hooks, the scripts and the tests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from sitelib.data_files import read_cached
from sitelib.languages import site_languages
from sitelib.text_scan import quote

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Fields a language block may hold; `source` records the hash of the English text
# a translation was made from, so that an outdated translation can be detected.
LANGUAGE_FIELDS = ("question", "answer", "source")
REQUIRED_FIELDS = ("question", "answer")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FaqDataError(Exception):
    """One line that names the file, the entry and the field at fault."""


@dataclass(frozen=True)
class FaqText:
    question: str
    answer: str
    source: str | None = None


@dataclass(frozen=True)
class FaqEntry:
    id: str
    texts: dict[str, FaqText]
    position: int

    # The text for a language, or None where it is not translated yet.
    def text_for(self, language: str) -> FaqText | None:
        return self.texts.get(language)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Read and validate the FAQ file; raise FaqDataError with one clear line. The file is read
# again only when it changes.
def load_faq(
    path: Path, *, languages: list[str], default_language: str, display_name: str | None = None
) -> list[FaqEntry]:
    return read_cached(_load, Path(path), tuple(languages), default_language,
                       display_name or Path(path).name)


# The FAQ named by a page's front matter, in a running build: bad data stops the build with
# the loader's one-line message (mkdocs prints a PluginError as it is, with no traceback).
def load_build_faq(config, source: str) -> list[FaqEntry]:
    languages = site_languages(config)
    try:
        return load_faq(
            Path(config.config_file_path).resolve().parent / source,
            languages=languages.locales, default_language=languages.default, display_name=source,
        )
    except FaqDataError as error:
        raise PluginError(str(error)) from None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Read and validate the FAQ file.
def _load(path: Path, languages: tuple[str, ...], default_language: str, name: str) -> list[FaqEntry]:
    languages = list(languages)
    raw = _read_text(path, name)
    data = _parse_yaml(raw, name)
    if data is None:
        raise FaqDataError(f"{name}: the file is empty; expected a list of FAQ entries")
    if not isinstance(data, list):
        raise FaqDataError(
            f"{name}: expected a list of FAQ entries at the top level, found {_kind(data)}"
        )
    if not data:
        raise FaqDataError(f"{name}: the list of FAQ entries is empty")
    entries: list[FaqEntry] = []
    seen: dict[str, int] = {}
    for position, item in enumerate(data, start=1):
        entry = _validate_entry(item, position, name, languages, default_language)
        if entry.id in seen:
            raise FaqDataError(
                f"{name}: entry {position} (id '{entry.id}'): field 'id': "
                f"duplicate id, already used by entry {seen[entry.id]}"
            )
        seen[entry.id] = position
        entries.append(entry)
    return entries


# Decode the file as UTF-8, naming the first bad byte otherwise.
def _read_text(path: Path, name: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FaqDataError(f"{name}: file not found") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FaqDataError(
            f"{name}: line {line}: not valid UTF-8 (byte 0x{data[error.start]:02x}); "
            "save the file as UTF-8"
        ) from None


# Parse YAML, rejecting duplicate keys, and report errors with their line.
def _parse_yaml(text: str, name: str) -> object:
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = error.problem or error.context or "syntax error"
        raise FaqDataError(f"{name}: {where}invalid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise FaqDataError(f"{name}: invalid YAML: {error}") from None


# Check one entry and turn it into a FaqEntry.
def _validate_entry(
    item: object, position: int, name: str, languages: list[str], default_language: str
) -> FaqEntry:
    where = f"{name}: entry {position}"
    if not isinstance(item, dict):
        raise FaqDataError(
            f"{where}: expected a mapping with 'id' and one block per language, found {_kind(item)}"
        )
    if "id" not in item:
        raise FaqDataError(f"{where}: missing field 'id'")
    entry_id = item["id"]
    if not isinstance(entry_id, str):
        raise FaqDataError(f"{where}: field 'id' must be a string, found {_kind(entry_id)}")
    if not ID_PATTERN.match(entry_id):
        raise FaqDataError(
            f"{where} (id {quote(entry_id)}): field 'id' must be a lowercase slug "
            "such as 'cancellation-fee'"
        )
    where = f"{where} (id '{entry_id}')"
    texts: dict[str, FaqText] = {}
    for key, block in item.items():
        if key == "id":
            continue
        if key not in languages:
            known = ", ".join(languages)
            raise FaqDataError(f"{where}: unknown language code {quote(key)} (known: {known})")
        texts[key] = _validate_text(block, key, where)
    if default_language not in texts:
        raise FaqDataError(
            f"{where}: missing field '{default_language}' "
            f"(the {default_language} text is required: it is the fallback)"
        )
    ordered = {language: texts[language] for language in languages if language in texts}
    return FaqEntry(id=entry_id, texts=ordered, position=position)


# Check one language block: question and answer, non-empty strings.
def _validate_text(block: object, language: str, where: str) -> FaqText:
    if not isinstance(block, dict):
        raise FaqDataError(
            f"{where}: field '{language}' must be a mapping with question and answer, "
            f"found {_kind(block)}"
        )
    for field in block:
        if field not in LANGUAGE_FIELDS:
            expected = ", ".join(LANGUAGE_FIELDS)
            raise FaqDataError(f"{where}: unknown field {quote(language + '.' + str(field))} (expected {expected})")
    for field in REQUIRED_FIELDS:
        if field not in block:
            raise FaqDataError(f"{where}: missing field '{language}.{field}'")
    for field, value in block.items():
        if not isinstance(value, str):
            raise FaqDataError(
                f"{where}: field '{language}.{field}' must be a string, found {_kind(value)}"
            )
        if not value.strip():
            raise FaqDataError(f"{where}: field '{language}.{field}' is empty")
    return FaqText(
        question=block["question"].strip(),
        answer=block["answer"].strip(),
        source=block.get("source"),
    )


# Describe a YAML value's type in words, for error messages.
def _kind(value: object) -> str:
    kinds = {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "an empty value",
    }
    return kinds.get(type(value), f"a {type(value).__name__}")


# A safe loader that refuses duplicate keys, which YAML would otherwise drop silently.
class _UniqueKeyLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {quote(key)}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)
