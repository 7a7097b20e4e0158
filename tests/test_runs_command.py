"""``warta runs`` and ``warta runs show`` on a hand-made archive: the table, the filters, one
run in full, and JSON for both."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from storage import open_archive
from warta.cli import main

LAYOUT = {
    "flag": "layout_changed",
    "reason": "tags on 0 of 12 articles (usually 100%) — has the portal's layout changed?",
}
FIELDS = {f"warta/fields/{f}": 12 for f in ("title", "published_at", "view_count")}
STARTED = datetime(2025, 1, 22, 11, 26, tzinfo=UTC)  # 18:26 WIB


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Five runs: healthy, partial with errors, flagged, dead on another host, running."""
    path = tmp_path / "arsip.db"
    archive = open_archive(f"sqlite:///{path}")
    runs: list[tuple[str, str, dict[str, Any], list[dict[str, str]] | None]] = [
        (
            "sample_pemkot",
            "finished",
            {"response_received_count": 64, "warta/articles/new": 60},
            [],
        ),
        (
            "kota_uji",
            "partial",
            {
                "response_received_count": 20,
                "warta/articles/new": 14,
                "warta/articles/unchanged": 2,
                "warta/errors/http_404": 2,
                "warta/errors/DownloadTimeoutError": 1,
                "warta/storage/failed/IntegrityError": 1,
                "item_dropped_reasons_count/MissingBody": 3,
            },
            [],
        ),
        (
            "sample_pemkot",
            "finished",
            {"warta/articles/new": 12, "warta/fields/tags": 0, **FIELDS},
            [LAYOUT],
        ),
    ]
    for site_id, status, stats, health in runs:
        run_id = archive.start_run(site_id, site_id=site_id, args={"target": site_id})
        archive.finish_run(run_id, status=status, stats=stats, health=health)
    dead = archive.start_run("kota_uji", site_id="kota_uji", args={})
    archive.start_run("sample_pemkot", site_id="sample_pemkot", args={})  # this process: alive
    archive.close()
    with closing(sqlite3.connect(path)) as conn, conn:
        for run_id in (1, 2, 3):
            start = STARTED + timedelta(days=run_id)
            conn.execute(
                "UPDATE crawl_runs SET started_at = ?, finished_at = ? WHERE id = ?",
                (_text(start), _text(start + timedelta(minutes=4, seconds=12)), run_id),
            )
        an_hour_ago = _text(datetime.now(UTC) - timedelta(hours=1))
        conn.execute(
            "UPDATE crawl_runs SET host = 'mesin-lain', started_at = ? WHERE id = ?",
            (an_hour_ago, dead),
        )
    return path


def _text(instant: datetime) -> str:
    return f"{instant:%Y-%m-%dT%H:%M:%S.%f}+00:00"


def warta(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_the_table_says_what_each_run_did(db: Path) -> None:
    result = warta("runs", "--db", str(db))
    assert result.exit_code == 0, result.output
    header, *lines = result.output.splitlines()
    assert header.split() == [
        *("run", "status", "started", "(WIB)", "took", "site", "pages"),
        *("new", "upd", "same", "drop", "errors", "health"),
    ]
    assert [line.split()[:2] for line in lines] == [
        ["#5", "running"],
        ["#4", "interrupted"],  # silent for an hour on another host
        ["#3", "finished"],
        ["#2", "partial"],
        ["#1", "finished"],
    ]
    assert lines[2].split()[2:] == [
        *("2025-01-25", "18:26", "4m", "12s", "sample_pemkot"),
        *("0", "12", "0", "0", "0", "-", "layout_changed"),
    ]
    assert lines[3].split()[2:] == [
        *("2025-01-24", "18:26", "4m", "12s", "kota_uji", "20", "14", "0", "2", "3"),
        *("404×2,", "DownloadTimeout×1,", "not", "stored×1", "ok"),
    ]
    assert lines[0].endswith("?")  # not judged yet: still running
    assert lines[1].endswith("?")


def test_filters_site_failed_and_limit(db: Path) -> None:
    def listed(*args: str) -> list[str]:
        result = warta("runs", "--db", str(db), *args)
        assert result.exit_code == 0, result.output
        return [line.split()[0] for line in result.output.splitlines()[1:]]

    assert listed("--site", "kota_uji") == ["#4", "#2"]
    assert listed("--failed") == ["#4", "#3", "#2"]  # interrupted, flagged, partial
    assert listed("--failed", "--site", "sample_pemkot") == ["#3"]
    assert listed("--limit", "2") == ["#5", "#4"]
    nothing = warta("runs", "--db", str(db), "--site", "desa_x")
    assert nothing.output == "No crawl runs match.\n"


def test_json_lists_the_same_runs(db: Path) -> None:
    result = warta("runs", "--db", str(db), "--json", "--failed")
    assert result.exit_code == 0, result.output
    runs = json.loads(result.output)
    assert [run["id"] for run in runs] == [4, 3, 2]
    partial = runs[2]
    assert partial["status"] == "partial"
    assert partial["started_at"] == "2025-01-24T11:26:00+00:00"
    assert partial["duration_s"] == 252.0
    assert partial["errors"] == {"http_404": 2, "DownloadTimeoutError": 1}
    assert partial["counts"]["not_stored"] == 1
    assert partial["counts"]["dropped"] == 3
    assert partial["health"] == []
    assert runs[1]["health"] == [LAYOUT]
    assert runs[0]["health"] is None
    assert runs[0]["host"] == "mesin-lain"


def test_show_tells_one_run_in_full(db: Path) -> None:
    result = warta("runs", "show", "3", "--db", str(db))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Run #3: finished, flagged layout_changed"
    assert "  started    2025-01-25 18:26:00 WIB" in lines
    assert "  finished   2025-01-25 18:30:12 WIB, took 4m 12s" in lines
    assert "  fields     headlines 12/12, dates 12/12, view counts 12/12, tags 0/12" in lines
    health = lines.index("Health:")
    assert lines[health + 1] == f"  layout_changed: {LAYOUT['reason']}"
    assert "  warta/fields/tags = 0" in lines[lines.index("Stats:") :]


def test_show_lists_warnings_and_works_as_json(db: Path) -> None:
    text = warta("runs", "--db", str(db), "show", "2").output.splitlines()
    warnings = text[text.index("Warnings:") + 1 : text.index("Stats:")]
    assert warnings == [
        "  3 requests failed for good (404×2, DownloadTimeout×1)",
        "  1 article could not be stored (see the log)",
        "  3 article pages dropped (no headline or text)",
    ]
    assert text[text.index("Health:") + 1] == "  ok"
    result = warta("runs", "show", "2", "--db", str(db), "--json")
    run = json.loads(result.output)
    assert run["id"] == 2
    assert run["stats"]["warta/errors/http_404"] == 2
    assert run["warnings"] == [line.strip() for line in warnings]
    assert run["args"] == {"target": "kota_uji"}
    assert run["fields"] == {}  # this run counted no fields


def test_show_an_unknown_run_is_one_line(db: Path) -> None:
    result = warta("runs", "show", "99", "--db", str(db))
    assert result.exit_code == 1
    assert result.output == "Error: no crawl run #99 (`warta runs` lists them)\n"


def test_an_empty_archive_says_so(tmp_path: Path) -> None:
    open_archive(f"sqlite:///{tmp_path / 'kosong.db'}").close()
    assert warta("runs", "--db", str(tmp_path / "kosong.db")).output == "No crawl runs yet.\n"
