"""Which files a command reads: submissions found in the given files and folders, and the rest
listed with the reason it was passed over (so a clerk's Word file is not silently ignored)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def _why_not(path: Path, suffixes: frozenset[str], wanted: str) -> str | None:
    if path.name.startswith("~$"):
        return "Office 临时锁定文件（文件正被打开）"
    if path.suffix.lower() not in suffixes:
        return f"不是{wanted}"
    return None


def discover(inputs: list[Path], suffixes: frozenset[str], wanted: str = "工作簿或年报文件",
             exclude: frozenset[Path] | set[Path] = frozenset()) -> tuple[list[Path], list[Skipped]]:
    """Submissions in ``inputs`` (folders searched recursively, in name order) and what was skipped.

    Named files are filtered the same way (a shell's `*.xlsx` also matches lock files). Files
    in ``exclude`` (the command's own output inside an input folder) are skipped with a note.
    """
    found: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()

    def take(path: Path, hidden: bool) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        reason = "隐藏文件" if hidden else _why_not(path, suffixes, wanted)
        if reason is None and key in exclude:
            reason = "本次汇总的输出文件"
        if reason is None:
            found.append(path)
        else:
            skipped.append(Skipped(str(path), reason))

    for given in inputs:
        if given.is_dir():
            for dirpath, dirnames, filenames in os.walk(given):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))  # .git and the like
                for name in sorted(filenames):
                    take(Path(dirpath) / name, hidden=name.startswith("."))
        elif given.is_file():
            take(given, hidden=given.name.startswith("."))
        else:
            skipped.append(Skipped(str(given), "文件或文件夹不存在"))
    return found, skipped
