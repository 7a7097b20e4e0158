"""The WordPress REST API as a list of posts: ``/wp-json/wp/v2/posts``, a hundred at a time.

Most regional news sites and many ``*.go.id`` portals run WordPress; when its API answers it
lists every published post, which no listing page or capped sitemap guarantees.
"""

from __future__ import annotations

import json
from typing import Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# WordPress's largest page; ``_fields=link`` keeps each answer a few kilobytes, not megabytes
# of rendered post content (WordPress older than 4.9.8 ignores it and sends everything).
PER_PAGE: Final = 100


def posts_url(api_root: str, page: int) -> str:
    """The URL of one page of posts under an API root, pretty or ``?rest_route=`` style.

    ``https://p.go.id/wp-json/``, 2 →
    ``https://p.go.id/wp-json/wp/v2/posts?per_page=100&page=2&_fields=link``;
    ``https://p.go.id/?rest_route=/``, 1 →
    ``https://p.go.id/?rest_route=/wp/v2/posts&per_page=100&page=1&_fields=link``
    """
    parts = urlsplit(api_root)
    paging = [("per_page", str(PER_PAGE)), ("page", str(page)), ("_fields", "link")]
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if "rest_route" in query:
        route = query["rest_route"].rstrip("/") + "/wp/v2/posts"
        query_text = urlencode([("rest_route", route), *paging], safe="/")
        return urlunsplit(parts._replace(query=query_text))
    path = parts.path.rstrip("/") + "/wp/v2/posts"
    return urlunsplit(parts._replace(path=path, query=urlencode(paging)))


def api_root(posts_page_url: str) -> str:
    """The root a page of posts was asked under: :func:`posts_url` backwards.

    ``https://p.go.id/wp-json/wp/v2/posts?page=2…`` → ``https://p.go.id/wp-json/``
    """
    return posts_page_url.split("wp/v2/posts", 1)[0]


def post_links(body: bytes) -> list[str]:
    """The ``link`` of each post in one page of ``/wp/v2/posts``; anything else gives none."""
    try:
        posts = json.loads(body)
    except ValueError:  # an HTML error page or a security plugin's challenge
        return []
    if not isinstance(posts, list):
        return []
    links = (post.get("link") for post in posts if isinstance(post, dict))
    return [link for link in links if isinstance(link, str) and link]


def total_pages(header: str | None) -> int | None:
    """``X-WP-TotalPages: 7`` → 7; a missing or garbled header → None."""
    if header is None or not header.strip().isdigit():
        return None
    return int(header.strip())
