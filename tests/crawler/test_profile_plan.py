"""What a profile crawl asks for, on the sample portal's own listing and sitemap pages: all of
it the first time; only the new, the recent and the changed once the archive holds the portal."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta

from parsel import Selector

from crawler.fetch import Fetch
from crawler.profile_plan import ARTICLE_PRIORITY, REVISIT_PRIORITY, ProfilePlan
from crawler.profiles import load_profile
from sample_portal.app import Portal
from sample_portal.faults import DELETED_ARTICLE_ID
from sample_portal.pemkot_layout import article_path
from storage.crawl_memory import Revisit

BASE = "http://127.0.0.1:8321/"
PORTAL = Portal(theme="pemkot", articles=60, seed=1, base_url=BASE)
PROFILE = load_profile("sample_pemkot").with_base_url(BASE)
SEEN = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
ARTICLE = re.compile(r"/berita/(\d+)/")


def page(path: str) -> Selector:
    return Selector(text=PORTAL.handle(path).body.decode("utf-8"))


def article_url(article_id: int) -> str:
    """The URL the portal links for an article (read from its sitemap)."""
    for loc in re.findall(r"<loc>([^<]+)</loc>", PORTAL.handle("/sitemap.xml").body.decode()):
        if f"/berita/{article_id}/" in loc:
            return str(loc)
    raise AssertionError(f"article {article_id} is not in the sitemap")


def plan(known_ids: range | list[int] = (), revisits: tuple[Revisit, ...] = ()) -> ProfilePlan:
    counted: Counter[str] = Counter()
    made = ProfilePlan(
        PROFILE,
        known={article_url(i): SEEN for i in known_ids},
        revisits=revisits,
        quiet_pages=3,
        count=lambda key, n: counted.update({key: n}),
    )
    made.counted = counted  # type: ignore[attr-defined]
    return made


def ids(fetches: list[Fetch]) -> set[int]:
    """Article ids asked for, but the dead link listing page 1 carries (never stored, so
    always unknown: a portal's broken link costs one request a run)."""
    found = {
        int(m.group(1)) for f in fetches if f.kind == "article" and (m := ARTICLE.search(f.url))
    }
    return found - {DELETED_ARTICLE_ID}


def listings(fetches: list[Fetch]) -> list[Fetch]:
    return [f for f in fetches if f.kind == "listing"]


def test_a_first_crawl_fetches_every_article_and_follows_every_listing() -> None:
    first = plan()
    [root] = [fetch for fetch in first.start() if fetch.kind == "listing"]
    assert root.url == BASE + "berita"
    assert root.backfill
    fetches = first.listing(root, page("/berita"))
    # page 1 lists 60..51; the "Berita Terpopuler" sidebar names older ones
    assert set(range(51, 61)) <= ids(fetches)
    assert {f.url for f in listings(fetches)} >= {BASE + "berita/page/2", BASE + "berita/page/6"}
    assert all(f.quiet == 0 for f in listings(fetches))
    assert not first.incremental


def test_a_page_of_known_articles_is_quiet_and_the_third_in_a_row_ends_the_walk() -> None:
    known = plan(range(1, 61))
    second = Fetch(BASE + "berita/page/2", "listing", 0, "listing")
    fetches = known.listing(second, page("/berita/page/2"))
    assert ids(fetches) == set()
    # only "next": the pagination's other pages, the last one above all, hold older articles
    assert [(f.url, f.quiet) for f in listings(fetches)] == [(BASE + "berita/page/3", 1)]
    third = Fetch(BASE + "berita/page/3", "listing", 0, "listing", quiet=2)
    assert known.listing(third, page("/berita/page/3")) == []
    assert known.counted["incremental/listings_stopped"] == 1  # type: ignore[attr-defined]


def test_new_articles_named_again_by_a_sidebar_do_not_keep_the_walk_going() -> None:
    """One edition later the new articles fill the first listing pages, and the "Berita
    Terpopuler" sidebar of every page repeats some of them (the newest gain views fastest):
    a later page is still quiet."""
    before = Portal(theme="pemkot", articles=1000, seed=1, base_url=BASE)
    later = Portal(theme="pemkot", articles=1000, seed=1, base_url=BASE, edition=2)
    ed = before.edition
    known = {BASE.rstrip("/") + article_path(ed.summary(i)): SEEN for i in ed.live_ids()}
    incremental = ProfilePlan(PROFILE, known=known, quiet_pages=3, count=lambda key, n: None)
    asked: set[int] = set()
    for n in range(1, 8):
        path = "/berita" if n == 1 else f"/berita/page/{n}"
        html = Selector(text=later.handle(path).body.decode())
        fetches = incremental.listing(Fetch(BASE + path[1:], "listing", 0, "listing"), html)
        asked |= ids(fetches)
        assert {f.quiet for f in listings(fetches)} == ({0} if n < 7 else {1}), n
    assert asked == set(later.edition.new_ids) - {DELETED_ARTICLE_ID} - set(ed.live_ids())
    tenth = Selector(text=later.handle("/berita/page/10").body.decode())
    named = {int(n) for n in ARTICLE.findall(" ".join(tenth.css("a::attr(href)").getall()))}
    assert named & asked, "the sidebar of page 10 names new articles"
    fetches = incremental.listing(Fetch(BASE + "berita/page/10", "listing", 0, "listing"), tenth)
    assert ids(fetches) == set()
    assert {f.quiet for f in listings(fetches)} == {1}


def test_the_sitemap_brings_the_unknown_and_what_changed_since_last_seen() -> None:
    body = PORTAL.handle("/sitemap.xml").body
    lastmods = {
        int(i): datetime.fromisoformat(when.decode())
        for i, when in re.findall(rb"/berita/(\d+)/[^<]*</loc><lastmod>([^<]+)<", body)
    }
    assert len(lastmods) == 60
    known = {article_url(i): SEEN for i in range(1, 56)}  # seen after every lastmod
    known[article_url(40)] = lastmods[40] - timedelta(hours=1)  # seen before its last change
    later = ProfilePlan(PROFILE, known=known, quiet_pages=3, count=lambda key, n: None)
    fetches = later.sitemap(BASE + "sitemap.xml", body)
    assert ids(fetches) == set(range(56, 61)) | {40}


def test_revisits_come_first_and_are_not_fetched_again_from_a_listing() -> None:
    recent = (
        Revisit(article_url(60), '"v60"', "Tue, 04 Nov 2025 02:00:00 GMT"),
        Revisit(article_url(59), None, None),
    )
    incremental = plan(range(1, 61), revisits=recent)
    started = incremental.start()
    revisits = [f for f in started if f.source == "revisit"]
    assert [(f.url, f.etag, f.last_modified) for f in revisits] == [
        (article_url(60), '"v60"', "Tue, 04 Nov 2025 02:00:00 GMT"),
        (article_url(59), None, None),
    ]
    assert {f.priority for f in revisits} == {REVISIT_PRIORITY}
    assert REVISIT_PRIORITY < ARTICLE_PRIORITY
    assert {f.kind for f in started} == {"listing", "sitemap", "feed", "article"}
    fetches = incremental.listing(Fetch(BASE + "berita", "listing", 0, "start"), page("/berita"))
    assert ids(fetches) == set()
