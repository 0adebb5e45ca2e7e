"""File names from units' names: safe on every desktop."""

from gitools.io.filenames import file_name


def test_file_names_are_safe_on_every_desktop():
    assert file_name('示例县/西岭镇:人民政府*?"<>|') == "示例县_西岭镇_人民政府_"
    assert file_name("CON") == "_CON" and file_name("  . ") == "未命名单位"
    assert len(file_name("局" * 200)) == 60  # 180 bytes: "_校验结果_2.xlsx" still fits in 255
    assert len(file_name("a" * 200)) == 80
