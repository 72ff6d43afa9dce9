"""The words readers type for the guide's own words: search looks each variant up as the preferred word.

Two sources, per language: the avoided variants of data/glossary.yml (readers type the words a
translation must not use), and data/search_synonyms.yml (any other words readers use). An entry
of the search file that names a glossary term takes the preferred word from the glossary, so that
search follows the glossary when its preferred word changes. The build writes the pairs into each
language's index (`analysis.synonyms`), where the site's search worker reads them.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from sitelib.glossary import GlossaryError, load_rules
from sitelib.languages import ROOT, load_site_languages

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SYNONYMS_YML = ROOT / "data" / "search_synonyms.yml"
GLOSSARY_YML = ROOT / "data" / "glossary.yml"
# A variant is a few words typed into a search box, not a text.
MAX_VARIANT_LENGTH = 60

# The pairs of every language, by the files they come from, with the files' versions: a build
# reads the files once, and `mkdocs serve` again when one changes.
_pairs: dict[tuple[Path, Path], tuple[tuple, dict[str, list]]] = {}


# A PluginError, so that mkdocs stops the build with this one line and no traceback.
class SearchDataError(PluginError):
    """One line naming the file, the entry and the field at fault."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The [variant, preferred word] pairs of one language, glossary first, each variant once.
def language_synonyms(
    locale: str, *, synonyms_path: Path = SYNONYMS_YML, glossary_path: Path = GLOSSARY_YML,
    languages: list[str] | None = None,
) -> list[list[str]]:
    if languages is None:
        languages = load_site_languages().locales
    key = (_version(synonyms_path), _version(glossary_path), tuple(languages))
    if _pairs.get((synonyms_path, glossary_path)) is None or _pairs[synonyms_path, glossary_path][0] != key:
        _pairs[synonyms_path, glossary_path] = (key, _all_pairs(synonyms_path, glossary_path, languages))
    return _pairs[synonyms_path, glossary_path][1].get(locale, [])


# The glossary's words per term: {term: {language: {"use": word, "avoid": [variants]}}}.
def glossary_words(path: Path = GLOSSARY_YML) -> dict[str, dict]:
    if not path.is_file():
        return {}
    try:
        load_rules(path, name=_name(path))
    except GlossaryError as error:
        raise SearchDataError(str(error)) from None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        term["term"]: {language: block for language, block in term.items() if language != "term"}
        for term in data["terms"]
    }


# Check data/search_synonyms.yml; yield (where, language, preferred word, variants) per language block.
def search_entries(path: Path, glossary: dict[str, dict], languages: list[str]):
    name = _name(path)
    if not path.is_file():
        return
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SearchDataError(f"{name}: invalid YAML: {' '.join(str(error).split())}") from None
    if not isinstance(data, dict) or not isinstance(data.get("synonyms"), list):
        raise SearchDataError(f"{name}: expected a mapping with a list 'synonyms'")
    for position, entry in enumerate(data["synonyms"], start=1):
        where = f"{name}: entry {position}"
        if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) or not entry["term"].strip():
            raise SearchDataError(f"{where}: missing field 'term' (the term the words are variants of)")
        term = entry["term"]
        where = f"{where} ('{term}')"
        for language, block in entry.items():
            if language == "term":
                continue
            if language not in languages:
                raise SearchDataError(
                    f"{where}: unknown language code '{language}' (known: {', '.join(languages)})"
                )
            use, variants = _language_block(block, language, where, glossary.get(term, {}))
            yield where, language, use, variants


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Every language's pairs, from one reading of both files.
def _all_pairs(synonyms_path: Path, glossary_path: Path, languages: list[str]) -> dict[str, list]:
    glossary = glossary_words(glossary_path)
    pairs: dict[str, dict[str, list[str]]] = {locale: {} for locale in languages}
    for term in glossary.values():
        for locale, block in term.items():
            for variant in block.get("avoid", []) if locale in pairs else []:
                _add_pair(pairs[locale], variant, block["use"], None)
    for where, language, use, variants in search_entries(synonyms_path, glossary, languages):
        for variant in variants:
            _add_pair(pairs[language], variant, use, where)
    return {locale: list(found.values()) for locale, found in pairs.items()}


# A file's modification time and size, or None where it is missing: when to read it again.
def _version(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


# The preferred word and variants of one language block: a list (glossary term) or {use, variants}.
def _language_block(block: object, language: str, where: str, glossary_term: dict) -> tuple[str, list[str]]:
    in_glossary = language in glossary_term
    if isinstance(block, list):
        if not in_glossary:
            raise SearchDataError(
                f"{where}: field '{language}': the term has no '{language}' word in data/glossary.yml, "
                f"so give it as {{use: preferred word, variants: [...]}}"
            )
        return glossary_term[language]["use"], _words(block, f"{language}", where)
    if not isinstance(block, dict):
        raise SearchDataError(f"{where}: field '{language}' must be a list of variants or {{use, variants}}")
    unknown = set(block) - {"use", "variants"}
    if unknown:
        raise SearchDataError(f"{where}: unknown field '{language}.{sorted(unknown)[0]}'")
    use = _words([block.get("use")], f"{language}.use", where)[0]
    if "variants" not in block:
        raise SearchDataError(f"{where}: missing field '{language}.variants'")
    variants = _words(block["variants"], f"{language}.variants", where)
    # The glossary decides the preferred word of its terms: a term added to it later keeps the
    # word given here as one more variant, so that search follows the glossary.
    if in_glossary:
        return glossary_term[language]["use"], variants + [use]
    return use, variants


# Check a list of words: each a short, non-empty, single-line string.
def _words(items: object, field: str, where: str) -> list[str]:
    if not isinstance(items, list) or not items:
        raise SearchDataError(f"{where}: field '{field}' must be a non-empty list of words")
    words = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise SearchDataError(f"{where}: field '{field}' must hold words, found {item!r}")
        text = " ".join(item.split())
        if len(text) > MAX_VARIANT_LENGTH or "\n" in item.strip():
            raise SearchDataError(
                f"{where}: field '{field}': {text[:20]!r}… is longer than {MAX_VARIANT_LENGTH} characters"
            )
        words.append(text)
    return words


# Add one pair, keyed by the variant as readers type it (case-insensitive); a clash is an error.
def _add_pair(pairs: dict[str, list[str]], variant: str, use: str, where: str | None) -> None:
    variant, use = " ".join(variant.split()), " ".join(use.split())
    key = variant.casefold()
    if key == use.casefold():
        return
    known = pairs.get(key)
    if known is not None and known[1].casefold() != use.casefold():
        place = where or "data/glossary.yml"
        raise SearchDataError(f"{place}: variant '{variant}' already stands for '{known[1]}', not '{use}'")
    pairs.setdefault(key, [variant, use])


# A file's name as contributors know it: relative to the project.
def _name(path: Path) -> str:
    path = Path(path)
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
