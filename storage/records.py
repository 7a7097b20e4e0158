"""What the archive receives and what it says it did with it."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SaveOutcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    ALIAS = "alias"


@dataclass(frozen=True)
class ArticleData:
    """One extracted article as the archive receives it; datetimes must be timezone-aware."""

    url: str
    site_id: str
    title: str
    body_text: str
    fetched_at: datetime
    published_at: datetime | None = None
    published_raw: str | None = None
    view_count: int | None = None
    view_count_raw: str | None = None
    tags: tuple[str, ...] = ()
    author: str | None = None
    image_url: str | None = None
    language: str | None = None
    etag: str | None = None  # the page's validators, as the portal sent them
    last_modified: str | None = None

    def __post_init__(self) -> None:
        if not self.url or not self.site_id:
            raise ValueError(
                f"ArticleData needs a url and a site_id: {self.url!r}, {self.site_id!r}"
            )
        for name in ("fetched_at", "published_at"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(
                    f"ArticleData.{name} is naive ({value.isoformat()}) for {self.url}; "
                    "attach the portal's zone, e.g. ZoneInfo('Asia/Jakarta')"
                )
        views = self.view_count
        if views is not None and (isinstance(views, bool) or views < 0):
            raise ValueError(f"ArticleData.view_count must be a count >= 0, got {views!r}")
        if isinstance(self.tags, str):
            raise ValueError("ArticleData.tags must be a tuple of tag names, not one string")
