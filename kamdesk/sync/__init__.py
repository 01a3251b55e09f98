"""Offline-first sync with a shared team server (see DESIGN.md "Sync").

- ``protocol``: versions, headers, request/response models and field classes, shared by both ends.
- ``buckets``: which bucket (account, "global", "user:<id>") each synced table's rows belong to.
- ``client``: ``SyncClient`` — push the outbox, pull the server's changes, one round = ``sync()``.
- ``server``: the FastAPI app and its store (SQLite or PostgreSQL, migrated by Alembic).

Plain Python, no Qt: the GUI runs a sync round on its worker thread like any other operation.
"""
