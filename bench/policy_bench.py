"""Content policy benchmark: what the policy hook adds to the build time.

Builds two scratch copies of the site, as configured and with the line `hooks/content_policy.py`
removed from `hooks:`, and prints the best time of each (and of a hostile page at
the policy's limits, which the policy must keep within seconds).

    .venv/bin/python bench/policy_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import resource
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.projects import build_site, copy_sources, without_hooks  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

POLICY_HOOK = "hooks/content_policy.py"
SITE_URL = "http://127.0.0.1:8000/spectrum-retention-guide/"

# The slowest Markdown the policy lets through: 20 paragraphs at its per-paragraph limits.
HOSTILE_PAGE = "\n\n".join(["[" * 10 + "<http://" * 5 + " " * 3_900 + "x"] * 20)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The best of `runs` builds of a project, in CPU seconds (user and system time of the build):
# on a shared machine, wall-clock time measures the neighbours as much as the build.
def best_build(project: Path, runs: int) -> float:
    times = []
    for run in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = build_site(project, project / f"site-{run}", SITE_URL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            raise SystemExit(f"{project.name}: build failed\n{result.stderr}")
    return min(times)


# Build the site with and without the policy, then the hostile page with it.
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        ours = copy_sources(Path(scratch) / "ours")
        stock = copy_sources(Path(scratch) / "without-policy")
        without_hooks(stock / "mkdocs.yml", [POLICY_HOOK])
        hostile = copy_sources(Path(scratch) / "hostile")
        page = hostile / "docs" / "ko" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n\n" + HOSTILE_PAGE + "\n",
                        encoding="utf-8")
        without, with_policy = best_build(stock, args.runs), best_build(ours, args.runs)
        hostile_time = best_build(hostile, 1)
    print(f"mkdocs build --strict, CPU time, best of {args.runs}: without the policy {without:.2f} s, "
          f"with it {with_policy:.2f} s (+{with_policy - without:.2f} s, "
          f"{with_policy / without:.2f}x); a page at the policy's limits: {hostile_time:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
