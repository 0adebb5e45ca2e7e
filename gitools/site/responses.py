"""How the site answers: the security headers every answer carries, errors as a Chinese page or
JSON, downloads whose names never go raw into a header, and the view of one unit."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from gitools.jobs.inbox import Inbox
from gitools.jobs.inbox.store import Unit

HEADERS = {  # every answer: no framing, no sniffing, no token leaking through the Referer
    "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "Cache-Control": "no-store",
}


def owner(inbox: Inbox, upload_id: int) -> int | None:
    upload = inbox.store.upload(upload_id)
    return upload.unit_id if upload else None


def unit_view(inbox: Inbox, unit: Unit) -> dict[str, Any]:
    uploads = inbox.store.uploads(unit.id)
    latest = uploads[0] if uploads else None
    report = inbox.report(latest.id) if latest else None
    notes = {n["key"]: n for n in inbox.store.notes(latest.id)} if latest else {}
    row = next(r for r in inbox.board() if r.unit.id == unit.id)
    return {"inbox": inbox, "unit": unit, "row": row, "latest": latest, "report": report, "notes": notes,
            "uploads": uploads, "actions": inbox.store.actions(unit.id)}


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def error(request: Request, pages: Jinja2Templates, status: int, words: str, back: str = "") -> Response:
    if wants_json(request) or request.url.path.startswith("/api/"):
        return JSONResponse({"detail": words}, status, headers=HEADERS)
    return pages.TemplateResponse(request, "error.html", {"status": status, "words": words, "back": back},
                                  status_code=status, headers=HEADERS)


def download(path: Path, name: str) -> Response:
    return FileResponse(path, headers={"Content-Disposition": disposition(name)})


def attachment(data: bytes, name: str, media: str) -> Response:
    return Response(data, media_type=media, headers={"Content-Disposition": disposition(name)})


def disposition(name: str) -> str:
    """A download name in the header, percent-encoded (RFC 6266): no text of a clerk's goes raw."""
    return f"attachment; filename=\"download\"; filename*=UTF-8''{quote(name, safe='')}"
