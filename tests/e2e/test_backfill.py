"""Deep backfills: one killed half-way resumes where its pagination stopped, and `--since`
bounds one to the articles published since a day."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from sample_portal import running_portal
from sample_portal.pemkot_layout import article_path
from tests.e2e.conftest import FAST, RunWarta, rows
from tests.e2e.test_crawl_interrupted import consistent

ARTICLES = 300
PAGE = re.compile(r"^/berita(?:/page/(\d+))?$")
BUNDLED = Path(__file__).resolve().parents[2] / "crawler" / "sites" / "sample_pemkot.toml"


def listings_only_profile(tmp_path: Path) -> dict[str, str]:
    """The sample profile without its sitemap and feed: every article is found by walking
    the listings, as on the many portals that have neither."""
    sites = tmp_path / "sites"
    sites.mkdir()
    kept = [
        line
        for line in BUNDLED.read_text(encoding="utf-8").splitlines()
        if not line.startswith(("sitemaps", "feeds"))
    ]
    (sites / "deep_pemkot.toml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return {**os.environ, "WARTA_SITES_DIR": str(sites)}


def crawl_command(base_url: str, db: Path) -> list[str]:
    return [
        *(sys.executable, "-m", "warta", "crawl", "deep_pemkot", "--base-url", base_url),
        *("--db", str(db), "--no-progress", "--no-captures", *FAST),
        *("-s", "DOWNLOAD_DELAY=0.02", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"),
    ]


def listing_pages(hits: dict[str, int]) -> set[int]:
    return {int(m.group(1) or 1) for path in hits if (m := PAGE.match(path))}


def wait_for_walked_pages(db: Path, at_least: int, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            walked = rows(db, "SELECT count(*) AS n FROM listing_pages WHERE walked")[0]["n"]
        except Exception:  # no archive or no schema yet in the first instants
            walked = 0
        if walked >= at_least:
            return
        time.sleep(0.1)
    raise AssertionError(f"no {at_least} listing pages walked within {timeout_s} s")


def test_a_killed_backfill_resumes_where_its_pagination_stopped(tmp_path: Path) -> None:
    db = tmp_path / "warta.db"
    env = listings_only_profile(tmp_path)
    with running_portal(articles=ARTICLES) as portal:
        first = subprocess.Popen(crawl_command(portal.base_url, db), cwd=tmp_path, env=env)
        wait_for_walked_pages(db, 8)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=60)
        stored_before = consistent(db)
        walked = {
            int(m.group(1) or 1)
            for r in rows(db, "SELECT url FROM listing_pages WHERE walked")
            if (m := PAGE.match("/" + r["url"].split("/", 3)[3]))
        }
        assert len(walked) >= 8
        assert stored_before < ARTICLES - 10
        hits_before = dict(portal.hits)
        portal.hits.clear()
        second = subprocess.run(
            crawl_command(portal.base_url, db), cwd=tmp_path, env=env, capture_output=True
        )
        hits_after = dict(portal.hits)
    assert second.returncode == 3, second.stderr  # partial: the portal's deleted article (404)
    total_pages = -(-ARTICLES // 10)
    assert listing_pages(hits_before) | listing_pages(hits_after) == set(range(1, total_pages + 1))
    # Only the head is read again (newest first until 3 quiet pages); the rest of what the
    # killed walk had done is not.
    again = listing_pages(hits_after) & walked
    assert again <= {1, 2, 3, 4}, sorted(again)
    assert consistent(db) == ARTICLES  # every live article; the dead link is no article
    assert rows(db, "SELECT count(*) AS n FROM listing_pages")[0]["n"] == 0  # walk finished
    [run] = rows(db, "SELECT stats_json FROM crawl_runs ORDER BY id DESC LIMIT 1")
    assert json.loads(run["stats_json"])["warta/backfill/resumed_pages"] >= 1


def test_since_bounds_a_backfill_to_the_articles_published_since_that_day(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    db = tmp_path / "warta.db"
    with running_portal(articles=150) as portal:
        site = portal.portal.site
        since = site.summary(90).published.date()
        done = run_warta(
            *("crawl", "sample_pemkot", "--base-url", portal.base_url, "--db", str(db)),
            *("--no-progress", "--no-captures", "--since", since.isoformat(), *FAST),
        )
        hits = dict(portal.hits)
    assert done.returncode in (0, 3), done.stdout + done.stderr
    published = {i: site.summary(i).published for i in range(1, 151) if site.exists(i)}
    recent = {i for i, when in published.items() if when.date() >= since}
    stored = {
        int(m.group(1))
        for r in rows(db, "SELECT url FROM articles")
        if (m := re.search(r"/berita/(\d+)/", r["url"]))
    }
    assert recent <= stored
    older = set(published) - recent
    # The page where articles turn older, the next one (all older: the walk stops there) and
    # the sidebars' popular picks: a small share of the older articles, not all of them.
    assert len(stored & older) < len(older) / 2, sorted(stored & older)
    pages = listing_pages(hits)
    first_all_older = min(
        n for n in range(1, 16) if all(published[i].date() < since for i in site.edition.listing(n))
    )
    assert pages == set(range(1, first_all_older + 1))
    assert hits.get(article_path(site.summary(min(older))), 0) == 0
