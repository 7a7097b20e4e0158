"""A profile crawl's plan, from what the archive remembers of the portal and the run's options.

The run's own settings (``--full``, ``--revisit-days``, ``-s``) win over the profile's
``[crawl]`` table, which wins over Warta's defaults.
"""

from __future__ import annotations

from datetime import datetime

from scrapy.settings import BaseSettings

from crawler.fetch import Count
from crawler.profile_plan import ProfilePlan
from crawler.profiles import SiteProfile
from storage import open_archive
from storage.crawl_memory import Revisit

_CMDLINE = 40  # Scrapy's priority for settings given on the command line


def profile_plan(
    profile: SiteProfile, settings: BaseSettings, *, start_url: str, count: Count
) -> ProfilePlan:
    """An incremental plan when the archive holds this portal, unless ``WARTA_FULL``."""
    policy = profile.crawl
    known: dict[str, datetime] = {}
    revisits: tuple[Revisit, ...] = ()
    if not settings.getbool("WARTA_FULL"):
        archive = open_archive(settings.get("WARTA_DATABASE_URL"))
        try:
            memory = archive.crawl_memory(
                profile.site_id,
                revisit_days=_chosen(settings, "WARTA_REVISIT_DAYS", policy.revisit_days),
                revisit_max=_chosen(settings, "WARTA_REVISIT_MAX", policy.revisit_max),
            )
        finally:
            archive.close()
        known, revisits = memory.seen, memory.revisits
    count("incremental/runs" if known else "incremental/full_runs", 1)
    return ProfilePlan(
        profile,
        known=known,
        revisits=revisits,
        quiet_pages=_chosen(settings, "WARTA_QUIET_PAGES", policy.quiet_pages),
        start_url=start_url,
        count=count,
    )


def _chosen(settings: BaseSettings, name: str, profile_value: int | None) -> int:
    if profile_value is not None and (settings.getpriority(name) or 0) < _CMDLINE:
        return profile_value
    return settings.getint(name)
