"""The pemkot theme's news pages: home, listings, articles, tags, RSS and sitemaps.

Article ``/berita/<id>/<slug>``: a trailing slash serves the same page (its canonical link
has none); a wrong or missing slug 301s to the right URL.
"""

from __future__ import annotations

from datetime import datetime

from . import corpus, faults, formats
from . import pemkot_layout as L
from .common import (
    HTML_UTF8,
    Query,
    Response,
    Site,
    attr,
    html_page,
    listing_ids,
    page_count,
    redirect,
    rss,
    rss_date,
    share_links,
    sitemap_index,
    text,
    urlset,
    xml_response,
)
from .common import (
    malformed as malformed_html,
)
from .news import excerpt, latest_popular, scan, summaries, tag_name

SITEMAP_CHUNK = 1000  # article URLs per child sitemap


def not_found(site: Site) -> Response:
    main = L.static_main("Halaman Tidak Ditemukan", ("Maaf, halaman yang Anda cari tidak ada.",))
    page = L.frame(title="404", main=main, sidebar=L.STATIC_WIDGETS)
    return Response(404, page.encode(), HTML_UTF8)


def server_error(site: Site) -> Response:
    body = b"<html><body><h1>500 Internal Server Error</h1><p>Database error.</p></body></html>"
    return Response(500, body, HTML_UTF8)


def _body_html(site: Site, a: corpus.Article, malformed: bool) -> str:
    paras = [f"<p>{text(p)}</p>" for p in a.paragraphs]
    if a.baca_juga is not None:
        other = site.original(a.baca_juga)
        # some old articles still link with the pre-2020 URL scheme (301s to the new one)
        if a.baca_juga % 3 == 0:
            href = f"/index.php?page=berita&amp;id={other.id}"
        else:
            href = L.article_path(other)
        link = f'<p><strong>Baca juga:</strong> <a href="{href}">{text(other.title)}</a></p>'
        paras.insert(a.baca_juga_after, link)
    if a.credit:
        paras.append(f"<p>{text(a.credit)}</p>")
    inner = malformed_html(paras) if malformed else "\n".join(paras)
    return f'<div class="isi-berita">\n{inner}\n</div>'


def _comments_html(a: corpus.Article) -> str:
    items = "".join(
        f'<li><strong class="nama">{text(c.name)}</strong> <span class="waktu">'
        f"{formats.long_date(c.posted)} pukul {c.posted:%H.%M}</span><p>{text(c.text)}</p></li>\n"
        for c in a.comments
    )
    return (
        f'<section id="komentar" class="komentar"><h3>Komentar ({len(a.comments)})</h3>\n'
        f'<ol class="daftar-komentar">\n{items}</ol>\n'
        '<form class="form-komentar" method="post" action="/komentar">'
        '<input name="nama" placeholder="Nama"><input name="email" placeholder="Email">'
        '<textarea name="isi" placeholder="Tulis komentar"></textarea>'
        '<div class="g-recaptcha" data-sitekey="6LcContohContohContohContoh"></div>'
        '<p class="captcha-notice">Pastikan Google Captcha Sudah Tercentang !!!</p>'
        '<button type="submit">Kirim</button></form></section>'
    )


def article_page(site: Site, groups: dict[str, str], query: Query) -> Response:
    article_id = int(groups.get("id") or query.get("id", "0"))
    if not site.exists(article_id):
        return not_found(site)
    s = site.summary(article_id)
    if groups.get("slug") != s.slug:
        return redirect(L.article_path(s))
    a = site.article(article_id)
    url = site.url(L.article_path(s))
    related = "".join(
        f'<li><a href="{L.article_path(r)}/">{text(r.title)}</a> '
        f'<span class="tanggal">{formats.short_date(r.published)}</span></li>\n'
        for r in summaries(site, a.related)
    )
    tags = " ".join(f'<a href="{L.tag_path(t)}">{text(t)}</a>' for t in s.tags)
    main = (
        '<ol class="breadcrumb"><li><a href="/">Beranda</a></li><li><a href="/berita">Berita</a>'
        f'</li><li class="active">{text(s.title)}</li></ol>\n'
        f'<article class="detail-berita">\n<div class="meta-berita">{L.meta_line(s)}</div>\n'
        f'<h1 class="judul">{text(s.title)}</h1>\n'
        f'<figure class="gambar-utama"><img src="{L.image_path(s)}" alt="{attr(s.title)}" '
        f'width="800" height="450"><figcaption>{text(a.caption)}</figcaption></figure>\n'
        f"{_body_html(site, a, faults.is_malformed(article_id))}\n"
        f'<div class="tag-berita"><span class="label">Tag:</span> {tags}</div>\n'
        f'<div class="share"><span>Bagikan:</span> {share_links(url, s.title)} <a class="salin" '
        f'href="{L.article_path(s)}?utm_source=whatsapp&amp;utm_medium=share">Salin tautan</a>'
        "</div>\n</article>\n"
        f'<section class="artikel-terkait"><h3>Artikel Terkait</h3><ul>\n{related}</ul></section>\n'
        f"{_comments_html(a)}"
    )
    head = (
        f'<link rel="canonical" href="{url}">\n'
        f'<meta name="description" content="{attr(a.paragraphs[0][:155])}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{attr(s.title)}">\n'
        f'<meta property="og:url" content="{url}">\n'
        f'<meta property="og:image" content="{site.url(L.image_path(s))}">\n'
    )
    cp1252 = faults.is_cp1252(article_id)
    page = L.frame(
        title=s.title,
        main=main,
        sidebar=L.popular_widget(summaries(site, a.popular)),
        head_extra=head,
        body_class="detail",
        charset=L.CP1252 if cp1252 else L.UTF8,
    )
    return html_page(page, article_id=article_id, cp1252=cp1252)


