"""Stakeholder map figure: build and render the map of a ~300-contact account (issue 5)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

TARGET_CONTACTS = 300


def _account(session) -> str:  # noqa: ANN001
    """The account whose live contact count is closest to 300 (the biggest on a small DB)."""
    from sqlalchemy import func, select

    from kamdesk.models import Contact

    counts = session.execute(
        select(Contact.account_id, func.count())
        .where(Contact.deleted_at.is_(None))
        .group_by(Contact.account_id)
    ).all()
    return min(counts, key=lambda row: (abs(row[1] - TARGET_CONTACTS), -row[1]))[0]


def measure_map(db_path: Path, runs: int = 10) -> dict[str, float]:
    """Median ms to fill the scene from loaded data and render it into an image."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from kamdesk.app import create_application
    from kamdesk.db import Database
    from kamdesk.services.stakeholders import load_map
    from kamdesk.ui.offscreen import quiet_offscreen_warnings
    from kamdesk.ui.stakeholder_map.scene import StakeholderScene

    quiet_offscreen_warnings()
    create_application("en")
    db = Database.open(Path(db_path))
    try:
        with db.read() as session:
            data = load_map(session, _account(session))
    finally:
        db.close()
    scene = StakeholderScene()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        scene.set_data(data)
        rect = scene.sceneRect()
        image = QImage(
            int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32_Premultiplied
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, QRectF(image.rect()), rect, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
        times.append((time.perf_counter() - start) * 1000)
    return {
        "stakeholder_map_render_ms": round(statistics.median(times), 1),
        "stakeholder_map_contacts": len(data.nodes),
    }


if __name__ == "__main__":
    import sys

    print(measure_map(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/manager.sqlite")))
