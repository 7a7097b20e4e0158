"""Crawl runs in the archive: started, finished, listed, and found dead.

A run records the host and process that crawl it. A run still ``running`` whose process is gone
from this host was killed (kill -9, a crash, power lost) and is marked ``interrupted`` by the
next command that looks, so ``warta runs`` never shows a dead crawl as going on.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import select, update

from storage import schedule_tables  # noqa: F401  (crawl_runs refer to schedules)
from storage.errors import StorageError
from storage.models import RUN_STATUSES, CrawlRun
from storage.rows import new_id, to_json, utc_now
from storage.writing import Writer, table


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

    def finish_run(self, run_id: int, *, status: str, stats: Mapping[str, Any]) -> None:
        if status not in RUN_STATUSES or status == "running":
            raise ValueError(f"a run ends as one of {RUN_STATUSES[1:]}, not {status!r}")
        values = {"finished_at": utc_now(), "status": status, "stats_json": to_json(stats)}
        with self._writing() as (conn, _):
            result = conn.execute(update(CrawlRun).where(CrawlRun.id == run_id).values(values))
            if result.rowcount != 1:
                raise StorageError(f"no crawl run with id {run_id}")

    def interrupt_dead_runs(self) -> list[int]:
        """Mark ``interrupted`` the runs of this host whose process is gone; returns their ids."""
        here = socket.gethostname()
        running = select(CrawlRun.id, CrawlRun.pid).where(
            CrawlRun.status == "running", CrawlRun.host == here
        )
        with self.engine.connect() as conn:
            dead = [row.id for row in conn.execute(running) if not process_alive(row.pid)]
        if dead:
            values = {"status": "interrupted", "finished_at": utc_now()}
            with self._writing() as (conn, _):
                alive_guard = CrawlRun.status == "running"
                conn.execute(
                    update(CrawlRun).where(CrawlRun.id.in_(dead), alive_guard).values(values)
                )
        return dead

    def latest_runs(self, limit: int = 10) -> list[dict[str, Any]]:
        """Most recent crawl runs first, with stats and args decoded from JSON."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit)).all()
        return list(_decoded(dict(row._mapping) for row in rows))


def _decoded(runs: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for run in runs:
        run["stats"] = json.loads(run.pop("stats_json") or "null")
        run["args"] = json.loads(run.pop("args_json"))
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
