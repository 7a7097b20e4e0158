"""The pemkot theme's page frame and widgets: a classic Indonesian city-government CMS.

Templates are plain ``str.format`` strings compiled once; scripts are inserted as values
so their braces need no escaping.
"""

from __future__ import annotations

from . import formats, pages
from .common import ANALYTICS, COOKIE_NOTICE, attr, page_numbers, text
from .corpus import Summary, slugify

SITE_NAME = "Pemerintah Kota Tangerang"

_FRAME = """<!DOCTYPE html>
<html lang="id">
<head>
{charset}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {site_name}</title>
{head_extra}<link rel="stylesheet" href="/assets/css/style.css?v=3.2">
<link rel="alternate" type="application/rss+xml" title="Berita {site_name}" href="/rss.xml">
<link rel="icon" href="/assets/img/favicon.png">
{analytics}
</head>
<body class="{body_class}">
<header class="site-header">
<div class="topbar"><div class="container"><span>Portal contoh untuk pengujian Warta</span>
<a href="/tautan/pengaduan">Pengaduan Masyarakat (SP4N-LAPOR!)</a></div></div>
<div class="container brand"><a class="logo" href="/"><img src="/assets/img/logo-kota.png" \
alt="Logo {site_name}"><span class="nama-situs">{site_name}</span></a>
<form class="cari" action="/cari" method="get"><input type="search" name="q" \
placeholder="Cari berita..."><button type="submit">Cari</button></form></div>
<nav class="menu-utama"><ul>
<li><a href="/">Beranda</a></li>
<li><a href="/profil">Profil</a></li>
<li><a href="/berita">Berita</a></li>
<li><a href="/pengumuman">Pengumuman</a></li>
<li><a href="/galeri">Galeri</a></li>
<li><a href="/dokumen">Dokumen</a></li>
<li><a href="/kontak">Kontak</a></li>
<li><a href="https://www.indonesia.go.id" target="_blank" rel="noopener">Indonesia.go.id</a></li>
</ul></nav>
</header>
<div class="container"><div class="row">
<main class="col-md-8 konten">
{main}
</main>
<aside class="col-md-4 sidebar">
{sidebar}
</aside>
</div></div>
<footer class="site-footer"><div class="container">
<div class="footer-alamat"><h4>{site_name}</h4>
<p>Jl. Satria Sudirman No. 1, Sukaasih, Kec. Tangerang, Kota Tangerang, Banten 15111</p>
<p>Telepon (021) 5555-0100 &middot; humas@pemkot.example</p></div>
<div class="footer-sosmed">{social}</div>
<div class="footer-tautan"><a href="/kebijakan-privasi">Kebijakan Privasi</a> &middot; \
<a href="/sitemap.xml">Peta Situs</a> &middot; <a href="/admin/login">Login Admin</a></div>
<p class="copyright">&copy; 2025 {site_name}. Situs contoh, bukan situs resmi.</p>
</div></footer>
{cookie}
<script src="/assets/js/app.js"></script>
</body>
</html>
"""

_SOCIAL = " ".join(f'<a href="{url}" rel="noopener">{name}</a>' for name, url in pages.SOCIAL)
UTF8 = '<meta charset="utf-8">'
CP1252 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'


def frame(
    *,
    title: str,
    main: str,
    sidebar: str,
    head_extra: str = "",
    body_class: str = "",
    charset: str = UTF8,
) -> str:
    return _FRAME.format(
        charset=charset,
        title=text(title),
        site_name=SITE_NAME,
        head_extra=head_extra,
        analytics=ANALYTICS,
        body_class=body_class,
        main=main,
        sidebar=sidebar,
        social=_SOCIAL,
        cookie=COOKIE_NOTICE,
    )


def article_path(s: Summary) -> str:
    return f"/berita/{s.id}/{s.slug}"


def image_path(s: Summary) -> str:
    return f"/uploads/berita/{s.published:%Y/%m}/{s.image_name}"


def tag_path(tag: str) -> str:
    return f"/tag/{slugify(tag)}"


