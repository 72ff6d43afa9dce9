"""A static server on 127.0.0.1 that serves a built site under a path with gzip, as GitHub Pages does."""

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


class GzipPagesServer:
    """Serve `site_dir` at http://127.0.0.1:<port><base_path>, 404.html (status 404) for the rest."""

    def __init__(self, site_dir: Path, base_path: str) -> None:
        handler = type("Handler", (_GzipPagesHandler,), {"site_dir": site_dir, "base_path": base_path})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self.base_path = base_path

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}{self.base_path}"

    def __enter__(self) -> GzipPagesServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

class _GzipPagesHandler(BaseHTTPRequestHandler):
    site_dir: Path
    base_path: str

    # Quiet: the bench prints its own table.
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass

    # Answer like GitHub Pages: redirect folders to their slash, fall back to 404.html.
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.base_path):
            if path + "/" == self.base_path:
                return self._redirect(self.base_path)
            return self._send(self.site_dir / "404.html", status=404)
        target = self.site_dir / path[len(self.base_path):]
        if target.is_dir() and not path.endswith("/"):
            return self._redirect(path + "/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or self.site_dir.resolve() not in target.resolve().parents:
            return self._send(self.site_dir / "404.html", status=404)
        return self._send(target, status=200)

    # A 301 to the folder's address with its trailing slash.
    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # The file's bytes, gzip-compressed where the type is text and the client accepts it.
    def _send(self, file: Path, *, status: int) -> None:
        body = file.read_bytes()
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Cache-Control", "max-age=600")
        if kind.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
