"""Small portals that record when each request began and ended, for the politeness tests.

Each :func:`paced_portal` serves a listing of ``articles`` articles, with the menu, sidebar
and footer of a municipal portal; an article page answers after ``latency`` seconds (so
requests in flight at once can be seen), or with a 500 when the portal is ``broken``.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler

from tests.e2e.hostile_portal import MENU, PARAGRAPHS, SIDEBAR
from tests.e2e.local_server import respond, serve_locally

PROFILE = """
name = "Portal Uji Laju {name}"
base_url = "http://127.0.0.1:1/"
[discovery]
start_urls = ["/berita"]
article_url_patterns = ['^/berita/\\d+-']
[fields]
title = ["h1.judul"]
published = ["span.tanggal"]
view_count = ["span.dibaca"]
body = ["div.isi p"]
tags = ["div.tag a"]
[crawl]
{crawl}
"""


@dataclass(frozen=True)
class Visit:
    path: str
    start: float  # time.monotonic() when the request arrived ...
    end: float  # ... and when its answer was sent


@dataclass
class PacedPortal:
    base_url: str
    visits: list[Visit]

    def articles(self) -> list[Visit]:
        return sorted((v for v in self.visits if v.path.startswith("/berita/")), key=_start)

    def most_in_flight(self) -> int:
        """The most requests this portal was answering at one time."""
        edges = [(v.start, 1) for v in self.visits] + [(v.end, -1) for v in self.visits]
        now = most = 0
        for _, step in sorted(edges):
            now += step
            most = max(most, now)
        return most

    def start_gaps(self) -> list[float]:
        """Seconds between the starts of consecutive requests, robots.txt included."""
        return gaps(sorted(v.start for v in self.visits))


def gaps(times: list[float]) -> list[float]:
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def _start(visit: Visit) -> float:
    return visit.start


def _page(title: str, main: str) -> bytes:
    return (
        f"<!doctype html><html lang='id'><head><meta charset='utf-8'><title>{title} - Pemkot "
        f"Uji</title></head><body>{MENU}<main>{main}</main>{SIDEBAR}</body></html>"
    ).encode()


@contextmanager
def paced_portal(
    *, articles: int, latency: float = 0.0, broken: bool = False
) -> Iterator[PacedPortal]:
    visits: list[Visit] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read visits, not an access log."""

        def do_GET(self) -> None:
            start = time.monotonic()
            path = self.path.split("?")[0]
            status, body = self._answer(path)
            respond(self, status, "text/html; charset=utf-8", body)
            with lock:
                visits.append(Visit(path, start, time.monotonic()))

        def _answer(self, path: str) -> tuple[int, bytes]:
            if path == "/robots.txt":
                return 200, b"User-agent: *\nDisallow: /admin/\n"
            if path == "/berita":
                items = "".join(
                    f'<li><a href="/berita/{n}-kegiatan-kelurahan-{n}">Kegiatan Kelurahan {n}'
                    f"</a> <span class='tanggal'>Senin, {n} Maret 2025 08:00 WIB</span></li>"
                    for n in range(10, 10 + articles)
                )
                return 200, _page("Berita", f"<h2>Berita Terkini</h2><ul>{items}</ul>")
            if path.startswith("/berita/"):
                time.sleep(latency)
                if broken:
                    return 500, _page("Galat", "<h1>500 Internal Server Error</h1>")
                number = path.removeprefix("/berita/").split("-", 1)[0]
                article = (
                    f"<article><h1 class='judul'>Kegiatan Kelurahan {number}</h1>"
                    f"<span class='tanggal'>Senin, {int(number) % 28 + 1} Maret 2025 08:00 WIB"
                    f"</span> <span class='dibaca'>Dibaca : {number}0</span>"
                    f"<div class='isi'>{PARAGRAPHS}</div>"
                    f"<div class='tag'><a href='/tag/kelurahan'>kelurahan</a></div></article>"
                )
                return 200, _page(f"Kegiatan Kelurahan {number}", article)
            return 404, _page("Tidak ditemukan", "<h1>Halaman tidak ditemukan</h1>")

    with serve_locally(Handler) as base_url:
        yield PacedPortal(base_url, visits)
