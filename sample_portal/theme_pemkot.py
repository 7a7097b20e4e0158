"""The pemkot theme: a city-government portal like tangerangkota.go.id, as a route table.

News pages live in ``pemkot_news``; this module adds the non-news pages and the quirks
(old ``/index.php?page=berita&id=N`` URLs, the robots-disallowed ``/admin/``).
"""

from __future__ import annotations

from . import pages
from . import pemkot_layout as L
from .common import PDF, Query, Response, Site, html_page, redirect, text
from .pemkot_news import (
    article_page,
    home_page,
    listing_page,
    not_found,
    rss_feed,
    server_error,
    sitemap,
    sitemap_child,
    tag_page,
)
from .routing import Theme, route


def _static(page: pages.StaticPage) -> str:
    return L.frame(
        title=page.title, main=L.static_main(page.title, page.paragraphs), sidebar=L.STATIC_WIDGETS
    )


def profil(site: Site, groups: dict[str, str], query: Query) -> Response:
    return html_page(_static(pages.PROFIL))


def kontak(site: Site, groups: dict[str, str], query: Query) -> Response:
    return html_page(_static(pages.KONTAK))


def privasi(site: Site, groups: dict[str, str], query: Query) -> Response:
    return html_page(_static(pages.KEBIJAKAN_PRIVASI))


def announcements(site: Site, groups: dict[str, str], query: Query) -> Response:
    items = "".join(
        f'<li><a href="/pengumuman/{slug}">{text(p.title)}</a></li>\n'
        for slug, p in pages.ANNOUNCEMENTS.items()
    )
    main = (
        '<ol class="breadcrumb"><li><a href="/">Beranda</a></li><li class="active">Pengumuman'
        f'</li></ol>\n<h1 class="judul-halaman">Pengumuman</h1>\n<ul class="daftar">\n{items}</ul>'
    )
    return html_page(L.frame(title="Pengumuman", main=main, sidebar=L.STATIC_WIDGETS))


def announcement(site: Site, groups: dict[str, str], query: Query) -> Response:
    page = pages.ANNOUNCEMENTS.get(groups["slug"])
    if page is None:
        return not_found(site)
    crumb = '<a href="/pengumuman">Pengumuman</a>'
    main = L.static_main(page.title, page.paragraphs, crumb)
    return html_page(L.frame(title=page.title, main=main, sidebar=L.STATIC_WIDGETS))


def gallery(site: Site, groups: dict[str, str], query: Query) -> Response:
    figures = "".join(
        f'<figure><a href="/uploads/galeri/{name}"><img src="/uploads/galeri/{name}" '
        f'alt="{text(caption)}"></a><figcaption>{text(caption)}</figcaption></figure>\n'
        for name, caption in pages.GALLERY
    )
    main = (
        '<ol class="breadcrumb"><li><a href="/">Beranda</a></li><li class="active">Galeri</li>'
        f'</ol>\n<h1 class="judul-halaman">Galeri Foto</h1>\n<div class="galeri">\n{figures}</div>'
    )
    return html_page(L.frame(title="Galeri", main=main, sidebar=L.STATIC_WIDGETS))


def documents(site: Site, groups: dict[str, str], query: Query) -> Response:
    rows = "".join(
        f'<tr><td>{text(title)}</td><td><a href="/dokumen/{name}">Unduh (PDF)</a></td></tr>\n'
        for name, title in pages.DOCUMENTS.items()
    )
    main = (
        '<ol class="breadcrumb"><li><a href="/">Beranda</a></li><li class="active">Dokumen</li>'
        '</ol>\n<h1 class="judul-halaman">Dokumen Publik</h1>\n'
        f'<table class="dokumen"><tr><th>Judul</th><th>Berkas</th></tr>\n{rows}</table>'
    )
    return html_page(L.frame(title="Dokumen", main=main, sidebar=L.STATIC_WIDGETS))


def document(site: Site, groups: dict[str, str], query: Query) -> Response:
    if groups["file"] not in pages.DOCUMENTS:
        return not_found(site)
    return Response(200, PDF, "application/pdf")


def old_url(site: Site, groups: dict[str, str], query: Query) -> Response:
    """``/index.php?page=berita&id=5`` (the pre-redesign scheme) -> 301 to the article."""
    if query.get("page") != "berita":
        return redirect("/")
    article_id = query.get("id", "")
    if not article_id.isdigit() or not site.exists(int(article_id)):
        return not_found(site)
    return redirect(L.article_path(site.summary(int(article_id))))


def admin(site: Site, groups: dict[str, str], query: Query) -> Response:
    """Disallowed in robots.txt, yet linked from every footer: polite crawlers never come."""
    main = (
        '<h1 class="judul-halaman">Login Administrator</h1>'
        '<form method="post" action="/admin/login"><input name="username"><input '
        'name="password" type="password"><button type="submit">Masuk</button></form>'
    )
    return html_page(L.frame(title="Login", main=main, sidebar=""))


def search(site: Site, groups: dict[str, str], query: Query) -> Response:
    q = query.get("q", "")
    main = f'<h1 class="judul-halaman">Hasil pencarian: {text(q)}</h1><p>Tidak ada hasil.</p>'
    return html_page(L.frame(title="Pencarian", main=main, sidebar=L.STATIC_WIDGETS))


THEME = Theme(
    name="pemkot",
    routes=(
        route(r"/", home_page),
        route(r"/berita/?", listing_page),
        route(r"/berita/page/(?P<page>\d+)/?", listing_page),
        route(r"/berita/(?P<id>\d+)(?:/(?P<slug>[^/]*))?/?", article_page),
        route(r"/tag/(?P<tag>[a-z0-9-]+)/?", tag_page),
        route(r"/rss\.xml", rss_feed),
        route(r"/sitemap\.xml", sitemap),
        route(r"/sitemap-berita-(?P<k>\d+)\.xml", sitemap_child),
        route(r"/sitemap-halaman\.xml", sitemap_child),
        route(r"/index\.php", old_url),
        route(r"/profil/?", profil),
        route(r"/kontak/?", kontak),
        route(r"/kebijakan-privasi/?", privasi),
        route(r"/pengumuman/?", announcements),
        route(r"/pengumuman/(?P<slug>[a-z0-9-]+)/?", announcement),
        route(r"/galeri/?", gallery),
        route(r"/dokumen/?", documents),
        route(r"/dokumen/(?P<file>[a-z0-9-]+\.pdf)", document),
        route(r"/admin/.*", admin),
        route(r"/cari", search),
    ),
    not_found=not_found,
    server_error=server_error,
    disallowed=("/admin/", "/cari"),
    sitemap_path="/sitemap.xml",
)
