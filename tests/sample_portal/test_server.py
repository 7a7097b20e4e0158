"""The pemkot portal over HTTP: determinism, listings, sitemaps, robots.txt and the faults."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC
from urllib.parse import quote

import parsel
import pytest

from sample_portal import SamplePortalServer, corpus, faults, running_portal, serve_in_thread
from sample_portal import pemkot_layout as L
from tests.sample_portal import fetch

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def portal() -> Iterator[SamplePortalServer]:
    with running_portal(articles=200) as server:
        yield server


def _path(article_id: int) -> str:
    return L.article_path(corpus.summary(1, article_id))


def test_same_page_twice_is_byte_identical(portal: SamplePortalServer) -> None:
    first = fetch(portal.base_url, _path(12))
    assert first.status == 200
    assert fetch(portal.base_url, _path(12)).body == first.body


def test_an_article_does_not_depend_on_the_number_of_articles() -> None:
    pages = []
    for articles in (10, 1000):
        with serve_in_thread(articles=articles) as base_url:
            page = fetch(base_url, _path(5))
            assert page.status == 200
            # absolute links (canonical, og:, share buttons) name the server's own port
            body = page.body.replace(base_url.encode(), b"BASE/")
            pages.append(body.replace(quote(base_url, safe="").encode(), b"BASE%2F"))
    assert pages[0] == pages[1]


def test_listing_pagination_covers_every_article_newest_first(portal: SamplePortalServer) -> None:
    ids: list[int] = []
    path: str | None = "/berita"
    pages = 0
    while path:
        page = parsel.Selector(text=fetch(portal.base_url, path).text)
        links = page.css("div.daftar-berita h2 a::attr(href)").getall()
        ids += [int(re.match(r"/berita/(\d+)/", link).group(1)) for link in links]  # type: ignore[union-attr]
        path = page.css("ul.pagination a.next::attr(href)").get()
        pages += 1
    assert pages == 20
    assert ids == list(range(200, 0, -1))


def test_listing_shows_page_numbers_and_previous_link(portal: SamplePortalServer) -> None:
    page = parsel.Selector(text=fetch(portal.base_url, "/berita/page/7").text)
    pagination = " ".join(page.css("ul.pagination ::text").getall())
    assert pagination.split() == [
        "«",
        "Sebelumnya",
        "1",
        "…",
        "5",
        "6",
        "7",
        "8",
        "9",
        "…",
        "20",
        "Selanjutnya",
        "»",
    ]
    assert fetch(portal.base_url, "/berita/page/21").status == 404
    assert fetch(portal.base_url, "/berita/page/1").headers["location"] == "/berita"


def _locs(document: bytes, tag: str) -> list[str]:
    return [e.text or "" for e in ET.fromstring(document).iter(f"{SM}{tag}")]


def test_sitemap_lists_exactly_the_articles(portal: SamplePortalServer) -> None:
    locs = _locs(fetch(portal.base_url, "/sitemap.xml").body, "loc")
    articles = [u for u in locs if "/berita/" in u]
    assert sorted(articles) == sorted(portal.base_url + _path(i)[1:] for i in range(1, 201))


def test_large_sitemap_is_an_index_of_1000_url_children() -> None:
    with serve_in_thread(articles=2500) as base_url:
        children = _locs(fetch(base_url, "/sitemap.xml").body, "loc")
        assert len(children) == 4  # halaman + 3 berita chunks
        urls: list[str] = []
        for child in children:
            locs = _locs(fetch(base_url, child.removeprefix(base_url[:-1])).body, "loc")
            assert len(locs) <= 1000
            urls += [u for u in locs if "/berita/" in u]
    assert len(urls) == len(set(urls)) == 2500


def test_robots_txt(portal: SamplePortalServer) -> None:
    robots = fetch(portal.base_url, "/robots.txt")
    assert robots.headers["content-type"].startswith("text/plain")
    assert robots.text == (
        "User-agent: *\nDisallow: /admin/\nDisallow: /cari\n\n"
        f"User-agent: GPTBot\nDisallow: /\n\nSitemap: {portal.base_url}sitemap.xml\n"
    )


def test_fail_once_article_answers_500_then_200(portal: SamplePortalServer) -> None:
    assert faults.fails_once(147)
    assert fetch(portal.base_url, _path(147)).status == 500
    second = fetch(portal.base_url, _path(147))
    assert second.status == 200
    assert corpus.summary(1, 147).title in second.text


def test_deleted_article_is_linked_and_answers_404(portal: SamplePortalServer) -> None:
    deleted = f"/berita/{faults.DELETED_ARTICLE_ID}/{faults.DELETED_SLUG}"
    assert f'href="{deleted}"' in fetch(portal.base_url, "/berita").text
    assert fetch(portal.base_url, deleted).status == 404
    assert fetch(portal.base_url, "/berita/201/anything").status == 404


def test_windows_1252_article(portal: SamplePortalServer) -> None:
    page = fetch(portal.base_url, _path(57))
    assert page.headers["content-type"] == "text/html; charset=windows-1252"
    assert b"\x93" in page.body  # “ in cp1252
    assert b"\x94" in page.body  # ”
    text = page.body.decode("cp1252")
    assert "\u201c" in text
    assert corpus.article(1, 57).paragraphs[1] in text
    with pytest.raises(UnicodeDecodeError):
        page.body.decode("utf-8")


def test_malformed_article_still_has_its_whole_body(portal: SamplePortalServer) -> None:
    html = fetch(portal.base_url, _path(23)).text
    body = html[html.index('<div class="isi-berita">') : html.index('<div class="tag-berita">')]
    assert "</p>" not in body
    a = corpus.article(1, 23)
    extra_lines = (a.credit is not None) + (a.baca_juga is not None)
    assert body.count("<p>") == len(a.paragraphs) + extra_lines
    for paragraph in corpus.article(1, 23).paragraphs:
        assert paragraph in body


@pytest.mark.parametrize(
    ("path", "content_type", "start"),
    [
        ("/dokumen/rpjmd-2025-2029.pdf", "application/pdf", b"%PDF-1.4"),
        ("/uploads/berita/2025/01/penghargaan-ombudsman-2025.jpg", "image/jpeg", b"\xff\xd8"),
        ("/rss.xml", "application/rss+xml; charset=utf-8", b"<?xml"),
        ("/sitemap.xml", "application/xml; charset=utf-8", b"<?xml"),
        ("/profil", "text/html; charset=utf-8", b"<!DOCTYPE html>"),
        ("/kontak", "text/html; charset=utf-8", b"<!DOCTYPE html>"),
        ("/galeri", "text/html; charset=utf-8", b"<!DOCTYPE html>"),
        ("/__stats", "application/json; charset=utf-8", b"{"),
    ],
)
def test_non_article_content_types(
    portal: SamplePortalServer, path: str, content_type: str, start: bytes
) -> None:
    page = fetch(portal.base_url, path)
    assert (page.status, page.headers["content-type"]) == (200, content_type)
    assert page.body.startswith(start)


def test_announcement_has_no_date_line(portal: SamplePortalServer) -> None:
    page = fetch(portal.base_url, "/pengumuman/pemadaman-air-bersih-wilayah-cipondoh")
    assert page.status == 200
    main = parsel.Selector(text=page.text).css("main")
    assert (
        main.css("h1::text").get()
        == "Pemberitahuan Gangguan Distribusi Air Bersih Wilayah Cipondoh"
    )
    assert not main.css(".meta-berita, .tanggal")


def test_rss_has_the_20_newest(portal: SamplePortalServer) -> None:
    links = [e.text for e in ET.fromstring(fetch(portal.base_url, "/rss.xml").body).iter("link")]
    assert links[1:] == [portal.base_url + _path(i)[1:] for i in range(200, 180, -1)]


def test_url_variants_of_one_article(portal: SamplePortalServer) -> None:
    canonical = fetch(portal.base_url, _path(9))
    link = parsel.Selector(text=canonical.text).css("link[rel=canonical]::attr(href)").get()
    assert link == portal.base_url + _path(9)[1:]
    for variant in (_path(9) + "/", _path(9) + "?utm_source=whatsapp&utm_medium=share"):
        assert fetch(portal.base_url, variant).body == canonical.body
    assert fetch(portal.base_url, "/berita/9/judul-lama").headers["location"] == _path(9)
    old = fetch(portal.base_url, "/index.php?page=berita&id=9")
    assert (old.status, old.headers["location"]) == (301, _path(9))


def test_complaint_link_redirects_off_the_portal(portal: SamplePortalServer) -> None:
    page = fetch(portal.base_url, "/tautan/pengaduan")
    assert (page.status, page.headers["location"]) == (302, "https://lapor.go.id/")


def test_hits_are_counted_per_path() -> None:
    with running_portal(articles=20) as server:
        page = fetch(server.base_url, "/berita")
        assert 'href="/admin/login"' in page.text
        assert server.portal.disallowed_hits() == 0
        fetch(server.base_url, "/admin/login")
        fetch(server.base_url, "/berita?utm_source=x")
        stats = json.loads(fetch(server.base_url, "/__stats").body)
    assert server.hits["/berita"] == 2
    assert server.hits["/admin/login"] == 1
    assert stats["disallowed"] == 1
    assert stats["hits"] == {"/admin/login": 1, "/berita": 2}


def test_article_99999_of_100000_is_generated_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[tuple[int, int]] = []
    real = corpus.article

    def spy(seed: int, article_id: int) -> corpus.Article:
        built.append((seed, article_id))
        return real(seed, article_id)

    monkeypatch.setattr(corpus, "article", spy)
    corpus.summary.cache_clear()
    with serve_in_thread(articles=100_000) as base_url:
        page = fetch(base_url, _path(99_999))
    assert page.status == 200
    assert corpus.summary(1, 99_999).title in page.text
    assert built == [(1, 99_999)]
    assert corpus.summary.cache_info().currsize < 20  # the others were never summarized


def test_article_pages_carry_validators_and_answer_304_when_unchanged(
    portal: SamplePortalServer,
) -> None:
    page = fetch(portal.base_url, _path(12))
    etag, last_modified = page.headers["etag"], page.headers["last-modified"]
    assert re.fullmatch(r'"[0-9a-f]{20}"', etag)
    summary = corpus.summary(1, 12)
    assert last_modified == summary.modified.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    same = fetch(portal.base_url, _path(12), {"If-None-Match": etag})
    assert (same.status, same.body, same.headers["etag"]) == (304, b"", etag)
    stale = fetch(
        portal.base_url, _path(12), {"If-None-Match": '"0000"', "If-Modified-Since": last_modified}
    )
    assert stale.status == 200  # If-None-Match decides when both are sent
    assert fetch(portal.base_url, _path(12), {"If-Modified-Since": last_modified}).status == 304
    earlier = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert fetch(portal.base_url, _path(12), {"If-Modified-Since": earlier}).status == 200
    assert "etag" not in fetch(portal.base_url, "/berita").headers  # listings change all the time