def meta_line(s: Summary) -> str:
    """'<span class="tanggal">Rabu, 22 Januari 2025 18:26 WIB</span> | <span ...>Dibaca : 61'."""
    return (
        f'<span class="tanggal">{text(formats.meta_date(s.date_style, s.published))}</span> | '
        f'<span class="dibaca">{formats.meta_views(s.date_style, s.view_count)}</span>'
    )


def popular_widget(items: list[Summary]) -> str:
    """'Berita Terpopuler': other articles, with their own date and view lines."""
    rows = "".join(
        f'<li><a href="{article_path(s)}">{text(s.title)}</a>'
        f'<div class="meta-berita">{meta_line(s)}</div>'
        f'<a class="komentar-link" href="{article_path(s)}#komentar">Komentar</a></li>\n'
        for s in items
    )
    return (
        '<div class="widget populer"><h3>Berita Terpopuler</h3>\n'
        f'<ul class="daftar-populer">\n{rows}</ul></div>\n' + STATIC_WIDGETS
    )


STATIC_WIDGETS = (
    '<div class="widget pengumuman"><h3>Pengumuman</h3><ul>\n'
    + "".join(
        f'<li><a href="/pengumuman/{slug}">{text(page.title)}</a></li>\n'
        for slug, page in pages.ANNOUNCEMENTS.items()
    )
    + "</ul></div>\n"
    '<div class="widget tautan"><h3>Tautan</h3><ul>'
    '<li><a href="/tautan/pengaduan">SP4N-LAPOR!</a></li>'
    '<li><a href="https://www.indonesia.go.id" rel="noopener">Portal Indonesia.go.id</a></li>'
    '<li><a href="/dokumen/rpjmd-2025-2029.pdf">Unduh RPJMD 2025-2029</a></li>'
    "</ul></div>"
)


def listing_item(s: Summary, excerpt: str) -> str:
    return (
        f'<div class="item-berita"><a class="thumb" href="{article_path(s)}">'
        f'<img src="{image_path(s)}" alt="{attr(s.title)}" loading="lazy"></a>'
        f'<div class="ringkas"><h2><a href="{article_path(s)}">{text(s.title)}</a></h2>'
        f'<span class="tanggal">{formats.day_name(s.published)}, '
        f"{formats.long_date(s.published)}</span> "
        f'<span class="dibaca">Dibaca {formats.thousands(s.view_count)} kali</span>'
        f"<p>{text(excerpt)}</p></div></div>\n"
    )


def pagination(page: int, last: int) -> str:
    """'« Sebelumnya 1 … 4 5 [6] 7 8 … 20 Selanjutnya »' for /berita listings."""

    def href(n: int) -> str:
        return "/berita" if n == 1 else f"/berita/page/{n}"

    parts = []
    if page > 1:
        parts.append(
            f'<li><a class="prev" rel="prev" href="{href(page - 1)}">&laquo; Sebelumnya</a></li>'
        )
    for n in page_numbers(page, last):
        if n is None:
            parts.append('<li class="disabled"><span>&hellip;</span></li>')
        elif n == page:
            parts.append(f'<li class="active"><span>{n}</span></li>')
        else:
            parts.append(f'<li><a href="{href(n)}">{n}</a></li>')
    if page < last:
        parts.append(
            f'<li><a class="next" rel="next" href="{href(page + 1)}">Selanjutnya &raquo;</a></li>'
        )
    return '<ul class="pagination">' + "".join(parts) + "</ul>"


def static_main(title: str, paragraphs: tuple[str, ...], crumb: str = "") -> str:
    body = "".join(f"<p>{text(p)}</p>\n" for p in paragraphs)
    crumbs = f"<li>{crumb}</li>" if crumb else ""
    return (
        f'<ol class="breadcrumb"><li><a href="/">Beranda</a></li>{crumbs}'
        f'<li class="active">{text(title)}</li></ol>\n'
        f'<div class="halaman"><h1 class="judul-halaman">{text(title)}</h1>\n{body}</div>'
    )
