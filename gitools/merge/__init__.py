"""Merging many units' workbooks into one summary workbook (county → city → province)."""

from gitools.merge.run import DoubleCount, MergeError, merge

__all__ = ["DoubleCount", "MergeError", "merge"]
