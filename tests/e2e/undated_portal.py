"""A small city portal whose news is not all dated, served on 127.0.0.1 by the tests themselves.

Four articles under ``/berita/``: two print their date line, one declares itself an article
(``og:type=article``) but its date line only says "Diposting beberapa waktu yang lalu", and one
declares a JSON-LD ``NewsArticle`` with no ``datePublished`` and prints no date at all. Every
page carries a "Berita Terpopuler" sidebar with view counts, and the articles carry comments;
served with ``other_dates``, the sidebar prints the dated articles' dates, the comments
theirs and the site's top bar today's: dates on the page that are not the article's. The
"Profil" page is long, undated text: never an article.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

from tests.e2e.local_server import serve_locally

SOME_TIME_AGO = "Diposting beberapa waktu yang lalu"


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    date_line: str  # "" for none at all
    paragraphs: tuple[str, ...]
    head: str = ""  # what the page declares in its <head>

    @property
    def path(self) -> str:
        return f"/berita/{self.slug}"


OG_ARTICLE = '<meta property="og:type" content="article">'


def _news_article_ld(title: str) -> str:
    """JSON-LD that says NewsArticle and gives no date of any kind."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "author": {"@type": "Organization", "name": "Diskominfo Kota Uji"},
        "publisher": {"@type": "Organization", "name": "Pemerintah Kota Uji"},
    }
    return f'<script type="application/ld+json">{json.dumps(ld)}</script>'


DATED_A = Story(
    "pemkot-gelar-pasar-murah-di-tiga-kecamatan",
    "Pemkot Gelar Pasar Murah di Tiga Kecamatan",
    "Senin, 13 Januari 2025 09:00 WIB",
    (
        "KOTA UJI – Pemerintah Kota Uji menggelar pasar murah di tiga kecamatan untuk menekan "
        "harga bahan pokok. Warga dapat membeli beras, minyak goreng dan gula di bawah harga "
        "pasar dengan menunjukkan kartu tanda penduduk.",
        "Kepala Dinas Perdagangan mengatakan kegiatan ini akan digelar setiap pekan hingga akhir "
        "bulan, dengan kuota lima ratus paket sembako untuk setiap kecamatan.",
        "Warga menyambut baik kegiatan tersebut dan berharap pasar murah digelar secara rutin.",
    ),
    OG_ARTICLE,
)
DATED_B = Story(
    "dinkes-buka-layanan-vaksinasi-keliling-untuk-lansia",
    "Dinkes Buka Layanan Vaksinasi Keliling untuk Lansia",
    "Selasa, 14 Januari 2025 10:30 WIB",
    (
        "KOTA UJI – Dinas Kesehatan Kota Uji membuka layanan vaksinasi keliling bagi warga "
        "lanjut usia yang kesulitan datang ke puskesmas. Petugas mendatangi rumah warga sesuai "
        "jadwal yang disusun bersama kelurahan.",
        "Kepala Dinas Kesehatan menyampaikan bahwa layanan ini menyasar seribu warga lanjut usia "
        "pada tahap pertama, dan akan diperluas ke seluruh kecamatan pada bulan berikutnya.",
        "Warga yang ingin didatangi petugas dapat mendaftar melalui ketua RT setempat.",
    ),
    OG_ARTICLE,
)
# Declares itself an article; its date line says only "some time ago".
SOME_TIME_AGO_STORY = Story(
    "warga-gotong-royong-bersihkan-saluran-air-jelang-musim-hujan",
    "Warga Gotong Royong Bersihkan Saluran Air Jelang Musim Hujan",
    SOME_TIME_AGO,
    (
        "KOTA UJI – Ratusan warga Kecamatan Timur bergotong royong membersihkan saluran air dan "
        "gorong-gorong menjelang musim hujan. Kegiatan ini diikuti perangkat kelurahan, petugas "
        "kebersihan dan pelajar sekolah menengah di sekitar lokasi.",
        "Camat Timur mengatakan sampah yang menyumbat saluran menjadi penyebab utama genangan "
        "pada musim hujan tahun lalu, sehingga pembersihan dilakukan lebih awal di setiap RW.",
        "Pemerintah kota menyiapkan truk pengangkut sampah dan alat berat untuk mendukung kerja "
        "bakti yang dijadwalkan berlangsung setiap akhir pekan selama satu bulan.",
    ),
    OG_ARTICLE,
)
# Declares a JSON-LD NewsArticle without datePublished, and prints no date line at all.
NO_DATE_STORY = Story(
    "mengenal-program-kampung-iklim-di-kelurahan-sukamaju",
    "Mengenal Program Kampung Iklim di Kelurahan Sukamaju",
    "",
    (
        "KOTA UJI – Kelurahan Sukamaju menjadi salah satu kampung iklim di Kota Uji. Warga "
        "mengolah sampah organik menjadi kompos, menanam pohon di lahan kosong dan membangun "
        "sumur resapan di setiap gang untuk menahan air hujan.",
        "Lurah Sukamaju menjelaskan bahwa program ini berjalan berkat kerja sama warga, karang "
        "taruna dan kelompok wanita tani yang mengelola kebun bersama di tepi sungai.",
        "Dinas Lingkungan Hidup berencana menjadikan Sukamaju contoh bagi kelurahan lain dalam "
        "program pengendalian perubahan iklim berbasis masyarakat.",
    ),
    _news_article_ld("Mengenal Program Kampung Iklim di Kelurahan Sukamaju"),
)
STORIES = (NO_DATE_STORY, SOME_TIME_AGO_STORY, DATED_B, DATED_A)  # as the listing shows them
DATED = (DATED_A, DATED_B)
UNDATED = (SOME_TIME_AGO_STORY, NO_DATE_STORY)

