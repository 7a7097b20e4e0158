"""Site profiles: one TOML file per portal in ``crawler/sites/``, read strictly.

A profile is data: where a portal's listings start, which URLs are articles, and an
ordered list of selectors per field. Unknown keys are rejected so a typo never silently
disables a selector.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawler.extraction.date_vocabulary import DEFAULT_ZONE
from crawler.urls import bare_host

SITES_DIR = Path(__file__).parent / "sites"

FIELD_NAMES = ("title", "published", "view_count", "body", "tags", "author", "image", "exclude")
_TOP_KEYS = {"name", "base_url", "timezone", "language", "discovery", "fields", "crawl"}
_DISCOVERY_KEYS = {
    "start_urls",
    "article_url_patterns",
    "listing_url_patterns",
    "next_page",
    "sitemaps",
    "feeds",
}
# The least each value may be: a crawl stops after `quiet_pages` listing pages with nothing new,
# and sends at most `concurrency` requests at once to the portal, `delay` seconds apart.
_CRAWL_KEYS = {"quiet_pages": 1, "revisit_days": 0, "revisit_max": 0, "concurrency": 1}
_CRAWL_SECONDS = {"delay": 0.0}
_MAX_DELAY_S = 3600


class ProfileError(ValueError):
    """A profile file that cannot be used, with the file and the reason in the message."""


class UnknownSiteError(LookupError):
    """A site id with no profile; the message lists the known ones."""


@dataclass(frozen=True)
class Discovery:
    """Where article links are found and how article URLs look."""

    start_urls: tuple[str, ...] = ("/",)
    article_url_patterns: tuple[re.Pattern[str], ...] = ()
    listing_url_patterns: tuple[re.Pattern[str], ...] = ()
    next_page: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()


@dataclass(frozen=True)
class CrawlPolicy:
    """How crawls treat this portal (``[crawl]``): incremental walks and politeness. A run's
    options override it, and what neither says comes from Warta's defaults
    (``crawler/settings.py``)."""

    quiet_pages: int | None = None
    revisit_days: int | None = None
    revisit_max: int | None = None
    concurrency: int | None = None  # requests in flight to the portal at most
    delay: float | None = None  # seconds between requests to the portal at least


@dataclass(frozen=True)
class FieldSelectors:
    """Per field, selectors tried in order; the first non-empty match wins."""

    title: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    view_count: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    image: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class SiteProfile:
    """A portal as data. ``site_id`` is the file stem and the id used everywhere else."""

    site_id: str
    name: str
    base_url: str
    timezone: str = DEFAULT_ZONE
    language: str = "id"
    discovery: Discovery = field(default_factory=Discovery)
    fields: FieldSelectors = field(default_factory=FieldSelectors)
    crawl: CrawlPolicy = field(default_factory=CrawlPolicy)

    @property
    def netloc(self) -> str:
        """Host and port, lower-cased, without ``www.``: what URLs are matched on."""
        return bare_host(urlsplit(self.base_url).netloc)

    def absolute(self, path_or_url: str) -> str:
        """``/berita`` → ``http://127.0.0.1:8321/berita`` for this profile's base URL."""
        return urljoin(self.base_url, path_or_url)

    def with_base_url(self, base_url: str) -> SiteProfile:
        """The same portal served from another host (a mirror, or the sample portal's port)."""
        if not base_url.endswith("/"):
            base_url += "/"
        return replace(self, base_url=base_url)

    def is_article_url(self, url: str) -> bool:
        path = urlsplit(url).path or "/"
        return any(p.search(path) for p in self.discovery.article_url_patterns)

    def is_listing_url(self, url: str) -> bool:
        path = urlsplit(url).path or "/"
        return any(p.search(path) for p in self.discovery.listing_url_patterns)


def _strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where}.{key} must be a list of strings")
    return tuple(value)


