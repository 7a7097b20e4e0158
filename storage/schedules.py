"""Recurring crawls kept in the archive they fill: added, listed, paused, resumed, removed.

The service that runs them (``warta schedule run``) records when it last started each one,
so a restarted service can tell a run it missed from one that is not due yet.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, func, select, update

from storage.errors import StorageError
from storage.models import CrawlRun
from storage.rows import new_id, utc_now
from storage.schedule_tables import Schedule
from storage.writing import Writer, table

MIN_EVERY_S = 60  # the table's CHECK: a schedule runs at most once a minute


@dataclass(frozen=True)
class LastRun:
    """The latest crawl run a schedule started, with its health flags as text."""

    run_id: int
    status: str
    started_at: datetime
    finished_at: datetime | None
    health: tuple[str, ...]


@dataclass(frozen=True)
class ScheduleEntry:
    """A schedule row with its ``warta crawl`` options decoded and its latest run."""

    id: int
    target: str
    every_s: int | None
    cron: str | None
    options: tuple[str, ...]
    paused: bool
    created_at: datetime
    last_started_at: datetime | None
    last_run: LastRun | None


class Schedules(Writer):
    """The schedule half of :class:`storage.Archive`."""

    def add_schedule(
        self,
        target: str,
        *,
        every_s: int | None = None,
        cron: str | None = None,
        options: Sequence[str] = (),
    ) -> int:
        """Store a schedule (exactly one of ``every_s`` and ``cron``); returns its id."""
        if (every_s is None) == (cron is None):
            raise ValueError("a schedule has either an interval or a cron expression, not both")
        if every_s is not None and every_s < MIN_EVERY_S:
            raise ValueError(f"a schedule runs at most every {MIN_EVERY_S} s, not {every_s} s")
        row: dict[str, Any] = {"target": target, "every_s": every_s, "cron": cron}
        row |= {"options_json": json.dumps(list(options), ensure_ascii=False), "paused": False}
        row["created_at"] = utc_now()
        with self._writing() as (conn, _):
            return new_id(conn.execute(table(Schedule).insert(), row))

    def list_schedules(self) -> list[ScheduleEntry]:
        """Every schedule, oldest first, each with the latest run it started."""
        with self.engine.connect() as conn:
            schedules = conn.execute(select(Schedule).order_by(Schedule.id)).all()
            last_runs = _last_runs(conn)
        return [_entry(row, last_runs.get(row.id)) for row in schedules]

    def get_schedule(self, schedule_id: int) -> ScheduleEntry | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(Schedule).where(Schedule.id == schedule_id)).first()
            if row is None:
                return None
            return _entry(row, _last_runs(conn, schedule_id).get(schedule_id))

    def remove_schedule(self, schedule_id: int) -> None:
        """Delete the schedule; its runs stay, no longer tied to it (``schedule_id`` NULL)."""
        with self._writing() as (conn, _):
            done = conn.execute(delete(Schedule).where(Schedule.id == schedule_id))
            _exactly_one(done.rowcount, schedule_id)

    def set_schedule_paused(self, schedule_id: int, *, paused: bool) -> None:
        self._update_schedule(schedule_id, paused=paused)

    def mark_schedule_started(self, schedule_id: int, at: datetime) -> None:
        """Record that the service started the schedule's crawl at ``at``."""
        self._update_schedule(schedule_id, last_started_at=at)

    def _update_schedule(self, schedule_id: int, **values: Any) -> None:
        with self._writing() as (conn, _):
            done = conn.execute(update(Schedule).where(Schedule.id == schedule_id).values(values))
            _exactly_one(done.rowcount, schedule_id)


def _exactly_one(rowcount: int, schedule_id: int) -> None:
    if rowcount != 1:
        raise StorageError(f"no schedule with id {schedule_id}")


def _last_runs(conn: Connection, schedule_id: int | None = None) -> dict[int, LastRun]:
    latest = select(func.max(CrawlRun.id)).where(CrawlRun.schedule_id.is_not(None))
    if schedule_id is not None:
        latest = latest.where(CrawlRun.schedule_id == schedule_id)
    latest = latest.group_by(CrawlRun.schedule_id)
    runs = conn.execute(select(CrawlRun).where(CrawlRun.id.in_(latest))).all()
    return {
        run.schedule_id: LastRun(
            run.id, run.status, run.started_at, run.finished_at, health_flags(run.health_json)
        )
        for run in runs
    }


def health_flags(health_json: str | None) -> tuple[str, ...]:
    """The flags' names: ``'[{"flag": "failing", "reason": "…"}]'`` → ``("failing",)``; a bare
    name is taken as it is, anything else is kept as compact JSON so it still shows."""
    flags = json.loads(health_json) if health_json else []
    return tuple(_flag_name(flag) for flag in (flags if isinstance(flags, list) else [flags]))


def _flag_name(flag: object) -> str:
    name = flag.get("flag") if isinstance(flag, dict) else flag
    if isinstance(name, str):
        return name
    return json.dumps(flag, ensure_ascii=False)


def _entry(row: Row[Any], last_run: LastRun | None) -> ScheduleEntry:
    return ScheduleEntry(
        id=row.id,
        target=row.target,
        every_s=row.every_s,
        cron=row.cron,
        options=tuple(json.loads(row.options_json)),
        paused=bool(row.paused),
        created_at=row.created_at,
        last_started_at=row.last_started_at,
        last_run=last_run,
    )
