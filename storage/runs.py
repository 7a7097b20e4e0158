"""Crawl runs in the archive: started, kept alive, finished, listed, and found dead.

A run records the host and process that crawl it, and a heartbeat while it goes on. A run still
``running`` whose process is gone from this host, or whose heartbeat from another host has
stopped, was killed (kill -9, a crash, power lost) and is marked ``interrupted`` by the next
command that looks, so ``warta runs`` never shows a dead crawl as going on.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any, Final

from sqlalchemy import and_, func, or_, select, update

from storage import schedule_tables  # noqa: F401  (crawl_runs refer to schedules)
from storage.errors import StorageError
from storage.models import RUN_STATUSES, Article, CrawlRun
from storage.rows import new_id, to_json, utc_now
from storage.writing import Writer, table

# A run of another host that has not beaten for this long is dead: a few beats of the default
# minute, so a busy reactor is not taken for a killed crawl ...
STALE_AFTER: Final = timedelta(minutes=10)
# ... or for this many of the run's own beats, when it was started with a longer interval.
STALE_BEATS: Final = 5
TROUBLED: Final = ("failed", "partial", "interrupted")
_ENDED: Final = ("finished", "partial", "interrupted")


@dataclass(frozen=True)
class PastRun:
    id: int
    started_at: datetime
    status: str
    stats: dict[str, Any]


@dataclass(frozen=True)
class SiteHistory:
    """What a site's earlier crawls saw, for judging a new run's health (pipelines/health.py)."""

    runs: list[PastRun]  # ended with stats, newest first
    arrival_days: list[date]  # days on which new articles were first seen, newest first
    newest_first_seen_at: datetime | None


class RunLog(Writer):
    """The crawl-run half of :class:`storage.Archive`."""

    def start_run(
        self,
        target: str,
        *,
        site_id: str | None,
        args: Mapping[str, Any],
        schedule_id: int | None = None,
    ) -> int:
        row: dict[str, Any] = {"target": target, "site_id": site_id, "status": "running"}
        row["schedule_id"] = schedule_id
        row["started_at"] = utc_now()
        row |= {"args_json": to_json(args), "host": socket.gethostname(), "pid": os.getpid()}
        with self._writing() as (conn, learned):
            if site_id is not None:
                self._ensure_site_row(conn, learned, site_id)
            return new_id(conn.execute(table(CrawlRun).insert(), row))

    def beat(self, run_id: int) -> None:
        """The run is still alive: another host's ``warta`` reads this before calling it dead."""
        with self._writing() as (conn, _):
            conn.execute(
                update(CrawlRun).where(CrawlRun.id == run_id).values(heartbeat_at=utc_now())
            )

    def finish_run(
        self,
        run_id: int,
        *,
        status: str,
        stats: Mapping[str, Any],
        health: Sequence[Mapping[str, str]] | None = None,
    ) -> None:
        """``health``: the run's flags, ``[]`` when judged healthy, None when not judged."""
        if status not in RUN_STATUSES or status == "running":
            raise ValueError(f"a run ends as one of {RUN_STATUSES[1:]}, not {status!r}")
        values = {"finished_at": utc_now(), "status": status, "stats_json": to_json(stats)}
        if health is not None:
            values["health_json"] = json.dumps([dict(f) for f in health], ensure_ascii=False)
        with self._writing() as (conn, _):
            result = conn.execute(update(CrawlRun).where(CrawlRun.id == run_id).values(values))
            if result.rowcount != 1:
                raise StorageError(f"no crawl run with id {run_id}")

    def interrupt_dead_runs(self, *, stale_after: timedelta = STALE_AFTER) -> list[int]:
        """Mark ``interrupted`` the runs whose process is gone: on this host at once (by pid),
        on another once its heartbeat (or start, if it never beat) is ``stale_after`` old.
        Returns their ids."""
        here, now = socket.gethostname(), utc_now()
        columns = [getattr(CrawlRun, column.name) for column in fields(_Running)]
        running = select(*columns).where(CrawlRun.status == "running")
        with self.engine.connect() as conn:
            found = [_Running(**row._mapping) for row in conn.execute(running)]
        ends = {run.id: end for run in found if (end := run.died_at(here, now, stale_after))}
        if ends:
            with self._writing() as (conn, _):
                for run_id, end in ends.items():
                    still_running = and_(CrawlRun.id == run_id, CrawlRun.status == "running")
                    values = {"status": "interrupted", "finished_at": end}
                    conn.execute(update(CrawlRun).where(still_running).values(values))
        return sorted(ends)

    def latest_runs(
        self, limit: int = 10, *, site_id: str | None = None, troubled: bool = False
    ) -> list[dict[str, Any]]:
        """Most recent crawl runs first, with stats, args and health decoded from JSON.

        ``troubled``: only runs that did not end well (failed, partial, interrupted) or that
        carry a health flag."""
        query = select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit)
        if site_id is not None:
            query = query.where(CrawlRun.site_id == site_id)
        if troubled:
            flagged = and_(CrawlRun.health_json.is_not(None), CrawlRun.health_json != "[]")
            query = query.where(or_(CrawlRun.status.in_(TROUBLED), flagged))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return list(_decoded(dict(row._mapping) for row in rows))

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        """One run as :meth:`latest_runs` gives it, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(CrawlRun).where(CrawlRun.id == run_id)).first()
        return None if row is None else next(_decoded(iter([dict(row._mapping)])))

    def site_history(self, site_id: str, *, runs: int = 60, days: int = 30) -> SiteHistory:
        """The site's last ``runs`` ended runs with stats, and the last ``days`` days on which
        its new articles were first seen (one crawl's articles arrive together, so days, not
        articles, measure how often the portal publishes)."""
        ended = (
            select(CrawlRun.id, CrawlRun.started_at, CrawlRun.status, CrawlRun.stats_json)
            .where(
                CrawlRun.site_id == site_id,
                CrawlRun.status.in_(_ENDED),
                CrawlRun.stats_json.is_not(None),
            )
            .order_by(CrawlRun.id.desc())
            .limit(runs)
        )
        day = func.date(Article.first_seen_at).label("day")
        arrivals = (
            select(day).where(Article.site_id == site_id).distinct().order_by(day.desc())
        ).limit(days)
        newest = select(func.max(Article.first_seen_at)).where(Article.site_id == site_id)
        with self.engine.connect() as conn:
            past = [
                PastRun(row.id, row.started_at, row.status, json.loads(row.stats_json))
                for row in conn.execute(ended)
            ]
            arrival_days = [date.fromisoformat(str(value)[:10]) for value in conn.scalars(arrivals)]
            newest_first_seen_at = conn.scalar(newest)
        return SiteHistory(past, arrival_days, newest_first_seen_at)


@dataclass(frozen=True)
class _Running:
    id: int
    host: str | None
    pid: int | None
    started_at: datetime
    heartbeat_at: datetime | None
    args_json: str

    def died_at(self, here: str, now: datetime, stale_after: timedelta) -> datetime | None:
        """When the run died, as best known, or None while it may still be alive."""
        if self.host == here:
            return None if process_alive(self.pid) else now
        if self.host is None:
            return None  # written by an older Warta: nothing to tell by
        declared = json.loads(self.args_json).get("heartbeat_s")
        if isinstance(declared, int | float) and declared > 0:
            stale_after = max(stale_after, timedelta(seconds=STALE_BEATS * declared))
        last_sign = self.heartbeat_at or self.started_at
        return last_sign if now - last_sign > stale_after else None


def _decoded(runs: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for run in runs:
        run["stats"] = json.loads(run.pop("stats_json") or "null")
        run["args"] = json.loads(run.pop("args_json"))
        run["health"] = json.loads(run.pop("health_json") or "null")
        yield run


def process_alive(pid: int | None) -> bool:
    """Whether process ``pid`` still runs on this host (None: unknown, taken as alive)."""
    if pid is None:
        return True  # written by an older Warta: nothing to tell by
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process by that id
    return True
