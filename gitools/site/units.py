"""A unit's pages, behind its secret link: the status, the prefilled template, the upload checked
at once, the findings with 说明 typed beside them, the annotated copy and the record."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, File, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from gitools.jobs.inbox import MAX_UPLOAD, Inbox, Refused
from gitools.outputs.json import findings as findings_json
from gitools.site.guard import Guard
from gitools.site.responses import download, error, unit_view, wants_json


def routes(app: FastAPI, inbox: Inbox, guard: Guard, pages: Jinja2Templates) -> None:

    @app.get("/u/{token}", response_class=HTMLResponse)
    def unit_page(request: Request, token: str) -> Response:
        unit = guard.unit(token)
        return pages.TemplateResponse(request, "unit.html", unit_view(inbox, unit))

    @app.post("/u/{token}/upload")
    def upload(request: Request, token: str, file: Annotated[UploadFile, File()]) -> Response:
        unit = guard.unit(token)
        data = file.file.read(MAX_UPLOAD + 1)
        try:
            report, _ = inbox.receive(unit, Path(file.filename or "未命名").name, data)
        except Refused as e:
            if wants_json(request):
                doc = findings_json([e.report], []) if e.report else None
                return Response(doc, 422, media_type="application/json") if doc else error(request, pages, 422, str(e))
            return error(request, pages, 422, str(e), back=f"/u/{token}")
        if wants_json(request):
            return Response(findings_json([report], []), media_type="application/json")
        return RedirectResponse(f"/u/{token}", 303)

    @app.post("/u/{token}/explain")
    async def explain(request: Request, token: str) -> Response:
        unit = guard.unit(token)
        form = await request.form()
        notes = {str(form[k]): str(form.get(f"text-{k[4:]}", "")) for k in form if k.startswith("key-")}
        try:
            inbox.explain(unit, notes)
        except Refused as e:
            return error(request, pages, 422, str(e), back=f"/u/{token}")
        return RedirectResponse(f"/u/{token}", 303)

    @app.get("/u/{token}/template")
    def template(token: str) -> Response:
        unit = guard.unit(token)
        return download(inbox.template(unit), f"{unit.label}_填报模板.xlsx")

    @app.get("/u/{token}/annotated/{upload_id}")
    def annotated(request: Request, token: str, upload_id: int) -> Response:
        unit = guard.unit(token)
        upload = inbox.store.upload(upload_id)
        if upload is None or upload.unit_id != unit.id:
            raise HTTPException(404, "没有这次上传")
        try:
            return download(inbox.annotated(upload), f"{Path(upload.filename).stem}_校验结果.xlsx")
        except Refused as e:
            raise HTTPException(422, str(e)) from e
