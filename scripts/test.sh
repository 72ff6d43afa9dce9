#!/usr/bin/env bash
# Set up (first run only) and run every check: strict build, tests (HTML, hooks, browser).
# Needs Python 3.11+ and Git; installs Debian's Chromium and a Java runtime when they are missing
# (with apt-get: as root, or through sudo). The tests need no Node tools.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_NODE_INSTALL=1 bash scripts/bootstrap.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
