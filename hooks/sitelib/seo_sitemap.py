"""sitemap.xml: x-default alternates, and copies where the theme's language switch looks for them."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Add x-default to every URL of the sitemap and write it (and its .gz) back; return its page URLs.
def add_x_default(sitemap: Path, default_locale: str) -> list[str]:
    tree = ET.parse(sitemap)
    pages = []
    for url in tree.getroot().iter(f"{{{SITEMAP_NS}}}url"):
        pages.append(url.findtext(f"{{{SITEMAP_NS}}}loc", "").strip())
        links = {link.get("hreflang"): link for link in url.iter(f"{{{XHTML_NS}}}link")}
        if "x-default" in links or default_locale not in links:
            continue
        default = ET.SubElement(url, f"{{{XHTML_NS}}}link")
        default.attrib.update(rel="alternate", hreflang="x-default",
                              href=links[default_locale].get("href"))
    data = _document(tree.getroot())
    sitemap.write_bytes(data)
    sitemap.with_name(sitemap.name + ".gz").write_bytes(gzip.compress(data, mtime=0))
    return pages


# Write beside every page the sitemap of the part of the site under its folder: the theme
# fetches <alternate>/sitemap.xml for each hreflang link, and a missing one is a failed request.
def write_folder_sitemaps(sitemap: Path, site_dir: Path, site_url: str, pages: list[str]) -> None:
    base = urlsplit(site_url).path
    tree = ET.parse(sitemap)
    for page in pages:
        path = urlsplit(page).path
        if not path.startswith(base) or not path.endswith("/") or path == base:
            continue
        folder = site_dir / path[len(base):]
        if folder.is_dir():
            (folder / "sitemap.xml").write_bytes(_sitemap_under(tree, page))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The sitemap's entries whose address lies under `prefix`, as a complete document.
def _sitemap_under(tree: ET.ElementTree, prefix: str) -> bytes:
    root = ET.Element(tree.getroot().tag, tree.getroot().attrib)
    for url in tree.getroot().iter(f"{{{SITEMAP_NS}}}url"):
        if url.findtext(f"{{{SITEMAP_NS}}}loc", "").strip().startswith(prefix):
            root.append(url)
    return _document(root)


# A sitemap element as indented UTF-8 XML with its declaration.
def _document(root: ET.Element) -> bytes:
    ET.indent(root, space="    ")
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")
