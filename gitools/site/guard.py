"""Who may see what: a unit by its secret link, the county by its token (a session cookie from
the login form, or a bearer token for scripts), and the CSRF token every admin form carries."""

from __future__ import annotations

import hmac

from fastapi import Request
from starlette.exceptions import HTTPException

from gitools.jobs.inbox import Inbox
from gitools.jobs.inbox.store import Unit, digest

SESSION = "gitools_admin"


class Guard:
    def __init__(self, inbox: Inbox, admin_hash: str) -> None:
        self.inbox, self.admin_hash = inbox, admin_hash

    def unit(self, token: str) -> Unit:
        unit = self.inbox.store.unit_by_token(token) if 20 <= len(token) <= 100 else None
        if unit is None:
            raise HTTPException(404, "链接无效或已停用，请向县政务公开办索取新的填报链接")
        return unit

    def admin(self, request: Request) -> str:
        """The session's CSRF token ("" for a bearer token); 401 without either."""
        bearer = request.headers.get("authorization", "")
        if bearer.startswith("Bearer ") and hmac.compare_digest(digest(bearer[7:].strip()), self.admin_hash):
            return ""
        sid = request.cookies.get(SESSION)
        csrf = self.inbox.store.session_csrf(sid) if sid else None
        if csrf is None:
            raise HTTPException(401, "请先用管理口令登录")
        return csrf

    def checked(self, request: Request, csrf: str) -> None:
        expected = self.admin(request)
        if not expected or not hmac.compare_digest(expected, csrf):
            raise HTTPException(403, "表单已过期，请刷新页面后重试")

    def login(self, token: str) -> bool:
        return hmac.compare_digest(digest(token.strip()), self.admin_hash)
