"""Run health on real crawls: a portal redesigned without view counts and tags, a portal
serving mostly errors, and a portal gone quiet; each flagged, and shown by ``warta runs``."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sample_portal import SamplePortalServer, running_portal
from sample_portal.common import Response
from tests.e2e.conftest import FAST, RunWarta, rows
from tests.e2e.hostile_portal import Busy, crawl_profile, hostile_portal

ARTICLES = 15  # a fresh seed brings at least 12 new articles: enough for a baseline run
# The pemkot theme's meta line (date, "Dibaca") and tag box, gone in the redesign.
DROPPED_BY_REDESIGN = re.compile(r'<div class="(?:meta-berita|tag-berita)">.*?</div>', re.DOTALL)
NEWS = ("20-rapat-paripurna", "21-vaksinasi-lansia", "22-bazar-umkm", "23-car-free-day")
NEWS += ("24-pasar-murah-ramadan", "25-festival-cisadane")


def crawl_sample(run_warta: RunWarta, db: Path, base_url: str) -> subprocess.CompletedProcess[str]:
    return run_warta(
        "crawl",
        "sample_pemkot",
        "--base-url",
        base_url,
        "--db",
        str(db),
        "--no-progress",
        "--no-captures",
        *FAST,
        "-s",
        "WARTA_HEARTBEAT_S=0.05",
    )


def redesign(server: SamplePortalServer) -> None:
    """The portal's new theme prints no meta line and no tag box on its article pages."""
    handle = server.portal.handle

    def redesigned(target: str) -> Response:
        response = handle(target)
        if response.article_id is None:
            return response
        charset = response.content_type.partition("charset=")[2] or "utf-8"
        page = DROPPED_BY_REDESIGN.sub("", response.body.decode(charset))
        return replace(response, body=page.encode(charset))

    server.portal.handle = redesigned  # type: ignore[method-assign]


def test_a_redesign_without_views_and_tags_is_flagged_as_a_layout_change(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    db = tmp_path / "arsip.db"
    port = 0
    for seed in (1, 2, 3, 4):  # each crawl finds a fresh batch of news on the same portal
        with running_portal(articles=ARTICLES, seed=seed, port=port) as portal:
            port = int(portal.base_url.rsplit(":", 1)[1].strip("/"))
            if seed == 4:
                redesign(portal)
            done = crawl_sample(run_warta, db, portal.base_url)
        # The portal's deleted article (404) makes every run partial; a flag keeps that code.
        assert done.returncode == 3, done.stdout + done.stderr

    runs = rows(db, "SELECT * FROM crawl_runs ORDER BY id")
    assert [json.loads(run["health_json"]) for run in runs[:3]] == [[], [], []]
    [flag] = json.loads(runs[3]["health_json"])
    assert flag["flag"] == "layout_changed"
    stored = json.loads(runs[3]["stats_json"])["warta/articles/new"]
    assert stored >= 10
    assert flag["reason"] == (
        f"view counts on 0 of {stored} articles (usually 100%); tags on 0 of {stored} articles"
        " (usually 100%) — has the portal's layout changed?"
    )
    assert f"Flagged layout_changed: {flag['reason']}." in done.stdout
    assert f"See `warta runs show {runs[3]['id']}`." in done.stdout
    for run in runs:  # every crawl beat while it ran
        assert run["started_at"] < run["heartbeat_at"] <= run["finished_at"]

    show = run_warta("runs", "show", str(runs[3]["id"]), "--db", str(db))
    assert f"  layout_changed: {flag['reason']}" in show.stdout.splitlines()
    assert f"  fields     headlines {stored}/{stored}, dates {stored}/{stored}," in show.stdout
    listed = json.loads(run_warta("runs", "--db", str(db), "--json").stdout)
    assert [run["health"] for run in listed] == [[flag], [], [], []]


def test_a_portal_serving_mostly_errors_is_flagged_failing(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    db = tmp_path / "arsip.db"
    busy = {slug: Busy(status=429, times=None, retry_after="1") for slug in NEWS[1:]}
    with hostile_portal(listed=NEWS, busy=busy) as base_url:
        done = crawl_profile(
            run_warta, tmp_path, base_url, str(db), "-s", "WARTA_RETRY_AFTER_BUDGET=0"
        )
    assert done.returncode == 3, done.stdout + done.stderr  # partial: one article stored
    [run] = rows(db, "SELECT status, health_json FROM crawl_runs")
    assert run["status"] == "partial"
    assert json.loads(run["health_json"]) == [
        {"flag": "failing", "reason": "5 of 8 requests failed for good (429×5)"}
    ]
    listed = run_warta("runs", "--db", str(db), "--failed").stdout.splitlines()
    assert listed[1].split()[:2] == ["#1", "partial"]
    assert listed[1].split()[-2:] == ["429×5", "failing"]


def test_a_portal_gone_quiet_is_flagged_and_the_crawl_exits_4(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    db = tmp_path / "arsip.db"
    with hostile_portal(listed=NEWS) as base_url:
        first = crawl_profile(run_warta, tmp_path, base_url, str(db))
        assert first.returncode == 0, first.stdout + first.stderr
        # As if the portal had published one article a day, the last ten days ago.
        now = datetime.now(UTC)
        with closing(sqlite3.connect(db)) as conn, conn:
            ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
            for n, article_id in enumerate(ids):
                seen = f"{now - timedelta(days=10 + n):%Y-%m-%dT%H:%M:%S.%f}+00:00"
                conn.execute(
                    "UPDATE articles SET first_seen_at = ? WHERE id = ?", (seen, article_id)
                )
        second = crawl_profile(run_warta, tmp_path, base_url, str(db))

    reason = "no new article for 10 days (usually one every 1 day; flagged after 3 days)"
    assert second.returncode == 4, second.stdout + second.stderr
    assert f"Flagged no_new_articles: {reason}." in second.stdout
    runs = rows(db, "SELECT status, health_json FROM crawl_runs ORDER BY id")
    assert [(run["status"], json.loads(run["health_json"])) for run in runs] == [
        ("finished", []),
        ("finished", [{"flag": "no_new_articles", "reason": reason}]),
    ]
    failed = json.loads(run_warta("runs", "--db", str(db), "--failed", "--json").stdout)
    assert [(run["id"], run["status"]) for run in failed] == [(2, "finished")]
