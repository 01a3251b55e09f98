"""Composition root of the GUI: application object, translations, database, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def create_application(language: str | None, argv: list[str] | None = None):  # -> QApplication
    from PySide6.QtWidgets import QApplication

    from kamdesk.ui import i18n

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("kamdesk")
    app.setApplicationName("kamdesk")
    from kamdesk import __version__

    app.setApplicationVersion(__version__)
    i18n.install(app, i18n.choose_language(language))
    return app


def run_gui(db_path: Path, *, language: str | None, create: bool) -> int:
    """Open the main window on ``db_path``; a database that cannot be opened is explained, not replaced."""
    from PySide6.QtWidgets import QMessageBox

    from kamdesk.db import Database, DatabaseError
    from kamdesk.ui.context import AppContext
    from kamdesk.ui.main_window import MainWindow

    app = create_application(language)
    try:
        db = Database.open(db_path, create=create)
    except DatabaseError as exc:
        QMessageBox.critical(None, "kamdesk", str(exc))
        print(f"kamdesk: error: {exc}", file=sys.stderr)
        return 1
    ctx = AppContext(db)
    window = MainWindow(ctx)
    if os.environ.get("KAMDESK_EXIT_WHEN_READY"):
        # benchmarks/run.py measures cold start: process start → window shown with its list filled.
        def ready() -> None:
            print("kamdesk-ready", flush=True)
            app.quit()

        window.accounts.loaded.connect(ready)
    window.show()
    code = app.exec()
    ctx.executor.wait_idle()
    db.close()
    return code
