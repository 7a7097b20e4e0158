"""Telling articles from listings, tag pages, galleries and static pages on portals with no profile.

Each page below is a small, hand-written version of what Indonesian portals serve; each
expected kind is what a reader would call the page. Pages with no readable date are in
test_page_kind_undated.py.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from parsel import Selector

from crawler.generic.page_kind import (
    Declared,
    PageKind,
    classify,
    declared_kind,
    page_signals,
)
from tests.crawler.kind_pages import (
    BASE,
    BODY,
    SHORT_BODY,
    headlines,
    kind_of,
    page,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "sites"

ARTICLE = page(
    f"""<article><h1>Pemkot Gelar Pasar Murah di 13 Kecamatan</h1>
<div class="meta"><span class="tanggal">Senin, 6 Januari 2025 09:00 WIB</span></div>
<div class="isi">{BODY}</div><div class="tag"><a href="/tag/pasar">pasar</a></div></article>
<section class="berita-terkait"><h3>Berita Terkait</h3>{headlines(6, flat=False)}</section>"""
)


@pytest.mark.parametrize(
    ("html", "path", "expected"),
    [
        pytest.param(ARTICLE, "/berita/5/pemkot-gelar-pasar-murah", PageKind.ARTICLE, id="article"),
        pytest.param(
            ARTICLE.replace("Senin, 6 Januari 2025 09:00 WIB", "Humas Pemkot Uji"),
            "/berita/5/pemkot-gelar-pasar-murah",
            PageKind.OTHER,
            id="article-text-without-a-date",
        ),
        # An old spelling generic discovery reads with the extractor's vocabulary: undated,
        # this page would be no article (the case above).
        pytest.param(
            ARTICLE.replace(
                "Senin, 6 Januari 2025 09:00 WIB", "Jum'at, 13 Pebruari 2015 09:00 WIB"
            ),
            "/berita/5/pemkot-gelar-pasar-murah",
            PageKind.ARTICLE,
            id="article-dated-in-an-old-spelling",
        ),
        pytest.param(
            ARTICLE.replace(BODY, SHORT_BODY),
            "/berita/5/pemkot-gelar-pasar-murah",
            PageKind.OTHER,
            id="dated-notice-too-short",
        ),
        pytest.param(
            page(f"<h1>Berita Terpopuler</h1>{headlines(8, flat=True)}"),
            "/terpopuler",
            PageKind.LISTING,
            id="flat-listing-many-headlines-at-an-unknown-url",
        ),
        pytest.param(
            page(f"<h1>Berita</h1>{headlines(5, flat=True)}"),
            "/berita?page=2",
            PageKind.LISTING,
            id="numbered-listing-page",
        ),
        pytest.param(
            page(f"<h1>Tag: pasar</h1>{headlines(2, flat=True)}"),
            "/tag/pasar",
            PageKind.LISTING,
            id="tag-page",
        ),
        pytest.param(
            page(f'<div class="halaman"><h1>Profil Kota</h1>{BODY}</div>'),
            "/profil",
            PageKind.OTHER,
            id="static-page-long-text-no-date",
        ),
        pytest.param(
            page(
                '<h1>Sejarah Kota</h1><p class="tgl">Diperbarui: 2 Januari 2025</p>'
                f'<div class="isi">{BODY}</div>'
            ),
            "/profil/sejarah-kota-uji-dari-masa-ke-masa",
            PageKind.OTHER,
            id="dated-long-page-under-a-static-section",
        ),
        pytest.param(
            page(
                '<h1>Festival Budaya</h1><p>Minggu, 5 Januari 2025</p><figure><img src="/a.jpg">'
                "<figcaption>Perahu hias di sungai kota.</figcaption></figure>"
            ),
            "/galeri/festival-budaya-kota-uji-2025",
            PageKind.OTHER,
            id="gallery-item",
        ),
    ],
)
def test_page_kind(html: str, path: str, expected: PageKind) -> None:
    assert kind_of(html, path) is expected


def test_json_ld_article_type_lowers_the_text_needed_and_stands_for_a_date() -> None:
    short = ARTICLE.replace(BODY, BODY[:250] + "</p>").replace(
        "Senin, 6 Januari 2025 09:00 WIB", "Humas"
    )
    path = "/berita/5/pemkot-gelar-pasar-murah"
    assert kind_of(short, path) is PageKind.OTHER
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x"}</script>'
    assert kind_of(short.replace("</head>", ld + "</head>"), path) is PageKind.ARTICLE


def test_a_post_the_portals_api_listed_needs_less_text_when_dated_all_of_it_when_not() -> None:
    short = ARTICLE.replace(BODY, BODY[:250] + "</p>")
    path = "/berita/5/pemkot-gelar-pasar-murah"
    assert kind_of(short, path) is PageKind.OTHER
    assert kind_of(short, path, listed=True) is PageKind.ARTICLE
    undated = short.replace("Senin, 6 Januari 2025 09:00 WIB", "Humas")
    assert kind_of(undated, path, listed=True) is PageKind.OTHER
    # undated, with the full text and a headline: the feed's word stands for the date
    full = ARTICLE.replace("Senin, 6 Januari 2025 09:00 WIB", "Humas")
    assert kind_of(full, path) is PageKind.OTHER
    assert kind_of(full, path, listed=True) is PageKind.ARTICLE


def test_collection_page_declared_in_json_ld_is_a_listing_whatever_its_text() -> None:
    ld = '<script type="application/ld+json">{"@graph": [{"@type": "CollectionPage"}]}</script>'
    html = ARTICLE.replace("</head>", ld + "</head>")
    assert declared_kind(Selector(text=html)) is Declared.LISTING
    assert kind_of(html, "/berita/5/pemkot-gelar-pasar-murah") is PageKind.LISTING


def test_broken_json_ld_declares_nothing() -> None:
    html = page("", head='<script type="application/ld+json">{"@type": "NewsArt</script>')
    assert declared_kind(Selector(text=html)) is Declared.NOTHING


def test_body_of_br_separated_lines_counts_as_running_text() -> None:
    lines = BODY.replace("<p>", "").replace("</p>", "<br><br>")
    html = ARTICLE.replace(f'<div class="isi">{BODY}</div>', f'<div class="isi">{lines}</div>')
    assert kind_of(html, "/berita/5/pemkot-gelar-pasar-murah") is PageKind.ARTICLE


def test_malformed_paragraphs_still_count() -> None:
    broken = BODY.replace("</p>", "") + "</span>"
    html = ARTICLE.replace(BODY, broken)
    assert kind_of(html, "/berita/5/pemkot-gelar-pasar-murah") is PageKind.ARTICLE


def test_signals_leave_out_menus_sidebars_related_lists_and_link_text() -> None:
    url = BASE + "/berita/5/pemkot-gelar-pasar-murah"
    signals = page_signals(Selector(text=ARTICLE, base_url=url), url)
    # The sidebar's two and the related section's six headlines are the portal's, not the page's.
    assert signals.teasers == 0
    assert 400 <= signals.text_chars <= len(BODY)
    assert signals.dated
    listing = page(f"<h1>Berita</h1>{headlines(5, flat=True)}")
    flat = page_signals(Selector(text=listing, base_url=BASE + "/x"), BASE + "/x")
    assert flat.teasers == 5
    # Excerpts right under a linked headline are not running text; the date lines are short.
    assert flat.text_chars < 400


@pytest.mark.parametrize(
    "case", sorted(FIXTURES.glob("*/article-*")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_every_fixture_article_of_the_sample_themes_is_an_article(case: Path) -> None:
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    html = gzip.decompress((case / "page.html.gz").read_bytes()).decode(meta["encoding"])
    signals = page_signals(Selector(text=html, base_url=meta["url"]), meta["url"])
    assert classify(signals) is PageKind.ARTICLE


def test_broken_or_absurdly_deep_json_ld_declares_nothing() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    page = Selector(
        text=f'<html><head><script type="application/ld+json">{deep}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle",</script></head></html>'
    )
    assert declared_kind(page) is Declared.NOTHING
