"""The portal as an application: request target in, ``Response`` out, plus its counters.

Holds the only mutable state: per-path hit counts and which fail-once articles have
already failed. Thread-safe; the HTTP layer (``server``) stays thin.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from urllib.parse import parse_qsl, unquote, urlsplit

from . import faults, theme_pemkot, theme_wordpress
from .common import Response, Site, redirect, robots, static_asset
from .editions import MAX_EDITIONS, Edition
from .pages import LAPOR_URL
from .routing import Theme
from .timeline import MAX_ARTICLES

THEMES: dict[str, Theme] = {"pemkot": theme_pemkot.THEME, "wordpress": theme_wordpress.THEME}
_ASSET_PREFIXES = ("/uploads/", "/assets/", "/wp-content/", "/wp-includes/")


class Portal:
    """A sample portal of ``articles`` articles at ``edition``; ``handle`` answers one GET."""

    def __init__(
        self, *, theme: str, articles: int, seed: int, base_url: str, edition: int = 1
    ) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose from {', '.join(THEMES)}")
        if not 1 <= articles <= MAX_ARTICLES:
            raise ValueError(f"articles must be between 1 and {MAX_ARTICLES:,}")
        if not 1 <= edition <= MAX_EDITIONS:
            raise ValueError(f"edition must be between 1 and {MAX_EDITIONS}")
        self.theme = THEMES[theme]
        self.edition = Edition(seed=seed, articles=articles, edition=edition)
        self.site = Site(edition=self.edition, base_url=base_url)
        self.hits: Counter[str] = Counter()  # path (no query) -> requests, /__stats excluded
        self._lock = threading.Lock()
        self._failed_once: set[int] = set()

    def handle(self, target: str) -> Response:
        parts = urlsplit(target)
        path = unquote(parts.path) or "/"
        if path == "/__stats":
            return self._stats()
        with self._lock:
            self.hits[path] += 1
        query = dict(parse_qsl(parts.query))
        response = self._common(path) or self.theme.dispatch(self.site, path, query)
        article_id = response.article_id
        if article_id is not None and faults.fails_once(article_id):
            with self._lock:
                first = article_id not in self._failed_once
                self._failed_once.add(article_id)
            if first:
                return self.theme.server_error(self.site)
        return response

    def is_disallowed(self, path: str) -> bool:
        return any(path.startswith(prefix) for prefix in self.theme.disallowed)

    def disallowed_hits(self) -> int:
        with self._lock:
            return sum(n for path, n in self.hits.items() if self.is_disallowed(path))

    def _common(self, path: str) -> Response | None:
        if path == "/robots.txt":
            return robots(self.site, self.theme.disallowed, self.theme.sitemap_path)
        if path == "/tautan/pengaduan":  # an off-portal redirect a crawler must not follow
            return redirect(LAPOR_URL, 302)
        if path.startswith(_ASSET_PREFIXES):
            return static_asset(path)
        return None

    def _stats(self) -> Response:
        with self._lock:
            hits = dict(sorted(self.hits.items()))
        data: dict[str, object] = {
            "theme": self.theme.name,
            "articles": self.site.articles,
            "seed": self.site.seed,
            "total": sum(hits.values()),
            "disallowed": sum(n for p, n in hits.items() if self.is_disallowed(p)),
            "hits": hits,
        }
        if self.edition.edition > 1:  # edition 1's stats stay as they always were
            data["edition"] = self.edition.edition
        body = json.dumps(data, ensure_ascii=False).encode()
        return Response(200, body, "application/json; charset=utf-8")
