"""The desktop ribbon add-in: a valid package whose button runs the module built beside it."""

from __future__ import annotations

import ast
import zipfile
from xml.etree import ElementTree as ET

from gitools.addin.desktop import MACRO, NAME
from gitools.cli import main

UI = "{http://schemas.microsoft.com/office/2006/01/customui}"


def test_build_writes_an_xlam_whose_ribbon_button_runs_the_python_module(tmp_path, capsys):
    assert main(["addin", "build", "-o", str(tmp_path)]) == 0
    xlam, module = tmp_path / f"{NAME}.xlam", tmp_path / f"{NAME}.py"
    with zipfile.ZipFile(xlam) as z:
        assert z.testzip() is None
        rels = z.read("_rels/.rels").decode()
        assert "ui/extensibility" in rels and "customUI/customUI.xml" in rels
        ui = ET.fromstring(z.read("customUI/customUI.xml"))
        vba = z.read("xl/vbaProject.bin")
        content_types = z.read("[Content_Types].xml").decode()
    assert "macroEnabled" in content_types or "addin" in content_types.lower()
    tab = ui.find(f".//{UI}tab")
    button = ui.find(f".//{UI}button")
    assert tab.get("label") == "政务公开年报" and button.get("label") == "校验本工作簿"
    assert button.get("onAction") == MACRO and b"RunMain" in vba  # xlwings' macro: import <xlam name>; .main()
    tree = ast.parse(module.read_text(encoding="utf-8"))
    main_def = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main")
    assert "check_book" in ast.unparse(main_def) and "Book.caller" in ast.unparse(main_def)
    assert "xlwings addin install" in (tmp_path / "安装说明.txt").read_text(encoding="utf-8")
