"""Merge-safety benchmark: the held-out hostile pull requests, against the site's checks and stock.

tests/data/hostile_heldout.yml holds changes a hostile or careless translator could make (wrong
facts, invisible characters, links out of the repository, pages nobody asked for) and benign
ones, written by someone who never saw the checks and never used to tune them. Each case is
applied alone to a scratch copy of the repository (its translations recorded as current, with
a Git history), then the pull-request check's steps run: `scripts/i18n.py check` and a strict
build. A hostile case counts as caught when a step fails with a line naming its file (or the
folder holding it); a benign
one counts as passed when both steps pass. Stock is Material with mkdocs-static-i18n on the same
copy: every line of `hooks:` left out, and no check command. The tuned cases are the tests of
tests/test_merge_safety.py.

    .venv/bin/python bench/merge_safety_bench.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from support.i18n_project import commit_all, record_all_as_current, with_translation_tools  # noqa: E402
from support.projects import build_site, copy_sources, listed_hooks, without_hooks  # noqa: E402

CASES = ROOT / "tests" / "data" / "hostile_heldout.yml"
SITE_URL = "http://127.0.0.1:8000/spectrum-retention-guide/"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Apply every case to a fresh copy, run the checks, print a table and each miss.
def main() -> int:
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    results = {}
    with tempfile.TemporaryDirectory(prefix="merge-safety-") as scratch:
        base = _base(Path(scratch) / "base")
        for case in cases:
            for variant in ("stock", "site"):
                project = Path(scratch) / f"{variant}-{case['id']}"
                shutil.copytree(base, project, symlinks=True)
                if variant == "stock":
                    without_hooks(project / "mkdocs.yml", listed_hooks(project / "mkdocs.yml"))
                _apply(project, case)
                results[variant, case["id"]] = _verdict(project, case, checked=variant == "site")
                shutil.rmtree(project)
    _print(cases, results)
    return 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A copy of the repository with its translations current, committed.
def _base(target: Path) -> Path:
    project = with_translation_tools(copy_sources(target))
    record_all_as_current(project)
    commit_all(project, "Translations current")
    return project


# Apply one case: replace a text, append a paragraph, create a file, or make a symbolic link.
def _apply(project: Path, case: dict) -> None:
    path = project / case["file"]
    if case["action"] == "symlink":
        if path.exists() or path.is_symlink():
            path.unlink() if not path.is_dir() or path.is_symlink() else shutil.rmtree(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(case["target"], path)
    elif case["action"] == "create":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case["text"], encoding="utf-8")
    elif case["action"] == "append":
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + case["text"] + "\n",
                        encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        if text.count(case["find"]) != 1:
            raise SystemExit(f"{CASES.name}: case {case['id']}: the text to replace is no longer in "
                             f"{case['file']} exactly once")
        path.write_text(text.replace(case["find"], case["text"]), encoding="utf-8")


# "caught", "missed" (a hostile change passed) or "passed"/"refused" (a benign one).
def _verdict(project: Path, case: dict, *, checked: bool) -> str:
    lines = []
    if checked:
        check = subprocess.run([sys.executable, "scripts/i18n.py", "check"], cwd=project,
                               capture_output=True, text=True, timeout=120)
        lines += check.stdout.splitlines() if check.returncode else []
    build = build_site(project, project / "site", SITE_URL)
    if build.returncode:
        lines += [line.split(" -  ", 1)[-1] for line in build.stderr.splitlines() if line.startswith("ERROR")]
    # A line names the case's file, or a folder holding it (a folder nobody asked for).
    named = any(case["file"] in line or case["file"].startswith(line.split(": ", 1)[0].rstrip(":"))
                and line.split(": ", 1)[0].endswith("/") for line in lines)
    if case["expect"] == "clean":
        return "passed" if not lines and build.returncode == 0 else "refused"
    return "caught" if named else "missed"


# One row per kind of case and variant, then each case the site got wrong.
def _print(cases: list[dict], results: dict) -> None:
    print(f"held-out cases: {len(cases)} ({CASES.relative_to(ROOT)})")
    print("kind       expect   cases  stock right  site right  site/stock")
    for kind in sorted({case["kind"] for case in cases}):
        chosen = [case for case in cases if case["kind"] == kind]
        right = {variant: sum(results[variant, case["id"]] in ("caught", "passed") for case in chosen)
                 for variant in ("stock", "site")}
        ratio = f"{right['site'] / right['stock']:.2f}x" if right["stock"] else "n/a"
        print(f"{kind:<10} {chosen[0]['expect']:<8} {len(chosen):>5}  {right['stock']:>11}  "
              f"{right['site']:>10}  {ratio:>10}")
    totals = Counter(results["site", case["id"]] for case in cases)
    print(f"site: {dict(totals)}")
    for case in cases:
        verdict = results["site", case["id"]]
        if verdict in ("missed", "refused"):
            print(f"  {verdict}: {case['id']} ({case['kind']}, {case['file']})")


if __name__ == "__main__":
    raise SystemExit(main())
