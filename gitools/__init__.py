"""gitools: 政府信息公开工作年度报告统计工具."""

__version__ = "0.1.0"
DISTRIBUTION = "gitools-zwgk"  # the name on the package index; "gitools" there is another project
WHEEL = f"{DISTRIBUTION.replace('-', '_')}-{__version__}-py3-none-any.whl"  # what `pip wheel .` builds