PROFILE_TEXT = (
    "Kota Uji terletak di dataran rendah yang dilalui dua sungai besar dan berbatasan dengan "
    "laut di sebelah utara. Wilayahnya terdiri atas sepuluh kecamatan dan lima puluh "
    "kelurahan, dengan jumlah penduduk sekitar satu juta jiwa yang sebagian besar bekerja di "
    "sektor perdagangan, jasa dan industri pengolahan.",
    "Visi Pemerintah Kota Uji adalah terwujudnya kota yang maju, sejahtera, berbudaya dan "
    "berdaya saing. Visi tersebut dijabarkan dalam misi meningkatkan kualitas sumber daya "
    "manusia, mewujudkan tata kelola pemerintahan yang bersih dan melayani, membangun "
    "infrastruktur yang merata, serta mengembangkan perekonomian daerah berbasis potensi lokal.",
    "Pemerintah kota berkomitmen memberikan pelayanan publik yang cepat, mudah dan terjangkau, "
    "serta membuka ruang partisipasi warga dalam perencanaan pembangunan setiap tahunnya "
    "melalui musyawarah perencanaan pembangunan di tingkat kelurahan, kecamatan dan kota.",
)

MENU = """<header class="site-header">{top_bar}<div class="logo"><a href="/">Pemerintah Kota Uji</a>
</div><nav class="menu-utama"><ul><li><a href="/">Beranda</a></li><li><a href="/profil">Profil</a>
</li><li><a href="/berita">Berita</a></li></ul></nav></header>"""
# The site's top bar: the day of the visit, on every page.
TOP_BAR = '<div class="top-bar"><span class="hari-ini">Kamis, 16 Januari 2025</span></div>'

FOOTER = """<footer><p>Jl. Merdeka No. 1, Kota Uji &middot; humas@kotauji.example</p>
<p>&copy; 2025 Diskominfo Kota Uji</p></footer>"""


def popular(other_dates: bool) -> str:
    """The sidebar: the dated articles with their view counts (and dates)."""
    items = "".join(
        f'<li><a href="{s.path}">{s.title}</a> '
        + (f'<span class="tgl">{s.date_line}</span> ' if other_dates else "")
        + f'<span class="dilihat">{n * 411} kali dibaca</span></li>'
        for n, s in enumerate(DATED, start=2)
    )
    return (
        '<aside class="sidebar"><div class="widget"><h4>Berita Terpopuler</h4>'
        f"<ul>{items}</ul></div></aside>"
    )


