"""``warta schedule``: the commands and their errors, cron's meaning, and the service run as a
subprocess against the local sample portal (a missed run caught up once, SIGTERM)."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sample_portal import running_portal
from storage import open_archive
from storage.runs import process_alive
from storage.schedules import ScheduleEntry
from tests.e2e.conftest import FAST, rows
from warta.cli import main
from warta.schedule_service import cron_trigger, due_at

LONG_AGO = "2020-01-01T00:00:00.000000+00:00"
OPTIONS = ["--limit", "5", "-s", "DOWNLOAD_DELAY=0", "--no-captures"]
QUICK = ["--no-captures", *FAST]
SLOW = ["--no-captures", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.05"]
SLOW += ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]  # still crawling when SIGTERM comes


def warta(*args: str) -> Result:
    return CliRunner().invoke(main, ["schedule", *args])


def add(db: Path, target: str, *options: str) -> Result:
    return warta("add", target, "--db", str(db), *options)


def error_line(result: Result) -> str:
    """The one line that says what is wrong (click puts its usage hint above a usage error)."""
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.output
    assert "Traceback" not in result.output
    return errors[0]


def listed(db: Path) -> list[list[str]]:
    result = warta("list", "--db", str(db))
    assert result.exit_code == 0, result.output
    return [line.split("\t") for line in result.output.splitlines()]


def write(db: Path, sql: str, *params: object) -> None:
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(sql, params)


def test_add_list_pause_resume_remove(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "warta.db"
    added = add(db, "sample_pemkot", "--every", "6h", *OPTIONS)
    assert added.exit_code == 0, added.output
    assert added.output == "Added schedule #1: sample_pemkot, every 6h; next run: now\n"
    captures = ["--captures", "arsip-warc", "--capture", "all"]
    cron = add(db, "https://kota.go.id/", "--cron", "0 */6 * * 1-5", *captures)
    assert cron.exit_code == 0, cron.output

    first, second = listed(db)
    assert first == [
        "#1",
        "sample_pemkot",
        "every 6h",
        "next run: now",
        "last run: never",
        "options: " + " ".join(OPTIONS),
    ]
    assert second[:3] == ["#2", "https://kota.go.id/", 'cron "0 */6 * * 1-5"']
    assert re.fullmatch(r"next run: \d{4}-\d\d-\d\d \d\d:00 \S+", second[3])
    assert second[5] == f"options: --captures {tmp_path / 'arsip-warc'} --capture all"

    assert warta("pause", "1", "--db", str(db)).output == "Paused schedule #1\n"
    assert listed(db)[0][3] == "paused"
    assert warta("resume", "1", "--db", str(db)).output == "Resumed schedule #1\n"
    assert listed(db)[0][3] == "next run: now"
    removed = warta("remove", "2", "--db", str(db))
    assert removed.output == "Removed schedule #2; its runs stay in the archive\n"
    assert [line[0] for line in listed(db)] == ["#1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--every", "30s"], "Invalid value for '--every': '30s' is shorter than 1m"),
        (["--every", "6 jam"], "'6 jam' is not a duration such as 30m, 6h, 1d or 1h30m"),
        (["--cron", "0 */6 * *"], "a cron expression has 5 fields"),
        (["--cron", "61 * * * *"], "the last value (61) is higher than the maximum value (59)"),
        (["--cron", "0 0 * * 8"], "bad day of week '8'"),
        (["--cron", "0 0 31 2 *"], "it names no date that will ever come"),
        ([], "give the timing: --every DURATION or --cron EXPRESSION (one)"),
        (["--every", "1h", "--cron", "0 * * * *"], "give the timing"),
        (["--every", "1h", "-s", "DOWNLOAD_DELAI=1"], "no such Scrapy or Warta setting"),
        (["--every", "1h", "--base-url", "kota.go.id"], "'kota.go.id' is not an http(s) URL"),
    ],
)
def test_a_bad_timing_or_option_is_a_usage_error(
    tmp_path: Path, args: list[str], message: str
) -> None:
    db = tmp_path / "warta.db"
    result = warta("add", "sample_pemkot", "--db", str(db), *args)
    assert result.exit_code == 2
    assert message in error_line(result)
    assert not db.exists()  # nothing stored, not even an archive


def test_an_unknown_site_id_lists_the_known_ones(tmp_path: Path) -> None:
    result = warta("add", "kota_antah", "--every", "1h", "--db", str(tmp_path / "warta.db"))
    assert result.exit_code == 1
    line = error_line(result)
    assert line.startswith("Error: unknown site id 'kota_antah' (known: ")
    assert "sample_pemkot" in line


@pytest.mark.parametrize("command", ["pause", "resume", "remove"])
def test_an_unknown_schedule_id_is_one_line(tmp_path: Path, command: str) -> None:
    db = str(tmp_path / "warta.db")
    assert warta("add", "sample_pemkot", "--every", "1h", "--db", db).exit_code == 0
    result = warta(command, "9", "--db", db)
    assert result.exit_code == 1
    assert result.output == "Error: no schedule with id 9 (see `warta schedule list`)\n"
    assert listed(Path(db))[0][3] == "next run: now"


def test_list_shows_the_last_run_its_status_and_health(tmp_path: Path) -> None:
    db = tmp_path / "warta.db"
    assert warta("add", "sample_pemkot", "--every", "1h", "--db", str(db)).exit_code == 0
    archive = open_archive(f"sqlite:///{db}")
    run_id = archive.start_run("sample_pemkot", site_id=None, args={}, schedule_id=1)
    archive.finish_run(run_id, status="partial", stats={})
    archive.mark_schedule_started(1, datetime.now(UTC))
    archive.close()
    flags = '[{"flag": "no_new_articles", "reason": "none in 9 days"}, {"flag": "failing"}]'
    write(db, "UPDATE crawl_runs SET health_json = ?", flags)

    [line] = listed(db)
    assert re.fullmatch(r"next run: \d{4}-\d\d-\d\d \d\d:\d\d \S+", line[3])
    assert line[4].endswith(" partial (run #1)")
    assert line[5] == "health: no_new_articles, failing"


def entry(
    *, every_s: int | None = None, cron: str | None = None, last: datetime | None = None
) -> ScheduleEntry:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    return ScheduleEntry(1, "sample_pemkot", every_s, cron, (), False, created, last, None)


def test_due_is_judged_from_the_last_start() -> None:
    noon = datetime(2026, 1, 1, 12, tzinfo=UTC)
    assert due_at(entry(every_s=3600)) == datetime(2026, 1, 1, tzinfo=UTC)  # never: at once
    assert due_at(entry(every_s=3600, last=noon)) == noon + timedelta(hours=1)
    started_late = entry(cron="* * * * *", last=noon + timedelta(seconds=0.4))
    assert due_at(started_late) == noon + timedelta(minutes=1)


@pytest.mark.parametrize(
    ("expression", "fires"),
    [
        ("0 0 * * 0", ["Sun 04", "Sun 11"]),  # 0 is Sunday in cron (Monday in APScheduler 3)
        ("0 0 * * 7", ["Sun 04", "Sun 11"]),
        ("0 0 * * 1-5", ["Fri 02", "Mon 05"]),
        ("0 0 * * */3", ["Sat 03", "Sun 04"]),  # Sunday, Wednesday, Saturday
        ("0 0 10 * 1", ["Mon 05", "Sat 10", "Mon 12"]),  # the 10th or a Monday, as in cron
    ],
)
def test_cron_lines_mean_what_they_mean_to_cron(expression: str, fires: list[str]) -> None:
    trigger = cron_trigger(expression)
    instant = datetime(2026, 1, 1, 12).astimezone()  # Thursday noon here: cron's local time
    seen = []
    for _ in fires:
        instant = trigger.get_next_fire_time(None, instant + timedelta(seconds=1))
        seen.append(f"{instant:%a %d}")
    assert seen == fires


def start_service(db: Path) -> subprocess.Popen[str]:
    env = {key: value for key, value in os.environ.items() if key != "WARTA_DATABASE_URL"}
    command = [sys.executable, "-m", "warta", "schedule", "run", "--db", str(db), "--refresh", "1s"]
    return subprocess.Popen(
        command, cwd=db.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except sqlite3.OperationalError:  # the schema is being written in the first instants
            pass
        time.sleep(0.2)
    raise AssertionError(f"not within {timeout_s} s: {what}")


def ended_runs(db: Path) -> list[sqlite3.Row]:
    return rows(db, "SELECT * FROM crawl_runs WHERE status != 'running' ORDER BY id")


def stored_from(db: Path, base_url: str) -> int:
    return int(
        rows(db, "SELECT count(*) AS n FROM articles WHERE url LIKE ?", f"{base_url}%")[0][0]
    )


@pytest.mark.e2e
def test_the_service_catches_up_once_takes_up_a_resume_and_stops_on_sigterm(
    tmp_path: Path,
) -> None:
    db = tmp_path / "warta.db"
    with running_portal(articles=30) as small, running_portal(articles=300) as big:
        for portal, every, options in ((small, "1h", QUICK), (big, "1d", SLOW)):
            added = add(
                db, "sample_pemkot", "--every", every, "--base-url", portal.base_url, *options
            )
            assert added.exit_code == 0, added.output
        assert warta("pause", "2", "--db", str(db)).exit_code == 0
        write(db, "UPDATE schedules SET last_started_at = ?", LONG_AGO)  # thousands missed
        began = datetime.now(UTC)
        service = start_service(db)
        try:
            wait_for(lambda: len(ended_runs(db)) == 1, "schedule #1's crawl ends")
            time.sleep(2)  # time enough for a second run of #1 to start, were it to
            assert [r["schedule_id"] for r in rows(db, "SELECT * FROM crawl_runs")] == [1]
            assert warta("resume", "2", "--db", str(db)).exit_code == 0
            wait_for(lambda: stored_from(db, big.base_url) >= 5, "resumed #2 stores articles")
        finally:
            service.send_signal(signal.SIGTERM)
            out, err = service.communicate(timeout=60)

    assert service.returncode == 0, out + err  # SIGTERM is the service's normal stop
    assert "Traceback" not in out + err
    runs = rows(db, "SELECT * FROM crawl_runs ORDER BY id")
    assert [(r["schedule_id"], r["status"]) for r in runs] == [(1, "partial"), (2, "interrupted")]
    assert all(r["finished_at"] is not None for r in runs)
    assert stored_from(db, big.base_url) < 300
    starts = [r["last_started_at"] for r in rows(db, "SELECT * FROM schedules ORDER BY id")]
    assert all(datetime.fromisoformat(start) >= began for start in starts)
    assert out.count("started   #1 sample_pemkot") == 1
    assert "finished  #1 sample_pemkot: exit 3, partial (run #1)" in out
    [pid] = re.findall(r"started   #2 sample_pemkot \(pid (\d+)\)", out)
    assert not process_alive(int(pid))
    assert "finished  #2 sample_pemkot: exit 130, interrupted (run #2)" in out
