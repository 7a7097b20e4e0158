"""``warta schedule run``: APScheduler starts each due crawl as its own ``warta crawl`` process.

A crawl is a child process so that each keeps Scrapy's politeness, log and exit code of its own,
and so that a signal reaches it the way Ctrl-C reaches ``warta crawl``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from types import FrameType

import click
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MAX_INSTANCES, JobEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.engine import make_url

from pipelines.outcome import EXIT_CODES, UNHEALTHY_EXIT_CODE, USAGE_EXIT_CODE
from storage import Archive, StorageError, display_url
from storage.schedules import ScheduleEntry

STATUS_OF_EXIT = {code: status for status, code in EXIT_CODES.items()} | {
    USAGE_EXIT_CODE: "usage error",
    UNHEALTHY_EXIT_CODE: "finished, flagged",
}
CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
REFRESH_JOB = "refresh"


def cron_trigger(expression: str) -> BaseTrigger:
    """A 5-field crontab line as a trigger with cron's meaning, in the machine's local time.

    APScheduler 3 differs from cron twice: it counts weekday 0 as Monday, and when both the
    day of month and the day of week are restricted it wants both, where cron takes either.
    """
    fields = expression.split()
    if len(fields) != 5:
        raise ValueError(
            f"a cron expression has 5 fields (minute hour day month weekday), not {len(fields)}"
        )
    minute, hour, day, month, weekday = fields
    at = {"minute": minute, "hour": hour, "month": month}
    weekdays = cron_weekdays(weekday)
    if day.startswith("*") or weekday.startswith("*"):
        trigger: BaseTrigger = CronTrigger(day=day, day_of_week=weekdays, **at)
    else:
        trigger = OrTrigger([CronTrigger(day=day, **at), CronTrigger(day_of_week=weekdays, **at)])
    if trigger.get_next_fire_time(None, datetime.now(UTC)) is None:
        raise ValueError("it names no date that will ever come")
    return trigger


def cron_weekdays(field: str) -> str:
    """Cron's day-of-week field as day names, which APScheduler reads as cron does:
    ``"1-5"`` → ``"mon,tue,wed,thu,fri"``, ``"0,7"`` → ``"sun"``."""
    if field == "*":
        return field
    days: set[int] = set()
    for item in field.split(","):
        span, slash, step = item.partition("/")
        first, dash, last = span.partition("-")
        low = 0 if span == "*" else _cron_day(first)
        high = _cron_day(last) if dash else 6 if span == "*" or slash else low
        every = int(step) if step.isdigit() else 0 if slash else 1
        if every < 1 or low > high:
            raise ValueError(f"bad day of week {item!r}")
        days.update(day % 7 for day in range(low, high + 1, every))
    return ",".join(CRON_DAYS[day] for day in sorted(days))


def _cron_day(text: str) -> int:
    name = text.lower()
    if name in CRON_DAYS:
        return CRON_DAYS.index(name)
    if text.isdigit() and int(text) <= 7:
        return int(text)
    raise ValueError(f"bad day of week {text!r} (0-7 or sun-sat)")


def trigger_for(entry: ScheduleEntry) -> BaseTrigger:
    if entry.every_s is not None:
        return IntervalTrigger(seconds=entry.every_s)
    return cron_trigger(entry.cron or "")


def due_at(entry: ScheduleEntry) -> datetime | None:
    """When the schedule's next crawl is due, judged from when the service last started it
    (or, never started, from when it was added: an interval schedule is then due at once).
    A time already past is a missed run; the service catches it up once, at its start."""
    if entry.every_s is not None:
        if entry.last_started_at is None:
            return entry.created_at
        return entry.last_started_at + timedelta(seconds=entry.every_s)
    since = entry.last_started_at or entry.created_at
    due: datetime | None = trigger_for(entry).get_next_fire_time(None, since + timedelta(seconds=1))
    return due


def say(message: str) -> None:
    click.echo(f"{datetime.now().astimezone():%Y-%m-%d %H:%M:%S %Z}  {message}")


class ScheduleService:
    """Keeps one APScheduler job per active schedule and a child process per running crawl."""

    def __init__(self, archive: Archive, database_url: str, *, parallel: int, refresh_s: int):
        self.archive = archive
        self.database_url = database_url
        self.refresh_s = refresh_s
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._children: dict[int, subprocess.Popen[str]] = {}
        self._known: dict[int, tuple[object, ...]] = {}
        self.scheduler = BackgroundScheduler(
            executors={
                "default": ThreadPoolExecutor(parallel),
                REFRESH_JOB: ThreadPoolExecutor(1),  # re-reading never waits behind crawls
            },
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        self.scheduler.add_listener(self._on_event, EVENT_JOB_ERROR | EVENT_JOB_MAX_INSTANCES)

    def start(self) -> None:
        self.sync()
        self.scheduler.add_job(
            self.sync,
            IntervalTrigger(seconds=self.refresh_s),
            id=REFRESH_JOB,
            executor=REFRESH_JOB,
        )
        self.scheduler.start()

    def sync(self) -> None:
        """Bring the jobs in line with the schedules table: new, changed, paused, removed."""
        entries = {entry.id: entry for entry in self.archive.list_schedules()}
        for schedule_id in set(self._known) - set(entries):
            self._forget(schedule_id, "removed")
        for entry in entries.values():
            if entry.paused:
                if entry.id in self._known:
                    self._forget(entry.id, "paused")
                continue
            timing = (entry.target, entry.every_s, entry.cron, entry.options)
            if self._known.get(entry.id) == timing:
                continue
            due = due_at(entry)
            now = datetime.now(UTC)
            self.scheduler.add_job(
                self._crawl,
                trigger_for(entry),
                args=(entry.id,),
                id=f"schedule-{entry.id}",
                name=f"#{entry.id} {entry.target}",
                next_run_time=max(due, now) if due else None,
                replace_existing=True,
            )
            self._known[entry.id] = timing
            when = "due now" if due and due <= now else f"next run {local(due)}"
            say(f"watching  #{entry.id} {entry.target}: {when}")

    def _forget(self, schedule_id: int, why: str) -> None:
        del self._known[schedule_id]
        with contextlib.suppress(JobLookupError):  # a job whose trigger ended is gone already
            self.scheduler.remove_job(f"schedule-{schedule_id}")
        say(f"{why:<9} #{schedule_id}: no further crawls")

    def _crawl(self, schedule_id: int) -> None:
        entry = self.archive.get_schedule(schedule_id)
        if entry is None or entry.paused or self.stopping.is_set():
            return
        self.archive.mark_schedule_started(schedule_id, datetime.now(UTC))
        command, env = crawl_command(entry, self.database_url)
        with self._lock:
            if self.stopping.is_set():
                return
            child = subprocess.Popen(
                command,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                errors="replace",
                start_new_session=True,  # a terminal's Ctrl-C reaches it once, through stop()
            )
            self._children[schedule_id] = child
        say(f"started   #{schedule_id} {entry.target} (pid {child.pid})")
        try:
            _, stderr = child.communicate()
        finally:
            with self._lock:
                del self._children[schedule_id]
        self._report(entry, child.returncode, stderr)

    def _report(self, entry: ScheduleEntry, code: int, stderr: str) -> None:
        """One line: the exit code, and the run's status as the archive recorded it."""
        self.archive.interrupt_dead_runs()  # a crawl stopped at once could not record its end
        after = self.archive.get_schedule(entry.id)
        before = entry.last_run.run_id if entry.last_run else None
        if after and after.last_run and after.last_run.run_id != before:
            status = f"{after.last_run.status} (run #{after.last_run.run_id})"
        else:
            status = f"{STATUS_OF_EXIT.get(code, 'failed')} (no run recorded)"
        ended = f"exit {code}" if code >= 0 else f"killed by {signal.Signals(-code).name}"
        finished = f"finished  #{entry.id} {entry.target}: {ended}, {status}"
        if code in (EXIT_CODES["failed"], USAGE_EXIT_CODE) and stderr.strip():
            finished += f": {stderr.strip().splitlines()[-1]}"
        say(finished)

    def stop(self) -> None:
        """Start no more crawls and ask each running one, once per call, to stop (SIGINT: the
        crawl stores what it fetched and records the run ``interrupted``)."""
        with self._lock:
            self.stopping.set()
            children = list(self._children.values())
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGINT)

    def wait(self) -> None:
        """Wait for the running crawls to end, then for the scheduler's threads."""
        with self._lock:
            running = len(self._children)
        if running:
            say(f"stopping: waiting for {running} running crawl(s) to store what they fetched")
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)

    def _on_event(self, event: JobEvent) -> None:
        refresh = event.job_id == REFRESH_JOB
        what = "re-reading schedules" if refresh else str(event.job_id).replace("schedule-", "#")
        if event.code == EVENT_JOB_MAX_INSTANCES:
            if not refresh:
                say(f"skipped   {what}: its previous crawl is still running")
            return
        failure = getattr(event, "exception", None)
        say(f"error     {what}: {type(failure).__name__}: {failure}")
        if not isinstance(failure, StorageError | OSError):  # a bug: say where
            click.echo(getattr(event, "traceback", ""), err=True, nl=False)