def frame(title: str, main: str, head: str = "", *, other_dates: bool = False) -> str:
    header = MENU.format(top_bar=TOP_BAR if other_dates else "")
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{title} | Pemerintah Kota Uji</title>{head}</head>
<body>{header}<div class="container"><main class="konten">{main}</main>{popular(other_dates)}
</div>{FOOTER}</body></html>"""


def article_page(story: Story, *, other_dates: bool = False) -> str:
    date_line = f'<div class="info">{story.date_line}</div>' if story.date_line else ""
    body = "".join(f"<p>{p}</p>" for p in story.paragraphs)
    when = " <span>Rabu, 15 Januari 2025 08:12</span>" if other_dates else ""
    comments = (
        '<div id="komentar" class="comments"><h4>1 Komentar</h4><div class="comment">'
        f"<b>Budi</b>{when}<p>Semoga kegiatan seperti ini terus berlanjut.</p></div></div>"
    )
    main = f"""<article><h1>{story.title}</h1>{date_line}
<div class="isi">{body}</div></article>{comments}"""
    return frame(story.title, main, story.head, other_dates=other_dates)


def teaser(story: Story) -> str:
    date = f'<span class="tgl">{story.date_line}</span>' if story in DATED else ""
    excerpt = story.paragraphs[0][:140] + " ..."
    return (
        f'<div class="item"><h3><a href="{story.path}">{story.title}</a></h3>{date}'
        f"<p>{excerpt}</p></div>\n"
    )


def home_page() -> str:
    items = "".join(teaser(s) for s in STORIES[:3])
    return frame("Beranda", f'<h2>Berita Terbaru</h2>{items}<a href="/berita">Indeks berita</a>')


def listing_page() -> str:
    return frame("Berita", "<h1>Berita</h1>" + "".join(teaser(s) for s in STORIES))


def profile_page() -> str:
    body = "".join(f"<p>{p}</p>" for p in PROFILE_TEXT)
    head = '<meta property="og:type" content="website">'
    return frame("Profil", f'<div class="halaman"><h1>Profil Kota Uji</h1>{body}</div>', head)


def route(path: str, base_url: str, *, other_dates: bool = False) -> tuple[int, str, str]:
    """(status, content type, body) for a path; trailing slashes serve the same page."""
    html = "text/html; charset=utf-8"
    path = path.rstrip("/") or "/"
    stories = {s.path: s for s in STORIES}
    if path == "/robots.txt":
        return 200, "text/plain", f"User-agent: *\nSitemap: {base_url}sitemap.xml\n"
    if path == "/sitemap.xml":
        locs = "".join(f"<url><loc>{base_url}{p}</loc></url>" for p in ("", "profil"))
        xmlns = "http://www.sitemaps.org/schemas/sitemap/0.9"
        sitemap = f'<?xml version="1.0"?><urlset xmlns="{xmlns}">{locs}</urlset>'
        return 200, "application/xml", sitemap
    if path == "/":
        return 200, html, home_page()
    if path == "/berita":
        return 200, html, listing_page()
    if path == "/profil":
        return 200, html, profile_page()
    if path in stories:
        return 200, html, article_page(stories[path], other_dates=other_dates)
    return 404, html, frame("Tidak Ditemukan", "<h1>Halaman tidak ditemukan</h1>")


class Handler(BaseHTTPRequestHandler):
    """Records every requested path (with its query)."""

    requests: ClassVar[list[str]] = []
    other_dates: ClassVar[bool] = False

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read the requests, not an access log."""

    def do_GET(self) -> None:
        Handler.requests.append(self.path)
        address = self.server.server_address
        assert isinstance(address, tuple)  # (host, port): served over IPv4
        base_url = f"http://127.0.0.1:{address[1]}/"
        path = self.path.partition("?")[0]
        status, content_type, text = route(path, base_url, other_dates=Handler.other_dates)
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def undated_portal(*, other_dates: bool = False) -> Iterator[str]:
    """Serve the portal on a free port; yields its base URL."""
    Handler.requests = []
    Handler.other_dates = other_dates
    with serve_locally(Handler) as base_url:
        yield base_url
