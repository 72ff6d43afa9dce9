"""A static server on 127.0.0.1 that serves a built site under a path, as GitHub Pages does."""

from __future__ import annotations

import gzip
import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# GitHub Pages compresses text responses; Lighthouse's throttled timings depend on it.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
                    "image/svg+xml")


class SiteServer:
    """Bind at once (so the URL is known before the build), serve once a site folder is given.

    `compress=True` answers like GitHub Pages on the wire (gzip, cacheable), for measurements;
    the default sends every file as it is and uncached, for tests that rebuild and reload.
    """

    def __init__(self, base_path: str, *, compress: bool = False) -> None:
        self.base_path = base_path
        self.site_dir: Path | None = None
        handler = type("Handler", (_PagesHandler,), {"site": self, "compress": compress})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def origin(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return self.origin + self.base_path

    def serve(self, site_dir: Path) -> None:
        self.site_dir = Path(site_dir)
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
        self._httpd.server_close()


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

class _PagesHandler(BaseHTTPRequestHandler):
    site: SiteServer
    compress: bool

    # Quiet: tests and benchmarks report for themselves.
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass

    # Answer like GitHub Pages: redirect folders to their slash, fall back to 404.html.
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        site_dir, base = self.site.site_dir, self.site.base_path
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(base):
            if path + "/" == base:
                return self._redirect(base)
            return self._send(site_dir / "404.html", status=404)
        target = site_dir / path[len(base):]
        if target.is_dir() and not path.endswith("/"):
            return self._redirect(path + "/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or site_dir.resolve() not in target.resolve().parents:
            return self._send(site_dir / "404.html", status=404)
        return self._send(target, status=200)

    # A 301 to the folder's address with its trailing slash.
    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # The file's bytes; gzip-compressed where asked, the type is text and the client accepts it.
    def _send(self, file: Path, *, status: int) -> None:
        body = file.read_bytes() if file.is_file() else b"Not found"
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Cache-Control", "max-age=600" if self.compress else "no-store")
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if self.compress and kind.startswith(COMPRESSED_TYPES) and accepts_gzip:
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
