"""Which files a command reads, and what it passes over with a reason."""

from __future__ import annotations

from gitools.inputs.kinds import SUBMISSION_SUFFIXES
from gitools.io.discover import discover


def test_discover_walks_folders_and_lists_what_it_skips(tmp_path):
    (tmp_path / "乡镇" / "深一层").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("乡镇/甲.xlsx", "乡镇/深一层/乙.xlsx", "乡镇/~$甲.xlsx", "乡镇/.丙.xlsx", "乡镇/照片.jpg",
                 ".git/x.xlsx", "丁.xls", "输出.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    found, skipped = discover([tmp_path, tmp_path / "乡镇" / "甲.xlsx"], SUBMISSION_SUFFIXES, exclude={(tmp_path / "输出.xlsx").resolve()})
    assert sorted(p.name for p in found) == ["丁.xls", "乙.xlsx", "甲.xlsx"]
    reasons = {s.path.split("/")[-1]: s.reason for s in skipped}
    assert reasons == {"~$甲.xlsx": "Office 临时锁定文件（文件正被打开）", ".丙.xlsx": "隐藏文件",
                       "照片.jpg": "不是工作簿或年报文件", "输出.xlsx": "本次汇总的输出文件"}
    _, missing = discover([tmp_path / "没有这个文件夹"], SUBMISSION_SUFFIXES)
    assert missing[0].reason == "文件或文件夹不存在"
