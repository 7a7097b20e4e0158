"""Heartbeats: a run of another host is interrupted once it has been silent too long."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage import Archive
from storage.rows import utc_now
from tests.storage.conftest import query

ELSEWHERE = "mesin-lain"


def instant(value: datetime) -> str:
    """As the archive writes instants into SQLite."""
    return f"{value.astimezone(UTC):%Y-%m-%dT%H:%M:%S.%f}+00:00"


def run_elsewhere(
    archive: Archive,
    db_path: Path,
    *,
    started: timedelta,
    beat: timedelta | None = None,
    host: str | None = ELSEWHERE,
    heartbeat_s: float | None = None,
) -> int:
    """A running run of another host, started and last beating that long ago."""
    args = {} if heartbeat_s is None else {"heartbeat_s": heartbeat_s}
    run_id = archive.start_run("elsewhere", site_id=None, args=args)
    now = utc_now()
    heartbeat = None if beat is None else instant(now - beat)
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute(
            "UPDATE crawl_runs SET host = ?, pid = 1, started_at = ?, heartbeat_at = ?"
            " WHERE id = ?",
            (host, instant(now - started), heartbeat, run_id),
        )
    return run_id


def statuses(db_path: Path) -> dict[int, str]:
    return dict(query(db_path, "SELECT id, status FROM crawl_runs"))


def test_a_beat_records_that_the_run_is_alive(archive: Archive, db_path: Path) -> None:
    run_id = archive.start_run("x", site_id=None, args={})
    assert query(db_path, "SELECT heartbeat_at FROM crawl_runs") == [(None,)]
    archive.beat(run_id)
    run = archive.get_run(run_id)
    assert run is not None
    assert run["heartbeat_at"] >= run["started_at"]
    assert run["status"] == "running"


def test_a_silent_run_of_another_host_is_interrupted(archive: Archive, db_path: Path) -> None:
    minutes = timedelta(minutes=1)
    beating = run_elsewhere(archive, db_path, started=60 * minutes, beat=2 * minutes)
    silent = run_elsewhere(archive, db_path, started=60 * minutes, beat=11 * minutes)
    never_beat = run_elsewhere(archive, db_path, started=11 * minutes)
    just_started = run_elsewhere(archive, db_path, started=1 * minutes)
    older_warta = run_elsewhere(archive, db_path, started=24 * 60 * minutes, host=None)

    assert archive.interrupt_dead_runs() == [silent, never_beat]

    assert statuses(db_path) == {
        beating: "running",
        silent: "interrupted",
        never_beat: "interrupted",
        just_started: "running",
        older_warta: "running",
    }
    # It ended, as far as anyone can tell, at its last sign of life.
    ended = dict(
        query(db_path, "SELECT id, finished_at FROM crawl_runs WHERE finished_at IS NOT NULL")
    )
    beats = dict(query(db_path, "SELECT id, heartbeat_at FROM crawl_runs"))
    starts = dict(query(db_path, "SELECT id, started_at FROM crawl_runs"))
    assert ended == {silent: beats[silent], never_beat: starts[never_beat]}
    assert archive.interrupt_dead_runs() == []


def test_a_run_with_a_long_heartbeat_is_given_five_of_its_beats(
    archive: Archive, db_path: Path
) -> None:
    minutes = timedelta(minutes=1)
    slow = run_elsewhere(archive, db_path, started=60 * minutes, beat=20 * minutes, heartbeat_s=300)
    slow_dead = run_elsewhere(
        archive, db_path, started=60 * minutes, beat=26 * minutes, heartbeat_s=300
    )
    assert archive.interrupt_dead_runs() == [slow_dead]
    assert statuses(db_path)[slow] == "running"


def test_how_stale_is_dead_can_be_asked_for(archive: Archive, db_path: Path) -> None:
    recent = run_elsewhere(
        archive, db_path, started=timedelta(minutes=3), beat=timedelta(minutes=2)
    )
    assert archive.interrupt_dead_runs() == []
    assert archive.interrupt_dead_runs(stale_after=timedelta(minutes=1)) == [recent]


def test_a_dead_run_that_ended_meanwhile_keeps_its_ending(archive: Archive, db_path: Path) -> None:
    """A slow crawl that beats again and finishes after being called dead records its end."""
    run_id = run_elsewhere(archive, db_path, started=timedelta(hours=1), beat=timedelta(minutes=30))
    assert archive.interrupt_dead_runs() == [run_id]
    archive.finish_run(run_id, status="finished", stats={}, health=[])
    assert statuses(db_path) == {run_id: "finished"}
