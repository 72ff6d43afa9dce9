"""ProperDocs, the maintained fork of MkDocs 1.6, builds the site strictly and gives the same pages
as MkDocs: every file the same but the generator line of each page. Moving to it is then one
change: install it instead of MkDocs and run `properdocs` where the scripts run `mkdocs`."""

from __future__ import annotations

import os
import re
import subprocess

from conftest import ROOT

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
# The one line that names the generator, which differs by design.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site_strictly(site, tmp_path):
    assert PROPERDOCS.is_file(), "run scripts/bootstrap.sh: it sets up .venv-properdocs"
    built = tmp_path / "properdocs"
    result = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(built)],
        cwd=site.root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site.url),
        capture_output=True, text=True, timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))], output
    ours = sorted(path.relative_to(site.dir) for path in site.dir.rglob("*") if path.is_file())
    theirs = sorted(path.relative_to(built) for path in built.rglob("*") if path.is_file())
    assert theirs == ours
    differing = []
    for name in ours:
        mine, other = (site.dir / name).read_bytes(), (built / name).read_bytes()
        if name.suffix == ".html":
            mine, other = GENERATOR.sub(b"", mine), GENERATOR.sub(b"", other)
        if mine != other:
            differing.append(str(name))
    assert differing == []
