"""Crawl runs and sites: start/finish with JSON stats, and idempotent site rows."""

import json
import os
import socket
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import Archive, StorageError
from tests.storage.conftest import query


def test_run_start_and_finish_store_args_and_stats(archive: Archive, db_path: Path) -> None:
    run_id = archive.start_run("sample_pemkot", site_id="sample_pemkot", args={"max_pages": 3})
    assert query(db_path, "SELECT status, finished_at, args_json FROM crawl_runs") == [
        ("running", None, '{"max_pages": 3}')
    ]
    assert query(db_path, "SELECT site_id FROM sites") == [("sample_pemkot",)]

    started = datetime(2024, 3, 5, 4, 0, tzinfo=UTC)
    archive.finish_run(
        run_id, status="finished", stats={"item_scraped_count": 12, "start": started}
    )

    ((status, stats_json),) = query(db_path, "SELECT status, stats_json FROM crawl_runs")
    assert status == "finished"
    assert json.loads(stats_json) == {
        "item_scraped_count": 12,
        "start": "2024-03-05T04:00:00+00:00",
    }
    run = archive.latest_runs()[0]
    assert run["stats"]["item_scraped_count"] == 12
    assert run["args"] == {"max_pages": 3}
    assert run["finished_at"] >= run["started_at"]
    assert run["finished_at"].utcoffset().total_seconds() == 0


def test_latest_runs_newest_first_and_limited(archive: Archive) -> None:
    ids = [archive.start_run(f"target-{n}", site_id=None, args={}) for n in range(3)]
    runs = archive.latest_runs(limit=2)
    assert [run["id"] for run in runs] == [ids[2], ids[1]]
    assert [run["target"] for run in runs] == ["target-2", "target-1"]
    assert runs[0]["site_id"] is None
    assert runs[0]["stats"] is None


def test_finish_run_refuses_unknown_status_and_id(archive: Archive) -> None:
    run_id = archive.start_run("x", site_id=None, args={})
    with pytest.raises(ValueError, match="not 'done'"):
        archive.finish_run(run_id, status="done", stats={})
    with pytest.raises(ValueError, match="not 'running'"):
        archive.finish_run(run_id, status="running", stats={})
    with pytest.raises(StorageError, match="no crawl run with id 999"):
        archive.finish_run(999, status="failed", stats={})


def test_ensure_site_is_idempotent_and_updates_profile_fields(
    archive: Archive, db_path: Path
) -> None:
    archive.ensure_site("tangerangkota")
    archive.ensure_site("tangerangkota")
    assert query(db_path, "SELECT site_id, name, base_url, timezone FROM sites") == [
        ("tangerangkota", "tangerangkota", None, "Asia/Jakarta")
    ]

    archive.ensure_site(
        "tangerangkota",
        name="Pemkot Tangerang",
        base_url="https://tangerangkota.go.id",
        timezone="Asia/Makassar",
    )
    archive.ensure_site("tangerangkota", timezone="Asia/Makassar")
    assert query(db_path, "SELECT name, base_url, timezone FROM sites") == [
        ("Pemkot Tangerang", "https://tangerangkota.go.id", "Asia/Makassar")
    ]


def test_ensure_site_refuses_unknown_zone(archive: Archive) -> None:
    with pytest.raises(ValueError, match="unknown time zone 'WIB'"):
        archive.ensure_site("x", timezone="WIB")


def test_a_run_can_end_partial_and_the_schema_still_refuses_nonsense(
    archive: Archive, db_path: Path
) -> None:
    run_id = archive.start_run("x", site_id=None, args={})
    archive.finish_run(run_id, status="partial", stats={})
    assert query(db_path, "SELECT status FROM crawl_runs") == [("partial",)]
    with closing(sqlite3.connect(db_path)) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE crawl_runs SET status = 'done'")


def test_a_run_records_where_it_runs(archive: Archive, db_path: Path) -> None:
    archive.start_run("x", site_id=None, args={})
    assert query(db_path, "SELECT host, pid FROM crawl_runs") == [
        (socket.gethostname(), os.getpid())
    ]


def test_a_run_whose_process_died_is_marked_interrupted(archive: Archive, db_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # its pid is now free: nothing of ours runs under it
    alive_id = archive.start_run("alive", site_id=None, args={})  # this process: alive
    dead_id = archive.start_run("killed", site_id=None, args={})
    elsewhere_id = archive.start_run("other host", site_id=None, args={})
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE crawl_runs SET pid = ? WHERE id = ?", (gone.pid, dead_id))
        conn.execute("UPDATE crawl_runs SET host = 'mesin-lain' WHERE id = ?", (elsewhere_id,))

    assert archive.interrupt_dead_runs() == [dead_id]

    statuses = dict(query(db_path, "SELECT id, status FROM crawl_runs"))
    assert statuses == {alive_id: "running", dead_id: "interrupted", elsewhere_id: "running"}
    assert query(db_path, "SELECT finished_at IS NOT NULL FROM crawl_runs WHERE id = ?", dead_id)
    assert archive.interrupt_dead_runs() == []
