"""Sample pages of the sample portal's themes, rendered in-process (no server): 4 articles and
2 listing pages per theme, as ``SamplePage``s or saved to files the way a user would."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from crawler.profile_draft import SamplePage
from sample_portal import Portal

FETCHED_AT = datetime(2026, 11, 29, 1, 15, tzinfo=UTC)
BASES = {"pemkot": "http://127.0.0.1:8321", "wordpress": "http://127.0.0.1:8322"}
LISTINGS = {
    "pemkot": ("/berita", "/berita/page/2"),
    "wordpress": ("/category/berita/", "/category/berita/page/2/"),
}
ARTICLE_LINKS = {
    "pemkot": re.compile(r'href="(/berita/\d+/[a-z0-9-]+)"'),
    "wordpress": re.compile(r'href="(/\d{4}/\d\d/\d\d/[a-z0-9-]+/)"'),
}


@cache
def portal(theme: str) -> Portal:
    return Portal(theme=theme, articles=40, seed=1, base_url=BASES[theme] + "/")


def article_paths(theme: str, listing: str) -> list[str]:
    html = portal(theme).handle(listing).body.decode()
    return list(dict.fromkeys(ARTICLE_LINKS[theme].findall(html)))


def page(theme: str, path: str) -> SamplePage:
    response = portal(theme).handle(path)
    assert response.status == 200, path
    return SamplePage(BASES[theme] + path, response.body, "utf-8", FETCHED_AT, path)


@cache
def theme_pages(theme: str) -> tuple[SamplePage, ...]:
    """Articles 1–3 of the first listing page and one of the second, then both listings."""
    first, second = LISTINGS[theme]
    paths = [*article_paths(theme, first)[:3], article_paths(theme, second)[0], first, second]
    return tuple(page(theme, p) for p in paths)


def save(pages: tuple[SamplePage, ...] | list[SamplePage], folder: Path) -> list[str]:
    """Each page saved as a file; the inputs ``warta profile draft`` takes: ``URL=FILE``."""
    folder.mkdir(parents=True, exist_ok=True)
    inputs = []
    for number, sample in enumerate(pages):
        path = folder / f"page-{number}.html"
        path.write_bytes(sample.raw)
        inputs.append(f"{sample.url}={path}")
    return inputs
