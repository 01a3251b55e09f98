"""Engine and sessions (SQLite pragmas), the unit of work with its outbox, migrations, FTS."""

from kamdesk.db.database import Database, DatabaseError
from kamdesk.db.unit_of_work import Changes, UnitOfWork

__all__ = ["Changes", "Database", "DatabaseError", "UnitOfWork"]
