"""One hostile portal for the crawl tests: every article path is a way for a crawl to go wrong.

Served on 127.0.0.1 by the tests themselves; its profile is written to a temporary folder.
:func:`hostile_portal` picks the mode: which robots.txt it serves (``Disallow: /``), which
articles its listing links (and which it still serves unlinked), and which of them first
turn the crawler away with 429 or 503 and ``Retry-After``. Every request is recorded with
the time it arrived and its status.
"""

from __future__ import annotations

import math
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

from tests.e2e.conftest import FAST, RunWarta
from tests.e2e.local_server import respond, serve_locally

PROFILE = """
name = "Portal Uji Gangguan"
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
"""

MENU = """<header><nav><a href="/">Beranda</a> <a href="/berita">Berita</a>
<a href="/profil">Profil</a>
<a href="https://www.indonesia.go.id/">Indonesia.go.id</a></nav></header>"""
SIDEBAR = """<aside><h3>Berita Terpopuler</h3><ul>
<li><a href="/berita/1-pasar-murah">Pasar Murah Digelar di 13 Kecamatan</a>
<span class="tanggal">Senin, 6 Januari 2025 09:00 WIB</span>
<span class="dibaca">Dibaca : 9.999</span></li>
</ul></aside><footer>Jl. Satria Sudirman No. 1 &copy; 2025 Pemkot Uji</footer>"""
PARAGRAPHS = (
    "<p>UJI – Pemerintah Kota Uji menggelar pasar murah di 13 kecamatan untuk menekan harga "
    "bahan pokok menjelang Ramadan. Warga dapat membeli beras, minyak goreng dan gula dengan "
    "harga di bawah harga pasar.</p>"
    "<p>Kepala Dinas Perdagangan mengatakan kegiatan ini akan digelar setiap pekan hingga akhir "
    "bulan, dengan kuota 500 paket sembako untuk setiap kecamatan.</p>"
)
CP1252_BODY = (
    "<p>UJI – Wali Kota menyebut program ini \u201cbukti nyata\u201d kepedulian pemerintah "
    "kepada warga yang terdampak kenaikan harga bahan pokok di seluruh kecamatan.</p>"
    "<p>\u201cKami ingin warga tidak perlu antre terlalu lama,\u201d ujarnya di lokasi.</p>"
)
MALFORMED_BODY = (
    "<p>UJI – Dinas Kesehatan membuka posyandu keliling di kelurahan yang belum memiliki "
    "gedung posyandu sendiri, untuk menekan angka stunting.<div><p>Petugas menimbang balita "
    "dan memberikan makanan tambahan kepada ibu hamil di setiap pos.</span>"
)
# A UTF-8 page whose web server labels it shift_jis (a copied config); its meta says utf-8.
MISLABELLED_TITLE = "Harga Beras “Stabil” Jelang Ramadan – Pasokan Aman"
MISLABELLED_BODY = (
    "<p>UJI – Dinas Perdagangan memastikan harga beras medium tetap Rp 12.500 per kilogram "
    "menjelang Ramadan. “Pasokan dari Bulog aman hingga tiga bulan ke depan,” kata Kepala "
    "Dinas saat meninjau Pasar Anyar.</p><p>Operasi pasar digelar dengan kuota 500 paket "
    "sembako – beras 5 kg, minyak goreng 2 liter dan gula 1 kg – seharga Rp 5.000.</p>"
)
SHIFT_JIS = "text/html; charset=shift_jis"
# A tag box whose "tag" is a paragraph a theme's selector caught: 330 characters.
ESSAY_TAG = '<a href="/tag/x">' + "Pengumuman hasil seleksi terbuka jabatan " * 8 + "</a>"
# rel=canonical naming a same-site URL longer than any index entry may hold.
LONG_CANONICAL = "/berita/14-" + "kanonik-yang-sangat-panjang-" * 80
DEFAULT_ROBOTS = b"User-agent: *\nDisallow: /admin/\nDisallow: /berita/11-\n"
DISALLOW_ALL = b"User-agent: *\nDisallow: /\nSitemap: /sitemap.xml\n"
HTML = "text/html; charset=utf-8"


