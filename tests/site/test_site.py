"""`gitools serve` as the county and its units use it: a real server on loopback, spoken to over
HTTP; hostile requests get a Chinese 4xx; nothing answered is lost to a kill -9."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import urlparse

import httpx
import openpyxl
import pytest

from ..conftest import ROOT
from .conftest import ADMIN, UNITS, start, write_roster

CLERK_NOTE = "上年报告已更正，本年实际收到 3 件，正文笔误已在公开版本中改正"


def upload(url: str, path, name: str | None = None) -> httpx.Response:
    with path.open("rb") as f:
        return httpx.post(url + "/upload", files={"file": (name or path.name, f)},
                          headers={"Accept": "application/json"}, timeout=60)


def answer_of(s: socket.socket) -> str:
    """Everything the server sends until it closes the connection (headers and body may come apart)."""
    data = b""
    while chunk := s.recv(65536):
        data += chunk
    return data.decode("utf-8", "replace")


def board(site) -> dict[str, dict]:
    with site.admin() as client:
        return {u["unit_name"]: u for u in client.get("/api/board").json()["units"]}


def test_the_links_file_has_one_unguessable_link_per_unit_and_a_restart_keeps_them(tmp_path, site):
    links = site.links()
    assert list(links) == [u[0] for u in UNITS]
    tokens = [urlparse(v).path.split("/")[-1] for v in links.values()]
    assert len(set(tokens)) == 3 and all(len(t) >= 40 for t in tokens)
    wb = openpyxl.load_workbook(site.data / "各单位填报链接.xlsx")
    assert [c.value for c in wb.active[1]] == ["单位名称", "统一社会信用代码", "联系人", "联系电话", "填报链接"]
    assert "报送情况：http://127.0.0.1:" in site.log.read_text(encoding="utf-8")
    site.stop()
    again = start(site.data, site.roster)
    try:
        assert again.links() == {k: v.replace(site.url, again.url) for k, v in links.items()}
    finally:
        again.stop()


def test_an_upload_answers_the_same_json_as_gitools_validate(site, make_book):
    book = make_book("甲", narrative={"overview": "本年共收到政府信息公开申请5件。"})
    answer = upload(site.links()[UNITS[0][0]], book)
    assert answer.status_code == 200
    cli = subprocess.run([sys.executable, "-m", "gitools", "validate", str(book), "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT)
    expected = json.loads(cli.stdout)
    expected["files"][0]["path"] = "甲.xlsx"  # the site names the file as it was uploaded
    assert answer.json() == expected
    row = board(site)[UNITS[0][0]]
    assert row["state"] == "已报送·未通过" and row["errors"] == 1
    assert row["first_problem"].startswith("一五六、文字部分 B3（一、总体情况）：正文写“收到政府信息公开申请5件”")


def test_a_clerk_explains_online_the_county_accepts_and_the_summary_counts_the_unit(site, make_book):
    link = site.links()[UNITS[0][0]]
    upload(link, make_book("甲", narrative={"overview": "本年共收到政府信息公开申请5件。"}))
    page = httpx.get(link).text
    key = re.search(r'name="key-1" value="([^"]+)"', page).group(1)
    assert key == "narrative-requests-mismatch@narrative.overview"
    httpx.post(link + "/explain", data={"key-1": key, "text-1": CLERK_NOTE})
    assert board(site)[UNITS[0][0]]["state"] == "已报送·待审核说明"
    assert CLERK_NOTE in httpx.get(link).text and "待县政务公开办审核" in httpx.get(link).text
    with httpx.Client(base_url=site.url, follow_redirects=True) as county:
        county.post("/admin/login", data={"token": ADMIN})
        unit_page = county.get("/admin/units/1").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', unit_page).group(1)
        upload_id = re.search(r'name="upload_id" value="(\d+)"', unit_page).group(1)
        assert county.post("/admin/units/1/judge", data={"upload_id": upload_id, "key": key, "verdict": "reject",
                                                         "reason": "请附上更正公告", "csrf": csrf}).status_code == 200
        assert board(site)[UNITS[0][0]]["state"] == "已报送·未通过"  # a rejected 说明 blocks again
        assert "未认可：请附上更正公告" in httpx.get(link).text
        county.post("/admin/units/1/judge", data={"upload_id": upload_id, "key": key, "verdict": "accept", "csrf": csrf})
    assert board(site)[UNITS[0][0]]["state"] == "已通过"
    with site.admin() as client:
        summary = client.get("/api/summary.xlsx")
    assert summary.status_code == 200
    path = site.data / "下载的汇总表.xlsx"
    path.write_bytes(summary.content)
    status = openpyxl.load_workbook(path)["报送情况"]
    header = [c.value for c in status[3]]
    rows = {r[1]: dict(zip(header, r, strict=True)) for r in status.iter_rows(min_row=4, values_only=True) if r[1]}
    assert rows["测试县自然资源局"]["计入汇总"] == "是"  # the explained unit is in the totals
    assert CLERK_NOTE in rows["测试县自然资源局"]["单位对核实项的说明"]  # with the 说明 read back from its 校验结果


def test_a_returned_submission_is_said_on_the_units_page_and_the_board(site, make_book):
    link = site.links()[UNITS[2][0]]
    upload(link, make_book("丙"))
    assert board(site)[UNITS[2][0]]["state"] == "已通过"
    with httpx.Client(base_url=site.url, follow_redirects=True) as county:
        county.post("/admin/login", data={"token": ADMIN})
        page = county.get("/admin/units/3").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        upload_id = re.search(r'name="upload_id" value="(\d+)"', page).group(1)
        assert county.post("/admin/units/3/return", data={"upload_id": upload_id, "csrf": "forged",
                                                          "reason": "x"}).status_code == 403
        county.post("/admin/units/3/return", data={"upload_id": upload_id, "csrf": csrf, "reason": "公章页缺失"})
    assert board(site)[UNITS[2][0]]["state"] == "已退回"
    assert "县政务公开办已退回：公章页缺失" in httpx.get(link).text
    with site.admin() as client:
        reminders = client.get("/admin/reminders.xlsx")
    path = site.data / "催报.xlsx"
    path.write_bytes(reminders.content)
    names = [r[0] for r in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)]
    assert names == [UNITS[2][0], UNITS[0][0], UNITS[1][0]]  # returned first, then the ones never sent


def test_the_phone_to_call_is_the_roster_s_when_the_workbook_s_is_not_a_number(site, make_book):
    upload(site.links()[UNITS[2][0]], make_book("丙", unit={"phone": "1393730123"}))
    row = board(site)[UNITS[2][0]]
    assert (row["phone"], row["phone_from"]) == ("0373-7021007", "名单")


def test_wrong_tokens_missing_login_and_bad_files_get_chinese_4xx(site, tmp_path):
    link = site.links()[UNITS[0][0]]
    for url in (site.url + "/u/" + "A" * 43, site.url + "/u/x", link[:-1] + ("A" if link[-1] != "A" else "B")):
        r = httpx.get(url)
        assert r.status_code == 404 and "链接无效或已停用" in r.text
    assert httpx.get(site.url + "/api/board").status_code == 401
    assert httpx.get(site.url + "/api/board", headers={"Authorization": "Bearer guessed-0123456789"}).status_code == 401
    fake = tmp_path / "年报.xlsx"
    fake.write_text("这不是工作簿", encoding="utf-8")
    r = upload(link, fake)
    assert r.status_code == 422 and r.json()["files"][0]["findings"][0]["rule"] == "file-unreadable"
    r = httpx.post(link + "/upload", headers={"Accept": "application/json"})
    assert r.status_code == 400 and "未选择文件" in r.json()["detail"]
    r = httpx.post(link + "/upload", files={"file": ("说明.docx", b"PK")}, headers={"Accept": "application/json"})
    assert r.status_code == 422


def test_bodies_over_the_limit_are_413_and_a_slow_body_is_cut_off(site):
    link = site.links()[UNITS[0][0]]
    host, port = urlparse(site.url).hostname, urlparse(site.url).port
    with socket.create_connection((host, port), timeout=10) as s:  # declares 1 GB, sends 64 KB, waits
        s.sendall(f"POST {urlparse(link).path}/upload HTTP/1.1\r\nHost: x\r\nContent-Length: {10**9}\r\n"
                  "Content-Type: multipart/form-data; boundary=x\r\n\r\n".encode() + b"0" * 65536)
        started = time.monotonic()
        answer = answer_of(s)
    assert " 413 " in answer.splitlines()[0] and "请求过大" in answer and time.monotonic() - started < 5

    def chunks():  # a well-formed upload of 30 MB, sent without a Content-Length
        yield (b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n'
               b"Content-Type: application/octet-stream\r\n\r\n")
        for _ in range(30):
            yield b"0" * (1024 * 1024)
    r = httpx.post(link + "/upload", content=chunks(), headers={"Content-Type": "multipart/form-data; boundary=x"},
                   timeout=30)
    assert r.status_code == 413
    with socket.create_connection((host, port), timeout=20) as s:
        path = urlparse(link).path
        s.sendall(f"POST {path}/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n"
                  "Content-Type: multipart/form-data; boundary=x\r\n\r\n".encode() + b"--x\r\n")
        started = time.monotonic()
        answer = answer_of(s)
    assert " 408 " in answer.splitlines()[0] and "上传超时" in answer and time.monotonic() - started < 10


@pytest.mark.parametrize("path", ["/static/../../../../../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
                                  "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%5c..%5c..%5cetc%5cpasswd",
                                  "/static/%252e%252e/%252e%252e/etc/passwd", "/static/../app.py"])
def test_no_static_path_reaches_outside_its_folder(site, path):
    host, port = urlparse(site.url).hostname, urlparse(site.url).port
    with socket.create_connection((host, port), timeout=10) as s:  # sent as written: no client normalises it
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    head = answer.split(b"\r\n", 1)[0].decode()
    assert head.split()[1] in ("400", "404") and b"root:" not in answer and b"import" not in answer


def test_names_from_the_roster_are_escaped_and_security_headers_sent(site):
    r = httpx.get(site.links()[UNITS[1][0]])
    assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;" in r.text
    assert r.headers["referrer-policy"] == "no-referrer" and r.headers["x-frame-options"] == "DENY"
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_a_port_outside_the_range_is_refused_before_start(tmp_path):
    roster = write_roster(tmp_path / "名单.csv")
    for port in ("0", "65536", "99999"):
        done = subprocess.run([sys.executable, "-m", "gitools", "serve", "--roster", str(roster), "--data",
                               str(tmp_path / "d"), "--name", "县", "--port", port], capture_output=True, text=True,
                              cwd=ROOT, timeout=60)
        assert done.returncode == 2 and "端口应为 1 至 65535 之间的整数" in done.stderr
    done = subprocess.run([sys.executable, "-m", "gitools", "serve", "--roster", str(roster), "--data",
                           str(tmp_path / "d"), "--name", "县", "--host", "999.1.1.1"], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 2 and "监听地址 999.1.1.1 无效" in done.stderr and "Traceback" not in done.stderr


def test_a_kill_9_loses_no_answered_upload_and_leaves_no_partial_file(tmp_path, make_book):
    roster = write_roster(tmp_path / "名单.csv")
    site = start(tmp_path / "数据", roster, upload_seconds=30)
    try:
        links = site.links()
        assert upload(links[UNITS[2][0]], make_book("丙")).status_code == 200
        host, port = urlparse(site.url).hostname, urlparse(site.url).port
        slow = socket.create_connection((host, port), timeout=10)  # an upload in flight, half sent
        slow.sendall(f"POST {urlparse(links[UNITS[0][0]]).path}/upload HTTP/1.1\r\nHost: x\r\n"
                     "Content-Length: 500000\r\nContent-Type: multipart/form-data; boundary=x\r\n\r\n".encode()
                     + b"--x\r\n" + b"0" * 100000)
        time.sleep(0.5)
        site.stop(kill=True)
        slow.close()
    finally:
        site.stop(kill=True)
    again = start(site.data, roster)
    try:
        rows = board(again)
        assert rows[UNITS[2][0]]["state"] == "已通过" and rows[UNITS[0][0]]["state"] == "未报送"
        names = [p.name for p in (site.data / "files").iterdir()]
        assert len(names) == 1 and re.fullmatch(r"[0-9a-f]{64}\.xlsx", names[0])
    finally:
        again.stop()


def test_many_units_uploading_at_once_are_all_answered_and_counted(site, make_book):
    link = site.links()[UNITS[2][0]]
    book = make_book("丙")
    codes: list[int] = []

    def send() -> None:
        codes.append(upload(link, book).status_code)

    threads = [threading.Thread(target=send) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [200] * 20
    with site.admin() as client:
        client.get("/api/board")
    page = httpx.get(link).text
    assert page.count("上传</td>") == 20  # every upload in the unit's record


def test_a_unit_downloads_its_prefilled_template_and_a_renewed_link_stops_the_old_one(site):
    old = site.links()[UNITS[0][0]]
    r = httpx.get(old + "/template")
    assert r.status_code == 200 and "filename*=UTF-8''" in r.headers["content-disposition"]
    path = site.data / "下载的模板.xlsx"
    path.write_bytes(r.content)
    assert openpyxl.load_workbook(path)["单位信息"]["B3"].value == UNITS[0][0]
    with httpx.Client(base_url=site.url, follow_redirects=True) as county:
        county.post("/admin/login", data={"token": ADMIN})
        csrf = re.search(r'name="csrf" value="([^"]+)"', county.get("/admin/units/1").text).group(1)
        assert county.post("/admin/units/1/renew", data={"csrf": csrf}).status_code == 200
    new = site.links()[UNITS[0][0]]
    assert new != old and httpx.get(old).status_code == 404 and httpx.get(new).status_code == 200


def test_the_excel_add_in_is_served_on_the_same_site_with_its_paths_confined(tmp_path, monkeypatch):
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")  # the noncommercial licence, for tests only
    pytest.importorskip("xlwings_server")
    import xlwings as xw

    from gitools.testing.officejs import payload

    site = start(tmp_path / "数据", write_roster(tmp_path / "名单.csv"))
    try:
        assert "Excel 插件校验服务" in site.log.read_text(encoding="utf-8")
        pane = httpx.get(site.url + "/addin/taskpane.html")
        assert pane.status_code == 200 and "校验本工作簿" in pane.text
        body = json.dumps(payload(ROOT / "samples" / "faulty-values.xlsx", xw.__version__), ensure_ascii=False,
                          default=str).encode()
        r = httpx.post(site.url + "/addin/xlwings/custom-scripts-call/gitools_validate", content=body,
                       headers={"Content-Type": "application/json"}, timeout=60)
        assert r.status_code == 200 and r.json()["actions"][0]["func"] == "sheetClear"
        host, port = urlparse(site.url).hostname, urlparse(site.url).port
        for path in ("/addin/static/../../../../../../etc/passwd", "/addin/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
                     "/addin/static/%252e%252e/%252e%252e/etc/passwd"):
            with socket.create_connection((host, port), timeout=10) as s:
                s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
                answer = b""
                while chunk := s.recv(65536):
                    answer += chunk
            assert b" 404 " in answer.split(b"\r\n", 1)[0] and b"root:" not in answer, path
        assert httpx.get(site.url + "/admin").status_code == 401  # the site itself is unchanged
    finally:
        site.stop()
