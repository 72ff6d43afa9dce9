#!/usr/bin/env bash
# Set up (first run only) and serve the site with live reload at http://127.0.0.1:8000/spectrum-retention-guide/
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER_INSTALL=1 SKIP_NODE_INSTALL=1 SKIP_PROPERDOCS_INSTALL=1 bash scripts/bootstrap.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --strict "$@"
