"""The opportunity editor's compound fields: probability, product lines, buying committee.

Each one follows the record-dialog editor protocol (``value()`` / ``set_value(v)``) so that
``RecordDialog`` collects it like any other field and shows a service error right under it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.pipeline import line_total
from kamdesk.ui import formatting, labels

Choices = Sequence[tuple[str, str]]

MAX_QUANTITY = 1_000_000
MAX_UNIT_PRICE = 1_000_000_000  # in currency units: more is a typo


class ProbabilityField(QWidget):
    """0–100 %, or "use the stage default": then ``value()`` is None (the service resets it)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.spin = QDoubleSpinBox()
        self.spin.setDecimals(0)
        self.spin.setRange(0, 100)
        self.spin.setSuffix(" %")
        self.spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 6 + 40)
        self.use_default = QCheckBox()
        self._default = 0
        self._set_default_text()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.use_default)
        layout.addStretch(1)
        self.setFocusProxy(self.spin)
        self.use_default.toggled.connect(self._toggled)
        self.spin.valueChanged.connect(lambda _v: self.changed.emit())

    def _set_default_text(self) -> None:
        self.use_default.setText(
            self.tr("Use the stage default (%1 %)").replace("%1", str(self._default))
        )

    def set_stage_default(self, probability: int) -> None:
        self._default = int(probability)
        self._set_default_text()
        if self.use_default.isChecked():
            self.spin.setValue(self._default)

    def _toggled(self, on: bool) -> None:
        self.spin.setEnabled(not on)
        if on:
            self.spin.setValue(self._default)
        self.changed.emit()

    def is_manual(self) -> bool:
        return not self.use_default.isChecked()

    def value(self) -> int | None:
        return None if self.use_default.isChecked() else int(self.spin.value())

    def set_value(self, value: Any) -> None:
        """An int is a probability set by hand; None means the stage's default."""
        if value is None:
            self.use_default.setChecked(True)
            self.spin.setValue(self._default)
        else:
            self.use_default.setChecked(False)
            self.spin.setValue(int(value))
        self.spin.setEnabled(value is not None)


def _cents(value: float) -> int:
    return round(value * 100)


class LinesField(QWidget):
    """Product lines: catalog product × quantity × unit price → line total; the sum below.

    ``products`` are ``(id, label, list_price_cents)``: picking a product on a line whose price
    is still zero fills in its list price.
    """

    changed = Signal()
    PRODUCT, QUANTITY, PRICE, TOTAL = range(4)

    def __init__(self, products: Iterable[tuple[str, str, int]] = ()) -> None:
        super().__init__()
        self._products = list(products)
        self._prices = {pid: price for pid, _label, price in self._products}
        self._currency = "EUR"
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Quantity"), self.tr("Unit price"), self.tr("Line total")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column in (self.QUANTITY, self.PRICE, self.TOTAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 4)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5 + 30)
        self.add_button = QPushButton(self.tr("Add a line"))
        self.remove_button = QPushButton(self.tr("Remove the line"))
        self.add_button.clicked.connect(lambda: self.add_line())
        self.remove_button.clicked.connect(self.remove_selected)
        self.total_label = QLabel()
        self.total_label.setObjectName("lines_total")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        bar.addWidget(self.total_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(bar)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self._refresh_totals()

    # -- rows ------------------------------------------------------------------------------
    def add_line(
        self, product_id: str | None = None, quantity: float = 1.0, unit_price_cents: int = 0
    ) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        combo.addItem(self.tr("— choose a product —"), "")
        for pid, label, _price in self._products:
            combo.addItem(label, pid)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(28)
        if product_id:
            index = combo.findData(product_id)
            if index < 0:
                combo.addItem(self.tr("(no longer available)"), product_id)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        quantity_spin = QDoubleSpinBox()
        quantity_spin.setDecimals(2)
        quantity_spin.setRange(0.01, MAX_QUANTITY)
        quantity_spin.setValue(quantity)
        quantity_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        price_spin = QDoubleSpinBox()
        price_spin.setDecimals(2)
        price_spin.setRange(0, MAX_UNIT_PRICE)
        price_spin.setGroupSeparatorShown(True)
        price_spin.setValue(unit_price_cents / 100)
        price_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        price_spin.setMinimumWidth(
            price_spin.fontMetrics().horizontalAdvance("000 000 000,00") + 30
        )
        total = QTableWidgetItem()
        total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setCellWidget(row, self.PRODUCT, combo)
        self.table.setCellWidget(row, self.QUANTITY, quantity_spin)
        self.table.setCellWidget(row, self.PRICE, price_spin)
        self.table.setItem(row, self.TOTAL, total)
        combo.currentIndexChanged.connect(lambda _i, c=combo, p=price_spin: self._picked(c, p))
        quantity_spin.valueChanged.connect(lambda _v: self._refresh_totals())
        price_spin.valueChanged.connect(lambda _v: self._refresh_totals())
        self._refresh_totals()
        self._update_buttons()
        return row

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.remove_line(row)

    def remove_line(self, row: int) -> None:
        self.table.removeRow(row)
        self._refresh_totals()
        self._update_buttons()

    def product_combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, self.PRODUCT)  # type: ignore[return-value]

    def quantity_spin(self, row: int) -> QDoubleSpinBox:
        return self.table.cellWidget(row, self.QUANTITY)  # type: ignore[return-value]

    def price_spin(self, row: int) -> QDoubleSpinBox:
        return self.table.cellWidget(row, self.PRICE)  # type: ignore[return-value]

    def _picked(self, combo: QComboBox, price: QDoubleSpinBox) -> None:
        product_id = combo.currentData()
        if product_id and price.value() == 0 and self._prices.get(product_id):
            price.setValue(self._prices[product_id] / 100)
        self._refresh_totals()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.rowCount() > 0 and self.table.currentRow() >= 0)

    # -- totals ----------------------------------------------------------------------------
    def set_currency(self, currency: str) -> None:
        self._currency = currency or "EUR"
        self._refresh_totals()

    def line_total_cents(self, row: int) -> int:
        return line_total(self.quantity_spin(row).value(), _cents(self.price_spin(row).value()))

    def total_cents(self) -> int:
        return sum(self.line_total_cents(row) for row in range(self.table.rowCount()))

    def _refresh_totals(self) -> None:
        for row in range(self.table.rowCount()):
            self.table.item(row, self.TOTAL).setText(
                formatting.money(self.line_total_cents(row), self._currency)
            )
        text = self.tr("Total: %1").replace(
            "%1", formatting.money(self.total_cents(), self._currency)
        )
        self.total_label.setText(f"<b>{text}</b>")
        self.changed.emit()

    # -- protocol --------------------------------------------------------------------------
    def value(self) -> list[dict[str, Any]]:
        """Every line, as typed; a line without a product is kept so the service can refuse it."""
        return [
            {
                "product_id": self.product_combo(row).currentData() or None,
                "quantity": float(self.quantity_spin(row).value()),
                "unit_price_cents": _cents(self.price_spin(row).value()),
            }
            for row in range(self.table.rowCount())
        ]

    def set_value(self, lines: Any) -> None:
        blocked = self.blockSignals(True)
        self.table.setRowCount(0)
        for line in lines or ():
            self.add_line(
                line.get("product_id"),
                float(line.get("quantity") or 0),
                int(line.get("unit_price_cents") or 0),
            )
        self.blockSignals(blocked)
        self._refresh_totals()


