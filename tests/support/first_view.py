"""What a browser fetches on a first, uncached view of a page, and its gzip-compressed weight."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from support.browser import open_settled

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# GitHub Pages compresses responses with gzip; level 6 is gzip's own default.
GZIP_LEVEL = 6

# "At most 100 KB gzip-compressed in all" for the first view of any page (tests and bench).
FIRST_VIEW_BUDGET = 100_000


@dataclass
class FirstView:
    """Every request of one page load, and the body of each response (a repeated fetch counts again)."""

    url: str
    requests: list[str] = field(default_factory=list)
    bodies: list[tuple[str, bytes]] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    # Total bytes on the wire if every body is sent gzip-compressed.
    @property
    def gzip_bytes(self) -> int:
        return sum(len(gzip.compress(body, GZIP_LEVEL)) for _, body in self.bodies)

    # Requests that leave the page's own origin (data: and blob: URLs never touch the network).
    def foreign_requests(self) -> list[str]:
        origin = _origin(self.url)
        return [
            url for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and _origin(url) != origin
        ]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Load `url` in a fresh browser context (empty cache) and record what it fetches until idle.
def record_first_view(browser, url: str, *, color_scheme: str = "light") -> FirstView:
    view = FirstView(url=url)
    context = browser.new_context(color_scheme=color_scheme)
    try:
        tab = context.new_page()
        responses = []
        tab.on("request", lambda request: view.requests.append(request.url))
        tab.on("response", lambda response: responses.append(response))
        tab.on("console", lambda message: _keep_error(view, message))
        open_settled(tab, url)
        for response in responses:
            if urlsplit(response.url).scheme not in ("http", "https"):
                continue
            if 300 <= response.status < 400:
                continue
            view.bodies.append((response.url, response.body()))
    finally:
        context.close()
    return view


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Record a console message when it is an error.
def _keep_error(view: FirstView, message) -> None:
    if message.type == "error":
        view.console_errors.append(message.text)


# scheme://host:port of a URL.
def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
