"""The county inbox's records in SQLite: the roster's units with their link tokens, every upload
(by content hash), the clerks' 说明 and the county's verdict on each, 退回, sessions and the audit
log. WAL mode and a busy timeout, so many uploads at once wait for each other instead of failing;
every change is one transaction, so a killed server leaves either the whole record or none."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY, line INTEGER NOT NULL, name TEXT, credit_code TEXT, category TEXT,
    contact TEXT, phone TEXT, token TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL REFERENCES units(id), at TEXT NOT NULL,
    filename TEXT NOT NULL, sha256 TEXT NOT NULL, suffix TEXT NOT NULL, size INTEGER NOT NULL,
    report TEXT NOT NULL, unit TEXT NOT NULL, returned TEXT);
CREATE TABLE IF NOT EXISTS notes (
    submission_id INTEGER NOT NULL REFERENCES submissions(id), key TEXT NOT NULL, text TEXT NOT NULL,
    verdict TEXT, reason TEXT, PRIMARY KEY (submission_id, key));
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, csrf TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, unit_id INTEGER, who TEXT NOT NULL, action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS submissions_by_unit ON submissions(unit_id, id);
"""
BUSY_MS = 30_000  # how long a writer waits for another before giving up


def now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def new_token() -> str:
    """An unguessable secret for a link or a login: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Unit:
    id: int
    line: int
    name: str | None
    credit_code: str | None
    category: str | None
    contact: str | None
    phone: str | None
    token: str

    @property
    def label(self) -> str:
        return self.name or self.credit_code or f"名单第 {self.line} 行"


@dataclass(frozen=True)
class Upload:
    id: int
    unit_id: int
    at: str
    filename: str
    sha256: str
    suffix: str
    size: int
    report: str  # the FileReport as JSON, exactly as `gitools validate --format json` gives it
    unit: str  # the identity fields the workbook gives, as JSON
    returned: str | None  # the county's reason, when it sent this submission back


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        db = sqlite3.connect(path, timeout=BUSY_MS / 1000)
        try:
            db.execute("PRAGMA journal_mode=WAL")  # kept by the database file from now on
            db.executescript(SCHEMA)
        finally:
            db.close()

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """One connection and one transaction: committed whole, or rolled back whole."""
        db = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
        db.row_factory = sqlite3.Row
        try:
            db.execute(f"PRAGMA busy_timeout={BUSY_MS}")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            db.close()

    # --- meta -------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self.connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.connect() as db:
            db.execute("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (key, value))

    # --- units ------------------------------------------------------------------------------

    def add_units(self, entries: list[dict[str, Any]]) -> None:
        """Roster units not yet known (by credit code, else name) get a row and a link token."""
        with self.connect() as db:
            known = {(r["credit_code"] or "", r["name"] or "") for r in db.execute("SELECT credit_code, name FROM units")}
            codes = {c for c, _ in known if c}
            names = {n for c, n in known if not c}
            for e in entries:
                if (e["credit_code"] and e["credit_code"] in codes) or (not e["credit_code"] and e["name"] in names):
                    continue
                db.execute("INSERT INTO units(line, name, credit_code, category, contact, phone, token) "
                           "VALUES(:line, :name, :credit_code, :category, :contact, :phone, :token)",
                           e | {"token": new_token()})

    def units(self) -> list[Unit]:
        with self.connect() as db:
            return [Unit(**dict(r)) for r in db.execute("SELECT * FROM units ORDER BY line, id")]

    def unit_by_token(self, token: str) -> Unit | None:
        with self.connect() as db:
            row = db.execute("SELECT * FROM units WHERE token = ?", (token,)).fetchone()
        return Unit(**dict(row)) if row else None

    def unit(self, unit_id: int) -> Unit | None:
        with self.connect() as db:
            row = db.execute("SELECT * FROM units WHERE id = ?", (unit_id,)).fetchone()
        return Unit(**dict(row)) if row else None

    def renew_token(self, unit_id: int) -> str:
        """A new link for a unit; the old one stops working at once."""
        token = new_token()
        with self.connect() as db:
            db.execute("UPDATE units SET token = ? WHERE id = ?", (token, unit_id))
        return token

    # --- uploads ----------------------------------------------------------------------------

    def add_upload(self, unit_id: int, filename: str, sha256: str, suffix: str, size: int, report: str,
                   unit: str, notes: dict[str, str]) -> int:
        with self.connect() as db:
            cur = db.execute("INSERT INTO submissions(unit_id, at, filename, sha256, suffix, size, report, unit) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                             (unit_id, now(), filename, sha256, suffix, size, report, unit))
            sid = int(cur.lastrowid or 0)
            db.executemany("INSERT INTO notes(submission_id, key, text) VALUES(?, ?, ?)",
                           [(sid, k, v) for k, v in notes.items()])
        return sid

    def set_report(self, submission_id: int, report: str) -> None:
        with self.connect() as db:
            db.execute("UPDATE submissions SET report = ? WHERE id = ?", (report, submission_id))

    def uploads(self, unit_id: int) -> list[Upload]:
        """The unit's uploads, newest first."""
        with self.connect() as db:
            return [Upload(**dict(r)) for r in db.execute(
                "SELECT * FROM submissions WHERE unit_id = ? ORDER BY id DESC", (unit_id,))]

    def latest(self) -> dict[int, Upload]:
        """Each unit's newest upload."""
        with self.connect() as db:
            rows = db.execute("SELECT s.* FROM submissions s JOIN (SELECT unit_id, MAX(id) AS id FROM submissions "
                              "GROUP BY unit_id) m ON s.id = m.id").fetchall()
        return {r["unit_id"]: Upload(**dict(r)) for r in rows}

    def upload(self, submission_id: int) -> Upload | None:
        with self.connect() as db:
            row = db.execute("SELECT * FROM submissions WHERE id = ?", (submission_id,)).fetchone()
        return Upload(**dict(row)) if row else None

    def send_back(self, submission_id: int, reason: str) -> None:
        with self.connect() as db:
            db.execute("UPDATE submissions SET returned = ? WHERE id = ?", (reason, submission_id))

    # --- 说明 --------------------------------------------------------------------------------

    def notes(self, submission_id: int) -> list[sqlite3.Row]:
        with self.connect() as db:
            return db.execute("SELECT * FROM notes WHERE submission_id = ? ORDER BY key", (submission_id,)).fetchall()

    def judge(self, submission_id: int, key: str, verdict: str, reason: str = "") -> bool:
        with self.connect() as db:
            cur = db.execute("UPDATE notes SET verdict = ?, reason = ? WHERE submission_id = ? AND key = ?",
                             (verdict, reason, submission_id, key))
        return cur.rowcount == 1

    # --- sessions and the audit log ---------------------------------------------------------

    def new_session(self) -> tuple[str, str]:
        sid, csrf = new_token(), new_token()
        with self.connect() as db:
            db.execute("INSERT INTO sessions(id, csrf, at) VALUES(?, ?, ?)", (digest(sid), csrf, now()))
        return sid, csrf

    def session_csrf(self, sid: str) -> str | None:
        with self.connect() as db:
            row = db.execute("SELECT csrf FROM sessions WHERE id = ?", (digest(sid),)).fetchone()
        return row["csrf"] if row else None

    def log(self, who: str, action: str, unit_id: int | None = None, detail: str = "") -> None:
        with self.connect() as db:
            db.execute("INSERT INTO actions(at, unit_id, who, action, detail) VALUES(?, ?, ?, ?, ?)",
                       (now(), unit_id, who, action, detail))

    def actions(self, unit_id: int) -> list[sqlite3.Row]:
        with self.connect() as db:
            return db.execute("SELECT * FROM actions WHERE unit_id = ? ORDER BY id DESC", (unit_id,)).fetchall()
