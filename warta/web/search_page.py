"""``/`` and ``/api/search``: the search box, its filters, results, and matches per month.

storage.search does the searching; the page adds the chart and the per-portal counts, and
``/api/search`` answers what ``warta search --json`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from math import ceil
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from storage import Archive
from storage.search import SearchResults, SearchUnavailableError, month_site_counts, search
from storage.search_query import SearchQueryError
from storage.search_sql import RANK_WINDOW
from warta.search_command import as_dict
from warta.web import queries
from warta.web.charts import month_chart, undated
from warta.web.responses import archive_of, json_error, render
from warta.web.search_form import PER_PAGE, FormError, SearchForm, page_numbers, read_form


@dataclass(frozen=True)
class Found:
    results: SearchResults

    @property
    def pages(self) -> int:
        return max(1, ceil(self.results.total / PER_PAGE))


class SearchFailed(Exception):
    """A search that cannot run, with the HTTP status and the one line to show."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def run_search(archive: Archive, form: SearchForm) -> Found:
    try:
        return Found(
            search(
                archive,
                form.query,
                form.filters(),
                sort=form.sort,
                limit=PER_PAGE,
                offset=form.offset,
                stemmed=not form.exact,
            )
        )
    except SearchQueryError as exc:
        raise SearchFailed(400, f"cannot read the query: {exc}") from exc
    except SearchUnavailableError as exc:
        raise SearchFailed(503, str(exc)) from exc


def count_matches(archive: Archive, form: SearchForm) -> dict[str, Any]:
    """Matches per month (the chart) and per portal (links to narrow the search), counted in
    one grouped pass over every match. The page asks for it after showing the results: for a
    word in half the archive the count takes longer than the search."""
    filters = form.filters()
    try:
        counts = month_site_counts(
            archive, form.query, replace(filters, site_ids=()), stemmed=not form.exact
        )
    except SearchQueryError as exc:
        raise SearchFailed(400, f"cannot read the query: {exc}") from exc
    except SearchUnavailableError as exc:
        raise SearchFailed(503, str(exc)) from exc
    months: dict[str, int] = {}
    per_site: dict[str, int] = {}
    for month, site_id, found in counts:
        if not filters.site_ids or site_id in filters.site_ids:
            months[month] = months.get(month, 0) + found
        per_site[site_id] = per_site.get(site_id, 0) + found
    names = {site_id: portal.name for site_id, portal in queries.portals(archive.engine).items()}
    by_size = sorted(per_site.items(), key=lambda item: (-item[1], item[0]))
    return {
        "total": sum(months.values()),
        "months": month_chart(list(months.items()), "articles matching"),
        "undated": undated(list(months.items())),
        "per_site": [
            {
                "site_id": site_id,
                "name": names.get(site_id, site_id),
                "articles": found,
                "href": form.link(site_ids=(site_id,), page=1),
            }
            for site_id, found in by_size
        ],
    }


def search_page(request: Request) -> Response:
    archive = archive_of(request)
    portals = queries.portals(archive.engine)
    context: dict[str, Any] = {"portals": portals, "error": None, "found": None}
    try:
        form = read_form(request.query_params)
    except FormError as exc:
        form = SearchForm(query=(request.query_params.get("q") or "").strip())
        return render(request, "search.html", context | {"form": form, "error": str(exc)}, 400)
    context["form"] = form
    if not form.query:
        context["overview"] = queries.overview(archive.engine)
        context["sizes"] = queries.portal_sizes(archive.engine)
        return render(request, "search.html", context)
    try:
        found = run_search(archive, form)
    except SearchFailed as exc:
        return render(request, "search.html", context | {"error": exc.message}, exc.status)
    context |= {
        "found": found,
        "counts_url": "/api/search/counts" + form.link(page=1).removeprefix("/"),
        "page_numbers": page_numbers(form.page, found.pages),
        "rank_window": RANK_WINDOW,
    }
    return render(request, "search.html", context)


def search_api(request: Request) -> Response:
    """The same parameters as the page; the JSON of ``warta search --json`` plus paging."""
    try:
        form = read_form(request.query_params)
        found = run_search(archive_of(request), form)
    except FormError as exc:
        return json_error(400, str(exc))
    except SearchFailed as exc:
        return json_error(exc.status, exc.message)
    body = as_dict(found.results) | {"page": form.page, "pages": found.pages}
    return JSONResponse(body)


def counts_api(request: Request) -> Response:
    """``/api/search/counts``: the same parameters; matches per month and per portal."""
    try:
        form = read_form(request.query_params)
        if not form.query:
            return json_error(400, "give a query: q=…")
        return JSONResponse(count_matches(archive_of(request), form))
    except FormError as exc:
        return json_error(400, str(exc))
    except SearchFailed as exc:
        return json_error(exc.status, exc.message)
