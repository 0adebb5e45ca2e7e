"""The survey's manifest in SQLite: every file seen (path, size, content hash) and every document
read (by content hash and reader version), so a second run skips what is done and unchanged, a
killed run resumes, and the same report under two names is read once. Each chunk's records are
committed in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL,
                                  sha256 TEXT NOT NULL, version TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (sha256 TEXT NOT NULL, version TEXT NOT NULL, status TEXT NOT NULL,
                                      error TEXT, record TEXT NOT NULL, seconds REAL NOT NULL,
                                      PRIMARY KEY (sha256, version));
"""


class Manifest:
    def __init__(self, path: Path) -> None:
        self.path = path
        with self._db() as db:
            db.executescript(SCHEMA)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=60)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            with db:  # one transaction
                yield db
        finally:
            db.close()

    def known(self) -> dict[str, tuple[int, float, str, str]]:
        """path → (size, mtime, sha256, version) of the files seen before."""
        with self._db() as db:
            return {r[0]: (r[1], r[2], r[3], r[4]) for r in db.execute("SELECT path, size, mtime, sha256, version FROM files")}

    def remember(self, files: Iterable[tuple[str, int, float, str, str]]) -> None:
        with self._db() as db:
            db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET size = excluded.size,"
                           " mtime = excluded.mtime, sha256 = excluded.sha256, version = excluded.version", files)

    def done(self) -> set[tuple[str, str]]:
        """(sha256, version) of every document read."""
        with self._db() as db:
            return {(r[0], r[1]) for r in db.execute("SELECT sha256, version FROM documents")}

    def record(self, rows: Iterable[tuple[str, str, str, str | None, dict[str, Any], float]]) -> None:
        with self._db() as db:
            db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                           [(sha, version, status, error, json.dumps(record, ensure_ascii=False), seconds)
                            for sha, version, status, error, record, seconds in rows])

    def records(self) -> dict[tuple[str, str], dict[str, Any]]:
        with self._db() as db:
            return {(r[0], r[1]): json.loads(r[2]) for r in db.execute("SELECT sha256, version, record FROM documents")}
