"""`gitools validate` as a use case: read files, validate them a batch at a time, and write
annotated copies by one policy (names, no overwriting an input, what failed). The CLI, the
add-in and the site call it and render what it returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gitools.form import FORM
from gitools.form.model import Form
from gitools.inputs.kinds import KINDS, XLSX_SUFFIXES, Family
from gitools.inputs.read import read_submission
from gitools.io.errors import os_reason
from gitools.jobs.progress import Progress, silent
from gitools.model.findings import FileReport, Status, finding
from gitools.model.submission import NotReadable, Submission
from gitools.outputs.xlsx.annotate import annotate
from gitools.validate import validate_all


def validate_file(path: Path, form: Form = FORM, previous: Submission | None = None,
                  today: dt.date | None = None) -> tuple[FileReport, Submission | None]:
    """Read and validate one file; an unreadable file is a report, not an exception."""
    return validate_files([path], form, previous, today)[0]


def check(path: Path, notes: dict[str, str], form: Form = FORM, name: str = "") -> tuple[FileReport, Submission | None]:
    """Read and validate one file with 说明 given outside it (typed on the site), attached by
    finding identity exactly as those written in its 校验结果 sheet; ``name`` is what the report
    calls the file (the name it was uploaded under)."""
    try:
        sub = read_submission(path, form)
    except NotReadable as e:
        return FileReport(name or str(path), [e.finding], readable=False), None
    except Exception as e:  # one strange file is a reason, never a crash of the site
        why = finding("file-unreadable", reason="unexpected", error=type(e).__name__)
        return FileReport(name or str(path), [why], readable=False), None
    sub.explanations = {**sub.explanations, **notes}
    return FileReport(name or str(path), validate_all([sub], form)[0]), sub


def validate_files(paths: Sequence[Path], form: Form = FORM, previous: Submission | None = None,
                   today: dt.date | None = None, batch: int = 64,
                   progress: Progress = silent) -> list[tuple[FileReport, Submission | None]]:
    """Many files, validated a batch at a time (the schemas' fixed cost is paid once a batch)."""
    out: list[tuple[FileReport, Submission | None]] = []
    for start in range(0, len(paths), batch):
        subs: list[Submission | NotReadable] = []
        for path in paths[start:start + batch]:
            try:
                subs.append(read_submission(path, form))
            except NotReadable as e:
                subs.append(e)
        readable = [s for s in subs if isinstance(s, Submission)]
        found = iter(validate_all(readable, form, today, previous))
        for path, sub in zip(paths[start:start + batch], subs, strict=True):
            if isinstance(sub, NotReadable):
                out.append((FileReport(str(path), [sub.finding], readable=False), None))
            else:
                out.append((FileReport(str(path), next(found)), sub))
        progress(len(out), len(paths))
    return out



@dataclass
class Annotated:
    """What writing annotated copies did: the copies written, and a sentence for each file that
    got none (``problems`` make the command fail; ``notes`` only inform)."""

    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def annotate_all(files: Sequence[Path], reports: Sequence[FileReport], target: Path, many: bool) -> Annotated:
    """Annotated copies of the readable .xlsx files into ``target`` (a folder when ``many``),
    each named after its file, never over an input and never two onto one name."""
    inputs = {p.resolve() for p in files}
    done = Annotated()
    taken: set[Path] = set()
    for path, report in zip(files, reports, strict=False):
        if report.status is Status.UNREADABLE:
            continue
        if path.suffix.lower() not in XLSX_SUFFIXES:
            kind = next((k for k in KINDS if path.suffix.lower() in k.suffixes), None)
            if kind is not None and kind.family is Family.WORKBOOK:  # .xls, .et, .ods, .xlsb: values only
                done.notes.append(f"提示：{path} 是{kind.words}，标注副本只能写在 .xlsx 上，没有生成；"
                                  "请在 Excel 或 WPS 中另存为 .xlsx 后再校验")
            else:
                done.notes.append(f"提示：{path} 是已发布的年报，不是工作簿，没有生成标注副本；"
                                  "要得到可标注的工作簿，请用 gitools import")
            continue
        out = target
        if many or target.is_dir():
            out = target / f"{path.stem}_校验结果.xlsx"
            n = 2
            while out.resolve() in taken:
                out = target / f"{path.stem}_校验结果_{n}.xlsx"
                n += 1
        if out.resolve() in inputs:
            done.problems.append(f"错误：标注副本 {out} 会覆盖被校验的文件，未写出")
            continue
        taken.add(out.resolve())
        try:
            annotate(path, report, out)
        except OSError as err:
            done.problems.append(f"错误：无法写入标注副本 {out}：{os_reason(err)}")
            continue
        except Exception as err:  # openpyxl refusing a workbook our reader could read
            done.problems.append(f"错误：{path} 无法生成标注副本（{type(err).__name__}），校验结果见上")
            continue
        done.written.append(out)
    return done
