"""One decision of a crawl plan: a URL to request and what to do with the answer.

Both plans (:class:`crawler.profile_plan.ProfilePlan` for portals with a profile,
:class:`crawler.generic.plan.GenericPlan` for the others) speak in ``Fetch``es; the spider only
turns them into requests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

FetchKind = Literal["page", "robots", "sitemap", "feed", "wp_api", "listing", "article"]
Count = Callable[[str, int], None]


@dataclass(frozen=True)
class Fetch:
    """One URL to request, with what to do with the answer."""

    url: str
    kind: FetchKind
    priority: int
    source: str  # start | link | sitemap | feed | wp_api | robots | listing | revisit
    entry: bool = False  # the start page or the home page: read its feeds and API root
    listed: bool = False  # the portal's feed or API named it as a post
    wp_page: int = 0
    redirects: int = 0  # hops followed to get here
    quiet: int = 0  # listing pages in a row, up to this one, that showed no new article
    backfill: bool = False  # a listing page of a walk through every page (crawler.listing_walk)
    etag: str | None = None  # a revisit asks "changed since?" with what the portal last sent
    last_modified: str | None = None

    @property
    def conditions(self) -> dict[str, str]:
        """The conditional request headers this fetch sends, if any."""
        sent = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {name: value for name, value in sent.items() if value}
