"""The wordpress theme's frame, widgets and permalinks (``/<yyyy>/<mm>/<dd>/<slug>/``).

Permalinks carry no id, so a day's articles are indexed on demand: the day's ids come
from the closed-form timeline, and a title repeated within a day gets WordPress's ``-2``.
From edition 2 a few ids carry syndicated articles: ``Special`` gives their slugs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import corpus, formats, pages
from .common import ANALYTICS, COOKIE_NOTICE, Site, attr, page_numbers, text
from .curated import CURATED
from .editions import MAX_ID
from .timeline import ids_on_day

Special = tuple[tuple[int, str], ...]  # (id, slug) of articles that are not the generated one

SITE_NAME = "Kabar Cisadane"
TAGLINE = "Berita Tangerang Raya Terkini (portal contoh)"


@dataclass(frozen=True)
class _Day:
    slug_of: dict[int, str]
    id_of: dict[str, int]


@lru_cache(maxsize=256)
def _day(seed: int, day: date, special: Special) -> _Day:
    ids = [i for i, c in CURATED.items() if c.published.date() == day]
    ids += ids_on_day(seed, day, MAX_ID)  # not N: a slug must not depend on N
    slugs = dict(special)
    slug_of: dict[int, str] = {}
    id_of: dict[str, int] = {}
    for i in ids:
        base = slugs.get(i) or corpus.summary(seed, i).slug
        slug, n = base, 1
        while slug in id_of:
            n += 1
            slug = f"{base}-{n}"
        slug_of[i], id_of[slug] = slug, i
    return _Day(slug_of, id_of)


def wp_slug(seed: int, s: corpus.Summary, special: Special = ()) -> str:
    return _day(seed, s.published.date(), special).slug_of[s.id]


def find_article(seed: int, day: date, slug: str, special: Special = ()) -> int | None:
    return _day(seed, day, special).id_of.get(slug)


def article_path(seed: int, s: corpus.Summary, special: Special = ()) -> str:
    return f"/{s.published:%Y/%m/%d}/{wp_slug(seed, s, special)}/"


def slug_on(site: Site, s: corpus.Summary) -> str:
    """The post's slug on this site at its edition."""
    return wp_slug(site.seed, s, site.edition.wp_slugs(s.published.date()))


def permalink(site: Site, s: corpus.Summary) -> str:
    return article_path(site.seed, s, site.edition.wp_slugs(s.published.date()))


def find(site: Site, day: date, slug: str) -> int | None:
    return find_article(site.seed, day, slug, site.edition.wp_slugs(day))


def image_path(s: corpus.Summary) -> str:
    return f"/wp-content/uploads/{s.published:%Y/%m}/{s.image_name}"


def tag_path(tag: str) -> str:
    return f"/tag/{corpus.slugify(tag)}/"


def author_path(author: str) -> str:
    return f"/author/{corpus.slugify(author)}/"


def display_date(s: corpus.Summary) -> str:
    """'22 Januari 2025', or 'Januari 22, 2025' for posts using WordPress's 'F j, Y'."""
    return formats.us_order_date(s.published) if s.wp_date_style else formats.long_date(s.published)


_FRAME = """<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} &#8211; {site_name}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
{head_extra}<link rel="alternate" type="application/rss+xml" title="{site_name} &raquo; Feed" \
href="{base}feed/">
<link rel="https://api.w.org/" href="{base}wp-json/">
<link rel="stylesheet" id="newsup-style-css" href="/wp-content/themes/berita/style.css?ver=6.7.1">
{analytics}
</head>
<body class="{body_class}">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Langsung ke konten</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">{site_name}</a></p>
<p class="site-description">{tagline}</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/">Beranda</a></li>
<li class="menu-item"><a href="/tentang-kami/">Profil</a></li>
<li class="menu-item"><a href="/category/berita/">Berita</a></li>
<li class="menu-item"><a href="/pengumuman/">Pengumuman</a></li>
<li class="menu-item"><a href="/galeri/">Galeri</a></li>
<li class="menu-item"><a href="/dokumen/">Dokumen</a></li>
<li class="menu-item"><a href="/kontak/">Kontak</a></li>
<li class="menu-item"><a href="https://www.indonesia.go.id">Indonesia.go.id</a></li>
</ul></nav>
</header>
<div id="content" class="site-content">
<main id="main" class="site-main">
{main}
</main>
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><form role="search" method="get" class="search-form" \
action="/"><input type="search" class="search-field" name="s"><button type="submit">Cari</button>\
</form></section>
{sidebar}
</aside>
</div>
<footer id="colophon" class="site-footer">
<div class="footer-widgets"><section class="widget"><h2 class="widget-title">Redaksi</h2>
<p>Jl. Daan Mogot No. 12, Kota Tangerang, Banten (alamat contoh)</p>
<p><a href="/redaksi/">Susunan Redaksi</a> | <a href="/pedoman-media-siber/">Pedoman Media \
Siber</a> | <a href="/kebijakan-privasi/">Kebijakan Privasi</a> | <a href="/tautan/pengaduan">\
Pengaduan</a> | <a href="/wp-admin/">Masuk</a></p>
<p class="social">{social}</p></section></div>
<div class="site-info">&copy; 2025 {site_name}. Situs contoh untuk pengujian Warta. Ditenagai \
WordPress.</div>
</footer>
</div>
{cookie}
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</body>
</html>
"""

