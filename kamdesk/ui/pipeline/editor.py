"""Create or edit an opportunity: the deal and its product lines, MEDDIC and the buying committee,
and what happened to it (stage history, linked activities).

``open_opportunity_editor`` and ``new_opportunity`` load everything the dialog shows in one read
on the worker, open it without blocking, and save through ``undo.perform``: one undo step,
replayed through ``pipeline.update_opportunity`` (only the fields the user changed are sent). A
refused save shows the service's errors next to their fields and leaves the dialog open.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.models import MEDDIC_ITEMS
from kamdesk.services import accounts, pipeline_moves
from kamdesk.services import pipeline as pipeline_service
from kamdesk.services.errors import FieldError, NotFound, ValidationError
from kamdesk.services.fields import FieldSpec, clean
from kamdesk.ui import formatting, labels, undo
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs import choices
from kamdesk.ui.dialogs.base import RecordDialog, Submit
from kamdesk.ui.dialogs.editors import (
    ChoiceField,
    DateField,
    LineField,
    MoneyField,
    TextAreaField,
)
from kamdesk.ui.messages import fill, service_error_text
from kamdesk.ui.pipeline.editor_widgets import (
    CommitteeField,
    LinesField,
    ProbabilityField,
    as_date,
    field,
    number,
    read_only_table,
)

CURRENCIES = ("EUR", "USD", "GBP", "CHF")
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}

# What the form checks before asking the service (which checks again, and more).
OPPORTUNITY_FORM: dict[str, FieldSpec] = {
    name: spec
    for name, spec in pipeline_service.OPPORTUNITY_FIELDS.items()
    if name != "probability_manual"  # set by undo only, never typed
} | {"currency": FieldSpec("choice", required=True, choices=CURRENCIES)}


class OpportunityEditor(RecordDialog):
    """``values()`` also holds ``lines`` and ``contacts`` (and, for a new one, ``pipeline_id``
    and ``stage_id``). ``changes()`` is what differs from ``loaded_values``: what Save sends."""

    SPECS = OPPORTUNITY_FORM

    def __init__(
        self,
        values: Mapping[str, Any] | None = None,
        *,
        users: Any = (),
        contacts: Any = (),
        products: Any = (),
        pipelines: Any = (),
        history: Any = (),
        interactions: Any = (),
        account_name: str = "",
        is_new: bool = False,
        on_submit: Submit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``contacts``: (id, label) of the account's people; ``products``: (id, label, list
        price in cents); ``pipelines``: ``PipelineInfo``; ``history``: ``HistoryRow``;
        ``interactions``: ``TimelineRow``."""
        self._users, self._contacts = list(users), list(contacts)
        self._products, self._pipelines = list(products), list(pipelines)
        self._history, self._interactions = list(history), list(interactions)
        self._account_name = account_name
        self._stages = {s.id: (p, s) for p in self._pipelines for s in p.stages}
        values = dict(values or {})
        values.setdefault("currency", "EUR")
        if not values.get("probability_manual"):
            values["probability"] = None  # follows its stage: shown as "use the stage default"
        self._is_new = is_new
        self._initial = values
        super().__init__(None, is_new=is_new, on_submit=on_submit, parent=parent)
        self._connect_live_updates()
        self.set_values(values)
        self._stage_changed()
        self._lines_changed()
        self._update_meddic_score()
        title = values.get("title")
        if is_new or not title:
            self.setWindowTitle(self.tr("New opportunity — %1").replace("%1", account_name))
        else:
            self.setWindowTitle(self.tr("Opportunity — %1").replace("%1", str(title)))
        self.resize(1080, 700)

    # -- building --------------------------------------------------------------------------
    def _page(self, title: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        outer = QVBoxLayout(page)
        self.tabs.addTab(page, title)
        return page, outer

    def _columns(self, outer: QVBoxLayout) -> None:
        """Sections added next go side by side in ``outer`` (RecordDialog's look and spacing)."""
        row = QHBoxLayout()
        row.setSpacing(16)
        outer.addLayout(row)
        self._sections = row

    def build(self) -> None:
        sections = self._sections
        self.tabs = QTabWidget()
        sections.addWidget(self.tabs)

        # Deal: what, how much, when, who; the product lines below.
        self.deal_page, outer = self._page(self.tr("Deal"))
        self._columns(outer)
        deal = self.add_section(self.tr("Deal"))
        self.add_field(
            deal,
            "title",
            self.tr("Title"),
            LineField(max_length=200, placeholder=self.tr("e.g. Supervision roll-out, 12 sites")),
        )
        account = QLabel(self._account_name)
        account.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        deal.addRow(self.tr("Account"), account)
        if self._is_new:
            self.add_field(
                deal,
                "pipeline_id",
                self.tr("Pipeline"),
                ChoiceField([(p.id, p.name) for p in self._pipelines], compact=True),
            )
            self.add_field(deal, "stage_id", self.tr("Stage"), ChoiceField([], compact=True))
            self.editor("pipeline_id").currentIndexChanged.connect(self._pipeline_changed)
            self._fill_stages(self._initial.get("pipeline_id"))
        else:
            self._add_stage_fields(deal)
        self.add_field(deal, "amount_cents", self.tr("Amount"), MoneyField())
        self.add_field(
            deal,
            "currency",
            self.tr("Currency"),
            ChoiceField([(c, c) for c in CURRENCIES], compact=True),
        )
        self.add_field(deal, "probability", self.tr("Probability"), ProbabilityField())
        self.add_field(deal, "expected_close", self.tr("Expected close"), DateField())
        self.add_field(
            deal,
            "owner_id",
            self.tr("Owner"),
            ChoiceField(self._users, empty_text=self.tr("— nobody —")),
        )
        follow = self.add_section(self.tr("Next step"))
        self.add_field(
            follow,
            "next_step",
            self.tr("Next step"),
            LineField(max_length=300, placeholder=self.tr("e.g. Demo to the plant managers")),
        )
        self.add_field(follow, "next_step_date", self.tr("On"), DateField())
        self.add_field(follow, "description", self.tr("Description"), TextAreaField(lines=6))
        self._columns(outer)
        lines = self.add_section(self.tr("Product lines"))
        self.add_field(lines, "lines", "", LinesField(self._products))
        self.lines_field.table.setMinimumHeight(170)

        # MEDDIC and the buying committee.
        self.meddic_page, outer = self._page(self.tr("MEDDIC and buying committee"))
        self._columns(outer)
        meddic = self.add_section(self.tr("MEDDIC"))
        self.meddic_score_label = QLabel()
        self.meddic_score_label.setObjectName("meddic_score")
        meddic.addRow(self.tr("Completeness"), self.meddic_score_label)
        contacts = [(cid, label) for cid, label in self._contacts]
        self.add_field(
            meddic,
            "metrics",
            self.tr("Metrics"),
            TextAreaField(
                lines=2, placeholder=self.tr("The gain the customer expects, in figures")
            ),
        )
        self.add_field(
            meddic,
            "economic_buyer_id",
            self.tr("Economic buyer"),
            ChoiceField(contacts, empty_text=self.tr("— not identified —")),
        )
        self.add_field(
            meddic, "decision_criteria", self.tr("Decision criteria"), TextAreaField(lines=2)
        )
        self.add_field(
            meddic, "decision_process", self.tr("Decision process"), TextAreaField(lines=2)
        )
        self.add_field(
            meddic, "identified_pain", self.tr("Identified pain"), TextAreaField(lines=2)
        )
        self.add_field(
            meddic,
            "champion_id",
            self.tr("Champion"),
            ChoiceField(contacts, empty_text=self.tr("— not identified —")),
        )
        committee = self.add_section(self.tr("Buying committee"))
        self.add_field(committee, "contacts", "", CommitteeField(contacts))
        self.committee_field.table.setMinimumHeight(380)

        # What happened: stage history and the linked activities, to read.
        self.history_page, outer = self._page(self.tr("History"))
        row = QHBoxLayout()
        outer.addLayout(row)
        box = QGroupBox(self.tr("Stage history"))
        QVBoxLayout(box).addWidget(self._history_table())
        row.addWidget(box, 1)
        box = QGroupBox(self.tr("Linked activities"))
        QVBoxLayout(box).addWidget(self._interactions_table())
        row.addWidget(box, 1)
        self._sections = sections
        self._tab_counts()

    def _add_stage_fields(self, deal: Any) -> None:
        """An existing opportunity: any stage of its pipeline; won/lost asks why (and to whom)."""
        current = self._stages.get(self._initial.get("stage_id"))
        pipeline = current[0] if current else None
        stages = pipeline.stages if pipeline else ()
        self.add_field(
            deal,
            "stage_id",
            self.tr("Stage"),
            ChoiceField([(s.id, s.name) for s in stages], compact=True),
        )
        self.stage_label = QLabel()
        self.stage_label.setObjectName("stage_label")
        deal.addRow("", self.stage_label)
        self.add_field(
            deal,
            "close_reason",
            self.tr("Reason") + " *",
            LineField(max_length=2000, placeholder=self.tr("Why it was won or lost")),
        )
        self.add_field(
            deal,
            "competitor",
            self.tr("Competitor"),
            LineField(max_length=120, placeholder=self.tr("Who won it instead")),
        )

    def _show_row(self, name: str, visible: bool) -> None:
        entry = self._fields[name]
        entry.form.setRowVisible(entry.editor, visible)
        if not visible:
            entry.error.clear()
            entry.form.setRowVisible(entry.error, False)

    def moves_stage(self) -> bool:
        """An existing opportunity moved to another stage in the form."""
        return not self._is_new and self.editor("stage_id").value() != self._initial.get("stage_id")

    def _history_table(self) -> QTableWidget:
        rows = []
        for h in self._history:
            days = field(h, "days")
            rows.append(
                [
                    str(field(h, "stage", "")),
                    formatting.date(as_date(field(h, "entered_at"))),
                    formatting.date(as_date(field(h, "left_at"))) or self.tr("(current stage)"),
                    "" if days is None else number(days),
                ]
            )
        self.history_table = read_only_table(
            [self.tr("Stage"), self.tr("Entered"), self.tr("Left"), self.tr("Days")], rows
        )
        return self.history_table

    def _interactions_table(self) -> QTableWidget:
        rows = [
            [
                formatting.date(as_date(field(i, "occurred_at"))),
                labels.interaction_kind(field(i, "kind")),
                str(field(i, "subject", "")),
            ]
            for i in self._interactions
        ]
        self.interactions_table = read_only_table(
            [self.tr("Date"), self.tr("Kind"), self.tr("Subject")], rows
        )
        return self.interactions_table

    def _tab_counts(self) -> None:
        index = self.tabs.indexOf(self.history_page)
        self.tabs.setTabText(
            index,
            self.tr("History (%1)").replace(
                "%1", str(len(self._history) + len(self._interactions))
            ),
        )

    def add_mail_tab(self, ctx: AppContext, opportunity_id: str) -> Any:
        """The opportunity's emails, as a last tab (it needs the context to load itself)."""
        from kamdesk.ui.mail.panel import MailPanel

        panel = MailPanel(ctx)
        self.mail_page = panel
        self.tabs.addTab(panel, self.tr("Emails"))
        panel.countChanged.connect(
            lambda count: self.tabs.setTabText(
                self.tabs.indexOf(panel), self.tr("Emails (%1)").replace("%1", str(count))
            )
        )
        panel.set_scope(opportunity_id=opportunity_id)
        return panel

    # -- shortcuts for tests and callers ----------------------------------------------------
    @property
    def lines_field(self) -> LinesField:
        return self.editor("lines")

    @property
    def committee_field(self) -> CommitteeField:
        return self.editor("contacts")

    @property
    def probability_field(self) -> ProbabilityField:
        return self.editor("probability")

    # -- live updates ----------------------------------------------------------------------
    def _connect_live_updates(self) -> None:
        self.lines_field.changed.connect(self._lines_changed)
        self.editor("currency").currentIndexChanged.connect(self._currency_changed)
        for name in ("metrics", "decision_criteria", "decision_process", "identified_pain"):
            self.editor(name).textChanged.connect(self._update_meddic_score)
        for name in ("economic_buyer_id", "champion_id"):
            self.editor(name).currentIndexChanged.connect(self._update_meddic_score)
        self.editor("stage_id").currentIndexChanged.connect(self._stage_changed)

    def _currency_changed(self) -> None:
        currency = self.editor("currency").value() or "EUR"
        self.lines_field.set_currency(currency)
        money = self.editor("amount_cents")
        symbol = money.layout().itemAt(1).widget()
        if isinstance(symbol, QLabel):
            symbol.setText(SYMBOLS.get(currency, currency))

    def _lines_changed(self) -> None:
        """With product lines the amount is their sum, shown read-only and kept up to date."""
        money = self.editor("amount_cents")
        has_lines = self.lines_field.table.rowCount() > 0
        money.edit.setReadOnly(has_lines)
        money.edit.setToolTip(self.tr("The sum of the product lines") if has_lines else "")
        if has_lines:
            money.set_value(self.lines_field.total_cents())

    def meddic_values(self) -> dict[str, Any]:
        found = {}
        for name in MEDDIC_ITEMS:
            value = self.editor(name).value()
            found[name] = value.strip() if isinstance(value, str) else value
        return {k: (v or None) for k, v in found.items()}

    def meddic_score(self) -> int:
        return pipeline_service.meddic_score(self.meddic_values())

    def _update_meddic_score(self) -> None:
        score = self.meddic_score()
        text = f"{score} / {len(MEDDIC_ITEMS)}"
        color = "#2e7d32" if score == len(MEDDIC_ITEMS) else ("#b26a00" if score < 3 else "")
        self.meddic_score_label.setText(
            f"<b style='color:{color}'>{text}</b>" if color else f"<b>{text}</b>"
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.meddic_page),
            self.tr("MEDDIC %1 and buying committee").replace("%1", text),
        )

    def _fill_stages(self, pipeline_id: str | None) -> None:
        combo: ChoiceField = self.editor("stage_id")
        blocked = combo.blockSignals(True)
        combo.clear()
        info = next((p for p in self._pipelines if p.id == pipeline_id), None)
        info = info or (self._pipelines[0] if self._pipelines else None)
        for stage in info.stages if info else ():
            if stage.outcome == "open":
                combo.addItem(stage.name, stage.id)
        combo.blockSignals(blocked)

    def _pipeline_changed(self) -> None:
        self._fill_stages(self.editor("pipeline_id").value())
        self._stage_changed()

    def current_stage(self) -> Any:
        found = self._stages.get(self.editor("stage_id").value())
        return found[1] if found else None

    def _stage_changed(self) -> None:
        stage = self.current_stage()
        self.probability_field.set_stage_default(stage.probability if stage else 0)
        if self._is_new or stage is None:
            return
        pipeline = self._stages[stage.id][0]
        text = pipeline.name
        status = stage.outcome if self.moves_stage() else self._initial.get("status")
        if status and status != "open":
            text += f" · {labels.status(status)}"
        self.stage_label.setText(text)
        closing = self.moves_stage() and stage.outcome != "open"
        self._show_row("close_reason", closing)
        self._show_row("competitor", closing and stage.outcome == "lost")

    # -- values ----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        found = super().values()
        if found.get("lines"):
            found["amount_cents"] = self.lines_field.total_cents()
        return found

    def changes(self, submitted: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Only what the user changed: a field someone else changed while the dialog was open
        keeps their value. With product lines, the amount is left to the service (their sum)."""
        submitted = dict(submitted if submitted is not None else self.submitted_values or {})
        loaded = dict(getattr(self, "loaded_values", None) or self._initial)
        if not loaded.get("probability_manual"):
            loaded["probability"] = None
        try:
            before = clean(
                self.SPECS, {k: v for k, v in loaded.items() if k in self.SPECS}, partial=True
            )
        except ValidationError:
            before = loaded
        changed: dict[str, Any] = {}
        for name, value in submitted.items():
            if name in (
                "lines",
                "contacts",
                "pipeline_id",
                "stage_id",
                "close_reason",
                "competitor",
            ):
                continue
            old = before.get(name)
            if not (old == value or (old in (None, "") and value in (None, ""))):
                changed[name] = value
        if _lines_key(submitted.get("lines")) != _lines_key(loaded.get("lines")):
            changed["lines"] = submitted.get("lines") or []
        if _contacts_key(submitted.get("contacts")) != _contacts_key(loaded.get("contacts")):
            changed["contacts"] = submitted.get("contacts") or []
        if submitted.get("lines"):
            changed.pop("amount_cents", None)  # the service sums the lines
        return changed

    # -- errors ----------------------------------------------------------------------------
    def move_arguments(self, submitted: Mapping[str, Any]) -> dict[str, Any] | None:
        """What ``move_opportunity`` receives when the stage changed (else None)."""
        if not self.moves_stage():
            return None
        stage = self.current_stage()
        closing = stage is not None and stage.outcome != "open"
        reason = (submitted.get("close_reason") or "").strip() if closing else ""
        competitor = (submitted.get("competitor") or "").strip()
        lost = closing and stage.outcome == "lost"
        return {
            "stage_id": submitted.get("stage_id"),
            "reason": reason or None,
            "competitor": (competitor or None) if lost else None,
        }

    def check_move(self, move: Mapping[str, Any] | None) -> bool:
        """A won or lost stage needs a reason: said next to it before asking the service."""
        stage = self.current_stage()
        if move is None or stage is None or stage.outcome == "open" or move["reason"]:
            return True
        self.set_busy(False)
        self.show_errors([FieldError("close_reason", "required", "a reason is required")])
        return False

    def show_errors(self, errors: Any) -> None:
        errors = list(errors)
        super().show_errors(errors)
        first = next((e.field for e in errors if e.field in self.field_names()), None)
        if first is None:
            return
        editor = self.editor(first)
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(editor):
                self.tabs.setCurrentIndex(index)
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                break


def _lines_key(lines: Any) -> list[tuple[Any, float, int]]:
    return [
        (
            field(line, "product_id"),
            round(float(field(line, "quantity") or 0), 4),
            int(field(line, "unit_price_cents") or 0),
        )
        for line in lines or ()
    ]


def _contacts_key(members: Any) -> list[tuple[str, str]]:
    return sorted((str(field(m, "contact_id")), field(m, "role") or "") for m in members or ())


# -- loading (worker thread) -------------------------------------------------------------------
def _product_choices(session: Any) -> list[tuple[str, str, int]]:
    found = []
    for product in pipeline_service.list_products(session):
        code, name = field(product, "code"), field(product, "name", "")
        label = f"{code} — {name}" if code else str(name)
        found.append((field(product, "id"), label, int(field(product, "list_price_cents") or 0)))
    return found


def load_editor(
    session: Any,
    *,
    opportunity_id: str | None = None,
    account_id: str | None = None,
    defaults: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything the editor shows, in one read: the values, what to pick from, the history."""
    if opportunity_id is not None:
        values = pipeline_service.opportunity_values(session, opportunity_id)
        account_id = values["account_id"]
        history = pipeline_service.stage_history(session, opportunity_id)
        interactions = pipeline_service.linked_interactions(session, opportunity_id)
    else:
        values = dict(defaults or {})
        history, interactions = [], []
    assert account_id is not None
    pipelines = pipeline_service.list_pipelines(session)
    if opportunity_id is None and pipelines:
        values.setdefault("pipeline_id", pipelines[0].id)
    return {
        "values": values,
        "account_name": accounts.account_values(session, account_id)["name"],
        "users": choices.load_users(session),
        "contacts": choices.load_contacts(session, account_id),
        "products": _product_choices(session),
        "pipelines": pipelines,
        "history": history,
        "interactions": interactions,
    }


def make_editor(loaded: Mapping[str, Any], *, is_new: bool = False) -> OpportunityEditor:
    """GUI side: the dialog for what ``load_editor`` read, in the user's language."""
    return OpportunityEditor(
        loaded["values"],
        users=loaded["users"],
        contacts=choices.contact_choices(loaded["contacts"]),
        products=loaded["products"],
        pipelines=loaded["pipelines"],
        history=loaded["history"],
        interactions=loaded["interactions"],
        account_name=loaded["account_name"],
        is_new=is_new,
    )


# -- opening and saving (GUI thread) ----------------------------------------------------------
Opened = Callable[[OpportunityEditor], None]
Saved = Callable[[str], None]


def _show(
    ctx: AppContext,
    parent: QWidget | None,
    dlg: OpportunityEditor,
    loaded_values: Mapping[str, Any],
    submit: Callable[[OpportunityEditor, dict[str, Any]], None],
    on_open: Opened | None,
) -> None:
    dlg.loaded_values = dict(loaded_values)
    if parent is not None:
        dlg.setParent(parent, dlg.windowFlags())
    dlg.on_submit = lambda submitted: submit(dlg, submitted)
    dlg.finished.connect(lambda _result: dlg.deleteLater())
    dlg.open()
    if on_open is not None:
        on_open(dlg)


def _save(
    ctx: AppContext,
    dlg: OpportunityEditor,
    text: str,
    do: undo.Step,
    inverse: Callable[[Any], Any],
    on_done: Callable[[Any], None] | None = None,
) -> None:
    def done(result: Any) -> None:
        dlg.finish()
        if on_done is not None:
            on_done(result)

    def refused(error: BaseException) -> None:
        if dlg.handle_error(error):
            return  # next to the fields; the dialog stays open as the user left it
        QMessageBox.warning(
            dlg,
            QCoreApplication.translate("OpportunityEditor", "Not saved"),
            service_error_text(error),
        )
        if isinstance(error, NotFound):
            dlg.reject()  # the opportunity is gone: nothing left to edit

    undo.perform(ctx, text, do, inverse, on_done=done, on_error=refused)


def _warn(parent: QWidget | None) -> Callable[[BaseException], None]:
    return lambda error: QMessageBox.warning(
        parent,
        QCoreApplication.translate("OpportunityEditor", "kamdesk"),
        service_error_text(error),
    )


def _edit_and_move(
    uow: Any, opportunity_id: str, changes: Mapping[str, Any], move: Mapping[str, Any]
) -> tuple[Any, pipeline_moves.MoveEdit]:
    """One intent, one transaction: the fields changed (first, so that a MEDDIC item filled in
    now counts for the stage), then the move through the same service as the board."""
    edit = (
        pipeline_service.update_opportunity(uow, opportunity_id, dict(changes)) if changes else None
    )
    moved = pipeline_moves.move_opportunity(
        uow,
        opportunity_id,
        move["stage_id"],
        reason=move["reason"],
        competitor=move["competitor"],
    )
    return edit, moved


def _edit_and_move_steps(
    result: tuple[Any, pipeline_moves.MoveEdit],
) -> tuple[undo.Step, undo.Step]:
    """Undo puts the move back then the fields; redo replays the fields then the move."""
    edit, moved = result
    edit = edit if edit is not None and edit.changed else None
    again = pipeline_moves.MoveEdit(
        moved.record_id,
        dict(moved.after),
        dict(moved.before),
        moved.history_after,
        moved.history_before,
    )

    def redo(uow: Any) -> None:
        if edit is not None:
            pipeline_service.update_opportunity(
                uow, edit.record_id, dict(edit.after), expected=dict(edit.before)
            )
        pipeline_moves.restore_move(uow, again)

    def back(uow: Any) -> None:
        pipeline_moves.restore_move(uow, moved)
        if edit is not None:
            pipeline_service.update_opportunity(
                uow, edit.record_id, dict(edit.before), expected=dict(edit.after)
            )

    return redo, back


def open_opportunity_editor(
    ctx: AppContext,
    parent: QWidget | None,
    opportunity_id: str,
    *,
    on_open: Opened | None = None,
    on_saved: Saved | None = None,
) -> None:
    """Load the opportunity on the worker, then show its editor (not modal to the app)."""

    def submit(dlg: OpportunityEditor, submitted: dict[str, Any]) -> None:
        changes = dlg.changes(submitted)
        move = dlg.move_arguments(submitted)
        if not dlg.check_move(move):
            return  # the reason is missing: said next to it, nothing saved
        if move is not None:
            _save(
                ctx,
                dlg,
                fill(
                    QCoreApplication.translate("OpportunityEditor", "Edit opportunity %1"),
                    submitted.get("title") or "",
                ),
                lambda uow: _edit_and_move(uow, opportunity_id, changes, move),
                _edit_and_move_steps,
                on_done=(lambda _edit: on_saved(opportunity_id)) if on_saved else None,
            )
            return
        if not changes:
            dlg.finish()  # nothing changed: no empty undo step
            return
        _save(
            ctx,
            dlg,
            fill(
                QCoreApplication.translate("OpportunityEditor", "Edit opportunity %1"),
                submitted.get("title") or "",
            ),
            lambda uow: pipeline_service.update_opportunity(uow, opportunity_id, changes),
            undo.edit_steps(pipeline_service.update_opportunity),
            on_done=(lambda _edit: on_saved(opportunity_id)) if on_saved else None,
        )

    def show(loaded: dict[str, Any]) -> None:
        dlg = make_editor(loaded)
        dlg.add_mail_tab(ctx, opportunity_id)
        _show(ctx, parent, dlg, loaded["values"], submit, on_open)

    ctx.read(
        lambda session: load_editor(session, opportunity_id=opportunity_id), show, _warn(parent)
    )


def creation_values(
    dlg: OpportunityEditor, submitted: Mapping[str, Any]
) -> tuple[dict[str, Any], str | None]:
    """What ``create_opportunity`` receives (what was filled in), and the stage to move the new
    opportunity to when one other than its pipeline's first open stage was picked."""
    values = {k: v for k, v in submitted.items() if v not in (None, "", [])}
    stage_id = values.pop("stage_id", None)
    stage_combo = dlg.editor("stage_id")
    if stage_combo.count() and stage_id == stage_combo.itemData(0):
        stage_id = None  # where a new opportunity lands anyway
    if submitted.get("lines"):
        values.pop("amount_cents", None)
    return values, stage_id


def _create(uow: Any, account_id: str, values: Mapping[str, Any], stage_id: str | None) -> str:
    """One intent: the new opportunity, in the stage picked (through the same move as the
    board, so that its MEDDIC requirements hold and its history says when it got there)."""
    new_id = pipeline_service.create_opportunity(uow, account_id, values)
    if stage_id is not None:
        pipeline_service.move_opportunity(uow, new_id, stage_id)
    return new_id


def new_opportunity(
    ctx: AppContext,
    parent: QWidget | None,
    account_id: str,
    *,
    on_open: Opened | None = None,
    on_saved: Saved | None = None,
) -> None:
    """A new opportunity on the account: it lands in the first open stage of its pipeline."""
    defaults = {"owner_id": ctx.current_user_id, "currency": "EUR", "account_id": account_id}

    def submit(dlg: OpportunityEditor, submitted: dict[str, Any]) -> None:
        values, stage_id = creation_values(dlg, submitted)
        _save(
            ctx,
            dlg,
            fill(
                QCoreApplication.translate("OpportunityEditor", "New opportunity %1"),
                submitted.get("title") or "",
            ),
            lambda uow: _create(uow, account_id, values, stage_id),
            undo.create_steps(
                pipeline_service.delete_opportunity, pipeline_service.restore_opportunity
            ),
            on_done=on_saved,
        )

    def show(loaded: dict[str, Any]) -> None:
        _show(ctx, parent, make_editor(loaded, is_new=True), loaded["values"], submit, on_open)

    ctx.read(
        lambda session: load_editor(session, account_id=account_id, defaults=defaults),
        show,
        _warn(parent),
    )


__all__ = [
    "OPPORTUNITY_FORM",
    "OpportunityEditor",
    "creation_values",
    "load_editor",
    "make_editor",
    "new_opportunity",
    "open_opportunity_editor",
]
