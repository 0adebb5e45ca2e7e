"""Atomic output: a half-written file never replaces a good one, and a run that was killed
leaves nothing behind that the next run does not clean up."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

MARK = ".gitools-part-"  # in every temporary name: ours, and safe to remove once its writer is gone
STALE_SECONDS = 3600  # where a writer's process cannot be asked after (Windows): untouched this long


def atomic_write(path: Path) -> contextlib.AbstractContextManager[Path]:
    """Yield a temporary path beside ``path``; rename it into place only on success."""
    return _atomic_write(Path(path))


@contextlib.contextmanager
def _atomic_write(path: Path) -> Iterator[Path]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as e:  # a file stands where the folder should be
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(path.parent)) from e
    remove_leftovers(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}{MARK}{os.getpid()}-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _mode(path))  # mkstemp makes 0600; the output should read like any other file
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def remove_leftovers(path: Path) -> list[Path]:
    """Remove temporary files for ``path`` left by a writer that was killed (kill -9, power cut)."""
    removed = []
    for tmp in path.parent.glob(f".{glob_escape(path.stem)}{MARK}*{path.suffix}"):
        pid = tmp.name[len(path.stem) + 1 + len(MARK):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid), tmp):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _alive(pid: int, tmp: Path) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate the process there; judge by age instead
        try:
            return time.time() - tmp.stat().st_mtime < STALE_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def _mode(path: Path) -> int:
    """The mode of the file being replaced, else what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
