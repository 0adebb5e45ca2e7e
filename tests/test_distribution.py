"""The install lines people copy work: one distribution name nobody else has, used everywhere."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from gitools import DISTRIBUTION, WHEEL, __version__
from gitools.addin.desktop import INSTALL

from .conftest import ROOT


def test_the_distribution_is_not_the_unrelated_gitools_on_the_package_index():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION == "gitools-zwgk"
    assert project["version"] == __version__
    assert f"gitools_zwgk-{__version__}-py3-none-any.whl" == WHEEL
    installed = metadata.distribution(DISTRIBUTION)
    assert [e.value for e in installed.entry_points if e.name == "gitools"] == ["gitools.cli:main"]


def test_no_install_line_names_the_other_project():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    steps = INSTALL.format(wheel=WHEEL)
    for text in (readme, steps):
        lines = re.findall(r"(?<!不要执行 )(?<!不要执行 `)pip install [^`\n；，]*", text)  # the warning aside
        assert lines
        for line in lines:
            assert not re.match(r"pip install \"?gitools(\[|\s|$|\")", line), line
    assert f"pip install {WHEEL} xlwings" in steps
    assert WHEEL in readme
