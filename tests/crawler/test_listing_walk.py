"""A backfill's listing walk: a page is done once the articles it named are answered; with
--since, the walk goes no deeper than a page whose articles are all older; an unfinished walk
resumes from the pages it had not done."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from parsel import Selector

from crawler.fetch import Fetch
from crawler.listing_walk import ListingWalk
from crawler.profile_plan import ProfilePlan
from crawler.profiles import load_profile
from crawler.urls import dedupe_key
from sample_portal.app import Portal
from storage.listing_progress import ListingProgress

BASE = "http://p.go.id/"
SINCE = datetime(2025, 3, 1, tzinfo=UTC)
OLD, NEW = SINCE - timedelta(days=2), SINCE + timedelta(hours=1)


def listing(n: int) -> Fetch:
    return Fetch(f"{BASE}berita/page/{n}", "listing", 0, "listing", backfill=True)


def article(name: str) -> Fetch:
    return Fetch(f"{BASE}berita/{name}", "article", 10, "listing")


def named(*names: str) -> set[str]:
    """The dedupe keys of articles a listing page names that the crawl fetches."""
    return {dedupe_key(article(name).url) for name in names}


def both(keys: set[str]) -> tuple[list[str], set[str]]:
    """Named on the page, and fetched by the crawl."""
    return sorted(keys), keys


def walk(since: datetime | None = None, walked: frozenset[str] = frozenset()) -> ListingWalk:
    counted: Counter[str] = Counter()
    made = ListingWalk(since=since, walked=walked, count=lambda k, n: counted.update({k: n}))
    made.counted = counted  # type: ignore[attr-defined]
    return made


def test_a_page_is_done_only_when_every_article_it_named_is_answered() -> None:
    w = walk()
    assert w.admit([listing(1)]) == [listing(1)]
    onward = w.parsed(listing(1).url, *both(named("1/a", "2/b")), [listing(2)])
    assert onward == [listing(2)]  # no --since: deeper pages go out at once
    progress = w.progress()
    assert progress is not None
    assert (progress.asked, progress.done) == ([listing(1).url, listing(2).url], [])
    w.answered(article("1/a").url, NEW)
    assert w.progress() is None
    w.answered(article("2/b").url + "?utm_source=x", None)  # a variant of the same article
    progress = w.progress()
    assert progress is not None
    assert (progress.done, progress.finished) == ([listing(1).url], False)  # page 2 is out
    w.failed(listing(2).url)  # a listing that failed for good has nothing more to give
    progress = w.progress()
    assert progress is not None
    assert (progress.done, progress.finished) == ([listing(2).url], True)


def test_since_holds_the_next_page_until_the_articles_answer_and_stops_when_all_are_older() -> None:
    w = walk(SINCE)
    w.admit([listing(1)])
    assert w.parsed(listing(1).url, *both(named("1/a", "2/b")), [listing(2)]) == []
    assert w.answered(article("1/a").url, OLD) == []
    # one article on the page is recent enough: the walk goes on
    assert w.answered(article("2/b").url, NEW) == [listing(2)]
    assert w.parsed(listing(2).url, *both(named("3/c", "4/d")), [listing(3)]) == []
    assert w.answered(article("3/c").url, OLD) == []
    assert w.answered(article("4/d").url, None) == []  # undated: no evidence either way
    assert w.counted["since/listings_stopped"] == 1  # type: ignore[attr-defined]
    progress = w.progress()
    assert progress is not None
    assert progress.finished
    assert listing(3).url not in progress.asked


def test_a_page_of_undated_or_failed_articles_does_not_stop_the_walk() -> None:
    w = walk(SINCE)
    w.admit([listing(1)])
    w.parsed(listing(1).url, *both(named("1/a")), [listing(2)])
    assert w.answered(article("1/a").url, None) == [listing(2)]


def test_idle_releases_pages_whose_answers_never_came() -> None:
    w = walk(SINCE)
    w.admit([listing(1)])
    w.parsed(listing(1).url, *both(named("1/a")), [listing(2)])
    assert w.release() == [listing(2)]
    assert w.answered(article("1/a").url, OLD) == []  # too late to matter


def test_pages_an_earlier_walk_did_are_skipped_and_each_page_is_asked_once() -> None:
    w = walk(walked=frozenset({listing(1).url, listing(2).url}))
    assert w.admit([listing(1), listing(3), listing(3)]) == [listing(3)]
    assert w.counted["backfill/walked_skipped"] == 2  # type: ignore[attr-defined]


PORTAL_BASE = "http://127.0.0.1:8321/"
PORTAL = Portal(theme="pemkot", articles=60, seed=1, base_url=PORTAL_BASE)
PROFILE = load_profile("sample_pemkot").with_base_url(PORTAL_BASE)


def test_a_plan_resumes_the_pages_an_unfinished_backfill_left_and_walks_the_head_again() -> None:
    walked = frozenset({PORTAL_BASE + "berita", PORTAL_BASE + "berita/page/2"})
    pending = (PORTAL_BASE + "berita/page/3",)
    plan = ProfilePlan(
        PROFILE,
        known={PORTAL_BASE + "berita/60/x": SINCE},
        quiet_pages=3,
        resume=ListingProgress(pending=pending, walked=walked),
        count=lambda key, n: None,
    )
    listings = [fetch for fetch in plan.start() if fetch.kind == "listing"]
    # the head, newest first until quiet (it was walked, but new articles land there) ...
    assert [(f.url, f.backfill) for f in listings] == [
        (PORTAL_BASE + "berita", False),
        (PORTAL_BASE + "berita/page/3", True),  # ... and the backfill from where it stopped
    ]
    third = Selector(text=PORTAL.handle("/berita/page/3").body.decode())
    deeper = {f.url for f in plan.listing(listings[1], third) if f.kind == "listing"}
    assert PORTAL_BASE + "berita/page/4" in deeper
    assert PORTAL_BASE + "berita/page/2" not in deeper  # done before the crawl was killed
    assert not plan.complete_walk_possible  # the walked pages' articles were not listed now


def test_since_leaves_old_and_undated_sitemap_entries_to_the_listings() -> None:
    counted: Counter[str] = Counter()
    plan = ProfilePlan(
        PROFILE, known={}, quiet_pages=3, since=SINCE, count=lambda k, n: counted.update({k: n})
    )
    body = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>http://127.0.0.1:8321/berita/3/baru</loc>"
        b"<lastmod>2025-03-02T08:00:00+07:00</lastmod></url>"
        b"<url><loc>http://127.0.0.1:8321/berita/2/lama</loc>"
        b"<lastmod>2025-02-27T08:00:00+07:00</lastmod></url>"
        b"<url><loc>http://127.0.0.1:8321/berita/1/tanpa-tanggal</loc></url></urlset>"
    )
    fetched = plan.sitemap(PORTAL_BASE + "sitemap.xml", body)
    assert [f.url for f in fetched] == [PORTAL_BASE + "berita/3/baru"]
    assert counted["since/sitemap_skipped"] == 2


def test_an_article_named_by_two_pages_counts_for_both() -> None:
    w = walk(SINCE)
    w.admit([listing(1)])
    w.parsed(listing(1).url, *both(named("1/a")), [listing(2)])
    assert w.answered(article("1/a").url, NEW) == [listing(2)]
    # page 2 names the same article (a sidebar, a pinned post): already answered, its date
    # counts there too
    assert w.parsed(listing(2).url, *both(named("1/a", "2/b")), [listing(3)]) == []
    assert w.answered(article("2/b").url, OLD) == [listing(3)]


def test_an_article_named_on_every_page_is_a_sidebar_and_no_evidence() -> None:
    w = walk(SINCE)
    w.admit([listing(1)])
    popular = named("9/populer")
    w.parsed(listing(1).url, *both(named("1/a") | popular), [listing(2)])
    w.answered(article("9/populer").url, NEW)
    assert w.answered(article("1/a").url, NEW) == [listing(2)]
    w.parsed(listing(2).url, *both(named("2/b") | popular), [listing(3)])
    assert w.answered(article("2/b").url, NEW) == [listing(3)]
    # third page: the popular article, recent, is on every page; the page's own are old
    assert w.parsed(listing(3).url, *both(named("3/c") | popular), [listing(4)]) == []
    assert w.answered(article("3/c").url, OLD) == []
    assert w.counted["since/listings_stopped"] == 1  # type: ignore[attr-defined]
