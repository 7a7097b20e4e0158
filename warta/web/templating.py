"""Jinja2 for the page: autoescape on for every template, and the few filters they share.

Everything a portal wrote (titles, bodies, tags, URLs) is crawled text and reaches the page
escaped; a URL becomes a live link only when it is http or https (``web_href``).
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.templating import Jinja2Templates

from crawler.extraction.date_vocabulary import zone_label
from warta.runs_command import run_duration
from warta.search_command import local_time, views

TEMPLATES_DIR: Final = Path(__file__).resolve().parent / "templates"
STATIC_DIR: Final = Path(__file__).resolve().parent / "static"
_BLANK_LINE: Final = re.compile(r"\n\s*\n")


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,  # a misspelt name fails the tests, not the reader silently
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters |= {
        "local_time": local_time,
        "views": views,
        "web_href": web_href,
        "paragraphs": paragraphs,
        "zone_label": zone_label,
        "duration": duration,
    }
    return Jinja2Templates(env=env)


def web_href(url: str | None) -> str | None:
    """The URL when it may be a live link (http or https with a host), else None, so the
    page shows it as text: ``javascript:alert(1)`` -> None."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if url != url.strip() or any(ord(char) < 32 for char in url):
        return None  # browsers drop these and may read another scheme than urlsplit did
    return url


def paragraphs(body: str) -> list[str]:
    """The body's paragraphs: the archive separates them by a blank line."""
    return [part.strip() for part in _BLANK_LINE.split(body) if part.strip()]


def duration(seconds: float) -> str:
    """``4m 12s``, ``2h 05m``, ``12s``: how long a run took, as ``warta runs`` says it."""
    return run_duration(timedelta(seconds=seconds))
