"""The search palette: a field over the grouped results, floating above the main window.

It only shows and reports: ``textChanged(text)`` as the user types, ``hitActivated(hit)`` on
Enter or a click. Up/Down move between results (skipping the group headers), Esc closes, and
so does a click anywhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.search import SearchHit, SearchResults
from kamdesk.ui.account_view.badges import muted_colour, set_text_colour
from kamdesk.ui.messages import fill
from kamdesk.ui.search.delegate import SearchResultDelegate
from kamdesk.ui.search.model import SearchResultsModel

WIDTH = 680
PAGE = 5  # PageUp/PageDown step, in results

SHADOW = 14  # room around the card for its painted shadow
RADIUS = 12

POPUP_STYLE = """
QLineEdit#searchField { border: none; background: transparent; padding: 12px 8px; }
QFrame#searchRule { background: palette(midlight); border: none; max-height: 1px; }
QListView#searchResults { border: none; background: transparent; }
QListView#searchResults QScrollBar:vertical { background: transparent; width: 8px; margin: 4px 2px; }
QListView#searchResults QScrollBar::handle:vertical { background: palette(mid); border-radius: 2px;
    min-height: 32px; }
QListView#searchResults QScrollBar::add-line, QListView#searchResults QScrollBar::sub-line,
QListView#searchResults QScrollBar::add-page, QListView#searchResults QScrollBar::sub-page {
    background: none; height: 0; }
"""


def search_icon(colour: QColor, size: int = 18) -> QIcon:
    """A magnifying glass, drawn rather than shipped as a file."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawEllipse(QRectF(size * 0.18, size * 0.18, size * 0.5, size * 0.5))
    painter.drawLine(QPointF(size * 0.6, size * 0.6), QPointF(size * 0.84, size * 0.84))
    painter.end()
    return QIcon(pixmap)


