"""Fixtures shared by every test suite (unit, ui, integration, e2e).

- Qt runs headless (``QT_QPA_PLATFORM=offscreen``), set before anything imports Qt.
- QSettings (window state) live in a temporary XDG_CONFIG_HOME, not the user's config.
- Every test gets its own in-memory keyring, so no test reads or writes the real OS keyring.
- ``db``: a fresh kamdesk database file under the test's ``tmp_path``, migrated to head.
"""

from __future__ import annotations

import os
import tempfile  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Window geometry and other QSettings go to a throw-away folder, never the user's own config.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kamdesk-tests-config-")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import keyring.errors  # noqa: E402
import pytest  # noqa: E402

from kamdesk.db import Database  # noqa: E402


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that keeps secrets in a dict, for one test only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.secrets[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(
                f"no secret for {service}/{username}"
            ) from None


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring; the previous backend is restored after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's database lives (the file does not exist yet)."""
    return tmp_path / "kamdesk.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A new kamdesk database file, migrated to the current schema; closed after the test."""
    database = Database.open(db_path, create=True)
    try:
        yield database
    finally:
        database.close()