def listing_page(site: Site, groups: dict[str, str], query: Query) -> Response:
    page = int(groups.get("page") or 1)
    last = page_count(site)
    if groups.get("page") == "1":
        return redirect("/berita")
    if not 1 <= page <= last:
        return not_found(site)
    items = "".join(
        L.listing_item(s, excerpt(site, s.id)) for s in summaries(site, listing_ids(site, page))
    )
    archive = ""
    if page == 1:  # the quirks: a deleted article (404) and an old-scheme URL (301)
        archive = (
            '<div class="arsip"><h3>Arsip</h3><ul>'
            f'<li><a href="/berita/{faults.DELETED_ARTICLE_ID}/{faults.DELETED_SLUG}">'
            "Klarifikasi Hoaks Rekrutmen Tenaga Honorer</a></li>"
            '<li><a href="/index.php?page=berita&amp;id=1">Berita lama: penghargaan Ombudsman</a>'
            "</li></ul></div>\n"
        )
    main = (
        '<ol class="breadcrumb"><li><a href="/">Beranda</a></li><li class="active">Berita</li>'
        f'</ol>\n<h1 class="judul-halaman">Berita</h1>\n<div class="daftar-berita">\n{items}'
        f"</div>\n{L.pagination(page, last)}\n{archive}"
    )
    sidebar = L.popular_widget(latest_popular(site))
    return html_page(L.frame(title=f"Berita - Halaman {page}", main=main, sidebar=sidebar))


def home_page(site: Site, groups: dict[str, str], query: Query) -> Response:
    latest = summaries(site, listing_ids(site, 1, 7))
    hero = ""
    if latest:
        top = latest[0]
        hero = (
            f'<div class="headline"><a href="{L.article_path(top)}"><img src="{L.image_path(top)}" '
            f'alt="{attr(top.title)}"></a><h2><a href="{L.article_path(top)}">{text(top.title)}'
            f"</a></h2><p>{text(excerpt(site, top.id))}</p></div>\n"
        )
    rest = "".join(L.listing_item(s, excerpt(site, s.id)) for s in latest[1:])
    main = (
        f'<section class="beranda">{hero}<h2 class="judul-seksi">Berita Terbaru</h2>\n'
        f'<div class="daftar-berita">\n{rest}</div>\n'
        '<p class="selengkapnya"><a href="/berita">Indeks berita &raquo;</a></p></section>'
    )
    return html_page(
        L.frame(title="Beranda", main=main, sidebar=L.popular_widget(latest_popular(site)))
    )


def tag_page(site: Site, groups: dict[str, str], query: Query) -> Response:
    slug = groups["tag"]
    found = scan(site, lambda s: any(corpus.slugify(t) == slug for t in s.tags))
    if not found:
        return not_found(site)
    name = tag_name(found, slug)
    items = "".join(L.listing_item(s, "") for s in found)
    main = (
        '<ol class="breadcrumb"><li><a href="/">Beranda</a></li>'
        f'<li class="active">Tag: {text(name)}</li></ol>\n'
        f'<h1 class="judul-halaman">Tag: {text(name)}</h1>\n<div class="daftar-berita">\n'
        f"{items}</div>"
    )
    return html_page(L.frame(title=f"Tag: {name}", main=main, sidebar=L.STATIC_WIDGETS))


def rss_feed(site: Site, groups: dict[str, str], query: Query) -> Response:
    items = [
        {
            "title": s.title,
            "link": site.url(L.article_path(s)),
            "guid": site.url(L.article_path(s)),
            "pubDate": rss_date(s.published),
            "description": excerpt(site, s.id),
            "categories": "|".join(s.tags),
        }
        for s in summaries(site, listing_ids(site, 1, 20))
    ]
    doc = rss(
        title=f"Berita {L.SITE_NAME}",
        link=site.base_url,
        self_url=site.url("/rss.xml"),
        description="Berita terbaru dari Pemerintah Kota Tangerang (portal contoh)",
        items=items,
    )
    return xml_response(doc, "application/rss+xml; charset=utf-8")


_STATIC_PATHS = ("/", "/profil", "/kontak", "/pengumuman", "/galeri", "/dokumen")


def _article_entries(site: Site, first: int, last: int) -> list[tuple[str, datetime | None]]:
    return [
        (site.url(L.article_path(s)), s.modified) for s in summaries(site, range(first, last + 1))
    ]


def sitemap(site: Site, groups: dict[str, str], query: Query) -> Response:
    """A plain urlset up to 1,000 articles; past that an index of 1,000-URL children."""
    static: list[tuple[str, datetime | None]] = [(site.url(p), None) for p in _STATIC_PATHS]
    if site.top <= SITEMAP_CHUNK:
        return xml_response(urlset(static + _article_entries(site, 1, site.top)))
    chunks = -(-site.top // SITEMAP_CHUNK)
    children = [(site.url("/sitemap-halaman.xml"), None)] + [
        (site.url(f"/sitemap-berita-{k}.xml"), None) for k in range(1, chunks + 1)
    ]
    return xml_response(sitemap_index(children))


def sitemap_child(site: Site, groups: dict[str, str], query: Query) -> Response:
    if "k" not in groups:
        return xml_response(urlset((site.url(p), None) for p in _STATIC_PATHS))
    k = int(groups["k"])
    first = (k - 1) * SITEMAP_CHUNK + 1
    if k < 1 or first > site.top or site.top <= SITEMAP_CHUNK:
        return not_found(site)
    last = min(site.top, k * SITEMAP_CHUNK)
    return xml_response(urlset(_article_entries(site, first, last)))
