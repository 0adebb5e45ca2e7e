"""argparse in Chinese, by subclassing: the parser translates argparse's own messages when it
reports an error, the formatter writes 用法, and every parser gets Chinese section titles and a
Chinese -h. (argparse builds its messages from English templates; each is matched here and
rendered from the Chinese one, nested messages too.)"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

_ZH = {  # every message argparse can print for our commands
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "expected one argument": "此选项需要一个值",
    "expected at least one argument": "此选项至少需要一个值",
    "expected at most one argument": "此选项最多只能有一个值",
    "expected %s argument": "此选项需要 %s 个值",
    "expected %s arguments": "此选项需要 %s 个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的值 %r",
    "one of the arguments %s is required": "必须提供以下参数之一：%s",
}
_SLOT = re.compile(r"%(?:\((\w+)\))?[sr]")


def _pattern(english: str) -> re.Pattern[str]:
    texts = _SLOT.sub("\0", english).split("\0")  # the template's fixed text between its slots
    return re.compile("^" + "(.+?)".join(re.escape(t) for t in texts) + "$", re.S)


_TEMPLATES = [(_pattern(en), zh) for en, zh in _ZH.items()]


def translate(message: str) -> str:
    """argparse's English message in Chinese; a nested message (after "argument X:") too."""
    for pattern, zh in _TEMPLATES:
        m = pattern.match(message)
        if m:
            return _render(zh, iter(m.groups()))
    return message


def _render(zh: str, values: Iterator[str]) -> str:
    return _SLOT.sub(lambda s: translate(next(values)) if s.group(1) == "message" else next(values), zh)


class Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese: section titles, -h, usage, and its errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title, self._optionals.title = "参数", "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate(message)}\n")
