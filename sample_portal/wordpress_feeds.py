"""The wordpress theme's machine-readable side: ``/feed/``, the REST API, Yoast sitemaps.

REST: ``/wp-json/wp/v2/posts?page=&per_page=`` (newest first, per_page 1-100, default 10)
with ``X-WP-Total`` / ``X-WP-TotalPages``; past the last page it answers 400 as WordPress does.
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime
from typing import Any

from . import corpus
from . import wordpress_layout as W
from .common import (
    Query,
    Response,
    Site,
    json_response,
    listing_ids,
    rss,
    rss_date,
    sitemap_index,
    urlset,
    xml_response,
)
from .news import excerpt, summaries
from .vocabulary import REPORTERS
from .wordpress_news import content_html, not_found

FEED_ITEMS = 10  # WordPress's default 'Syndication feeds show the most recent'
SITEMAP_CHUNK = 1000  # Yoast's entries per post sitemap
PAGE_PATHS = ("/", "/tentang-kami/", "/kontak/", "/redaksi/", "/pedoman-media-siber/")


def feed(site: Site, groups: dict[str, str], query: Query) -> Response:
    items = []
    for s in summaries(site, listing_ids(site, 1, FEED_ITEMS)):
        link = site.url(W.permalink(site, s))
        items.append(
            {
                # feed links carry tracking parameters, as many WordPress plugins add them
                "title": s.title,
                "link": f"{link}?utm_source=rss&utm_medium=rss&utm_campaign={s.id}",
                "guid": site.url(f"/?p={s.id}"),
                "pubDate": rss_date(s.published),
                "creator": s.author,
                "categories": "|".join(("Berita", *s.tags)),
                "description": excerpt(site, s.id),
            }
        )
    doc = rss(
        title=W.SITE_NAME,
        link=site.base_url,
        self_url=site.url("/feed/"),
        description=W.TAGLINE,
        items=items,
    )
    return xml_response(doc, "application/rss+xml; charset=UTF-8")


def _author_id(name: str) -> int:
    return REPORTERS.index(name) + 2 if name in REPORTERS else 1


def _tag_id(tag: str) -> int:
    return 100 + zlib.crc32(corpus.slugify(tag).encode()) % 9000


def _local(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


def _post(site: Site, article_id: int) -> dict[str, Any]:
    a = site.article(article_id)
    s = a.summary
    return {
        "id": s.id,
        "date": _local(s.published),
        "date_gmt": _local(s.published.astimezone(UTC)),
        "guid": {"rendered": site.url(f"/?p={s.id}")},
        "modified": _local(s.modified),
        "modified_gmt": _local(s.modified.astimezone(UTC)),
        "slug": W.slug_on(site, s),
        "status": "publish",
        "type": "post",
        "link": site.url(W.permalink(site, s)),
        "title": {"rendered": s.title},
        "content": {"rendered": "\n".join(content_html(site, a)) + "\n", "protected": False},
        "excerpt": {"rendered": f"<p>{excerpt(site, s.id)}</p>\n", "protected": False},
        "author": _author_id(s.author),
        "featured_media": 10_000 + s.id,
        "categories": [1],
        "tags": [_tag_id(t) for t in s.tags],
    }


def _rest_error(code: str, message: str) -> Response:
    return json_response({"code": code, "message": message, "data": {"status": 400}}, status=400)


def rest_posts(site: Site, groups: dict[str, str], query: Query) -> Response:
    page_text, per_page_text = query.get("page", "1"), query.get("per_page", "10")
    if not (page_text.isdigit() and per_page_text.isdigit()):
        return _rest_error("rest_invalid_param", "Parameter tidak valid: page, per_page")
    page, per_page = int(page_text), int(per_page_text)
    if not (page >= 1 and 1 <= per_page <= 100):
        return _rest_error("rest_invalid_param", "Parameter tidak valid: per_page")
    total_pages = -(-site.edition.live_count // per_page)
    if page > total_pages:
        return _rest_error(
            "rest_post_invalid_page_number",
            "Ukuran halaman yang diminta lebih besar dari jumlah halaman yang tersedia.",
        )
    posts = [_post(site, i) for i in listing_ids(site, page, per_page)]
    api = site.url("/wp-json/wp/v2/posts")
    links = []
    if page > 1:
        links.append(f'<{api}?page={page - 1}&per_page={per_page}>; rel="prev"')
    if page < total_pages:
        links.append(f'<{api}?page={page + 1}&per_page={per_page}>; rel="next"')
    headers = [("X-WP-Total", str(site.edition.live_count)), ("X-WP-TotalPages", str(total_pages))]
    if links:
        headers.append(("Link", ", ".join(links)))
    return json_response(posts, tuple(headers))


def rest_index(site: Site, groups: dict[str, str], query: Query) -> Response:
    return json_response(
        {"name": W.SITE_NAME, "url": site.base_url.rstrip("/"), "namespaces": ["wp/v2"]}
    )


def sitemap(site: Site, groups: dict[str, str], query: Query) -> Response:
    chunks = -(-site.top // SITEMAP_CHUNK)
    children: list[tuple[str, datetime | None]] = [
        (site.url("/post-sitemap.xml" if k == 1 else f"/post-sitemap{k}.xml"), None)
        for k in range(1, chunks + 1)
    ]
    children.append((site.url("/page-sitemap.xml"), None))
    return xml_response(sitemap_index(children))


def post_sitemap(site: Site, groups: dict[str, str], query: Query) -> Response:
    """Chunk k (1-based) holds ids (k-1)*1000+1 .. k*1000, oldest first, as Yoast sorts."""
    k = int(groups.get("k") or 1)
    first = (k - 1) * SITEMAP_CHUNK + 1
    if k < 1 or groups.get("k") == "1" or first > site.top:
        return not_found(site)
    last = min(site.top, k * SITEMAP_CHUNK)
    entries: list[tuple[str, datetime | None]] = [
        (site.url(W.permalink(site, s)), s.modified)
        for s in summaries(site, range(first, last + 1))
    ]
    return xml_response(urlset(entries))


def page_sitemap(site: Site, groups: dict[str, str], query: Query) -> Response:
    return xml_response(urlset((site.url(p), None) for p in PAGE_PATHS))
