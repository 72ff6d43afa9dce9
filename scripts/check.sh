#!/usr/bin/env bash
# The translator's check before pushing, in seconds: each translation's structure against the
# English, the glossary, and a strict build. Needs Python 3.11+ and Git only.
# Usage: bash scripts/check.sh [LOCALE]
set -uo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER_INSTALL=1 SKIP_NODE_INSTALL=1 SKIP_PROPERDOCS_INSTALL=1 bash scripts/bootstrap.sh || exit 1
export NO_MKDOCS_2_WARNING=1
failed=()
.venv/bin/python scripts/i18n.py check "$@" || failed+=(check)
.venv/bin/python scripts/i18n.py glossary || failed+=(glossary)
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
.venv/bin/mkdocs build --strict --quiet --site-dir "$site" || failed+=("strict build")
if [ "${#failed[@]}" -gt 0 ]; then
  echo "check.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "check.sh: structure, glossary and strict build are fine"
