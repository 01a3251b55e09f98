"""Autogenerate an Alembic revision from the model changes: `scripts/new_migration.py "add x to y"`.

It builds a scratch database at the current head, compares it with the models and writes
kamdesk/db/migrations/versions/NNNN_<slug>.py. Review it, then update SCHEMA_HEAD in
kamdesk/db/migrate.py (a test checks it). If the migration recreates accounts, contacts or
interactions (batch mode), end its upgrade() with `fts.install(op.get_bind())`.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from kamdesk.db.migrate import alembic_config, ensure_current


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    message = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        # A bare engine, not Database.open: the models may name tables the head does not have.
        path = Path(tmp) / "scratch.sqlite"
        engine = create_engine(f"sqlite:///{path}")
        ensure_current(engine, path)
        heads = ScriptDirectory.from_config(alembic_config()).get_heads()
        number = int(heads[0].split("_")[0]) + 1 if heads else 1
        rev_id = f"{number:04d}_" + re.sub(r"[^a-z0-9]+", "_", message.lower()).strip("_")[:40]
        with engine.begin() as conn:
            command.revision(
                alembic_config(conn), message=message, autogenerate=True, rev_id=rev_id
            )
        engine.dispose()
    print(f"now set SCHEMA_HEAD = {rev_id!r} in kamdesk/db/migrate.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