def article(
    title: str,
    date_line: str,
    body: str = PARAGRAPHS,
    head: str = "",
    views: str = "Dibaca : 120",
    tags: str = '<a href="/tag/pasar">pasar murah</a>',
) -> str:
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">{head}
<title>{title} | Pemkot Uji</title></head><body>{MENU}
<main><article><h1 class="judul">{title}</h1>
<div class="meta"><span class="tanggal">{date_line}</span> |
<span class="dibaca">{views}</span></div>
<div class="isi">{body}</div><div class="tag">{tags}</div>
</article></main>{SIDEBAR}</body></html>"""


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


def _page(title: str, date_line: str, **parts: str) -> Answer:
    return Answer(200, HTML, article(title, date_line, **parts).encode())


def _slow() -> Answer:
    time.sleep(8)  # well past the test crawl's 3 s timeout, even on a loaded machine
    return Answer(200, HTML, b"<html>terlambat</html>")


FAULTS: dict[str, Callable[[], Answer]] = {
    "1-pasar-murah": lambda: _page(
        "Pasar Murah Digelar di 13 Kecamatan", "Senin, 6 Januari 2025 09:00 WIB"
    ),
    "2-tanggal-aneh": lambda: _page(
        "Jadwal Vaksinasi Diumumkan Kemudian", "Tanggal: segera diumumkan"
    ),
    "3-lambat": _slow,
    "4-rusak": lambda: Answer(500, "text/html", b"<h1>500 Internal Server Error</h1>"),
    "5-hilang": lambda: Answer(404, "text/html", b"<h1>Halaman tidak ditemukan</h1>"),
    "6-dokumen": lambda: Answer(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
    "7-kosong": lambda: _page("Galeri Foto Kegiatan", "Selasa, 7 Januari 2025 10:00 WIB", body=""),
    "8-keluar": lambda: Answer(302, HTML, b"", {"Location": "http://lapor.invalid/pengaduan"}),
    "9-cp1252": lambda: Answer(
        200,
        "text/html; charset=windows-1252",
        article(
            "Warga Sambut Program Sembako", "Rabu, 8 Januari 2025 14:30 WIB", CP1252_BODY
        ).encode("cp1252"),
    ),
    "10-html-rusak": lambda: _page(
        "Posyandu Keliling Hadir", "Kamis, 9 Januari 2025 08:15 WIB", body=MALFORMED_BODY
    ),
    "11-ditarik": lambda: _page("Ditarik", "Jumat, 10 Januari 2025 08:00 WIB"),  # robots.txt
    # a phone number printed where the count goes
    "12-dibaca-aneh": lambda: _page(
        "Layanan Aduan Warga Dibuka 24 Jam",
        "Jumat, 10 Januari 2025 07:00 WIB",
        views="Dibaca : 081234567890123",
    ),
    "13-tag-panjang": lambda: _page(
        "Seleksi Terbuka Jabatan Pimpinan Tinggi",
        "Senin, 13 Januari 2025 10:00 WIB",
        tags=f'<a href="/tag/seleksi">seleksi jabatan</a> {ESSAY_TAG}',
    ),
    "14-kanonik": lambda: _page(
        "Kanonik Terlalu Panjang",
        "Selasa, 14 Januari 2025 09:00 WIB",
        head=f'<link rel="canonical" href="{LONG_CANONICAL}">',
    ),
    "15-shift-jis": lambda: Answer(
        200,
        SHIFT_JIS,
        article(MISLABELLED_TITLE, "Rabu, 15 Januari 2025 09:00 WIB", MISLABELLED_BODY).encode(),
    ),
}


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


class Handler(BaseHTTPRequestHandler):
    """The listing links ``listed``; an article in ``busy`` is turned away first."""

    robots: ClassVar[bytes] = DEFAULT_ROBOTS
    listed: ClassVar[tuple[str, ...]] = tuple(FAULTS)
    unlisted: ClassVar[tuple[str, ...]] = ()  # served, but no listing links them any more
    busy: ClassVar[Mapping[str, Busy]] = {}
    hits: ClassVar[list[Hit]] = []
    lock: ClassVar[threading.Lock] = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read hits, not an access log."""

    def do_GET(self) -> None:
        # The list of the portal this request reached: a slow answer of an earlier test's
        # portal must not land in the next test's hits.
        self.hits = Handler.hits
        path = self.path.split("?")[0]
        now = time.time()
        slug = path.removeprefix("/berita/")
        if path == "/robots.txt":
            answer = Answer(200, "text/plain", Handler.robots)
        elif path in {"/", "/berita"}:
            answer = Answer(200, HTML, listing(Handler.listed).encode())
        elif slug in Handler.busy and self._turns_away(path, Handler.busy[slug]):
            self._busy(path, now, Handler.busy[slug])
            return
        elif slug in FAULTS:
            answer = FAULTS[slug]()
        elif slug in Handler.listed or slug in Handler.unlisted:
            answer = _page(
                slug.split("-", 1)[1].replace("-", " ").title(), "Senin, 6 Januari 2025 09:00 WIB"
            )
        else:
            answer = Answer(404, "text/html", b"<h1>Halaman tidak ditemukan</h1>")
        self.answer(path, now, answer)

    def _turns_away(self, path: str, busy: Busy) -> bool:
        with Handler.lock:
            turned_away = sum(1 for h in Handler.hits if h.path == path and h.status != 200)
        return busy.times is None or turned_away < busy.times

    def _busy(self, path: str, now: float, busy: Busy) -> None:
        until, retry_after = None, busy.retry_after
        if busy.date_ahead is not None:
            until = math.ceil(now) + busy.date_ahead
            retry_after = formatdate(until, usegmt=True)
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        self.answer(
            path, now, Answer(busy.status, HTML, b"<h1>Coba lagi nanti</h1>", headers), until
        )

    def answer(self, path: str, now: float, answer: Answer, until: float | None = None) -> None:
        with Handler.lock:
            self.hits.append(Hit(path, now, answer.status, until))
        respond(self, answer.status, answer.content_type, answer.body, answer.headers)


