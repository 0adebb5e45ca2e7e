"""The site's routes: a unit's page behind its secret link, the county's board behind its token,
and the JSON API. Each route parses the request, calls ``jobs.inbox`` and renders what it returns;
every refusal is a 4xx with a Chinese reason."""

from __future__ import annotations

import hmac
import io
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from openpyxl import Workbook
from starlette.exceptions import HTTPException

from gitools.form.rules import LEVEL_ZH
from gitools.io.cells import put
from gitools.io.http import BODY_SECONDS, BodyLimit
from gitools.jobs.inbox import ACTION_ORDER, MAX_UPLOAD, PASSED, Inbox, Refused
from gitools.jobs.inbox.store import Unit, digest
from gitools.outputs.json import findings as findings_json

HERE = Path(__file__).resolve().parent
SESSION = "gitools_admin"
HEADERS = {  # every answer: no framing, no sniffing, no token leaking through the Referer
    "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "Cache-Control": "no-store",
}


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
        return _error(request, pages, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, pages, 400, "请求缺少必需的内容或格式不对（如未选择文件）")

    def unit_of(token: str) -> Unit:
        unit = inbox.store.unit_by_token(token) if 20 <= len(token) <= 100 else None
        if unit is None:
            raise HTTPException(404, "链接无效或已停用，请向县政务公开办索取新的填报链接")
        return unit

    def admin(request: Request) -> str:
        """The session's CSRF token; 401 without a valid session or bearer token."""
        bearer = request.headers.get("authorization", "")
        if bearer.startswith("Bearer ") and hmac.compare_digest(digest(bearer[7:].strip()), admin_hash):
            return ""
        sid = request.cookies.get(SESSION)
        csrf = inbox.store.session_csrf(sid) if sid else None
        if csrf is None:
            raise HTTPException(401, "请先用管理口令登录")
        return csrf

    def checked(request: Request, csrf: str) -> None:
        expected = admin(request)
        if not expected or not hmac.compare_digest(expected, csrf):
            raise HTTPException(403, "表单已过期，请刷新页面后重试")

    # --- a unit's page --------------------------------------------------------------------------

    @app.get("/u/{token}", response_class=HTMLResponse)
    def unit_page(request: Request, token: str) -> Response:
        unit = unit_of(token)
        return pages.TemplateResponse(request, "unit.html", _unit_view(inbox, unit))

    @app.post("/u/{token}/upload")
    def upload(request: Request, token: str, file: Annotated[UploadFile, File()]) -> Response:
        unit = unit_of(token)
        data = file.file.read(MAX_UPLOAD + 1)
        try:
            report, _ = inbox.receive(unit, Path(file.filename or "未命名").name, data)
        except Refused as e:
            if _wants_json(request):
                doc = findings_json([e.report], []) if e.report else None
                return Response(doc, 422, media_type="application/json") if doc else _error(request, pages, 422, str(e))
            return _error(request, pages, 422, str(e), back=f"/u/{token}")
        if _wants_json(request):
            return Response(findings_json([report], []), media_type="application/json")
        return RedirectResponse(f"/u/{token}", 303)

    @app.post("/u/{token}/explain")
    async def explain(request: Request, token: str) -> Response:
        unit = unit_of(token)
        form = await request.form()
        notes = {str(form[k]): str(form.get(f"text-{k[4:]}", "")) for k in form if k.startswith("key-")}
        try:
            inbox.explain(unit, notes)
        except Refused as e:
            return _error(request, pages, 422, str(e), back=f"/u/{token}")
        return RedirectResponse(f"/u/{token}", 303)

    @app.get("/u/{token}/template")
    def template(token: str) -> Response:
        unit = unit_of(token)
        return _download(inbox.template(unit), f"{unit.label}_填报模板.xlsx")

    @app.get("/u/{token}/annotated/{upload_id}")
    def annotated(request: Request, token: str, upload_id: int) -> Response:
        unit = unit_of(token)
        upload = inbox.store.upload(upload_id)
        if upload is None or upload.unit_id != unit.id:
            raise HTTPException(404, "没有这次上传")
        try:
            return _download(inbox.annotated(upload), f"{Path(upload.filename).stem}_校验结果.xlsx")
        except Refused as e:
            raise HTTPException(422, str(e)) from e

    # --- the county's board ---------------------------------------------------------------------

    @app.get("/admin", response_class=HTMLResponse)
    def board(request: Request) -> Response:
        try:
            csrf = admin(request)
        except HTTPException:
            return pages.TemplateResponse(request, "login.html", {"inbox": inbox}, status_code=401)
        rows = inbox.board()
        counts = {s: sum(1 for r in rows if r.state == s) for s in ACTION_ORDER}
        return pages.TemplateResponse(request, "board.html", {"inbox": inbox, "rows": rows, "counts": counts,
                                                              "csrf": csrf})

    @app.post("/admin/login")
    def login(token: Annotated[str, Form()]) -> Response:
        if not hmac.compare_digest(digest(token.strip()), admin_hash):
            raise HTTPException(401, "管理口令不对")
        sid, _ = inbox.store.new_session()
        response = RedirectResponse("/admin", 303)
        response.set_cookie(SESSION, sid, httponly=True, samesite="strict", path="/")
        return response

    @app.get("/admin/units/{unit_id}", response_class=HTMLResponse)
    def admin_unit(request: Request, unit_id: int) -> Response:
        csrf = admin(request)
        unit = inbox.store.unit(unit_id)
        if unit is None:
            raise HTTPException(404, "名单中没有这个单位")
        return pages.TemplateResponse(request, "admin_unit.html", _unit_view(inbox, unit) | {"csrf": csrf})

    @app.post("/admin/units/{unit_id}/judge")
    def judge(request: Request, unit_id: int, upload_id: Annotated[int, Form()], key: Annotated[str, Form()],
              verdict: Annotated[str, Form()], csrf: Annotated[str, Form()],
              reason: Annotated[str, Form()] = "") -> Response:
        checked(request, csrf)
        if verdict not in ("accept", "reject") or _owner(inbox, upload_id) != unit_id:
            raise HTTPException(400, "审核意见不完整")
        try:
            inbox.judge(upload_id, key, verdict == "accept", reason)
        except LookupError as e:
            raise HTTPException(404, "没有这条说明") from e
        return RedirectResponse(f"/admin/units/{unit_id}", 303)

    @app.post("/admin/units/{unit_id}/return")
    def send_back(request: Request, unit_id: int, upload_id: Annotated[int, Form()], csrf: Annotated[str, Form()],
                  reason: Annotated[str, Form()] = "") -> Response:
        checked(request, csrf)
        if _owner(inbox, upload_id) != unit_id:
            raise HTTPException(404, "没有这次上传")
        inbox.send_back(upload_id, reason)
        return RedirectResponse(f"/admin/units/{unit_id}", 303)

    @app.post("/admin/units/{unit_id}/renew")
    def renew(request: Request, unit_id: int, csrf: Annotated[str, Form()]) -> Response:
        checked(request, csrf)
        if inbox.store.unit(unit_id) is None:
            raise HTTPException(404, "名单中没有这个单位")
        inbox.renew(unit_id)
        return RedirectResponse(f"/admin/units/{unit_id}", 303)

    @app.get("/admin/summary.xlsx")
    @app.get("/api/summary.xlsx")
    def summary(request: Request) -> Response:
        admin(request)
        out = inbox.data / "outputs" / "汇总表.xlsx"
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            inbox.summary(out)
        except Refused as e:
            raise HTTPException(409, str(e)) from e
        return _download(out, f"{inbox.name}汇总表.xlsx")

    @app.get("/admin/feedback.zip")
    def feedback(request: Request) -> Response:
        admin(request)
        try:
            data = inbox.feedback()
        except Refused as e:
            raise HTTPException(409, str(e)) from e
        return _attachment(data, "退回材料.zip", "application/zip")

    @app.get("/admin/reminders.xlsx")
    def reminders(request: Request) -> Response:
        admin(request)
        wb = Workbook()
        ws = wb.active
        ws.title = "催报"
        table: list[list[object]] = [["单位", "状态", "联系人", "联系电话", "电话来源", "主要问题", "填报链接"],
                                     *inbox.reminders()]
        for r, row in enumerate(table, start=1):
            for c, value in enumerate(row, start=1):
                put(ws.cell(r, c), value)
        buffer = io.BytesIO()
        wb.save(buffer)
        return _attachment(buffer.getvalue(), "催报名单.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    @app.get("/api/board")
    def api_board(request: Request) -> Response:
        admin(request)
        rows = [{"unit_name": r.unit.name, "credit_code": r.unit.credit_code, "state": r.state,
                 "last_upload": r.upload.at if r.upload else None, "errors": r.errors, "warnings": r.warnings,
                 "first_problem": r.first_problem or None, "contact": r.contact, "phone": r.phone,
                 "phone_from": r.phone_from or None, "pending_notes": r.pending_notes} for r in inbox.board()]
        return JSONResponse({"name": inbox.name, "year": inbox.year, "units": rows})

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request) -> Response:
        return RedirectResponse("/admin", 303)

    site = BodyLimit(app, MAX_UPLOAD + 64 * 1024, body_seconds)
    return _beside(site, mounts or {})


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


