"""xlwings Server started on loopback by the test, called the way Excel's task pane calls it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
import xlwings as xw

from gitools.testing.officejs import payload

from ..conftest import ROOT

SCRIPT = "/xlwings/custom-scripts-call/gitools_validate"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = free_port()
    env = dict(os.environ, XLWINGS_LICENSE_KEY="noncommercial")
    proc = subprocess.Popen([sys.executable, "-m", "gitools", "addin", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/taskpane.html", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                pytest.fail(proc.stdout.read().decode())
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def post(url: str, body: bytes, headers: dict | None = None) -> tuple[int, dict, dict]:
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read()), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}"), dict(e.headers)


def request_body(sample: str) -> bytes:
    return json.dumps(payload(ROOT / "samples" / sample, xw.__version__), ensure_ascii=False, default=str).encode()


def test_the_button_request_returns_the_actions_that_mark_the_workbook(server):
    status, body, _ = post(server + SCRIPT, request_body("faulty-values.xlsx"))
    assert status == 200
    funcs = [a["func"] for a in body["actions"]]
    assert funcs[0] == "sheetClear" and funcs[-1] == "alert"
    listing = next(a["values"] for a in body["actions"] if a["func"] == "setValues")
    assert listing[0][0].startswith("校验结论：未通过") and listing[2][:4] == ["序号", "级别", "工作表", "单元格"]
    assert any(row[8] == "value-negative" and row[6] == "数字为负数" and row[1] == "强制" for row in listing[3:])
    assert funcs.count("addHyperlink") >= 5 and "setRangeColor" in funcs
    status, body, _ = post(server + SCRIPT, request_body("example-township-2025.xlsx"))
    assert body["actions"][-1]["args"][0] == "校验通过：没有发现问题。"


def test_the_task_pane_and_the_manifest_are_in_chinese(server):
    page = urllib.request.urlopen(server + "/taskpane.html").read().decode()
    assert 'xw-click="gitools_validate"' in page and "校验本工作簿" in page
    manifest = urllib.request.urlopen(server + "/manifest.xml").read().decode()
    assert "政务公开年报" in manifest and f"{server}/taskpane.html" in manifest


def test_oversized_requests_are_refused_with_a_chinese_message(server):
    status, body, _ = post(server + SCRIPT, b"{" + b" " * (21 * 1024 * 1024) + b"}")
    assert status == 413 and "请求过大" in body["detail"]


def test_cors_allows_only_the_add_ins_own_origin(server):
    def preflight(origin: str) -> dict:
        req = urllib.request.Request(server + SCRIPT, method="OPTIONS", headers={
            "Origin": origin, "Access-Control-Request-Method": "POST"})
        try:
            with urllib.request.urlopen(req) as r:
                return dict(r.headers)
        except urllib.error.HTTPError as e:
            return dict(e.headers)

    assert preflight(server).get("access-control-allow-origin") == server
    assert "access-control-allow-origin" not in {k.lower() for k in preflight("https://evil.example.com")}


def test_without_a_licence_key_the_server_explains_and_exits_2():
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}
    done = subprocess.run([sys.executable, "-m", "gitools", "addin", "serve", "--port", str(free_port())],
                          env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2 and "XLWINGS_LICENSE_KEY=noncommercial" in done.stderr


def test_the_task_pane_renders_in_chinese_in_a_real_browser(server, tmp_path):
    import shutil

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI 需要 Chromium（.ci/run 应已安装）")
        pytest.skip("Chromium not installed")
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=420,640", "--virtual-time-budget=8000"]
    shot = tmp_path / "taskpane.png"
    subprocess.run([*flags, f"--screenshot={shot}", server + "/taskpane.html"], capture_output=True, timeout=120)
    dom = subprocess.run([*flags, "--dump-dom", server + "/taskpane.html"], capture_output=True, timeout=120,
                         text=True).stdout
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000
    assert 'xw-click="gitools_validate"' in dom and "校验本工作簿" in dom and "政务公开年报" in dom
    css = urllib.request.urlopen(server + "/static/css/gitools.css").read().decode()
    assert "重新加载" in css  # xlwings Server's own "did not load" prompt, in Chinese


def test_https_with_the_county_certificate(tmp_path):
    """Excel loads add-ins only over HTTPS: --cert/--key serve TLS, and the manifest names that URL."""
    import datetime as dt
    import ssl

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    port = free_port()
    url = f"https://localhost:{port}"
    env = dict(os.environ, XLWINGS_LICENSE_KEY="noncommercial")
    proc = subprocess.Popen([sys.executable, "-m", "gitools", "addin", "serve", "--port", str(port), "--cert",
                             str(cert_file), "--key", str(key_file), "--url", url],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    context = ssl.create_default_context(cafile=str(cert_file))
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(url + "/manifest.xml", context=context, timeout=2) as r:
                    manifest = r.read().decode()
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, "server exited"
                time.sleep(0.2)
        else:
            pytest.fail("HTTPS server did not answer")
        assert f"{url}/taskpane.html" in manifest
        req = urllib.request.Request(url + SCRIPT, data=request_body("example-township-2025.xlsx"),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, context=context, timeout=60) as r:
            assert json.loads(r.read())["actions"][-1]["args"][0] == "校验通过：没有发现问题。"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("path", ["/static/../../../../../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
                                  "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%5c..%5cetc%5cpasswd"])
def test_no_path_reaches_outside_the_add_ins_folders(server, path):
    import socket
    from urllib.parse import urlparse

    with socket.create_connection((urlparse(server).hostname, urlparse(server).port), timeout=10) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    assert b" 404 " in answer.split(b"\r\n", 1)[0] and b"root:" not in answer
