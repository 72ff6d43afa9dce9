"""Helpers shared by the reader-quality tests (SEO, accessibility, first view)."""

from __future__ import annotations

from pathlib import Path


# Every built page (404.html aside) as its path under the site root: "", "faq/", "ko/", …
def built_pages(site_dir: Path) -> list[str]:
    return sorted(
        file.parent.relative_to(site_dir).as_posix() + "/" if file.parent != site_dir else ""
        for file in site_dir.rglob("index.html")
    )