def listing(slugs: tuple[str, ...]) -> str:
    """The news listing; some links carry share parameters and fragments, as real ones do."""
    variants = {"2-tanggal-aneh": "?utm_source=whatsapp", "9-cp1252": "#komentar"}
    items = "".join(
        f'<li><a href="/berita/{slug}{variants.get(slug, "")}">{slug.split("-", 1)[1]}</a></li>'
        for slug in slugs
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Berita</title></head>
<body>{MENU}<ul>{items}</ul>{SIDEBAR}</body></html>"""


def hit_count(hits: list[Hit], path: str) -> int:
    return sum(1 for hit in hits if hit.path == path)


@contextmanager
def hostile_portal(
    *,
    listed: tuple[str, ...] = tuple(FAULTS),
    unlisted: tuple[str, ...] = (),
    busy: Mapping[str, Busy] | None = None,
    robots: bytes = DEFAULT_ROBOTS,
) -> Iterator[str]:
    """Serve the portal in the mode asked for on a free port; yields its base URL."""
    Handler.listed, Handler.busy, Handler.robots, Handler.hits = listed, busy or {}, robots, []
    Handler.unlisted = unlisted
    try:
        with serve_locally(Handler) as base_url:
            yield base_url
    finally:
        Handler.listed, Handler.busy, Handler.robots = tuple(FAULTS), {}, DEFAULT_ROBOTS
        Handler.unlisted = ()


def crawl_profile(
    run_warta: RunWarta, tmp_path: Path, base_url: str, db: str, *args: str
) -> subprocess.CompletedProcess[str]:
    """``warta crawl uji_gangguan`` (the hostile portal's profile) at ``base_url`` into
    ``db``; a 3 s timeout, so the slow page fails fast even on a loaded machine."""
    sites = tmp_path / "sites"
    sites.mkdir(exist_ok=True)
    (sites / "uji_gangguan.toml").write_text(PROFILE, encoding="utf-8")
    return run_warta(
        "crawl",
        "uji_gangguan",
        "--base-url",
        base_url,
        "--db",
        db,
        "--no-progress",
        *FAST,
        "-s",
        "DOWNLOAD_TIMEOUT=3",
        *args,
        env={"WARTA_SITES_DIR": str(sites)},
    )
