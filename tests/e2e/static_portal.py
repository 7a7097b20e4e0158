"""A small city portal Warta has no profile for, served on 127.0.0.1 by the tests themselves.

Its traps for a generic crawl: the news is only complete through three pages of "Selanjutnya »"
pagination (``?page=N``); the sitemap lists the six newest articles and one that no listing
shows, and misses the six oldest; links carry ``?utm_source=``, ``#komentar`` and trailing-slash
variants and an other-host copy (``localhost``); and tag, category, "terpopuler", gallery,
agenda, announcement, profile, contact and PDF pages carry dates, excerpts or long text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

from tests.e2e.local_server import respond, serve_locally


@dataclass(frozen=True)
class Story:
    title: str
    date_line: str
    topic: str  # the tag and category it is filed under

    @property
    def slug(self) -> str:
        """``Festival Kuliner di Alun-Alun`` → ``festival-kuliner-di-alun-alun``."""
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")


# title | date line | topic, newest first
_TABLE = """
Wali Kota Resmikan Taman Tematik di Bantaran Sungai | Rabu, 15 Januari 2025 10:30 WIB | lingkungan
Pemkot Gelar Pasar Murah di Tiga Kecamatan | Selasa, 14 Januari 2025 09:00 WIB | ekonomi
Dinkes Buka Layanan Vaksinasi Keliling untuk Lansia | Senin, 13 Januari 2025 14:15 WIB | kesehatan
Perbaikan Jalan Lingkungan Dikebut Sebelum Musim Hujan | Sabtu, 11 Januari 2025 08:45 WIB | jalan
UMKM Binaan Pemkot Tembus Pasar Ekspor | Jumat, 10 Januari 2025 16:20 WIB | ekonomi
BPBD Siagakan Pompa Air di Titik Rawan Banjir | Kamis, 9 Januari 2025 07:50 WIB | lingkungan
Ratusan Pelajar Ikuti Lomba Cerdas Cermat Kebangsaan | Rabu, 8 Januari 2025 13:05 WIB | sekolah
Posyandu Remaja Hadir di Setiap Kelurahan | Selasa, 7 Januari 2025 11:40 WIB | kesehatan
Festival Kuliner Nusantara Ramaikan Alun-Alun Kota | Senin, 6 Januari 2025 19:10 WIB | ekonomi
Pemkot Luncurkan Aplikasi Pengaduan Warga Terpadu | Sabtu, 4 Januari 2025 10:00 WIB | jalan
Gerakan Tanam Seribu Pohon di Kawasan Industri | Jumat, 3 Januari 2025 08:30 WIB | lingkungan
Ribuan Warga Padati Malam Pergantian Tahun di Alun-Alun | Rabu, 1 Januari 2025 00:30 WIB | sekolah
"""
STORIES = tuple(
    Story(*(cell.strip() for cell in line.split("|"))) for line in _TABLE.strip().splitlines()
)
HIDDEN = STORIES[0]  # in the sitemap only: no listing, menu or related list links to it
LISTED = STORIES[1:]  # the news listing, 5 a page: pages 1, 2 and 3
PER_PAGE = 5
IN_SITEMAP = (HIDDEN, *LISTED[:5])  # a "latest news" sitemap: the six oldest are missing

MENU = """<header class="kepala"><div class="logo"><a href="/">Pemerintah Kota Uji</a></div>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/profil">Profil</a></li>
<li><a href="/berita">Berita</a></li><li><a href="/terpopuler">Terpopuler</a></li>
<li><a href="/galeri">Galeri</a></li><li><a href="/agenda">Agenda</a></li>
<li><a href="/unduhan/laporan-kinerja-2024.pdf">Unduhan</a></li>
<li><a href="/kontak">Kontak</a></li>
<li><a href="https://www.indonesia.go.id/">Indonesia.go.id</a></li></ul></nav></header>"""
FOOTER = """<footer><p>Jl. Merdeka No. 1, Kota Uji &middot; humas@kotauji.example</p>
<a href="/admin/login">Login</a> <a href="/profil/sejarah-kota">Sejarah Kota</a>
<a href="/pengumuman/penerimaan-calon-pegawai-non-asn-tahun-2025">Pengumuman</a></footer>"""


def frame(title: str, main: str, head: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{title} | Pemerintah Kota Uji</title>{head}</head>
<body>{MENU}<main>{main}</main>{FOOTER}</body></html>"""


