"""Reading runs back: filtered lists, one run with its health, and a site's history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from storage import Archive
from tests.storage.conftest import make_data, query

FLAG = {"flag": "no_new_articles", "reason": "no new article for 9 days"}


def ended(archive: Archive, site_id: str | None, status: str, **stats: int) -> int:
    run_id = archive.start_run(site_id or "x", site_id=site_id, args={})
    health = [FLAG] if stats.pop("flagged", 0) else []
    archive.finish_run(run_id, status=status, stats=stats, health=health)
    return run_id


def test_health_is_stored_as_json_and_read_back(archive: Archive, db_path: Path) -> None:
    healthy = ended(archive, "kota", "finished")
    flagged = ended(archive, "kota", "finished", flagged=1)
    unjudged = archive.start_run("kota", site_id="kota", args={})
    archive.finish_run(unjudged, status="finished", stats={})
    assert query(db_path, "SELECT id, health_json FROM crawl_runs ORDER BY id") == [
        (healthy, "[]"),
        (flagged, '[{"flag": "no_new_articles", "reason": "no new article for 9 days"}]'),
        (unjudged, None),
    ]
    run = archive.get_run(flagged)
    assert run is not None
    assert run["health"] == [FLAG]
    assert run["stats"] == {}
    assert archive.get_run(999) is None


def test_runs_listed_by_site_and_only_the_troubled(archive: Archive) -> None:
    fine = ended(archive, "kota", "finished")
    partial = ended(archive, "kota", "partial")
    failed = ended(archive, "kabupaten", "failed")
    flagged = ended(archive, "kota", "finished", flagged=1)
    interrupted = ended(archive, None, "interrupted")
    unjudged = archive.start_run("kota", site_id="kota", args={})
    archive.finish_run(unjudged, status="finished", stats={})
    running = archive.start_run("kota", site_id="kota", args={})

    def ids(site_id: str | None = None, troubled: bool = False) -> list[int]:
        return [run["id"] for run in archive.latest_runs(20, site_id=site_id, troubled=troubled)]

    assert ids(site_id="kota") == [running, unjudged, flagged, partial, fine]
    assert ids(troubled=True) == [interrupted, flagged, failed, partial]
    assert ids(site_id="kota", troubled=True) == [flagged, partial]
    assert [run["id"] for run in archive.latest_runs(2, troubled=True)] == [interrupted, flagged]


def test_site_history_has_its_ended_runs_and_the_days_articles_arrived(
    archive: Archive,
) -> None:
    first = ended(archive, "kota", "finished", **{"warta/articles/new": 3})
    ended(archive, "kabupaten", "finished")
    ended(archive, "kota", "failed")
    interrupted = ended(archive, "kota", "interrupted")
    archive.start_run("kota", site_id="kota", args={})  # killed: no stats
    partial = ended(archive, "kota", "partial", **{"warta/articles/updated": 2})
    archive.start_run("kota", site_id="kota", args={})  # still running
    day = datetime(2025, 1, 20, 23, 30, tzinfo=UTC)
    seen = [day, day + timedelta(minutes=10), day + timedelta(days=1), day + timedelta(days=4)]
    for n, fetched_at in enumerate(seen):
        url = f"https://kota.go.id/berita/{n}"
        archive.save_article(
            make_data(url=url, site_id="kota", title=f"Kabar {n}", fetched_at=fetched_at)
        )
    archive.save_article(
        make_data(
            url="https://kab.go.id/1", site_id="kabupaten", fetched_at=day + timedelta(days=9)
        )
    )

    history = archive.site_history("kota")

    assert [(run.id, run.status) for run in history.runs] == [
        (partial, "partial"),
        (interrupted, "interrupted"),
        (first, "finished"),
    ]
    assert history.runs[2].stats == {"warta/articles/new": 3}
    assert history.runs[0].started_at.tzinfo is not None
    assert history.arrival_days == [date(2025, 1, 24), date(2025, 1, 21), date(2025, 1, 20)]
    assert history.newest_first_seen_at == day + timedelta(days=4)
    latest = archive.site_history("kota", runs=1, days=2)
    assert [run.id for run in latest.runs] == [partial]
    assert latest.arrival_days == [date(2025, 1, 24), date(2025, 1, 21)]
    nothing = archive.site_history("desa")
    assert (nothing.runs, nothing.arrival_days, nothing.newest_first_seen_at) == ([], [], None)
