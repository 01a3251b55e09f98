"""The search results as one list: a header row per kind that has hits, then its hits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kamdesk.services.search import (
    ACCOUNT,
    ACTIVITY,
    CONTACT,
    EMAIL,
    OPPORTUNITY,
    KindResults,
    SearchHit,
    SearchResults,
)
from kamdesk.ui import formatting, labels
from kamdesk.ui.messages import fill

Index = QModelIndex | QPersistentModelIndex

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the SearchHit, or None on a header
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2  # the header's KindResults, or None on a hit
WORDS_ROLE = Qt.ItemDataRole.UserRole + 3  # the typed words, to mark them in titles
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 4  # a hit's subtitle; a cut header's "more…" hint


@dataclass(frozen=True)
class _Row:
    header: KindResults | None = None
    hit: SearchHit | None = None


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._words: list[str] = []
        self.results: SearchResults | None = None

    # -- content ------------------------------------------------------------------------------
    def set_results(self, results: SearchResults | None) -> None:
        self.beginResetModel()
        self.results = results
        self._words = results.text.split() if results else []
        self._rows = []
        for group in results.groups if results else ():
            if group.hits:
                self._rows.append(_Row(header=group))
                self._rows.extend(_Row(hit=hit) for hit in group.hits)
        self.endResetModel()

    def hit_count(self) -> int:
        return sum(1 for row in self._rows if row.hit is not None)

    def hit_at(self, row: int) -> SearchHit | None:
        return self._rows[row].hit if 0 <= row < len(self._rows) else None

    def next_hit_row(self, row: int, step: int) -> int:
        """The nearest hit row from ``row`` in direction ``step`` (headers are skipped), or -1."""
        row += step
        while 0 <= row < len(self._rows):
            if self._rows[row].hit is not None:
                return row
            row += step
        return -1

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].header is not None:
            return Qt.ItemFlag.ItemIsEnabled  # a header is shown, never selected
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == HIT_ROLE:
            return row.hit
        if role == HEADER_ROLE:
            return row.header
        if role == WORDS_ROLE:
            return self._words
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.header is not None:
                return self.kind_title(row.header.kind)
            assert row.hit is not None
            return row.hit.title
        if role in (DETAIL_ROLE, Qt.ItemDataRole.ToolTipRole):
            if row.header is not None:
                return self.more_text(row.header)
            assert row.hit is not None
            return self.subtitle(row.hit)
        return None

    # -- texts --------------------------------------------------------------------------------
    def kind_title(self, kind: str) -> str:
        return {
            ACCOUNT: self.tr("Accounts"),
            CONTACT: self.tr("Contacts"),
            OPPORTUNITY: self.tr("Opportunities"),
            ACTIVITY: self.tr("Activities"),
            EMAIL: self.tr("Emails"),
        }.get(kind, kind)

    def more_text(self, group: KindResults) -> str:
        return self.tr("more… type on to narrow down") if group.more else ""

    @staticmethod
    def _day(when: dt.date | dt.datetime | None) -> str:
        return formatting.date(when.astimezone().date() if isinstance(when, dt.datetime) else when)

    def subtitle(self, hit: SearchHit) -> str:
        """Where the hit belongs, in the user's language: job · account, stage · amount · account…"""
        parts: list[str | None]
        if hit.kind == ACCOUNT:
            group = fill(self.tr("Group: %1"), hit.account_name) if hit.account_name else None
            parts = [hit.detail, group]
        elif hit.kind == CONTACT:
            parts = [hit.detail, hit.account_name]
        elif hit.kind == OPPORTUNITY:
            amount = formatting.money_short(hit.amount_cents, hit.currency or "EUR")
            parts = [hit.detail, amount if hit.amount_cents else None, hit.account_name]
        elif hit.kind == EMAIL:
            # day · sender · account, or "to review" while no account is linked
            parts = [
                self._day(hit.when),
                hit.detail,
                hit.account_name if hit.account_id else self.tr("to review"),
            ]
        else:
            parts = [self._day(hit.when), labels.interaction_kind(hit.detail), hit.account_name]
        return " · ".join(p for p in parts if p)
