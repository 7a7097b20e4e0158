"""The article record that extraction produces and every later stage consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawler.fetched import Fetched

RECORD_KEYS = (
    "url",
    "site_id",
    "title",
    "published_at",
    "published_raw",
    "view_count",
    "view_count_raw",
    "tags",
    "author",
    "body_text",
    "image_url",
    "fetched_at",
)


@dataclass(frozen=True)
class Article:
    """One article as extracted from one page; also the Scrapy item the spider yields.

    ``published_at`` is timezone-aware in the zone printed on the page (WIB unless said
    otherwise); ``published_raw`` is the text it was read from, kept even when unparseable.
    """

    url: str
    site_id: str
    title: str | None
    published_at: datetime | None
    published_raw: str | None
    view_count: int | None
    view_count_raw: str | None  # the text the count was read from
    tags: tuple[str, ...]
    author: str | None
    body_text: str
    image_url: str | None
    fetched_at: datetime
    # What the portal sent, for the archive's capture, and the page's validators (ETag,
    # Last-Modified) for a later conditional revisit; not part of the record.
    fetched: Fetched | None = field(default=None, compare=False, repr=False)
    etag: str | None = field(default=None, compare=False, repr=False)
    last_modified: str | None = field(default=None, compare=False, repr=False)

    def to_json_dict(self) -> dict[str, Any]:
        """The record as JSON-ready values, keys in :data:`RECORD_KEYS` order."""
        out: dict[str, Any] = {}
        for key in RECORD_KEYS:
            value = getattr(self, key)
            if isinstance(value, datetime):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[key] = value
        return out
