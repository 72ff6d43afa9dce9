"""One search index per language, and the pages of a language pointed at their own index.

Material's search plugin and mkdocs-static-i18n write one index for all languages at
search/search_index.json, which every page loads. The site writes <language>/search/search_index.json
instead, holding only that language's sections with its own analysis, and each page's theme
configuration (the `__config` script) names its language's folder as the search base, which is
where Material's scripts fetch the index from and resolve result links against.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitelib.search_languages import index_config
from sitelib.site_config import language_folder

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

INDEX_PATH = "search/search_index.json"
WORKER_DIR = "assets/javascripts/workers"
WORKER_SOURCE = Path(__file__).with_name("search_worker.js")
MATERIAL_WORKER = re.compile(r"^search\.[0-9a-f]+\.min\.js$")
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)
# Material writes the configuration with Jinja's `tojson`, which escapes these for HTML.
HTML_SAFE_JSON = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


# A PluginError, so that mkdocs stops the build with this one line and no traceback.
class SearchBuildError(PluginError):
    """One line saying what the search build could not do."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The index of one language: its own entries, with locations relative to its folder.
def language_index(
    entries: list[dict], *, locale: str, default: str, others: list[str], config: dict
) -> dict:
    folder = language_folder(locale, default)
    foreign = tuple(f"{other}/" for other in others if other != locale)
    docs = []
    for entry in entries:
        location = entry["location"]
        if folder and not location.startswith(folder):
            continue
        if not folder and location.startswith(foreign):
            continue
        docs.append({**entry, "location": location[len(folder):]})
    return {"config": config, "docs": docs}


# Write a language's index into its folder of the built site and return its path.
def write_index(site_dir: Path, folder: str, index: dict) -> Path:
    path = Path(site_dir) / folder / INDEX_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


# The configuration of a language's index, from Material's defaults for it and the site's settings.
def build_index_config(locale: str, *, translate, fields: dict) -> dict:
    defaults = {
        "lang": [translate("search.config.lang")],
        "separator": translate("search.config.separator"),
        "pipeline": [name for name in re.split(r"\s*,\s*", translate("search.config.pipeline")) if name],
    }
    return index_config(locale, defaults, fields)


# Write one language's index, from a build's search entries, into its folder of the built site.
def write_language_index(config, *, locale: str, default: str, languages: list[str]) -> Path | None:
    plugin = search_plugin(config)
    if plugin is None:
        return None
    index = language_index(
        plugin.search_index.entries, locale=locale, default=default, others=languages,
        config=build_index_config(
            locale, translate=material_translator(config, locale), fields=dict(plugin.config.fields)
        ),
    )
    if not index["docs"]:
        return None
    return write_index(Path(config.site_dir), language_folder(locale, default), index)


# Material's translation function for a language (Material's search defaults per language live there).
def material_translator(config, locale: str):
    template = config.theme.get_env().get_template("partials/language.html")
    return template.make_module({"config": {"theme": {"language": locale}}}).t


# Material's search plugin in a running build, or None where search is switched off.
def search_plugin(config):
    for name in ("material/search", "search"):
        if name in config.plugins and config.plugins[name].config.get("enabled", True):
            return config.plugins[name]
    return None


# Material's own search worker file in the theme folders.
def material_worker(theme_dirs: list[str]) -> str:
    for folder in theme_dirs:
        workers = Path(folder) / WORKER_DIR
        if workers.is_dir():
            names = sorted(path.name for path in workers.iterdir() if MATERIAL_WORKER.match(path.name))
            if len(names) == 1:
                return names[0]
    raise SearchBuildError(
        f"search: no single Material search worker ({WORKER_DIR}/search.<hash>.min.js) in the theme"
    )


# The file name of the site's search worker in a running build, or None where search is off.
def site_worker_name(config) -> str | None:
    if search_plugin(config) is None:
        return None
    return worker_asset(material_worker(config.theme.dirs))[0]


# The site's search worker: its file name (with a content hash, for caching) and its text.
def worker_asset(material_worker_name: str) -> tuple[str, str]:
    text = (
        f"self.materialSearchWorker = {json.dumps(material_worker_name)};\n"
        + WORKER_SOURCE.read_text(encoding="utf-8")
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"search-site.{digest}.js", text


# Write the site's search worker next to Material's.
def write_worker(site_dir: Path, material_worker_name: str) -> Path:
    name, text = worker_asset(material_worker_name)
    path = Path(site_dir) / WORKER_DIR / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# Point a page's theme configuration at its language's folder and at the site's search worker.
def repoint_page(html: str, *, folder: str, worker_name: str) -> str:
    match = CONFIG_SCRIPT.search(html)
    if match is None:
        return html
    config = json.loads(match.group(2))
    if folder:
        config["base"] = posixpath.join(config["base"], folder)
    config["search"] = posixpath.join(posixpath.dirname(config["search"]), worker_name)
    text = json.dumps(config, sort_keys=True)
    for character, escaped in HTML_SAFE_JSON.items():
        text = text.replace(character, escaped)
    return html[: match.start(2)] + text + html[match.end(2):]
