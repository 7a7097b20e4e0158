"""Two sample portals crawled at edition 1 and again at edition 2, into one archive: captures,
revisions, view histories, removals and clusters match what the generator says it did."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest

from crawler.profiles import SITES_DIR
from sample_portal import Edition, running_portal
from tests.e2e.conftest import FAST, RunWarta, rows, warta_runner

ARTICLES = 60
SEEDS = {"kota_satu": 1, "kota_dua": 2}
PROFILE = (SITES_DIR / "sample_pemkot.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Crawl both portals at edition 1, then at edition 2 on the same ports."""
    tmp = tmp_path_factory.mktemp("editions")
    run = warta_runner(tmp)
    sites = tmp / "sites"
    sites.mkdir()
    for site_id in SEEDS:
        (sites / f"{site_id}.toml").write_text(PROFILE, encoding="utf-8")
    db = tmp / "arsip.db"
    ports: dict[str, int] = {}
    urls: dict[str, str] = {}
    for edition in (1, 2):
        for site_id, seed in SEEDS.items():
            with running_portal(
                articles=ARTICLES, seed=seed, edition=edition, port=ports.get(site_id, 0)
            ) as portal:
                ports[site_id] = int(portal.base_url.rsplit(":", 1)[1].strip("/"))
                urls[site_id] = portal.base_url
                done = run(
                    "crawl",
                    site_id,
                    "--base-url",
                    portal.base_url,
                    "--db",
                    str(db),
                    "--no-progress",
                    *FAST,
                    env={"WARTA_SITES_DIR": str(sites)},
                )
                assert done.returncode in (0, 3), done.stdout + done.stderr
    return {"db": db, "urls": urls}


def article_id_of(url: str) -> int:
    return int(url.split("/berita/", 1)[1].split("/", 1)[0])


def stored(archive: dict[str, Any], site_id: str) -> dict[int, Any]:
    found = rows(archive["db"], "SELECT * FROM articles WHERE site_id = ?", site_id)
    return {article_id_of(r["url"]): r for r in found}


@pytest.mark.parametrize("site_id", SEEDS)
def test_every_article_of_either_edition_is_kept(archive: dict[str, Any], site_id: str) -> None:
    first, second = (Edition(SEEDS[site_id], ARTICLES, k) for k in (1, 2))
    assert sorted(stored(archive, site_id)) == sorted(
        set(first.live_ids()) | set(second.live_ids())
    )


@pytest.mark.parametrize("site_id", SEEDS)
def test_edits_are_revisions_and_nothing_else_is(archive: dict[str, Any], site_id: str) -> None:
    second = Edition(SEEDS[site_id], ARTICLES, 2)
    articles = stored(archive, site_id)
    revised = {i for i, r in articles.items() if r["revision_count"] > 1}
    assert revised == set(second.edited)
    for article_id, edit in second.edited.items():
        now = articles[article_id]
        first_text = rows(
            archive["db"],
            "SELECT title, body_text FROM revisions WHERE article_id = ? AND revision_no = 1",
            now["id"],
        )[0]
        if edit.field == "title":
            assert (first_text["title"], now["title"]) == (edit.before, edit.after)
        else:  # the archive holds the corrected paragraph, its first revision the old one
            assert edit.after in now["body_text"]
            assert edit.before in first_text["body_text"]
            assert edit.after not in first_text["body_text"]


@pytest.mark.parametrize("site_id", SEEDS)
def test_view_histories_follow_the_portal(archive: dict[str, Any], site_id: str) -> None:
    first, second = (Edition(SEEDS[site_id], ARTICLES, k) for k in (1, 2))
    articles = stored(archive, site_id)
    history = rows(
        archive["db"],
        "SELECT a.url, v.view_count FROM view_counts v JOIN articles a ON a.id = v.article_id "
        "WHERE a.site_id = ? ORDER BY v.id",
        site_id,
    )
    series: dict[int, list[int]] = {}
    for row in history:
        series.setdefault(article_id_of(row["url"]), []).append(row["view_count"])
    both = set(first.live_ids()) & set(second.live_ids())
    for article_id in both:
        expected = [first.view_count(article_id), second.view_count(article_id)]
        if expected[0] == expected[1]:
            expected = expected[:1]
        assert series[article_id] == expected, article_id
        assert articles[article_id]["view_count"] == second.view_count(article_id)


