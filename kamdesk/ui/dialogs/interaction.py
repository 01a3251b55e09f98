"""Log or edit an activity (call, meeting, note…) with the contacts who took part."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from kamdesk.services.fields import INTERACTION_FIELDS
from kamdesk.ui import labels
from kamdesk.ui.dialogs.base import RecordDialog, Submit
from kamdesk.ui.dialogs.editors import (
    CheckListField,
    ChoiceField,
    Choices,
    DateTimeField,
    LineField,
    SpinField,
    TextAreaField,
)


class InteractionDialog(RecordDialog):
    """``values()`` also holds ``contact_ids``: the participants, ticked in a list."""

    SPECS = INTERACTION_FIELDS

    def __init__(
        self,
        values: Mapping[str, Any] | None = None,
        *,
        contacts: Choices = (),
        opportunities: Choices = (),
        is_new: bool = False,
        on_submit: Submit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._contacts, self._opportunities = contacts, opportunities
        values = {"kind": "call", "occurred_at": None} | dict(values or {})
        super().__init__(values, is_new=is_new, on_submit=on_submit, parent=parent)
        kind = labels.interaction_kind(values.get("kind"))
        if is_new:
            self.setWindowTitle(self.tr("Log activity — %1").replace("%1", kind))
        else:
            self.setWindowTitle(self.tr("Edit activity — %1").replace("%1", kind))
        self.setMinimumWidth(520)

    def build(self) -> None:
        form = self.add_section()
        self.add_field(
            form,
            "kind",
            self.tr("Kind"),
            ChoiceField(
                [(c, labels.interaction_kind(c)) for c in labels.interaction_kind_codes()],
                compact=True,
            ),
        )
        self.add_field(form, "occurred_at", self.tr("Date and time"), DateTimeField())
        self.add_field(
            form,
            "direction",
            self.tr("Direction"),
            ChoiceField(
                [(code, labels.direction(code)) for code in ("out", "in", "internal")],
                empty_text="—",
                compact=True,
            ),
        )
        self.add_field(
            form,
            "duration_minutes",
            self.tr("Duration"),
            SpinField(1, 24 * 60, empty_text="—", suffix=self.tr(" min")),
        )
        self.editor("duration_minutes").setSingleStep(15)
        self.add_field(
            form,
            "subject",
            self.tr("Subject"),
            LineField(
                max_length=300, placeholder=self.tr("e.g. Renewal of the framework contract")
            ),
        )
        self.add_field(form, "contact_ids", self.tr("Participants"), CheckListField(self._contacts))
        self.add_field(
            form,
            "opportunity_id",
            self.tr("Opportunity"),
            ChoiceField(self._opportunities, empty_text=self.tr("— none —")),
        )
        self.add_field(form, "body", self.tr("Notes"), TextAreaField(lines=6))
