"""A tiny portal whose every page is a different way for a crawl to go wrong.

Served on 127.0.0.1 by the tests themselves; its profile is written to a temporary folder.
``Handler.robots`` switches the whole portal to another robots.txt (``Disallow: /``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

from tests.e2e.local_server import serve_locally

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


# A tag box whose "tag" is a paragraph a theme's selector caught: 330 characters.
ESSAY_TAG = '<a href="/tag/x">' + "Pengumuman hasil seleksi terbuka jabatan " * 8 + "</a>"
# rel=canonical naming a same-site URL longer than any index entry may hold.
LONG_CANONICAL = "/berita/14-" + "kanonik-yang-sangat-panjang-" * 80
DISALLOW_ALL = b"User-agent: *\nDisallow: /\nSitemap: /sitemap.xml\n"


LISTING = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Berita</title></head>
<body>{MENU}<ul>
<li><a href="/berita/1-pasar-murah">Pasar murah</a></li>
<li><a href="/berita/2-tanggal-aneh?utm_source=whatsapp">Tanggal aneh</a></li>
<li><a href="/berita/3-lambat">Lambat</a></li>
<li><a href="/berita/4-rusak">Rusak</a></li>
<li><a href="/berita/5-hilang">Hilang</a></li>
<li><a href="/berita/6-dokumen">Dokumen</a></li>
<li><a href="/berita/7-kosong">Kosong</a></li>
<li><a href="/berita/8-keluar">Keluar</a></li>
<li><a href="/berita/9-cp1252#komentar">CP1252</a></li>
<li><a href="/berita/10-html-rusak">HTML rusak</a></li>
<li><a href="/berita/11-ditarik">Ditarik</a></li>
<li><a href="/berita/12-dibaca-aneh">Dibaca aneh</a></li>
<li><a href="/berita/13-tag-panjang">Tag panjang</a></li>
<li><a href="/berita/14-kanonik">Kanonik panjang</a></li>
</ul>{SIDEBAR}</body></html>"""

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


class Handler(BaseHTTPRequestHandler):
    """Routes by path; every response is complete HTML unless the fault says otherwise."""

    hits: ClassVar[dict[str, int]] = {}
    robots: ClassVar[bytes] = b"User-agent: *\nDisallow: /admin/\nDisallow: /berita/11-\n"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read hits, not an access log."""

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        if path == "/robots.txt":
            return self.send(200, "text/plain", Handler.robots)
        if path in {"/", "/berita"}:
            return self.send(200, "text/html; charset=utf-8", LISTING.encode())
        if path == "/berita/1-pasar-murah":
            page = article("Pasar Murah Digelar di 13 Kecamatan", "Senin, 6 Januari 2025 09:00 WIB")
            return self.send(200, "text/html; charset=utf-8", page.encode())
        if path == "/berita/2-tanggal-aneh":
            page = article("Jadwal Vaksinasi Diumumkan Kemudian", "Tanggal: segera diumumkan")
            return self.send(200, "text/html; charset=utf-8", page.encode())
        if path == "/berita/3-lambat":
            time.sleep(8)  # well past the test crawl's 3 s timeout, even on a loaded machine
            return self.send(200, "text/html; charset=utf-8", b"<html>terlambat</html>")
        if path == "/berita/4-rusak":
            return self.send(500, "text/html", b"<h1>500 Internal Server Error</h1>")
        if path == "/berita/6-dokumen":
            return self.send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
        if path == "/berita/7-kosong":
            page = article("Galeri Foto Kegiatan", "Selasa, 7 Januari 2025 10:00 WIB", body="")
            return self.send(200, "text/html; charset=utf-8", page.encode())
        if path == "/berita/8-keluar":
            self.send_response(302)
            self.send_header("Location", "http://lapor.invalid/pengaduan")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/berita/9-cp1252":
            page = article(
                "Warga Sambut Program Sembako", "Rabu, 8 Januari 2025 14:30 WIB", CP1252_BODY
            )
            return self.send(200, "text/html; charset=windows-1252", page.encode("cp1252"))
        if path == "/berita/10-html-rusak":
            page = article(
                "Posyandu Keliling Hadir", "Kamis, 9 Januari 2025 08:15 WIB", MALFORMED_BODY
            )
            return self.send(200, "text/html; charset=utf-8", page.encode())
        if path == "/berita/12-dibaca-aneh":  # a phone number printed where the count goes
            page = article(
                "Layanan Aduan Warga Dibuka 24 Jam",
                "Jumat, 10 Januari 2025 07:00 WIB",
                views="Dibaca : 081234567890123",
            )
            return self.send(200, "text/html; charset=utf-8", page.encode())
        if path == "/berita/13-tag-panjang":
            page = article(
                "Seleksi Terbuka Jabatan Pimpinan Tinggi",
                "Senin, 13 Januari 2025 10:00 WIB",
                tags=f'<a href="/tag/seleksi">seleksi jabatan</a> {ESSAY_TAG}',
            )
            return self.send(200, "text/html; charset=utf-8", page.encode())
        if path == "/berita/14-kanonik":
            head = f'<link rel="canonical" href="{LONG_CANONICAL}">'
            page = article(
                "Kanonik Terlalu Panjang", "Selasa, 14 Januari 2025 09:00 WIB", head=head
            )
            return self.send(200, "text/html; charset=utf-8", page.encode())
        return self.send(404, "text/html", b"<h1>Halaman tidak ditemukan</h1>")

    def send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def fault_portal() -> Iterator[str]:
    """Serve the portal on a free port; yields its base URL."""
    Handler.hits = {}
    default_robots = Handler.robots
    try:
        with serve_locally(Handler) as base_url:
            yield base_url
    finally:
        Handler.robots = default_robots
