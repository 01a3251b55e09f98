"""Thin read-only table models over the row dataclasses of ``services.account_view``.

Each model is a list of frozen rows and a list of columns; nothing is computed twice and no
row is ever a live ORM object. ``set_rows`` resets only when the rows really changed, so a
reload after an unrelated write keeps the selection and the scroll position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from kamdesk.services.account_view import (
    AttachmentRow,
    ContactRow,
    DocumentRow,
    OpportunityRow,
    SiteRow,
    TicketRow,
)
from kamdesk.ui import formatting, labels
from kamdesk.ui.account_view.badges import ALERT, GOOD, WARNING, alert_icon
from kamdesk.ui.messages import fill
from kamdesk.ui.stakeholder_map.texts import strength_tooltip

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole  # the record id of the row
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row dataclass itself (delegates paint from it)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a comparable value (amounts as cents, dates as dates)

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
LONG_TEXT = 24


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[R], str | None] | None = None
    colour: Callable[[R], Any] | None = None  # a QColor or None
    icon: Callable[[R], Any] | None = None  # a QIcon or None
    stretch: bool = False  # takes the spare width (else the last column does)


def _sortable(value: Any) -> Any:
    # Qt compares QVariants; None and dates must become something it can order.
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._columns: list[Column[R]] = self.columns()

    # -- to override --------------------------------------------------------------------------
    def columns(self) -> list[Column[R]]:
        raise NotImplementedError

    def stretch_column(self) -> int:
        return next((i for i, c in enumerate(self._columns) if c.stretch), len(self._columns) - 1)

    def row_id(self, row: R) -> str:
        return row.id  # type: ignore[attr-defined]

    def row_font(self, row: R) -> QFont | None:
        return None

    def row_colour(self, row: R) -> Any:
        return None

    # -- rows ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> bool:
        """Replace the rows; return False (and keep views untouched) when nothing changed."""
        rows = list(rows)
        if rows == self._rows:
            return False
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return True

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if self.row_id(r) == record_id), -1)

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return _sortable(column.sort(row) if column.sort else column.text(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip:
                return column.tooltip(row)
            text = column.text(row)
            return text if len(text) > LONG_TEXT else None  # long cells may be elided
        if role == Qt.ItemDataRole.DecorationRole and column.icon:
            return column.icon(row)
        if role == Qt.ItemDataRole.FontRole:
            return self.row_font(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = (column.colour(row) if column.colour else None) or self.row_colour(row)
            return QBrush(colour) if colour is not None else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def _disabled_text() -> Any:
    return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def _stance_colour(stance: int) -> Any:
    return ALERT if stance < 0 else GOOD if stance > 0 else None


class ContactsModel(RowTableModel[ContactRow]):
    def __init__(self, parent: Any = None) -> None:
        self._strengths: dict[
            str, Any
        ] = {}  # contact id → coverage.Strength, loaded after the rows
        super().__init__(parent)

    def set_strengths(self, strengths: dict[str, Any]) -> None:
        """Relationship strengths arrive in a second read; repaint only their column."""
        self._strengths = dict(strengths)
        column = self.RELATIONSHIP_COLUMN
        if self.rowCount():
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def strength(self, contact_id: str) -> Any:
        return self._strengths.get(contact_id)

    RELATIONSHIP_COLUMN = 5

    def columns(self) -> list[Column[ContactRow]]:
        return [
            Column(self.tr("Name"), lambda c: c.name, tooltip=self._left_tip),
            Column(self.tr("Job title"), lambda c: c.job_title or "", stretch=True),
            Column(self.tr("Buying role"), lambda c: labels.buying_role(c.buying_role)),
            Column(
                self.tr("Influence"),
                lambda c: "●" * c.influence + "○" * (5 - c.influence),
                sort=lambda c: c.influence,
                tooltip=lambda c: fill(self.tr("Influence %1 of 5"), c.influence),
            ),
            Column(
                self.tr("Stance"),
                lambda c: labels.stance(c.stance),
                sort=lambda c: c.stance,
                colour=lambda c: None if c.has_left else _stance_colour(c.stance),
            ),
            Column(
                self.tr("Relationship"),
                self._strength_text,
                sort=lambda c: self._strengths[c.id].score if c.id in self._strengths else -1,
                tooltip=self._strength_tip,
            ),
            Column(self.tr("Reports to"), lambda c: c.reports_to or ""),
            Column(
                self.tr("Email"),
                lambda c: c.email or "",
                tooltip=lambda c: (
                    self.tr("Emails to this address bounced") if c.email_bounced else None
                ),
                colour=lambda c: ALERT if c.email_bounced else None,
                icon=lambda c: alert_icon() if c.email_bounced else None,
            ),
            Column(self.tr("Phone"), lambda c: c.phone or ""),
            Column(
                self.tr("Last contact"),
                lambda c: formatting.ago(c.last_contact_at) if c.last_contact_at else "",
                sort=lambda c: c.last_contact_at,
                tooltip=lambda c: formatting.datetime(c.last_contact_at) or None,
            ),
        ]

    def _strength_text(self, c: ContactRow) -> str:
        strength = self._strengths.get(c.id)
        if strength is None:
            return ""
        short = {
            "strong": self.tr("Strong"),
            "medium": self.tr("Medium"),
            "weak": self.tr("Weak"),
            "none": self.tr("None"),
        }.get(strength.level, strength.level)
        return fill(self.tr("%1 · %2"), short, round(strength.score))

    def _strength_tip(self, c: ContactRow) -> str | None:
        strength = self._strengths.get(c.id)
        return strength_tooltip(strength) if strength is not None else None

    def _left_tip(self, c: ContactRow) -> str | None:
        return self.tr("Has left the company") if c.has_left else None

    def row_font(self, row: ContactRow) -> QFont | None:
        if not row.has_left:
            return None
        font = QFont()
        font.setItalic(True)
        return font

    def row_colour(self, row: ContactRow) -> Any:
        return _disabled_text() if row.has_left else None


class OpportunitiesModel(RowTableModel[OpportunityRow]):
    def columns(self) -> list[Column[OpportunityRow]]:
        return [
            Column(self.tr("Title"), lambda o: o.title, stretch=True),
            Column(self.tr("Stage"), lambda o: o.stage),
            Column(
                self.tr("Status"),
                lambda o: labels.status(o.status),
                colour=lambda o: (
                    GOOD if o.status == "won" else ALERT if o.status == "lost" else None
                ),
            ),
            Column(
                self.tr("Amount"),
                lambda o: formatting.money(o.amount_cents, o.currency, decimals=0),
                sort=lambda o: o.amount_cents,
                align=RIGHT,
            ),
            Column(
                self.tr("Probability"),
                lambda o: formatting.percent(o.probability / 100, 0),
                sort=lambda o: o.probability,
                align=RIGHT,
            ),
            Column(
                self.tr("Expected close"),
                lambda o: formatting.date(o.expected_close),
                sort=lambda o: o.expected_close,
                align=RIGHT,
            ),
            Column(self.tr("Owner"), lambda o: o.owner or ""),
        ]


class DocumentsModel(RowTableModel[DocumentRow]):
    def columns(self) -> list[Column[DocumentRow]]:
        return [
            Column(self.tr("Kind"), lambda d: labels.document_kind(d.kind)),
            Column(self.tr("Number"), lambda d: d.number),
            Column(self.tr("Title"), lambda d: d.title or "", stretch=True),
            Column(
                self.tr("Date"),
                lambda d: formatting.date(d.date),
                sort=lambda d: d.date,
                align=RIGHT,
            ),
            Column(
                self.tr("Amount"),
                lambda d: formatting.money(d.amount_cents, d.currency),
                sort=lambda d: d.amount_cents,
                align=RIGHT,
            ),
            Column(
                self.tr("Status"),
                lambda d: labels.status(d.status),
                colour=lambda d: WARNING if d.status == "unpaid" else None,
            ),
        ]


class TicketsModel(RowTableModel[TicketRow]):
    def columns(self) -> list[Column[TicketRow]]:
        return [
            Column(self.tr("Number"), lambda t: t.number),
            Column(self.tr("Subject"), lambda t: t.subject, stretch=True),
            Column(
                self.tr("Priority"),
                lambda t: labels.priority(t.priority),
                sort=lambda t: (
                    ["low", "normal", "high", "critical"].index(t.priority)
                    if t.priority in ("low", "normal", "high", "critical")
                    else -1
                ),
                colour=lambda t: (
                    ALERT if t.priority in ("high", "critical") and t.status != "resolved" else None
                ),
            ),
            Column(self.tr("Status"), lambda t: labels.status(t.status)),
            Column(
                self.tr("Opened"),
                lambda t: formatting.date(t.opened_at.date()),
                sort=lambda t: t.opened_at,
                align=RIGHT,
            ),
            Column(
                self.tr("Resolved"),
                lambda t: formatting.date(t.resolved_at.date()) if t.resolved_at else "",
                sort=lambda t: t.resolved_at,
                align=RIGHT,
            ),
        ]


class AttachmentsModel(RowTableModel[AttachmentRow]):
    def columns(self) -> list[Column[AttachmentRow]]:
        return [
            Column(
                self.tr("File name"),
                lambda a: a.filename,
                tooltip=self._missing_tip,
                stretch=True,
                icon=lambda a: None if a.on_disk else alert_icon(),
            ),
            Column(
                self.tr("Size"),
                lambda a: formatting.file_size(a.size),
                sort=lambda a: a.size,
                align=RIGHT,
            ),
            Column(
                self.tr("Added"),
                lambda a: formatting.date(a.added_at.date()),
                sort=lambda a: a.added_at,
                align=RIGHT,
            ),
            Column(
                self.tr("File"),
                lambda a: "" if a.on_disk else self.tr("Missing"),
                tooltip=self._missing_tip,
                colour=lambda a: None if a.on_disk else ALERT,
            ),
        ]

    def _missing_tip(self, a: AttachmentRow) -> str | None:
        if a.on_disk:
            return None
        return self.tr(
            "The file is missing from the data folder: restore a backup or attach it again"
        )


class SitesModel(RowTableModel[SiteRow]):
    def columns(self) -> list[Column[SiteRow]]:
        return [
            Column(self.tr("Name"), lambda s: s.name, stretch=True),
            Column(self.tr("City"), lambda s: s.city or ""),
            Column(self.tr("Postal code"), lambda s: s.postal_code or ""),
            Column(
                self.tr("Country"), lambda s: country_name(s.country), tooltip=lambda s: s.country
            ),
            Column(
                self.tr("Headquarters"),
                lambda s: "✓" if s.is_headquarters else "",
                sort=lambda s: s.is_headquarters,
                align=CENTRE,
            ),
        ]

    def row_font(self, row: SiteRow) -> QFont | None:
        if not row.is_headquarters:
            return None
        font = QFont()
        font.setBold(True)
        return font


def country_name(code: str | None) -> str:
    """ "FR" → "France" (Qt knows the names, in English; a translation may override them)."""
    if not code:
        return ""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)
