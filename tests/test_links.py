"""No broken link or anchor on any built page: every address into the site resolves offline."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Attributes that point at another resource, per element.
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
                   "iframe": "src"}
NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:", "blob:")


# The address a built file is served at.
def page_url(site_dir: Path, site_url: str, file: Path) -> str:
    relative = file.relative_to(site_dir).as_posix()
    if file.name == "404.html":
        return site_url + "no-such-page/"
    return site_url + (relative[: -len("index.html")] if file.name == "index.html" else relative)


# The built file an address inside the site stands for, or None where nothing is there.
def target_file(site_dir: Path, site_url: str, url: str) -> Path | None:
    path = unquote(urlsplit(url).path)[len(urlsplit(site_url).path):]
    target = site_dir / path
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


# The ids (and legacy names) a page offers as anchors.
def anchors(file: Path, cache: dict) -> set[str]:
    if file not in cache:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        cache[file] = {tag["id"] for tag in soup.select("[id]")} | {
            tag["name"] for tag in soup.select("a[name]")
        }
    return cache[file]


# Every broken internal link of the built site, as "page: link (why)".
def broken_links(site_dir: Path, site_url: str) -> tuple[list[str], int]:
    broken, checked, cache = [], 0, {}
    site_path = urlsplit(site_url).path
    for file in sorted(site_dir.rglob("*.html")):
        base = page_url(site_dir, site_url, file)
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        for tag_name, attribute in LINK_ATTRIBUTES.items():
            for tag in soup.find_all(tag_name, attrs={attribute: True}):
                raw = tag[attribute].strip()
                if not raw or raw.startswith(NOT_FETCHED):
                    continue
                url = urljoin(base, raw)
                parts = urlsplit(url)
                if f"{parts.scheme}://{parts.netloc}" != f"{urlsplit(site_url).scheme}://{urlsplit(site_url).netloc}":
                    continue
                checked += 1
                where = f"{file.relative_to(site_dir)}: {raw}"
                if not parts.path.startswith(site_path):
                    broken.append(f"{where} (outside the site's path {site_path})")
                    continue
                target = file if raw.startswith("#") else target_file(site_dir, site_url, url)
                if target is None:
                    broken.append(f"{where} (no such file)")
                elif parts.fragment and target.suffix == ".html" \
                        and unquote(parts.fragment) not in anchors(target, cache):
                    broken.append(f"{where} (no element with id '{parts.fragment}')")
    return broken, checked


def test_no_internal_link_or_anchor_is_broken(site_dir, site_url):
    broken, checked = broken_links(site_dir, site_url)
    assert checked > 100
    assert broken == []


def test_the_checker_finds_a_broken_link_and_a_broken_anchor(site_dir, site_url, tmp_path):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    faq = copy / "faq" / "index.html"
    html = faq.read_text(encoding="utf-8")
    faq.write_text(html.replace("<article", '<a href="../gone/">x</a><a href="../#nowhere">y</a><article', 1),
                   encoding="utf-8")
    broken, _ = broken_links(copy, site_url)
    assert broken == ["faq/index.html: ../gone/ (no such file)",
                      "faq/index.html: ../#nowhere (no element with id 'nowhere')"]
