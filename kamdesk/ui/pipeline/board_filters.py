"""The board's toolbar: which pipeline, and which deals (owner, account with its subsidiaries,
close period, product). The choice is remembered in QSettings between sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

SETTINGS_GROUP = "pipeline/board"
_NO_DATE = QDate(2000, 1, 1)  # the date edits' "any" value
_KEYS = ("pipeline", "owner", "account", "product", "close_from", "close_to")


def _to_qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else _NO_DATE


def _from_qdate(value: QDate) -> dt.date | None:
    if not value.isValid() or value <= _NO_DATE:
        return None
    return dt.date(value.year(), value.month(), value.day())


def _parse_date(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


class BoardFilterBar(QWidget):
    pipelineChanged = Signal(str)
    filtersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pipeline_combo = QComboBox(self)
        self.pipeline_combo.setAccessibleName(self.tr("Pipeline"))
        self.pipeline_combo.setMinimumContentsLength(14)
        self.pipeline_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.owner_combo = self._combo(self.tr("Key account manager filter"), self.tr("All KAMs"))
        self.account_combo = self._combo(
            self.tr("Account filter (with its subsidiaries)"), self.tr("All accounts")
        )
        self.account_combo.setEditable(True)
        self.account_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account_combo.lineEdit().setPlaceholderText(self.tr("All accounts"))
        completer = self.account_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.account_combo.setMinimumContentsLength(18)
        self.product_combo = self._combo(self.tr("Product filter"), self.tr("All products"))
        self.close_from = self._date_edit(self.tr("Expected close from"))
        self.close_to = self._date_edit(self.tr("Expected close until"))
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pipeline_combo)
        layout.addSpacing(12)
        for widget in (self.owner_combo, self.account_combo, self.product_combo):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("Close:"), self))
        layout.addWidget(self.close_from)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.close_to)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

        self._pipeline_id: str | None = None
        self._values: dict[str, Any] = {}
        self._restore()
        self.pipeline_combo.currentIndexChanged.connect(self._pipeline_picked)
        for combo in (self.owner_combo, self.account_combo, self.product_combo):
            combo.currentIndexChanged.connect(self._combo_picked)
        for edit in (self.close_from, self.close_to):
            edit.dateChanged.connect(self._combo_picked)

    def _combo(self, accessible_name: str, all_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(accessible_name)
        combo.setToolTip(accessible_name)
        combo.addItem(all_text, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _date_edit(self, accessible_name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(accessible_name)
        edit.setToolTip(accessible_name)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_NO_DATE)
        return edit

    # -- state ---------------------------------------------------------------------------------
    def pipeline_id(self) -> str | None:
        return self._pipeline_id

    def values(self) -> dict[str, Any]:
        """owner_id, account_id, product_id, close_from, close_to (None = no filter)."""
        return {
            "owner_id": self._values.get("owner"),
            "account_id": self._values.get("account"),
            "product_id": self._values.get("product"),
            "close_from": self._values.get("close_from"),
            "close_to": self._values.get("close_to"),
        }

    def set_pipelines(self, pipelines: Sequence[Any], current_id: str | None) -> None:
        with QSignalBlocker(self.pipeline_combo):
            self.pipeline_combo.clear()
            for pipeline in pipelines:
                self.pipeline_combo.addItem(pipeline.name, pipeline.id)
            index = self.pipeline_combo.findData(current_id)
            self.pipeline_combo.setCurrentIndex(max(index, 0))
        if current_id != self._pipeline_id:
            self._pipeline_id = current_id
            self._save()

    def set_pipeline(self, pipeline_id: str) -> None:
        with QSignalBlocker(self.pipeline_combo):
            index = self.pipeline_combo.findData(pipeline_id)
            if index >= 0:
                self.pipeline_combo.setCurrentIndex(index)
        self._pipeline_id = pipeline_id
        self._save()

    def set_choices(
        self,
        owners: Sequence[tuple[str, str]],
        accounts: Sequence[tuple[str, str]],
        products: Sequence[tuple[str, str]],
    ) -> bool:
        """Fill the pickers; returns True when a remembered choice no longer exists (dropped)."""
        dropped = False
        for key, combo, items in (
            ("owner", self.owner_combo, owners),
            ("account", self.account_combo, accounts),
            ("product", self.product_combo, products),
        ):
            with QSignalBlocker(combo):
                while combo.count() > 1:
                    combo.removeItem(1)
                for item_id, label in items:
                    combo.addItem(label, item_id)
                index = combo.findData(self._values.get(key))
                if index < 0 and self._values.get(key) is not None:
                    self._values[key] = None
                    dropped = True
                combo.setCurrentIndex(max(index, 0))
        if dropped:
            self._save()
        return dropped

    def clear(self) -> None:
        for combo in (self.owner_combo, self.account_combo, self.product_combo):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        for edit in (self.close_from, self.close_to):
            with QSignalBlocker(edit):
                edit.setDate(_NO_DATE)
        self._combo_picked()

    def set_filter(self, key: str, value: Any) -> None:
        """Programmatic choice (tests, "show this account's deals"): owner/account/product/close_*."""
        if key in ("close_from", "close_to"):
            edit = self.close_from if key == "close_from" else self.close_to
            edit.setDate(_to_qdate(value))
            return
        combo = {"owner": self.owner_combo, "account": self.account_combo}.get(
            key, self.product_combo
        )
        index = combo.findData(value)
        if index < 0 and value is not None:
            self._values[key] = value  # choices not loaded yet: remember it anyway
            self._save()
            self.filtersChanged.emit()
            return
        combo.setCurrentIndex(max(index, 0))

    def _pipeline_picked(self) -> None:
        pipeline_id = self.pipeline_combo.currentData()
        if pipeline_id and pipeline_id != self._pipeline_id:
            self._pipeline_id = pipeline_id
            self._save()
            self.pipelineChanged.emit(pipeline_id)

    def _combo_picked(self) -> None:
        values = {
            "owner": self.owner_combo.currentData(),
            "account": self.account_combo.currentData(),
            "product": self.product_combo.currentData(),
            "close_from": _from_qdate(self.close_from.date()),
            "close_to": _from_qdate(self.close_to.date()),
        }
        if values != {k: self._values.get(k) for k in values}:
            self._values.update(values)
            self._save()
            self.filtersChanged.emit()

    # -- QSettings -----------------------------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        stored = {key: settings.value(key) or None for key in _KEYS}
        settings.endGroup()
        self._pipeline_id = stored["pipeline"]
        self._values = {
            "owner": stored["owner"],
            "account": stored["account"],
            "product": stored["product"],
            "close_from": _parse_date(stored["close_from"]),
            "close_to": _parse_date(stored["close_to"]),
        }
        for key, edit in (("close_from", self.close_from), ("close_to", self.close_to)):
            with QSignalBlocker(edit):
                edit.setDate(_to_qdate(self._values[key]))

    def _save(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("pipeline", self._pipeline_id or "")
        for key in ("owner", "account", "product"):
            settings.setValue(key, self._values.get(key) or "")
        for key in ("close_from", "close_to"):
            value = self._values.get(key)
            settings.setValue(key, value.isoformat() if value else "")
        settings.endGroup()
