"""End to end: a generic crawl stores articles it cannot date, with no ``published_at``.

The portal (tests/e2e/undated_portal.py) has two dated articles, one that declares itself an
article (``og:type``) under a date line that says "Diposting beberapa waktu yang lalu", one
that declares a JSON-LD ``NewsArticle`` and prints no date at all, and a long, undated
"Profil" page. The README promises the undated two are kept with ``published_at`` NULL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import FAST, RunWarta, rows
from tests.e2e.undated_portal import DATED, SOME_TIME_AGO, SOME_TIME_AGO_STORY, UNDATED
from tests.e2e.undated_portal import undated_portal as serve

pytestmark = pytest.mark.e2e

Records = dict[str, dict[str, Any]]


def crawl(run_warta: RunWarta, tmp_path: Path, *, other_dates: bool) -> tuple[Records, Any]:
    """``warta crawl`` the portal with no profile: its articles by path, and the run's stats."""
    db = tmp_path / "undated.db"
    with serve(other_dates=other_dates) as base_url:
        done = run_warta("crawl", base_url, "--db", str(db), "--no-progress", *FAST)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    [run] = rows(db, "SELECT status, stats_json FROM crawl_runs")
    assert run["status"] == "finished"
    query = "SELECT url, title, published_at, published_raw FROM articles"
    records = {r["url"].removeprefix(base_url.rstrip("/")): dict(r) for r in rows(db, query)}
    return records, json.loads(run["stats_json"])


def test_undated_articles_are_stored_without_a_date_and_static_pages_are_not(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    records, stats = crawl(run_warta, tmp_path, other_dates=False)

    assert sorted(records) == sorted(s.path for s in (*DATED, *UNDATED))  # not /profil
    assert all(r["title"] for r in records.values())
    for story in DATED:
        assert records[story.path]["published_at"], story.path
    for story in UNDATED:
        assert records[story.path]["published_at"] is None, story.path

    assert stats["warta/pages/article"] == 4
    assert stats["warta/pages/other"] == 1  # /profil
    assert stats["warta/pages/listing"] == 2  # home and /berita
    # each undated article counted once, as unparsed (a date line kept) or missing
    undated = stats.get("warta/published/unparsed", 0) + stats.get("warta/published/missing", 0)
    assert undated == 2
    assert not [k for k in stats if k.startswith("warta/errors/")]


def test_an_unreadable_date_line_is_kept_as_published_raw(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    records, stats = crawl(run_warta, tmp_path, other_dates=False)

    assert SOME_TIME_AGO in (records[SOME_TIME_AGO_STORY.path]["published_raw"] or "")
    assert stats.get("warta/published/unparsed") == 1
    assert stats.get("warta/published/missing") == 1


def test_other_articles_and_comments_dates_do_not_date_an_undated_article(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    records, _ = crawl(run_warta, tmp_path, other_dates=True)

    assert sorted(records) == sorted(s.path for s in (*DATED, *UNDATED))
    for story in UNDATED:
        assert records[story.path]["published_at"] is None, story.path