class SearchPopup(QFrame):
    textChanged = Signal(str)
    hitActivated = Signal(object)  # SearchHit
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchPopup")
        self.setStyleSheet(POPUP_STYLE)
        self.setAutoFillBackground(False)
        self.hide()
        self._restore_focus: QWidget | None = None
        self._chrome: tuple[QSize, QPixmap] = (QSize(), QPixmap())  # the card, by size
        self._anchor_y = 0
        # Widgets that open the palette (the toolbar box): a click there does not close it, and
        # focus never goes back to them on close (that would open it again).
        self.launchers: list[QWidget] = []

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            self.tr("Search accounts, contacts, opportunities, activities…")
        )
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.field.setFont(font)
        self.field.addAction(
            search_icon(muted_colour(self)), QLineEdit.ActionPosition.LeadingPosition
        )
        self.field.textChanged.connect(self.textChanged)
        self.field.installEventFilter(self)

        rule = QFrame()
        rule.setObjectName("searchRule")
        rule.setFrameShape(QFrame.Shape.HLine)

        self.model = SearchResultsModel(self)
        self.list = QListView()
        self.list.setObjectName("searchResults")
        self.list.setModel(self.model)
        self.list.setItemDelegate(SearchResultDelegate(self.list))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the field
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(False)
        self.list.setMouseTracking(True)
        self.list.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.list.clicked.connect(self._on_clicked)

        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setContentsMargins(16, 18, 16, 18)
        set_text_colour(self.message, muted_colour(self))

        self.count = QLabel()
        self.hints = QLabel(self.tr("↑↓ to move · ↵ to open · Esc to close"))
        footer = QHBoxLayout()
        footer.setContentsMargins(14, 6, 14, 8)
        footer.addWidget(self.count)
        footer.addStretch(1)
        footer.addWidget(self.hints)
        for label in (self.count, self.hints):
            small = label.font()
            small.setPointSizeF(small.pointSizeF() * 0.9)
            label.setFont(small)
            set_text_colour(label, muted_colour(self))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SHADOW + 6, SHADOW + 2, SHADOW + 6, SHADOW)
        layout.setSpacing(0)
        layout.addWidget(self.field)
        layout.addWidget(rule)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(footer)

        self._show_message(self._prompt())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        size, chrome = self._chrome
        if size != self.size():  # drawn once per size: ~4 ms of antialiased outlines
            ratio = self.devicePixelRatioF()
            chrome = QPixmap(self.size() * ratio)
            chrome.setDevicePixelRatio(ratio)
            chrome.fill(Qt.GlobalColor.transparent)
            self._paint_card(QPainter(chrome))
            self._chrome = (self.size(), chrome)
        QPainter(self).drawPixmap(0, 0, chrome)

    def _paint_card(self, painter: QPainter) -> None:
        # A card with a soft shadow of thin translucent outlines, darker near the card. A
        # QGraphicsDropShadowEffect looks alike but re-blurs the whole palette on every repaint
        # (+5 ms a keystroke, 200 ms the first time).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(self.rect()).adjusted(SHADOW, SHADOW, -SHADOW, -SHADOW)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for grow in range(1, SHADOW + 1):
            fade = 1 - grow / (SHADOW + 1)
            painter.setPen(QPen(QColor(0, 0, 0, int(34 * fade * fade)), 1.2))
            offset = 4 * fade  # the light comes from above: more shadow below the card
            painter.drawRoundedRect(
                card.adjusted(-grow, -grow + offset, grow, grow + offset),
                RADIUS + grow,
                RADIUS + grow,
            )
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.end()

    # -- opening and closing ------------------------------------------------------------------
    def open(self, text: str | None = None, anchor_y: int = 0) -> None:
        """Show the palette below ``anchor_y`` (in the parent), focused; ``text`` replaces the field's."""
        if not self.isVisible():
            focus = QApplication.focusWidget()
            keep = (
                focus is not None and not self.isAncestorOf(focus) and focus not in self.launchers
            )
            self._restore_focus = focus if keep else None
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
        self._anchor_y = anchor_y
        if text is not None:
            self.field.setText(text)
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if text is None:
            self.field.selectAll()  # the last search, ready to be typed over
        else:
            self.field.deselect()  # typing goes on after what the toolbar box received
            self.field.end(False)

    def close_popup(self) -> None:
        if not self.isVisible():
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        # Focus goes back first: hiding the focused field would hand it to the next widget.
        restore, self._restore_focus = self._restore_focus, None
        if restore is not None and restore.isVisible():
            restore.setFocus(Qt.FocusReason.PopupFocusReason)
        self.hide()
        self.closed.emit()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(WIDTH, parent.width() - 48) + 2 * SHADOW
        height = self._wanted_height(max(200, parent.height() - self._anchor_y - 24))
        self.setGeometry((parent.width() - width) // 2, self._anchor_y + 10 - SHADOW, width, height)

    def _wanted_height(self, limit: int) -> int:
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        chrome = self.field.sizeHint().height() + 1 + self.count.sizeHint().height() + 16
        chrome += (margins.top() + margins.bottom()) if margins is not None else 0
        if self.model.rowCount():
            rows = sum(self.list.sizeHintForRow(r) for r in range(self.model.rowCount()))
            body = rows + 2 * self.list.frameWidth() + 8
        else:
            body = self.message.sizeHint().height()
        return min(limit, chrome + body)

    # -- results ------------------------------------------------------------------------------
    def set_results(self, results: SearchResults) -> None:
        """Show ``results`` (the caller checked that they answer the text in the field)."""
        self.model.set_results(results)
        hits = self.model.hit_count()
        if not self.field.text().strip():
            self._show_message(self._prompt())
        elif not hits:
            self._show_message(fill(self.tr("No results for “%1”."), self.field.text().strip()))
        else:
            self.message.hide()
            self.list.show()
            self._select_row(self.model.next_hit_row(-1, 1))
        self.count.setText(self.results_text(hits) if hits else "")
        if self.isVisible():
            self._place()

    def set_failed(self, error: str) -> None:
        self.model.set_results(None)
        self._show_message(fill(self.tr("The search failed: %1"), error))
        if self.isVisible():
            self._place()

    def results_text(self, count: int) -> str:
        return self.tr("%n result(s)", "", count)

    def _prompt(self) -> str:
        return self.tr("Type a name, a company, a deal or words from an activity.")

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.list.hide()
        self.message.show()
        self.count.setText("")

    def current_hit(self) -> SearchHit | None:
        return self.model.hit_at(self.list.currentIndex().row())

    # -- keys and mouse -----------------------------------------------------------------------
    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        if row == self.model.next_hit_row(-1, 1):
            self.list.scrollToTop()  # keep the first group's header in view
        else:
            self.list.scrollTo(index)

    def _move(self, step: int, count: int = 1) -> None:
        row = self.list.currentIndex().row()
        if row < 0:
            row = -1 if step > 0 else self.model.rowCount()
        for _ in range(count):
            following = self.model.next_hit_row(row, step)
            if following < 0:
                break
            row = following
        self._select_row(row)

    def activate_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.close_popup()
            self.hitActivated.emit(hit)

    def _on_clicked(self, index: QModelIndex) -> None:
        if self.model.hit_at(index.row()) is not None:
            self.list.setCurrentIndex(index)
            self.activate_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        if event.type() == QEvent.Type.MouseButtonPress and self.isVisible():
            assert isinstance(event, QMouseEvent)
            self._maybe_close_on_click(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self._move(1)
        elif key == Qt.Key.Key_Up:
            self._move(-1)
        elif key == Qt.Key.Key_PageDown:
            self._move(1, PAGE)
        elif key == Qt.Key.Key_PageUp:
            self._move(-1, PAGE)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_current()
        elif key == Qt.Key.Key_Escape:
            self.close_popup()
        else:
            return False
        return True

    def _maybe_close_on_click(self, event: QMouseEvent) -> None:
        point = event.globalPosition().toPoint()
        for widget in (self, *self.launchers):
            if widget.isVisible() and widget.rect().contains(widget.mapFromGlobal(point)):
                return
        self.close_popup()

    def resize_to_parent(self) -> None:
        if self.isVisible():
            self._place()
