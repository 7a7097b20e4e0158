"""The wordpress theme's news pages: single posts, the paginated archives, tags and authors.

A post page carries what WordPress + Yoast print: ``article.post``, ``h1.entry-title``,
``time.entry-date.published``, JSON-LD ``NewsArticle`` and ``article:published_time`` (UTC).
"""

from __future__ import annotations

import json
from datetime import date

from . import corpus, faults, formats
from . import wordpress_layout as W
from .common import (
    HTML_UTF8,
    Query,
    Response,
    Site,
    attr,
    html_page,
    listing_ids,
    malformed,
    page_count,
    redirect,
    share_links,
    text,
)
from .news import excerpt, latest_popular, scan, summaries, tag_name

_AD_BLOCK = (
    '<div class="code-block code-block-2" style="margin: 8px auto; text-align: center;">'
    '<span class="iklan">ADVERTISEMENT</span><ins class="adsbygoogle"></ins></div>'
)


def not_found(site: Site) -> Response:
    main = W.page_main("Halaman tidak ditemukan", ("Maaf, halaman yang Anda cari tidak ada.",))
    page = W.frame(
        base=site.base_url, title="Halaman tidak ditemukan", main=main, sidebar=W.STATIC_WIDGETS
    )
    return Response(404, page.encode(), HTML_UTF8)


def server_error(site: Site) -> Response:
    body = b"<html><body><h1>Error establishing a database connection</h1></body></html>"
    return Response(500, body, HTML_UTF8)


def content_html(site: Site, a: corpus.Article) -> list[str]:
    """The post content as authored: paragraphs, the 'Baca Juga' link, the credit line."""
    paras = [f"<p>{text(p)}</p>" for p in a.paragraphs]
    if a.baca_juga is not None:
        other = site.original(a.baca_juga)
        link = (
            f'<p><strong>Baca juga:</strong> <a href="{W.permalink(site, other)}">'
            f"{text(other.title)}</a></p>"
        )
        paras.insert(a.baca_juga_after, link)
    if a.credit:
        paras.append(f"<p>{text(a.credit)}</p>")
    return paras


def _json_ld(site: Site, s: corpus.Summary, url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": s.title,
        "datePublished": s.published.isoformat(),
        "dateModified": s.modified.isoformat(),
        "author": {"@type": "Person", "name": s.author, "url": site.url(W.author_path(s.author))},
        "publisher": {"@type": "Organization", "name": W.SITE_NAME},
        "image": {
            "@type": "ImageObject",
            "url": site.url(W.image_path(s)),
            "width": 800,
            "height": 450,
        },
        "keywords": list(s.tags),
        "articleSection": "Berita",
        "inLanguage": "id-ID",
    }
    doc = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json" class="yoast-schema-graph">{doc}</script>\n'


def _head(site: Site, s: corpus.Summary, url: str, a: corpus.Article) -> str:
    return (
        f'<link rel="canonical" href="{url}">\n'
        f'<meta name="description" content="{attr(a.paragraphs[0][:155])}">\n'
        '<meta property="og:locale" content="id_ID">\n<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{attr(s.title)}">\n'
        f'<meta property="og:url" content="{url}">\n'
        f'<meta property="og:site_name" content="{W.SITE_NAME}">\n'
        f'<meta property="article:published_time" content="{formats.utc_iso(s.published)}">\n'
        f'<meta property="article:modified_time" content="{formats.utc_iso(s.modified)}">\n'
        f'<meta property="og:image" content="{site.url(W.image_path(s))}">\n'
        f'<meta name="author" content="{attr(s.author)}">\n'
        f'<link rel="shortlink" href="{site.url(f"/?p={s.id}")}">\n{_json_ld(site, s, url)}'
    )


def _comments(a: corpus.Article) -> str:
    items = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">{text(c.name)}</b> <time datetime="{c.posted.isoformat()}">'
        f"{formats.long_date(c.posted)} pukul {c.posted:%H.%M}</time></footer>"
        f'<div class="comment-content"><p>{text(c.text)}</p></div></article></li>\n'
        for c in a.comments
    )
    return (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">{len(a.comments)} '
        f'Komentar</h2><ol class="comment-list">\n{items}</ol>\n<div id="respond" '
        'class="comment-respond"><h3 class="comment-reply-title">Tinggalkan Balasan</h3>'
        '<form action="/wp-comments-post.php" method="post" id="commentform">'
        '<p class="comment-notes">'
        'Alamat email Anda tidak akan dipublikasikan.</p><textarea name="comment"></textarea>'
        '<p class="captcha-notice">Pastikan Google Captcha Sudah Tercentang !!!</p>'
        '<input name="submit" type="submit" value="Kirim Komentar"></form></div></div>'
    )


