"""Starting the site: the inbox prepared from the roster (a second start on the same folder
resumes with everything kept), the links written, the admin token settled, the address checked
before uvicorn takes it, and Chinese lines saying where everything is."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gitools.form.model import Form
from gitools.io.errors import os_reason
from gitools.io.http import BODY_SECONDS
from gitools.jobs.inbox import Inbox
from gitools.jobs.inbox.store import digest, new_token

ADMIN_ENV = "GITOOLS_ADMIN_TOKEN"
BODY_ENV = "GITOOLS_UPLOAD_SECONDS"  # how long one upload may take to arrive (IT may raise it for slow links)


class CannotServe(Exception):
    """``str(e)`` says in Chinese why the site cannot start."""


@dataclass(frozen=True)
class Settings:
    roster: Path
    data: Path
    name: str
    year: int | None
    host: str = "127.0.0.1"
    port: int = 8000
    deadline: str | None = None
    url: str | None = None
    new_admin_token: bool = False


def prepare(s: Settings, form: Form, say: Callable[[str], None]) -> tuple[Inbox, str]:
    """The inbox and the admin token's hash; says where the links are and, once, the token."""
    base = s.url or f"http://{s.host}:{s.port}"
    inbox = Inbox(s.data, form, name=s.name, year=s.year, base_url=base, deadline=s.deadline)
    inbox.take_roster(s.roster)
    xlsx, _ = inbox.write_links()
    given = os.environ.get(ADMIN_ENV, "").strip()
    if given:
        inbox.store.set_meta("admin", digest(given))
        say(f"管理口令：使用环境变量 {ADMIN_ENV} 中的口令")
    elif s.new_admin_token or inbox.store.meta("admin") is None:
        token = new_token()
        inbox.store.set_meta("admin", digest(token))
        say(f"管理口令（只显示这一次，请妥善保存）：{token}")
    else:
        say("管理口令：沿用首次启动时显示的口令（遗忘时加 --new-admin-token 重新生成）")
    say(f"各单位填报链接：{xlsx}（及同名 .csv），共 {len(inbox.store.units())} 个单位")
    say(f"报送情况：{base}/admin")
    if s.host in ("0.0.0.0", "::") and not s.url:
        say("提示：监听所有地址时，请用 --url 给出各单位访问本机的地址，填报链接中才是可访问的地址")
    return inbox, inbox.store.meta("admin") or ""


def check_address(host: str, port: int) -> None:
    """Bind once ourselves, so a busy port or a wrong address is said in Chinese before uvicorn."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise CannotServe(f"监听地址 {host} 无效（应为本机的 IP 地址，如 127.0.0.1 或 0.0.0.0）") from e
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as e:
            raise CannotServe(f"无法在 {host}:{port} 上启动：{os_reason(e)}（可用 --host、--port 换一个）") from e


def run(s: Settings, form: Form, say: Callable[[str], None],
        mounts: Callable[[str], dict[str, Any]] = lambda url: {}) -> None:
    """Serve the site; ``mounts(url)`` gives other apps to mount beside it, by path (the add-in)."""
    import uvicorn

    from gitools.site.app import create

    check_address(s.host, s.port)
    inbox, admin_hash = prepare(s, form, say)
    seconds = float(os.environ.get(BODY_ENV) or BODY_SECONDS)
    site = create(inbox, admin_hash, seconds, mounts(inbox.base_url))
    uvicorn.run(site, host=s.host, port=s.port, log_level="warning", access_log=False,
                proxy_headers=False, server_header=False, timeout_keep_alive=5)
