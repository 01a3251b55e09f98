"""The account timeline (every activity, newest first, filterable by kind) and the notes list."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from kamdesk.services.account_view import TimelineRow
from kamdesk.ui import formatting, labels
from kamdesk.ui.account_view.badges import bold, kind_icon, muted_colour, paint_kind_badge
from kamdesk.ui.account_view.record_table import RecordTab
from kamdesk.ui.account_view.tables import ROW_ROLE, Column, RowTableModel
from kamdesk.ui.messages import fill

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate  # a literal translate("ctx", "…") is what lupdate extracts


def filter_kinds() -> list[tuple[str, str]]:
    """The filter buttons, in order: (interaction kind, plural label)."""
    return [
        ("call", translate("Timeline", "Calls")),
        ("meeting", translate("Timeline", "Meetings")),
        ("email", translate("Timeline", "Emails")),
        ("note", translate("Timeline", "Notes")),
        ("quote_sent", translate("Timeline", "Quotes")),
        ("invoice", translate("Timeline", "Invoices")),
        ("ticket", translate("Timeline", "Tickets")),
    ]


def meta_line(row: TimelineRow) -> str:
    """ "Call · Outbound · with Marie Dupont · by Alice Martin"."""
    parts = [labels.interaction_kind(row.kind)]
    if row.direction:
        parts.append(labels.direction(row.direction))
    if row.contacts:
        parts.append(fill(translate("Timeline", "with %1"), row.contacts))
    if row.author:
        parts.append(fill(translate("Timeline", "by %1"), row.author))
    return " · ".join(parts)


class TimelineModel(RowTableModel[TimelineRow]):
    """One column: the delegate paints the whole activity from ``ROW_ROLE``."""

    def columns(self) -> list[Column[TimelineRow]]:
        return [
            Column(
                self.tr("Activity"),
                lambda r: r.subject,
                sort=lambda r: r.occurred_at,
                tooltip=lambda r: meta_line(r),
            )
        ]


class TimelineDelegate(QStyledItemDelegate):
    """Paints an activity as a small card: kind badge, subject and date, who, and the text."""

    PAD = 10
    BADGE = 30
    GAP = 3

    def __init__(self, view: QListView, *, full_text: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self._full_text = full_text
        self._excerpt_lines = 2

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        return bold(option.font), option.font

    def _text_width(self, width: int) -> int:
        return max(80, width - 3 * self.PAD - self.BADGE)

    def _body(self, row: TimelineRow) -> str:
        body = (row.body or "").strip()
        return body if self._full_text else re.sub(r"\s+", " ", body)

    def _body_height(self, row: TimelineRow, metrics: QFontMetrics, width: int) -> int:
        body = self._body(row)
        if not body:
            return 0
        if self._full_text:
            flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
            return metrics.boundingRect(QRect(0, 0, width, 100_000), flags, body).height()
        return metrics.lineSpacing() * len(self._excerpt(body, metrics, width))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row: TimelineRow | None = index.data(ROW_ROLE)
        width = self._view.viewport().width()
        if row is None:
            return QSize(0, 0)
        title_font, body_font = self._fonts(option)
        body_metrics = QFontMetrics(body_font)
        height = 2 * self.PAD + QFontMetrics(title_font).height() + self.GAP + body_metrics.height()
        body_h = self._body_height(row, body_metrics, self._text_width(width))
        if body_h:
            height += self.GAP + 2 + body_h
        # Width 0: a top-to-bottom list stretches items to the viewport, and never scrolls sideways.
        return QSize(0, max(height, self.BADGE + 2 * self.PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: TimelineRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else self._view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_colour if selected else muted_colour(self._view)
        title_font, body_font = self._fonts(opt)
        title_metrics, body_metrics = QFontMetrics(title_font), QFontMetrics(body_font)

        rect = opt.rect
        painter.save()
        paint_kind_badge(
            painter,
            QRectF(rect.left() + self.PAD, rect.top() + self.PAD, self.BADGE, self.BADGE),
            row.kind,
        )

        left = rect.left() + 2 * self.PAD + self.BADGE
        width = self._text_width(rect.width())  # the same width sizeHint wrapped to
        y = rect.top() + self.PAD

        when = formatting.datetime(row.occurred_at)
        painter.setFont(body_font)
        painter.setPen(muted)
        when_width = body_metrics.horizontalAdvance(when)
        line_h = title_metrics.height()
        painter.drawText(
            QRect(left, y, width, line_h),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            when,
        )

        painter.setFont(title_font)
        painter.setPen(text_colour)
        subject = title_metrics.elidedText(
            row.subject, Qt.TextElideMode.ElideRight, max(0, width - when_width - 16)
        )
        painter.drawText(
            QRect(left, y, width, line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            subject,
        )
        y += line_h + self.GAP

        painter.setFont(body_font)
        painter.setPen(muted)
        meta = body_metrics.elidedText(meta_line(row), Qt.TextElideMode.ElideRight, width)
        painter.drawText(
            QRect(left, y, width, body_metrics.height()), Qt.AlignmentFlag.AlignLeft, meta
        )
        y += body_metrics.height() + self.GAP + 2

        body = self._body(row)
        if body:
            painter.setPen(text_colour)
            if self._full_text:
                flags = (
                    Qt.TextFlag.TextWordWrap
                    | Qt.AlignmentFlag.AlignLeft
                    | Qt.AlignmentFlag.AlignTop
                )
                painter.drawText(QRect(left, y, width, rect.bottom() - y), flags, body)
            else:
                for line in self._excerpt(body, body_metrics, width):
                    painter.drawText(
                        QRect(left, y, width, body_metrics.height()),
                        Qt.AlignmentFlag.AlignLeft,
                        line,
                    )
                    y += body_metrics.lineSpacing()

        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(
            rect.left() + self.PAD, rect.bottom(), rect.right() - self.PAD, rect.bottom()
        )
        painter.restore()

    def _excerpt(self, body: str, metrics: QFontMetrics, width: int) -> list[str]:
        lines: list[str] = []
        words = body.split(" ")
        current = ""
        for i, word in enumerate(words):
            candidate = f"{current} {word}" if current else word
            if metrics.horizontalAdvance(candidate) <= width:
                current = candidate
                continue
            if len(lines) == self._excerpt_lines - 1:
                rest = " ".join([current, *words[i:]]) if current else " ".join(words[i:])
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                return lines
            if current:
                lines.append(current)
            current = word
        if current:
            lines.append(metrics.elidedText(current, Qt.TextElideMode.ElideRight, width))
        return lines[: self._excerpt_lines]


def make_activity_list(*, full_text: bool = False) -> QListView:
    view = QListView()
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped heights follow the width
    view.setUniformItemSizes(False)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setItemDelegate(TimelineDelegate(view, full_text=full_text))
    return view


class TimelineTab(RecordTab):
    """Activities with kind filter buttons and "Showing N of M"."""

    kindsChanged = Signal()
    moreRequested = Signal()  # the user wants older activities than the page shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            TimelineModel(),
            make_activity_list(),
            empty_text=QCoreApplication.translate(
                "TimelineTab", "No activity matches these filters."
            ),
            sortable=False,
            parent=parent,
        )
        self.filter_buttons: dict[str, QToolButton] = {}
        filters = QHBoxLayout()
        filters.setContentsMargins(12, 0, 12, 0)
        filters.setSpacing(6)
        filters.addWidget(QLabel(self.tr("Show:")))
        for kind, text in filter_kinds():
            button = QToolButton()
            button.setText(text)
            button.setIcon(kind_icon(kind))
            button.setIconSize(QSize(16, 16))
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setObjectName("kindFilter")
            button.toggled.connect(self.kindsChanged)
            self.filter_buttons[kind] = button
            filters.addWidget(button)
        filters.addStretch(1)
        self.count_label = QLabel()
        filters.addWidget(self.count_label)
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("Show older"))
        self.more_button.setVisible(False)
        self.more_button.clicked.connect(self.moreRequested)
        filters.addWidget(self.more_button)
        self.layout().insertLayout(0, filters)
        self.setStyleSheet(
            "QToolButton#kindFilter { border: 1px solid palette(mid); border-radius: 11px;"
            " padding: 2px 9px 2px 5px; background: palette(base); color: palette(text); }"
            "QToolButton#kindFilter:!checked { background: transparent; color: palette(mid); }"
            "QToolButton#kindFilter:checked { border-color: palette(highlight); }"
        )

    def kinds(self) -> frozenset[str] | None:
        """The checked kinds, or None when all are (no filter)."""
        checked = frozenset(k for k, b in self.filter_buttons.items() if b.isChecked())
        return None if len(checked) == len(self.filter_buttons) else checked

    def set_kinds(self, kinds: frozenset[str] | None) -> None:
        for kind, button in self.filter_buttons.items():
            button.blockSignals(True)
            button.setChecked(kinds is None or kind in kinds)
            button.blockSignals(False)
        self.kindsChanged.emit()

    def set_timeline(self, rows: Sequence[TimelineRow], total: int) -> None:
        kinds = self.kinds()
        if kinds is not None and not kinds:  # nothing checked: show nothing, not everything
            rows, total = [], 0
        self.set_rows(rows)
        if kinds is None:
            text = self.tr("Showing %1 of %2")
        else:
            text = self.tr("Showing %1 of %2 (filtered)")
        self.count_label.setText(fill(text, len(rows), total))
        self.more_button.setVisible(len(rows) < total)


class NotesTab(RecordTab):
    """Notes with their whole text, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            TimelineModel(),
            make_activity_list(full_text=True),
            empty_text=QCoreApplication.translate(
                "NotesTab", "No notes yet. Notes keep what was said and agreed, for the whole team."
            ),
            sortable=False,
            parent=parent,
        )