class CommitteeField(QWidget):
    """The account's contacts, each ticked if on the buying committee, with their role in it."""

    changed = Signal()

    def __init__(self, contacts: Choices = ()) -> None:
        super().__init__()
        self.table = QTableWidget(len(contacts), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Contact"), self.tr("Role in the decision")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(QComboBox().sizeHint().height() + 2)
        self._ids: list[str] = []
        for row, (contact_id, label) in enumerate(contacts):
            self._add_row(row, contact_id, label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.table.itemChanged.connect(self._ticked)

    def _add_row(self, row: int, contact_id: str, label: str) -> None:
        item = QTableWidgetItem(label)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, contact_id)
        self.table.setItem(row, 0, item)
        combo = QComboBox()
        combo.addItem(self.tr("— role not known —"), "")
        for code in labels.buying_role_codes():
            combo.addItem(labels.buying_role(code), code)
        combo.setEnabled(False)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, 1, combo)
        self._ids.append(contact_id)

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self.role_combo(item.row()).setEnabled(item.checkState() == Qt.CheckState.Checked)
            self.changed.emit()

    def row_of(self, contact_id: str) -> int:
        return self._ids.index(contact_id)

    def role_combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, 1)  # type: ignore[return-value]

    def set_member(self, contact_id: str, role: str | None, member: bool = True) -> None:
        row = self.row_of(contact_id)
        self.table.item(row, 0).setCheckState(
            Qt.CheckState.Checked if member else Qt.CheckState.Unchecked
        )
        combo = self.role_combo(row)
        combo.setCurrentIndex(max(0, combo.findData(role or "")))

    def value(self) -> list[dict[str, Any]]:
        found = []
        for row, contact_id in enumerate(self._ids):
            if self.table.item(row, 0).checkState() == Qt.CheckState.Checked:
                found.append(
                    {"contact_id": contact_id, "role": self.role_combo(row).currentData() or None}
                )
        return found

    def set_value(self, members: Any) -> None:
        wanted = {m["contact_id"]: m.get("role") for m in members or ()}
        blocked = self.table.blockSignals(True)
        for contact_id in wanted:
            if contact_id not in self._ids:  # someone no longer at the account: kept, not dropped
                row = self.table.rowCount()
                self.table.insertRow(row)
                self._add_row(row, contact_id, self.tr("(no longer available)"))
        for row, contact_id in enumerate(self._ids):
            member = contact_id in wanted
            self.table.item(row, 0).setCheckState(
                Qt.CheckState.Checked if member else Qt.CheckState.Unchecked
            )
            combo = self.role_combo(row)
            combo.setCurrentIndex(max(0, combo.findData(wanted.get(contact_id) or "")))
            combo.setEnabled(member)
        self.table.blockSignals(blocked)
        self.changed.emit()


def read_only_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> QTableWidget:
    """A small table to read (stage history, activities): no editing, rows selectable."""
    rows = [list(r) for r in rows]
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    header = table.horizontalHeader()
    for c in range(len(headers) - 1):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.astimezone().date() if value.tzinfo else value.date()
    return value if isinstance(value, dt.date) else None


def number(value: float) -> str:
    return QLocale().toString(float(value), "f", 0)


def field(row: Any, name: str, default: Any = None) -> Any:
    """A row of a service's result, whether a dataclass, a named tuple or a dict."""
    if isinstance(row, Mapping):
        return row.get(name, default)
    return getattr(row, name, default)
