"""How each language's search index is analyzed: Material's defaults, and the site's own settings."""

from __future__ import annotations

from pathlib import Path

import material

from sitelib.search_synonyms import language_synonyms

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Words are split at white space, hyphens and the punctuation of running text, so that
# "bill;" and "있습니까?" are indexed as "bill" and "있습니까".
PROSE_SEPARATOR = r"""[\s\-,.:;!?()\[\]"“”‘’…/]+"""

# Korean words carry their particles and endings (할인을, 할인이나, 환불하지, 협상해야). The search
# worker cuts the longest of these endings off each query word (keeping two syllables) and, as
# for every query word, matches the rest as a prefix: 환불을 finds 환불, 환불을 and 환불하지; a
# compound typed without its space (해지수수료) is split into words of the index. Chosen by
# measuring the Korean queries of bench/search_queries.yml when it was built (recall@3): Material's
# stock search 24 of 31; character bigrams 31 of 31 but with a fifth more results per query (two
# shared syllables match unrelated words); this 31 of 31 with fewer results. Cutting the endings in
# the index instead leaves queries that carry an ending (할인받기, 공손하게) unmatched, as in stock.
KOREAN_PARTICLES = (
    "에서부터", "으로부터", "로부터", "에게서", "한테서", "에서는", "에서도", "에서의", "에게는",
    "에게도", "으로는", "으로도", "으로의", "으로서", "으로써", "이라도", "이라는", "이라고",
    "이어야", "까지는", "까지도", "부터는", "들에게", "이랑", "마다", "처럼", "보다", "조차",
    "밖에", "이나", "이며", "이란", "에서", "에게", "한테", "께서", "으로", "로는", "로도",
    "로서", "로써", "와의", "과의", "에는", "에도", "까지", "부터", "입니다", "이에요", "예요",
    "들이", "들을", "들은", "들의", "들", "은", "는", "이", "가", "을", "를", "의", "에", "께",
    "로", "와", "과", "도", "만", "나", "랑", "란", "인",
)
# Endings of verbs made from a noun with 하다 (to do), 되다 (to become) and 받다 (to receive).
KOREAN_VERB_ENDINGS = (
    "하다", "한다", "합니다", "합니까", "하는", "하지", "하고", "하여", "하면", "하기", "하게",
    "하도록", "하려면", "하려고", "하십시오", "하세요", "하시면", "하지만", "하며", "하던", "할",
    "한", "함", "해", "해서", "해야", "해도", "해요", "했", "했다", "했습니다", "했던",
    "되다", "된다", "됩니다", "되는", "되지", "되고", "되어", "되면", "되기", "되도록", "된",
    "될", "돼", "되었", "됐", "받다", "받는", "받기", "받을", "받은", "받아", "받고", "받으면",
    "받으려면", "받도록", "받았", "받습니다", "받지",
)

# Danish nouns made from verbs with -ing (forhandling, betaling) are not reduced by the Danish
# stemmer; cut off, they find the verb (forhandle, betale) as well.
DANISH_NOUN_ENDINGS = ("ingernes", "ingerne", "ingens", "ingen", "inger", "ing")

# Words of the questions readers type that Lunr's stop words of the language lack (its English
# ones have can, get and how): they match many sections, and the titles among them outscore the
# one section about the question's subject (kan jeg få pengene tilbage; 환불받는 방법).
DANISH_MORE_STOP_WORDS = ("kan", "få", "får", "hvordan")
# Korean questions end in a question word and an auxiliary ending typed as their own words
# (…려면 어떻게 해야 하나요?, …있나요?): they say how the reader asks, not what about.
KOREAN_MORE_STOP_WORDS = ("방법", "법", "어떻게", "어떤", "무엇", "뭐", "왜", "언제", "어디", "어디서",
                          "누가", "하나요", "있나요", "없나요", "되나요", "할까요", "될까요", "해야",
                          "하면", "되면", "있어요", "돼요", "수", "있을까요", "알려", "주세요")

