"""The county's pages: the 报送情况 board after a token login, a unit's detail, and the actions
on it (accept or reject a 说明, 退回, a new link), each form checked against its CSRF token."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from gitools.jobs.inbox import ACTION_ORDER, Inbox
from gitools.site.guard import SESSION, Guard
from gitools.site.responses import owner, unit_view


def pages_routes(app: FastAPI, inbox: Inbox, guard: Guard, pages: Jinja2Templates) -> None:

    @app.get("/admin", response_class=HTMLResponse)
    def board(request: Request) -> Response:
        try:
            csrf = guard.admin(request)
        except HTTPException:
            return pages.TemplateResponse(request, "login.html", {"inbox": inbox}, status_code=401)
        rows = inbox.board()
        counts = {s: sum(1 for r in rows if r.state == s) for s in ACTION_ORDER}
        return pages.TemplateResponse(request, "board.html", {"inbox": inbox, "rows": rows, "counts": counts,
                                                              "csrf": csrf})

    @app.post("/admin/login")
    def login(token: Annotated[str, Form()]) -> Response:
        if not guard.login(token):
            raise HTTPException(401, "管理口令不对")
        sid, _ = inbox.store.new_session()
        response = RedirectResponse("/admin", 303)
        response.set_cookie(SESSION, sid, httponly=True, samesite="strict", path="/")
        return response

    @app.get("/admin/units/{unit_id}", response_class=HTMLResponse)
    def admin_unit(request: Request, unit_id: int) -> Response:
        csrf = guard.admin(request)
        unit = inbox.store.unit(unit_id)
        if unit is None:
            raise HTTPException(404, "名单中没有这个单位")
        return pages.TemplateResponse(request, "admin_unit.html", unit_view(inbox, unit) | {"csrf": csrf})


def action_routes(app: FastAPI, inbox: Inbox, guard: Guard) -> None:
    @app.post("/admin/units/{unit_id}/judge")
    def judge(request: Request, unit_id: int, upload_id: Annotated[int, Form()], key: Annotated[str, Form()],
              verdict: Annotated[str, Form()], csrf: Annotated[str, Form()],
              reason: Annotated[str, Form()] = "") -> Response:
        guard.checked(request, csrf)
        if verdict not in ("accept", "reject") or owner(inbox, upload_id) != unit_id:
            raise HTTPException(400, "审核意见不完整")
        try:
            inbox.judge(upload_id, key, verdict == "accept", reason)
        except LookupError as e:
            raise HTTPException(404, "没有这条说明") from e
        return RedirectResponse(f"/admin/units/{unit_id}", 303)

    @app.post("/admin/units/{unit_id}/return")
    def send_back(request: Request, unit_id: int, upload_id: Annotated[int, Form()], csrf: Annotated[str, Form()],
                  reason: Annotated[str, Form()] = "") -> Response:
        guard.checked(request, csrf)
        if owner(inbox, upload_id) != unit_id:
            raise HTTPException(404, "没有这次上传")
        inbox.send_back(upload_id, reason)
        return RedirectResponse(f"/admin/units/{unit_id}", 303)

    @app.post("/admin/units/{unit_id}/renew")
    def renew(request: Request, unit_id: int, csrf: Annotated[str, Form()]) -> Response:
        guard.checked(request, csrf)
        if inbox.store.unit(unit_id) is None:
            raise HTTPException(404, "名单中没有这个单位")
        inbox.renew(unit_id)
        return RedirectResponse(f"/admin/units/{unit_id}", 303)
