"""Paints one opportunity card; every card has the same size so that a column of 5 000 scrolls
without laying anything out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from kamdesk.ui import formatting
from kamdesk.ui.messages import fill
from kamdesk.ui.pipeline.card_model import CardRole

MEDDIC_COUNT = 6
_PAD = 10
_GAP = 3
_MARGIN = 4  # between cards
_STRIPE = 4

_INK = QColor("#1f2933")
_MUTED = QColor("#66727f")
_BORDER = QColor("#d9dee4")
_CARD = QColor("#ffffff")
_STALLED_BG = QColor("#fff4ed")
_STALLED = QColor("#c2410c")
_OVERDUE = QColor("#b3261e")
_STRIPES = {"open": QColor("#3d7be0"), "won": QColor("#2f9e44"), "lost": QColor("#8a939c")}
_DOT_ON = {True: QColor("#2f9e44"), False: QColor("#e0a100")}
_DOT_OFF = QColor("#d5dae0")


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = dt.date.today()
        self._fonts: tuple[QFont, QFont, QFont, QFont] | None = None
        self._base_font_key = ""

    def set_today(self, today: dt.date) -> None:
        self._today = today

    # -- geometry ------------------------------------------------------------------------------
    def _fonts_for(self, base: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        key = base.key()
        if self._fonts is None or key != self._base_font_key:
            small = QFont(base)
            small.setPointSizeF(base.pointSizeF() * 0.88)
            title = QFont(base)
            title.setWeight(QFont.Weight.DemiBold)
            amount = QFont(base)
            amount.setWeight(QFont.Weight.Bold)
            badge = QFont(small)
            badge.setWeight(QFont.Weight.Bold)
            self._fonts = (small, title, amount, badge)
            self._base_font_key = key
        return self._fonts

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        small, title, amount, _ = self._fonts_for(option.font)
        height = (
            2 * _PAD
            + 2 * QFontMetrics(small).height()
            + QFontMetrics(title).height()
            + QFontMetrics(amount).height()
            + 3 * _GAP
        )
        return QSize(220, height + 2 * _MARGIN)

    # -- painting ------------------------------------------------------------------------------
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CardRole)
        if card is None:
            return
        small, title_font, amount_font, badge_font = self._fonts_for(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        rect = QRect(option.rect).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Card body, with a coloured edge: blue open, green won, grey lost, orange stalled.
        body = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
        highlight = option.palette.color(QPalette.ColorRole.Highlight)
        border = highlight if selected else _BORDER
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(_STALLED_BG if card.rotting else _CARD)
        painter.drawRoundedRect(body, 6, 6)
        stripe = _STALLED if card.rotting else _STRIPES.get(card.status, _STRIPES["open"])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stripe)
        painter.drawRoundedRect(
            QRectF(rect.left() + 1, rect.top() + 1, _STRIPE + 4, rect.height() - 2), 4, 4
        )
        painter.setBrush(_STALLED_BG if card.rotting else _CARD)
        painter.drawRect(QRectF(rect.left() + 1 + _STRIPE, rect.top() + 1.5, 5, rect.height() - 3))
        if focused and not selected:
            painter.setPen(QPen(highlight, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(body.adjusted(2, 2, -2, -2), 5, 5)

        inner = rect.adjusted(_PAD + _STRIPE, _PAD, -_PAD, -_PAD)
        left, width = inner.left(), inner.width()
        y = inner.top()
        fm_small, fm_title, fm_amount = (
            QFontMetrics(small),
            QFontMetrics(title_font),
            QFontMetrics(amount_font),
        )

        # Row 1: account, and the "Stalled" badge.
        badge_width = 0
        if card.rotting:
            painter.setFont(badge_font)
            text = self._stalled_text(card)
            badge_width = QFontMetrics(badge_font).horizontalAdvance(text) + 12
            badge = QRectF(inner.right() - badge_width, y, badge_width, fm_small.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_STALLED)
            painter.drawRoundedRect(badge, fm_small.height() / 2, fm_small.height() / 2)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            badge_width += 6
        painter.setFont(small)
        painter.setPen(_MUTED)
        painter.drawText(
            QRect(left, y, width - badge_width, fm_small.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_small.elidedText(
                card.account or "", Qt.TextElideMode.ElideRight, width - badge_width
            ),
        )
        y += fm_small.height() + _GAP

        # Row 2: title.
        painter.setFont(title_font)
        painter.setPen(_INK)
        painter.drawText(
            QRect(left, y, width, fm_title.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_title.elidedText(card.title or "", Qt.TextElideMode.ElideRight, width),
        )
        y += fm_title.height() + _GAP

        # Row 3: amount, weighted amount, MEDDIC dots.
        dots_width = self._paint_meddic(
            painter, card.meddic_score, inner.right(), y, fm_amount.height()
        )
        amount = formatting.money_short(card.amount_cents, card.currency)
        painter.setFont(amount_font)
        painter.setPen(_INK)
        amount_width = fm_amount.horizontalAdvance(amount)
        painter.drawText(
            QRect(left, y, amount_width, fm_amount.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            amount,
        )
        weighted = fill(
            self.tr("%1 weighted"), formatting.money_short(card.weighted_cents, card.currency)
        )
        painter.setFont(small)
        painter.setPen(_MUTED)
        room = width - amount_width - dots_width - 14
        painter.drawText(
            QRect(left + amount_width + 8, y, max(room, 0), fm_amount.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_small.elidedText(weighted, Qt.TextElideMode.ElideRight, max(room, 0)),
        )
        y += fm_amount.height() + _GAP

        # Row 4: expected close (red when past for an open deal), owner.
        close = card.expected_close
        close_text = formatting.date(close) if close else self.tr("No close date")
        overdue = close is not None and card.status == "open" and close < self._today
        painter.setPen(_OVERDUE if overdue else _MUTED)
        close_width = fm_small.horizontalAdvance(close_text)
        painter.drawText(
            QRect(left, y, close_width, fm_small.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            close_text,
        )
        owner_room = width - close_width - 10
        painter.setPen(_MUTED)
        painter.drawText(
            QRect(inner.right() - owner_room, y, owner_room, fm_small.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            fm_small.elidedText(card.owner or "", Qt.TextElideMode.ElideLeft, owner_room),
        )
        painter.restore()

    def _paint_meddic(
        self, painter: QPainter, score: int, right: int, top: int, height: int
    ) -> int:
        size, step = 7, 10
        total = MEDDIC_COUNT * step - (step - size)
        x = right - total
        cy = top + (height - size) / 2
        on = _DOT_ON[score >= MEDDIC_COUNT]
        painter.setPen(Qt.PenStyle.NoPen)
        for item in range(MEDDIC_COUNT):
            painter.setBrush(on if item < score else _DOT_OFF)
            painter.drawEllipse(QRectF(x + item * step, cy, size, size))
        return total

    def _stalled_text(self, card: Any) -> str:
        if card.days_in_stage is not None:
            return fill(self.tr("Stalled %1 d"), card.days_in_stage)
        return self.tr("Stalled")

    # -- tooltip -------------------------------------------------------------------------------
    def tooltip(self, card: Any) -> str:
        lines = [f"<b>{_escape(card.title)}</b>", _escape(card.account or "")]
        lines.append(
            fill(
                self.tr("%1 at %2 % = %3 weighted"),
                formatting.money(card.amount_cents, card.currency, decimals=0),
                card.probability,
                formatting.money(card.weighted_cents, card.currency, decimals=0),
            )
        )
        lines.append(fill(self.tr("MEDDIC: %1 of 6 items"), card.meddic_score))
        if card.days_in_stage is not None:
            lines.append(fill(self.tr("%1 days in this stage"), card.days_in_stage))
        if card.rotting:
            lines.append(
                "<span style='color:#c2410c'>"
                + self.tr("Stalled: longer in this stage than it allows, and no next step planned.")
                + "</span>"
            )
        if card.next_step:
            lines.append(fill(self.tr("Next step: %1"), _escape(card.next_step)))
        return "<br>".join(lines)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            card = index.data(CardRole)
            if card is not None:
                QToolTip.showText(event.globalPos(), self.tooltip(card), view, QRect(option.rect))
                return True
        return super().helpEvent(event, view, option, index)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
