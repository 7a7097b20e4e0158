"""The wordpress theme over HTTP: permalinks, the REST API, feed, sitemaps, redirects."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import parsel
import pytest

from sample_portal import SamplePortalServer, corpus, running_portal
from sample_portal import wordpress_layout as W
from tests.sample_portal import fetch

ARTICLES = 250


@pytest.fixture(scope="module")
def portal() -> Iterator[SamplePortalServer]:
    with running_portal(articles=ARTICLES, theme="wordpress") as server:
        yield server


def _path(article_id: int) -> str:
    return W.article_path(1, corpus.summary(1, article_id))


def test_permalink_serves_the_post(portal: SamplePortalServer) -> None:
    assert _path(1) == (
        "/2025/01/22/pemkot-tangerang-raih-opini-kualitas-tertinggi-kepatuhan-penyelenggaraan-"
        "pelayanan-publik/"
    )
    page = parsel.Selector(text=fetch(portal.base_url, _path(1)).text)
    assert page.css("article.post h1.entry-title::text").get() == corpus.summary(1, 1).title
    meta = page.css("meta[property='article:published_time']::attr(content)").get()
    assert meta == "2025-01-22T11:26:00+00:00"
    ld = json.loads(page.css("script[type='application/ld+json']::text").get(""))
    assert ld["@type"] == "NewsArticle"
    assert ld["datePublished"] == "2025-01-22T18:26:00+07:00"
    assert ld["keywords"] == ["kota tangerang"]


def test_permalink_redirects(portal: SamplePortalServer) -> None:
    no_slash = fetch(portal.base_url, _path(12).rstrip("/"))
    assert (no_slash.status, no_slash.headers["location"]) == (301, _path(12))
    short = fetch(portal.base_url, "/?p=12")
    assert (short.status, short.headers["location"]) == (301, _path(12))
    assert fetch(portal.base_url, "/2024/12/31/berita-dihapus/").status == 404
    assert fetch(portal.base_url, "/2025/02/30/x/").status == 404
    assert fetch(portal.base_url, "/sitemap.xml").headers["location"] == "/sitemap_index.xml"


def test_rest_api_pages_and_headers(portal: SamplePortalServer) -> None:
    ids: list[int] = []
    for page in (1, 2, 3):
        answer = fetch(portal.base_url, f"/wp-json/wp/v2/posts?page={page}&per_page=100")
        assert answer.status == 200
        assert answer.headers["x-wp-total"] == str(ARTICLES)
        assert answer.headers["x-wp-totalpages"] == "3"
        posts = json.loads(answer.body)
        ids += [p["id"] for p in posts]
    assert ids == list(range(ARTICLES, 0, -1))
    assert 'rel="next"' not in answer.headers.get("link", "")
    past = fetch(portal.base_url, "/wp-json/wp/v2/posts?page=4&per_page=100")
    assert past.status == 400
    assert json.loads(past.body)["code"] == "rest_post_invalid_page_number"
    assert fetch(portal.base_url, "/wp-json/wp/v2/posts?per_page=101").status == 400


def test_rest_api_post_fields(portal: SamplePortalServer) -> None:
    answer = fetch(portal.base_url, "/wp-json/wp/v2/posts")
    assert answer.headers["x-wp-totalpages"] == "25"
    posts = json.loads(answer.body)
    assert len(posts) == 10
    newest = posts[0]
    s = corpus.summary(1, ARTICLES)
    assert newest["link"] == portal.base_url + _path(ARTICLES)[1:]
    assert newest["title"]["rendered"] == s.title
    assert newest["date"] == s.published.strftime("%Y-%m-%dT%H:%M:%S")
    hours = (int(newest["date"][11:13]) - int(newest["date_gmt"][11:13])) % 24
    assert hours == 7
    first_paragraph = corpus.article(1, ARTICLES).paragraphs[0]
    assert f"<p>{first_paragraph}</p>" in newest["content"]["rendered"]


def test_feed_has_10_newest_with_tracking_links(portal: SamplePortalServer) -> None:
    items = list(ET.fromstring(fetch(portal.base_url, "/feed/").body).iter("item"))
    assert len(items) == 10
    link = items[0].findtext("link", "")
    assert link.startswith(portal.base_url + _path(ARTICLES)[1:] + "?utm_source=rss")


def test_sitemap_index_lists_every_post(portal: SamplePortalServer) -> None:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.fromstring(fetch(portal.base_url, "/sitemap_index.xml").body)
    children = [e.text or "" for e in index.iter(f"{ns}loc")]
    assert children == [portal.base_url + "post-sitemap.xml", portal.base_url + "page-sitemap.xml"]
    posts = ET.fromstring(fetch(portal.base_url, "/post-sitemap.xml").body)
    urls = [e.text for e in posts.iter(f"{ns}loc")]
    assert urls == [portal.base_url + _path(i)[1:] for i in range(1, ARTICLES + 1)]


def test_archive_pagination(portal: SamplePortalServer) -> None:
    seen: list[str] = []
    path: str | None = "/category/berita/"
    while path:
        page = parsel.Selector(text=fetch(portal.base_url, path).text)
        seen += page.css("article.post h2.entry-title a::attr(href)").getall()
        path = page.css("nav.pagination a.next.page-numbers::attr(href)").get()
    assert seen == [_path(i) for i in range(ARTICLES, 0, -1)]
    assert fetch(portal.base_url, "/page/1/").headers["location"] == "/"


def test_robots_disallows_wp_admin(portal: SamplePortalServer) -> None:
    robots = fetch(portal.base_url, "/robots.txt").text
    assert "Disallow: /wp-admin/\n" in robots
    assert f"Sitemap: {portal.base_url}sitemap_index.xml" in robots
    assert 'href="/wp-admin/"' in fetch(portal.base_url, "/").text


def test_same_article_reads_the_same_in_both_themes(portal: SamplePortalServer) -> None:
    a = corpus.article(1, 40)
    html = fetch(portal.base_url, _path(40)).text
    for paragraph in a.paragraphs:
        assert f"<p>{paragraph}</p>" in html
