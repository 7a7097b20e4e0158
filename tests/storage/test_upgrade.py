"""An archive written by an earlier release upgrades in place and keeps every row.

``tests/fixtures/archives/release-0001.db`` was made by Warta's first release (schema 0001):
two articles, one edited on a second crawl, one alias, view counts, two crawl runs.
"""

import shutil
from datetime import UTC, datetime
from pathlib import Path

from storage import open_archive
from storage.models import RUN_STATUSES
from tests.storage.conftest import query

FIXTURE = Path(__file__).parent.parent / "fixtures" / "archives" / "release-0001.db"


def test_release_0001_archive_upgrades_with_every_row_kept(tmp_path: Path) -> None:
    db = tmp_path / "lama.db"
    shutil.copy(FIXTURE, db)
    archive = open_archive(f"sqlite:///{db}")
    try:
        assert query(db, "SELECT version_num FROM alembic_version") != [("0001",)]
        article = archive.get_article("http://127.0.0.1:8321/berita/1/pemkot-raih-opini")
        assert article is not None
        assert article["title"] == "Pemkot Raih Opini Kualitas Tertinggi"
        assert article["body_text"].endswith("Diperbarui.")
        assert article["revision_count"] == 2
        assert article["view_count"] == 75
        assert article["view_count_raw"] is None  # not known to the old release
        assert article["tags"] == ["Ombudsman", "Pelayanan Publik"]
        assert article["first_seen_at"] == datetime(2025, 1, 22, 11, 30, tzinfo=UTC)
        assert article["published_at"] == datetime(2025, 1, 22, 11, 26, tzinfo=UTC)
        assert archive.get_article("http://127.0.0.1:8321/berita/2/pasar-anyar-lama") is not None
        assert archive.counts() == {
            "sites": 1,
            "crawl_runs": 2,
            "articles": 2,
            "revisions": 3,
            "view_counts": 3,
            "tags": 3,
            "article_tags": 3,
            "article_aliases": 1,
            "captures": 0,
            "article_events": 0,
            "article_signatures": 0,
            "article_bands": 0,
            "article_bands_recent": 0,
            "schedules": 0,
            "listing_pages": 0,
        }
        runs = archive.latest_runs()
        assert [(r["status"], r["host"], r["pid"]) for r in runs] == [
            ("interrupted", None, None),
            ("finished", None, None),
        ]
        assert "partial" in RUN_STATUSES
        new_run = archive.start_run("sample_pemkot", site_id="sample_pemkot", args={})
        archive.finish_run(new_run, status="partial", stats={})
        assert archive.interrupt_dead_runs() == []  # old runs have no process to judge by
    finally:
        archive.close()
    # The old space-separated UTC text now says its offset, and the view its WIB clock.
    assert query(db, "SELECT published_at FROM articles WHERE id = 1") == [
        ("2025-01-22T11:26:00.000000+00:00",)
    ]
    assert query(db, "SELECT published_local FROM articles_local WHERE id = 1") == [
        ("2025-01-22 18:26 WIB",)
    ]
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "PRAGMA foreign_key_check") == []
