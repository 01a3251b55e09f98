"""Configure the pipelines and their stages: names, order, default probability, "stalled after
N days", and the MEDDIC items an opportunity needs before entering a stage.

Every change is one user intent written on the worker through the pipeline services and pushed
as one undo step. The dialog reloads from the database after each change (and after an undo
made elsewhere), so what it shows is always what is stored. A refused change (a stage that still
holds opportunities…) is explained in the dialog, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.models import MEDDIC_ITEMS, Pipeline, Stage
from kamdesk.services import pipeline as pipeline_service
from kamdesk.services import records
from kamdesk.services.errors import ValidationError
from kamdesk.ui import labels, undo
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.base import ErrorLabel
from kamdesk.ui.dialogs.editors import SpinField
from kamdesk.ui.messages import field_error_text, fill, service_error_text

NAME, PROBABILITY, ROTTING, OUTCOME, MEDDIC = range(5)


meddic_label = labels.meddic_item  # one translation of the MEDDIC items, shared


def outcome_label(outcome: str) -> str:
    return {
        "open": QCoreApplication.translate("PipelineSettings", "Open"),
        "won": QCoreApplication.translate("PipelineSettings", "Won"),
        "lost": QCoreApplication.translate("PipelineSettings", "Lost"),
    }.get(outcome, outcome)


def refusal_text(error: BaseException) -> str:
    """Why the services refused a settings change, in the user's language."""
    if not isinstance(error, ValidationError):
        return service_error_text(error)
    texts = []
    for e in error.errors:
        if e.code == "stage_in_use":
            texts.append(
                fill(
                    QCoreApplication.translate(
                        "PipelineSettings",
                        "“%1” still holds %2 opportunity(ies): move them to another stage first.",
                    ),
                    e.params.get("stage", ""),
                    e.params.get("count", ""),
                )
            )
        elif e.code == "last_open_stage":
            texts.append(
                QCoreApplication.translate(
                    "PipelineSettings",
                    "A pipeline needs at least one open stage: new opportunities start there.",
                )
            )
        else:
            texts.append(field_error_text(e))
    return "\n".join(texts)


