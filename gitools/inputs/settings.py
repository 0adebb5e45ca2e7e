"""The county office's own settings, in a small file it edits once a year (设置.ini):

    [联系方式]
    联系单位 = 示例县人民政府办公室
    联系人 = 李四
    联系电话 = 0373-5551234

Command-line options override what the file says."""

from __future__ import annotations

import configparser
from pathlib import Path

from gitools.io.encoding import decode
from gitools.io.errors import os_reason

SECTION = "联系方式"


class SettingsError(Exception):
    """``str(e)`` says in Chinese what is wrong with the settings file."""


def read_contact(path: Path, labels: tuple[str, ...]) -> dict[str, str]:
    """The contact block from the settings file: only the keys in ``labels``, others refused."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise SettingsError(f"设置文件 {path} 无法读取：{os_reason(e)}") from e
    text = decode(raw)
    if text is None:
        raise SettingsError(f"设置文件 {path} 的编码无法识别，请另存为 UTF-8 或 GBK")
    try:
        parser.read_string(text)
    except configparser.Error as e:
        raise SettingsError(f"设置文件 {path} 格式有误（第 {getattr(e, 'lineno', '?')} 行附近），"
                            f"应为“[{SECTION}]”下每行“项目 = 内容”") from e
    if SECTION not in parser:
        raise SettingsError(f"设置文件 {path} 中没有“[{SECTION}]”一节")
    unknown = [k for k in parser[SECTION] if k not in labels]
    if unknown:
        raise SettingsError(f"设置文件 {path} 中的“{'、'.join(unknown)}”不是可设置的项目（可设置：{'、'.join(labels)}）")
    return {k: v.strip() for k, v in parser[SECTION].items() if v.strip()}