def _owner(inbox: Inbox, upload_id: int) -> int | None:
    upload = inbox.store.upload(upload_id)
    return upload.unit_id if upload else None


def _unit_view(inbox: Inbox, unit: Unit) -> dict[str, Any]:
    uploads = inbox.store.uploads(unit.id)
    latest = uploads[0] if uploads else None
    report = inbox.report(latest.id) if latest else None
    notes = {n["key"]: n for n in inbox.store.notes(latest.id)} if latest else {}
    row = next(r for r in inbox.board() if r.unit.id == unit.id)
    return {"inbox": inbox, "unit": unit, "row": row, "latest": latest, "report": report, "notes": notes,
            "uploads": uploads, "actions": inbox.store.actions(unit.id)}


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _error(request: Request, pages: Jinja2Templates, status: int, words: str, back: str = "") -> Response:
    if _wants_json(request) or request.url.path.startswith("/api/"):
        return JSONResponse({"detail": words}, status, headers=HEADERS)
    return pages.TemplateResponse(request, "error.html", {"status": status, "words": words, "back": back},
                                  status_code=status, headers=HEADERS)


def _download(path: Path, name: str) -> Response:
    return FileResponse(path, headers={"Content-Disposition": _disposition(name)})


def _attachment(data: bytes, name: str, media: str) -> Response:
    return Response(data, media_type=media, headers={"Content-Disposition": _disposition(name)})


def _disposition(name: str) -> str:
    """A download name in the header, percent-encoded (RFC 6266): no text of a clerk's goes raw."""
    return f"attachment; filename=\"download\"; filename*=UTF-8''{quote(name, safe='')}"
