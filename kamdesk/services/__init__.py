"""Use cases, one module per area. Plain Python, no Qt.

Writes take a ``UnitOfWork`` (the caller commits: one user intent, one transaction); reads take
a ``Session``. Both return plain dataclasses, never live ORM objects.
"""