# What every language's search does to find the right sections and only those (read by the worker):
# - `typos`: a Latin-script or Korean query word of this many letters or more that matches no word
#   of the index is looked up as the words of the index one edit away (retension: retention;
#   discunt: discount); Korean letters are the parts of its syllables (jamo: 환블 is 환불 with
#   one vowel changed). Shorter words have too many neighbours one edit away (fee: few, see,
#   free): at five letters a word of the guide's index has 0.6 such neighbours in English, 1.6 in
#   Danish and 1.1 in Korean; at four 2.3, 3.3 and 2.1;
# - `coordination`: a section must match every word of a query of one or two words, all but one of
#   a longer one (stop words, and words no section matches, not counted): a section matching fewer
#   is noise next to those, even when its title names one of the words;
# - `score_floor`: a section scoring under this share of the best result matching as many of the
#   query's words or more is left out. Material weighs a title 1000 times the text, so this drops
#   the sections that only mention, once, a word the best sections are about. Measured on
#   bench/search_queries.yml: 0.02 keeps every expected section with a median of one result per
#   query; 0.05 loses a Danish query; 0.002 keeps more passing mentions (수수료 also lists the
#   sections saying 이사 수수료) but doubles the median results of the harder queries, above
#   stock's for Korean.
RELEVANCE = {"typos": 5, "coordination": True, "score_floor": 0.02}

# Languages written without spaces between words. Their typed compounds are cut into words of
# the index (`segment`), as Korean's are; the index of those whose text Material's tokenizer
# does not cut (it cuts Japanese with TinySegmenter) is cut by the browser's word segmenter.
NO_SPACE_LANGUAGES = {"ja": None, "zh": "intl", "zh-Hant": "intl", "zh-TW": "intl", "th": "intl",
                      "lo": "intl", "km": "intl", "my": "intl"}

# Languages that write compounds as one word (kundeserviceafdeling, Kundendienstabteilung): a
# typed compound is cut into words of the index, and the index holds each compound's parts too,
# so that a part finds the compound (afdeling: fastholdelsesafdeling).
COMPOUND_LANGUAGES = ("da", "de", "sv", "nb", "nn", "no", "nl", "is", "fi", "af")
# A part of a compound has at least this many letters; Germanic compounds join their parts with
# these letters (fastholdelse-s-afdeling, Kunde-n-dienst).
MIN_PART = 4
LINKING_LETTERS = ("s", "e", "n")
# The endings a part may carry where the text writes it on its own (afdeling: afdelingen).
INFLECTION_ENDINGS = ("", "e", "en", "er", "et", "ens", "ets", "erne", "ene", "s", "n", "r", "t")

# The site's settings per language; a language left out is searched as Material does by default.
# `pipeline` is Material's option (what Lunr keeps of the language's own pipeline); `analysis`
# is read by the site's search worker (hooks/search_worker.js).
LANGUAGE_SETTINGS = {
    "en": {
        "lang": ["en"],
        "separator": PROSE_SEPARATOR,
        "pipeline": ["trimmer"],
        "analysis": {"stemmer": True, "stop_words": True, "exact_boost": 10, **RELEVANCE},
    },
    "da": {
        "lang": ["da"],
        "separator": PROSE_SEPARATOR,
        "pipeline": ["trimmer"],
        "analysis": {
            "suffixes": list(DANISH_NOUN_ENDINGS), "min_stem": 4, "stemmer": True, "stop_words": True,
            "more_stop_words": list(DANISH_MORE_STOP_WORDS), "exact_boost": 10, "segment": True,
            "decompound": True, "min_part": MIN_PART, **RELEVANCE,
        },
    },
    "ko": {
        "lang": ["ko"],
        "separator": PROSE_SEPARATOR,
        "pipeline": [],
        "analysis": {
            "suffixes": sorted(set(KOREAN_PARTICLES + KOREAN_VERB_ENDINGS), key=lambda end: (-len(end), end)),
            "min_stem": 2,
            "segment": True,
            "spacing": True,
            "stop_words": True,
            "more_stop_words": list(KOREAN_MORE_STOP_WORDS),
            **RELEVANCE,
        },
    },
}


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The index configuration of one language: Material's defaults, overridden by the site's settings,
# with the language's synonyms (data/glossary.yml and data/search_synonyms.yml) for the worker.
def index_config(locale: str, material_defaults: dict, fields: dict,
                 languages: list[str] | None = None) -> dict:
    config = {
        "lang": material_defaults["lang"],
        "separator": material_defaults["separator"],
        "pipeline": material_defaults["pipeline"],
        "fields": fields,
    }
    config.update(LANGUAGE_SETTINGS.get(locale) or default_settings(locale, material_defaults["lang"]))
    if config.get("analysis", {}).get("decompound"):
        config["fields"] = {**fields, PARTS_FIELD: {"boost": 1}}
    synonyms = language_synonyms(locale, languages=languages)
    if synonyms:
        config["analysis"] = {**config.get("analysis", {}), "synonyms": synonyms}
    return config


