"""The browser that the tests and benchmarks drive: Debian's Chromium, never a downloaded build."""

from __future__ import annotations

import os
import time

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# CHROMIUM_PATH points elsewhere where the machine's browser lives elsewhere (a CI runner's Chrome).
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# A page has settled once no request of it has been in flight for this long after its load event.
QUIET_SECONDS = 0.15
# Playwright's own "networkidle" waits 500 ms; no page of the site needs that long to settle.
SETTLE_TIMEOUT = 10

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


# Go to a page and wait until it has settled: loaded, and no request in flight for QUIET_SECONDS.
def open_settled(tab, url: str):
    pending: set = set()
    last = [time.monotonic()]

    def started(request) -> None:
        pending.add(request)
        last[0] = time.monotonic()

    def ended(request) -> None:
        pending.discard(request)
        last[0] = time.monotonic()

    events = {"request": started, "requestfinished": ended, "requestfailed": ended}
    for event, handler in events.items():
        tab.on(event, handler)
    try:
        response = tab.goto(url, wait_until="load")
        deadline = time.monotonic() + SETTLE_TIMEOUT
        while (pending or time.monotonic() - last[0] < QUIET_SECONDS) and time.monotonic() < deadline:
            tab.wait_for_timeout(25)
    finally:
        for event, handler in events.items():
            tab.remove_listener(event, handler)
    return response
