"""What an incremental crawl is told before it starts: known URLs and recent articles."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from storage import Archive
from tests.storage.conftest import make_data

NEWEST = datetime(2025, 6, 30, 3, 0, tzinfo=UTC)


def store(archive: Archive, n: int, published_days_before: int, seen: datetime) -> str:
    url = f"https://sample.go.id/berita/{n}/berita-{n}"
    archive.save_article(
        make_data(
            url=url,
            body_text=f"Isi berita nomor {n} yang berbeda dari yang lain.",
            published_at=NEWEST - timedelta(days=published_days_before),
            fetched_at=seen,
        )
    )
    return url


def test_recent_articles_counted_back_from_the_newest_least_recently_seen_first(
    archive: Archive,
) -> None:
    monday = datetime(2025, 7, 7, tzinfo=UTC)
    newest = store(archive, 1, 0, seen=monday + timedelta(hours=5))
    week_old = store(archive, 2, 7, seen=monday + timedelta(hours=1))
    edge = store(archive, 3, 14, seen=monday + timedelta(hours=3))
    store(archive, 4, 15, seen=monday)  # 15 days before the newest: not recent
    removed = store(archive, 5, 2, seen=monday)
    archive.mark_removed(removed, at=monday, evidence="HTTP 404", run_id=None)
    archive.save_article(make_data(url="https://other.go.id/berita/9", site_id="other"))

    memory = archive.crawl_memory("sample_pemkot", revisit_days=14, revisit_max=10)
    assert [r.url for r in memory.revisits] == [week_old, edge, newest]
    assert len(memory.seen) == 4  # not the removed one: listed again, it is fetched again
    assert removed not in memory.seen
    assert memory.seen[week_old] == monday + timedelta(hours=1)

    capped = archive.crawl_memory("sample_pemkot", revisit_days=14, revisit_max=2)
    assert [r.url for r in capped.revisits] == [week_old, edge]
    assert archive.crawl_memory("sample_pemkot", revisit_days=0, revisit_max=10).revisits == ()


def test_a_site_never_crawled_has_an_empty_memory(archive: Archive) -> None:
    memory = archive.crawl_memory("nowhere", revisit_days=14, revisit_max=10)
    assert memory.empty
    assert memory.revisits == ()


def test_revisits_carry_the_validators_last_sent_and_a_304_is_a_sighting(
    archive: Archive,
) -> None:
    monday = datetime(2025, 7, 7, tzinfo=UTC)
    url = "https://sample.go.id/berita/1/berita-1"
    first = make_data(
        url=url,
        published_at=NEWEST,
        fetched_at=monday,
        etag='"a1"',
        last_modified="Mon, 07 Jul 2025",
    )
    archive.save_article(first)
    later = replace(first, fetched_at=monday + timedelta(days=1), etag='"b2"', last_modified=None)
    archive.save_article(later)
    [revisit] = archive.crawl_memory("sample_pemkot", revisit_days=14, revisit_max=5).revisits
    # the newer ETag; the Last-Modified the second fetch did not send is kept
    assert (revisit.etag, revisit.last_modified) == ('"b2"', "Mon, 07 Jul 2025")

    archive.seen_unchanged([url], monday + timedelta(days=3))
    archive.seen_unchanged([url], monday + timedelta(days=2))  # late: never moves it back
    memory = archive.crawl_memory("sample_pemkot", revisit_days=14, revisit_max=5)
    assert memory.seen[url] == monday + timedelta(days=3)
