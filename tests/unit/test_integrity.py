"""The background integrity check finds damage deep inside a file that opened fine."""

from __future__ import annotations

from kamdesk.db import Database
from kamdesk.db.integrity import quick_check
from kamdesk.models import Interaction, utcnow


def test_a_sound_database_has_no_problems(db) -> None:
    assert quick_check(db.path) == []


def test_damaged_pages_are_reported(tmp_path) -> None:
    path = tmp_path / "damaged.sqlite"
    db = Database.open(path, create=True)
    from kamdesk.services.accounts import create_account

    with db.unit_of_work() as uow:
        account = create_account(uow, {"name": "Transports Brenoval"})
        for i in range(3000):
            uow.session.add(
                Interaction(
                    kind="note",
                    occurred_at=utcnow(),
                    subject=f"note {i}",
                    body="x" * 200,
                    account_id=account,
                )
            )
        uow.commit()
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    size = path.stat().st_size
    with path.open("r+b") as fh:  # overwrite pages in the middle, as a failing disk would
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(b"\xff" * 4096 * 8)
    assert quick_check(path), "damage in the middle of the file must be reported"
