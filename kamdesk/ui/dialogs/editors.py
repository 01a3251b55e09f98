"""Field editors for record dialogs: each shows one value and gives it back as text or typed.

Every editor has ``value()`` and ``set_value(v)``. Text that needs parsing (dates, amounts) is
returned as typed, so that ``fields.clean`` reports what is wrong with it next to the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QSize, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

Choices = Sequence[tuple[str, str]]  # (value or id, label)


class LineField(QLineEdit):
    """Plain text; a list (mail domains) is shown comma-separated."""

    def __init__(self, *, max_length: int | None = None, placeholder: str = "") -> None:
        super().__init__()
        if max_length:
            self.setMaxLength(max_length + 50)  # let the spec say "too long" rather than cut
        self.setPlaceholderText(placeholder)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)

    def value(self) -> str:
        return self.text()

    def set_value(self, value: Any) -> None:
        if isinstance(value, list | tuple):
            value = ", ".join(value)
        self.setText("" if value is None else str(value))
        self.setCursorPosition(0)  # show the start of a long value, not its end


class TextAreaField(QPlainTextEdit):
    def __init__(self, *, lines: int = 4, placeholder: str = "") -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        self.setPlainText("" if value is None else str(value))

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class MoneyField(QWidget):
    """An amount as people type it (``150 000,00``), with its currency beside it."""

    def __init__(self, currency_symbol: str = "€") -> None:
        super().__init__()
        self.edit = QLineEdit()
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setPlaceholderText(QLocale().toString(150000.0, "f", 2))
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("0") * 18)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(QLabel(currency_symbol))
        layout.addStretch(1)
        self.setFocusProxy(self.edit)

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, cents: Any) -> None:
        if cents is None or cents == "":
            self.edit.clear()
        elif isinstance(cents, int):
            self.edit.setText(QLocale().toString(cents / 100, "f", 2))
        else:
            self.edit.setText(str(cents))


class DateField(QWidget):
    """A date typed as DD/MM/YYYY or YYYY-MM-DD, or picked from a calendar; empty means none."""

    FORMAT = "dd/MM/yyyy"

    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("DD/MM/YYYY"))
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        self.edit.setClearButtonEnabled(True)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip(self.tr("Pick a date"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(menu)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.button.setFixedSize(self.edit.sizeHint().height(), self.edit.sizeHint().height())
        self._menu = menu
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            self.edit.setText(QDate(value.year, value.month, value.day).toString(self.FORMAT))
        else:
            self.edit.setText("" if value is None else str(value))

    def _sync_calendar(self) -> None:
        typed = QDate.fromString(self.edit.text().strip(), self.FORMAT)
        self.calendar.setSelectedDate(typed if typed.isValid() else QDate.currentDate())

    def _picked(self, day: QDate) -> None:
        self.edit.setText(day.toString(self.FORMAT))
        self._menu.hide()


class DateTimeField(QDateTimeEdit):
    """When something happened, in local time; returned as an aware datetime."""

    def __init__(self) -> None:
        super().__init__()
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._original: dt.datetime | None = None

    def value(self) -> dt.datetime:
        shown = self.dateTime().toPython()
        if self._original is not None and self._minute(self._original) == shown:
            return self._original  # untouched: keep the seconds the widget cannot show
        return shown.astimezone()

    def set_value(self, value: Any) -> None:
        if not isinstance(value, dt.datetime):
            value = dt.datetime.now().astimezone()
        if value.tzinfo is None:
            value = value.astimezone()
        self._original = value
        local = self._minute(value)
        self.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    @staticmethod
    def _minute(value: dt.datetime) -> dt.datetime:
        return value.astimezone().replace(tzinfo=None, second=0, microsecond=0)


class SpinField(QSpinBox):
    """A small whole number; with ``empty_text`` the lowest step means "not set" (None)."""

    def __init__(
        self, minimum: int, maximum: int, *, empty_text: str | None = None, suffix: str = ""
    ) -> None:
        super().__init__()
        self._nullable = empty_text is not None
        self.setRange(minimum - 1 if self._nullable else minimum, maximum)
        if empty_text is not None:
            self.setSpecialValueText(empty_text)
        self.setSuffix(suffix)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 8 + 40)

    def value(self) -> int | None:  # type: ignore[override]
        number = super().value()
        return None if self._nullable and number == self.minimum() else number

    def set_value(self, value: Any) -> None:
        self.setValue(self.minimum() if value is None else int(value))


class ChoiceField(QComboBox):
    """A closed list: codes with translated labels, or records as (id, label).

    ``empty_text`` adds a first entry meaning "none". A stored value that is not in the list
    (a record deleted meanwhile) is kept and shown as such rather than silently dropped.
    """

    def __init__(
        self,
        choices: Iterable[tuple[Any, str]],
        *,
        empty_text: str | None = None,
        compact: bool = False,
    ) -> None:
        """``compact``: as wide as its longest label (short closed lists), not the whole row."""
        super().__init__()
        if empty_text is not None:
            self.addItem(empty_text, "")
        for value, label in choices:
            self.addItem(label, value)
        self.setMaxVisibleItems(20)
        if compact:
            self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        else:
            self.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.setMinimumContentsLength(24)

    def value(self) -> Any:
        data = self.currentData()
        return None if data == "" else data

    def set_value(self, value: Any) -> None:
        wanted = "" if value is None else value
        for row in range(self.count()):
            if self.itemData(row) == wanted:
                self.setCurrentIndex(row)
                return
        self.addItem(self.tr("(no longer available)"), wanted)
        self.setCurrentIndex(self.count() - 1)


class CheckField(QCheckBox):
    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class CheckListField(QListWidget):
    """Several records picked by ticking them (the participants of an activity)."""

    def __init__(self, choices: Choices, *, rows: int = 7) -> None:
        super().__init__()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for record_id, label in choices:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.setSpacing(1)
        row_height = max(self.sizeHintForRow(0), self.fontMetrics().height() + 4) + 2
        self.setFixedHeight(
            row_height * min(max(len(choices), 3), rows) + 2 * self.frameWidth() + 4
        )

    def items(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def value(self) -> list[str]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self.items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        wanted = list(dict.fromkeys(value or ()))
        for item in self.items():
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        known = {item.data(Qt.ItemDataRole.UserRole) for item in self.items()}
        for record_id in wanted:
            if record_id not in known:  # a participant deleted since: kept, not silently dropped
                item = QListWidgetItem(self.tr("(no longer available)"), self)
                item.setData(Qt.ItemDataRole.UserRole, record_id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
