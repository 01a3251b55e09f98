"""How threads, messages and waiting mail look in their lists: small cards, like a mail client.

A card: who (bold) and when on the first line, the subject on the second, then a muted line
(the start of the text, or what the review queue suggests). Direction arrows, the paperclip
and the message count are painted, so nothing depends on an icon theme.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kamdesk.mail.reads import MessageRow, QueueRow
from kamdesk.ui.account_view.badges import bold, muted_colour
from kamdesk.ui.mail import texts
from kamdesk.ui.mail.models import ROW_ROLE, ThreadItem
from kamdesk.ui.messages import fill

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

IN_COLOUR = QColor("#1d5fa6")
OUT_COLOUR = QColor("#2e7d4f")
SUGGESTION_COLOUR = QColor("#6a5acd")


def small_font(font: QFont, scale: float = 0.92) -> QFont:
    result = QFont(font)
    if result.pointSizeF() > 0:
        result.setPointSizeF(result.pointSizeF() * scale)
    return result


def paint_arrow(painter: QPainter, centre: QPointF, size: float, direction: str | None) -> None:
    """↙ received, ↗ sent: a small coloured arrow."""
    if direction not in ("in", "out"):
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = IN_COLOUR if direction == "in" else OUT_COLOUR
    pen = QPen(colour, max(1.4, size / 7))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    s = size / 2
    path = QPainterPath()
    if direction == "out":  # from bottom-left to top-right, head at the top right
        path.moveTo(centre + QPointF(-s * 0.6, s * 0.6))
        path.lineTo(centre + QPointF(s * 0.6, -s * 0.6))
        path.moveTo(centre + QPointF(-s * 0.1, -s * 0.6))
        path.lineTo(centre + QPointF(s * 0.6, -s * 0.6))
        path.lineTo(centre + QPointF(s * 0.6, s * 0.1))
    else:  # from top-right to bottom-left, head at the bottom left
        path.moveTo(centre + QPointF(s * 0.6, -s * 0.6))
        path.lineTo(centre + QPointF(-s * 0.6, s * 0.6))
        path.moveTo(centre + QPointF(-s * 0.6, -s * 0.1))
        path.lineTo(centre + QPointF(-s * 0.6, s * 0.6))
        path.lineTo(centre + QPointF(s * 0.1, s * 0.6))
    painter.drawPath(path)
    painter.restore()


def paint_paperclip(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, max(1.2, rect.width() / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    w, h = rect.width(), rect.height()
    x, y = rect.left(), rect.top()
    path = QPainterPath()
    # An open loop: down the right side, round the bottom, up the left, round the top, down.
    path.moveTo(x + w * 0.72, y + h * 0.35)
    path.lineTo(x + w * 0.72, y + h * 0.72)
    path.arcTo(QRectF(x + w * 0.28, y + h * 0.55, w * 0.44, h * 0.38), 0, -180)
    path.lineTo(x + w * 0.28, y + h * 0.22)
    path.arcTo(QRectF(x + w * 0.28, y + h * 0.05, w * 0.3, h * 0.3), 180, -180)
    path.lineTo(x + w * 0.58, y + h * 0.66)
    painter.drawPath(path)
    painter.restore()


def paperclip_icon(colour: QColor, size: int = 16) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_paperclip(painter, QRectF(0, 0, size, size), colour)
    painter.end()
    return QIcon(pixmap)


def paint_pill(
    painter: QPainter, right: float, centre_y: float, text: str, font: QFont, colour: QColor
) -> float:
    """A count in a rounded pill ending at ``right``; returns the pill's left edge."""
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(text) + 12
    height = metrics.height()
    pill = QRectF(right - width, centre_y - height / 2, width, height)
    tint = QColor(colour)
    tint.setAlpha(36)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tint)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return pill.left()


