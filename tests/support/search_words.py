"""Words to search for, taken from what a built site's search index holds, so that the search
tests hold whatever the pages say: a word of the section titles, words every language shares,
and the glossary's words as the text inflects them."""

from __future__ import annotations

import json
import re

import pytest
import yaml

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

HANGUL = "[\uac00-\ud7a3]"
LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]+")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# A language's search index, as the site serves it.
def index_of(site, language: str) -> dict:
    return json.loads((site.dir / site.folder(language) / "search/search_index.json").read_text("utf-8"))


# The words of a language's sections, lower case.
def index_text(site, language: str) -> str:
    from bs4 import BeautifulSoup

    docs = index_of(site, language)["docs"]
    return BeautifulSoup(" ".join(doc["title"] + " " + doc["text"] for doc in docs), "lxml") \
        .get_text(" ").lower()


# A word of the language's section titles: of five letters or more, or two Hangul syllables.
def title_word(site, language: str, *, hangul: bool = False) -> str:
    titles = " ".join(doc["title"] for doc in index_of(site, language)["docs"] if "#" in doc["location"])
    for word in re.findall(r"\w+", titles):
        is_hangul = bool(re.fullmatch(f"{HANGUL}+", word))
        if is_hangul == hangul and len(word) >= (2 if is_hangul else 5) and not word.isdigit():
            return word.lower()
    pytest.fail(f"no word in the {language} section titles")


# Latin-script words (four letters or more) that every language's sections say: names, mostly.
def shared_words(site) -> list[str]:
    texts = [index_text(site, language) for language in site.locales]
    first = [word for word in dict.fromkeys(LATIN_WORD.findall(texts[0])) if len(word) >= 4]
    return [word for word in first
            if all(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for text in texts[1:])]


# The glossary's preferred words for a language that are one word and that its sections say as
# they are (of five letters or more).
def glossary_words(site, language: str) -> list[str]:
    terms = yaml.safe_load((site.root / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    text = index_text(site, language)
    words = [term[language]["use"].lower() for term in terms if isinstance(term.get(language), dict)]
    return [word for word in words if " " not in word and len(word) >= 5
            and re.search(rf"(?<!\w){re.escape(word)}", text)]


# A form of a word that readers type and the text may not hold: English plural, Danish definite
# plural, a Korean object particle. None for other languages.
def inflected(language: str, word: str) -> str | None:
    if language == "en":
        return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")
    if language == "da":
        return word + ("rne" if word.endswith("e") else "erne")
    if language == "ko" and re.fullmatch(f"{HANGUL}+", word):
        final_consonant = (ord(word[-1]) - 0xAC00) % 28 != 0
        return word + ("을" if final_consonant else "를")
    return None
