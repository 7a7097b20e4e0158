"""Class rules for pages nobody here has seen (issue 12): machine dates that lie about their
offset, generic ``<title>``s, tags that are the article's own, counts after an icon. Each rule
is checked on small pages of its own and explained where ``--explain`` says why.
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.extraction import decode_html, explain_article, extract_article

GENERIC = Path(__file__).parents[1] / "fixtures" / "generic"
URL = "https://www.contohkab.go.id/berita/12/judul"
FETCHED = datetime.fromisoformat("2025-04-09T03:00:00+00:00")
BODY = "<p>" + "Pemerintah kabupaten menyalurkan bantuan kepada warga desa. " * 12 + "</p>"


def page(head: str, article: str, extra: str = "") -> str:
    return (
        f"<html lang='id'><head>{head}</head><body><nav><a href='/'>Beranda</a>"
        f"<a href='/berita'>Berita</a></nav>{extra}<div class='konten'>{article}"
        f"<div class='isi-berita'>{BODY}</div></div><footer>Hak cipta 2025</footer></body></html>"
    )


def explained(case: str) -> dict[str, list[dict[str, Any]]]:
    folder = GENERIC / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    html = gzip.decompress((folder / "page.html.gz").read_bytes()).decode(meta["encoding"])
    fetched_at = datetime.fromisoformat(meta["fetched_at"])
    return explain_article(html, meta["url"], fetched_at=fetched_at)


HEADLINE = "<h1>Bupati Salurkan Bantuan Bibit Kopi untuk Petani</h1>"


@pytest.mark.parametrize(
    ("declared", "visible", "expected"),
    [
        # A wrong sign: the same clock with another offset.
        (
            "2025-04-08T09:30:00-07:00",
            "Selasa, 8 April 2025 | 09:30 WIB",
            "2025-04-08T09:30:00+07:00",
        ),
        # The UTC clock labelled as local.
        (
            "2025-04-08T02:30:00+07:00",
            "Selasa, 8 April 2025 09:30 WIB",
            "2025-04-08T09:30:00+07:00",
        ),
        # A WITA page whose metadata says +07:00.
        (
            "2025-04-08T09:30:00+07:00",
            "Selasa, 8 April 2025 09:30 WITA",
            "2025-04-08T09:30:00+08:00",
        ),
        # A malformed value: its day is read, the visible (zone-less, so WIB) time kept.
        ("2025-04-08T09-30-00Z", "08 Apr 2025 | 09:30", "2025-04-08T09:30:00+07:00"),
        # A day-only value keeps the visible time.
        ("2025-04-08", "8 April 2025, 14:45", "2025-04-08T14:45:00+07:00"),
    ],
)
def test_the_visible_clock_corrects_a_lying_machine_date(
    declared: str, visible: str, expected: str
) -> None:
    head = f"<meta property='article:published_time' content='{declared}'>"
    html = page(head, f"{HEADLINE}<div class='tanggal'>{visible}</div>")
    article = extract_article(html, URL, fetched_at=FETCHED)
    assert article.published_at is not None
    assert article.published_at.isoformat() == expected


def test_an_agreeing_machine_date_keeps_its_seconds() -> None:
    head = "<meta property='article:published_time' content='2025-04-08T09:30:41+07:00'>"
    html = page(head, f"{HEADLINE}<div class='tanggal'>Selasa, 8 April 2025 09:30 WIB</div>")
    article = extract_article(html, URL, fetched_at=FETCHED)
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2025-04-08T09:30:41+07:00"


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("article-2025-04-08-wordpress-wrong-sign-offset-bibit-kopi", "the offset is wrong"),
        ("article-2025-07-02-blogger-utc-labelled-local-posyandu", "UTC clock labelled"),
        ("article-2025-05-12-joomla-k2-malformed-date-paripurna", "time of day from visible"),
    ],
)
def test_explain_says_why_the_visible_clock_won(case: str, words: str) -> None:
    winner = explained(case)["published_at"][0]
    assert words in winner["note"]


def test_a_generic_title_gives_way_to_the_dated_heading_by_the_body() -> None:
    box = (
        "<div class='pengumuman'><h2>Pengumuman Seleksi Tenaga Kontrak 2025</h2>"
        "<p>14 Maret 2025</p></div>"
    )
    article_html = (
        "<h3 class='judul'>Bupati Tinjau Perbaikan Dermaga Nelayan</h3>"
        "<div class='tanggal'>Kamis, 20 Maret 2025 - 13:40 WIB</div>"
    )
    html = page("<title>Berita - Pemerintah Kabupaten Contoh</title>", box + article_html)
    explanation = explain_article(html, URL, fetched_at=FETCHED)
    winner = explanation["title"][0]
    assert winner["value"] == "Bupati Tinjau Perbaikan Dermaga Nelayan"
    assert winner["source"] == "dated heading"


def test_a_title_split_beside_its_heading_loses_the_site_name() -> None:
    head = "<title>Bupati Salurkan Bantuan Bibit Kopi untuk Petani » Portal Berita Contoh</title>"
    html = page(head, HEADLINE)
    assert extract_article(html, URL).title == "Bupati Salurkan Bantuan Bibit Kopi untuk Petani"


KEYWORDS = "<meta name='keywords' content='berita harian, berita terkini, kopi'>"


@pytest.mark.parametrize(
    ("markup", "tags"),
    [
        ("", []),  # keywords meta alone are not tags
        (
            "<div class='tag'>Tag : <a href='tag-kopi.html'>kopi</a>, "
            "<a href='tag-tani.html'>tani</a></div>",
            ["kopi", "tani"],
        ),
        ("<div class='tagcloud'><a href='/tag/kopi/' rel='tag'>kopi</a></div>", ["kopi"]),
        ("<a href='/category/ekonomi/' rel='category tag'>Ekonomi</a>", []),
    ],
)
def test_tags_are_the_article_own_list(markup: str, tags: list[str]) -> None:
    html = page(KEYWORDS, HEADLINE + markup)
    assert list(extract_article(html, URL).tags) == tags


def test_a_trending_bar_and_a_sidebar_cloud_are_not_tags() -> None:
    extra = (
        "<div class='trending'><a href='/tag/pilkada/' rel='tag'>#Pilkada</a></div>"
        "<aside><div class='widget_tag_cloud'><a href='/tag/banjir/'>banjir</a></div></aside>"
    )
    assert list(extract_article(page(KEYWORDS, HEADLINE, extra), URL).tags) == []


@pytest.mark.parametrize("icon", ["fa fa-eye", "fa fa-fire", "td-icon-views"])
def test_a_bare_number_after_an_eye_or_fire_icon_is_the_count(icon: str) -> None:
    line = f"<div class='meta'>20 Maret 2025 <span><i class='{icon}'></i> 1.204</span></div>"
    popular = "<aside><h3>Populer</h3><span><i class='fa fa-eye'></i> 9.999</span></aside>"
    article = extract_article(page("", HEADLINE + line, popular), URL)
    assert article.view_count == 1204


def test_a_strip_of_other_articles_times_above_the_article_is_not_its_date() -> None:
    strip = (
        "<div class='strip-berita'><span>Terkini</span><ul>"
        "<li><time datetime='2025-11-07T08:12:00+07:00'>08:12</time> <a href='/a'>DPRD</a></li>"
        "<li><time datetime='2025-11-07T07:40:00+07:00'>07:40</time> <a href='/b'>Tim</a></li>"
        "</ul></div>"
    )
    article_html = f"{HEADLINE}<div class='tanggal'>Kamis, 6 November 2025</div>"
    fetched_at = datetime.fromisoformat("2025-11-07T03:00:00+00:00")
    article = extract_article(page("", article_html, strip), URL, fetched_at=fetched_at)
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2025-11-06"


def test_valid_utf8_under_a_stale_legacy_meta_charset_is_read_as_utf8() -> None:
    """A page saved or served as UTF-8 that still says iso-8859-1 (Fundus' WinFuture page)."""
    body = '<meta charset="iso-8859-1"><h1>Jetzt für nur 5,99 €</h1>'.encode()
    assert "für nur 5,99 €" in decode_html(body)
    legacy = '<meta charset="windows-1252"><p>“Halo”</p>'.encode("cp1252")
    assert "“Halo”" in decode_html(legacy)


def test_a_zone_less_time_on_indonesian_prose_is_wib_with_no_language_marker() -> None:
    """``04 Mar 2019 | 09:30`` on a .com portal with no lang: its Indonesian text decides."""
    prose = (
        "<p>"
        + "Pemerintah menyalurkan bantuan kepada warga yang terdampak banjir di desa itu. " * 8
    )
    html = (
        "<html><head><title>Bupati Salurkan Bantuan Banjir ke Warga - Kabar Kita</title></head>"
        f"<body>{HEADLINE}<div class='tgl'>04 Mar 2019 | 09:30</div>"
        f"<div class='entry-content'>{prose}</p></div></body></html>"
    )
    article = extract_article(html, "https://kabarkita.com/2019/03/04/bupati-salurkan")
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2019-03-04T09:30:00+07:00"


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        # A kicker in an element of its own is not part of the headline.
        (
            "<h1><span class='kicker'>Kultur</span> : "
            "Ehrengast der Frankfurter Buchmesse 2025</h1>",
            "Ehrengast der Frankfurter Buchmesse 2025",
        ),
        # A kicker in the headline's own words stays (republika's "In Picture:").
        (
            "<h1>In Picture: Ehrengast der Frankfurter Buchmesse 2025</h1>",
            "In Picture: Ehrengast der Frankfurter Buchmesse 2025",
        ),
    ],
)
def test_a_kicker_before_the_declared_title(heading: str, title: str) -> None:
    head = "<meta property='og:title' content='Ehrengast der Frankfurter Buchmesse 2025'>"
    assert extract_article(page(head, heading), URL).title == title
