"""Why a file cannot be read, as a value: one of the reasons the catalog declares for the rule
``file-unreadable`` and its parameters. Every reader below the model raises a subclass; the
words are rendered from the catalog, so the CLI, the site and the add-in say the same."""

from __future__ import annotations

from typing import Any

from gitools.model.findings import Finding, finding

RULE = "file-unreadable"


class Unreadable(Exception):
    """``str(e)`` is the catalog's sentence for ``reason``; ``finding()`` the finding to show."""

    def __init__(self, reason: str, **params: Any) -> None:
        self.reason, self.params = reason, params
        super().__init__(self.finding().message)

    def finding(self) -> Finding:
        return finding(RULE, reason=self.reason, **self.params)
