"""The web app: routes, static files, and the headers and limits every response carries.

Every response gets a strict Content-Security-Policy (scripts and styles from this server
only, so a crawled ``<script>`` that slipped through escaping still could not run),
``nosniff`` and no referrer. Only GET and HEAD are answered; the page only reads. An error
is one line, never a traceback (it goes to the server's log).
"""

from __future__ import annotations

import logging
from typing import Final

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storage import Archive
from warta.web.article_page import article_api, article_page
from warta.web.responses import error_page, json_error, wants_json
from warta.web.search_page import counts_api, search_api, search_page
from warta.web.site_page import site_api, site_page
from warta.web.templating import STATIC_DIR, make_templates

CONTENT_SECURITY_POLICY: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: Final = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
ALLOWED_METHODS: Final = ("GET", "HEAD")
log = logging.getLogger(__name__)


def create_app(archive: Archive) -> Starlette:
    """The page over ``archive``, which should be opened read-only (warta.web.readonly)."""
    routes = [
        Route("/", search_page),
        Route("/articles/{article_id:int}", article_page),
        Route("/sites/{site_id}", site_page),
        Route("/api/search", search_api),
        Route("/api/search/counts", counts_api),
        Route("/api/articles/{article_id:int}", article_api),
        Route("/api/sites/{site_id}", site_api),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecuredResponses)],
        exception_handlers={HTTPException: _http_error},
    )
    app.state.archive = archive
    app.state.templates = make_templates()
    return app


class SecuredResponses:
    """Adds the security headers to every response, refuses methods other than GET and HEAD,
    and turns an unexpected error into a one-line 500 (logged with its traceback)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        if scope["method"] not in ALLOWED_METHODS:
            refused = PlainTextResponse(
                "this page only reads: GET or HEAD", 405, headers={"Allow": "GET, HEAD"}
            )
            await refused(scope, receive, send_secured)
            return
        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            log.exception("error answering %s", scope.get("path"))
            if started:
                raise
            failed = (
                json_error(500, "the server failed on this request (see its log)")
                if scope["path"].startswith("/api/")
                else PlainTextResponse("the server failed on this request (see its log)", 500)
            )
            await failed(scope, receive, send_secured)


async def _http_error(request: Request, exc: Exception) -> Response:
    """Not found and the like: one line, as JSON under /api/ and as a page elsewhere."""
    assert isinstance(exc, HTTPException)
    if wants_json(request):
        return json_error(exc.status_code, exc.detail)
    return error_page(request, exc.status_code, exc.detail)
