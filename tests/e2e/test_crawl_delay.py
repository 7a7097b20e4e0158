"""A robots.txt Crawl-delay spaces a portal's requests, within a ceiling a hostile one cannot
raise; the fault portal's own pages (slow, broken) are crawled as ever, only later."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from tests.e2e.conftest import RunWarta, rows
from tests.e2e.hostile_portal import DEFAULT_ROBOTS, Handler, crawl_profile, hostile_portal

DELAYED = DEFAULT_ROBOTS + b"Crawl-delay: 1\n"


def gaps_after_robots(hits: list[float]) -> list[float]:
    return [later - earlier for earlier, later in itertools.pairwise(hits)]


def test_crawl_delay_spaces_every_request_after_robots_txt(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    with hostile_portal(robots=DELAYED) as base_url:
        done = crawl_profile(run_warta, tmp_path, base_url, str(db), "--no-captures")
        hits = [hit for hit in Handler.hits if hit.path != "/robots.txt"]
    assert done.returncode in (0, 3), done.stdout + done.stderr
    assert len(hits) >= 8
    starts = sorted(hit.at for hit in hits)
    # A Crawl-delay is a minimum, waited out in full (no jitter below it); with none these
    # requests leave together (FAST: no delay, several at once).
    assert min(gaps_after_robots(starts)) >= 0.95
    [run] = rows(db, "SELECT stats_json FROM crawl_runs")
    assert json.loads(run["stats_json"])["warta/robots/crawl_delay/127.0.0.1"] == 1.0


def test_a_huge_crawl_delay_is_held_to_the_ceiling(run_warta: RunWarta, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    hostile = DEFAULT_ROBOTS + b"Crawl-delay: 86400\n"
    with hostile_portal(robots=hostile) as base_url:
        done = crawl_profile(
            run_warta,
            tmp_path,
            base_url,
            str(db),
            "--no-captures",
            "-s",
            "WARTA_CRAWL_DELAY_MAX=0.2",
        )
    assert done.returncode in (0, 3), done.stdout + done.stderr
    [run] = rows(db, "SELECT stats_json FROM crawl_runs")
    stats = json.loads(run["stats_json"])
    assert stats["warta/robots/crawl_delay/127.0.0.1"] == 0.2
    assert stats.get("warta/articles/new", 0) >= 5
