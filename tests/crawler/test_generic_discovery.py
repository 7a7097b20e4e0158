"""Finding a portal's articles with no profile: link roles, feeds, the WordPress API, the plan.

Pages are small hand-written versions of what Indonesian portals serve; every expected URL is
typed out.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from parsel import Selector
from scrapy.utils.test import get_crawler

from crawler.fetch import Fetch
from crawler.generic import wordpress
from crawler.generic.links import (
    PRIORITY,
    feed_urls,
    generic_links,
    is_news_section_name,
    is_next_page,
    wp_api_root,
)
from crawler.generic.page_kind import PageKind
from crawler.generic.plan import DOCUMENT_PRIORITY, GenericPlan
from crawler.generic.url_shape import Shape
from crawler.spiders.portal import PortalSpider

BASE = "https://kotauji.go.id/"
NOW = datetime(2025, 1, 22, 12, 0, tzinfo=UTC)

HOME = """<html><head>
<link rel="alternate" type="application/rss+xml" title="Berita Kota Uji" href="/rss.xml">
<link rel="alternate" type="application/rss+xml" title="Komentar" href="/komentar/rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://lain.example/atom.xml">
<link rel="https://api.w.org/" href="https://kotauji.go.id/wp-json/">
</head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/index.php?mod=kabar">Berita Daerah</a></li>
<li><a href="/siaran-pers">Siaran Pers</a></li><li><a href="/profil">Profil</a></li>
<li><a href="/galeri">Galeri</a></li><li><a href="mailto:humas@kotauji.go.id">Surel</a></li>
<li><a href="https://www.indonesia.go.id/">Indonesia.go.id</a></li></ul></nav>
<main>
<h2><a href="/berita/5/pasar-murah-digelar-di-kecamatan?utm_source=beranda">Pasar murah</a></h2>
<a href="/berita/5/pasar-murah-digelar-di-kecamatan/#komentar">3 komentar</a>
<a href="http://KOTAUJI.go.id:443/berita/5/pasar-murah-digelar-di-kecamatan">Lagi</a>
<a href="/tag/pasar">pasar</a> <a href="/unduhan/perda-2024.pdf">Perda</a>
<a href="/admin/login">Login</a> <a href="/berita/6/vaksinasi-keliling-untuk-lansia">Vaksin</a>
<ul class="pagination"><li><span>1</span></li><li><a href="/berita?page=2">2</a></li>
<li><a href="/berita?page=3">3</a></li><li><a href="/berita?page=2">Selanjutnya »</a></li></ul>
</main></body></html>"""


def links_of(html: str, url: str = BASE) -> dict[str, str]:
    return {
        link.url: link.role for link in generic_links(Selector(text=html), url, "kotauji.go.id")
    }


def test_links_are_sorted_into_roles_and_variants_collapse() -> None:
    assert links_of(HOME) == {
        "https://kotauji.go.id/": "home",
        "https://kotauji.go.id/index.php?mod=kabar": "section",
        "https://kotauji.go.id/siaran-pers": "section",
        "https://kotauji.go.id/profil": "static",
        "https://kotauji.go.id/galeri": "static",
        "https://kotauji.go.id/berita/5/pasar-murah-digelar-di-kecamatan": "article",
        "https://kotauji.go.id/tag/pasar": "taxonomy",
        "https://kotauji.go.id/berita/6/vaksinasi-keliling-untuk-lansia": "article",
        "https://kotauji.go.id/berita?page=2": "pagination",
        "https://kotauji.go.id/berita?page=3": "pagination",
    }


def test_roles_order_the_crawl() -> None:
    assert {shape.value for shape in Shape} - {"skip"} <= set(PRIORITY)  # a role per shape
    ranked = sorted(PRIORITY, key=PRIORITY.__getitem__, reverse=True)
    assert ranked.index("article") < ranked.index("pagination") < ranked.index("unknown")
    assert ranked.index("unknown") < ranked.index("static") < ranked.index("taxonomy")


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        ('<a href="/b?page=2">Selanjutnya »</a>', True),
        ('<a href="/b?page=2">Berikutnya</a>', True),
        ('<a href="/b/page/2">Next ›</a>', True),
        ('<a href="/b/page/2">»</a>', True),
        ('<a href="/b/page/2" rel="next">2</a>', True),
        ('<a class="next page-numbers" href="/page/2/">Berita lama</a>', True),
        ('<a href="/b?page=1">« Sebelumnya</a>', False),
        ('<a href="/berita/5/x">Selanjutnya, Wali Kota meninjau pasar</a>', False),
    ],
)
def test_is_next_page(anchor: str, expected: bool) -> None:
    node = Selector(text=anchor).css("a")[0]
    text = " ".join(node.css("::text").getall()).strip()
    assert is_next_page(node.attrib, text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berita", True),
        ("BERITA TERKINI", True),
        ("Siaran Pers", True),
        ("Indeks Berita", True),
        ("News", True),
        ("Kabar Daerah", True),
        ("Profil", False),
        ("Berita Wali Kota Resmikan Taman Kota Baru", False),
        ("Warta Kota Gelar Festival", False),
        ("", False),
    ],
)
def test_is_news_section_name(text: str, expected: bool) -> None:
    assert is_news_section_name(text) is expected


def test_feed_urls_skip_comment_feeds_and_other_hosts() -> None:
    assert feed_urls(Selector(text=HOME), BASE, "kotauji.go.id") == [
        "https://kotauji.go.id/rss.xml"
    ]


def test_wp_api_root_from_the_head_or_the_link_header() -> None:
    assert wp_api_root(Selector(text=HOME), BASE) == "https://kotauji.go.id/wp-json/"
    header = '<https://kotauji.go.id/?rest_route=/>; rel="https://api.w.org/"'
    root = wp_api_root(Selector(text="<p>x</p>"), BASE, header)
    assert root == "https://kotauji.go.id/?rest_route=%2F"  # canonical form of the same URL
    assert wordpress.posts_url(root, 1) == (
        "https://kotauji.go.id/?rest_route=/wp/v2/posts&per_page=100&page=1&_fields=link"
    )
    assert wp_api_root(Selector(text="<p>x</p>"), BASE, "") is None


def test_wordpress_posts_urls_and_answers() -> None:
    assert wordpress.posts_url("https://p.go.id/wp-json/", 2) == (
        "https://p.go.id/wp-json/wp/v2/posts?per_page=100&page=2&_fields=link"
    )
    assert wordpress.posts_url("https://p.go.id/?rest_route=/", 1) == (
        "https://p.go.id/?rest_route=/wp/v2/posts&per_page=100&page=1&_fields=link"
    )
    assert wordpress.api_root(wordpress.posts_url("https://p.go.id/wp-json/", 3)) == (
        "https://p.go.id/wp-json/"
    )
    body = b'[{"id": 7, "link": "https://p.go.id/2025/01/22/a/"}, {"id": 8}, "x"]'
    assert wordpress.post_links(body) == ["https://p.go.id/2025/01/22/a/"]
    assert wordpress.post_links(b"<html>Forbidden</html>") == []
    assert wordpress.post_links(b'{"code": "rest_forbidden"}') == []
    assert wordpress.total_pages("7") == 7
    assert wordpress.total_pages(None) is None
    assert wordpress.total_pages("banyak") is None


class Stats(Counter[str]):
    def __call__(self, key: str, count: int) -> None:
        self[key] += count


def plan(max_pages: int = 100) -> tuple[GenericPlan, Stats]:
    stats = Stats()
    return GenericPlan(BASE + "berita", max_pages=max_pages, count=stats), stats


def urls(fetches: list[Fetch]) -> list[tuple[str, str]]:
    return [(f.url.removeprefix(BASE), f.kind) for f in fetches]


def urlset(*paths: str) -> bytes:
    locs = "".join(f"<url><loc>{BASE}{p}</loc></url>" for p in paths)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()


def test_plan_starts_at_the_page_the_home_robots_and_sitemap() -> None:
    p, _ = plan()
    fetches = p.start()
    assert urls(fetches) == [
        ("berita", "page"),
        ("", "page"),
        ("robots.txt", "robots"),
        ("sitemap.xml", "sitemap"),
    ]
    assert all(f.entry for f in fetches if f.kind == "page")


def test_robots_sitemaps_are_read_once_and_taxonomy_sitemaps_skipped() -> None:
    p, _ = plan()
    p.start()
    robots = b"User-agent: *\nDisallow: /admin/\nSitemap: https://kotauji.go.id/sitemap_index.xml\n"
    assert urls(p.robots(robots)) == [("sitemap_index.xml", "sitemap")]
    assert p.robots(robots) == []
    index = (
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://kotauji.go.id/post-sitemap.xml</loc></sitemap>"
        b"<sitemap><loc>https://kotauji.go.id/post_tag-sitemap.xml</loc></sitemap>"
        b"<sitemap><loc>https://kotauji.go.id/author-sitemap.xml</loc></sitemap>"
        b"<sitemap><loc>https://cdn.lain.example/sitemap.xml</loc></sitemap></sitemapindex>"
    )
    fetches = p.sitemap(BASE + "sitemap_index.xml", index)
    assert urls(fetches) == [("post-sitemap.xml", "sitemap")]
    assert fetches[0].priority == DOCUMENT_PRIORITY


def test_each_article_is_fetched_once_across_sources_and_variants() -> None:
    p, stats = plan()
    p.start()
    sitemap = p.sitemap(BASE + "sitemap.xml", urlset("berita/5/pasar-murah-digelar", "agenda"))
    assert urls(sitemap) == [("berita/5/pasar-murah-digelar", "page"), ("agenda", "page")]
    feed = (
        "<rss><channel><item><link>https://kotauji.go.id/berita/5/pasar-murah-digelar/"
        "?utm_source=rss</link></item><item><link>https://kotauji.go.id/berita/6/vaksin-"
        "keliling-lansia</link></item></channel></rss>"
    )
    fed = p.feed(BASE + "rss.xml", feed)
    assert urls(fed) == [("berita/6/vaksin-keliling-lansia", "page")]
    assert fed[0].listed
    assert stats["discovery/sitemap_urls"] == 2
    assert stats["discovery/feed_urls"] == 2


def test_sitemap_pages_keep_their_shape_priority() -> None:
    p, _ = plan()
    fetches = p.sitemap(BASE + "sitemap.xml", urlset("berita/5/pasar-murah-digelar", "pengumuman"))
    assert [f.priority for f in fetches] == [PRIORITY["article"], PRIORITY["unknown"]]


def test_tag_and_static_pages_wait_until_released() -> None:
    p, _ = plan()
    p.start()
    page = '<a href="/tag/pasar">pasar</a><a href="/profil">Profil</a><a href="/agenda">Agenda</a>'
    result = p.page(
        Fetch(BASE + "x", "page", 0, "link"), BASE + "x", page, Selector(text=page), fetched_at=NOW
    )
    assert urls(result.fetches) == [("agenda", "page")]
    assert urls(p.release()) == [("profil", "page"), ("tag/pasar", "page")]
    assert p.release() == []


def test_the_page_budget_stops_new_pages_and_is_counted() -> None:
    p, stats = plan(max_pages=3)
    p.start()  # the start page and the home page
    fetches = p.sitemap(BASE + "sitemap.xml", urlset("a-b-c-d", "e-f-g-h", "i-j-k-l"))
    assert urls(fetches) == [("a-b-c-d", "page")]
    assert stats["discovery/over_budget"] == 2
    assert p.frontier.exhausted


def test_wordpress_api_pages_through_the_posts() -> None:
    p, stats = plan(max_pages=1000)
    first = Fetch(wordpress.posts_url(BASE + "wp-json/", 1), "wp_api", 20, "wp_api", wp_page=1)
    body = json.dumps([{"link": f"{BASE}2025/01/2{n}/berita-ke-{n}-dari-api/"} for n in (1, 2)])
    fetches = p.wp_api(first, body.encode(), "3")
    assert urls(fetches) == [
        ("2025/01/21/berita-ke-1-dari-api/", "page"),
        ("2025/01/22/berita-ke-2-dari-api/", "page"),
        ("wp-json/wp/v2/posts?per_page=100&page=2&_fields=link", "wp_api"),
        ("wp-json/wp/v2/posts?per_page=100&page=3&_fields=link", "wp_api"),
    ]
    assert all(f.listed for f in fetches if f.kind == "page")
    assert stats["discovery/wp_api_urls"] == 2
    third = Fetch(wordpress.posts_url(BASE + "wp-json/", 3), "wp_api", 20, "wp_api", wp_page=3)
    assert p.wp_api(third, b"[]", "3") == []


def test_wordpress_api_without_a_total_pages_while_pages_come_back_full() -> None:
    p, _ = plan(max_pages=1000)
    first = Fetch(wordpress.posts_url(BASE + "wp-json/", 1), "wp_api", 20, "wp_api", wp_page=1)
    full = json.dumps([{"link": f"{BASE}?p={n}"} for n in range(100)]).encode()
    assert urls(p.wp_api(first, full, None))[-1] == (
        "wp-json/wp/v2/posts?per_page=100&page=2&_fields=link",
        "wp_api",
    )
    second = Fetch(wordpress.posts_url(BASE + "wp-json/", 2), "wp_api", 20, "wp_api", wp_page=2)
    assert all(f.kind == "page" for f in p.wp_api(second, b'[{"link": "/?p=500"}]', None))


ARTICLE = """<html><head><link rel="canonical" href="https://kotauji.go.id/berita/5/pasar-murah">
</head><body><main><article><h1>Pemkot Gelar Pasar Murah di 13 Kecamatan</h1>
<p class="tanggal">Senin, 6 Januari 2025 09:00 WIB</p><div class="isi">{body}</div>
<a href="/berita/6/vaksinasi-keliling-untuk-lansia">Vaksinasi keliling untuk lansia</a>
</article></main></body></html>""".format(
    body="<p>" + "Warga dapat membeli beras, minyak goreng dan gula dengan harga murah. " * 8
)


def test_an_article_page_is_extracted_once_whatever_url_it_came_from() -> None:
    p, stats = plan()
    first = p.page(
        Fetch(BASE + "berita/5/pasar-murah", "page", 10, "sitemap"),
        BASE + "berita/5/pasar-murah",
        ARTICLE,
        Selector(text=ARTICLE),
        fetched_at=NOW,
    )
    assert first.kind is PageKind.ARTICLE
    assert first.article is not None
    assert first.article.url == BASE + "berita/5/pasar-murah"
    assert first.article.title == "Pemkot Gelar Pasar Murah di 13 Kecamatan"
    assert urls(first.fetches) == [("berita/6/vaksinasi-keliling-untuk-lansia", "page")]
    again = p.page(
        Fetch(BASE + "index.php?id=5", "page", 10, "link"),
        BASE + "index.php?id=5",
        ARTICLE,
        Selector(text=ARTICLE),
        fetched_at=NOW,
    )
    assert again.kind is PageKind.ARTICLE
    assert again.article is None
    assert stats == Stats(
        {
            "pages/article": 2,
            "discovery/articles_via/sitemap": 1,
            "links/duplicate_variant": 1,
        }
    )


def test_an_entry_page_leads_to_its_feed_and_the_wordpress_api() -> None:
    p, _ = plan()
    entry = Fetch(BASE, "page", 5, "start", entry=True)
    result = p.page(entry, BASE, HOME, Selector(text=HOME), fetched_at=NOW)
    assert result.kind is PageKind.LISTING
    assert urls(result.fetches)[:2] == [
        ("rss.xml", "feed"),
        ("wp-json/wp/v2/posts?per_page=100&page=1&_fields=link", "wp_api"),
    ]


def test_a_gzipped_sitemap_is_read() -> None:
    p, _ = plan()
    fetches = p.sitemap(BASE + "sitemap.xml.gz", gzip.compress(urlset("berita/7/banjir-surut")))
    assert urls(fetches) == [("berita/7/banjir-surut", "page")]


def test_the_spider_plans_generically_only_without_a_profile() -> None:
    crawler = get_crawler(PortalSpider, {"WARTA_GENERIC_MAX_PAGES": 7})
    spider = PortalSpider.from_crawler(crawler, site="https://www.kotauji.go.id/berita")
    assert spider.plan is not None
    assert spider.plan.frontier.max_pages == 7
    assert spider.allowed_domains == ["kotauji.go.id"]  # www.kotauji.go.id links to kotauji.go.id
    assert spider.site_id == "www.kotauji.go.id"  # as extraction names the site of its pages
    profiled = PortalSpider.from_crawler(get_crawler(PortalSpider), site="http://127.0.0.1:8321/")
    assert profiled.profile is not None
    assert profiled.plan is None


def test_a_redirect_to_a_page_already_queued_is_not_followed() -> None:
    p, stats = plan()
    queued = ("berita/5/pasar-murah-digelar", "2025/01/22/banjir-surut-di-tiga-kecamatan")
    assert len(p.sitemap(BASE + "sitemap.xml", urlset(*queued))) == 2
    old = Fetch(BASE + "index.php?page=berita&id=5", "page", 10, "link")
    assert p.redirect(old, "/berita/5/pasar-murah-digelar") == []
    assert stats["links/duplicate_variant"] == 1
    moved = p.redirect(old, "/berita/6/vaksin-keliling-lansia")
    assert urls(moved) == [("berita/6/vaksin-keliling-lansia", "page")]
    assert moved[0].redirects == 1
    assert moved[0].priority == 10
    # the same page moving to its other form is followed: /a → /a/, ?page=1 → plain
    slashless = Fetch(BASE + queued[1], "page", 10, "sitemap")
    assert urls(p.redirect(slashless, "/2025/01/22/banjir-surut-di-tiga-kecamatan/")) == [
        ("2025/01/22/banjir-surut-di-tiga-kecamatan/", "page")
    ]


def test_redirects_off_the_portal_or_in_a_loop_stop() -> None:
    p, stats = plan()
    fetch = Fetch(BASE + "tautan/pengaduan", "page", 0, "link")
    assert p.redirect(fetch, "https://lapor.go.id/") == []
    assert p.redirect(replace(fetch, redirects=5), "/tautan/lapor") == []
    assert stats == Stats({"links/offsite_redirect": 1, "links/too_many_redirects": 1})


def test_a_meta_refresh_is_followed_like_a_redirect() -> None:
    p, _ = plan()
    html = '<html><head><meta http-equiv="refresh" content="0; url=/id/beranda"></head></html>'
    fetch = Fetch(BASE, "page", 5, "start", entry=True)
    result = p.page(fetch, BASE, html, Selector(text=html), fetched_at=NOW)
    assert urls(result.fetches) == [("id/beranda", "page")]
    assert result.fetches[0].entry
