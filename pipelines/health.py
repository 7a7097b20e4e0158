"""A crawl run's health: flags that tell a researcher a run that "worked" may have missed what
the portal published, before the gap in the archive is found months later.

Pure rules over numbers: the run's stats, and the site's earlier runs and arrival days as
storage's ``site_history`` reads them. Each threshold is a named constant with its reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from statistics import median
from typing import Any, Final

from pipelines.outcome import ERRORS, describe_errors, page_errors
from storage.runs import PastRun, SiteHistory

# "failing": more than half of the run's requests failed for good (after their retries).
FAILING_SHARE: Final = 0.5

# "layout_changed": the share of stored articles having a field fell below half its usual
# share, the usual share being the median over the site's last BASELINE_RUNS finished or
# partial runs that stored at least BASELINE_MIN_ARTICLES articles (fewer say little). A field
# the portal mostly lacks anyway (usual share under USUAL_SHARE_FLOOR) is not judged, nor a run
# that stored fewer than JUDGED_MIN_ARTICLES, nor a site with fewer than MIN_BASELINE_RUNS such
# runs (a median of one or two runs is one odd crawl away from wrong).
FIELDS: Final = ("title", "published_at", "view_count", "tags")
FIELD_STATS: Final = "warta/fields/"  # warta/fields/<field>: new or updated articles having it
FIELD_WORDS: Final = {
    "title": "headlines",
    "published_at": "dates",
    "view_count": "view counts",
    "tags": "tags",
}
BASELINE_RUNS: Final = 10
BASELINE_MIN_ARTICLES: Final = 10
MIN_BASELINE_RUNS: Final = 3
JUDGED_MIN_ARTICLES: Final = 5
USUAL_SHARE_FLOOR: Final = 0.5
DROP_RATIO: Final = 0.5

# "no_new_articles": the newest article was first seen longer ago than QUIET_GAPS times the
# median gap between the days new articles arrived, and never less than QUIET_FLOOR (a
# daily portal may skip a weekend). Judged once MIN_ARRIVAL_DAYS such days are known.
QUIET_GAPS: Final = 3
QUIET_FLOOR: Final = timedelta(days=2)
MIN_ARRIVAL_DAYS: Final = 5


@dataclass(frozen=True)
class Flag:
    flag: str
    reason: str  # one readable line

    def as_json(self) -> dict[str, str]:
        return {"flag": self.flag, "reason": self.reason}


def judge(stats: Mapping[str, Any], history: SiteHistory | None, now: datetime) -> list[Flag]:
    """Every flag the run earns; ``[]`` when healthy. No history (a run of no site): only
    what the run's own stats say."""
    flags = [failing(stats)]
    if history is not None:
        flags += [layout_changed(stats, history.runs), no_new_articles(history, now)]
    return [flag for flag in flags if flag is not None]


def requests_done(stats: Mapping[str, Any]) -> int:
    """Requests that got a final answer or failed for good: every response but robots.txt's
    (error pages included; retried ones never reach the stats), plus the failures that got no
    response at all (timeouts, refused connections)."""
    answered = int(stats.get("response_received_count", 0))
    answered -= int(stats.get("robotstxt/response_count", 0))
    unanswered = sum(
        int(v)
        for k, v in stats.items()
        if k.startswith(ERRORS) and not k.startswith(f"{ERRORS}http_")
    )
    return answered + unanswered


def failing(stats: Mapping[str, Any]) -> Flag | None:
    errors, done = page_errors(stats), requests_done(stats)
    if done <= 0 or errors <= FAILING_SHARE * done:
        return None
    reason = f"{errors} of {done} requests failed for good ({describe_errors(stats)})"
    return Flag("failing", reason)


def field_counts(stats: Mapping[str, Any], field: str) -> tuple[int, int]:
    """(articles having ``field``, articles judged): the run's new and updated articles; for
    the headline also the article pages dropped for having none, as a stored article always
    has one."""
    judged = stored_articles(stats)
    if field == "title":
        judged += int(stats.get("item_dropped_reasons_count/MissingTitle", 0))
    return int(stats.get(FIELD_STATS + field, 0)), judged


def stored_articles(stats: Mapping[str, Any]) -> int:
    """Articles the run stored as new or updated: the ones whose fields were counted."""
    return int(stats.get("warta/articles/new", 0)) + int(stats.get("warta/articles/updated", 0))


def _counted(stats: Mapping[str, Any]) -> bool:
    """Whether the run counted fields at all (runs of an older Warta did not)."""
    return all(FIELD_STATS + field in stats for field in FIELDS)


def _share(stats: Mapping[str, Any], field: str) -> float:
    having, judged = field_counts(stats, field)
    return having / judged if judged else 0.0


def layout_changed(stats: Mapping[str, Any], past: Sequence[PastRun]) -> Flag | None:
    if not _counted(stats):
        return None
    baseline = [
        run.stats
        for run in past
        if run.status in ("finished", "partial")
        and _counted(run.stats)
        and stored_articles(run.stats) >= BASELINE_MIN_ARTICLES
    ][:BASELINE_RUNS]
    if len(baseline) < MIN_BASELINE_RUNS:
        return None
    dropped = []
    for field in FIELDS:
        having, judged = field_counts(stats, field)
        usual = median(_share(run, field) for run in baseline)
        if judged < JUDGED_MIN_ARTICLES or usual < USUAL_SHARE_FLOOR:
            continue
        if having / judged < DROP_RATIO * usual:
            words = FIELD_WORDS[field]
            dropped.append(f"{words} on {having} of {judged} articles (usually {usual:.0%})")
    if not dropped:
        return None
    reason = "; ".join(dropped) + " — has the portal's layout changed?"
    return Flag("layout_changed", reason)


def no_new_articles(history: SiteHistory, now: datetime) -> Flag | None:
    days = sorted(set(history.arrival_days))
    newest = history.newest_first_seen_at
    if newest is None or len(days) < MIN_ARRIVAL_DAYS:
        return None
    usual = timedelta(days=median((later - earlier).days for earlier, later in pairwise(days)))
    limit = max(QUIET_GAPS * usual, QUIET_FLOOR)
    quiet = now - newest
    if quiet <= limit:
        return None
    reason = (
        f"no new article for {_days(quiet)} (usually one every {_days(usual)};"
        f" flagged after {_days(limit)})"
    )
    return Flag("no_new_articles", reason)


def _days(span: timedelta) -> str:
    """``timedelta(days=9, hours=12)`` → ``9.5 days``"""
    days = round(span.total_seconds() / 86400, 1)
    return f"{days:g} day" if days == 1 else f"{days:g} days"
