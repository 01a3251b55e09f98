"""Where kamdesk keeps its files: ``--db`` > ``$KAMDESK_DB`` > the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "kamdesk"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_db_path(cli_value: str | None) -> tuple[Path, bool]:
    """The database path, and whether the user chose it explicitly (``--db`` or ``KAMDESK_DB``)."""
    if cli_value:
        return Path(cli_value).expanduser(), True
    env = os.environ.get("KAMDESK_DB")
    if env:
        return Path(env).expanduser(), True
    return default_data_dir() / "kamdesk.sqlite", False
