"""The county's inbox as a use case (``gitools serve`` is its face): the roster's units, each
with a secret link; uploads checked at once by the same rules as `gitools validate`; 说明 typed
online and judged by the county; 退回; the 报送情况 board; and the summary, 退回材料 and 催报 list
built by the same code as `gitools merge`. Files are kept under their content hash, never
overwritten; the records are in SQLite (``store``)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from gitools.form.catalog import Level
from gitools.form.model import Form
from gitools.inputs.kinds import SUBMISSION_SUFFIXES, XLSX_SUFFIXES
from gitools.inputs.roster import RosterEntry, read_roster
from gitools.io.atomic import atomic_write
from gitools.io.cells import clean, csv_safe, put
from gitools.io.filenames import file_name
from gitools.jobs.inbox.records import report_of, to_json, unit_json
from gitools.jobs.inbox.store import Store, Unit, Upload
from gitools.jobs.merge import MergeError, merge
from gitools.jobs.templates import write_for_roster
from gitools.jobs.validate import check
from gitools.merge.combine import phone_to_dial
from gitools.model.findings import FileReport
from gitools.outputs.text import first_problems, in_words
from gitools.outputs.xlsx.annotate import annotate
from gitools.outputs.xlsx.feedback import write_feedback

MAX_UPLOAD = 20 * 1024 * 1024  # a filled template is about 30 KB
NOT_SENT, FAILED, PENDING, PASSED, RETURNED = "未报送", "已报送·未通过", "已报送·待审核说明", "已通过", "已退回"
ACTION_ORDER = (PENDING, FAILED, RETURNED, NOT_SENT, PASSED)  # the board: what needs acting on first
LINK_COLUMNS = ("单位名称", "统一社会信用代码", "联系人", "联系电话", "填报链接")


class Refused(Exception):
    """An upload the inbox does not take; ``str(e)`` says why in Chinese, ``report`` is the
    verdict (the same JSON as `gitools validate`), when there is one."""

    def __init__(self, message: str, report: FileReport | None = None) -> None:
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class Row:
    """One roster unit on the board."""

    unit: Unit
    state: str
    upload: Upload | None
    errors: int
    warnings: int
    first_problem: str
    phone: str | None
    phone_from: str  # 工作簿 | 名单 | ""
    contact: str | None
    pending_notes: int


class Inbox:
    def __init__(self, data: Path, form: Form, *, name: str, year: int | None, base_url: str,
                 deadline: str | None = None) -> None:
        self.data, self.form, self.name, self.year = data, form, name, year
        self.base_url, self.deadline = base_url.rstrip("/"), deadline
        (data / "files").mkdir(parents=True, exist_ok=True)
        self.store = Store(data / "inbox.sqlite")

    # --- the roster and the links -------------------------------------------------------------

    def take_roster(self, roster: Path) -> None:
        """The units of ``roster`` (kept as a copy in the data folder, for the summary)."""
        entries = read_roster(roster)
        keep = self.data / f"应报单位名单{roster.suffix.lower()}"
        if roster.resolve() != keep.resolve():
            with atomic_write(keep) as tmp:
                shutil.copyfile(roster, tmp)
        self.store.add_units([{"line": e.line, "name": e.name, "credit_code": e.credit_code, "category": e.category,
                               "contact": e.contact, "phone": e.phone} for e in entries])

    def roster_file(self) -> Path | None:
        return next((p for p in self.data.glob("应报单位名单.*") if not p.name.startswith(".")), None)

    def link(self, unit: Unit) -> str:
        return f"{self.base_url}/u/{unit.token}"

    def write_links(self) -> tuple[Path, Path]:
        """各单位填报链接.xlsx and .csv: one row per unit, for the county to send out."""
        rows: list[list[object]] = [[u.name, u.credit_code, u.contact, u.phone, self.link(u)]
                                    for u in self.store.units()]
        xlsx, text = self.data / "各单位填报链接.xlsx", self.data / "各单位填报链接.csv"
        wb = Workbook()
        ws = wb.active
        ws.title = "填报链接"
        table: list[list[object]] = [list(LINK_COLUMNS), *rows]
        for r, values in enumerate(table, start=1):
            for c, value in enumerate(values, start=1):
                put(ws.cell(r, c), value)
        for col, width in zip("ABCDE", (30, 22, 10, 16, 70), strict=True):
            ws.column_dimensions[col].width = width
        with atomic_write(xlsx) as tmp:
            wb.save(tmp)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(LINK_COLUMNS)
        writer.writerows([[csv_safe(v) for v in row] for row in rows])
        with atomic_write(text) as tmp:
            tmp.write_text(buffer.getvalue(), encoding="utf-8-sig")  # Excel opens UTF-8 with a BOM as such
        return xlsx, text

    def renew(self, unit_id: int) -> str:
        """A new link for a unit (the old one stops working at once); the links file is rewritten."""
        token = self.store.renew_token(unit_id)
        self.write_links()
        self.store.log("县政务公开办", "更换填报链接", unit_id)
        return token

    def template(self, unit: Unit) -> Path:
        """The unit's prefilled template, as `gitools template --roster` writes it."""
        entry = RosterEntry(unit.name, unit.credit_code, unit.line, unit.category, unit.contact, unit.phone)
        outdir = self.data / "templates" / str(unit.id)
        outdir.mkdir(parents=True, exist_ok=True)
        return write_for_roster(self.form, [entry], outdir, self.year)[0].path

    # --- uploads and 说明 -----------------------------------------------------------------------

    def receive(self, unit: Unit, filename: str, data: bytes) -> tuple[FileReport, int]:
        """Keep the file under its hash, check it, record it; raises Refused (nothing recorded)."""
        suffix = Path(filename).suffix.lower()
        if suffix not in SUBMISSION_SUFFIXES:
            raise Refused(f"不是可报送的文件类型（{suffix or '无扩展名'}），请上传填好的年报工作簿（.xlsx）")
        if len(data) > MAX_UPLOAD:
            raise Refused(f"文件过大（超过 {MAX_UPLOAD // 1048576} MB），请确认上传的是年报工作簿")
        path = self._keep(data, suffix)
        report, sub = check(path, {}, self.form, filename)
        if sub is None:
            self.store.log("单位", "上传（无法读取）", unit.id, f"{filename}：{report.findings[0].message}")
            raise Refused(report.findings[0].message, report)
        sid = self.store.add_upload(unit.id, filename, path.stem, suffix, len(data), to_json(report),
                                    unit_json(sub.unit), {})
        self.store.log("单位", "上传", unit.id, f"{filename}：{report.verdict()}")
        return report, sid

    def explain(self, unit: Unit, notes: dict[str, str]) -> tuple[FileReport, int]:
        """The latest upload again, with the 说明 typed on the page (those left empty keep the last
        ones; a changed 说明 waits for the county's verdict again)."""
        latest = self.store.latest().get(unit.id)
        if latest is None:
            raise Refused("还没有上传报表，请先上传填好的工作簿")
        kept = {n["key"]: n["text"] for n in self.store.notes(latest.id)}
        given = {k: clean(v).strip() for k, v in notes.items() if clean(v).strip()}
        merged = {**kept, **given}
        report, _ = check(self._path(latest), merged, self.form, latest.filename)
        sid = self.store.add_upload(unit.id, latest.filename, latest.sha256, latest.suffix, latest.size,
                                    to_json(report), latest.unit, merged)
        for n in self.store.notes(latest.id):  # unchanged 说明 keep the county's verdict
            if n["verdict"] and merged.get(n["key"]) == n["text"]:
                self.store.judge(sid, n["key"], n["verdict"], n["reason"] or "")
        self._refresh(sid)
        self.store.log("单位", "填写说明", unit.id, f"{len(given)} 条")
        return self.report(sid), sid

    def judge(self, upload_id: int, key: str, accept: bool, reason: str = "") -> None:
        """The county accepts or rejects a 说明; a rejected one blocks again."""
        upload = self.store.upload(upload_id)
        if upload is None or not self.store.judge(upload_id, key, "accepted" if accept else "rejected", clean(reason)):
            raise LookupError(key)
        self._refresh(upload_id)
        self.store.log("县政务公开办", "认可说明" if accept else "不认可说明", upload.unit_id,
                       f"{key}" + (f"：{reason}" if reason else ""))

    def send_back(self, upload_id: int, reason: str) -> None:
        upload = self.store.upload(upload_id)
        if upload is None:
            raise LookupError(upload_id)
        self.store.send_back(upload_id, clean(reason).strip() or "请按县政务公开办的要求修改后重新报送")
        self.store.log("县政务公开办", "退回", upload.unit_id, clean(reason))

    def report(self, upload_id: int) -> FileReport:
        upload = self.store.upload(upload_id)
        if upload is None:
            raise LookupError(upload_id)
        return report_of(upload)

    def annotated(self, upload: Upload) -> Path:
        """An annotated copy of an upload, with its findings and 说明 in 校验结果."""
        if upload.suffix not in XLSX_SUFFIXES:
            raise Refused("只有 .xlsx 工作簿能生成标注副本")
        out = self.data / "annotated" / f"{upload.sha256}-{upload.id}.xlsx"
        if not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                annotate(self._path(upload), report_of(upload), out)
            except Exception as e:  # openpyxl refusing a workbook our reader could read
                raise Refused(f"这份工作簿无法生成标注副本（{type(e).__name__}），校验结果见页面") from e
        return out

    # --- the board and what the county downloads -----------------------------------------------

    def board(self) -> list[Row]:
        latest = self.store.latest()
        rows = [self._row(u, latest.get(u.id)) for u in self.store.units()]
        return sorted(rows, key=lambda r: (ACTION_ORDER.index(r.state), r.unit.line))

    def summary(self, out: Path) -> Path:
        """The summary of every unit's passed latest submission, by the same code as `gitools merge`."""
        with tempfile.TemporaryDirectory(prefix="gitools-inbox-") as tmp:
            inputs = [self._merge_copy(r.upload, r.unit, Path(tmp)) for r in self.board()
                      if r.state == PASSED and r.upload]
            if not inputs:
                raise Refused("还没有通过校验的报表，无法生成汇总表")
            try:
                merge(inputs, out, form=self.form, roster=self.roster_file(), year=self.year,
                      identity={"unit_name": self.name}, workers=1)
            except MergeError as e:  # e.g. a county summary uploaded beside its own units
                raise Refused(str(e)) from e
        return out

    def feedback(self) -> bytes:
        """退回清单 and the annotated copies of the units that must act, as a zip."""
        with tempfile.TemporaryDirectory(prefix="gitools-inbox-") as tmp:
            root = Path(tmp)
            inputs = [self._merge_copy(r.upload, r.unit, root / "in") for r in self.board() if r.upload]
            if not inputs:
                raise Refused("还没有任何单位报送")
            try:
                result = merge(inputs, root / "汇总表.xlsx", form=self.form, roster=self.roster_file(),
                               year=self.year, identity={"unit_name": self.name}, include_invalid=True, workers=1)
            except MergeError as e:
                raise Refused(str(e)) from e
            written = write_feedback(result, root / "退回材料")
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
                for path in written:
                    z.write(path, path.name)
        return buffer.getvalue()

    def reminders(self) -> list[list[object]]:
        """催报: the units not yet passed, with whom to call and their link."""
        return [[r.unit.label, r.state, r.contact, r.phone, r.phone_from, r.first_problem, self.link(r.unit)]
                for r in self.board() if r.state != PASSED]

    # --- inside ---------------------------------------------------------------------------------

    def _keep(self, data: bytes, suffix: str) -> Path:
        path = self.data / "files" / f"{hashlib.sha256(data).hexdigest()}{suffix}"
        if not path.exists():  # content-addressed: the same bytes are the same file, never rewritten
            with atomic_write(path) as tmp:
                tmp.write_bytes(data)
        return path

    def _path(self, upload: Upload) -> Path:
        return self.data / "files" / f"{upload.sha256}{upload.suffix}"

    def _refresh(self, upload_id: int) -> None:
        """Validate again with the 说明 the county has not rejected."""
        upload = self.store.upload(upload_id)
        if upload is None:
            return
        notes = {n["key"]: n["text"] for n in self.store.notes(upload_id) if n["verdict"] != "rejected"}
        report, _ = check(self._path(upload), notes, self.form, upload.filename)
        self.store.set_report(upload_id, to_json(report))

    def _row(self, unit: Unit, upload: Upload | None) -> Row:
        if upload is None:
            return Row(unit, NOT_SENT, None, 0, 0, "", unit.phone, "名单" if unit.phone else "", unit.contact, 0)
        report = report_of(upload)
        notes = self.store.notes(upload.id)
        waiting = [n for n in notes if n["verdict"] is None and any(
            f.key == n["key"] and f.level is Level.REVIEW for f in report.findings)]
        state = RETURNED if upload.returned else FAILED if report.errors else PENDING if waiting else PASSED
        given = json.loads(upload.unit)
        phone, source = phone_to_dial(given.get("phone"), unit.phone)
        first = in_words(report.errors[0]) if report.errors else first_problems(report.findings, 1)
        return Row(unit, state, upload, len(report.errors), len(report.warnings), first, phone, source,
                   given.get("preparer") or unit.contact, len(waiting))

    def _merge_copy(self, upload: Upload, unit: Unit, folder: Path) -> Path:
        """The file the merge reads for an upload: an .xlsx carries its 说明 in 校验结果, as a clerk's would."""
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"{unit.id:04d}-{file_name(unit.label)}{upload.suffix}"
        if upload.suffix in XLSX_SUFFIXES:
            annotate(self._path(upload), report_of(upload), out)
        else:
            shutil.copyfile(self._path(upload), out)
        return out
