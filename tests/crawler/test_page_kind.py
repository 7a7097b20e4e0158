"""Telling articles from listings, tag pages, galleries and static pages on portals with no profile.

Each page below is a small, hand-written version of what Indonesian portals serve; each
expected kind is what a reader would call the page.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from parsel import Selector

from crawler.generic.dateline import has_dateline
from crawler.generic.page_kind import (
    H1,
    MIN_TEXT_CHARS,
    MIN_TEXT_CHARS_UNDECLARED,
    WEAK_HEADLINE,
    Declared,
    PageKind,
    PageSignals,
    classify,
    declared_kind,
    page_signals,
)
from crawler.generic.url_shape import Shape, url_shape, without_first_page

BASE = "https://kotauji.go.id"
FIXTURES = Path(__file__).parents[1] / "fixtures" / "sites"

MENU = """<header><nav><a href="/">Beranda</a> <a href="/berita">Berita</a>
<a href="/profil">Profil</a></nav></header>"""
SIDEBAR = """<aside class="sidebar"><h3>Terpopuler</h3><ul>
<li><a href="/berita/7/warga-antusias-ikuti-senam-pagi-bersama">Warga Antusias Ikuti Senam Pagi
Bersama</a> <span>Senin, 6 Januari 2025</span></li>
<li><a href="/berita/8/lurah-baru-dilantik-di-kecamatan-timur">Lurah Baru Dilantik di Kecamatan
Timur</a> <span>Senin, 6 Januari 2025</span></li></ul></aside>"""
FOOTER = '<footer>&copy; 2025 Pemkot Uji <a href="/unduhan/laporan-2024.pdf">Laporan</a></footer>'
BODY = (
    "<p>KOTA UJI – Pemerintah Kota Uji menggelar pasar murah di 13 kecamatan untuk menekan "
    "harga bahan pokok menjelang Ramadan. Warga dapat membeli beras, minyak goreng dan gula "
    "dengan harga di bawah harga pasar.</p>"
    "<p>Kepala Dinas Perdagangan mengatakan kegiatan ini akan digelar setiap pekan hingga "
    "akhir bulan, dengan kuota 500 paket sembako untuk setiap kecamatan yang ada.</p>"
    "<p>Warga menyambut baik kegiatan tersebut dan berharap pasar murah digelar rutin.</p>"
)
SHORT_BODY = "<p>Pemkot Uji menerima kunjungan kerja DPRD provinsi di balai kota, Senin pagi.</p>"


def page(main: str, head: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">{head}
<title>Pemkot Uji</title></head><body>{MENU}<main>{main}</main>{SIDEBAR}{FOOTER}</body></html>"""


def kind_of(html: str, path: str, *, listed: bool = False) -> PageKind:
    url = BASE + path
    return classify(page_signals(Selector(text=html, base_url=url), url), listed_as_article=listed)


def headlines(count: int, *, flat: bool) -> str:
    """``count`` teasers: each a linked headline, a date and an excerpt."""
    items = []
    for n in range(1, count + 1):
        href = f"/berita/{n}/kegiatan-warga-kota-uji-ke-{n}"
        headline = f'<h3><a href="{href}">Kegiatan Warga Kota Uji Ke-{n}</a></h3>'
        excerpt = f"<p>Selasa, 7 Januari 2025</p><p>{BODY[3:180]} ...</p>"
        items.append(headline + excerpt if flat else f'<div class="item">{headline}{excerpt}</div>')
    return "".join(items)


ARTICLE = page(
    f"""<article><h1>Pemkot Gelar Pasar Murah di 13 Kecamatan</h1>
<div class="meta"><span class="tanggal">Senin, 6 Januari 2025 09:00 WIB</span></div>
<div class="isi">{BODY}</div><div class="tag"><a href="/tag/pasar">pasar</a></div></article>
<section class="berita-terkait"><h3>Berita Terkait</h3>{headlines(6, flat=False)}</section>"""
)


