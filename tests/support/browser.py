"""The browser that the tests and benchmarks drive: Debian's Chromium, never a downloaded build."""

from __future__ import annotations

import os

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# CHROMIUM_PATH points elsewhere where the machine's browser lives elsewhere (a CI runner's Chrome).
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# No background traffic: the machine reaches no other site, and the checks count every request.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Start headless Chromium through Playwright.
def launch_chromium(playwright):
    if not os.path.exists(CHROMIUM):
        raise SystemExit(f"{CHROMIUM} is missing: run scripts/bootstrap.sh (or set CHROMIUM_PATH)")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
