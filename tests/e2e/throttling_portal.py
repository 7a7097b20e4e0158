"""A tiny portal that tells the crawler to come back later: 429 and 503 with ``Retry-After``.

Served on 127.0.0.1 by the tests themselves; its profile is written to a temporary folder.
Every request is recorded with the time it arrived, so a test can check the waits.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

from tests.e2e.local_server import serve_locally

PROFILE = """
name = "Portal Uji Antrean"
base_url = "http://127.0.0.1:1/"
[discovery]
start_urls = ["/berita"]
article_url_patterns = ['^/berita/\\d+-']
[fields]
title = ["h1.judul"]
published = ["span.tanggal"]
body = ["div.isi p"]
"""


@dataclass(frozen=True)
class Busy:
    """How an article turns the crawler away before it answers 200."""

    status: int  # 429 or 503
    times: int | None  # how many requests are turned away; None: all of them
    retry_after: str | None = None  # the header as is, e.g. "1"
    date_ahead: float | None = None  # or an HTTP-date this many whole seconds ahead


@dataclass(frozen=True)
class Hit:
    path: str
    at: float  # time.time() when the request arrived
    status: int
    retry_until: float | None = None  # the instant an HTTP-date Retry-After named


def article(slug: str) -> str:
    title = slug.split("-", 1)[1].replace("-", " ").title()
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{title} | Pemkot Uji</title></head><body><main><article>
<h1 class="judul">{title}</h1><span class="tanggal">Senin, 6 Januari 2025 09:00 WIB</span>
<div class="isi"><p>UJI – Berita tentang {title.lower()} dari Pemerintah Kota Uji. Kegiatan
ini digelar setiap pekan hingga akhir bulan untuk seluruh warga kota.</p>
<p>Kepala dinas terkait menyampaikan bahwa kegiatan berjalan lancar.</p></div>
</article></main></body></html>"""


class Handler(BaseHTTPRequestHandler):
    """The listing links every article; an article in ``busy`` is turned away first."""

    slugs: ClassVar[tuple[str, ...]] = ()
    busy: ClassVar[Mapping[str, Busy]] = {}
    hits: ClassVar[list[Hit]] = []
    lock: ClassVar[threading.Lock] = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read hits, not an access log."""

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        now = time.time()
        if path == "/robots.txt":
            return self.answer(path, now, 200, b"User-agent: *\nDisallow: /admin/\n", "text/plain")
        if path in {"/", "/berita"}:
            links = "".join(f'<li><a href="/berita/{s}">{s}</a></li>' for s in Handler.slugs)
            page = f"<!DOCTYPE html><html><body><ul>{links}</ul></body></html>"
            return self.answer(path, now, 200, page.encode())
        slug = path.removeprefix("/berita/")
        if slug not in Handler.slugs:
            return self.answer(path, now, 404, b"<h1>Halaman tidak ditemukan</h1>")
        busy = Handler.busy.get(slug)
        with Handler.lock:
            turned_away = sum(1 for h in Handler.hits if h.path == path and h.status != 200)
        if busy is not None and (busy.times is None or turned_away < busy.times):
            until = None
            retry_after = busy.retry_after
            if busy.date_ahead is not None:
                until = math.ceil(now) + busy.date_ahead
                retry_after = formatdate(until, usegmt=True)
            return self.answer(
                path, now, busy.status, b"<h1>Coba lagi nanti</h1>", retry=retry_after, until=until
            )
        return self.answer(path, now, 200, article(slug).encode())

    def answer(
        self,
        path: str,
        now: float,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        retry: str | None = None,
        until: float | None = None,
    ) -> None:
        with Handler.lock:
            Handler.hits.append(Hit(path, now, status, until))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if retry is not None:
            self.send_header("Retry-After", retry)
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def throttling_portal(slugs: tuple[str, ...], busy: Mapping[str, Busy]) -> Iterator[str]:
    """Serve the portal with these articles on a free port; yields its base URL."""
    Handler.slugs, Handler.busy, Handler.hits = slugs, busy, []
    with serve_locally(Handler) as base_url:
        yield base_url