class PipelineSettingsDialog(QDialog):
    """Left: the pipelines (add, rename). Right: the selected pipeline's stages, in order."""

    loaded = Signal()  # after each reload from the database (tests, tours)
    refused = Signal(str)  # a change the services refused, with the reason shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pipelines: list[Any] = []
        self._pipeline_id: str | None = None
        self._stage_id: str | None = None
        self.setWindowTitle(self.tr("Pipelines and stages"))

        # -- pipelines
        self.pipeline_list = QListWidget()
        self.pipeline_list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.pipeline_list.currentRowChanged.connect(self._pipeline_selected)
        self.pipeline_list.itemChanged.connect(self._pipeline_renamed)
        self.add_pipeline_button = QPushButton(self.tr("Add a pipeline"))
        self.rename_pipeline_button = QPushButton(self.tr("Rename"))
        self.add_pipeline_button.clicked.connect(lambda: self.add_pipeline())
        self.rename_pipeline_button.clicked.connect(self._start_rename)
        left_box = QGroupBox(self.tr("Pipelines"))
        left = QVBoxLayout(left_box)
        left.addWidget(self.pipeline_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_pipeline_button)
        buttons.addWidget(self.rename_pipeline_button)
        left.addLayout(buttons)

        # -- stages
        self.stage_table = QTableWidget(0, 5)
        self.stage_table.setHorizontalHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Default probability"),
                self.tr("Stalled after"),
                self.tr("Outcome"),
                self.tr("Required MEDDIC"),
            ]
        )
        self.stage_table.verticalHeader().hide()
        self.stage_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stage_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stage_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.stage_table.verticalHeader().setDefaultSectionSize(
            SpinField(0, 1).sizeHint().height() + 4
        )
        header = self.stage_table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (PROBABILITY, ROTTING, OUTCOME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MEDDIC, QHeaderView.ResizeMode.Stretch)
        self.stage_table.itemChanged.connect(self._stage_renamed)
        self.stage_table.currentCellChanged.connect(lambda row, *_: self._stage_selected(row))

        self.add_stage_button = QPushButton(self.tr("Add a stage"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.delete_stage_button = QPushButton(self.tr("Delete the stage"))
        self.add_stage_button.clicked.connect(lambda: self.add_stage())
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.delete_stage_button.clicked.connect(self.delete_selected)
        stage_buttons = QHBoxLayout()
        for button in (self.add_stage_button, self.up_button, self.down_button):
            stage_buttons.addWidget(button)
        stage_buttons.addStretch(1)
        stage_buttons.addWidget(self.delete_stage_button)

        self.meddic_box = QGroupBox(self.tr("Required before entering the stage"))
        self.meddic_list = QListWidget()
        self.meddic_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.meddic_list.setFlow(QListWidget.Flow.LeftToRight)
        self.meddic_list.setWrapping(True)
        self.meddic_list.setSpacing(4)
        for item_code in MEDDIC_ITEMS:
            item = QListWidgetItem(meddic_label(item_code), self.meddic_list)
            item.setData(Qt.ItemDataRole.UserRole, item_code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.meddic_list.setFixedHeight(self.meddic_list.sizeHintForRow(0) * 2 + 20)
        self.meddic_list.itemChanged.connect(self._meddic_ticked)
        meddic_layout = QVBoxLayout(self.meddic_box)
        hint = QLabel(
            self.tr(
                "The board refuses to move an opportunity into this stage until these MEDDIC "
                "items are filled in."
            )
        )
        hint.setWordWrap(True)
        meddic_layout.addWidget(hint)
        meddic_layout.addWidget(self.meddic_list)

        self.stages_box = QGroupBox(self.tr("Stages"))
        right = QVBoxLayout(self.stages_box)
        right.addWidget(self.stage_table, 1)
        right.addLayout(stage_buttons)
        right.addWidget(self.meddic_box, 0)
        self.meddic_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.message = ErrorLabel()
        self.message.setObjectName("settings_message")
        self.message.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(left_box, 1)
        columns.addWidget(self.stages_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(1000, 560)

        # Enter commits the cell being edited; it must not also press a button of the dialog.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        ctx.bus.changed.connect(self._data_changed)
        self._update_buttons()
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.read(
            pipeline_service.list_pipelines, self._show, self._failed, key="pipeline-settings"
        )

    def _data_changed(self, _changes: Any) -> None:
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.show_message(service_error_text(error))

    def _show(self, pipelines: list[Any]) -> None:
        self.pipelines = list(pipelines)
        ids = [p.id for p in self.pipelines]
        if self._pipeline_id not in ids:
            self._pipeline_id = ids[0] if ids else None
        with QSignalBlocker(self.pipeline_list):
            self.pipeline_list.clear()
            for info in self.pipelines:
                item = QListWidgetItem(info.name, self.pipeline_list)
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            if self._pipeline_id is not None:
                self.pipeline_list.setCurrentRow(ids.index(self._pipeline_id))
        self._show_stages()
        self.loaded.emit()

    def pipeline(self) -> Any:
        return next((p for p in self.pipelines if p.id == self._pipeline_id), None)

    def stages(self) -> list[Any]:
        info = self.pipeline()
        return list(info.stages) if info else []

    def stage(self, stage_id: str | None = None) -> Any:
        wanted = stage_id or self._stage_id
        return next((s for s in self.stages() if s.id == wanted), None)

    def stage_row(self, stage_id: str) -> int:
        return [s.id for s in self.stages()].index(stage_id)

    def _show_stages(self) -> None:
        stages = self.stages()
        info = self.pipeline()
        self.stages_box.setTitle(
            fill(self.tr("Stages of “%1”"), info.name) if info else self.tr("Stages")
        )
        if self._stage_id not in [s.id for s in stages]:
            self._stage_id = stages[0].id if stages else None
        table = self.stage_table
        with QSignalBlocker(table):
            table.setRowCount(len(stages))
            for row, stage in enumerate(stages):
                name = QTableWidgetItem(stage.name)
                name.setData(Qt.ItemDataRole.UserRole, stage.id)
                table.setItem(row, NAME, name)
                probability = SpinField(0, 100, suffix=" %")
                probability.set_value(stage.probability)
                probability.editingFinished.connect(
                    lambda s=stage.id, w=probability: self._spin_done(s, "probability", w)
                )
                table.setCellWidget(row, PROBABILITY, probability)
                rotting = SpinField(1, 3650, empty_text=self.tr("never"), suffix=self.tr(" days"))
                rotting.set_value(stage.rotting_days)
                rotting.editingFinished.connect(
                    lambda s=stage.id, w=rotting: self._spin_done(s, "rotting_days", w)
                )
                table.setCellWidget(row, ROTTING, rotting)
                outcome = QTableWidgetItem(outcome_label(stage.outcome))
                outcome.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if stage.outcome != "open":
                    outcome.setForeground(
                        Qt.GlobalColor.darkGreen
                        if stage.outcome == "won"
                        else Qt.GlobalColor.darkRed
                    )
                table.setItem(row, OUTCOME, outcome)
                meddic = QTableWidgetItem(
                    ", ".join(meddic_label(i) for i in stage.required_meddic) or "—"
                )
                meddic.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, MEDDIC, meddic)
            if self._stage_id is not None:
                table.setCurrentCell(self.stage_row(self._stage_id), NAME)
        self._show_meddic()
        self._update_buttons()

    def _show_meddic(self) -> None:
        stage = self.stage()
        self.meddic_box.setEnabled(stage is not None)
        required = set(stage.required_meddic) if stage else set()
        self.meddic_box.setTitle(
            fill(self.tr("Required before entering “%1”"), stage.name)
            if stage
            else self.tr("Required before entering the stage")
        )
        with QSignalBlocker(self.meddic_list):
            for row in range(self.meddic_list.count()):
                item = self.meddic_list.item(row)
                on = item.data(Qt.ItemDataRole.UserRole) in required
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_buttons(self) -> None:
        stages = self.stages()
        row = self.stage_row(self._stage_id) if self.stage() else -1
        self.rename_pipeline_button.setEnabled(self.pipeline() is not None)
        self.add_stage_button.setEnabled(self.pipeline() is not None)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(stages) - 1)
        self.delete_stage_button.setEnabled(row >= 0)

    # -- selection -------------------------------------------------------------------------
    def _pipeline_selected(self, row: int) -> None:
        if 0 <= row < len(self.pipelines):
            self._pipeline_id = self.pipelines[row].id
            self._stage_id = None
            self.clear_message()
            self._show_stages()

    def select_pipeline(self, pipeline_id: str) -> None:
        self.pipeline_list.setCurrentRow([p.id for p in self.pipelines].index(pipeline_id))

    def _stage_selected(self, row: int) -> None:
        stages = self.stages()
        if 0 <= row < len(stages) and stages[row].id != self._stage_id:
            self._stage_id = stages[row].id
            self._show_meddic()
            self._update_buttons()

    def select_stage(self, stage_id: str) -> None:
        self.stage_table.setCurrentCell(self.stage_row(stage_id), NAME)

    # -- messages --------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.refused.emit(text)

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    # -- changes: each one intent, one undo step -----------------------------------------------
    def _perform(
        self,
        text: str,
        do: undo.Step,
        inverse: Callable[[Any], tuple[undo.Step, undo.Step] | None],
        then: Callable[[Any], None] | None = None,
    ) -> None:
        self.clear_message()

        def refused(error: BaseException) -> None:
            self.show_message(refusal_text(error))
            self.reload()  # put back what is stored (a name typed in the table…)

        undo.perform(self.ctx, text, do, inverse, on_done=then, on_error=refused)

    def update_stage(self, stage_id: str, values: dict[str, Any]) -> None:
        stage = self.stage(stage_id)
        name = stage.name if stage else ""
        self._perform(
            fill(self.tr("Edit stage %1"), values.get("name") or name),
            lambda uow: pipeline_service.update_stage(uow, stage_id, values),
            _stage_edit_steps,
        )

    def _stage_renamed(self, item: QTableWidgetItem) -> None:
        if item.column() != NAME:
            return
        stage_id = item.data(Qt.ItemDataRole.UserRole)
        stage = self.stage(stage_id)
        if stage is not None and item.text() != stage.name:
            self.update_stage(stage_id, {"name": item.text()})

    def _spin_done(self, stage_id: str, name: str, spin: SpinField) -> None:
        stage = self.stage(stage_id)
        if stage is not None and spin.value() != getattr(stage, name):
            self.update_stage(stage_id, {name: spin.value()})

    def _meddic_ticked(self, _item: QListWidgetItem) -> None:
        stage = self.stage()
        if stage is None:
            return
        required = [
            self.meddic_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.meddic_list.count())
            if self.meddic_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        if set(required) != set(stage.required_meddic):
            self.update_stage(stage.id, {"required_meddic": required})

    def add_stage(self, name: str | None = None) -> None:
        info = self.pipeline()
        if info is None:
            return
        name = name or self.tr("New stage")

        def created(stage_id: str) -> None:
            self._stage_id = stage_id

        def inverse(stage_id: str) -> tuple[undo.Step, undo.Step]:
            # Redo brings the same stage back (same id) where it was first put.
            def again(uow: Any) -> None:
                records.restore(uow, Stage, "stage", stage_id)
                position = uow.session.get(Stage, stage_id).position
                pipeline_service.move_stage(uow, stage_id, position)

            return again, lambda uow: pipeline_service.delete_stage(uow, stage_id)

        self._perform(
            fill(self.tr("New stage %1"), name),
            lambda uow: pipeline_service.create_stage(uow, info.id, {"name": name}),
            inverse,
            then=created,
        )

    def move_selected(self, step: int) -> None:
        stage = self.stage()
        if stage is None:
            return
        old = self.stage_row(stage.id)
        new = old + step
        if not 0 <= new < len(self.stages()):
            return
        stage_id = stage.id
        self._perform(
            fill(self.tr("Move stage %1"), stage.name),
            lambda uow: pipeline_service.move_stage(uow, stage_id, new),
            lambda _result: (
                lambda uow: pipeline_service.move_stage(uow, stage_id, new),
                lambda uow: pipeline_service.move_stage(uow, stage_id, old),
            ),
        )

    def delete_selected(self) -> None:
        stage = self.stage()
        if stage is None:
            return
        stage_id, old = stage.id, self.stage_row(stage.id)

        def back(uow: Any) -> None:
            records.restore(uow, Stage, "stage", stage_id)
            pipeline_service.move_stage(uow, stage_id, old)

        self._perform(
            fill(self.tr("Delete stage %1"), stage.name),
            lambda uow: pipeline_service.delete_stage(uow, stage_id),
            lambda _result: (lambda uow: pipeline_service.delete_stage(uow, stage_id), back),
        )

    def add_pipeline(self, name: str | None = None) -> None:
        name = name or self.tr("New pipeline")

        def created(pipeline_id: str) -> None:
            self._pipeline_id, self._stage_id = pipeline_id, None

        self._perform(
            fill(self.tr("New pipeline %1"), name),
            lambda uow: pipeline_service.create_pipeline(uow, name),
            lambda pipeline_id: (
                lambda uow: records.restore(uow, Pipeline, "pipeline", pipeline_id),
                lambda uow: records.soft_delete(uow, Pipeline, "pipeline", pipeline_id),
            ),
            then=created,
        )

    def rename_pipeline(self, pipeline_id: str, name: str) -> None:
        self._perform(
            fill(self.tr("Rename pipeline %1"), name),
            lambda uow: pipeline_service.rename_pipeline(uow, pipeline_id, name),
            _pipeline_edit_steps,
        )

    def _start_rename(self) -> None:
        item = self.pipeline_list.currentItem()
        if item is not None:
            self.pipeline_list.editItem(item)

    def _pipeline_renamed(self, item: QListWidgetItem) -> None:
        pipeline_id = item.data(Qt.ItemDataRole.UserRole)
        info = next((p for p in self.pipelines if p.id == pipeline_id), None)
        if info is not None and item.text() != info.name:
            self.rename_pipeline(pipeline_id, item.text())


def _stage_edit_steps(edit: records.Edit) -> tuple[undo.Step, undo.Step] | None:
    if not edit.changed:
        return None
    return (
        lambda uow: pipeline_service.update_stage(uow, edit.record_id, dict(edit.after)),
        lambda uow: pipeline_service.update_stage(uow, edit.record_id, dict(edit.before)),
    )


def _pipeline_edit_steps(edit: records.Edit) -> tuple[undo.Step, undo.Step] | None:
    if not edit.changed:
        return None
    return (
        lambda uow: pipeline_service.rename_pipeline(uow, edit.record_id, edit.after["name"]),
        lambda uow: pipeline_service.rename_pipeline(uow, edit.record_id, edit.before["name"]),
    )


__all__ = ["PipelineSettingsDialog", "refusal_text"]
