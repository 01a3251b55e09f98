"""How a search result looks: kind badge, the name with the typed words in bold, muted context."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kamdesk.services.search import (
    ACCOUNT,
    ACTIVITY,
    CONTACT,
    EMAIL,
    OPPORTUNITY,
    KindResults,
    SearchHit,
    fold,
)
from kamdesk.ui.account_view.badges import bold, muted_colour, paint_kind_badge
from kamdesk.ui.search.model import DETAIL_ROLE, HEADER_ROLE, HIT_ROLE, WORDS_ROLE

Index = QModelIndex | QPersistentModelIndex

KIND_COLOURS = {
    ACCOUNT: QColor("#1d5fa6"),
    CONTACT: QColor("#7a3fa0"),
    OPPORTUNITY: QColor("#b86e00"),
}


def marked_segments(title: str, typed: Sequence[str]) -> list[tuple[str, bool]]:
    """``title`` cut into (text, matched) runs: the start of each word a typed word begins.

    Accents and case aside, as the search matched: "lefe" marks "Lefè" in "Lefèvre".
    """
    prefixes = [token for word in typed for token in fold(word)]
    marked = [False] * len(title)
    start = 0
    while start < len(title):
        if not title[start].isalnum():
            start += 1
            continue
        end = start
        while end < len(title) and title[end].isalnum():
            end += 1
        folded = [_fold(ch) for ch in title[start:end]]
        word = "".join(folded)
        longest = max((len(p) for p in prefixes if word.startswith(p)), default=0)
        done = 0
        for offset, piece in enumerate(folded):
            if done >= longest:
                break
            marked[start + offset] = True
            done += len(piece)
        start = end
    segments: list[tuple[str, bool]] = []
    for ch, flag in zip(title, marked, strict=True):
        if segments and segments[-1][1] == flag:
            segments[-1] = (segments[-1][0] + ch, flag)
        else:
            segments.append((ch, flag))
    return segments


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _glyph(kind: str, s: float) -> QPainterPath:
    """A white line drawing for the record kinds, in a square of half-side ``s`` around 0,0."""
    path = QPainterPath()
    if kind == ACCOUNT:  # a building with windows
        path.addRect(QRectF(-s * 0.45, -s * 0.55, s * 0.9, s * 1.1))
        for x in (-0.2, 0.2):
            for y in (-0.3, 0.0):
                path.addRect(QRectF(s * (x - 0.06), s * (y - 0.06), s * 0.12, s * 0.12))
        path.addRect(QRectF(-s * 0.1, s * 0.3, s * 0.2, s * 0.25))
    elif kind == CONTACT:  # head and shoulders
        path.addEllipse(QPointF(0, -s * 0.22), s * 0.24, s * 0.24)
        path.moveTo(-s * 0.5, s * 0.55)
        path.quadTo(0, -s * 0.05, s * 0.5, s * 0.55)
    else:  # an opportunity: a target
        path.addEllipse(QPointF(0, 0), s * 0.5, s * 0.5)
        path.addEllipse(QPointF(0, 0), s * 0.25, s * 0.25)
    return path


def paint_badge(painter: QPainter, rect: QRectF, hit: SearchHit) -> None:
    if hit.kind in (ACTIVITY, EMAIL):  # an email: the envelope of the email activities
        paint_kind_badge(painter, rect, "email" if hit.kind == EMAIL else hit.detail or "")
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(KIND_COLOURS.get(hit.kind, QColor("#5b6770")))
    painter.drawRoundedRect(rect, rect.width() * 0.28, rect.width() * 0.28)
    pen = QPen(QColor("white"), max(1.2, rect.width() / 14))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.translate(rect.center())
    painter.drawPath(_glyph(hit.kind, rect.width() * 0.31))
    painter.restore()


class SearchResultDelegate(QStyledItemDelegate):
    PAD = 10
    BADGE = 28
    HEADER_PAD = 6

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view

    # -- sizes --------------------------------------------------------------------------------
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        if index.data(HEADER_ROLE) is not None:
            return QSize(0, metrics.height() + 2 * self.HEADER_PAD + 6)
        lines = QFontMetrics(bold(option.font)).height() + 2 + self._small_metrics(option).height()
        return QSize(0, max(lines, self.BADGE) + 2 * 7)

    @staticmethod
    def _small_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.92)
        return font

    def _small_metrics(self, option: QStyleOptionViewItem) -> QFontMetrics:
        return QFontMetrics(self._small_font(option))

    # -- painting -----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        header: KindResults | None = index.data(HEADER_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if header is not None:
            self._paint_header(painter, option, index, header)
        else:
            hit: SearchHit | None = index.data(HIT_ROLE)
            if hit is not None:
                self._paint_hit(painter, option, index, hit)
        painter.restore()

    def _paint_header(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, group: KindResults
    ) -> None:
        rect = option.rect.adjusted(self.PAD + 2, 6, -self.PAD - 2, 0)
        muted = muted_colour(self._view)
        title_font = bold(option.font, 0.92)
        title = str(index.data(Qt.ItemDataRole.DisplayRole))
        painter.setFont(title_font)
        painter.setPen(muted)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)

        # The count in a small pill: "3", or "8+" when there are more than shown.
        count = f"{len(group.hits)}+" if group.more else str(len(group.hits))
        small = self._small_font(option)
        small_metrics = QFontMetrics(small)
        x = rect.left() + QFontMetrics(title_font).horizontalAdvance(title) + 8
        pill = QRectF(
            x,
            rect.center().y() - small_metrics.height() / 2,
            small_metrics.horizontalAdvance(count) + 12,
            small_metrics.height(),
        )
        tint = QColor(muted)
        tint.setAlpha(40)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, count)

        more = str(index.data(DETAIL_ROLE) or "")
        if more:
            italic = QFont(small)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, more
            )

    def _paint_hit(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, hit: SearchHit
    ) -> None:
        palette = option.palette
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            # A soft rounded highlight: the text keeps its colours and stays readable.
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlpha(46 if selected else 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(rect.adjusted(4, 1, -4, -1)), 7, 7)

        badge = QRectF(
            rect.left() + self.PAD + 2,
            rect.center().y() - self.BADGE / 2 + 0.5,
            self.BADGE,
            self.BADGE,
        )
        paint_badge(painter, badge, hit)

        left = int(badge.right()) + self.PAD
        right = rect.right() - self.PAD - 2
        if selected:
            painter.setFont(option.font)
            painter.setPen(muted_colour(self._view))
            enter = "↵"
            right -= QFontMetrics(option.font).horizontalAdvance(enter) + 4
            painter.drawText(
                QRect(right, rect.top(), rect.right() - right - self.PAD, rect.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                enter,
            )
            right -= 8
        width = max(40, right - left)

        regular, strong = QFont(option.font), bold(option.font)
        title_h = QFontMetrics(strong).height()
        small = self._small_font(option)
        small_metrics = QFontMetrics(small)
        top = rect.center().y() - (title_h + 2 + small_metrics.height()) // 2
        text_colour = palette.color(QPalette.ColorRole.Text)
        words = index.data(WORDS_ROLE) or []
        self._paint_segments(
            painter,
            marked_segments(hit.title, words),
            (left, top, width, title_h),
            (regular, strong),
            text_colour,
        )

        # The context too: a contact found by job title shows why ("Responsable maintenance").
        subtitle = marked_segments(str(index.data(DETAIL_ROLE) or ""), words)
        self._paint_segments(
            painter,
            subtitle,
            (left, top + title_h + 2, width, small_metrics.height()),
            (small, bold(small)),
            muted_colour(self._view),
        )

    @staticmethod
    def _paint_segments(
        painter: QPainter,
        segments: list[tuple[str, bool]],
        box: tuple[int, int, int, int],
        fonts: tuple[QFont, QFont],
        colour: QColor,
    ) -> None:
        """One line, the typed parts in the second (bold) font; the end is elided if too long."""
        left, top, width, height = box
        painter.setPen(colour)
        x, end = left, left + width
        for text, matched in segments:
            font = fonts[1] if matched else fonts[0]
            metrics = QFontMetrics(font)
            advance = metrics.horizontalAdvance(text)
            painter.setFont(font)
            if x + advance > end:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, end - x)
                painter.drawText(
                    QRect(x, top, end - x, height), Qt.AlignmentFlag.AlignVCenter, text
                )
                return
            painter.drawText(QRect(x, top, advance, height), Qt.AlignmentFlag.AlignVCenter, text)
            x += advance
