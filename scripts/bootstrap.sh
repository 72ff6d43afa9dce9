#!/usr/bin/env bash
# Install everything the site and its tests need on a fresh machine: idempotent, quick when done already.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
stamp="$venv/.requirements.sha256"
wanted="$(sha256sum requirements.txt | cut -d' ' -f1)"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$wanted" > "$stamp"
fi

# The same site packages with ProperDocs in place of MkDocs, for the check that it builds the site
# as MkDocs does (tests/test_properdocs.py); only the tests need it.
properdocs=.venv-properdocs
properdocs_stamp="$properdocs/.requirements.sha256"
properdocs_wanted="$(cat requirements.txt requirements-properdocs.txt | sha256sum | cut -d' ' -f1)"
if [ "${SKIP_PROPERDOCS_INSTALL:-0}" != "1" ] && [ "$(cat "$properdocs_stamp" 2>/dev/null)" != "$properdocs_wanted" ]; then
  [ -x "$properdocs/bin/python" ] || python3 -m venv "$properdocs"
  "$properdocs/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
  echo "$properdocs_wanted" > "$properdocs_stamp"
fi

# Browser tests drive Debian's Chromium (Playwright's own browser download is never used);
# the Nu HTML Checker runs on Java.
missing=()
if [ "${SKIP_BROWSER_INSTALL:-0}" != "1" ]; then
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
fi
# Node tools come from npm, which Debian packages with Node.js.
if [ -f package-lock.json ] && [ "${SKIP_NODE_INSTALL:-0}" != "1" ]; then
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null 2>&1; then
    echo "scripts/bootstrap.sh: missing ${missing[*]}: install them with apt-get as root" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Node tools (Lighthouse) come from the committed package-lock.json.
if [ -f package-lock.json ] && [ "${SKIP_NODE_INSTALL:-0}" != "1" ]; then
  lock_stamp="node_modules/.package-lock.sha256"
  lock_wanted="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ "$(cat "$lock_stamp" 2>/dev/null)" != "$lock_wanted" ]; then
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_wanted" > "$lock_stamp"
  fi
fi
