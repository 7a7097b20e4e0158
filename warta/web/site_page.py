"""``/sites/{site_id}`` and ``/api/sites/{site_id}``: a portal's articles per month, its
newest articles, and the health of its recent crawl runs (as ``warta runs`` judges them).

A run still shown ``running`` may have died: the commands mark such runs interrupted, and
this page never writes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from storage import Archive
from warta.runs_command import summary
from warta.web import queries
from warta.web.charts import month_chart, undated
from warta.web.responses import archive_of, error_page, json_error, render

RUNS_SHOWN: Final = 20
ARTICLES_SHOWN: Final = 10


def recent_runs(archive: Archive, site_id: str) -> list[dict[str, Any]]:
    """The portal's latest runs as ``warta runs --json`` gives them, each flag as
    {"flag", "reason"} (a bare name, written by another tool, reads as its own reason)."""
    runs = archive.latest_runs(RUNS_SHOWN, site_id=site_id)
    for run in runs:
        if run["health"] is not None:
            run["health"] = [
                flag if isinstance(flag, dict) else {"flag": str(flag), "reason": str(flag)}
                for flag in run["health"]
            ]
    return [summary(run) for run in runs]


def site_page(request: Request) -> Response:
    archive = archive_of(request)
    site_id: str = request.path_params["site_id"]
    portals = queries.portals(archive.engine)
    portal = portals.get(site_id)
    if portal is None:
        return error_page(request, 404, f"no portal {site_id!r} in this archive")
    months = queries.articles_per_month(archive.engine, site_id, portal.timezone)
    context = {
        "portal": portal,
        "size": _size(archive, site_id),
        "portals": portals,
        "month_chart": month_chart(months, "articles published"),
        "undated": undated(months),
        "latest": archive.latest_articles(ARTICLES_SHOWN, site_id=site_id),
        "runs": [
            run | {"started": _instant(run["started_at"])} for run in recent_runs(archive, site_id)
        ],
    }
    return render(request, "site.html", context)


def site_api(request: Request) -> Response:
    archive = archive_of(request)
    site_id: str = request.path_params["site_id"]
    portal = queries.portals(archive.engine).get(site_id)
    if portal is None:
        return json_error(404, f"no portal {site_id!r} in this archive")
    months = queries.articles_per_month(archive.engine, site_id, portal.timezone)
    size = _size(archive, site_id)
    newest = size.newest_published_at
    return JSONResponse(
        {
            "site_id": portal.site_id,
            "name": portal.name,
            "base_url": portal.base_url,
            "timezone": portal.timezone,
            "articles": size.articles,
            "newest_published_at": newest.isoformat() if newest else None,
            "articles_per_month": [{"month": key, "articles": n} for key, n in months],
            "runs": recent_runs(archive, site_id),
        }
    )


def _size(archive: Archive, site_id: str) -> queries.PortalSize:
    found = queries.portal_sizes(archive.engine, site_id).get(site_id)
    return found or queries.PortalSize(articles=0, newest_published_at=None)


def _instant(iso: str | None) -> datetime | None:
    return datetime.fromisoformat(iso) if iso else None
