"""Interface texts that the build hooks add to pages, from data/messages.yml."""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from sitelib.data_files import read_cached
from sitelib.languages import ROOT
from sitelib.safe_files import decode_utf8
from sitelib.text_scan import quote

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

MESSAGES_YML = ROOT / "data" / "messages.yml"
MESSAGES_NAME = "data/messages.yml"

# The only field a message may hold: the page's language name.
FIELDS = frozenset({"language"})


class MessagesError(PluginError):
    """One line that names data/messages.yml and what is wrong in it (mkdocs prints it as is)."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# A message in the given language, or in the fallback language where it has none yet.
def message(key: str, locale: str, fallback: str = "en", **fields: str) -> str:
    messages = read_cached(_load, MESSAGES_YML)
    if key not in messages or fallback not in messages[key]:
        raise MessagesError(f"{MESSAGES_NAME}: missing message {quote(key)} "
                            f"(with at least its {fallback} text)")
    texts = messages[key]
    text = texts.get(locale) or texts[fallback]
    return text.format(**fields)


# Whether a message exists in a language (new languages start with English texts).
def has_message(key: str, locale: str) -> bool:
    return locale in read_cached(_load, MESSAGES_YML).get(key, {})


# Read and check the messages file; raise MessagesError with one line when it is malformed.
def check_messages() -> None:
    read_cached(_load, MESSAGES_YML)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Read the messages file: a mapping of message keys to {locale: text}, each text a string
# whose only field is {language}.
def _load(path: Path) -> dict[str, dict[str, str]]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise MessagesError(f"{MESSAGES_NAME}: cannot be read ({error.strerror})") from None
    text = decode_utf8(raw, MESSAGES_NAME).removeprefix("\ufeff")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "syntax error"
        raise MessagesError(f"{MESSAGES_NAME}{where}: invalid YAML: {problem}") from None
    if not isinstance(data, dict) or not data:
        raise MessagesError(f"{MESSAGES_NAME}: expected a mapping of message keys to texts "
                            "per language")
    for key, texts in data.items():
        where = f"{MESSAGES_NAME}: message {quote(key)}"
        if not isinstance(texts, dict) or "en" not in texts:
            raise MessagesError(f"{where}: expected one text per language, with at least 'en'")
        for locale, value in texts.items():
            if not isinstance(value, str) or not value.strip():
                raise MessagesError(f"{where}: the {quote(locale)} text must be a non-empty string")
            _check_fields(value, f"{where}: the {quote(locale)} text")
    return data


# A text's {fields}: only the known ones, with no format or attribute access.
def _check_fields(value: str, where: str) -> None:
    try:
        parsed = list(string.Formatter().parse(value))
    except ValueError:
        raise MessagesError(f"{where} has an unmatched {{ or }}: write {{{{ and }}}} "
                            "for the characters themselves") from None
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if field not in FIELDS or spec or conversion:
            raise MessagesError(f"{where} has the field {quote('{' + field + '}')}; "
                                f"the only field is {{language}}")
