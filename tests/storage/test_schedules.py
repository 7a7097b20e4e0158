"""Schedules in the archive: stored, listed with their last run, paused, resumed and removed."""

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import Archive, StorageError
from storage.schedules import health_flags
from tests.storage.conftest import query

OPTIONS = ("--limit", "5", "-s", "DOWNLOAD_DELAY=2", "--no-captures")


def set_health(db_path: Path, run_id: int, health_json: str | None) -> None:
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE crawl_runs SET health_json = ? WHERE id = ?", (health_json, run_id))


def test_a_schedule_is_stored_with_its_options_and_listed(archive: Archive, db_path: Path) -> None:
    every = archive.add_schedule("sample_pemkot", every_s=6 * 3600, options=OPTIONS)
    cron = archive.add_schedule("https://kota.go.id/", cron="0 */6 * * *")

    assert query(
        db_path, "SELECT id, target, every_s, cron, options_json, paused FROM schedules"
    ) == [
        (
            every,
            "sample_pemkot",
            21600,
            None,
            '["--limit", "5", "-s", "DOWNLOAD_DELAY=2", "--no-captures"]',
            0,
        ),
        (cron, "https://kota.go.id/", None, "0 */6 * * *", "[]", 0),
    ]
    first, second = archive.list_schedules()
    assert (first.id, first.options, first.paused, first.last_run) == (every, OPTIONS, False, None)
    assert first.created_at.utcoffset() is not None
    assert first.last_started_at is None
    assert (second.every_s, second.cron, second.options) == (None, "0 */6 * * *", ())
    assert archive.get_schedule(cron) == second
    assert archive.get_schedule(999) is None


@pytest.mark.parametrize(
    ("every_s", "cron", "message"),
    [
        (None, None, "either an interval or a cron"),
        (3600, "0 * * * *", "not both"),
        (59, None, "at most every 60 s, not 59 s"),
    ],
)
def test_a_schedule_needs_one_timing_of_a_minute_or_more(
    archive: Archive, db_path: Path, every_s: int | None, cron: str | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        archive.add_schedule("sample_pemkot", every_s=every_s, cron=cron)
    assert query(db_path, "SELECT count(*) FROM schedules") == [(0,)]


def test_pause_resume_and_started_are_kept(archive: Archive) -> None:
    schedule_id = archive.add_schedule("sample_pemkot", every_s=3600)
    archive.set_schedule_paused(schedule_id, paused=True)
    assert archive.list_schedules()[0].paused is True
    archive.set_schedule_paused(schedule_id, paused=False)
    started = datetime(2025, 1, 22, 11, 26, tzinfo=UTC)
    archive.mark_schedule_started(schedule_id, started)
    [entry] = archive.list_schedules()
    assert (entry.paused, entry.last_started_at) == (False, started)


def test_an_unknown_schedule_id_is_an_error(archive: Archive) -> None:
    archive.add_schedule("sample_pemkot", every_s=3600)
    with pytest.raises(StorageError, match="no schedule with id 7"):
        archive.remove_schedule(7)
    with pytest.raises(StorageError, match="no schedule with id 7"):
        archive.set_schedule_paused(7, paused=True)
    with pytest.raises(StorageError, match="no schedule with id 7"):
        archive.mark_schedule_started(7, datetime.now(UTC))
    assert len(archive.list_schedules()) == 1


def test_the_last_run_is_the_latest_run_of_that_schedule_with_its_health(
    archive: Archive, db_path: Path
) -> None:
    mine = archive.add_schedule("sample_pemkot", every_s=3600)
    other = archive.add_schedule("sample_wordpress", every_s=3600)
    older = archive.start_run("sample_pemkot", site_id=None, args={}, schedule_id=mine)
    archive.finish_run(older, status="finished", stats={})
    latest = archive.start_run("sample_pemkot", site_id=None, args={}, schedule_id=mine)
    archive.finish_run(latest, status="partial", stats={})
    archive.start_run("by hand", site_id=None, args={})
    set_health(db_path, latest, '[{"flag": "no_new_articles", "reason": "…"}, "layout_changed"]')

    entries = {entry.id: entry for entry in archive.list_schedules()}
    run = entries[mine].last_run
    assert run is not None
    assert (run.run_id, run.status, run.health) == (
        latest,
        "partial",
        ("no_new_articles", "layout_changed"),
    )
    assert run.finished_at is not None
    assert entries[other].last_run is None

    set_health(db_path, latest, None)
    last = archive.list_schedules()[0].last_run
    assert last is not None
    assert last.health == ()


def test_health_flags_are_named_whatever_shape_they_were_written_in() -> None:
    assert health_flags(None) == ()
    assert health_flags("[]") == ()
    written = '[{"flag": "failing", "reason": "61% of requests failed"}, "no_new_articles", 3]'
    assert health_flags(written) == ("failing", "no_new_articles", "3")


def test_removing_a_schedule_keeps_its_runs(archive: Archive, db_path: Path) -> None:
    schedule_id = archive.add_schedule("sample_pemkot", every_s=3600)
    run_id = archive.start_run("sample_pemkot", site_id=None, args={}, schedule_id=schedule_id)
    archive.remove_schedule(schedule_id)
    assert archive.list_schedules() == []
    assert query(db_path, "SELECT id, schedule_id FROM crawl_runs") == [(run_id, None)]
