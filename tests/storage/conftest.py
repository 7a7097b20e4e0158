"""Throwaway SQLite archives and helpers that read the file with plain sqlite3, not the Archive."""

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from storage import Archive, ArticleData, open_archive

TABLES = (
    "sites",
    "articles",
    "revisions",
    "view_counts",
    "tags",
    "article_tags",
    "article_aliases",
    "crawl_runs",
    "captures",
    "article_events",
    "article_signatures",
    "article_bands",
    "article_bands_recent",
    "schedules",
    "listing_pages",
)
FETCHED_AT = datetime(2024, 3, 5, 4, 0, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def archive(db_path: Path) -> Iterator[Archive]:
    opened = open_archive(f"sqlite:///{db_path}")
    yield opened
    opened.close()


def make_data(**overrides: Any) -> ArticleData:
    fields: dict[str, Any] = {
        "url": "https://sample.go.id/berita/1/wali-kota-resmikan-pasar",
        "site_id": "sample_pemkot",
        "title": "Wali Kota Resmikan Pasar Baru",
        "body_text": "Pasar baru di Kecamatan Ciledug diresmikan hari ini.",
        "fetched_at": FETCHED_AT,
        "view_count": 61,
        "tags": ("Pemkot", "Pasar"),
    }
    return ArticleData(**(fields | overrides))


def query(db_path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute(sql, params).fetchall()


def raw_counts(db_path: Path) -> dict[str, int]:
    return {table: query(db_path, f"SELECT COUNT(*) FROM {table}")[0][0] for table in TABLES}


@pytest.fixture
def counts_of(db_path: Path) -> Callable[[], dict[str, int]]:
    return lambda: raw_counts(db_path)
