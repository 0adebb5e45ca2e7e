"""Route B: a desktop ribbon add-in (.xlam) for PCs that have Python and xlwings.

Built at run time from xlwings' own ribbon add-in skeleton (quickstart_addin_ribbon.xlam):
its ribbon XML is replaced by ours in Chinese. Its button runs RunPython on the module named
like the .xlam, whose main() is the same entry point the server uses.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from gitools import WHEEL
from gitools.io.atomic import atomic_write

NAME = "gitools_addin"  # the .xlam's name is the Python module its button imports
SKELETON = "quickstart_addin_ribbon.xlam"
CUSTOM_UI = "customUI/customUI.xml"
MACRO = "RibbonMyAddin.RunMain"  # the skeleton's VBA: RunPython "import <xlam name>; <xlam name>.main()"

RIBBON = f"""<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui">
  <ribbon>
    <tabs>
      <tab id="gitoolsTab" label="政务公开年报">
        <group id="gitoolsGroup" label="校验">
          <button id="gitoolsValidate" label="校验本工作簿" size="large" imageMso="ReviewShareWorkbook"
                  screentip="校验本工作簿" supertip="检查统计表、单位信息和正文；问题单元格标色，问题列在“校验结果”工作表中。"
                  onAction="{MACRO}" />
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
"""

MODULE = '''"""Called by the 校验本工作簿 button of gitools_addin.xlam (xlwings RunPython)."""

import xlwings as xw

from gitools.addin.entry import check_book


def main():
    check_book(xw.Book.caller())
'''

INSTALL = """政务公开年报 · Excel 桌面插件（需要本机已安装 Python）

1. 安装：把县政务公开办提供的 {wheel} 放到本文件夹，在此执行 pip install {wheel} xlwings；
   或在 gitools 源代码文件夹中执行 pip install . xlwings。公共软件源中的“gitools”是另一个软件，
   不要执行 pip install gitools。
2. 安装 xlwings 自带的 Excel 插件：xlwings addin install；在 Excel“文件→选项→信任中心→宏设置”中
   勾选“信任对 VBA 工程对象模型的访问”。
3. 把本文件夹中的 gitools_addin.xlam 和 gitools_addin.py 放在同一文件夹，在 Excel 中打开 gitools_addin.xlam
   （或复制到 Excel 的 XLSTART 文件夹，每次启动自动加载）。xlwings 插件的 PYTHONPATH 须包含此文件夹
   （默认即 .xlam 所在文件夹）。
4. 打开填好的年报工作簿，点击“政务公开年报”选项卡中的“校验本工作簿”。问题列在“校验结果”工作表中，
   问题单元格标色；再点一次会按改正后的内容重新标色。
"""


def build(outdir: Path) -> list[Path]:
    """Write gitools_addin.xlam, the module it calls and the install steps into ``outdir``."""
    import xlwings

    skeleton = Path(xlwings.__file__).parent / SKELETON
    outdir.mkdir(parents=True, exist_ok=True)
    xlam, module, steps = outdir / f"{NAME}.xlam", outdir / f"{NAME}.py", outdir / "安装说明.txt"
    with zipfile.ZipFile(skeleton) as src, atomic_write(xlam) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = RIBBON.encode("utf-8") if info.filename == CUSTOM_UI else src.read(info.filename)
            out.writestr(info, data)
    for path, text in ((module, MODULE), (steps, INSTALL.format(wheel=WHEEL))):
        with atomic_write(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
    return [xlam, module, steps]