_SOCIAL = " ".join(f'<a href="{url}" rel="noopener">{name}</a>' for name, url in pages.SOCIAL)


def frame(
    *, base: str, title: str, main: str, sidebar: str, head_extra: str = "", body_class: str = ""
) -> str:
    return _FRAME.format(
        title=text(title),
        site_name=SITE_NAME,
        tagline=TAGLINE,
        head_extra=head_extra,
        base=base,
        analytics=ANALYTICS,
        body_class=body_class,
        main=main,
        sidebar=sidebar,
        social=_SOCIAL,
        cookie=COOKIE_NOTICE,
    )


STATIC_WIDGETS = (
    '<section class="widget widget_categories"><h2 class="widget-title">Kategori</h2><ul>'
    '<li class="cat-item"><a href="/category/berita/">Berita</a></li></ul></section>\n'
    '<section class="widget widget_pages"><h2 class="widget-title">Pengumuman</h2><ul>'
    + "".join(
        f'<li><a href="/pengumuman/{slug}/">{text(p.title)}</a></li>'
        for slug, p in pages.ANNOUNCEMENTS.items()
    )
    + "</ul></section>"
)


def popular_widget(site: Site, items: list[corpus.Summary]) -> str:
    rows = "".join(
        f'<li><a href="{permalink(site, s)}">{text(s.title)}</a> '
        f'<span class="post-date">{display_date(s)}</span> '
        f'<span class="post-views">{formats.thousands(s.view_count)} views</span></li>\n'
        for s in items
    )
    return (
        '<section class="widget popular-posts"><h2 class="widget-title">Berita Terpopuler</h2>'
        f"\n<ul>\n{rows}</ul></section>\n{STATIC_WIDGETS}"
    )


def listing_item(site: Site, s: corpus.Summary, excerpt: str) -> str:
    path = permalink(site, s)
    return (
        f'<article id="post-{s.id}" class="post-{s.id} post type-post status-publish hentry">'
        f'<a class="post-thumbnail" href="{path}"><img src="{image_path(s)}" alt="{attr(s.title)}" '
        f'loading="lazy"></a><header class="entry-header"><h2 class="entry-title"><a href="{path}" '
        f'rel="bookmark">{text(s.title)}</a></h2><div class="entry-meta"><span class="posted-on">'
        f'<time class="entry-date published" datetime="{s.published.isoformat()}">'
        f"{display_date(s)}</time></span></div></header>"
        f'<div class="entry-summary"><p>{text(excerpt)}</p></div></article>\n'
    )


def pagination(page: int, last: int, base_path: str) -> str:
    """WordPress's ``the_posts_pagination``: page-numbers, prev/next with « and »."""

    def href(n: int) -> str:
        return base_path if n == 1 else f"{base_path}page/{n}/"

    parts = []
    if page > 1:
        parts.append(f'<a class="prev page-numbers" href="{href(page - 1)}">&laquo; Sebelumnya</a>')
    for n in page_numbers(page, last):
        if n is None:
            parts.append('<span class="page-numbers dots">&hellip;</span>')
        elif n == page:
            parts.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
        else:
            parts.append(f'<a class="page-numbers" href="{href(n)}">{n}</a>')
    if page < last:
        parts.append(
            f'<a class="next page-numbers" href="{href(page + 1)}">Selanjutnya &raquo;</a>'
        )
    return (
        '<nav class="navigation pagination"><div class="nav-links">'
        + "".join(parts)
        + "</div></nav>"
    )


def page_main(title: str, paragraphs: tuple[str, ...]) -> str:
    body = "".join(f"<p>{text(p)}</p>\n" for p in paragraphs)
    return (
        '<article class="page type-page status-publish hentry"><header class="entry-header">'
        f'<h1 class="entry-title">{text(title)}</h1></header>\n<div class="entry-content">\n{body}'
        "</div></article>"
    )