class CardDelegate(QStyledItemDelegate):
    """Three lines per item; subclasses say what goes on each line."""

    PAD = 10
    ARROW = 12
    LINES = 3

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        strong = QFontMetrics(bold(option.font)).height()
        regular = QFontMetrics(option.font).height()
        small = QFontMetrics(small_font(option.font)).height()
        heights = [strong, regular, small][: self.LINES]
        return QSize(0, sum(heights) + 4 * (len(heights) - 1) + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect = option.rect
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlpha(50 if selected else 18)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(rect.adjusted(4, 2, -4, -2)), 6, 6)
        else:
            painter.setPen(palette.color(QPalette.ColorRole.Midlight))
            painter.drawLine(
                rect.left() + self.PAD, rect.bottom(), rect.right() - self.PAD, rect.bottom()
            )
        self.paint_card(painter, option, index.data(ROW_ROLE))
        painter.restore()

    def paint_card(self, painter: QPainter, option: QStyleOptionViewItem, row: object) -> None:
        raise NotImplementedError

    # -- helpers ------------------------------------------------------------------------------
    def line_boxes(self, option: QStyleOptionViewItem) -> list[QRect]:
        strong = QFontMetrics(bold(option.font)).height()
        regular = QFontMetrics(option.font).height()
        small = QFontMetrics(small_font(option.font)).height()
        rect = option.rect.adjusted(self.PAD + 4, self.PAD, -self.PAD - 4, -self.PAD)
        boxes, top = [], rect.top()
        for height in [strong, regular, small][: self.LINES]:
            boxes.append(QRect(rect.left(), top, rect.width(), height))
            top += height + 4
        return boxes

    @staticmethod
    def draw_elided(
        painter: QPainter,
        box: QRect,
        text: str,
        font: QFont,
        colour: QColor,
        right: int | None = None,
    ) -> None:
        painter.setFont(font)
        painter.setPen(colour)
        width = (right if right is not None else box.right()) - box.left()
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))
        painter.drawText(
            QRect(box.left(), box.top(), max(0, width), box.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            elided,
        )

    @staticmethod
    def draw_right(painter: QPainter, box: QRect, text: str, font: QFont, colour: QColor) -> int:
        """``text`` against the right edge; returns where it starts."""
        painter.setFont(font)
        painter.setPen(colour)
        width = QFontMetrics(font).horizontalAdvance(text)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        return box.right() - width

    def first_line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        box: QRect,
        who: str,
        when: str,
        direction: str | None,
    ) -> None:
        text_colour = option.palette.color(QPalette.ColorRole.Text)
        muted = muted_colour(self._view)
        date_left = self.draw_right(painter, box, when, small_font(option.font), muted)
        left = box.left()
        if direction in ("in", "out"):
            paint_arrow(
                painter,
                QPointF(left + self.ARROW / 2, box.center().y() + 0.5),
                self.ARROW,
                direction,
            )
            left += self.ARROW + 6
        self.draw_elided(
            painter,
            QRect(left, box.top(), box.right() - left, box.height()),
            who,
            bold(option.font),
            text_colour,
            right=date_left - 10,
        )

    def subject_line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        box: QRect,
        subject: str,
        count: int,
        attachments: bool,
    ) -> None:
        """The subject, elided before the paperclip and the pill that counts the messages."""
        muted = muted_colour(self._view)
        right = float(box.right())
        if count > 1:
            small = small_font(option.font, 0.85)
            right = paint_pill(painter, right, box.center().y() + 0.5, str(count), small, muted) - 6
        if attachments:
            size = box.height() * 0.8
            paint_paperclip(
                painter, QRectF(right - size, box.center().y() - size / 2, size, size), muted
            )
            right -= size + 6
        self.draw_elided(
            painter,
            box,
            subject or translate("Mail", "(no subject)"),
            option.font,
            option.palette.color(QPalette.ColorRole.Text),
            right=int(right) - 4,
        )


class ThreadDelegate(CardDelegate):
    """Correspondent and date; subject with the paperclip and the message count; the text's start."""

    def paint_card(self, painter: QPainter, option: QStyleOptionViewItem, row: object) -> None:
        if not isinstance(row, ThreadItem):
            return
        thread = row.row
        line1, line2, line3 = self.line_boxes(option)
        muted = muted_colour(self._view)
        self.first_line(
            painter,
            option,
            line1,
            row.correspondent,
            texts.short_date(thread.latest_at),
            thread.latest_direction,
        )
        self.subject_line(
            painter, option, line2, thread.subject, thread.count, bool(thread.attachments)
        )
        self.draw_elided(
            painter, line3, thread.snippet.replace("\n", " "), small_font(option.font), muted
        )


def suggestion_text(row: QueueRow) -> str:
    """What the queue offers for a message, in one muted line."""
    names = [o.name for o in row.suggested_opportunities]
    if names:
        where = f" ({row.account.name})" if row.account else ""
        return fill(translate("Mail", "Suggested: %1"), " · ".join(names) + where)
    accounts = [a.name for a in row.suggested_accounts]
    if accounts:
        return fill(translate("Mail", "Suggested: %1"), " · ".join(accounts))
    if row.account is not None:
        return fill(translate("Mail", "On %1: which opportunity?"), row.account.name)
    return translate("Mail", "No match: link it by hand or ignore the sender")


class QueueDelegate(CardDelegate):
    """Sender and date; subject with the thread size; what is suggested."""

    def paint_card(self, painter: QPainter, option: QStyleOptionViewItem, row: object) -> None:
        if not isinstance(row, QueueRow):
            return
        message = row.message
        line1, line2, line3 = self.line_boxes(option)
        muted = muted_colour(self._view)
        who = texts.correspondent(message)
        if message.direction == "out" and row.contact is not None:
            who = fill(translate("Mail", "To %1"), row.contact.name)
        self.first_line(
            painter, option, line1, who, texts.short_date(message.sent_at), message.direction
        )
        self.subject_line(
            painter, option, line2, message.subject, row.thread_count, bool(message.attachments)
        )
        has_suggestion = bool(row.suggested_opportunities or row.suggested_accounts)
        self.draw_elided(
            painter,
            line3,
            suggestion_text(row),
            small_font(option.font),
            SUGGESTION_COLOUR if has_suggestion else muted,
        )


class MessageDelegate(CardDelegate):
    """One line per message of a thread: direction, sender, paperclip, date."""

    LINES = 1
    PAD = 6

    def paint_card(self, painter: QPainter, option: QStyleOptionViewItem, row: object) -> None:
        if not isinstance(row, MessageRow):
            return
        (line,) = self.line_boxes(option)
        muted = muted_colour(self._view)
        when = texts.short_date(row.sent_at)
        date_left = self.draw_right(painter, line, when, small_font(option.font), muted)
        left = line.left()
        paint_arrow(
            painter,
            QPointF(left + self.ARROW / 2, line.center().y() + 0.5),
            self.ARROW,
            row.direction,
        )
        left += self.ARROW + 6
        right = date_left - 10
        if row.attachments:
            size = line.height() * 0.8
            paint_paperclip(
                painter, QRectF(right - size, line.center().y() - size / 2, size, size), muted
            )
            right -= int(size) + 6
        who = texts.person(row.from_name, None)
        if row.direction == "out" and row.to_addresses:
            who = fill(translate("Mail", "%1 to %2"), who, row.to_addresses[0])
        self.draw_elided(
            painter,
            QRect(left, line.top(), line.right() - left, line.height()),
            who,
            bold(option.font) if row.direction == "in" else option.font,
            option.palette.color(QPalette.ColorRole.Text),
            right=right,
        )