@pytest.mark.parametrize(
    ("html", "path", "expected"),
    [
        pytest.param(ARTICLE, "/berita/5/pemkot-gelar-pasar-murah", PageKind.ARTICLE, id="article"),
        pytest.param(
            ARTICLE.replace("Senin, 6 Januari 2025 09:00 WIB", "Humas Pemkot Uji"),
            "/berita/5/pemkot-gelar-pasar-murah",
            PageKind.OTHER,
            id="article-text-without-a-date",
        ),
        pytest.param(
            ARTICLE.replace(BODY, SHORT_BODY),
            "/berita/5/pemkot-gelar-pasar-murah",
            PageKind.OTHER,
            id="dated-notice-too-short",
        ),
        pytest.param(
            page(f"<h1>Berita Terpopuler</h1>{headlines(8, flat=True)}"),
            "/terpopuler",
            PageKind.LISTING,
            id="flat-listing-many-headlines-at-an-unknown-url",
        ),
        pytest.param(
            page(f"<h1>Berita</h1>{headlines(5, flat=True)}"),
            "/berita?page=2",
            PageKind.LISTING,
            id="numbered-listing-page",
        ),
        pytest.param(
            page(f"<h1>Tag: pasar</h1>{headlines(2, flat=True)}"),
            "/tag/pasar",
            PageKind.LISTING,
            id="tag-page",
        ),
        pytest.param(
            page(f'<div class="halaman"><h1>Profil Kota</h1>{BODY}</div>'),
            "/profil",
            PageKind.OTHER,
            id="static-page-long-text-no-date",
        ),
        pytest.param(
            page(
                '<h1>Sejarah Kota</h1><p class="tgl">Diperbarui: 2 Januari 2025</p>'
                f'<div class="isi">{BODY}</div>'
            ),
            "/profil/sejarah-kota-uji-dari-masa-ke-masa",
            PageKind.OTHER,
            id="dated-long-page-under-a-static-section",
        ),
        pytest.param(
            page(
                '<h1>Festival Budaya</h1><p>Minggu, 5 Januari 2025</p><figure><img src="/a.jpg">'
                "<figcaption>Perahu hias di sungai kota.</figcaption></figure>"
            ),
            "/galeri/festival-budaya-kota-uji-2025",
            PageKind.OTHER,
            id="gallery-item",
        ),
    ],
)
def test_page_kind(html: str, path: str, expected: PageKind) -> None:
    assert kind_of(html, path) is expected


def test_json_ld_article_type_lowers_the_text_needed_and_stands_for_a_date() -> None:
    short = ARTICLE.replace(BODY, BODY[:250] + "</p>").replace(
        "Senin, 6 Januari 2025 09:00 WIB", "Humas"
    )
    path = "/berita/5/pemkot-gelar-pasar-murah"
    assert kind_of(short, path) is PageKind.OTHER
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x"}</script>'
    assert kind_of(short.replace("</head>", ld + "</head>"), path) is PageKind.ARTICLE


def test_a_post_the_portals_api_listed_needs_less_text_when_dated_all_of_it_when_not() -> None:
    short = ARTICLE.replace(BODY, BODY[:250] + "</p>")
    path = "/berita/5/pemkot-gelar-pasar-murah"
    assert kind_of(short, path) is PageKind.OTHER
    assert kind_of(short, path, listed=True) is PageKind.ARTICLE
    undated = short.replace("Senin, 6 Januari 2025 09:00 WIB", "Humas")
    assert kind_of(undated, path, listed=True) is PageKind.OTHER
    # undated, with the full text and a headline: the feed's word stands for the date
    full = ARTICLE.replace("Senin, 6 Januari 2025 09:00 WIB", "Humas")
    assert kind_of(full, path) is PageKind.OTHER
    assert kind_of(full, path, listed=True) is PageKind.ARTICLE


def test_collection_page_declared_in_json_ld_is_a_listing_whatever_its_text() -> None:
    ld = '<script type="application/ld+json">{"@graph": [{"@type": "CollectionPage"}]}</script>'
    html = ARTICLE.replace("</head>", ld + "</head>")
    assert declared_kind(Selector(text=html)) is Declared.LISTING
    assert kind_of(html, "/berita/5/pemkot-gelar-pasar-murah") is PageKind.LISTING


def test_broken_json_ld_declares_nothing() -> None:
    html = page("", head='<script type="application/ld+json">{"@type": "NewsArt</script>')
    assert declared_kind(Selector(text=html)) is Declared.NOTHING


