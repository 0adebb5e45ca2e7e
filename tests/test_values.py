"""What clerks type is read as the number they meant, and we say when it was text."""

import pytest

from gitools.model.values import Parsed, display, parse_number


@pytest.mark.parametrize("raw, value, how", [
    (3, 3.0, Parsed.NUMBER), (2.5, 2.5, Parsed.NUMBER),
    ("3", 3.0, Parsed.TEXT_NUMBER), ("３", 3.0, Parsed.TEXT_NUMBER), (" 3 ", 3.0, Parsed.TEXT_NUMBER),
    ("3件", 3.0, Parsed.TEXT_NUMBER), ("１０件", 10.0, Parsed.TEXT_NUMBER), ("1,234", 1234.0, Parsed.TEXT_NUMBER),
    ("12.35万元", 12.35, Parsed.TEXT_NUMBER), ("无", 0.0, Parsed.TEXT_NUMBER), ("—", 0.0, Parsed.TEXT_NUMBER),
    (None, None, Parsed.BLANK), ("  ", None, Parsed.BLANK),
    ("两个", None, Parsed.INVALID), ("abc", None, Parsed.INVALID), (True, None, Parsed.INVALID),
])
def test_parse_number(raw, value, how):
    n = parse_number(raw)
    assert (n.value, n.how) == (value, how)


def test_display_writes_whole_numbers_without_decimals():
    assert display(3.0) == "3" and display(2.5) == "2.5" and display(None) == "空白"