@pytest.mark.parametrize("site_id", SEEDS)
def test_removals_are_recorded_with_their_evidence(archive: dict[str, Any], site_id: str) -> None:
    second = Edition(SEEDS[site_id], ARTICLES, 2)
    articles = stored(archive, site_id)
    removed = {i for i, r in articles.items() if r["removed_at"] is not None}
    assert removed == set(second.removed)
    events = rows(
        archive["db"],
        "SELECT a.url, e.kind, e.evidence, c.status FROM article_events e "
        "JOIN articles a ON a.id = e.article_id LEFT JOIN captures c ON c.id = e.capture_id "
        "WHERE a.site_id = ?",
        site_id,
    )
    assert sorted(article_id_of(e["url"]) for e in events) == sorted(second.removed)
    assert {(e["kind"], e["evidence"], e["status"]) for e in events} == {
        ("removed", "HTTP 404 where the article was", 404)
    }


@pytest.mark.parametrize("site_id", SEEDS)
def test_each_crawl_captured_each_page(archive: dict[str, Any], site_id: str) -> None:
    first, second = (Edition(SEEDS[site_id], ARTICLES, k) for k in (1, 2))
    captures = rows(
        archive["db"],
        "SELECT a.url, c.record_type, c.status FROM captures c JOIN articles a "
        "ON a.id = c.article_id WHERE a.site_id = ? AND c.status = 200",
        site_id,
    )
    per_article: dict[int, int] = {}
    for capture in captures:
        key = article_id_of(capture["url"])
        per_article[key] = per_article.get(key, 0) + 1
    both = set(first.live_ids()) & set(second.live_ids())
    assert {per_article[i] for i in both} == {2}
    only_second = set(second.live_ids()) - set(first.live_ids())
    assert {per_article[i] for i in only_second} == {1}


def test_syndicated_releases_cluster_across_portals(
    archive: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """The labelled set: each portal's copies of the shared releases, and the near misses."""
    labels: dict[tuple[str, int], str] = {}
    for site_id, seed in SEEDS.items():
        second = Edition(seed, ARTICLES, 2)
        for article_id, release in second.syndicated.items():
            labels[(site_id, article_id)] = release
        for article_id, like in second.near_misses.items():
            labels[(site_id, article_id)] = f"near miss {site_id} {article_id} ({like})"
    clusters = {
        (site_id, article_id): row["cluster_id"]
        for site_id in SEEDS
        for article_id, row in stored(archive, site_id).items()
    }
    said = {
        p for p in itertools.combinations(sorted(labels), 2) if clusters[p[0]] == clusters[p[1]]
    }
    truth = {p for p in itertools.combinations(sorted(labels), 2) if labels[p[0]] == labels[p[1]]}
    precision = len(said & truth) / len(said) if said else 1.0
    recall = len(said & truth) / len(truth)
    with capsys.disabled():
        print(
            f"\nclusters on the sample portals' releases: precision {precision:.2f}, "
            f"recall {recall:.2f} ({len(truth)} true pairs)"
        )
    assert len(truth) >= 2  # seeds 1 and 2 share at least two releases
    assert precision >= 0.95
    assert recall >= 0.95
    # No generated article joins a release's cluster.
    release_clusters = {clusters[key] for key in labels}
    strays = [
        key
        for key, cluster in clusters.items()
        if cluster in release_clusters and key not in labels
    ]
    assert strays == []


def test_history_tells_the_story_of_an_edited_article(
    archive: dict[str, Any], run_warta: RunWarta
) -> None:
    second = Edition(1, ARTICLES, 2)
    article_id, edit = sorted(second.edited.items())[0]
    [row] = [r for i, r in stored(archive, "kota_satu").items() if i == article_id]
    done = run_warta("history", str(row["id"]), "--db", str(archive["db"]), "--json")
    story = json.loads(done.stdout)
    assert [r["source"] for r in story["revisions"]] == ["crawl", "crawl"]
    changed = "title" if edit.field == "title" else "body_text"
    assert story["revisions"][1]["changed"] == [changed]
    assert len(story["captures"]) == 2
