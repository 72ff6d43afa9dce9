"""The site's languages: one model, read from mkdocs-static-i18n's own state.

In a build, the i18n plugin knows the default language, the languages it builds and the one it
is building now. Scripts and tests load mkdocs.yml with mkdocs' own loader and read the same
plugin, so that every part of the project sees the languages the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = ROOT / "mkdocs.yml"


class LanguagesError(Exception):
    """One line that names mkdocs.yml and what is wrong in it."""


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool
    site_name: str


@dataclass(frozen=True)
class SiteLanguages:
    """The built languages in mkdocs.yml's order, the default one and the one being built."""

    languages: tuple[Language, ...]
    default: str
    current: str

    @property
    def locales(self) -> list[str]:
        return [language.locale for language in self.languages]

    # Every language but the default one: the ones that are translated.
    @property
    def translated(self) -> list[Language]:
        return [language for language in self.languages if not language.default]

    # One language by its locale.
    def get(self, locale: str) -> Language:
        return next(language for language in self.languages if language.locale == locale)

    # The folder of a language inside the built site: "" for the default language, "ko/" for Korean.
    def folder(self, locale: str) -> str:
        return language_folder(locale, self.default)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The languages of a loaded mkdocs configuration, as its i18n plugin sees them.
def site_languages(config) -> SiteLanguages:
    plugin = config.plugins["i18n"]
    default = plugin.default_language
    built = set(plugin.build_languages)
    languages = tuple(
        Language(
            locale=item.locale,
            name=item.name,
            default=item.locale == default,
            site_name=item.site_name or config.site_name,
        )
        for item in plugin.config.languages
        if item.locale in built
    )
    return SiteLanguages(languages=languages, default=default,
                         current=plugin.current_language or default)


# The languages of a mkdocs.yml outside a build, loaded by mkdocs itself.
def load_site_languages(path: Path = MKDOCS_YML) -> SiteLanguages:
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        config = load_config(str(path))
    except ConfigurationError as error:
        raise LanguagesError(f"{path.name}: {' '.join(str(error).split())}") from None
    return site_languages(config)


# The folder of a language inside the built site: "" for the default language, "ko/" for Korean.
def language_folder(locale: str, default: str) -> str:
    return "" if locale == default else f"{locale}/"