def test_body_of_br_separated_lines_counts_as_running_text() -> None:
    lines = BODY.replace("<p>", "").replace("</p>", "<br><br>")
    html = ARTICLE.replace(f'<div class="isi">{BODY}</div>', f'<div class="isi">{lines}</div>')
    assert kind_of(html, "/berita/5/pemkot-gelar-pasar-murah") is PageKind.ARTICLE


def test_malformed_paragraphs_still_count() -> None:
    broken = BODY.replace("</p>", "") + "</span>"
    html = ARTICLE.replace(BODY, broken)
    assert kind_of(html, "/berita/5/pemkot-gelar-pasar-murah") is PageKind.ARTICLE


def test_signals_leave_out_menus_sidebars_related_lists_and_link_text() -> None:
    url = BASE + "/berita/5/pemkot-gelar-pasar-murah"
    signals = page_signals(Selector(text=ARTICLE, base_url=url), url)
    # The sidebar's two and the related section's six headlines are the portal's, not the page's.
    assert signals.teasers == 0
    assert 400 <= signals.text_chars <= len(BODY)
    assert signals.dated
    listing = page(f"<h1>Berita</h1>{headlines(5, flat=True)}")
    flat = page_signals(Selector(text=listing, base_url=BASE + "/x"), BASE + "/x")
    assert flat.teasers == 5
    # Excerpts right under a linked headline are not running text; the date lines are short.
    assert flat.text_chars < 400


@pytest.mark.parametrize(
    "case", sorted(FIXTURES.glob("*/article-*")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_every_fixture_article_of_the_sample_themes_is_an_article(case: Path) -> None:
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    html = gzip.decompress((case / "page.html.gz").read_bytes()).decode(meta["encoding"])
    signals = page_signals(Selector(text=html, base_url=meta["url"]), meta["url"])
    assert classify(signals) is PageKind.ARTICLE


@pytest.mark.parametrize(
    ("snippet", "url", "expected"),
    [
        ("<h1>Judul</h1><span>Senin, 6 Januari 2025 09:00 WIB</span>", "/a", True),
        ("<h1>Judul</h1><div><span>Kamis, 23 Jan 2025 - 14:40 wib</span></div>", "/a", True),
        ('<div><h1>Judul</h1></div><p class="meta">Posted on January 22, 2025</p>', "/a", True),
        ("<p>06/01/2025</p><h1>Judul</h1>", "/a", True),
        ('<h1>Judul</h1><div><time datetime="2025-01-22T18:26">Rabu</time></div>', "/a", True),
        ("<h1>Judul</h1><p>Oleh Humas</p>", "/2025/01/22/judul-berita/", True),
        ("<h1>Judul</h1><p>Oleh Humas</p>", "/a", False),
        # a date inside a long paragraph is news, not a date line
        (
            "<h1>Judul</h1><p>" + "Rapat digelar pada 6 Januari 2025 di aula. " * 6 + "</p>",
            "/a",
            False,
        ),
        # a menu's file name and a footer's copyright are not date lines
        ('<h1>Judul</h1></main><footer>&copy; 2025 <a href="/l-2024-01-01.pdf">L</a>', "/", False),
    ],
)
def test_has_dateline(snippet: str, url: str, expected: bool) -> None:
    assert has_dateline(Selector(text=f"<main>{snippet}</main>"), BASE + url) is expected


def test_published_metadata_is_a_dateline() -> None:
    meta = '<meta property="article:published_time" content="2025-01-22T11:26:00+00:00">'
    ld = '<script type="application/ld+json">{"datePublished": "2025-01-22"}</script>'
    for head in (meta, ld):
        assert has_dateline(Selector(text=f"<head>{head}</head><h1>x</h1>"), BASE + "/a")


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("/", Shape.HOME),
        ("/index.php", Shape.HOME),
        ("/berita", Shape.LISTING),
        ("/berita/page/3", Shape.LISTING),
        ("/berita?page=2", Shape.LISTING),
        ("/index.php?page=berita", Shape.LISTING),
        ("/siaran-pers", Shape.LISTING),
        ("/category/berita/page/2/", Shape.LISTING),
        ("/kategori/ekonomi", Shape.LISTING),
        ("/2025/01/", Shape.LISTING),
        ("/berita/5/pemkot-raih-opini", Shape.ARTICLE),
        ("/berita/detail/35123", Shape.ARTICLE),
        ("/news/read/12345/wali-kota-resmikan", Shape.ARTICLE),
        ("/index.php?page=berita&id=12", Shape.ARTICLE),
        ("/?p=123", Shape.ARTICLE),
        ("/2025/01/22/pemkot-raih-opini/", Shape.ARTICLE),
        ("/pemkot-raih-penghargaan-ombudsman-2025/", Shape.ARTICLE),
        ("/berita/pasar-murah-digelar-di-kecamatan.html", Shape.ARTICLE),
        ("/12345-judul-berita", Shape.ARTICLE),
        ("/tag/stunting/", Shape.TAXONOMY),
        ("/tag/stunting/page/2/", Shape.TAXONOMY),
        ("/author/redaksi/", Shape.TAXONOMY),
        ("/profil", Shape.STATIC),
        ("/profil/sejarah-kota-uji-dari-masa-ke-masa", Shape.STATIC),
        ("/galeri/festival-budaya-kota-uji-2025", Shape.STATIC),
        ("/tentang-kami/", Shape.STATIC),
        ("/dokumen/perda-nomor-5-tahun-2024.pdf", Shape.SKIP),
        ("/wp-content/uploads/2025/01/foto.jpg", Shape.SKIP),
        ("/wp-json/wp/v2/posts", Shape.SKIP),
        ("/feed/", Shape.SKIP),
        ("/cari?q=banjir", Shape.SKIP),
        ("/?s=banjir", Shape.SKIP),
        ("/admin/login", Shape.SKIP),
        ("/berita/5/pemkot-raih-opini/amp", Shape.SKIP),
        ("/berita/5/pemkot-raih-opini?replytocom=12", Shape.SKIP),
        ("/pengumuman", Shape.UNKNOWN),
        ("/layanan", Shape.UNKNOWN),
    ],
)
def test_url_shape(path: str, shape: Shape) -> None:
    assert url_shape(BASE + path) is shape


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/berita?page=1", "/berita"),
        ("/index.php?mod=berita&halaman=1", "/index.php?mod=berita"),
        ("/category/berita/page/1/", "/category/berita/"),
        ("/berita?page=2", "/berita?page=2"),
        ("/berita?start=1", "/berita?start=1"),
        ("/page/10/", "/page/10/"),
        ("/berita/1/pemkot-raih-opini", "/berita/1/pemkot-raih-opini"),
    ],
)
def test_without_first_page(path: str, expected: str) -> None:
    assert without_first_page(BASE + path) == BASE + expected


