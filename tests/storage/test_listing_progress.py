"""An unfinished backfill's listing pages survive in the archive until the walk ends."""

from __future__ import annotations

from storage import Archive
from storage.listing_progress import ListingProgress

P1, P2, P3 = (f"http://p.go.id/berita/page/{n}" for n in (1, 2, 3))


def test_pages_asked_then_done_then_cleared_when_the_walk_ends(archive: Archive) -> None:
    assert archive.listing_progress("p") == ListingProgress()
    archive.record_listing_progress("p", pending=[P1, P2], walked=[])
    archive.record_listing_progress("p", pending=[P3], walked=[P1])
    archive.record_listing_progress("other", pending=[P1], walked=[])
    progress = archive.listing_progress("p")
    assert progress == ListingProgress(pending=(P2, P3), walked=frozenset({P1}))
    assert progress.unfinished
    archive.record_listing_progress("p", pending=[], walked=[], finished=True)
    assert archive.listing_progress("p") == ListingProgress()
    assert archive.listing_progress("other").pending == (P1,)


def test_a_walked_page_is_not_reopened_by_asking_for_it_again(archive: Archive) -> None:
    archive.record_listing_progress("p", pending=[P1], walked=[P1])
    archive.record_listing_progress("p", pending=[P1], walked=[])
    assert archive.listing_progress("p") == ListingProgress(walked=frozenset({P1}))
