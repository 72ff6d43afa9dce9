"""How each language's search index is analysed: Material's defaults, and the site's own settings."""

from __future__ import annotations

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
KOREAN_MORE_STOP_WORDS = ("방법", "법")

# What every language's search does to find the right sections and only those (read by the worker):
# - `typos`: a Latin-script query word of this many letters or more that matches no word of the
#   index is looked up as the words of the index one edit away (retension: retention; discunt:
#   discount); shorter words have too many neighbours one edit away (fee: few, see, free);
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
            "more_stop_words": list(DANISH_MORE_STOP_WORDS), "exact_boost": 10, **RELEVANCE,
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
    config.update(LANGUAGE_SETTINGS.get(locale, {}))
    synonyms = language_synonyms(locale, languages=languages)
    if synonyms:
        config["analysis"] = {**config.get("analysis", {}), "synonyms": synonyms}
    return config
