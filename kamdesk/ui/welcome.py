"""First launch on an empty database: open the demo portfolio, or start empty."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WelcomePage(QWidget):
    demoRequested = Signal()
    startEmptyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card = QFrame(self)
        card.setObjectName("welcomeCard")
        card.setStyleSheet(
            "#welcomeCard { background: palette(base); border: 1px solid palette(mid); border-radius: 10px; }"
        )
        title = QLabel(self.tr("Welcome to kamdesk"))
        title.setStyleSheet("font-size: 22px; font-weight: 600;")
        text = QLabel(
            self.tr(
                "This database is empty. Explore kamdesk with a demo portfolio of French key accounts "
                "— groups and subsidiaries, decision makers, opportunities and two years of history — "
                "or start with your own accounts."
            )
        )
        text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Open the demo"))
        self.demo_button.setDefault(True)
        self.empty_button = QPushButton(self.tr("Start empty"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the demo takes a few seconds on the worker
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setStyleSheet("color: palette(dark);")
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch()
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(14)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addLayout(buttons)
        inner.addWidget(self.progress)
        inner.addWidget(self.status)
        card.setFixedWidth(600)
        # A wrapped label inside a centred card reports a one-line height; reserve what it needs.
        text.setMinimumHeight(text.heightForWidth(600 - 64))
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.demo_button.clicked.connect(self._demo)
        self.empty_button.clicked.connect(self.startEmptyRequested)

    def _demo(self) -> None:
        self.set_busy(True)
        self.demoRequested.emit()

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        self.demo_button.setEnabled(not busy)
        self.empty_button.setEnabled(not busy)
        self.status.setText(message or (self.tr("Creating the demo portfolio…") if busy else ""))
