"""A portal crawled again one edition later: only what is new, the recent articles and what
the sitemap says changed are fetched, and nothing the generator published is missed."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import pytest

from sample_portal import Edition, running_portal
from sample_portal.pemkot_layout import article_path
from tests.e2e.conftest import FAST, rows, warta_runner

ARTICLES = 150  # about 23 days of a slow portal: the 14-day revisit window holds part of it
LISTING = re.compile(r"^/berita(/page/\d+)?$")
ARTICLE = re.compile(r"^/berita/(\d+)/[a-z0-9-]+$")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Edition 1 in full, edition 2 incrementally, edition 2 again with ``--full``, and once
    more incrementally: nothing changed since, so the portal answers revisits with 304."""
    tmp = tmp_path_factory.mktemp("incremental")
    run = warta_runner(tmp)
    db = tmp / "arsip.db"
    found: dict[str, Any] = {"db": db}
    port = 0
    plan = [("first", 1, []), ("second", 2, []), ("full", 2, ["--full"]), ("again", 2, [])]
    for name, edition, extra in plan:
        with running_portal(articles=ARTICLES, edition=edition, port=port) as portal:
            port = int(portal.base_url.rsplit(":", 1)[1].strip("/"))
            if name in ("second", "again"):
                found[f"before_{name}"] = rows(
                    db,
                    "SELECT url, published_at, last_seen_at, etag FROM articles "
                    "WHERE removed_at IS NULL",
                )
            done = run(
                "crawl",
                "sample_pemkot",
                "--base-url",
                portal.base_url,
                "--db",
                str(db),
                "--no-progress",
                *FAST,
                *extra,
            )
            assert done.returncode in (0, 3), done.stdout + done.stderr
            found[name] = {"hits": Counter(portal.hits), "base_url": portal.base_url}
    stats = rows(db, "SELECT stats_json FROM crawl_runs ORDER BY id")
    for name, row in zip(("first", "second", "full", "again"), stats, strict=True):
        found[name]["stats"] = json.loads(row["stats_json"])
    return found


def listing_pages(hits: Counter[str]) -> set[str]:
    return {path for path in hits if LISTING.match(path)}


def article_ids(hits: Counter[str]) -> set[int]:
    return {int(m.group(1)) for path in hits if (m := ARTICLE.match(path))}


def test_the_first_crawl_is_full_and_the_second_incremental(runs: dict[str, Any]) -> None:
    assert runs["first"]["stats"].get("warta/incremental/full_runs") == 1
    assert runs["second"]["stats"].get("warta/incremental/runs") == 1
    assert runs["full"]["stats"].get("warta/incremental/full_runs") == 1


def test_every_new_article_is_stored(runs: dict[str, Any]) -> None:
    second = Edition(1, ARTICLES, 2)
    base = runs["second"]["base_url"].rstrip("/")
    published = {
        base + article_path(second.summary(i)) for i in second.new_ids if second.is_live(i)
    }
    stored = {row["url"] for row in rows(runs["db"], "SELECT url FROM articles")}
    assert len(published) >= 7
    assert published <= stored


def test_the_listing_walk_stops_once_pages_bring_nothing_new(runs: dict[str, Any]) -> None:
    every_page = listing_pages(runs["full"]["hits"])
    walked = listing_pages(runs["second"]["hits"])
    assert len(every_page) == -(-Edition(1, ARTICLES, 2).live_count // 10)  # 10 per page
    second = Edition(1, ARTICLES, 2)
    assert len(second.new_ids) == 14  # 150 // 20 new, and 7 syndicated releases and near misses
    # The new ones fill page 1 and part of page 2; three quiet pages later the walk stops.
    # Page 2 is quiet too when the sitemap named its new articles first: either order is
    # right. Only "next" links are followed, never the last page the pagination also shows.
    pages = ["/berita"] + [f"/berita/page/{n}" for n in range(2, 6)]
    assert set(pages[:4]) <= walked <= set(pages)
    assert runs["second"]["stats"].get("warta/incremental/listings_stopped", 0) >= 1


def recent_ids(runs: dict[str, Any], before_run: str = "second") -> set[int]:
    """Published within 14 days of the newest article the archive held before the crawl."""
    before = runs[f"before_{before_run}"]
    newest = max(datetime.fromisoformat(row["published_at"]) for row in before)
    return {
        _id(row["url"])
        for row in before
        if datetime.fromisoformat(row["published_at"]) >= newest - timedelta(days=14)
    }


def test_known_articles_fetched_again_are_the_recent_ones(runs: dict[str, Any]) -> None:
    """And those whose sitemap lastmod is later than when they were last seen: on the sample
    portal, whose dates lie in the past, that never happens."""
    known = {_id(row["url"]) for row in runs["before_second"]}
    recent = recent_ids(runs)
    assert 0 < len(recent) < len(known)
    assert article_ids(runs["second"]["hits"]) & known == recent
    assert runs["second"]["stats"].get("warta/incremental/revisits") == len(recent)


def test_edits_of_recent_articles_become_revisions(runs: dict[str, Any]) -> None:
    edited = set(Edition(1, ARTICLES, 2).edited)
    revised_by = {
        run_id: {
            _id(row["url"])
            for row in rows(
                runs["db"],
                "SELECT url FROM revisions JOIN articles ON articles.id = revisions.article_id "
                "WHERE revisions.run_id = ? AND revision_no > 1",
                run_id,
            )
        }
        for run_id in (2, 3)
    }
    assert edited & recent_ids(runs)  # the generator edits mostly recent articles
    assert revised_by[2] == edited & recent_ids(runs)
    assert revised_by[2] | revised_by[3] == edited  # the --full run finds the older ones


def _id(url: str) -> int:
    return int(url.split("/berita/", 1)[1].split("/", 1)[0])


def test_a_revisit_of_an_unchanged_page_is_answered_304_and_counts_as_seen(
    runs: dict[str, Any],
) -> None:
    before = {_id(row["url"]): row for row in runs["before_again"]}
    recent = recent_ids(runs, "again")
    assert all(before[i]["etag"] for i in recent)  # the portal's ETag, kept from the last fetch
    stats = runs["again"]["stats"]
    assert stats.get("warta/incremental/revisits") == len(recent)
    assert stats.get("warta/incremental/not_modified") == len(recent)
    assert stats.get("warta/articles/unchanged", 0) == 0  # no page was sent again
    after = {
        _id(row["url"]): row for row in rows(runs["db"], "SELECT url, last_seen_at FROM articles")
    }
    moved = {i for i in recent if after[i]["last_seen_at"] > before[i]["last_seen_at"]}
    assert moved == recent
