"""Atomic output: a half-written file never replaces a good one, and a run that was killed
leaves nothing behind that the next run does not clean up."""

from __future__ import annotations

import contextlib
import errno
import hashlib
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
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{temp_stem(path)}{MARK}{os.getpid()}-", suffix=path.suffix, dir=path.parent)
    except OSError as e:  # say the file the user asked for, not our temporary one
        raise type(e)(e.errno, e.strerror, str(path)) from e
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _mode(path))  # mkstemp makes 0600; the output should read like any other file
        try:
            os.replace(tmp, path)
        except OSError as e:
            raise type(e)(e.errno, e.strerror, str(path)) from e
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def temp_stem(path: Path) -> str:
    """A short stand-in for the target's name in its temporary name: a long unit name must not
    make the temporary name exceed what the file system allows (255 bytes)."""
    return hashlib.sha1(path.name.encode(), usedforsecurity=False).hexdigest()[:12]


def remove_leftovers(path: Path) -> list[Path]:
    """Remove temporary files for ``path`` left by a writer that was killed (kill -9, power cut)."""
    removed = []
    short = temp_stem(path)
    for tmp in path.parent.glob(f".{short}{MARK}*{glob_escape(path.suffix)}"):
        pid = tmp.name[len(short) + 1 + len(MARK):].split("-", 1)[0]
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
