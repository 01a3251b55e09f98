"""The card at the top of the 360° view: who the account is and five figures that matter."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.account_view import Header
from kamdesk.ui import formatting
from kamdesk.ui.account_view.badges import (
    ALERT,
    WARNING,
    TierChip,
    bold,
    muted_colour,
    set_text_colour,
)
from kamdesk.ui.messages import fill

STALE_AFTER_DAYS = 45  # no contact for longer than this: the relationship is cooling
RENEWAL_SOON_DAYS = 90  # a renewal this close needs preparing now


class KpiTile(QFrame):
    """A caption, a large value and a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.caption = QLabel(caption.upper())
        caption_font = self.caption.font()
        caption_font.setPointSizeF(caption_font.pointSizeF() * 0.85)
        caption_font.setLetterSpacing(caption_font.SpacingType.PercentageSpacing, 106)
        self.caption.setFont(caption_font)
        self.value = QLabel()
        self.value.setFont(bold(self.value.font(), 1.5))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        set_text_colour(self.caption, muted_colour(self))
        set_text_colour(self.detail, muted_colour(self))

    def set(self, value: str, detail: str = "", tone: QColor | None = None) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        set_text_colour(self.value, tone)
        set_text_colour(self.detail, tone if tone is not None else muted_colour(self))


class AccountHeader(QFrame):
    groupActivated = Signal(str)  # the parent account's id
    editRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountCard")
        self._header: Header | None = None

        self.name = QLabel()
        self.name.setFont(bold(self.name.font(), 1.9))
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tier = TierChip()
        self.edit_button = QPushButton(self.tr("Edit account"))
        self.delete_button = QPushButton(self.tr("Delete account"))
        for button in (self.edit_button, self.delete_button):
            button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.editRequested)
        self.delete_button.clicked.connect(self.deleteRequested)

        title = QHBoxLayout()
        title.setSpacing(12)
        title.addWidget(self.name)
        title.addWidget(self.tier, 0, Qt.AlignmentFlag.AlignVCenter)
        title.addStretch(1)
        title.addWidget(self.edit_button)
        title.addWidget(self.delete_button)

        self.facts = QLabel()  # sector · group · KAM
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.facts.linkActivated.connect(self._link)

        self.revenue = KpiTile(self.tr("Revenue this year"))
        self.pipeline = KpiTile(self.tr("Open pipeline"))
        self.last_contact = KpiTile(self.tr("Last contact"))
        self.renewal = KpiTile(self.tr("Renewal"))
        self.subsidiaries = KpiTile(self.tr("Subsidiaries"))
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(10)
        for column, tile in enumerate(self.tiles()):
            tiles.addWidget(tile, 0, column)
            tiles.setColumnStretch(column, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        layout.addLayout(title)
        layout.addWidget(self.facts)
        # Coverage warnings (single-threaded, no champion, a decision maker gone cold…).
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setVisible(False)
        layout.addWidget(self.warnings)
        layout.addSpacing(8)
        layout.addLayout(tiles)
        self.setStyleSheet(
            "QFrame#accountCard { background: palette(base); border: 1px solid palette(midlight);"
            " border-radius: 8px; }"
            "QFrame#kpiTile { background: palette(alternate-base); border: 1px solid palette(midlight);"
            " border-radius: 6px; }"
        )

    def set_warnings(self, texts: list[str]) -> None:
        """Show the account's coverage warnings, already in words; none hides the line."""
        self.warnings.setVisible(bool(texts))
        if texts:
            colour = WARNING.name()
            items = "&nbsp;&nbsp;·&nbsp;&nbsp;".join(html.escape(t) for t in texts)
            self.warnings.setText(f'<span style="color:{colour}">⚠&nbsp;{items}</span>')
        else:
            self.warnings.clear()

    def tiles(self) -> list[KpiTile]:
        return [self.revenue, self.pipeline, self.last_contact, self.renewal, self.subsidiaries]

    def set_header(self, h: Header, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self._header = h
        self.name.setText(h.name)
        self.name.setToolTip(h.legal_name or "")
        self.tier.set_tier(h.tier)
        self.facts.setText(self._facts_html(h))

        self.revenue.set(
            formatting.money_short(h.revenue_year_cents),
            fill(self.tr("%1 of our revenue"), formatting.percent(h.revenue_share)),
        )
        self.pipeline.set(
            formatting.money_short(h.open_pipeline_cents),
            fill(self.tr("%1 weighted"), formatting.money_short(h.weighted_pipeline_cents)),
        )
        self._set_last_contact(h, today)
        self._set_renewal(h, today)
        self.subsidiaries.set(
            str(h.subsidiaries),
            self.tr("in this group") if h.subsidiaries else self.tr("none"),
        )

    def _facts_html(self, h: Header) -> str:
        muted = muted_colour(self).name()
        parts = []
        if h.sector:
            parts.append(html.escape(h.sector))
        if h.parent_id and h.parent:
            link = f'<a href="account:{html.escape(h.parent_id)}">{html.escape(h.parent)}</a>'
            parts.append(fill(self.tr("Group: %1"), link))
        if h.owner:
            parts.append(fill(self.tr("KAM: %1"), html.escape(h.owner)))
        else:
            parts.append(self.tr("No key account manager"))
        if h.website:
            parts.append(html.escape(h.website))
        separator = f'<span style="color:{muted}">&nbsp;&nbsp;·&nbsp;&nbsp;</span>'
        return f'<span style="color:{muted}">' + separator.join(parts) + "</span>"

    def _set_last_contact(self, h: Header, today: dt.date) -> None:
        if h.last_contact_at is None:
            self.last_contact.set(formatting.ago(None), self.tr("no activity logged"), ALERT)
            return
        day = h.last_contact_at.astimezone().date()
        stale = (today - day).days > STALE_AFTER_DAYS
        self.last_contact.set(
            formatting.ago(h.last_contact_at, today), formatting.date(day), ALERT if stale else None
        )
        self.last_contact.setToolTip(
            fill(self.tr("No contact for more than %1 days"), STALE_AFTER_DAYS) if stale else ""
        )

    def _set_renewal(self, h: Header, today: dt.date) -> None:
        if h.renewal_date is None:
            self.renewal.set("—", self.tr("no renewal date"))
            return
        days = (h.renewal_date - today).days
        if days == -1:
            detail, tone = self.tr("yesterday"), ALERT
        elif days < 0:
            detail, tone = fill(self.tr("passed %1 days ago"), -days), ALERT
        elif days == 0:
            detail, tone = self.tr("today"), WARNING
        elif days == 1:
            detail, tone = self.tr("tomorrow"), WARNING
        elif days <= RENEWAL_SOON_DAYS:
            detail, tone = fill(self.tr("in %1 days"), days), WARNING
        else:
            detail, tone = fill(self.tr("in %1 months"), days // 30), None
        self.renewal.set(formatting.date(h.renewal_date), detail, tone)

    def _link(self, href: str) -> None:
        if href.startswith("account:"):
            self.groupActivated.emit(href.removeprefix("account:"))

    def group_link(self) -> str | None:
        """The parent account id the group link opens (None when the account has no group)."""
        return self._header.parent_id if self._header else None
