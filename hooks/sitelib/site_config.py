"""The site's languages, read from a running build or straight from mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = ROOT / "mkdocs.yml"
FAQ_YML = ROOT / "data" / "faq.yml"
MESSAGES_YML = ROOT / "data" / "messages.yml"


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The languages of a running build, in the order mkdocs.yml lists them.
def languages_from_config(config) -> list[Language]:
    plugin_config = config.plugins["i18n"].config
    return [
        Language(locale=item.locale, name=item.name, default=item.default)
        for item in plugin_config.languages
        if item.locale != "null"
    ]


# The languages listed in a mkdocs.yml file, without running mkdocs.
def languages_from_file(path: Path = MKDOCS_YML) -> list[Language]:
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TagIgnoringLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [
                Language(locale=item["locale"], name=item["name"], default=item.get("default", False))
                for item in plugin["i18n"]["languages"]
                if item["locale"] != "null"
            ]
    raise ValueError(f"{path}: no i18n plugin with languages")


# The default language's locale.
def default_locale(languages: list[Language]) -> str:
    return next(language.locale for language in languages if language.default)


# The folder of a language inside the built site: "" for the default language, "ko/" for Korean.
def language_folder(locale: str, default: str) -> str:
    return "" if locale == default else f"{locale}/"


# The current build's language: the i18n plugin builds the site once per language.
def current_locale(config) -> str:
    return config.plugins["i18n"].current_language


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A safe loader that reads mkdocs' own tags (!ENV, !relative, python names) as plain values.
class _TagIgnoringLoader(yaml.SafeLoader):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TagIgnoringLoader.add_multi_constructor("!", _construct_tagged)
_TagIgnoringLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