# The settings of a language the site has no settings of its own for (a language just added):
# Lunr's own support for it where Material ships one, even where the theme's texts name English
# rules (Arabic, Hebrew, Greek); the worker's stemming and stop words of typed words; and
# compounds and runs without spaces cut into words.
def default_settings(locale: str, material_lang: list[str]) -> dict:
    base = locale.split("-")[0]
    lang = material_lang
    if material_lang == ["en"] and base != "en" and locale not in NO_SPACE_LANGUAGES \
            and (_LUNR_LANGUAGES / f"lunr.{base}.min.js").is_file():
        lang = [base]
    analysis: dict = {"stemmer": True, "stop_words": True}
    if locale in NO_SPACE_LANGUAGES or base in NO_SPACE_LANGUAGES:
        analysis.update(segment=True, spacing=True)
        segmenter = NO_SPACE_LANGUAGES.get(locale, NO_SPACE_LANGUAGES.get(base))
        if segmenter:
            analysis["segmenter"] = segmenter
    if base in COMPOUND_LANGUAGES:
        analysis.update(segment=True, decompound=True, min_part=MIN_PART)
    return {"lang": lang, "analysis": analysis}


# The parts of a compound word that are words of the vocabulary, with their endings (each word
# but the compound and its own inflections), longest first part first: kundeserviceafdeling ->
# [kundeservice, afdeling]. [] where it is no such compound; an inflected form is split as its
# base form is (afdelingerne: as afdeling).
def compound_parts(word: str, vocabulary: list[str] | set[str]) -> list[str]:
    if len(word) < 2 * MIN_PART:
        return []
    others = {other for other in vocabulary if not other.startswith(word[: len(word) - 2])}
    return _split(word, others, whole=False) or []


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The parts of a text that are words of the vocabulary (with an ending, or a linking letter
# between two parts), or None; `whole`: the text itself may be one such word.
def _split(text: str, words: set[str], *, whole: bool = True) -> list[str] | None:
    if whole and _known(text, words):
        return [text]
    for cut in range(len(text) - MIN_PART, MIN_PART - 1, -1):
        head, rest = text[:cut], text[cut:]
        if not _known(head, words):
            if not (head.endswith(LINKING_LETTERS) and _known(head[:-1], words)):
                continue
            head = head[:-1]
        tail = _split(rest, words)
        if tail:
            return [head] + tail
    return None


# Whether a text of MIN_PART letters or more is a word of the vocabulary, as it is or with one
# of the endings its inflections take.
def _known(text: str, words: set[str]) -> bool:
    return len(text) >= MIN_PART and any(text + ending in words for ending in INFLECTION_ENDINGS)


# The field the parts of a language's compounds are indexed in, and Material's Lunr languages.
PARTS_FIELD = "parts"
_LUNR_LANGUAGES = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