def article_page(site: Site, groups: dict[str, str], query: Query) -> Response:
    try:
        day = date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    except ValueError:
        return not_found(site)
    article_id = W.find(site, day, groups["slug"])
    if article_id is None or not site.exists(article_id):
        return not_found(site)
    s = site.summary(article_id)
    path = W.permalink(site, s)
    if not groups.get("slash"):
        return redirect(path)  # WordPress's canonical redirect adds the slash
    a = site.article(article_id)
    url = site.url(path)
    paras = content_html(site, a)
    paras.insert(1, _AD_BLOCK)
    share = (
        '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Bagikan ini:</h3>'
        f"{share_links(url, s.title)}</div>"
    )
    inner = malformed(paras) if faults.is_malformed(article_id) else "\n".join(paras)
    content = f"{inner}\n{share}\n</div>\n"
    tags = ", ".join(f'<a href="{W.tag_path(t)}" rel="tag">{text(t)}</a>' for t in s.tags)
    related = "".join(
        f'<div class="jp-relatedposts-post"><a href="{W.permalink(site, r)}">'
        f'{text(r.title)}</a> <span class="jp-relatedposts-post-date">{W.display_date(r)}</span>'
        "</div>\n"
        for r in summaries(site, a.related)
    )
    prev = ""
    previous = site.edition.previous_live(article_id)
    if previous is not None:
        p = site.summary(previous)
        prev = (
            '<nav class="navigation post-navigation"><div class="nav-previous">'
            f'<a href="{W.permalink(site, p)}" rel="prev">{text(p.title)}</a></div></nav>\n'
        )
    author = text(s.author)
    main = (
        f'<article id="post-{s.id}" class="post-{s.id} post type-post status-publish '
        'format-standard has-post-thumbnail hentry category-berita">\n<header class="entry-header">'
        '<span class="cat-links"><a href="/category/berita/" rel="category tag">Berita</a></span>\n'
        f'<h1 class="entry-title">{text(s.title)}</h1>\n<div class="entry-meta">'
        f'<span class="posted-on"><a href="{path}" rel="bookmark">'
        '<time class="entry-date published" '
        f'datetime="{s.published.isoformat()}">{W.display_date(s)}</time><time class="updated" '
        f'datetime="{s.modified.isoformat()}">{formats.long_date(s.modified)}</time></a></span> '
        f'<span class="byline">oleh <span class="author vcard"><a class="url fn n" '
        f'href="{W.author_path(s.author)}">{author}</a></span></span> '
        f'<span class="post-views">{formats.thousands(s.view_count)} views</span></div>\n'
        "</header>\n"
        f'<div class="post-thumbnail"><img src="{W.image_path(s)}" class="wp-post-image" '
        f'alt="{attr(s.title)}" width="800" height="450"><figcaption class="wp-caption-text">'
        f'{text(a.caption)}</figcaption></div>\n<div class="entry-content">\n{content}'
        f'<footer class="entry-footer"><span class="tags-links">Tag: {tags}</span></footer>\n'
        f'</article>\n{prev}<div id="jp-relatedposts" class="jp-relatedposts"><h3 '
        f'class="jp-relatedposts-headline">Artikel Terkait</h3>\n{related}</div>\n{_comments(a)}'
    )
    page = W.frame(
        base=site.base_url,
        title=s.title,
        main=main,
        sidebar=W.popular_widget(site, summaries(site, a.popular)),
        head_extra=_head(site, s, url, a),
        body_class=f"post-template-default single single-post postid-{s.id}",
    )
    return html_page(page, article_id=article_id, cp1252=faults.is_cp1252(article_id))


def _archive(
    site: Site, title: str, items: list[corpus.Summary], nav: str = "", extra: str = ""
) -> Response:
    body = "".join(W.listing_item(site, s, excerpt(site, s.id)) for s in items)
    header = f'<header class="page-header"><h1 class="page-title">{text(title)}</h1></header>'
    main = f"{header}\n{body}{nav}\n{extra}"
    sidebar = W.popular_widget(site, latest_popular(site))
    return html_page(
        W.frame(base=site.base_url, title=title, main=main, sidebar=sidebar, body_class="archive")
    )


def listing_page(site: Site, groups: dict[str, str], query: Query) -> Response:
    base_path = "/category/berita/" if groups.get("category") else "/"
    if query.get("p", "").isdigit():  # old '?p=123' links -> 301 to the permalink
        article_id = int(query["p"])
        if not site.exists(article_id):
            return not_found(site)
        return redirect(W.permalink(site, site.summary(article_id)))
    page = int(groups.get("page") or 1)
    last = page_count(site)
    if groups.get("page") == "1":
        return redirect(base_path)
    if not 1 <= page <= last:
        return not_found(site)
    extra = ""
    if page == 1 and base_path == "/":  # the quirks: a deleted post (404), a '?p=' link (301)
        extra = (
            '<section class="arsip"><h2>Arsip</h2><ul><li><a href="/2024/12/31/'
            f'{faults.DELETED_SLUG}/">Klarifikasi Hoaks Rekrutmen Tenaga Honorer</a></li>'
            '<li><a href="/?p=1">Berita lama: penghargaan Ombudsman</a></li></ul></section>'
        )
    title = "Berita" if base_path != "/" else W.SITE_NAME
    if page > 1:
        title += f" \u2013 Halaman {page}"
    items = summaries(site, listing_ids(site, page))
    return _archive(site, title, items, W.pagination(page, last, base_path), extra)


def tag_page(site: Site, groups: dict[str, str], query: Query) -> Response:
    slug = groups["tag"]
    found = scan(site, lambda s: any(corpus.slugify(t) == slug for t in s.tags))
    if not found:
        return not_found(site)
    return _archive(site, f"Tag: {tag_name(found, slug)}", found)


def author_page(site: Site, groups: dict[str, str], query: Query) -> Response:
    found = scan(site, lambda s: corpus.slugify(s.author) == groups["author"])
    if not found:
        return not_found(site)
    return _archive(site, f"Penulis: {found[0].author}", found)
