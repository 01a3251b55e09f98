"""The kamdesk team server: ``create_app(store_url)`` (FastAPI) over a SQLAlchemy Core store.

The store is an SQLite file for a small team (the default, in the server's data folder) or a
PostgreSQL database (``postgresql+psycopg://…``); Alembic migrates it at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(store_url: str | None = None) -> FastAPI:
    # Imported here: the admin commands use the store without loading FastAPI.
    from kamdesk.sync.server.app import create_app as _create_app

    return _create_app(store_url)


__all__ = ["create_app"]
