"""The health rules on hand-made numbers: each flag raised when it should, and not before."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from pipelines.health import (
    Flag,
    failing,
    judge,
    layout_changed,
    no_new_articles,
    requests_done,
)
from pipelines.outcome import UNHEALTHY_EXIT_CODE, exit_code
from storage.runs import PastRun, SiteHistory

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def run_stats(
    new: int, *, title: int = -1, date_: int = -1, views: int = -1, tags: int = -1
) -> dict[str, Any]:
    """Stats of a run that stored ``new`` articles, each field on all of them unless told."""
    having = {"title": title, "published_at": date_, "view_count": views, "tags": tags}
    fields = {f"warta/fields/{k}": new if v < 0 else v for k, v in having.items()}
    return {"warta/articles/new": new, **fields}


def past(*stats: dict[str, Any], status: str = "partial") -> list[PastRun]:
    start = NOW - timedelta(days=len(stats))
    return [
        PastRun(id=100 - n, started_at=start + timedelta(days=n), status=status, stats=s)
        for n, s in enumerate(stats)
    ]


def history(runs: list[PastRun], days_ago: list[int], newest_days_ago: float) -> SiteHistory:
    return SiteHistory(
        runs=runs,
        arrival_days=[(NOW - timedelta(days=d)).date() for d in days_ago],
        newest_first_seen_at=NOW - timedelta(days=newest_days_ago),
    )


def test_failing_when_more_than_half_of_the_requests_failed_for_good() -> None:
    stats = {
        "response_received_count": 7,  # robots.txt, the listing, one article, four 429s
        "robotstxt/response_count": 1,
        "warta/errors/http_429": 4,
        "warta/errors/DownloadTimeoutError": 1,  # no response: counted on top
    }
    assert requests_done(stats) == 7
    assert failing(stats) == Flag(
        "failing", "5 of 7 requests failed for good (429×4, DownloadTimeout×1)"
    )


def test_half_failing_is_not_yet_failing() -> None:
    stats = {
        "response_received_count": 9,
        "robotstxt/response_count": 1,
        "warta/errors/http_404": 4,
    }
    assert failing(stats) is None
    assert failing({}) is None  # nothing asked, nothing to judge


def test_a_field_lost_against_the_usual_share_is_a_layout_change() -> None:
    baseline = past(run_stats(40), run_stats(12, tags=11), run_stats(30, views=29))
    broken = run_stats(12, date_=1, views=0)
    flag = layout_changed(broken, baseline)
    assert flag is not None
    assert flag.flag == "layout_changed"
    assert flag.reason == (
        "dates on 1 of 12 articles (usually 100%); view counts on 0 of 12 articles"
        " (usually 100%) — has the portal's layout changed?"
    )


def test_a_dip_above_half_the_usual_share_is_not_flagged() -> None:
    baseline = past(run_stats(20), run_stats(20), run_stats(20))
    assert layout_changed(run_stats(10, tags=6), baseline) is None


def test_a_field_the_portal_mostly_lacks_is_not_judged() -> None:
    baseline = past(run_stats(20, views=8), run_stats(20, views=9), run_stats(20, views=6))
    assert layout_changed(run_stats(10, views=0), baseline) is None


def test_the_usual_share_is_a_median_so_one_odd_run_does_not_move_it() -> None:
    baseline = past(run_stats(20), run_stats(20, tags=0), run_stats(20))
    flag = layout_changed(run_stats(10, tags=0), baseline)
    assert flag is not None
    assert "tags on 0 of 10 articles (usually 100%)" in flag.reason


@pytest.mark.parametrize(
    ("baseline", "current"),
    [
        (past(run_stats(20), run_stats(20)), run_stats(10, tags=0)),  # two runs: no median yet
        (past(run_stats(9), run_stats(9), run_stats(9)), run_stats(10, tags=0)),  # small runs
        (past(*[run_stats(20)] * 3, status="failed"), run_stats(10, tags=0)),
        (past(*[{"warta/articles/new": 20}] * 3), run_stats(10, tags=0)),  # older Warta
        (past(*[run_stats(20)] * 3), run_stats(4, tags=0)),  # too few stored to tell
        (past(*[run_stats(20)] * 3), {"warta/articles/new": 10}),  # fields not counted
    ],
)
def test_no_layout_judgement_without_enough_to_compare(
    baseline: list[PastRun], current: dict[str, Any]
) -> None:
    assert layout_changed(current, baseline) is None


def test_headlines_lost_show_as_article_pages_dropped_for_having_none() -> None:
    baseline = past(*[run_stats(20)] * 3)
    stats = {**run_stats(0), "item_dropped_reasons_count/MissingTitle": 15}
    flag = layout_changed(stats, baseline)
    assert flag is not None
    assert flag.reason.startswith("headlines on 0 of 15 articles (usually 100%)")


def test_only_the_last_ten_qualifying_runs_make_the_baseline() -> None:
    recent = [run_stats(20, tags=0)] * 10
    older = [run_stats(20)] * 5
    assert layout_changed(run_stats(10, tags=0), past(*recent, *older)) is None


def test_no_new_articles_for_much_longer_than_the_portal_usually_takes() -> None:
    daily = history([], days_ago=[10, 11, 12, 13, 14, 16], newest_days_ago=9.5)
    flag = no_new_articles(daily, NOW)
    assert flag == Flag(
        "no_new_articles",
        "no new article for 9.5 days (usually one every 1 day; flagged after 3 days)",
    )
    assert no_new_articles(history([], [2, 3, 4, 5, 6], newest_days_ago=2.5), NOW) is None


def test_the_quiet_limit_never_drops_below_two_days() -> None:
    hourly = history([], days_ago=[1, 2, 3, 4, 5, 6], newest_days_ago=1.9)
    assert no_new_articles(hourly, NOW) is None
    weekly = history([], days_ago=[14, 21, 28, 35, 42], newest_days_ago=20)
    assert no_new_articles(weekly, NOW) is None  # 3 × 7 days
    weekly_gone = history([], days_ago=[22, 29, 36, 43, 50], newest_days_ago=22)
    flag = no_new_articles(weekly_gone, NOW)
    assert flag is not None
    assert "(usually one every 7 days; flagged after 21 days)" in flag.reason


def test_no_quiet_judgement_with_too_few_arrival_days() -> None:
    assert no_new_articles(history([], [30, 31, 32, 33], newest_days_ago=30), NOW) is None
    empty = SiteHistory(runs=[], arrival_days=[], newest_first_seen_at=None)
    assert no_new_articles(empty, NOW) is None


def test_judge_gathers_every_flag_and_is_empty_when_healthy() -> None:
    baseline = past(*[run_stats(20)] * 3)
    quiet = SiteHistory(
        baseline, [date(2025, 2, d) for d in (1, 2, 3, 4, 5)], NOW - timedelta(days=20)
    )
    stats = {**run_stats(6, views=0), "response_received_count": 8, "warta/errors/http_500": 5}
    assert [f.flag for f in judge(stats, quiet, NOW)] == [
        "failing",
        "layout_changed",
        "no_new_articles",
    ]
    fresh = SiteHistory(baseline, quiet.arrival_days, NOW)
    assert judge(run_stats(20), fresh, NOW) == []
    assert [f.flag for f in judge(stats, None, NOW)] == ["failing"]  # no site: no history


def test_a_flag_gives_its_own_exit_code_only_to_a_finished_run() -> None:
    flagged = {"warta/health/no_new_articles": "no new article for 9 days"}
    assert exit_code("finished", flagged) == UNHEALTHY_EXIT_CODE == 4
    assert exit_code("finished", {}) == 0
    assert exit_code("partial", flagged) == 3
    assert exit_code("failed", flagged) == 1
    assert exit_code("interrupted", flagged) == 130
