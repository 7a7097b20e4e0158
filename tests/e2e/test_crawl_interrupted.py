"""A crawl stopped by Ctrl-C or killed outright leaves an archive that is whole and resumable."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sample_portal import running_portal
from tests.e2e.conftest import rows

ARTICLES = 300


def start_crawl(base_url: str, db: Path) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "warta",
        "crawl",
        "sample_pemkot",
        "--base-url",
        base_url,
        "--db",
        str(db),
        "--no-progress",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0.02",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=1",
    ]
    return subprocess.Popen(
        command, cwd=db.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for_articles(db: Path, at_least: int, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if db.exists():
            try:
                if rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] >= at_least:
                    return
            except sqlite3.OperationalError:  # no schema yet in the first instants
                pass
        time.sleep(0.2)
    raise AssertionError(f"no {at_least} articles stored within {timeout_s} s")


def consistent(db: Path) -> int:
    """Every article has its first revision and its tags; returns the article count."""
    articles = rows(db, "SELECT count(*) AS n FROM articles")[0]["n"]
    first_revisions = rows(db, "SELECT count(*) AS n FROM revisions WHERE revision_no = 1")[0]["n"]
    orphans = rows(
        db,
        "SELECT count(*) AS n FROM article_tags WHERE article_id NOT IN (SELECT id FROM articles)",
    )[0]["n"]
    untagged = rows(
        db,
        "SELECT count(*) AS n FROM articles WHERE id NOT IN (SELECT article_id FROM article_tags)",
    )[0]["n"]
    assert (first_revisions, orphans, untagged) == (articles, 0, 0)
    assert rows(db, "PRAGMA integrity_check")[0][0] == "ok"
    return int(articles)


def test_ctrl_c_marks_the_run_interrupted_and_keeps_what_was_fetched(tmp_path: Path) -> None:
    db = tmp_path / "warta.db"
    with running_portal(articles=ARTICLES) as portal:
        crawl = start_crawl(portal.base_url, db)
        wait_for_articles(db, 50)
        crawl.send_signal(signal.SIGINT)
        _, stderr = crawl.communicate(timeout=60)
    assert crawl.returncode == 130, stderr  # the documented code for an interrupted crawl
    stored = consistent(db)
    assert 50 <= stored < ARTICLES
    [run] = rows(db, "SELECT status FROM crawl_runs")
    assert run["status"] == "interrupted"


def test_killed_crawl_leaves_a_whole_archive_and_the_next_run_completes(tmp_path: Path) -> None:
    db = tmp_path / "warta.db"
    with running_portal(articles=ARTICLES) as portal:
        crawl = start_crawl(portal.base_url, db)
        wait_for_articles(db, 50)
        os.kill(crawl.pid, signal.SIGKILL)
        crawl.communicate(timeout=60)
        assert 50 <= consistent(db) < ARTICLES
        [run] = rows(db, "SELECT status FROM crawl_runs")
        assert run["status"] == "running"  # nobody got to say how it ended ...
        listed = subprocess.run(
            [sys.executable, "-m", "warta", "runs", "--db", str(db)],
            capture_output=True,
            text=True,
            check=True,
        )
        # ... until the next command looks
        assert listed.stdout.splitlines()[1].split()[:2] == ["#1", "interrupted"]

        again = start_crawl(portal.base_url, db)
        stdout, stderr = again.communicate(timeout=240)
    assert again.returncode == 3, stderr  # partial: the sample portal's deleted article (404)
    assert consistent(db) == ARTICLES
    assert "new and 0 updated articles stored." in stdout
    statuses = [r["status"] for r in rows(db, "SELECT status FROM crawl_runs ORDER BY id")]
    assert statuses == ["interrupted", "partial"]