def paragraphs(story: Story) -> list[str]:
    """Three paragraphs of running text, over 400 characters, different for every story."""
    return [
        f"KOTA UJI – {story.title}. Kegiatan ini menjadi bagian dari program prioritas "
        f"Pemerintah Kota Uji di bidang {story.topic} untuk tahun anggaran 2025.",
        "Kepala dinas terkait menyampaikan bahwa pelaksanaan kegiatan melibatkan perangkat "
        "kecamatan, kelurahan, serta tokoh masyarakat agar manfaatnya dirasakan langsung oleh "
        "warga di seluruh wilayah kota.",
        f"Warga menyambut baik kegiatan tersebut dan berharap program {story.topic} serupa "
        "terus dilanjutkan secara berkala, dengan evaluasi terbuka setiap akhir triwulan.",
    ]


def teaser(story: Story, href_suffix: str = "") -> str:
    excerpt = paragraphs(story)[0][:150] + " ..."
    return (
        f'<div class="item"><h3><a href="/berita/{story.slug}{href_suffix}">{story.title}</a>'
        f'</h3><span class="tgl">{story.date_line}</span><p>{excerpt}</p></div>\n'
    )


def article_page(story: Story, base_url: str) -> str:
    index = STORIES.index(story)
    newer = [s for s in STORIES[max(1, index - 2) : index] if s is not HIDDEN]
    related = "".join(f'<li><a href="/berita/{s.slug}/">{s.title}</a></li>' for s in newer)
    body = "".join(f"<p>{p}</p>" for p in paragraphs(story))
    # Its canonical URL says which of the variants that serve this page is the article's.
    head = (
        '<meta property="og:type" content="article">'
        f'<link rel="canonical" href="{base_url}berita/{story.slug}">'
    )
    main = f"""<article><h1>{story.title}</h1>
<div class="meta"><span class="tanggal">{story.date_line}</span> |
<a href="/kategori/{story.topic}">{story.topic.title()}</a></div>
<div class="isi">{body}</div>
<div class="tag">Tag: <a href="/tag/{story.topic}">{story.topic}</a></div>
<div class="bagikan"><a href="/berita/{story.slug}?utm_source=whatsapp&amp;utm_medium=share">
Salin tautan</a> <a href="{base_url.replace("127.0.0.1", "localhost")}berita/{story.slug}">
Versi lama</a> <a href="#komentar">Komentar</a></div></article>
<section class="terkait"><h3>Berita Terkait</h3><ul>{related}</ul></section>"""
    return frame(story.title, main, head)


