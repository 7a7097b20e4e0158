"""The date line by the headline: what makes a page look dated to the classifier, and what
does not (a date in running text, a footer, a sidebar, the top bar's "today").
"""

from __future__ import annotations

import pytest
from parsel import Selector

from crawler.extraction.date_parsing import parse_published
from crawler.extraction.date_vocabulary import MONTHS
from crawler.generic.dateline import has_dateline
from tests.crawler.kind_pages import (
    BASE,
)


@pytest.mark.parametrize(
    ("snippet", "url", "expected"),
    [
        ("<h1>Judul</h1><span>Senin, 6 Januari 2025 09:00 WIB</span>", "/a", True),
        ("<h1>Judul</h1><div><span>Kamis, 23 Jan 2025 - 14:40 wib</span></div>", "/a", True),
        ('<div><h1>Judul</h1></div><p class="meta">Posted on January 22, 2025</p>', "/a", True),
        ("<p>06/01/2025</p><h1>Judul</h1>", "/a", True),
        ('<h1>Judul</h1><div><time datetime="2025-01-22T18:26">Rabu</time></div>', "/a", True),
        ("<h1>Judul</h1><p>Oleh Humas</p>", "/2025/01/22/judul-berita/", True),
        ("<h1>Judul</h1><p>Oleh Humas</p>", "/a", False),
        # a date inside a long paragraph is news, not a date line
        (
            "<h1>Judul</h1><p>" + "Rapat digelar pada 6 Januari 2025 di aula. " * 6 + "</p>",
            "/a",
            False,
        ),
        # a menu's file name and a footer's copyright are not date lines
        ('<h1>Judul</h1></main><footer>&copy; 2025 <a href="/l-2024-01-01.pdf">L</a>', "/", False),
    ],
)
def test_has_dateline(snippet: str, url: str, expected: bool) -> None:
    assert has_dateline(Selector(text=f"<main>{snippet}</main>"), BASE + url) is expected


def test_published_metadata_is_a_dateline() -> None:
    meta = '<meta property="article:published_time" content="2025-01-22T11:26:00+00:00">'
    ld = '<script type="application/ld+json">{"datePublished": "2025-01-22"}</script>'
    for head in (meta, ld):
        assert has_dateline(Selector(text=f"<head>{head}</head><h1>x</h1>"), BASE + "/a")


@pytest.mark.parametrize(
    "html",
    [
        # the top bar's "today", the h1's parent's previous sibling
        '<header><div class="topbar">Kamis, 16 Januari 2025</div></header>'
        "<div><h1>Judul</h1><p>Diposting beberapa waktu yang lalu</p></div>",
        # a short "Terpopuler" list by the headline's column, a <time> or a printed date
        '<div class="konten"><h1>Judul</h1><p>Oleh Humas</p></div><div class="sidebar">'
        '<a href="/b/1">Lurah Dilantik</a> <time datetime="2025-01-06">6 Jan</time></div>',
        '<div class="konten"><h1>Judul</h1><p>Oleh Humas</p></div>'
        '<aside><a href="/b/1">Lurah Dilantik</a> Senin, 6 Januari 2025</aside>',
        # a block by the headline that holds a widget: the widget's dates are left out
        "<h1>Judul</h1><div><span>Oleh Humas</span>"
        '<div class="widget-populer">Senin, 6 Januari 2025</div></div>',
    ],
)
def test_portal_blocks_by_the_headline_are_not_its_date_line(html: str) -> None:
    assert not has_dateline(Selector(text=f"<body>{html}</body>"), BASE + "/a")


# Spellings portals print that generic discovery's own month list lacked until it read the
# extractor's vocabulary: old spellings (Pebruari, Nopember) and abbreviations (Mrt, Agst, Febr).
OLD_SPELLINGS = [
    "Selasa, 17 Pebruari 2015 09:00 WIB",
    "Kamis, 5 Nopember 2015 | 14:30 WIB",
    "Sabtu, 7 Mrt 2020",
    "Jum'at, 17 Agst 2018 - 10:15 WITA",
    "Rabu, 3 Febr 2021",
]


@pytest.mark.parametrize("line", OLD_SPELLINGS)
def test_old_spellings_and_abbreviations_make_a_date_line(line: str) -> None:
    page = Selector(text=f"<main><h1>Judul</h1><span>{line}</span></main>")
    assert has_dateline(page, BASE + "/a")


@pytest.mark.parametrize("spelling", sorted(MONTHS))
def test_generic_discovery_reads_every_month_the_extractor_reads(spelling: str) -> None:
    line = f"7 {spelling.title()} 2024"
    assert parse_published(line) is not None
    page = Selector(text=f"<main><h1>Judul</h1><span>{line}</span></main>")
    assert has_dateline(page, BASE + "/a")
