"""A profile crawl's plan and pace, from what the archive remembers of the portal and the
run's options.

The run's own settings (``--full``, ``--revisit-days``, ``--delay``, ``-s``) win over the
profile's ``[crawl]`` table, which wins over Warta's defaults.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from scrapy.settings import BaseSettings

from crawler.fetch import Count
from crawler.profile_plan import ProfilePlan
from crawler.profiles import SiteProfile
from crawler.urls import bare_host
from storage import open_archive
from storage.crawl_memory import Revisit

_CMDLINE = 40  # Scrapy's priority for settings given on the command line
_SPIDER = 30  # ... and for those a spider sets


def profile_plan(
    profile: SiteProfile, settings: BaseSettings, *, start_url: str, count: Count
) -> ProfilePlan:
    """An incremental plan when the archive holds this portal, unless ``WARTA_FULL``; the
    unfinished backfill it finds is resumed; ``WARTA_SINCE`` (a day in the portal's zone)
    bounds the walk."""
    policy = profile.crawl
    known: dict[str, datetime] = {}
    revisits: tuple[Revisit, ...] = ()
    archive = open_archive(settings.get("WARTA_DATABASE_URL"))
    try:
        resume = archive.listing_progress(profile.site_id)
        if not settings.getbool("WARTA_FULL"):
            memory = archive.crawl_memory(
                profile.site_id,
                revisit_days=_chosen(settings, "WARTA_REVISIT_DAYS", policy.revisit_days),
                revisit_max=_chosen(settings, "WARTA_REVISIT_MAX", policy.revisit_max),
            )
            known, revisits = memory.seen, memory.revisits
    finally:
        archive.close()
    count("incremental/runs" if known else "incremental/full_runs", 1)
    since = settings.get("WARTA_SINCE") or None
    return ProfilePlan(
        profile,
        known=known,
        revisits=revisits,
        quiet_pages=_chosen(settings, "WARTA_QUIET_PAGES", policy.quiet_pages),
        start_url=start_url,
        since=since_instant(since, profile.timezone) if since else None,
        resume=resume,
        count=count,
    )


def since_instant(day: str, zone: str) -> datetime:
    """``("2024-03-01", "Asia/Makassar")`` → midnight of that day in the portal's zone, in UTC.

    Raises ValueError for anything but an ISO date.
    """
    start = datetime.combine(date.fromisoformat(day), time(), tzinfo=ZoneInfo(zone))
    return start.astimezone(UTC)


def keep_portal_pace(profile: SiteProfile, settings: BaseSettings) -> None:
    """Before the crawl starts: the profile's own pace for its hosts' download slots; a
    ``DOWNLOAD_SLOTS`` entry the run gives wins."""
    if slots := portal_slots(profile, settings):
        priority = max(settings.getpriority("DOWNLOAD_SLOTS") or 0, _SPIDER)
        settings.set(
            "DOWNLOAD_SLOTS", slots | settings.getdict("DOWNLOAD_SLOTS"), priority=priority
        )


def portal_slots(profile: SiteProfile, settings: BaseSettings) -> dict[str, dict[str, Any]]:
    """``DOWNLOAD_SLOTS`` entries for the portal's hosts with the profile's own delay and
    concurrency, where the run does not set its own; empty when the profile sets neither."""
    policy, pace = profile.crawl, dict[str, Any]()
    if policy.delay is not None and not _given(settings, "DOWNLOAD_DELAY"):
        pace |= {"delay": policy.delay, "jitter": 0.0}  # a delay asked for is a minimum
    if policy.concurrency is not None and not _given(settings, "CONCURRENT_REQUESTS_PER_DOMAIN"):
        pace["concurrency"] = policy.concurrency
    bare = bare_host(urlsplit(profile.base_url).hostname or "")
    return {host: dict(pace) for host in (bare, "www." + bare)} if pace and bare else {}


def _given(settings: BaseSettings, name: str) -> bool:
    return (settings.getpriority(name) or 0) >= _CMDLINE


def _chosen(settings: BaseSettings, name: str, profile_value: int | None) -> int:
    if profile_value is not None and not _given(settings, name):
        return profile_value
    return settings.getint(name)
