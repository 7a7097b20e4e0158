"""HTTP for the sample portal: the standard library's threading server, keep-alive on.

Chosen over twisted.web after measuring both (see benchmarks/bench_sample_portal.py), and
because a Twisted reactor can run only once per process, which would clash with Scrapy
in tests that start the portal in-process.
"""

from __future__ import annotations

import contextlib
import hashlib
import socket
import sys
import threading
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .app import Portal
from .common import Response


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a crawler reuses its connections
    server_version = "WartaSamplePortal/1.0"
    sys_version = ""
    wbufsize = 1 << 16  # status, headers and body leave in one send ...
    disable_nagle_algorithm = True  # ... and are not held back waiting for an ACK
    timeout = 120  # idle keep-alive connections are closed eventually
    server: SamplePortalServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, add=False)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, *, send_body: bool) -> None:
        try:
            response = self.server.portal.handle(self.path)
        except Exception:  # a bug must still answer, not drop the connection
            traceback.print_exc(file=sys.stderr)
            self.send_error(500)
            return
        validators = self._validators(response)
        if validators and self._unchanged_for_client(validators):
            self.send_response(304)
            for name, value in validators:
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in (*response.headers, *validators):
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)

    def _validators(self, response: Response) -> tuple[tuple[str, str], ...]:
        """An article page's ETag (its bytes: a grown view count is a new version) and
        Last-Modified (the article's own modified time), as CMSs send them."""
        if response.status != 200 or response.article_id is None:
            return ()
        etag = '"' + hashlib.sha1(response.body).hexdigest()[:20] + '"'
        modified = self.server.portal.edition.summary(response.article_id).modified
        return (("ETag", etag), ("Last-Modified", formatdate(modified.timestamp(), usegmt=True)))

    def _unchanged_for_client(self, validators: tuple[tuple[str, str], ...]) -> bool:
        """RFC 9110: If-None-Match decides when sent; If-Modified-Since only without it."""
        etag, last_modified = (value for _, value in validators)
        if (asked := self.headers.get("If-None-Match")) is not None:
            return etag in (tag.strip() for tag in asked.split(","))
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False

    def log_message(self, format: str, *args: object) -> None:
        if self.server.access_log:
            super().log_message(format, *args)


class SamplePortalServer(ThreadingHTTPServer):
    """The sample portal bound to (host, port); port 0 picks a free one."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(
        self,
        *,
        articles: int = 200,
        seed: int = 1,
        theme: str = "pemkot",
        host: str = "127.0.0.1",
        port: int = 0,
        access_log: bool = False,
        edition: int = 1,
    ) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.access_log = access_log
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__((host, port), _Handler)
        self.portal = Portal(
            theme=theme, articles=articles, seed=seed, base_url=self.base_url, edition=edition
        )

    @property
    def base_url(self) -> str:
        """'http://127.0.0.1:8123/' (a wildcard bind is reached through loopback)."""
        host, port = str(self.server_address[0]), int(self.server_address[1])
        if host in ("0.0.0.0", ""):
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{port}/"

    @property
    def hits(self) -> Counter[str]:
        """Requests per path (query ignored); e.g. ``hits['/admin/login']``."""
        return self.portal.hits

    def track(self, connection: socket.socket, *, add: bool) -> None:
        with self._connections_lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def stop(self) -> None:
        """Stop serving and close idle keep-alive connections so their threads end."""
        self.shutdown()
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by the client
                connection.shutdown(socket.SHUT_RDWR)
        self.server_close()


@contextmanager
def running_portal(
    *,
    articles: int,
    seed: int = 1,
    theme: str = "pemkot",
    host: str = "127.0.0.1",
    port: int = 0,
    edition: int = 1,
) -> Iterator[SamplePortalServer]:
    """Serve in a background thread; yields the server (``base_url``, ``hits``, ``portal``).

    ``edition`` K serves the same portal K-1 steps later (``sample_portal.editions``).
    """
    server = SamplePortalServer(
        articles=articles, seed=seed, theme=theme, host=host, port=port, edition=edition
    )
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.stop()
        thread.join()


@contextmanager
def serve_in_thread(
    *,
    articles: int,
    seed: int = 1,
    theme: str = "pemkot",
    host: str = "127.0.0.1",
    port: int = 0,
    edition: int = 1,
) -> Iterator[str]:
    """Serve in a background thread; yields the base URL, e.g. 'http://127.0.0.1:8123/'."""
    with running_portal(
        articles=articles, seed=seed, theme=theme, host=host, port=port, edition=edition
    ) as s:
        yield s.base_url
