"""The scripts the task pane's buttons run (xlwings Server imports this package)."""

from gitools.addin.scripts import gitools_validate  # noqa: F401
