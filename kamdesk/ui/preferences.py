"""User preferences, each declared once with its type and default (QSettings underneath).

Window state (geometry, splitters) is not a preference and stays with the windows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from kamdesk.services.coverage import DEFAULT_COLD_DAYS

COLD_DAYS_KEY = "coverage/cold_days"
COLD_DAYS_RANGE = (7, 365)


class Preferences(QObject):
    """Read and write preferences; ``changed(key)`` lets open views follow a change."""

    changed = Signal(str)

    def cold_days(self) -> int:
        """After how many days without activity a champion or decision maker has 'gone cold'."""
        value = QSettings().value(COLD_DAYS_KEY, DEFAULT_COLD_DAYS)
        try:
            days = int(value)
        except (TypeError, ValueError):
            return DEFAULT_COLD_DAYS
        low, high = COLD_DAYS_RANGE
        return min(max(days, low), high)

    def set_cold_days(self, days: int) -> None:
        if days != self.cold_days():
            QSettings().setValue(COLD_DAYS_KEY, int(days))
            self.changed.emit(COLD_DAYS_KEY)


_INSTANCE: Preferences | None = None


def preferences() -> Preferences:
    global _INSTANCE
    if _INSTANCE is None:
        _INSTANCE = Preferences()
    return _INSTANCE
