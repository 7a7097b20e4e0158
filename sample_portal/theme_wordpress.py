"""The wordpress theme: a regional news site on WordPress + Yoast, as a route table.

Same articles as the pemkot theme, other markup and URLs: permalinks
``/<yyyy>/<mm>/<dd>/<slug>/``, archives ``/``, ``/page/N/``, ``/category/berita/``.
"""

from __future__ import annotations

from . import pages
from . import wordpress_layout as W
from .common import PDF, Query, Response, Site, html_page, redirect, text
from .routing import Theme, route
from .wordpress_feeds import feed, page_sitemap, post_sitemap, rest_index, rest_posts, sitemap
from .wordpress_news import (
    article_page,
    author_page,
    listing_page,
    not_found,
    server_error,
    tag_page,
)

_REDAKSI = pages.StaticPage(
    "Susunan Redaksi",
    (
        "Pemimpin Redaksi: Hendra Kusuma. Redaktur: Rina Marlina, Dewanti Lestari, Arif Budiman.",
        "Reporter: Rangga Pratama, Dini Aryani, Fikri Maulana, Anisa Rahmawati, Yoga Prasetya.",
    ),
)
_PEDOMAN = pages.StaticPage(
    "Pedoman Pemberitaan Media Siber",
    (
        "Kemerdekaan berpendapat, kemerdekaan berekspresi, dan kemerdekaan pers adalah hak "
        "asasi manusia yang dilindungi Pancasila dan Undang-Undang Dasar 1945.",
        "Ralat, koreksi, dan hak jawab mengacu pada Undang-Undang Pers dan Kode Etik Jurnalistik.",
    ),
)
_STATIC = {
    "tentang-kami": pages.PROFIL,
    "kontak": pages.KONTAK,
    "kebijakan-privasi": pages.KEBIJAKAN_PRIVASI,
    "redaksi": _REDAKSI,
    "pedoman-media-siber": _PEDOMAN,
}


def _page(site: Site, title: str, main: str) -> Response:
    return html_page(
        W.frame(
            base=site.base_url, title=title, main=main, sidebar=W.STATIC_WIDGETS, body_class="page"
        )
    )


def static_page(site: Site, groups: dict[str, str], query: Query) -> Response:
    page = _STATIC[groups["name"]]
    return _page(site, page.title, W.page_main(page.title, page.paragraphs))


def announcements(site: Site, groups: dict[str, str], query: Query) -> Response:
    items = "".join(
        f'<li><a href="/pengumuman/{slug}/">{text(p.title)}</a></li>\n'
        for slug, p in pages.ANNOUNCEMENTS.items()
    )
    return _page(site, "Pengumuman", f'<h1 class="page-title">Pengumuman</h1>\n<ul>\n{items}</ul>')


def announcement(site: Site, groups: dict[str, str], query: Query) -> Response:
    page = pages.ANNOUNCEMENTS.get(groups["slug"])
    if page is None:
        return not_found(site)
    return _page(site, page.title, W.page_main(page.title, page.paragraphs))


def gallery(site: Site, groups: dict[str, str], query: Query) -> Response:
    figures = "".join(
        f'<figure class="wp-block-image"><img src="/wp-content/uploads/2025/01/{name}" '
        f'alt="{text(caption)}"><figcaption>{text(caption)}</figcaption></figure>\n'
        for name, caption in pages.GALLERY
    )
    main = f'<h1 class="page-title">Galeri</h1>\n<div class="wp-block-gallery">\n{figures}</div>'
    return _page(site, "Galeri", main)


def documents(site: Site, groups: dict[str, str], query: Query) -> Response:
    items = "".join(
        f'<li><a href="/wp-content/uploads/2025/01/{name}">{text(title)}</a> (PDF)</li>\n'
        for name, title in pages.DOCUMENTS.items()
    )
    return _page(site, "Dokumen", f'<h1 class="page-title">Dokumen</h1>\n<ul>\n{items}</ul>')


def document(site: Site, groups: dict[str, str], query: Query) -> Response:
    if groups["file"] not in pages.DOCUMENTS:
        return not_found(site)
    return Response(200, PDF, "application/pdf")


def admin(site: Site, groups: dict[str, str], query: Query) -> Response:
    """``/wp-admin/`` is disallowed in robots.txt yet linked from every footer."""
    main = (
        '<h1 class="page-title">Masuk</h1><form name="loginform" action="/wp-login.php" '
        'method="post"><input name="log"><input name="pwd" type="password"></form>'
    )
    return _page(site, "Masuk", main)


def sitemap_redirect(site: Site, groups: dict[str, str], query: Query) -> Response:
    return redirect("/sitemap_index.xml")


THEME = Theme(
    name="wordpress",
    routes=(
        route(r"/", listing_page),
        route(r"/page/(?P<page>\d+)/?", listing_page),
        route(r"/category/(?P<category>berita)/?", listing_page),
        route(r"/category/(?P<category>berita)/page/(?P<page>\d+)/?", listing_page),
        route(
            r"/(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})/(?P<slug>[a-z0-9-]+)(?P<slash>/)?",
            article_page,
        ),
        route(r"/tag/(?P<tag>[a-z0-9-]+)/?", tag_page),
        route(r"/author/(?P<author>[a-z0-9-]+)/?", author_page),
        route(r"/feed/?", feed),
        route(r"/wp-json/?", rest_index),
        route(r"/wp-json/wp/v2/posts/?", rest_posts),
        route(r"/sitemap_index\.xml", sitemap),
        route(r"/sitemap\.xml", sitemap_redirect),
        route(r"/post-sitemap(?P<k>\d*)\.xml", post_sitemap),
        route(r"/page-sitemap\.xml", page_sitemap),
        route(
            r"/(?P<name>tentang-kami|kontak|kebijakan-privasi|redaksi|pedoman-media-siber)/?",
            static_page,
        ),
        route(r"/pengumuman/?", announcements),
        route(r"/pengumuman/(?P<slug>[a-z0-9-]+)/?", announcement),
        route(r"/galeri/?", gallery),
        route(r"/dokumen/?", documents),
        route(r"/wp-content/uploads/\d{4}/\d{2}/(?P<file>[a-z0-9-]+\.pdf)", document),
        route(r"/wp-admin/.*", admin),
        route(r"/wp-login\.php", admin),
    ),
    not_found=not_found,
    server_error=server_error,
    disallowed=("/wp-admin/",),
    sitemap_path="/sitemap_index.xml",
)
