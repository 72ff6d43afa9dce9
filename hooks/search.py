"""Search: one index per language, loaded only by that language's pages, searched by the site's worker.

Material's search plugin and mkdocs-static-i18n write one index of every language at
search/search_index.json, which every page loads. This hook writes <language>/search/search_index.json
instead, holding only that language's sections with its own analysis (sitelib/search_languages.py),
and points each page's theme configuration (the `__config` script) at its language's folder, where
Material's scripts fetch the index from and resolve result links against, and at the site's search
worker (hooks/search_worker.js), which wraps Material's own.

The order it relies on: mkdocs-static-i18n's on_post_build (at -100) builds the other languages,
each running this hook's -50 step, then writes its combined index over the default language's;
the -200 step, once all that is done, writes the default language's index and the worker.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitelib.build_state import once_per_build
from sitelib.data_files import read_cached
from sitelib.languages import SiteLanguages, site_languages
from sitelib.search_languages import (
    MIN_PART, PARTS_FIELD, PROSE_SEPARATOR, compound_parts, index_config,
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Switch on the site's search script (overrides/partials/search-on-demand.html) on every page.
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context["search_on_demand"] = _search_plugin(config) is not None
    return context


# And on the 404 page, which is no page to mkdocs' page events.
def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        context["search_on_demand"] = _search_plugin(config) is not None
    return context


# Point the page's theme configuration at its language's folder and the site's search worker.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    worker = _site_worker(config)
    if worker is None:
        return output
    languages = site_languages(config)
    return _repoint_page(output, folder=languages.folder(languages.current), worker_name=worker[0])


# The 404 page too; its own script picks the index of the language shown
# (overrides/partials/not-found-search.html).
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    worker = _site_worker(config) if template_name == "404.html" else None
    if worker is None:
        return output_content
    return _repoint_page(output_content, folder="", worker_name=worker[0])


# Each translated language's index, when its build ends (before mkdocs-static-i18n's -100).
@event_priority(-50)
def _write_translated_index(*, config: MkDocsConfig) -> None:
    languages = site_languages(config)
    if languages.current != languages.default:
        _write_language_index(config, languages, languages.current)


# Once every language is built: the default language's index, over the plugin's combined one,
# and the worker. Nested language builds end while the i18n plugin is still building.
@event_priority(-200)
def _write_default_index_and_worker(*, config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return
    worker = _site_worker(config)
    if worker is None:
        return
    _write_language_index(config, site_languages(config), site_languages(config).default)
    path = Path(config.site_dir) / _WORKER_DIR / worker[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(worker[1], encoding="utf-8")


on_post_build = CombinedEvent(_write_translated_index, _write_default_index_and_worker)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Write one language's index, from the build's search entries, into its folder of the site.
def _write_language_index(config: MkDocsConfig, languages: SiteLanguages, locale: str) -> None:
    plugin = _search_plugin(config)
    if plugin is None:
        return
    index = _language_index(
        plugin.search_index.entries, folder=languages.folder(locale),
        others=[f"{other}/" for other in languages.locales if other != locale],
        config=_index_config(config, locale, dict(plugin.config.fields)),
    )
    if not index["docs"]:
        return
    path = Path(config.site_dir) / languages.folder(locale) / _INDEX_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# The index of one language: its own entries, with locations relative to its folder; in a
# language that writes compounds as one word, each entry also holds its compounds' parts.
def _language_index(entries: list[dict], *, folder: str, others: list[str], config: dict) -> dict:
    docs = []
    for entry in entries:
        location = entry["location"]
        if folder and not location.startswith(folder):
            continue
        if not folder and location.startswith(tuple(others)):
            continue
        docs.append({**entry, "location": location[len(folder):]})
    if config.get("analysis", {}).get("decompound"):
        _add_compound_parts(docs)
    return {"config": config, "docs": docs}


# Each entry's compounds' parts, as words of the index (sitelib/search_languages.py).
def _add_compound_parts(docs: list[dict]) -> None:
    words = [re.split(PROSE_SEPARATOR, _TAG.sub(" ", doc["title"] + " " + doc["text"]).lower())
             for doc in docs]
    vocabulary = {word for text in words for word in text if word}
    parts: dict[str, list[str]] = {}
    for doc, text in zip(docs, words):
        found = []
        for word in dict.fromkeys(word for word in text if len(word) >= 2 * MIN_PART):
            if word not in parts:
                parts[word] = compound_parts(word, vocabulary)
            found += parts[word]
        doc[PARTS_FIELD] = " ".join(dict.fromkeys(found))


# A language's index configuration: Material's defaults for it, then the site's settings.
def _index_config(config: MkDocsConfig, locale: str, fields: dict) -> dict:
    # The theme's template environment is the same for every language: made once per build.
    env = once_per_build(config, "search_theme_env", config.theme.get_env)
    template = env.get_template("partials/language.html")
    translate = template.make_module({"config": {"theme": {"language": locale}}}).t
    defaults = {
        "lang": [translate("search.config.lang")],
        "separator": translate("search.config.separator"),
        "pipeline": [name for name in re.split(r"\s*,\s*", translate("search.config.pipeline"))
                     if name],
    }
    return index_config(locale, defaults, fields, site_languages(config).locales)


# Material's search plugin in a running build, or None where search is switched off.
def _search_plugin(config: MkDocsConfig):
    for name in ("material/search", "search"):
        if name in config.plugins and config.plugins[name].config.get("enabled", True):
            return config.plugins[name]
    return None


# The site's search worker: its file name (with a content hash, for caching) and its text;
# None where search is off.
def _site_worker(config: MkDocsConfig) -> tuple[str, str] | None:
    if _search_plugin(config) is None:
        return None
    return read_cached(_worker_asset, _WORKER_SOURCE, _material_worker(tuple(config.theme.dirs)))


# The worker's file name and text: Material's worker named in its first line, then ours.
def _worker_asset(source: Path, material_worker: str) -> tuple[str, str]:
    text = (f"self.materialSearchWorker = {json.dumps(material_worker)};\n"
            + source.read_text(encoding="utf-8"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"search-site.{digest}.js", text


# Material's own search worker file in the theme folders.
@lru_cache(maxsize=None)
def _material_worker(theme_dirs: tuple[str, ...]) -> str:
    for folder in theme_dirs:
        workers = Path(folder) / _WORKER_DIR
        if workers.is_dir():
            names = sorted(path.name for path in workers.iterdir()
                           if _MATERIAL_WORKER.match(path.name))
            if len(names) == 1:
                return names[0]
    raise PluginError(
        f"search: no single Material search worker ({_WORKER_DIR}/search.<hash>.min.js) in the theme"
    )


# Point a page's theme configuration at its language's folder and at the site's search worker.
def _repoint_page(html: str, *, folder: str, worker_name: str) -> str:
    match = _CONFIG_SCRIPT.search(html)
    if match is None:
        return html
    config = json.loads(match.group(2))
    if folder:
        config["base"] = posixpath.join(config["base"], folder)
    config["search"] = posixpath.join(posixpath.dirname(config["search"]), worker_name)
    text = json.dumps(config, sort_keys=True)
    for character, escaped in _HTML_SAFE_JSON.items():
        text = text.replace(character, escaped)
    return html[: match.start(2)] + text + html[match.end(2):]


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

_INDEX_PATH = "search/search_index.json"
_TAG = re.compile(r"<[^>]*>")
_WORKER_DIR = "assets/javascripts/workers"
_WORKER_SOURCE = Path(__file__).with_name("search_worker.js")
_MATERIAL_WORKER = re.compile(r"^search\.[0-9a-f]+\.min\.js$")
_CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)
# Material writes the configuration with Jinja's `tojson`, which escapes these for HTML.
_HTML_SAFE_JSON = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}
