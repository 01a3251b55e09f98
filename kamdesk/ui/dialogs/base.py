"""The form every record dialog shares: fields in sections, an error under each, OK that waits.

OK first checks the values against the record's ``FieldSpec`` declarations (pure, no database),
so every mistake shows at once next to its field. If they pass, ``on_submit(values)`` hands them
to the caller, which runs the service on the worker thread and then calls either ``finish()``
(saved: close) or ``handle_error(exc)`` (refused: show why, stay open with everything typed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.errors import FieldError, ValidationError
from kamdesk.services.fields import FieldSpec, clean
from kamdesk.ui.messages import field_error_text

Submit = Callable[[dict[str, Any]], None]

ERROR_COLOR = "#b3261e"


class ErrorLabel(QLabel):
    """Red, small, wrapped; as tall as its text at the width the form gives it.

    A wrapped QLabel guesses a narrow width for its size hint, and QFormLayout reserves that
    guess's height (five lines for two); asking again at the real width keeps the row snug.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        font = self.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.9)
            self.setFont(font)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.text() and self.width() > hint.width():
            return QSize(hint.width(), self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


@dataclass
class _Field:
    name: str
    label: QLabel
    editor: QWidget
    error: QLabel
    form: QFormLayout


class RecordDialog(QDialog):
    """Subclasses set ``SPECS`` and build their sections in ``build()``."""

    SPECS: Mapping[str, FieldSpec] = {}

    def __init__(
        self,
        values: Mapping[str, Any] | None = None,
        *,
        is_new: bool = False,
        on_submit: Submit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.is_new = is_new
        self.on_submit = on_submit
        self.submitted_values: dict[str, Any] | None = None
        self._fields: dict[str, _Field] = {}
        self._busy = False

        self._sections = QHBoxLayout()
        self._sections.setSpacing(16)
        self._general_error = ErrorLabel()
        self._general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create") if is_new else self.tr("Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self._sections)
        layout.addWidget(self._general_error)
        layout.addWidget(self.buttons)

        self.build()
        missing = set(self.SPECS) - set(self._fields)
        assert not missing, f"{type(self).__name__} has no editor for {sorted(missing)}"
        if values:
            self.set_values(values)

    # -- building --------------------------------------------------------------------------
    def build(self) -> None:
        raise NotImplementedError

    def add_section(self, title: str | None = None) -> QFormLayout:
        """A column of fields; with a title it is framed as a group."""
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(6)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addStretch(1)  # a shorter column keeps its rows together at the top
        if title is None:
            column.setContentsMargins(0, 0, 0, 0)
            self._sections.addLayout(column, 1)
        else:
            box = QGroupBox(title)
            box.setLayout(column)
            self._sections.addWidget(box, 1)
        return form

    def add_field(self, form: QFormLayout, name: str, label: str, editor: QWidget) -> QWidget:
        """One row: the label, the editor, and under it an error line that shows when needed."""
        spec = self.SPECS.get(name)
        caption = QLabel(label + (" *" if spec is not None and spec.required else ""))
        caption.setBuddy(editor)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Line up a label with the first line of a tall editor, and with a one-line one exactly.
        caption.setMinimumHeight(QLineEdit().sizeHint().height())
        error = ErrorLabel()
        error.setObjectName(f"error_{name}")
        form.addRow(caption, editor)
        form.addRow("", error)
        form.setRowVisible(error, False)
        self._fields[name] = _Field(name, caption, editor, error, form)
        return editor

    # -- values ----------------------------------------------------------------------------
    def editor(self, name: str) -> Any:
        return self._fields[name].editor

    def error_label(self, name: str) -> QLabel:
        return self._fields[name].error

    @property
    def general_error_label(self) -> QLabel:
        return self._general_error

    def field_names(self) -> list[str]:
        return list(self._fields)

    def values(self) -> dict[str, Any]:
        """What the form holds now, field → text or typed value, as the user left it."""
        return {name: field.editor.value() for name, field in self._fields.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            if name in self._fields:
                self._fields[name].editor.set_value(value)

    # -- errors ----------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for field in self._fields.values():
            field.error.clear()
            field.form.setRowVisible(field.error, False)
        self._general_error.clear()
        self._general_error.hide()

    def show_errors(self, errors: Iterable[FieldError]) -> None:
        """Each message under its field (others at the bottom); focus the first field in error."""
        general = []
        by_field: dict[str, list[str]] = {}
        for error in errors:
            if error.field in self._fields:
                by_field.setdefault(error.field, []).append(field_error_text(error))
            else:
                general.append(field_error_text(error))
        for name, texts in by_field.items():
            field = self._fields[name]
            field.error.setText("\n".join(texts))
            field.form.setRowVisible(field.error, True)
        if general:
            self._general_error.setText("\n".join(general))
            self._general_error.show()
        first = next((n for n in self._fields if n in by_field), None)
        if first is not None:
            self._fields[first].editor.setFocus(Qt.FocusReason.OtherFocusReason)
        # Lay out twice: the first pass gives each message its width, the second its height.
        self.layout().activate()
        self.layout().activate()
        self.adjustSize()

    def has_errors(self) -> bool:
        return any(f.error.text() for f in self._fields.values()) or bool(
            self._general_error.text()
        )

    # -- submitting ------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        """While the service runs, OK and Cancel wait: nothing is saved half-way or twice."""
        self._busy = busy
        self.buttons.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def accept(self) -> None:
        if self._busy:
            return
        self.clear_errors()
        values = self.values()
        try:
            cleaned = clean(
                self.SPECS, {k: v for k, v in values.items() if k in self.SPECS}, partial=False
            )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        extras = {k: v for k, v in values.items() if k not in self.SPECS}
        self.submitted_values = cleaned | extras
        if self.on_submit is None:
            super().accept()
            return
        self.set_busy(True)
        self.on_submit(dict(self.submitted_values))

    def finish(self) -> None:
        """The caller saved the values: close."""
        self.set_busy(False)
        super().accept()

    def handle_error(self, error: BaseException) -> bool:
        """The caller's save was refused. Field errors are shown here (True); others are not."""
        self.set_busy(False)
        if isinstance(error, ValidationError):
            self.show_errors(error.errors)
            return True
        return False

    def reject(self) -> None:
        if not self._busy:
            super().reject()
