"""Route A: xlwings Server serving the Office.js add-in to every clerk's Excel.

The server runs once, at the county office. xlwings Server is configured through environment
variables (read when it is imported), pointed at the project folder shipped in this package
(our script, task pane and manifest), and wrapped so that oversized requests are refused.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from gitools.io.http import MAX_BYTES, BodyLimit, ConfinedPaths

PROJECT = Path(__file__).resolve().parent / "project"
MANIFEST_ID = "7a4b6c2e-5f0d-4e8a-9b1c-3d2e1f0a9b8c"  # identifies the gitools add-in to Office; not a secret
LICENCE_HELP = (
    "xlwings Server 需要许可证密钥（环境变量 XLWINGS_LICENSE_KEY）。政府机关、事业单位等非商业用途可使用 "
    "PolyForm Noncommercial 许可：启动前执行 export XLWINGS_LICENSE_KEY=noncommercial（Windows："
    "set XLWINGS_LICENSE_KEY=noncommercial）；商业用途须向 xlwings 购买密钥。详见 README“Excel 插件”一节。")


class LicenceMissing(Exception):
    pass


def origin(host: str, port: int, https: bool) -> str:
    return f"{'https' if https else 'http'}://{host}:{port}"


def configure(public_url: str, path: str = "") -> None:
    """Settings for xlwings Server; must run before it is imported."""
    if not os.environ.get("XLWINGS_LICENSE_KEY"):
        raise LicenceMissing(LICENCE_HELP)
    os.environ.update({
        "XLWINGS_PROJECT_DIR": str(PROJECT),
        "XLWINGS_ENVIRONMENT": "prod",
        "XLWINGS_PROJECT_NAME": "政务公开年报校验",
        "XLWINGS_MANIFEST_ID_PROD": MANIFEST_ID,
        "XLWINGS_ENABLE_EXAMPLES": "false",
        "XLWINGS_ENABLE_SOCKETIO": "false",
        "XLWINGS_ENABLE_HOTRELOAD": "false",
        "XLWINGS_ENABLE_WASM": "false",
        "XLWINGS_CORS_ALLOW_ORIGINS": json.dumps([public_url.rstrip("/")]),
        "XLWINGS_APP_PATH": path,
        "XLWINGS_STATIC_URL_PATH": f"{path}/static",
    })
    os.environ.setdefault("DOTENV_PATH", str(PROJECT / ".env-none"))  # no stray .env from the cwd


def app(public_url: str, limit: int = MAX_BYTES, path: str = "") -> Any:
    """xlwings Server's app inside our limits, its paths confined; ``path``: the prefix it is
    mounted under (the county site mounts it at /addin)."""
    configure(public_url, path)
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))
    from xlwings_server.main import main_app

    return BodyLimit(ConfinedPaths(main_app), limit)


def serve(host: str, port: int, *, certfile: Path | None = None, keyfile: Path | None = None,
          public_url: str | None = None) -> None:
    import uvicorn

    url = public_url or origin(host, port, certfile is not None)
    uvicorn.run(app(url), host=host, port=port, ssl_certfile=certfile, ssl_keyfile=keyfile,
                log_level="info", proxy_headers=False)


def manifest(url: str) -> str:
    """The manifest an IT person sideloads, for the address clerks' Excel reaches the server at."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(PROJECT / "templates"), autoescape=True)
    base = url.rstrip("/")

    class Settings:
        static_url_path = "/static"

    return env.get_template("manifest.xml").render(
        settings=Settings, base_url=base, base_url_with_app_path=base,
        manifest_id=MANIFEST_ID)
