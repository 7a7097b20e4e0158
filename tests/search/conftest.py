"""A throwaway archive with a few portals in different zones, filled through the save path."""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from storage import Archive, ArticleData, open_archive

FETCHED_AT = datetime(2025, 3, 1, 3, 0, tzinfo=UTC)
PORTALS = {
    "kota_tangerang": "Asia/Jakarta",
    "kota_makassar": "Asia/Makassar",
    "kota_jayapura": "Asia/Jayapura",
}

Save = Callable[..., int]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def archive(db_path: Path) -> Iterator[Archive]:
    opened = open_archive(f"sqlite:///{db_path}")
    for site_id, zone in PORTALS.items():
        opened.ensure_site(site_id, timezone=zone)
    yield opened
    opened.close()


@pytest.fixture
def save(archive: Archive) -> Save:
    """Store one article (``slug`` names its URL) and return its id."""
    numbers = iter(range(1, 10_000))

    def saved(slug: str, title: str, body: str, **fields: Any) -> int:
        site_id = fields.pop("site_id", "kota_tangerang")
        url = fields.pop("url", f"https://{site_id}.go.id/berita/{next(numbers)}/{slug}")
        data = ArticleData(
            url=url,
            site_id=site_id,
            title=title,
            body_text=body,
            fetched_at=fields.pop("fetched_at", FETCHED_AT),
            **fields,
        )
        archive.save_articles([data])
        article_id = archive.find_article_id(url)
        assert article_id is not None
        return article_id

    return saved
