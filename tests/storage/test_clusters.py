"""Copies of one press release on several portals cluster; other texts on the topic do not.

The labelled set (tests/fixtures/clusters/labelled.json) is hand-written: releases, their
local reprints, and near misses sharing a topic or a boilerplate paragraph.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections import defaultdict
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import Archive, ArticleData, clusters, open_archive
from storage.clusters import signature, similarity
from tests.storage.conftest import query

LABELLED = Path(__file__).parent.parent / "fixtures" / "clusters" / "labelled.json"
FETCHED = datetime(2025, 7, 1, 3, 0, tzinfo=UTC)


def texts() -> list[dict[str, str]]:
    found: list[dict[str, str]] = json.loads(LABELLED.read_text(encoding="utf-8"))["texts"]
    return found


def store_labelled(archive: Archive) -> None:
    """Every labelled text as an article of its portal, titled by its id."""
    for n, text in enumerate(texts()):
        archive.save_article(
            ArticleData(
                url=f"https://{text['site']}.go.id/berita/{n}/{text['id']}",
                site_id=text["site"],
                title=text["id"],
                body_text=text["body"],
                fetched_at=FETCHED,
            )
        )


def pair_scores(predicted: dict[str, int], labels: dict[str, str]) -> tuple[float, float]:
    """Precision and recall over pairs of texts: same predicted cluster vs same label."""
    said = {
        p
        for p in itertools.combinations(sorted(predicted), 2)
        if predicted[p[0]] == predicted[p[1]]
    }
    truth = {p for p in itertools.combinations(sorted(labels), 2) if labels[p[0]] == labels[p[1]]}
    precision = len(said & truth) / len(said) if said else 1.0
    recall = len(said & truth) / len(truth) if truth else 1.0
    return precision, recall


def test_the_labelled_set_clusters_as_labelled(archive: Archive, db_path: Path) -> None:
    labelled = texts()
    for n, text in enumerate(labelled):
        archive.save_article(
            ArticleData(
                url=f"https://{text['site']}.go.id/berita/{n}/{text['id']}",
                site_id=text["site"],
                title=text["id"].replace("-", " ").title(),
                body_text=text["body"],
                fetched_at=FETCHED,
            )
        )
    rows = query(db_path, "SELECT url, cluster_id FROM articles")
    predicted = {url.rsplit("/", 1)[1]: cluster for url, cluster in rows}
    labels = {text["id"]: text["cluster"] for text in labelled}
    precision, recall = pair_scores(predicted, labels)
    print(f"clusters on the hand-labelled set: precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= 0.95
    assert recall >= 0.95
    by_cluster: dict[int, set[str]] = defaultdict(set)
    for text_id, cluster in predicted.items():
        by_cluster[cluster].add(text_id)
    assert {"vaksin-serang", "vaksin-tangerang", "vaksin-lebak", "vaksin-pandeglang-ringkas"} in (
        by_cluster.values()
    )
    assert predicted["vaksin-serang"] == 1  # a cluster is named by its first article


def test_a_reprint_is_similar_and_a_near_miss_is_not() -> None:
    by_id = {text["id"]: text["body"] for text in texts()}
    base = signature(by_id["vaksin-serang"])
    reprint = signature(by_id["vaksin-tangerang"])
    same_topic = signature(by_id["vaksin-beda-laporan"])
    assert base is not None
    assert reprint is not None
    assert same_topic is not None
    assert similarity(base, reprint) > 0.7
    assert similarity(base, same_topic) < 0.1
    assert signature("Terlalu pendek") is None


def test_an_edited_article_is_compared_again(archive: Archive, db_path: Path) -> None:
    by_id = {text["id"]: text["body"] for text in texts()}
    first = ArticleData(
        url="https://a.go.id/berita/1",
        site_id="a",
        title="A",
        body_text=by_id["pajak-serang"],
        fetched_at=FETCHED,
    )
    other = ArticleData(
        url="https://b.go.id/berita/2",
        site_id="b",
        title="B",
        body_text=by_id["vaksin-beda-opini"],
        fetched_at=FETCHED,
    )
    archive.save_articles([first, other])
    assert query(db_path, "SELECT id, cluster_id FROM articles ORDER BY id") == [(1, 1), (2, 2)]
    # The second portal replaces its story by the release: now a copy of the first.
    archive.save_article(
        ArticleData(
            url=other.url,
            site_id="b",
            title="B",
            body_text=by_id["pajak-cilegon"],
            fetched_at=FETCHED,
        )
    )
    assert query(db_path, "SELECT id, cluster_id FROM articles ORDER BY id") == [(1, 1), (2, 1)]
    bands = "SELECT count(*) FROM {} WHERE article_id = 2"
    assert query(db_path, bands.format("article_bands_recent")) == [(25,)]  # the old ones gone
    assert query(db_path, bands.format("article_bands")) == [(0,)]


def test_largest_clusters_and_a_rebuild_that_finds_the_same(
    archive: Archive, db_path: Path
) -> None:
    store_labelled(archive)
    before = query(db_path, "SELECT id, cluster_id FROM articles ORDER BY id")
    assert archive.largest_clusters() == [
        {
            "cluster_id": 1,
            "copies": 4,
            "sites": ["bantenprov", "lebakkab", "pandeglangkab", "tangerangkota"],
            "title": "vaksin-serang",
        },
        {
            "cluster_id": 5,
            "copies": 2,
            "sites": ["bantenprov", "cilegonkota"],
            "title": "pajak-serang",
        },
    ]
    with closing(sqlite3.connect(db_path)) as conn, conn:  # as an archive from before clusters
        conn.execute("DELETE FROM article_bands")
        conn.execute("DELETE FROM article_bands_recent")
        conn.execute("DELETE FROM article_signatures")
        conn.execute("UPDATE articles SET cluster_id = NULL")
    assert archive.rebuild_clusters(chunk=4) == (9, 2)
    assert query(db_path, "SELECT id, cluster_id FROM articles ORDER BY id") == before


def test_bands_moved_to_the_large_index_are_still_found(
    archive: Archive, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same clusters whether a copy's original has its bands in the recent tier or not."""

    store_labelled(archive)
    unmoved = query(db_path, "SELECT id, cluster_id FROM articles ORDER BY id")
    assert query(db_path, "SELECT count(*) FROM article_bands") == [(0,)]
    monkeypatch.setattr(clusters, "RECENT_BANDS", 50)  # moved after every second article
    moved_path = tmp_path / "moved.db"
    moved = open_archive(f"sqlite:///{moved_path}")
    try:
        store_labelled(moved)
    finally:
        moved.close()
    assert query(moved_path, "SELECT id, cluster_id FROM articles ORDER BY id") == unmoved
    (signed,) = query(moved_path, "SELECT count(*) FROM article_signatures")[0]
    (large,) = query(moved_path, "SELECT count(*) FROM article_bands")[0]
    (recent,) = query(moved_path, "SELECT count(*) FROM article_bands_recent")[0]
    assert large + recent == 25 * signed
    assert recent < 50
    assert large >= 25 * (signed - 1)
