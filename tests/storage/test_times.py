"""Timestamps go in aware, are stored as UTC, and come back aware UTC; naive ones are refused."""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.dialects import sqlite

from storage import Archive
from storage.models import UTCDateTime
from tests.storage.conftest import make_data, query

WIB = ZoneInfo("Asia/Jakarta")


def test_wib_time_reads_back_as_utc(archive: Archive, db_path: Path) -> None:
    archive.save_article(make_data(published_at=datetime(2024, 3, 5, 18, 26, tzinfo=WIB)))

    article = archive.get_article(make_data().url)
    assert article is not None
    published = article["published_at"]
    assert published == datetime(2024, 3, 5, 11, 26, tzinfo=UTC)
    assert (published.hour, published.minute) == (11, 26)
    assert published.utcoffset() is not None
    assert published.utcoffset().total_seconds() == 0
    # Read with plain sqlite3, the text says it is UTC ...
    assert query(db_path, "SELECT published_at FROM articles") == [
        ("2024-03-05T11:26:00.000000+00:00",)
    ]
    # ... and the view gives the clock a reader in the portal's zone expects.
    assert query(db_path, "SELECT published_local FROM articles_local") == [
        ("2024-03-05 18:26 WIB",)
    ]


@pytest.mark.parametrize(
    ("zone", "shown"),
    [("Asia/Makassar", "2024-03-05 19:26 WITA"), ("Asia/Jayapura", "2024-03-05 20:26 WIT")],
)
def test_articles_local_shows_wita_and_wit(
    archive: Archive, db_path: Path, zone: str, shown: str
) -> None:
    archive.ensure_site("sample_pemkot", timezone=zone)
    archive.save_article(make_data(published_at=datetime(2024, 3, 5, 18, 26, tzinfo=WIB)))
    assert query(db_path, "SELECT published_local FROM articles_local") == [(shown,)]


def test_instants_sort_as_text_in_time_order(archive: Archive, db_path: Path) -> None:
    late = make_data(
        url="https://sample.go.id/b", title="B", fetched_at=datetime(2024, 3, 5, 23, 0, tzinfo=UTC)
    )
    early_wit = make_data(
        url="https://sample.go.id/a",
        title="A",
        fetched_at=datetime(2024, 3, 6, 7, 0, tzinfo=ZoneInfo("Asia/Jayapura")),
    )  # 22:00 UTC on the 5th: earlier than "late" although its local date is the 6th
    archive.save_articles([late, early_wit])
    assert query(db_path, "SELECT title FROM articles ORDER BY fetched_at") == [("A",), ("B",)]


@pytest.mark.parametrize("field", ["fetched_at", "published_at"])
def test_naive_datetime_refused_with_clear_message(field: str) -> None:
    with pytest.raises(ValueError, match=rf"ArticleData\.{field} is naive .*Asia/Jakarta"):
        make_data(**{field: datetime(2024, 3, 5, 18, 26)})


def test_column_type_refuses_naive_datetime() -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        UTCDateTime().process_bind_param(datetime(2024, 3, 5, 18, 26), sqlite.dialect())


def test_column_type_converts_aware_to_utc() -> None:
    stored = UTCDateTime().process_bind_param(
        datetime(2024, 3, 5, 18, 26, tzinfo=WIB), sqlite.dialect()
    )
    assert stored == datetime(2024, 3, 5, 11, 26, tzinfo=UTC)
    assert stored is not None
    assert stored.utcoffset() is not None
    assert stored.utcoffset().total_seconds() == 0
