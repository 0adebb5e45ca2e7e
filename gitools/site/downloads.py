"""What the county downloads, behind its token: the summary, 退回材料, the 催报 list, and the board
as JSON for scripts."""

from __future__ import annotations

import io

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from openpyxl import Workbook
from starlette.exceptions import HTTPException

from gitools.io.cells import put
from gitools.jobs.inbox import Inbox, Refused
from gitools.site.guard import Guard
from gitools.site.responses import attachment, download


def routes(app: FastAPI, inbox: Inbox, guard: Guard) -> None:
    @app.get("/admin/summary.xlsx")
    @app.get("/api/summary.xlsx")
    def summary(request: Request) -> Response:
        guard.admin(request)
        out = inbox.data / "outputs" / "汇总表.xlsx"
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            inbox.summary(out)
        except Refused as e:
            raise HTTPException(409, str(e)) from e
        return download(out, f"{inbox.name}汇总表.xlsx")

    @app.get("/admin/feedback.zip")
    def feedback(request: Request) -> Response:
        guard.admin(request)
        try:
            data = inbox.feedback()
        except Refused as e:
            raise HTTPException(409, str(e)) from e
        return attachment(data, "退回材料.zip", "application/zip")

    @app.get("/admin/reminders.xlsx")
    def reminders(request: Request) -> Response:
        guard.admin(request)
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
        return attachment(buffer.getvalue(), "催报名单.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    @app.get("/api/board")
    def api_board(request: Request) -> Response:
        guard.admin(request)
        rows = [{"unit_name": r.unit.name, "credit_code": r.unit.credit_code, "state": r.state,
                 "last_upload": r.upload.at if r.upload else None, "errors": r.errors, "warnings": r.warnings,
                 "first_problem": r.first_problem or None, "contact": r.contact, "phone": r.phone,
                 "phone_from": r.phone_from or None, "pending_notes": r.pending_notes} for r in inbox.board()]
        return JSONResponse({"name": inbox.name, "year": inbox.year, "units": rows})
