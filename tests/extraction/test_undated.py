"""Undated articles with no profile: stored with no ``published_at``, never another page's date.

Real portal pages carry dates that are not the article's: the site's top bar prints today's, a
"Berita Terpopuler" sidebar other articles', comments their own. An article that prints no
date of its own must come out with ``published_at`` None; one whose date line near the headline
gives no date ("Diposting beberapa waktu yang lalu") keeps that line as ``published_raw``, so
the crawl counts it ``published/unparsed`` rather than ``missing``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from crawler.extraction import explain_article, extract_article
from crawler.extraction.date_line import reads_as_date_line

URL = "https://kotauji.go.id/berita/warga-gotong-royong-bersihkan-saluran-air"
FETCHED = datetime(2025, 1, 16, 3, 0, tzinfo=UTC)  # Kamis, 16 Januari 2025 10:00 WIB
WIB = timezone(timedelta(hours=7))
TITLE = "Warga Gotong Royong Bersihkan Saluran Air Jelang Musim Hujan"
PARAGRAPHS = (
    "KOTA UJI – Ratusan warga Kecamatan Timur bergotong royong membersihkan saluran air dan "
    "gorong-gorong menjelang musim hujan. Kegiatan ini diikuti perangkat kelurahan, petugas "
    "kebersihan dan pelajar sekolah menengah di sekitar lokasi.",
    "Camat Timur mengatakan sampah yang menyumbat saluran menjadi penyebab utama genangan pada "
    "musim hujan tahun lalu, sehingga pembersihan dilakukan lebih awal di setiap RW.",
    "Pemerintah kota menyiapkan truk pengangkut sampah dan alat berat untuk mendukung kerja "
    "bakti yang dijadwalkan berlangsung setiap akhir pekan selama satu bulan.",
)

# The site's top bar prints the day of the visit: in the <header>, in a classed <div> before
# the content, or running in a <marquee>.
TOP_BARS = {
    "header": '<header class="site-header"><div class="top-bar"><span>Kamis, 16 Januari 2025'
    '</span> <span>10:02 WIB</span></div><div class="logo"><a href="/">Pemerintah Kota Uji</a>'
    "</div>{menu}</header>",
    "div": '<div id="topbar"><time datetime="2025-01-16">Kamis, 16 Januari 2025</time></div>'
    '<div class="logo"><a href="/">Pemerintah Kota Uji</a></div>{menu}',
    "marquee": '<div class="logo"><a href="/">Pemerintah Kota Uji</a></div>{menu}<marquee>'
    "16/01/2025 Pendaftaran CPNS dibuka hingga 31 Januari 2025 +++ Jadwal pemadaman listrik "
    "16 Januari 2025</marquee>",
}
MENU = (
    '<nav class="menu-utama"><ul><li><a href="/">Beranda</a></li><li><a href="/profil">Profil'
    '</a></li><li><a href="/berita">Berita</a></li></ul></nav>'
)
OTHERS = (
    ("pemkot-gelar-pasar-murah", "Pemkot Gelar Pasar Murah di Tiga Kecamatan", "13 Januari 2025"),
    ("dinkes-buka-vaksinasi-keliling", "Dinkes Buka Vaksinasi Keliling", "14 Januari 2025"),
)


def _popular_items() -> str:
    return "".join(
        f'<li><a href="/berita/{slug}">{title}</a> <span class="tgl">Senin, {day} 09:00 WIB'
        f"</span> <span>{n * 411} kali dibaca</span></li>"
        for n, (slug, title, day) in enumerate(OTHERS, start=2)
    )


# Other articles with their dates: a classed <aside>, a box known only by its heading, and
# WordPress widgets of <article> teasers with <time>.
SIDEBARS = {
    "aside": '<aside class="sidebar"><div class="widget"><h4>Berita Terpopuler</h4>'
    f"<ul>{_popular_items()}</ul></div></aside>",
    "headed": '<div class="col-md-4"><div class="kotak"><h3>Berita Terpopuler</h3>'
    f"<ul>{_popular_items()}</ul></div><div><h3>Agenda</h3><p>Rapat paripurna DPRD, "
    "20 Januari 2025</p></div></div>",
    "wordpress": '<div class="kolom-kanan">'
    + "".join(
        f'<article class="teaser"><h4><a href="/berita/{slug}">{title}</a></h4>'
        f'<time datetime="2025-01-{day[:2]}T09:00:00+07:00">{day}</time></article>'
        for slug, title, day in OTHERS
    )
    + "</div>",
}
# Readers' comments with their timestamps.
COMMENTS = {
    "div": '<div id="komentar" class="comments"><h4>2 Komentar</h4><div class="comment"><b>Budi'
    "</b> <span>Rabu, 15 Januari 2025 08:12</span><p>Semoga terus berlanjut.</p></div>"
    '<div class="comment"><b>Sari</b> <span>2 jam yang lalu</span><p>Mantap.</p></div></div>',
    "wordpress": '<div id="comments" class="comments-area"><ol class="comment-list"><li>'
    '<article class="comment-body"><footer class="comment-meta"><b>Budi</b> <time '
    'datetime="2025-01-15T08:12:00+07:00">15 Januari 2025 pukul 08.12</time></footer>'
    "<p>Semoga terus berlanjut.</p></article></li></ol></div>",
    "headed": "<div><h3>Tinggalkan Komentar</h3><p>Budi, 15/01/2025 08:12</p>"
    "<p>Semoga terus berlanjut.</p></div>",
}
FOOTER = (
    "<footer><p>Jl. Merdeka No. 1, Kota Uji</p><p>Diperbarui 16 Januari 2025</p>"
    "<p>&copy; 2025 Diskominfo Kota Uji</p></footer>"
)


def page(
    date_line: str = "",
    *,
    top_bar: str = "header",
    sidebar: str = "aside",
    comments: str = "div",
    after_body: str = "",
    head: str = '<meta property="og:type" content="article">',
) -> str:
    """A city portal's article page: menu and top bar, headline, the given date line (HTML),
    paragraphs, comments, a "Berita Terpopuler" sidebar and the footer.
    """
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{TITLE} | Pemerintah Kota Uji</title>{head}</head><body>
{TOP_BARS[top_bar].format(menu=MENU)}
<div class="container"><div class="row"><div class="col-md-8">
<div class="breadcrumb"><a href="/">Beranda</a> / <a href="/berita">Berita</a></div>
<h1 class="judul">{TITLE}</h1>{date_line}
<div class="isi">{body}</div>{after_body}
{COMMENTS[comments]}</div>
{SIDEBARS[sidebar]}</div></div>
{FOOTER}</body></html>"""


