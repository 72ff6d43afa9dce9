#!/usr/bin/env bash
# Set up (first run only) and run every check: strict build, tests (HTML, hooks, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
