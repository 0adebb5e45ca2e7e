"""The site's app: the routes of each area (``units``, ``board``, ``downloads``) on one FastAPI
app, inside the body limits, with the security headers and Chinese errors, and other apps (the
Excel add-in) beside it by path. Each route parses the request, calls ``jobs.inbox`` and renders
what it returns; every refusal is a 4xx with a Chinese reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from gitools.form.rules import LEVEL_ZH
from gitools.io.http import BODY_SECONDS, BodyLimit
from gitools.jobs.inbox import MAX_UPLOAD, PASSED, Inbox
from gitools.site import board, downloads, units
from gitools.site.guard import Guard
from gitools.site.responses import HEADERS, error

HERE = Path(__file__).resolve().parent


def create(inbox: Inbox, admin_hash: str, body_seconds: float = BODY_SECONDS,
           mounts: dict[str, Any] | None = None) -> Any:
    """The ASGI app: FastAPI routes inside the body limits (``body_seconds`` for a whole upload),
    with ``mounts`` (path → app, e.g. the Excel add-in's endpoint) beside them."""
    app = FastAPI(title="政务公开年报报送", docs_url=None, redoc_url=None, openapi_url=None)
    pages = Jinja2Templates(directory=str(HERE / "templates"))
    pages.env.globals.update(level_zh=LEVEL_ZH, passed=PASSED)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error(request, pages, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return error(request, pages, 400, "请求缺少必需的内容或格式不对（如未选择文件）")

    @app.get("/", response_class=HTMLResponse)
    def home() -> Response:
        return RedirectResponse("/admin", 303)

    guard = Guard(inbox, admin_hash)
    units.routes(app, inbox, guard, pages)
    board.pages_routes(app, inbox, guard, pages)
    board.action_routes(app, inbox, guard)
    downloads.routes(app, inbox, guard)
    return _beside(BodyLimit(app, MAX_UPLOAD + 64 * 1024, body_seconds), mounts or {})


def _beside(site: Any, mounts: dict[str, Any]) -> Any:
    """Requests under a mount's path go to it, whole (xlwings Server routes its own prefix)."""
    if not mounts:
        return site

    async def dispatch(scope: Any, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        for prefix, other in mounts.items():
            if scope["type"] in ("http", "websocket") and (path == prefix or path.startswith(prefix + "/")):
                return await other(scope, receive, send)
        return await site(scope, receive, send)

    return dispatch