def _check_keys(data: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ProfileError(f"unknown key(s) in {where}: {', '.join(unknown)}")


def _patterns(data: dict[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p) for p in _strings(data, key, "discovery"))
    except re.error as exc:
        raise ProfileError(f"discovery.{key}: bad regular expression: {exc}") from exc


def _crawl_policy(data: dict[str, Any]) -> CrawlPolicy:
    _check_keys(data, set(_CRAWL_KEYS) | set(_CRAWL_SECONDS), "[crawl]")
    for key, least in _CRAWL_KEYS.items():
        value = data.get(key)
        if value is not None and (type(value) is not int or value < least):
            raise ProfileError(f"crawl.{key} must be a whole number >= {least}, not {value!r}")
    for key, floor in _CRAWL_SECONDS.items():
        value = data.get(key)
        if value is not None and (
            type(value) not in (int, float) or not floor <= value <= _MAX_DELAY_S
        ):
            raise ProfileError(
                f"crawl.{key} must be a number of seconds from {floor} to {_MAX_DELAY_S}, "
                f"not {value!r}"
            )
    return CrawlPolicy(**data)


def parse_profile(site_id: str, data: dict[str, Any]) -> SiteProfile:
    """Build a profile from already-parsed TOML data, rejecting unknown keys."""
    _check_keys(data, _TOP_KEYS, "profile")
    for required in ("name", "base_url"):
        if not isinstance(data.get(required), str):
            raise ProfileError(f"profile needs a string '{required}'")
    disc = data.get("discovery", {})
    fields_data = data.get("fields", {})
    _check_keys(disc, _DISCOVERY_KEYS, "[discovery]")
    _check_keys(fields_data, set(FIELD_NAMES), "[fields]")
    discovery = Discovery(
        start_urls=_strings(disc, "start_urls", "discovery") or ("/",),
        article_url_patterns=_patterns(disc, "article_url_patterns"),
        listing_url_patterns=_patterns(disc, "listing_url_patterns"),
        next_page=_strings(disc, "next_page", "discovery"),
        sitemaps=_strings(disc, "sitemaps", "discovery"),
        feeds=_strings(disc, "feeds", "discovery"),
    )
    selectors = FieldSelectors(**{n: _strings(fields_data, n, "fields") for n in FIELD_NAMES})
    profile = SiteProfile(
        site_id=site_id,
        name=data["name"],
        base_url=data["base_url"],
        timezone=data.get("timezone", DEFAULT_ZONE),
        language=data.get("language", "id"),
        discovery=discovery,
        fields=selectors,
        crawl=_crawl_policy(data.get("crawl", {})),
    )
    return profile.with_base_url(profile.base_url)


def load_profile_file(path: Path) -> SiteProfile:
    """Read once per version of the file: ``warta extract`` matches every page's URL against
    every profile, which would otherwise re-read each TOML file per page."""
    return _load_version(path, path.stat().st_mtime_ns)


@cache
def _load_version(path: Path, _mtime_ns: int) -> SiteProfile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return parse_profile(path.stem, data)
    except (tomllib.TOMLDecodeError, ProfileError) as exc:
        raise ProfileError(f"{path.name}: {exc}") from exc


def sites_dirs() -> list[Path]:
    """Folders searched for profiles: ``$WARTA_SITES_DIR`` (``:``-separated) first, then ours.

    Lets a user keep profiles for their own portals without touching the package.
    """
    extra = [Path(p) for p in os.environ.get("WARTA_SITES_DIR", "").split(os.pathsep) if p]
    return [*extra, SITES_DIR]


def _profile_paths() -> dict[str, Path]:
    paths: dict[str, Path] = {}
    for folder in reversed(sites_dirs()):
        paths.update({p.stem: p for p in sorted(folder.glob("*.toml"))})
    return paths


def known_site_ids() -> list[str]:
    return sorted(_profile_paths())


def load_profile(site_id: str) -> SiteProfile:
    path = _profile_paths().get(site_id)
    if path is None:
        known = ", ".join(known_site_ids()) or "none"
        raise UnknownSiteError(f"unknown site id '{site_id}' (known: {known})")
    return load_profile_file(path)


def profile_for_url(url: str) -> SiteProfile | None:
    """The profile whose host (and port) matches the URL's, ``www.`` ignored, if any."""
    netloc = bare_host(urlsplit(url).netloc)
    if not netloc:
        return None
    for site_id in known_site_ids():
        profile = load_profile(site_id)
        if profile.netloc == netloc:
            return profile
    return None
