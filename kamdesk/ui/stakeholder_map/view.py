"""The stakeholder map widget: toolbar, coverage warnings, the scene's view, the legend.

It loads ``load_map`` on the worker, hands the data to the scene, and turns the scene's
requests into one undoable ``update_contact`` each; the reload after the write redraws.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes
from kamdesk.services.account_view import load_opportunities
from kamdesk.services.accounts import account_values
from kamdesk.services.contacts import update_contact
from kamdesk.services.errors import ValidationError
from kamdesk.services.stakeholders import history_range, load_map
from kamdesk.ui import formatting
from kamdesk.ui.context import AppContext
from kamdesk.ui.messages import field_error_text, fill
from kamdesk.ui.preferences import COLD_DAYS_KEY, COLD_DAYS_RANGE, preferences
from kamdesk.ui.stakeholder_map.legend import LegendWidget
from kamdesk.ui.stakeholder_map.scene import MAP, ORG, StakeholderScene
from kamdesk.ui.stakeholder_map.texts import warning_text
from kamdesk.ui.undo import edit_steps, perform

LOAD_KEY = "stakeholder-map"
SHOWN_TABLES = ("contacts", "interactions", "interaction_contacts", "stance_changes", "users")

WARNINGS_STYLE = (
    "QLabel#mapWarnings { background: #fff4e0; color: #7a4a00; border: 1px solid #f1d3a1;"
    " border-radius: 6px; padding: 6px 10px; }"
)


@dataclass(frozen=True)
class Loaded:
    account_id: str
    account_name: str
    as_of: dt.date | None
    data: Any  # StakeholderMap
    history: tuple[dt.date, dt.date]
    opportunity_id: str | None = None
    opportunities: tuple[tuple[str, str], ...] = ()  # (id, title) of the open ones, for the filter


class MapView(QGraphicsView):
    """Ctrl+wheel zooms; plain wheel scrolls."""

    def __init__(self, scene: StakeholderScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.scale(factor, factor)
            event.accept()
            return
        super().wheelEvent(event)

    def fit(self) -> None:
        """Whole map in view, never magnified above 100 %, never shrunk below readable."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        view = self.viewport().rect()
        scale = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        scale = max(scale, 0.45)
        self.resetTransform()
        self.scale(scale, scale)


