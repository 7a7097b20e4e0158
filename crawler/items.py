"""Items besides articles that the spider hands the pipelines: captures and removals."""

from __future__ import annotations

from dataclasses import dataclass

from crawler.fetched import Fetched


@dataclass(frozen=True)
class PageCapture:
    """A response kept as a capture only (``--capture all``): a listing, a sitemap."""

    fetched: Fetched


@dataclass(frozen=True)
class ArticleGone:
    """An article URL answered 404 or 410: the article, if the archive has it, was removed."""

    url: str
    status: int
    fetched: Fetched | None  # the error page, when captures are kept


@dataclass(frozen=True)
class NotModified:
    """A revisited article the portal answered 304 Not Modified for: seen, unchanged."""

    url: str


@dataclass(frozen=True)
class Unlisted:
    """A known article that none of the listing pages of a complete walk showed any more."""

    url: str
    listing_pages: int
