"""Whether two paths are the same file, as the file system will see it: resolved (links, "..")
and, where names are case-insensitive (Windows, macOS), case-folded. The commands ask it before
writing anything, so no output ever lands on an input."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

CASE_INSENSITIVE = sys.platform in ("win32", "darwin")


def key(path: Path) -> str:
    """What two paths naming one file have in common."""
    text = os.path.normcase(str(Path(path).resolve()))
    return text.casefold() if CASE_INSENSITIVE else text


def same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return key(a) == key(b)


def clashes(outputs: Iterable[Path], inputs: Iterable[Path | None]) -> list[tuple[Path, Path]]:
    """Each (output, input) pair that names one file."""
    given = [Path(p) for p in inputs if p is not None]
    return [(out, inp) for out in outputs for inp in given if same(out, inp)]
