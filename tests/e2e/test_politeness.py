"""Each portal keeps its own pace: two crawled at once each stay within their profile's delay
and concurrency, and a portal that keeps failing is asked ever more slowly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import rows
from tests.e2e.paced_portal import PROFILE, gaps, paced_portal


def write_profiles(tmp_path: Path, **crawl_tables: str) -> dict[str, str]:
    sites = tmp_path / "sites"
    sites.mkdir()
    for site_id, table in crawl_tables.items():
        text = PROFILE.format(name=site_id, crawl=table)
        (sites / f"{site_id}.toml").write_text(text, encoding="utf-8")
    return {**os.environ, "WARTA_SITES_DIR": str(sites)}


def crawl(site_id: str, base_url: str, db: Path, *extra: str) -> list[str]:
    return [
        *(sys.executable, "-m", "warta", "crawl", site_id, "--base-url", base_url),
        *("--db", str(db), "--no-progress", "--no-captures"),
        *("-s", "AUTOTHROTTLE_ENABLED=False", *extra),
    ]


def test_two_portals_crawled_together_each_keep_their_own_delay_and_concurrency(
    tmp_path: Path,
) -> None:
    env = write_profiles(
        tmp_path,
        laju_pelan="delay = 0.5\nconcurrency = 1",
        laju_cepat="delay = 0\nconcurrency = 3",
    )
    with (
        paced_portal(articles=8, latency=0.3) as slow,
        paced_portal(articles=8, latency=0.3) as fast,
    ):
        crawls = [
            subprocess.Popen(
                crawl(site_id, portal.base_url, tmp_path / f"{site_id}.db"),
                cwd=tmp_path,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for site_id, portal in (("laju_pelan", slow), ("laju_cepat", fast))
        ]
        for process in crawls:
            _, stderr = process.communicate(timeout=120)
            assert process.returncode == 0, stderr
    assert len(slow.articles()) == len(fast.articles()) == 9  # 8 listed, 1 in the sidebar
    # The slow profile: one request at a time, each at least 0.5 s after the one before
    # (a delay asked for is a minimum: no jitter below it).
    assert slow.most_in_flight() == 1
    assert min(slow.start_gaps()) >= 0.49
    # The fast one, crawled at the same time by its own process, is held to neither.
    assert 2 <= fast.most_in_flight() <= 3


def test_the_run_overrides_the_profile_pace(tmp_path: Path) -> None:
    env = write_profiles(tmp_path, laju_cepat="delay = 0\nconcurrency = 3")
    with paced_portal(articles=4, latency=0.2) as portal:
        done = subprocess.run(
            crawl(
                "laju_cepat",
                portal.base_url,
                tmp_path / "a.db",
                "--concurrency",
                "1",
                "--delay",
                "0.3",
            ),
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert portal.most_in_flight() == 1
    assert min(portal.start_gaps()) >= 0.29


def test_a_failing_portal_is_asked_ever_more_slowly(tmp_path: Path) -> None:
    env = write_profiles(tmp_path, laju_rusak="concurrency = 1")
    db = tmp_path / "a.db"
    with paced_portal(articles=6, broken=True) as portal:
        done = subprocess.run(
            crawl(
                "laju_rusak",
                portal.base_url,
                db,
                *("-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0"),
                *("-s", "WARTA_ERROR_BACKOFF_START=0.2", "-s", "WARTA_ERROR_BACKOFF_MAX=0.8"),
            ),
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1, done.stdout + done.stderr  # nothing could be stored
    starts = [visit.start for visit in portal.articles()]
    assert len(starts) == 7  # the listing's six and the sidebar's popular one
    waits = gaps(starts)
    # Two errors are nothing unusual; three in a row (the listing answered fine) space the
    # next requests 0.2 s, 0.4 s, then 0.8 s (the cap) apart.
    assert max(waits[:2]) < 0.19
    assert waits[2] >= 0.19
    assert waits[3] >= 0.39
    assert min(waits[4:]) >= 0.79
    [run] = rows(db, "SELECT stats_json FROM crawl_runs")
    stats = json.loads(run["stats_json"])
    assert stats["warta/backoff/delay_s/127.0.0.1"] == 0.8
    assert stats["warta/backoff/slowed"] == 3


def test_a_portal_that_only_fails_is_given_up_and_the_run_says_so(tmp_path: Path) -> None:
    env = write_profiles(tmp_path, laju_rusak="concurrency = 1")
    db = tmp_path / "a.db"
    with paced_portal(articles=40, broken=True) as portal:
        done = subprocess.run(
            crawl(
                "laju_rusak",
                portal.base_url,
                db,
                *("-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0"),
                *("-s", "WARTA_ERROR_BACKOFF_START=0.1", "-s", "WARTA_ERROR_BACKOFF_MAX=0.2"),
                *("-s", "WARTA_ERROR_GIVE_UP_S=1"),
            ),
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1, done.stdout + done.stderr
    # errors from the first on; after a second of nothing else the crawl stops asking, but
    # for the requests already handed to the downloader (16 at most), still sent at the
    # backed-off pace
    assert 5 <= len(portal.articles()) <= 30
    [run] = rows(db, "SELECT status, stats_json FROM crawl_runs")
    stats = json.loads(run["stats_json"])
    assert (run["status"], stats["finish_reason"]) == ("failed", "portal_failing")
    assert stats["warta/backoff/gave_up"] == "127.0.0.1"
