"""The two site profiles read the portal's own values, and only those, from its pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import parsel
import pytest

from crawler.extraction import extract_article
from crawler.profiles import load_profile_file
from sample_portal import SamplePortalServer, corpus, faults, running_portal
from sample_portal import pemkot_layout as L
from sample_portal import wordpress_layout as W
from tests.sample_portal import PROFILES, fetch


def _interesting_ids() -> list[int]:
    """Curated ones, every fault, and articles with each kind of in-body boilerplate."""
    articles = [corpus.article(1, i) for i in range(4, 201)]
    picks = {1, 2, 3, 4, 7, 23, 57, 83, 147}
    picks.add(next(a.summary.id for a in articles if a.baca_juga and a.baca_juga % 3 == 0))
    for kind in ("Editor", "Pewarta", "(adv)"):
        picks.add(next(a.summary.id for a in articles if a.credit and a.credit.startswith(kind)))
    picks.add(next(a.summary.id for a in articles if a.summary.date_style == 2))
    return sorted(picks)


IDS = _interesting_ids()


@pytest.fixture(scope="module", params=["pemkot", "wordpress"])
def portal(request: pytest.FixtureRequest) -> Iterator[SamplePortalServer]:
    with running_portal(articles=200, theme=request.param) as server:
        yield server


def _page(portal: SamplePortalServer, article_id: int) -> str:
    s = corpus.summary(1, article_id)
    path = L.article_path(s) if portal.portal.theme.name == "pemkot" else W.article_path(1, s)
    page = fetch(portal.base_url, path)
    if page.status == 500 and faults.fails_once(article_id):
        page = fetch(portal.base_url, path)  # the retry a polite crawler makes
    assert page.status == 200
    return page.text


def _expected(portal: SamplePortalServer, article_id: int) -> dict[str, object]:
    """What the portal printed for the article, from its corpus, never from Warta."""
    a = corpus.article(1, article_id)
    s = a.summary
    pemkot = portal.portal.theme.name == "pemkot"
    image_path = L.image_path(s) if pemkot else W.image_path(s)
    return {
        "title": s.title,
        "published_at": s.published,
        "offset": s.published.utcoffset(),
        "view_count": s.view_count,
        "tags": tuple(s.tags),
        "author": None if pemkot else s.author,
        "body_text": "\n\n".join(a.paragraphs),
        "image_url": portal.base_url + image_path[1:],
    }


@pytest.mark.parametrize("path", sorted(PROFILES.glob("sample_*.toml")), ids=lambda p: p.stem)
def test_profile_loads_with_the_strict_loader(path: Path) -> None:
    loaded = load_profile_file(path)
    assert loaded.site_id == path.stem
    assert loaded.timezone == "Asia/Jakarta"


@pytest.mark.parametrize("article_id", IDS)
def test_profile_extracts_exactly_the_article(portal: SamplePortalServer, article_id: int) -> None:
    site = load_profile_file(PROFILES / f"sample_{portal.portal.theme.name}.toml")
    site = site.with_base_url(portal.base_url)
    url = portal.base_url + "index.php"  # any URL of the portal; rel=canonical names the page
    got = extract_article(_page(portal, article_id), url, site)
    assert got.published_at is not None
    assert {
        "title": got.title,
        "published_at": got.published_at,
        "offset": got.published_at.utcoffset(),
        "view_count": got.view_count,
        "tags": got.tags,
        "author": got.author,
        "body_text": got.body_text,
        "image_url": got.image_url,
    } == _expected(portal, article_id)


def test_url_patterns_tell_articles_from_listings(portal: SamplePortalServer) -> None:
    loaded = load_profile_file(PROFILES / f"sample_{portal.portal.theme.name}.toml")
    s = corpus.summary(1, 2)
    if portal.portal.theme.name == "pemkot":
        articles, listings = (
            [L.article_path(s), L.article_path(s) + "/"],
            ["/berita", "/berita/page/3"],
        )
    else:
        articles, listings = [W.article_path(1, s)], ["/", "/page/3/", "/category/berita/page/2/"]
    for path in articles:
        assert loaded.is_article_url(portal.base_url + path[1:])
        assert not loaded.is_listing_url(portal.base_url + path[1:])
    for path in listings:
        assert loaded.is_listing_url(portal.base_url + path[1:])
        assert not loaded.is_article_url(portal.base_url + path[1:])
    start = fetch(portal.base_url, loaded.discovery.start_urls[0])
    assert start.status == 200
    next_links = [parsel.Selector(text=start.text).css(q).get() for q in loaded.discovery.next_page]
    assert next_links[0] in ("/berita/page/2", "/category/berita/page/2/")
