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
from crawler.generic.page_kind import Declared, PageKind, classify, declared_kind, page_signals
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


def test_a_post_the_portals_api_listed_needs_less_text_but_still_a_date() -> None:
    short = ARTICLE.replace(BODY, BODY[:250] + "</p>")
    path = "/berita/5/pemkot-gelar-pasar-murah"
    assert kind_of(short, path) is PageKind.OTHER
    assert kind_of(short, path, listed=True) is PageKind.ARTICLE
    undated = short.replace("Senin, 6 Januari 2025 09:00 WIB", "Humas")
    assert kind_of(undated, path, listed=True) is PageKind.OTHER


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
