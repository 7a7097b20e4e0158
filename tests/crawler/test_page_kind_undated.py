"""Article pages with no readable date are still articles when the page says so; listings,
searches, galleries and static pages never are, whatever their text.
"""

from __future__ import annotations

import pytest
from parsel import Selector

from crawler.generic.page_kind import (
    H1,
    MIN_TEXT_CHARS,
    MIN_TEXT_CHARS_UNDECLARED,
    WEAK_HEADLINE,
    Declared,
    PageKind,
    PageSignals,
    page_signals,
)
from tests.crawler.kind_pages import (
    BASE,
    BODY,
    SHORT_BODY,
    kind_of,
)

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
