"""What the county prints, on paper: each document of a county's January (the summary, 退回清单,
an annotated copy, the Word report, the template) printed to PDF by headless LibreOffice, with its
pages and its smallest text size as printed (after any shrink-to-fit). Nothing should print below
8 pt.

    python benchmarks/print_layout.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gitools.testing.county import january  # noqa: E402
from gitools.testing.printed import measure, print_pdf  # noqa: E402


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice not installed: nothing to print")
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        county = january(root)
        documents = {"汇总表": county.summary, "退回清单": county.feedback, "标注副本（一份）": county.annotated[0],
                     "Word 年报": county.report, "填报模板": ROOT / "templates" / "政府信息公开年报填报模板.xlsx"}
        for name, path in documents.items():
            printed = measure(print_pdf(path, soffice, root / "pdf"))
            print(f"{name:<10} {len(printed.pages):3d} 页，最小字号 {printed.smallest:4.1f} pt")


if __name__ == "__main__":
    main()
