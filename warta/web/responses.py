"""What every page module shares: the archive the app serves, rendering, and error answers.

An error is one line for the reader, as a page or as ``{"error": "…"}``; never a traceback.
"""

from __future__ import annotations

from typing import Any, cast

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.templating import Jinja2Templates

from storage import Archive


def archive_of(request: Request) -> Archive:
    return cast(Archive, request.app.state.archive)


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    templates = cast(Jinja2Templates, request.app.state.templates)
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", {"status": status, "message": message}, status)


def json_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")
