"""The few reads the web page needs that the archive's own API has no method for.

Portals with their article counts, the archive's size, and a portal's articles per month in
its own zone. Only SELECTs; the engine is read-only anyway (warta/web/readonly.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Engine, func, select

from storage.models import Article, Capture, CrawlRun, Revision, Site

UNDATED: Final = "undated"


@dataclass(frozen=True)
class Portal:
    site_id: str
    name: str
    base_url: str | None
    timezone: str


@dataclass(frozen=True)
class PortalSize:
    articles: int
    newest_published_at: datetime | None


def portals(engine: Engine) -> dict[str, Portal]:
    """Every portal by site_id (a small table: every page reads it for names and zones)."""
    query = select(Site.site_id, Site.name, Site.base_url, Site.timezone).order_by(Site.site_id)
    with engine.connect() as conn:
        return {row.site_id: Portal(*row) for row in conn.execute(query)}


def portal_sizes(engine: Engine, site_id: str | None = None) -> dict[str, PortalSize]:
    """How many articles the archive holds of each portal (or of one), and the newest's date;
    a portal with none is missing from the result."""
    query = select(
        Article.site_id, func.count().label("articles"), func.max(Article.published_at)
    ).group_by(Article.site_id)
    if site_id is not None:
        query = query.where(Article.site_id == site_id)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return {key: PortalSize(int(n), newest) for key, n, newest in rows}


def overview(engine: Engine) -> dict[str, int]:
    """The archive's size in the units a reader cares about."""
    counted: dict[str, Any] = {
        "articles": Article.id,
        "portals": Site.site_id,
        "revisions": Revision.id,
        "captures": Capture.id,
        "runs": CrawlRun.id,
    }
    query = select(
        *(
            select(func.count(column)).scalar_subquery().label(name)
            for name, column in counted.items()
        )
    )
    removed = select(func.count()).where(Article.removed_at.is_not(None)).scalar_subquery()
    with engine.connect() as conn:
        row = conn.execute(query.add_columns(removed.label("removed"))).one()
    return {name: int(value) for name, value in row._mapping.items()}


def articles_per_month(engine: Engine, site_id: str, timezone: str) -> list[tuple[str, int]]:
    """``[("2025-01", 14), ("2025-02", 3), ("undated", 2)]``: months on the portal's clock,
    oldest first, articles with no date last."""
    month = _local_month(engine, Article.published_at, timezone).label("month")
    query = select(month, func.count()).where(Article.site_id == site_id).group_by(month)
    with engine.connect() as conn:
        rows = [(key, int(n)) for key, n in conn.execute(query)]
    dated = sorted((str(key), n) for key, n in rows if key is not None)
    return dated + [(UNDATED, n) for key, n in rows if key is None]


def _local_month(engine: Engine, instant: Any, timezone: str) -> ColumnElement[Any]:
    if engine.dialect.name == "postgresql":
        return func.to_char(func.timezone(timezone, instant), "YYYY-MM")
    # SQLite knows no zones; Indonesia keeps no daylight saving, so the offset is fixed.
    offset = ZoneInfo(timezone).utcoffset(datetime.now(UTC).replace(tzinfo=None))
    minutes = int(offset.total_seconds() // 60) if offset else 0
    return func.strftime("%Y-%m", instant, f"{minutes:+d} minutes")