def listing_page(page: int) -> str:
    last = -(-len(LISTED) // PER_PAGE)
    stories = LISTED[(page - 1) * PER_PAGE : page * PER_PAGE]
    suffix = {1: "?utm_source=indeks", 2: "/"}.get(page, "#komentar")
    numbers = "".join(
        f"<span>{n}</span>" if n == page else f'<a href="/berita?page={n}">{n}</a>'
        for n in range(1, last + 1)
    )
    prev = f'<a href="/berita?page={page - 1}">« Sebelumnya</a>' if page > 1 else ""
    nxt = f'<a href="/berita?page={page + 1}">Selanjutnya »</a>' if page < last else ""
    items = "".join(teaser(s, suffix) for s in stories)
    paging = f'<div class="paging">{prev} {numbers} {nxt}</div>'
    main = f'<h1>Berita</h1><div class="daftar">{items}</div>{paging}'
    return frame(f"Berita - Halaman {page}", main)


def list_page(title: str, stories: tuple[Story, ...] | list[Story], suffix: str = "") -> str:
    return frame(title, f"<h1>{title}</h1>" + "".join(teaser(s, suffix) for s in stories))


def flat_list_page(title: str, stories: tuple[Story, ...]) -> str:
    """Headlines, dates and excerpts as siblings in one block: much text, many dates."""
    items = "".join(
        f'<h3><a href="/berita/{s.slug}">{s.title}</a></h3><p>{s.date_line}</p>'
        f"<p>{paragraphs(s)[1]}</p>"
        for s in stories
    )
    return frame(title, f'<h1>{title}</h1><div class="daftar">{items}</div>')


def static_page(title: str, text: str, date_line: str = "") -> str:
    dated = f'<p class="tanggal">{date_line}</p>' if date_line else ""
    return frame(title, f'<div class="halaman"><h1>{title}</h1>{dated}<p>{text}</p></div>')


LONG_TEXT = (
    "Kota Uji terletak di dataran rendah dan dilalui dua sungai besar. Wilayahnya terdiri atas "
    "sepuluh kecamatan dan lima puluh kelurahan, dengan penduduk sekitar satu juta jiwa. "
    "Pemerintah kota berkomitmen memberikan pelayanan publik yang cepat, mudah dan terjangkau, "
    "serta membuka ruang partisipasi warga dalam perencanaan pembangunan setiap tahunnya. "
    "Informasi lengkap mengenai layanan dapat diperoleh di Mal Pelayanan Publik pada hari kerja."
)


# path -> (title, text, date line): profile, contact, gallery, agenda and announcement pages
OTHER_PAGES = {
    "/profil": ("Profil Kota Uji", LONG_TEXT, ""),
    # long and dated, but under /profil/: never news
    "/profil/sejarah-kota": ("Sejarah Kota", LONG_TEXT, "Diperbarui: Kamis, 2 Januari 2025"),
    "/kontak": ("Kontak", "Jl. Merdeka No. 1, Kota Uji. Telepon (021) 555-0101.", ""),
    "/galeri": ("Galeri", '<a href="/galeri/festival-budaya-2025">Festival Budaya 2025</a>', ""),
    "/galeri/festival-budaya-2025": (
        "Festival Budaya 2025",
        "Foto: perahu hias di sungai kota saat Festival Budaya.",
        "Minggu, 5 Januari 2025 16:00 WIB",
    ),
    "/agenda": (
        "Agenda",
        '<a href="/agenda/rapat-koordinasi-penanganan-banjir-2025">Rapat koordinasi banjir</a>',
        "",
    ),
    # a headline-like slug and a date, but a two-line notice
    "/agenda/rapat-koordinasi-penanganan-banjir-2025": (
        "Rapat Koordinasi Penanganan Banjir",
        "Tempat: Aula Balai Kota. Peserta: camat dan lurah se-Kota Uji.",
        "Kamis, 16 Januari 2025 09:00 WIB",
    ),
    # a headline-like slug and long text, but no date
    "/pengumuman/penerimaan-calon-pegawai-non-asn-tahun-2025": (
        "Penerimaan Calon Pegawai Non-ASN",
        LONG_TEXT,
        "",
    ),
}


def sitemap(base_url: str) -> str:
    paths = ["", "profil", "kontak", *(f"berita/{s.slug}" for s in IN_SITEMAP)]
    urls = "".join(f"<url><loc>{base_url}{p}</loc></url>" for p in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )


def route(path: str, query: str, base_url: str) -> tuple[int, str, str]:
    """(status, content type, body) for a path; trailing slashes serve the same page."""
    html = "text/html; charset=utf-8"
    stories = {f"/berita/{s.slug}": s for s in STORIES}
    topics = {s.topic for s in STORIES}
    path = path.rstrip("/") or "/"
    if path == "/robots.txt":
        return 200, "text/plain", "User-agent: *\nDisallow: /admin/\n"
    if path == "/sitemap.xml":
        return 200, "application/xml", sitemap(base_url)
    if path == "/":
        return 200, html, list_page("Selamat Datang di Kota Uji", LISTED[:3], "?utm_source=home")
    if path == "/berita":
        page = int(query.removeprefix("page=")) if query.startswith("page=") else 1
        return 200, html, listing_page(page)
    if path in stories:
        return 200, html, article_page(stories[path], base_url)
    if path == "/terpopuler":  # no URL word says "listing": only its eight headlines do
        return 200, html, flat_list_page("Berita Terpopuler", LISTED[:8])
    if path.removeprefix("/tag/") in topics or path.removeprefix("/kategori/") in topics:
        topic = path.rsplit("/", 1)[1]  # the topic's latest: stories of listing page 1 only
        latest = [s for s in LISTED[:PER_PAGE] if s.topic == topic]
        return 200, html, list_page(f"Topik: {topic}", latest)
    if path in OTHER_PAGES:
        return 200, html, static_page(*OTHER_PAGES[path])
    if path == "/unduhan/laporan-kinerja-2024.pdf":
        return 200, "application/pdf", "%PDF-1.4\n1 0 obj\n"
    return 404, html, static_page("Tidak Ditemukan", "Halaman tidak ditemukan.")


class Handler(BaseHTTPRequestHandler):
    """Records every request as (Host header, path with its query)."""

    requests: ClassVar[list[tuple[str, str]]] = []

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read the requests, not an access log."""

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        Handler.requests.append((self.headers.get("Host", ""), self.path))
        base_url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        status, content_type, text = route(path, query, base_url)
        respond(self, status, content_type, text.encode("utf-8"))


@contextmanager
def static_portal() -> Iterator[str]:
    """Serve the portal on a free port; yields its base URL."""
    Handler.requests = []
    with serve_locally(Handler) as base_url:
        yield base_url