def crawl_command(entry: ScheduleEntry, database_url: str) -> tuple[list[str], dict[str, str]]:
    """``python -m warta crawl TARGET --db URL --schedule-id ID OPTIONS --no-progress``; a
    database password goes in the environment instead, where other users' ``ps`` cannot see."""
    env = dict(os.environ)
    database = ["--db", database_url]
    if make_url(database_url).password is not None:
        env["WARTA_DATABASE_URL"] = database_url
        database = []
    command = [sys.executable, "-m", "warta", "crawl", entry.target, *database]
    command += ["--schedule-id", str(entry.id), *entry.options, "--no-progress"]
    return command, env


def local(instant: datetime | None) -> str:
    return "never" if instant is None else f"{instant.astimezone():%Y-%m-%d %H:%M %Z}"


def serve(archive: Archive, database_url: str, *, parallel: int, refresh_s: int) -> int:
    """Run until SIGTERM (exit 0) or Ctrl-C (exit 130); a second signal makes the crawls
    stop at once instead of finishing the items they have in flight."""
    service = ScheduleService(archive, database_url, parallel=parallel, refresh_s=refresh_s)
    received: list[int] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)
        service.stop()

    logging.getLogger("apscheduler").addHandler(logging.NullHandler())  # _on_event says it once
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        service.start()
        say(
            f"schedule service on {display_url(database_url)}: at most {parallel} crawls at once,"
            f" schedules re-read every {refresh_s} s; Ctrl-C or SIGTERM stops it"
        )
        while not service.stopping.wait(0.5):
            pass
        service.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    say("stopped")
    return EXIT_CODES["interrupted"] if received[:1] == [signal.SIGINT] else 0
