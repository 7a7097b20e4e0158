"""Warta's archive: models, migrations and the save/dedup API. It knows nothing of Scrapy."""

from storage.archive import Archive, open_archive
from storage.db import (
    archive_exists,
    display_url,
    make_engine,
    resolve_database_url,
    upgrade_to_head,
)
from storage.errors import StorageError
from storage.hashing import content_hash
from storage.records import ArticleData, SaveOutcome

__all__ = [
    "Archive",
    "ArticleData",
    "SaveOutcome",
    "StorageError",
    "archive_exists",
    "content_hash",
    "display_url",
    "make_engine",
    "open_archive",
    "resolve_database_url",
    "upgrade_to_head",
]
