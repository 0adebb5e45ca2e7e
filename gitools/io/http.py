"""The HTTP boundary's limits, as ASGI middleware every server of ours wraps around its app: a
request body over the limit gets 413 (by Content-Length, or counted as it streams), and a body
that arrives too slowly gets 408, each with a Chinese reason; the app never sees either."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import unquote

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BYTES = 20 * 1024 * 1024  # a filled template is about 30 KB, its add-in JSON about 100 KB
BODY_SECONDS = 60.0  # the whole body must have arrived by then (a slow-loris client is cut off)
DRAIN_SECONDS = 3.0  # what a refused body may still send before the answer, at most


class _Refused(Exception):
    def __init__(self, status: int, words: str) -> None:
        self.status, self.words = status, words


class BodyLimit:
    """ASGI middleware: bodies within ``limit`` bytes and ``seconds``, else a Chinese 413/408."""

    def __init__(self, app: App, limit: int = MAX_BYTES, seconds: float = BODY_SECONDS) -> None:
        self.app, self.limit, self.seconds = app, limit, seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_large = _Refused(413, f"请求过大（超过 {self.limit // (1024 * 1024)} MB），请确认上传的是年报填报工作簿")
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _drain(receive, 2 * self.limit, DRAIN_SECONDS)  # so a client still sending hears why
            return await _refuse(send, too_large)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.seconds
        seen = 0
        started = False
        refused: _Refused | None = None

        async def counted() -> Message:
            # past a limit the app is told the client left, whatever framework parses the body;
            # what it answers then is dropped and the refusal sent instead
            nonlocal seen, refused
            if refused is not None:
                return {"type": "http.disconnect"}
            try:
                message = await asyncio.wait_for(receive(), max(0.01, deadline - loop.time()))
            except TimeoutError:
                refused = _Refused(408, "上传超时：在限定时间内没有收完文件，请检查网络后重试")
                return {"type": "http.disconnect"}
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    refused = too_large
                    return {"type": "http.disconnect"}
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if refused is not None and not started:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except Exception:
            if refused is None:
                raise
        if refused is not None and not started:
            await _refuse(send, refused)


async def _drain(receive: Receive, most: int, seconds: float) -> None:
    """Read and drop a refused body, within ``most`` bytes and ``seconds``."""
    loop = asyncio.get_running_loop()
    deadline, seen = loop.time() + seconds, 0
    while seen <= most and loop.time() < deadline:
        try:
            message = await asyncio.wait_for(receive(), deadline - loop.time())
        except TimeoutError:
            return
        seen += len(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body"):
            return


async def _refuse(send: Send, e: _Refused) -> None:
    body = json.dumps({"detail": e.words}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": e.status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class ConfinedPaths:
    """ASGI middleware for an app whose file handlers we do not trust: a path that, decoded once,
    twice or three times, has a ".." segment, a backslash or a NUL is answered 404 and never reaches
    it (xlwings Server 1.20.0's static handler serves /etc/passwd to "/static/../../…")."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _escapes(scope.get("raw_path") or scope.get("path", "").encode()):
            body = json.dumps({"detail": "没有这个页面"}, ensure_ascii=False).encode()
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)


def _escapes(raw: bytes) -> bool:
    text = raw.decode("latin-1").split("?", 1)[0]
    for _ in range(3):
        if "\\" in text or "\x00" in text or ".." in text.split("/"):
            return True
        text = unquote(text)
    return "\\" in text or "\x00" in text or ".." in text.split("/")