def test_broken_or_absurdly_deep_json_ld_declares_nothing() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    page = Selector(
        text=f'<html><head><script type="application/ld+json">{deep}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle",</script></head></html>'
    )
    assert declared_kind(page) is Declared.NOTHING


# Articles with no readable date: whole portal pages, with the blocks around an article that
# carry other articles' dates — a "Berita Terpopuler" sidebar with view counts beside the
# column, comments under it, today's date in the top bar.
PORTAL_HEADER = """<header class="site-header"><div class="topbar">Kamis, 16 Januari 2025</div>
<div class="logo"><a href="/"><img src="/logo.png" alt="Pemerintah Kota Uji"></a></div>
<nav class="menu-utama"><ul><li><a href="/">Beranda</a></li>
<li><a href="/profil">Profil</a><ul><li><a href="/profil/visi-misi">Visi dan Misi</a></li>
<li><a href="/profil/struktur-organisasi">Struktur Organisasi</a></li></ul></li>
<li><a href="/berita">Berita</a></li><li><a href="/galeri">Galeri</a></li>
<li><a href="/kontak">Kontak</a></li></ul></nav>
<form action="/cari"><input name="q" placeholder="Cari berita"></form></header>"""
POPULAR = """<div class="col-md-4 sidebar"><div class="widget"><h4>Berita Terpopuler</h4><ul>
<li><a href="/berita/warga-antusias-ikuti-senam-pagi-bersama">Warga Antusias Ikuti Senam Pagi
Bersama</a> <time datetime="2025-01-06T07:30:00+07:00">Senin, 6 Januari 2025</time>
<span class="dilihat">1.204 kali dibaca</span></li>
<li><a href="/berita/lurah-baru-dilantik-di-kecamatan-timur">Lurah Baru Dilantik di Kecamatan
Timur</a> <time datetime="2025-01-03T10:00:00+07:00">Jumat, 3 Januari 2025</time>
<span class="dilihat">987 kali dibaca</span></li></ul></div></div>"""
COMMENTS = """<div id="komentar" class="comments"><h4>2 Komentar</h4>
<div class="comment"><b>Budi</b> <span>17 Januari 2025 pukul 10.12</span>
<p>Semoga kegiatan seperti ini rutin diadakan di kecamatan kami juga.</p></div>
<div class="comment"><b>Sari</b> <span>17 Januari 2025 pukul 12.40</span>
<p>Terima kasih informasinya, sangat membantu warga.</p></div></div>"""
PORTAL_FOOTER = """<footer class="site-footer"><p>Jl. Merdeka No. 1, Kota Uji</p>
<p>&copy; 2025 Diskominfo Kota Uji</p><a href="/kebijakan-privasi">Kebijakan Privasi</a></footer>"""
LONG_BODY = "".join(
    f"<p>{text}</p>"
    for text in (
        "KOTA UJI – Pemerintah Kota Uji kembali menggelar program pasar murah di tiga kecamatan "
        "untuk menekan harga bahan pokok yang terus naik menjelang Ramadan. Warga dapat membeli "
        "beras, minyak goreng, gula pasir dan telur dengan harga di bawah harga pasar, dengan "
        "menunjukkan kartu tanda penduduk dan kartu keluarga yang masih berlaku. Pasar murah "
        "dibuka sejak pukul tujuh pagi di halaman kantor kecamatan.",
        "Kepala Dinas Perdagangan Kota Uji mengatakan kegiatan ini akan digelar setiap pekan "
        "hingga akhir bulan. Setiap kecamatan mendapat kuota lima ratus paket sembako, dan "
        "pembelian dibatasi satu paket untuk setiap keluarga agar merata. Petugas kelurahan "
        "membantu pendataan warga yang belum terdaftar sebagai penerima manfaat, termasuk "
        "warga lanjut usia dan penyandang disabilitas yang dilayani lebih dahulu.",
        "Warga menyambut baik kegiatan tersebut. Sejumlah ibu rumah tangga yang ditemui di "
        "lokasi berharap pasar murah digelar rutin, tidak hanya menjelang hari besar keagamaan. "
        "Pemerintah kota menyatakan akan mengevaluasi pelaksanaan program ini bersama DPRD "
        "pada akhir triwulan pertama dan membuka pengaduan warga melalui aplikasi resmi.",
    )
)
MEDIUM_BODY = LONG_BODY[: LONG_BODY.index("<p>Warga menyambut")]  # two paragraphs
VISI_MISI = (
    "<p>Visi: Terwujudnya Kota Uji yang maju, sejahtera, berbudaya dan berdaya saing "
    "berlandaskan nilai-nilai keagamaan dan kearifan lokal pada tahun 2029.</p>"
    "<p>Misi: Meningkatkan kualitas sumber daya manusia yang sehat, cerdas dan berakhlak; "
    "mewujudkan tata kelola pemerintahan yang bersih, efektif dan melayani; membangun "
    "infrastruktur kota yang merata dan berwawasan lingkungan; mengembangkan perekonomian "
    "daerah berbasis potensi lokal, usaha mikro, kecil dan menengah serta pariwisata; dan "
    "memperkuat kehidupan masyarakat yang rukun, aman dan tertib. Misi tersebut dijabarkan "
    "dalam rencana pembangunan jangka menengah daerah dan rencana strategis setiap perangkat "
    "daerah, dengan sasaran, indikator kinerja dan target tahunan yang terukur bagi setiap "
    "urusan pemerintahan, mulai dari pendidikan, kesehatan, pekerjaan umum hingga sosial, "
    "dan rencana kerja setiap perangkat "
    "daerah, yang dievaluasi setiap tahun bersama DPRD dan masyarakat melalui forum "
    "musyawarah perencanaan pembangunan di tingkat kelurahan, kecamatan dan kota, serta "
    "dilaporkan secara terbuka kepada publik melalui laman resmi pemerintah kota.</p>"
)
OG_ARTICLE = '<meta property="og:type" content="article">'
NEWS_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
    '"NewsArticle", "headline": "Mengenal Program Kampung Iklim di Kota Uji", "author": '
    '{"@type": "Organization", "name": "Diskominfo Kota Uji"}}</script>'
)


