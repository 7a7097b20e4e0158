"""Articles taken off a portal are marked removed with the evidence, and their return noted."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import RunWarta, rows
from tests.e2e.hostile_portal import Handler, crawl_profile, hostile_portal

ONE_PAGE = "1 listing page"  # the portal's news listing fits on one page
EVERY = ("1-pasar-murah", "20-kabar-satu", "21-kabar-dua", "22-kabar-tiga", "23-kabar-empat")


def crawl(
    run_warta: RunWarta,
    tmp_path: Path,
    base_url: str,
    db: Path,
    *args: str,
    **mode: tuple[str, ...],
) -> None:
    """One crawl of the portal as it is now: ``listed`` and ``unlisted`` say what it shows."""
    Handler.listed, Handler.unlisted = mode["listed"], mode.get("unlisted", ())
    done = crawl_profile(run_warta, tmp_path, base_url, str(db), *args)
    assert done.returncode in (0, 3), done.stdout + done.stderr


def events(db: Path) -> list[tuple[str, str, str, int | None]]:
    found = rows(
        db,
        "SELECT a.url, e.kind, e.evidence, c.status FROM article_events e "
        "JOIN articles a ON a.id = e.article_id LEFT JOIN captures c ON c.id = e.capture_id "
        "ORDER BY e.id",
    )
    return [(r["url"].rsplit("/", 1)[1], r["kind"], r["evidence"], r["status"]) for r in found]


def test_a_404_and_a_vanished_listing_entry_are_removals_and_a_return_is_noted(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    db = tmp_path / "arsip.db"
    with hostile_portal() as base_url:
        crawl(run_warta, tmp_path, base_url, db, listed=EVERY)
        assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 5
        assert events(db) == []

        # Later: "dua" answers 404; "empat" still answers but no listing links it. Only a full
        # walk of the listings can say what they stopped showing.
        later = EVERY[:2] + EVERY[3:4]
        crawl(run_warta, tmp_path, base_url, db, "--full", listed=later, unlisted=EVERY[4:])
        after_removals = sorted(events(db))  # the two revisits may answer in either order
        # Later still: both are back on the listing.
        crawl(run_warta, tmp_path, base_url, db, listed=EVERY)
    assert after_removals == [
        ("21-kabar-dua", "removed", "HTTP 404 where the article was", 404),
        ("23-kabar-empat", "removed", f"no longer listed: on none of the {ONE_PAGE} walked", None),
    ]
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 5  # nothing deleted
    assert sorted(events(db)[2:]) == [
        ("21-kabar-dua", "returned", "on the portal again", None),
        ("23-kabar-empat", "returned", "on the portal again", None),
    ]
    assert rows(db, "SELECT count(*) AS n FROM articles WHERE removed_at IS NOT NULL")[0]["n"] == 0


def test_no_removal_is_judged_from_an_incomplete_walk(run_warta: RunWarta, tmp_path: Path) -> None:
    """A --limit crawl saw only part of the listings: what it did not see is not removed."""
    db = tmp_path / "arsip.db"
    with hostile_portal() as base_url:
        crawl(run_warta, tmp_path, base_url, db, listed=EVERY)
        crawl(
            run_warta, tmp_path, base_url, db, "--limit", "1", listed=EVERY[:1], unlisted=EVERY[1:]
        )
    assert events(db) == []
    assert rows(db, "SELECT count(*) AS n FROM articles WHERE removed_at IS NOT NULL")[0]["n"] == 0
