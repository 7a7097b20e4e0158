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
    assert query(db_path, "SELECT published_at FROM articles") == [("2024-03-05 11:26:00.000000",)]


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