def portal_page(column: str, head: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Pemerintah Kota Uji</title>{head}</head><body class="single right-sidebar">{PORTAL_HEADER}
<div class="container"><div class="row"><div class="col-md-8 konten">{column}</div>{POPULAR}
</div></div>{PORTAL_FOOTER}</body></html>"""


def news_column(title: str, date_line: str, body: str) -> str:
    """The article column: breadcrumb, headline, date line, text, share links, comments."""
    info = f'<div class="info-berita"><span>{date_line}</span> | <span>512 kali dibaca</span>'
    return f"""<ol class="breadcrumb"><li><a href="/">Beranda</a></li>
<li><a href="/berita">Berita</a></li></ol><h1 class="judul">{title}</h1>{info}</div>
<div class="isi-berita">{body}</div>
<div class="bagikan">Bagikan: <a href="https://www.facebook.com/sharer/sharer.php">Facebook</a>
</div><p class="baca-juga">Baca juga: <a href="/berita/dinkes-buka-layanan-vaksinasi-keliling">
Dinkes Buka Layanan Vaksinasi Keliling untuk Lansia</a></p>{COMMENTS}"""


def signals_of(html: str, path: str) -> PageSignals:
    url = BASE + path
    return page_signals(Selector(text=html, base_url=url), url)


SOME_TIME_AGO = portal_page(
    news_column(
        "Pemkot Gelar Pasar Murah di Tiga Kecamatan",
        "Diposting beberapa waktu yang lalu oleh Admin",
        MEDIUM_BODY,
    ),
    head=OG_ARTICLE,
)
SOME_TIME_AGO_PATH = "/berita/pemkot-gelar-pasar-murah-di-tiga-kecamatan"


def test_og_article_with_a_date_line_that_says_some_time_ago_is_an_undated_article() -> None:
    signals = signals_of(SOME_TIME_AGO, SOME_TIME_AGO_PATH)
    # The sidebar's <time>s, the comments' dates and the top bar's "today" are not its date.
    assert not signals.dated
    assert signals.opengraph_article
    assert signals.headline == H1
    assert kind_of(SOME_TIME_AGO, SOME_TIME_AGO_PATH) is PageKind.ARTICLE
    # Without its og:type, two paragraphs and no date are not enough to tell it from a notice.
    undeclared = SOME_TIME_AGO.replace(OG_ARTICLE, "")
    assert kind_of(undeclared, SOME_TIME_AGO_PATH) is PageKind.OTHER
    # og:type does not lower the text needed, as JSON-LD does: a two-line notice stays out.
    notice = SOME_TIME_AGO.replace(MEDIUM_BODY, SHORT_BODY)
    assert kind_of(notice, SOME_TIME_AGO_PATH) is PageKind.OTHER


def test_json_ld_news_article_with_no_date_anywhere_is_an_undated_article() -> None:
    column = news_column("Mengenal Program Kampung Iklim di Kota Uji", "Oleh Humas", MEDIUM_BODY)
    html = portal_page(column, head=NEWS_LD)
    path = "/artikel/mengenal-program-kampung-iklim-di-kota-uji"
    signals = signals_of(html, path)
    assert not signals.dated
    assert signals.declared is Declared.ARTICLE
    assert kind_of(html, path) is PageKind.ARTICLE
    # a headline printed in a named block, not a heading, is a headline too
    in_div = html.replace('<h1 class="judul">', '<div class="judul-berita">').replace(
        "</h1>", "</div>"
    )
    assert signals_of(in_div, path).headline == WEAK_HEADLINE
    assert kind_of(in_div, path) is PageKind.ARTICLE
    # with no headline at all, the text is not an article's
    headless = html.replace('<h1 class="judul">Mengenal Program Kampung Iklim di Kota Uji</h1>', "")
    assert signals_of(headless, path).headline == 0
    assert kind_of(headless, path) is PageKind.OTHER


# Nothing declared and no date line: the URL, an h1, few headline links and three paragraphs.
UNDECLARED = portal_page(news_column("Judul Panjang Berita", "Oleh Humas", LONG_BODY))


@pytest.mark.parametrize(
    ("path", "dated", "expected"),
    [
        # The URL prints year and month: a date for telling articles apart (extraction, which
        # wants a day, stores it with no published_at).
        pytest.param(
            "/berita/2024/05/judul-panjang-berita", True, PageKind.ARTICLE, id="dated-url"
        ),
        # Under the news section, with a whole article's text: nothing else looks like that.
        pytest.param(
            "/berita/judul-panjang-berita-tanpa-tanggal", False, PageKind.ARTICLE, id="news-slug"
        ),
        pytest.param("/berita/5/judul-panjang-berita", False, PageKind.ARTICLE, id="news-id-slug"),
        pytest.param("/index.php?page=berita&id=5", False, PageKind.ARTICLE, id="news-query"),
        # Article-shaped URLs outside any news section: a static page's, a service's, minutes'
        pytest.param("/halaman/judul-panjang-berita-kota", False, PageKind.OTHER, id="page-slug"),
        pytest.param("/layanan/judul-panjang-berita-kota", False, PageKind.OTHER, id="service"),
        pytest.param("/informasi/judul-panjang-berita-kota", False, PageKind.OTHER, id="info"),
        pytest.param(
            "/berita-acara/judul-panjang-berita-kota", False, PageKind.OTHER, id="minutes"
        ),
        pytest.param("/judul-panjang-berita-di-akar", False, PageKind.OTHER, id="root-slug"),
    ],
)
def test_undeclared_undated_page_is_an_article_only_under_the_news(
    path: str, dated: bool, expected: PageKind
) -> None:
    assert signals_of(UNDECLARED, path).dated is dated
    assert kind_of(UNDECLARED, path) is expected


def test_undeclared_undated_page_needs_a_whole_article_an_h1_and_few_headline_links() -> None:
    path = "/berita/judul-panjang-berita-tanpa-tanggal"
    assert kind_of(UNDECLARED, path) is PageKind.ARTICLE
    assert kind_of(UNDECLARED.replace(LONG_BODY, MEDIUM_BODY), path) is PageKind.OTHER
    h2 = UNDECLARED.replace('<h1 class="judul">', "<h2>").replace("</h1>", "</h2>")
    assert kind_of(h2, path) is PageKind.OTHER
    more = "".join(
        f'<p>Baca juga: <a href="/berita/{n}/kegiatan-warga-kota-uji-ke-{n}">Kegiatan Warga Kota '
        f"Uji Ke-{n}</a></p>"
        for n in range(1, 4)
    )
    assert kind_of(UNDECLARED.replace(LONG_BODY, LONG_BODY + more), path) is PageKind.LISTING


STATIC_PAGE = portal_page(
    '<div class="halaman"><h1>Visi dan Misi</h1><p class="meta">Oleh Admin</p>'
    f'<div class="isi">{VISI_MISI}</div></div>'
)


@pytest.mark.parametrize(
    ("html", "path"),
    [
        pytest.param(STATIC_PAGE, "/profil/visi-misi", id="visi-misi"),
        # a theme that prints og:type=article on every page
        pytest.param(
            STATIC_PAGE.replace("</head>", OG_ARTICLE + "</head>"),
            "/profil/visi-misi",
            id="visi-misi-og-article-on-every-page",
        ),
        pytest.param(STATIC_PAGE, "/visi-misi", id="top-level"),
        pytest.param(STATIC_PAGE, "/halaman/visi-dan-misi-kota-uji", id="article-shaped-url"),
        pytest.param(STATIC_PAGE, "/tentang-kami", id="about"),
        pytest.param(
            STATIC_PAGE.replace("Visi dan Misi", "Kontak").replace(
                VISI_MISI, "<p>Jl. Merdeka No. 1, Kota Uji. Telepon (021) 555-0101.</p>"
            ),
            "/kontak",
            id="kontak",
        ),
    ],
)
def test_static_page_with_long_text_and_no_date_is_never_an_article(html: str, path: str) -> None:
    assert kind_of(html, path) is PageKind.OTHER


def test_the_static_pages_text_is_as_long_as_an_articles() -> None:
    assert signals_of(STATIC_PAGE, "/x").text_chars >= MIN_TEXT_CHARS_UNDECLARED


def undated_teasers(count: int) -> str:
    return "".join(
        f'<div class="item"><h3><a href="/berita/{n}/kegiatan-warga-kota-uji-ke-{n}">Kegiatan '
        f"Warga Kota Uji Ke-{n}</a></h3><p>{BODY[3:200]} ...</p>"
        f'<a class="more" href="/berita/{n}/kegiatan-warga-kota-uji-ke-{n}">Selengkapnya</a></div>'
        for n in range(1, count + 1)
    )


@pytest.mark.parametrize(
    ("html", "path", "expected"),
    [
        pytest.param(
            portal_page(f"<h1>Berita Terbaru</h1>{undated_teasers(10)}", head=OG_ARTICLE),
            "/terbaru",
            PageKind.LISTING,
            id="many-teasers-and-og-article-at-an-unknown-url",
        ),
        pytest.param(
            portal_page(f"<h1>Berita</h1>{undated_teasers(4)}"),
            "/berita/terbaru",
            PageKind.LISTING,
            id="few-teasers-under-the-news",
        ),
        pytest.param(
            portal_page(f"<h1>Hasil Pencarian: pasar</h1>{undated_teasers(5)}", head=OG_ARTICLE),
            "/cari?q=pasar",
            PageKind.LISTING,
            id="search-results",
        ),
        pytest.param(
            portal_page(
                '<h1>Festival Budaya Kota Uji</h1><figure><img src="/a.jpg"><figcaption>'
                f"{VISI_MISI}</figcaption></figure>",
                head=OG_ARTICLE + NEWS_LD,
            ),
            "/galeri/festival-budaya-kota-uji",
            PageKind.OTHER,
            id="gallery-declared-an-article",
        ),
    ],
)
def test_undated_listings_searches_and_galleries_are_never_articles(
    html: str, path: str, expected: PageKind
) -> None:
    assert kind_of(html, path) is expected


def test_body_classes_and_wordpress_term_classes_do_not_hide_the_article() -> None:
    """``<body class="right-sidebar">`` (GeneratePress) and a post filed under the tag "menu
    sehat" (``tag-menu-sehat``) are not a sidebar and a menu."""
    article = (
        '<article class="post type-post category-berita tag-menu-sehat tag-populer">'
        f"<h1>Pemkot Gelar Pasar Murah</h1><p>Senin, 6 Januari 2025</p>{BODY}</article>"
    )
    html = f'<html><body class="single right-sidebar"><main>{article}</main></body></html>'
    path = "/berita/5/pemkot-gelar-pasar-murah"
    assert signals_of(html, path).text_chars >= MIN_TEXT_CHARS
    assert kind_of(html, path) is PageKind.ARTICLE


@pytest.mark.parametrize(
    "html",
    [
        # the top bar's "today", the h1's parent's previous sibling
        '<header><div class="topbar">Kamis, 16 Januari 2025</div></header>'
        "<div><h1>Judul</h1><p>Diposting beberapa waktu yang lalu</p></div>",
        # a short "Terpopuler" list by the headline's column, a <time> or a printed date
        '<div class="konten"><h1>Judul</h1><p>Oleh Humas</p></div><div class="sidebar">'
        '<a href="/b/1">Lurah Dilantik</a> <time datetime="2025-01-06">6 Jan</time></div>',
        '<div class="konten"><h1>Judul</h1><p>Oleh Humas</p></div>'
        '<aside><a href="/b/1">Lurah Dilantik</a> Senin, 6 Januari 2025</aside>',
        # a block by the headline that holds a widget: the widget's dates are left out
        "<h1>Judul</h1><div><span>Oleh Humas</span>"
        '<div class="widget-populer">Senin, 6 Januari 2025</div></div>',
    ],
)
def test_portal_blocks_by_the_headline_are_not_its_date_line(html: str) -> None:
    assert not has_dateline(Selector(text=f"<body>{html}</body>"), BASE + "/a")
