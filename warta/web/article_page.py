"""``/articles/{id}`` and ``/api/articles/{id}``: one article with its whole history.

The archive's ``history`` gives revisions, view counts, captures, removals and copies; the
page diffs the revisions and charts the views, the API answers what ``warta history --json``
prints.
"""

from __future__ import annotations

from typing import Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from storage import Archive
from storage.history import History
from warta.history import as_json
from warta.web import queries
from warta.web.charts import views_chart
from warta.web.diffs import revision_views
from warta.web.responses import archive_of, error_page, json_error, render

MAX_ID: Final = 2**63 - 1  # SQLite's largest integer: a larger id cannot name an article


def load_history(archive: Archive, article_id: int) -> History | None:
    if article_id > MAX_ID or archive.find_article_id(str(article_id)) is None:
        return None
    return archive.history(article_id)


def article_page(request: Request) -> Response:
    archive = archive_of(request)
    article_id: int = request.path_params["article_id"]
    history = load_history(archive, article_id)
    if history is None:
        return error_page(request, 404, f"no article #{article_id} in this archive")
    context = {
        "history": history,
        "article": history.article,
        "revisions": revision_views(history),
        "views_chart": views_chart(history),
        "portals": queries.portals(archive.engine),
    }
    return render(request, "article.html", context)


def article_api(request: Request) -> Response:
    article_id: int = request.path_params["article_id"]
    history = load_history(archive_of(request), article_id)
    if history is None:
        return json_error(404, f"no article #{article_id} in this archive")
    return JSONResponse(as_json(history))
