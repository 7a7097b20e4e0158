"""URL patterns from sample URLs: numbers and slugs generalized, section words kept.

``/berita/12/pemkot-raih-opini`` → ``^/berita/\\d+/[a-z0-9-]+/?$``;
``/2025/01/22/judul-berita/`` → ``^/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/$``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
_SLUG_CLASS = "[a-z0-9-]+"
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _segment(values: list[str], *, slugs: bool, after_year: bool) -> str:
    """One path position across the samples as a regex."""
    if all(v.isdigit() for v in values):
        if slugs and all(_YEAR.match(v) for v in values):
            return r"\d{4}"
        if slugs and after_year and all(len(v) == 2 for v in values):  # /2025/01/22/
            return r"\d{2}"
        return r"\d+"
    if len(set(values)) == 1 and not (slugs and _SLUG.match(values[0])):
        return re.escape(values[0])
    if all(_SLUG.match(v) or v.isalnum() for v in values):
        return _SLUG_CLASS
    return "[^/]+"


def _shape(path: str) -> tuple[int, bool]:
    return len([s for s in path.split("/") if s]), path.endswith("/") and path != "/"


def url_patterns(urls: list[str], *, slugs: bool) -> list[str]:
    """One pattern per path shape (segment count, trailing slash) among ``urls``.

    ``slugs``: a hyphenated segment is a headline slug even when all samples share it
    (article URLs); listing URLs keep their words.
    """
    groups: dict[tuple[int, bool], list[list[str]]] = {}
    for url in urls:
        path = urlsplit(url).path or "/"
        groups.setdefault(_shape(path), []).append([s for s in path.split("/") if s])
    patterns: list[str] = []
    for (count, slash), paths in sorted(groups.items()):
        if count == 0:
            patterns.append("^/$")
            continue
        parts: list[str] = []
        for i in range(count):
            after_year = bool(parts) and parts[-1] in (r"\d{4}", r"\d{2}")
            parts.append(_segment([p[i] for p in paths], slugs=slugs, after_year=after_year))
        end = "/$" if slash else "/?$"
        patterns.append("^/" + "/".join(parts) + end)
    return list(dict.fromkeys(patterns))


def start_paths(urls: list[str]) -> list[str]:
    """Listing URLs as the paths a crawl starts from, first pages first."""
    paths = list(dict.fromkeys(urlsplit(u).path or "/" for u in urls))
    first_pages = [p for p in paths if not re.search(r"\d", p)]
    return first_pages or paths[:1]
