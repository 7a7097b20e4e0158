"""A theme is a table of (path regex, handler); the first full match answers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .common import Query, Response, Site

Handler = Callable[[Site, dict[str, str], Query], Response]
Route = tuple[re.Pattern[str], Handler]


def route(pattern: str, handler: Handler) -> Route:
    return re.compile(pattern), handler


@dataclass(frozen=True)
class Theme:
    name: str
    routes: tuple[Route, ...]
    not_found: Callable[[Site], Response]
    server_error: Callable[[Site], Response]  # the page of the fail-once fault
    disallowed: tuple[str, ...]  # robots.txt Disallow prefixes for all agents
    sitemap_path: str

    def dispatch(self, site: Site, path: str, query: Query) -> Response:
        for pattern, handler in self.routes:
            match = pattern.fullmatch(path)
            if match:
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                return handler(site, groups, query)
        return self.not_found(site)
