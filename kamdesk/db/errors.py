"""Why a database could not be opened, in words a user can act on."""

from __future__ import annotations


class DatabaseError(Exception):
    """Base of the errors that stop kamdesk from opening a database. ``str()`` is one line."""


class DatabaseMissing(DatabaseError):
    def __init__(self, path: str) -> None:
        super().__init__(f"database file not found: {path}")
        self.path = path


class DatabaseCorrupt(DatabaseError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path} is not a readable kamdesk database ({detail})")
        self.path = path


class DatabaseReadOnly(DatabaseError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path} is read-only: kamdesk needs write access to it and to its folder")
        self.path = path


class DatabaseTooNew(DatabaseError):
    def __init__(self, path: str, revision: str) -> None:
        super().__init__(
            f"{path} was written by a newer kamdesk (schema {revision}); "
            "update kamdesk to open it — the file was left untouched"
        )
        self.path = path
        self.revision = revision