def extract(html: str, fetched_at: datetime | None = FETCHED) -> tuple[datetime | None, str | None]:
    article = extract_article(html, URL, fetched_at=fetched_at)
    return article.published_at, article.published_raw


# --- An unreadable date line is kept ---------------------------------------------------------

UNREADABLE = [
    ('<div class="meta">Diposting beberapa waktu yang lalu</div>',
     "Diposting beberapa waktu yang lalu"),
    ('<p class="info">Tanggal: segera diumumkan</p>', "Tanggal: segera diumumkan"),
    ("<div><span>Diperbarui: -</span></div>", "Diperbarui: -"),
    ("<div>Oleh Humas Kota Uji | Dipublikasikan: belum ditentukan</div>",
     "Oleh Humas Kota Uji | Dipublikasikan: belum ditentukan"),
    ("<div>Oleh Admin Tanggal: belum ditentukan</div>", "Oleh Admin Tanggal: belum ditentukan"),
    ('<div class="meta"><span>Admin</span> <span>Diposting pada waktu yang tidak diketahui'
     "</span></div>", "Admin Diposting pada waktu yang tidak diketahui"),
    ('<div class="post-meta"><span class="author">Admin</span> <span class="post-date">'
     "Senin, 32 Januari 2025</span></div>", "Senin, 32 Januari 2025"),
    ('<div class="byline">Oleh Admin <time>Segera</time></div>', "Segera"),
]  # fmt: skip


@pytest.mark.parametrize(("date_line", "raw"), UNREADABLE, ids=lambda v: str(v)[:24])
@pytest.mark.parametrize("shape", ["header", "div", "marquee"])
def test_an_unreadable_date_line_is_kept_as_published_raw_and_gives_no_date(
    date_line: str, raw: str, shape: str
) -> None:
    html = page(date_line, top_bar=shape, sidebar="headed" if shape == "div" else "aside")
    assert extract(html) == (None, raw)


def test_a_relative_date_with_no_fetch_time_is_kept_and_read_with_one() -> None:
    html = page("<div>Oleh Humas • 3 hari yang lalu</div>", sidebar="wordpress")
    assert extract(html, fetched_at=None) == (None, "Oleh Humas • 3 hari yang lalu")
    published_at, raw = extract(html)
    assert published_at == datetime(2025, 1, 13, 10, 0, tzinfo=WIB)
    assert raw == "Oleh Humas • 3 hari yang lalu"


