"""The draft's parts on their own: URL patterns, TOML strings, candidate selectors."""

from __future__ import annotations

import tomllib

import pytest
from parsel import Selector

from crawler.profile_draft.candidates import complexity, selectors_for
from crawler.profile_draft.patterns import start_paths, url_patterns
from crawler.profile_draft.search import in_sidebar
from crawler.profile_draft.writing import toml_string


@pytest.mark.parametrize(
    ("urls", "slugs", "expected"),
    [
        (
            [
                "https://kota.go.id/berita/12/pemkot-raih-opini",
                "https://kota.go.id/berita/7/banjir",
            ],
            True,
            [r"^/berita/\d+/[a-z0-9-]+/?$"],
        ),
        (
            [
                "https://k.id/2025/01/22/pasar-murah-digelar/",
                "https://k.id/2024/12/03/jalan-rusak/",
            ],
            True,
            [r"^/\d{4}/\d{2}/\d{2}/[a-z0-9-]+/$"],
        ),
        (
            ["https://kota.go.id/berita", "https://kota.go.id/berita/page/2"],
            False,
            [r"^/berita/?$", r"^/berita/page/\d+/?$"],
        ),
        (["https://kota.go.id/"], False, ["^/$"]),
    ],
)
def test_url_patterns_generalize_numbers_and_slugs(
    urls: list[str], slugs: bool, expected: list[str]
) -> None:
    assert url_patterns(urls, slugs=slugs) == expected


def test_start_paths_are_first_pages() -> None:
    urls = ["https://k.id/berita/page/2", "https://k.id/berita", "https://k.id/berita"]
    assert start_paths(urls) == ["/berita"]
    assert start_paths(["https://k.id/berita/page/2"]) == ["/berita/page/2"]


@pytest.mark.parametrize(
    "value", ["^/berita/\\d+$", "meta[property='og:image']::attr(content)", 'a "b" \\ c', "x\ty"]
)
def test_toml_strings_read_back_as_written(value: str) -> None:
    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


def test_candidates_prefer_classes_and_skip_numbered_ones() -> None:
    page = Selector(
        text='<main id="konten"><article class="post post-123 active">'
        '<h1 class="judul">Judul</h1></article></main>'
    )
    h1 = page.css("h1")[0].root
    found = selectors_for(h1)
    assert found[0] == "h1.judul"
    assert "article.post h1.judul" in found
    assert "#konten h1.judul" in found
    assert not any("post-123" in s or "active" in s for s in found)
    assert complexity("h1") > complexity("h1.judul")
    assert complexity("div > p") > complexity("div.isi > p")


def test_sidebar_nodes_are_recognised() -> None:
    page = Selector(
        text='<div class="widget-populer"><span class="tanggal">1 Jan</span></div>'
        '<aside><b>x</b></aside><article><span class="tanggal">2 Jan</span></article>'
    )
    first, second = page.css("span.tanggal")
    assert in_sidebar(first.root)
    assert not in_sidebar(second.root)
    assert in_sidebar(page.css("b")[0].root)
    elementor = Selector(text='<div class="elementor-widget-theme-post-content"><p>x</p></div>')
    assert not in_sidebar(elementor.css("p")[0].root)
