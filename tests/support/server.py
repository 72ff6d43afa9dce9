"""A static file server on 127.0.0.1 that serves a built site under a path, as GitHub Pages does."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


class SiteServer:
    """Bind at once (so the URL is known before the build), serve once a site folder is given."""

    def __init__(self, base_path: str) -> None:
        self.base_path = base_path
        self._site_dir: Path | None = None
        handler = functools.partial(_PagesHandler, server_state=self)
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
        self._site_dir = site_dir
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
        self._httpd.server_close()


class _PagesHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, server_state: SiteServer, **kwargs) -> None:
        self._state = server_state
        super().__init__(*args, directory=str(server_state._site_dir), **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    # Map /<base>/x to <site>/x; anything outside the base path or missing gets 404.html.
    def translate_path(self, path: str) -> str:
        request_path = unquote(urlsplit(path).path)
        base = self._state.base_path
        if request_path + "/" == base:
            return str(Path(self.directory) / "__redirect__")
        if not request_path.startswith(base):
            return str(Path(self.directory) / "__missing__")
        return super().translate_path("/" + request_path[len(base):])

    def send_head(self):
        request_path = unquote(urlsplit(self.path).path)
        if request_path + "/" == self._state.base_path:
            self.send_response(301)
            self.send_header("Location", self._state.base_path)
            self.end_headers()
            return None
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not request_path.endswith("/"):
            return super().send_head()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return self._send_not_found()
        return super().send_head()

    def _send_not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None
