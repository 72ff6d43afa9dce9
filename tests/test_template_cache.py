"""The template cache (hooks/template_cache.py) makes the build faster and changes nothing a
reader gets: the site built without it is the same, file for file."""

from __future__ import annotations

import gzip
import shutil

from conftest import BASE_PATH, build_site
from support.projects import without_hooks


def test_the_site_is_the_same_without_the_template_cache(project_copy, tmp_path):
    url = f"http://127.0.0.1:8000{BASE_PATH}"
    plain_project = shutil.copytree(project_copy, tmp_path / "plain-project")
    without_hooks(plain_project / "mkdocs.yml", ["hooks/template_cache.py"])
    sites = {}
    for name, project in (("cached", project_copy), ("plain", plain_project)):
        sites[name] = tmp_path / f"{name}-site"
        result = build_site(project, sites[name], url)
        assert result.returncode == 0, result.stdout + result.stderr
    cached, plain = sites["cached"], sites["plain"]
    names = sorted(path.relative_to(cached) for path in cached.rglob("*") if path.is_file())
    assert names == sorted(path.relative_to(plain) for path in plain.rglob("*") if path.is_file())
    differing = []
    for name in names:
        ours, theirs = (cached / name).read_bytes(), (plain / name).read_bytes()
        if name.suffix == ".gz":  # the gzip header holds the time it was written
            ours, theirs = gzip.decompress(ours), gzip.decompress(theirs)
        if ours != theirs:
            differing.append(str(name))
    assert differing == []