class StakeholderMapWidget(QWidget):
    contactActivated = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._account_id: str | None = None
        self._as_of: dt.date | None = None  # None: today
        self._opportunity_id: str | None = None  # None: every contact, else a buying committee
        self._last: Loaded | None = None
        self._dirty = False  # data changed while hidden: reload when shown

        self.scene = StakeholderScene(self)
        self.view = MapView(self.scene)
        self.scene.nodeActivated.connect(self.contactActivated)
        self.scene.moveRequested.connect(self._move)
        self.scene.reportsToRequested.connect(self._set_manager)
        self.scene.menuRequested.connect(self._menu)

        self.mode_button = QPushButton(self.tr("Org chart"))
        self.mode_button.setCheckable(True)
        self.mode_button.toggled.connect(lambda org: self.set_mode(ORG if org else MAP))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_button.clicked.connect(self.view.fit)
        self.export_button = QPushButton(self.tr("Export…"))
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("PNG image…"), lambda: self._export("png"))
        export_menu.addAction(self.tr("PDF document…"), lambda: self._export("pdf"))
        self.export_button.setMenu(export_menu)
        self.as_of_slider = QSlider(Qt.Orientation.Horizontal)
        self.as_of_slider.setRange(0, 0)
        self.as_of_slider.setMinimumWidth(120)
        self.as_of_slider.setToolTip(self.tr("Show stances as they were on an earlier date"))
        self.as_of_label = QLabel(self.tr("Today"))
        self.as_of_label.setMinimumWidth(120)
        self._slider_timer = QTimer(self)
        self._slider_timer.setSingleShot(True)
        self._slider_timer.setInterval(150)
        self._slider_timer.timeout.connect(self._slider_moved)
        self.as_of_slider.valueChanged.connect(self._slider_changed)

        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.mode_button)
        toolbar.addWidget(self.fit_button)
        toolbar.addWidget(self.export_button)
        # Every contact, or one open opportunity's buying committee.
        self.committee = QComboBox()
        self.committee.setToolTip(
            self.tr("Show every contact or one opportunity's buying committee")
        )
        self.committee.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.committee.setMinimumContentsLength(10)
        self.committee.currentIndexChanged.connect(self._on_committee_chosen)
        toolbar.addWidget(self.committee)
        toolbar.addStretch(1)
        # How long without activity before a champion or decision maker counts as gone cold.
        self.cold_days = QSpinBox()
        self.cold_days.setRange(*COLD_DAYS_RANGE)
        self.cold_days.setValue(preferences().cold_days())
        self.cold_days.setSuffix(self.tr(" days"))
        self.cold_days.setToolTip(
            self.tr("A champion or decision maker with no activity for longer has gone cold")
        )
        self.cold_days.valueChanged.connect(preferences().set_cold_days)
        preferences().changed.connect(self._on_preference)
        toolbar.addWidget(QLabel(self.tr("Cold after")))
        toolbar.addWidget(self.cold_days)
        toolbar.addSpacing(12)
        toolbar.addWidget(QLabel(self.tr("As of")))
        toolbar.addWidget(self.as_of_slider)
        toolbar.addWidget(self.as_of_label)

        self.warnings = QLabel()
        self.warnings.setObjectName("mapWarnings")
        self.warnings.setStyleSheet(WARNINGS_STYLE)
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        self.legend = LegendWidget()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(toolbar)
        layout.addWidget(self.warnings)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        ctx.bus.changed.connect(self._on_changes)

    # -- public -------------------------------------------------------------------------------
    def account_id(self) -> str | None:
        return self._account_id

    def account_name(self) -> str:
        return self._last.account_name if self._last else ""

    def map_data(self) -> Any:
        return self._last.data if self._last else None

    def as_of(self) -> dt.date | None:
        return self._as_of

    def mode(self) -> str:
        return self.scene.mode

    def show_account(self, account_id: str) -> None:
        """Load and show ``account_id`` now; ``loaded`` follows."""
        if account_id != self._account_id:
            self._as_of = None
            self._opportunity_id = None
        self._account_id = account_id
        self._load(fit=True)

    def set_account(self, account_id: str) -> None:
        """Show ``account_id`` when this widget is (or becomes) visible: a hidden tab costs nothing."""
        if account_id == self._account_id and not self._dirty and self._last is not None:
            return
        if account_id != self._account_id:
            self._as_of = None
            self._opportunity_id = None
        self._account_id = account_id
        if self.isVisible():
            self._load(fit=True)
        else:
            self._dirty = True

    def reload(self) -> None:
        if self._account_id is not None:
            self._load()

    def set_mode(self, mode: str) -> None:
        with _blocked(self.mode_button):
            self.mode_button.setChecked(mode == ORG)
        self.mode_button.setText(self.tr("Map") if mode == ORG else self.tr("Org chart"))
        self.scene.set_mode(mode)
        self.view.fit()

    def set_as_of(self, day: dt.date | None) -> None:
        """Stances as they were at the end of ``day`` (read-only); ``None`` for today."""
        today = dt.date.today()
        self._as_of = None if day is None or day >= today else day
        if self._last is not None:
            start = self._last.history[0]
            with _blocked(self.as_of_slider):
                self.as_of_slider.setValue((self._as_of or today).toordinal() - start.toordinal())
        self._update_as_of_label()
        self.reload()

    def set_opportunity(self, opportunity_id: str | None) -> None:
        """Only that opportunity's buying committee, or every contact (None)."""
        self._opportunity_id = opportunity_id
        self.reload()

    def _on_committee_chosen(self, index: int) -> None:
        self.set_opportunity(self.committee.itemData(index))

    def _on_preference(self, key: str) -> None:
        if key == COLD_DAYS_KEY and shiboken6.isValid(self):
            self.cold_days.blockSignals(True)
            self.cold_days.setValue(preferences().cold_days())
            self.cold_days.blockSignals(False)
            if self._account_id is not None:
                self._load()

    # -- loading ------------------------------------------------------------------------------
    def _load(self, fit: bool = False) -> None:
        account_id, as_of, opportunity_id = self._account_id, self._as_of, self._opportunity_id
        assert account_id is not None
        self._dirty = False
        cold_days = preferences().cold_days()

        def work(session: Any) -> Loaded:
            data = load_map(
                session, account_id, as_of=as_of, cold_days=cold_days, opportunity_id=opportunity_id
            )
            name = account_values(session, account_id)["name"]
            opportunities = tuple(
                (o.id, o.title)
                for o in load_opportunities(session, account_id)
                if o.status == "open"
            )
            history = tuple(history_range(session, account_id))
            return Loaded(account_id, name, as_of, data, history, opportunity_id, opportunities)

        self._ctx.read(work, lambda result: self._fill(result, fit), self._failed, key=LOAD_KEY)

    def _fill(self, result: Loaded, fit: bool) -> None:
        if not shiboken6.isValid(self):
            return
        if (result.account_id, result.as_of, result.opportunity_id) != (
            self._account_id,
            self._as_of,
            self._opportunity_id,
        ):
            return  # another account, date or committee asked for since
        first = self._last is None or self._last.account_id != result.account_id
        self._last = result
        self.scene.editable = result.as_of is None
        self.scene.title, self.scene.as_of = result.account_name, result.as_of
        self.scene.set_data(result.data)
        self._fill_history(result.history)
        self._fill_committees(result)
        self._fill_warnings(result.data)
        if fit or first:
            self.view.fit()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self._ctx.report_error(error)

    def _fill_history(self, history: tuple[dt.date, dt.date]) -> None:
        start = history[0]
        today = dt.date.today()
        with _blocked(self.as_of_slider):
            self.as_of_slider.setRange(0, max(0, today.toordinal() - start.toordinal()))
            self.as_of_slider.setValue((self._as_of or today).toordinal() - start.toordinal())
        self._update_as_of_label()

    def _fill_committees(self, result: Loaded) -> None:
        with _blocked(self.committee):
            self.committee.clear()
            self.committee.addItem(self.tr("All contacts"), None)
            for opportunity_id, title in result.opportunities:
                self.committee.addItem(fill(self.tr("Committee: %1"), title), opportunity_id)
            self.committee.setCurrentIndex(max(0, self.committee.findData(result.opportunity_id)))

    def _fill_warnings(self, data: Any) -> None:
        names = {n.id: n.name for n in data.nodes}
        lines = [warning_text(w, names) for w in data.warnings]
        self.warnings.setText("\n".join("⚠ " + line for line in lines))
        self.warnings.setVisible(bool(lines))

    def _update_as_of_label(self) -> None:
        if self._as_of is None:
            self.as_of_label.setText(self.tr("Today"))
        else:
            self.as_of_label.setText(
                fill(self.tr("Stances as of %1"), formatting.date(self._as_of))
            )

    def _slider_changed(self, value: int) -> None:
        if self._last is None:
            return
        day = dt.date.fromordinal(self._last.history[0].toordinal() + value)
        self._as_of = None if day >= dt.date.today() else day
        self._update_as_of_label()
        self._slider_timer.start()  # reload once the slider rests

    def _slider_moved(self) -> None:
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if self._account_id is None or not changes.touches(*SHOWN_TABLES):
            return
        shown = {n.id for n in self._last.data.nodes} if self._last else set()
        contacts = changes.rows.get("contacts", {})
        only_others = (
            contacts
            and not changes.touches(
                "interactions", "interaction_contacts", "stance_changes", "users"
            )
            and not (set(contacts) & shown)
            and all(op == "update" for op in contacts.values())
        )
        if only_others:
            return  # edits of another account's contacts
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._dirty = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty and self._account_id is not None:
            self._load(fit=self._last is None)

    # -- edits --------------------------------------------------------------------------------
    def _name(self, contact_id: str) -> str:
        item = self.scene.node_item(contact_id)
        return item.node.name if item is not None else ""

    def _update_steps(self) -> Any:
        author = self._ctx.current_user_id
        return edit_steps(
            lambda uow, cid, values, expected=None: update_contact(
                uow, cid, values, author_id=author, expected=expected
            )
        )

    def _move(self, contact_id: str, stance: int, influence: int) -> None:
        author = self._ctx.current_user_id
        perform(
            self._ctx,
            fill(self.tr("Move %1"), self._name(contact_id)),
            lambda uow: update_contact(
                uow, contact_id, {"stance": stance, "influence": influence}, author_id=author
            ),
            self._update_steps(),
            on_error=self._refused,
        )

    def _set_manager(self, contact_id: str, manager_id: str) -> None:
        perform(
            self._ctx,
            fill(self.tr("Set the manager of %1"), self._name(contact_id)),
            lambda uow: update_contact(uow, contact_id, {"reports_to_id": manager_id}),
            self._update_steps(),
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.reload()  # the card goes back where the data says
        if isinstance(error, ValidationError):
            text = "\n".join(field_error_text(e) for e in error.errors)
            QMessageBox.warning(self, self.tr("Change refused"), text)
        else:
            self._ctx.report_error(error)

    # -- menu and export ----------------------------------------------------------------------
    def _menu(self, contact_id: str, at: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Open contact"), lambda: self.contactActivated.emit(contact_id))
        menu.addAction(self.tr("Why this strength?"), lambda: self.show_evidence(contact_id))
        menu.exec(at)

    def show_evidence(self, contact_id: str) -> Any:
        from kamdesk.ui.stakeholder_map.evidence import EvidenceDialog

        dialog = EvidenceDialog(self._ctx, contact_id, self._name(contact_id), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _export(self, kind: str) -> None:
        from kamdesk.ui.stakeholder_map.export import export_pdf, export_png

        title = self.tr("PDF document (*.pdf)") if kind == "pdf" else self.tr("PNG image (*.png)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the map"), f"{self.account_name() or 'map'}.{kind}", title
        )
        if path:
            (export_pdf if kind == "pdf" else export_png)(self, path, self.scene.mode)


class _blocked:
    def __init__(self, widget: QWidget) -> None:
        self.widget = widget

    def __enter__(self) -> None:
        self._was = self.widget.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        self.widget.blockSignals(self._was)
