"""Language suggestion: a reader whose browser prefers another of the site's languages is offered
the same page in it, in their own language, with no redirect.

The texts come from data/messages.yml (`language_suggestion`, `language_suggestion_close`); the
notice itself is built in the reader's browser by overrides/partials/language-suggestion.html,
from the page's own language menu, so nothing appears without JavaScript and every link is the
one mkdocs-static-i18n wrote for this page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitelib.build_state import once_per_build
from sitelib.languages import site_languages
from sitelib.messages import has_message, message
from sitelib.translation_marks import right_to_left

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Give every page the texts of the notice, in each language that has them, and the English ones
# for the others (with the language's own name): the same for every page, worked out once.
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context["language_suggestion"] = once_per_build(
        config, "language_suggestion", lambda: _texts(config)
    )
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# {"texts": {locale: {"link": …, "close": …}}, "fallback": {…}} with `{language}` left in the
# fallback, the default language, and the languages written right to left.
def _texts(config: MkDocsConfig) -> dict:
    languages = site_languages(config)
    texts = {
        language.locale: {
            "link": message("language_suggestion", language.locale, language=language.name),
            "close": message("language_suggestion_close", language.locale),
        }
        for language in languages.languages
        if has_message("language_suggestion", language.locale)
    }
    fallback = {
        "link": message("language_suggestion", languages.default, language="{language}"),
        "close": message("language_suggestion_close", languages.default),
    }
    rtl = [language.locale for language in languages.languages if right_to_left(language.locale)]
    return {"texts": texts, "fallback": fallback, "default": languages.default, "rtl": rtl}