def test_explain_shows_the_unreadable_line_as_a_candidate_that_did_not_win() -> None:
    html = page('<div class="meta">Diposting beberapa waktu yang lalu</div>')
    [candidate] = explain_article(html, URL, fetched_at=FETCHED)["published_at"]
    assert candidate["raw"] == "Diposting beberapa waktu yang lalu"
    assert candidate["value"] is None
    assert not candidate["won"]


NOT_DATE_LINES = [
    '<div class="penulis">Oleh: Admin Diskominfo</div>',
    '<div class="byline">Diposting oleh Admin</div>',
    "<div>Posted in Berita Daerah</div>",
    '<p class="lead">Warga kembali bekerja bakti setelah genangan pada musim hujan tahun lalu.</p>',
    '<div class="kategori"><a href="/kategori/lingkungan">Lingkungan</a></div>',
]  # fmt: skip


@pytest.mark.parametrize("near", NOT_DATE_LINES, ids=lambda v: v[:24])
def test_a_byline_a_category_or_a_lead_by_the_headline_is_no_date_line(near: str) -> None:
    assert extract(page(near)) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diposting beberapa waktu yang lalu", True),
        ("Tanggal: segera diumumkan", True),
        ("Diperbarui: -", True),
        ("Published on TBA", True),
        ("Oleh Admin | 3 hari lalu", True),
        ("Humas — kemarin", True),
        ("Oleh Admin Diperbarui: -", True),
        ("baru saja", True),
        ("Diposting oleh Admin", False),
        ("Posted in Uncategorized", False),
        ("Oleh Admin", False),
        ("Lalu Lintas", False),
        ("Warga diminta waspada karena banjir besar terjadi di lokasi yang sama tahun lalu", False),
        ("Tanggal pelaksanaan kegiatan kerja bakti akan diumumkan kemudian oleh kelurahan", False),
    ],
)
def test_what_reads_as_a_date_line(text: str, expected: bool) -> None:
    assert reads_as_date_line(text) is expected


# --- Other blocks' dates never date the article ----------------------------------------------


@pytest.mark.parametrize("comments", sorted(COMMENTS))
@pytest.mark.parametrize("sidebar", sorted(SIDEBARS))
@pytest.mark.parametrize("top_bar", sorted(TOP_BARS))
def test_an_undated_article_is_not_dated_by_top_bar_sidebar_comments_or_footer(
    top_bar: str, sidebar: str, comments: str
) -> None:
    html = page(top_bar=top_bar, sidebar=sidebar, comments=comments)
    assert extract(html) == (None, None)


def test_a_declared_article_with_no_date_in_its_json_ld_stays_undated() -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        f'"NewsArticle", "headline": "{TITLE}", "publisher": {{"@type": "Organization", '
        '"name": "Pemerintah Kota Uji"}}</script>'
    )
    html = page(head=ld, sidebar="wordpress", comments="wordpress")
    assert extract(html) == (None, None)


# --- Dated articles keep their own date ------------------------------------------------------


@pytest.mark.parametrize("comments", sorted(COMMENTS))
@pytest.mark.parametrize("sidebar", sorted(SIDEBARS))
@pytest.mark.parametrize("top_bar", sorted(TOP_BARS))
def test_a_dated_article_keeps_its_own_date_line_whatever_else_the_page_prints(
    top_bar: str, sidebar: str, comments: str
) -> None:
    line = "Selasa, 14 Januari 2025 | 15:30"
    html = page(
        f'<div class="info">{line}</div>', top_bar=top_bar, sidebar=sidebar, comments=comments
    )
    published_at, raw = extract(html)
    assert published_at == datetime(2025, 1, 14, 15, 30, tzinfo=WIB)
    assert published_at is not None
    assert published_at.utcoffset() == timedelta(hours=7)
    assert raw == line


def test_a_date_only_in_the_articles_own_footer_is_still_found() -> None:
    own_footer = '<div class="post-footer">Ditulis pada 14/01/2025 oleh Admin</div>'
    published_at, _ = extract(page(after_body=own_footer, sidebar="headed"))
    assert published_at is not None
    assert published_at.date() == datetime(2025, 1, 14).date()
    assert published_at.utcoffset() == timedelta(hours=7)
