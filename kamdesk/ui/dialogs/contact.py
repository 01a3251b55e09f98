"""Create or edit a contact: who they are on the left, their part in the buying decision on the right."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from kamdesk.services.fields import CONTACT_FIELDS
from kamdesk.ui import labels
from kamdesk.ui.dialogs.base import RecordDialog, Submit
from kamdesk.ui.dialogs.editors import (
    CheckField,
    ChoiceField,
    Choices,
    DateField,
    LineField,
    SpinField,
    TextAreaField,
)


class ContactDialog(RecordDialog):
    SPECS = CONTACT_FIELDS

    def __init__(
        self,
        values: Mapping[str, Any] | None = None,
        *,
        users: Choices = (),
        contacts: Choices = (),
        sites: Choices = (),
        is_new: bool = False,
        on_submit: Submit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``contacts``: the people this one may report to (same account, not themself)."""
        self._users, self._contacts, self._sites = users, contacts, sites
        values = {"influence": 3, "stance": 0} | dict(values or {})
        super().__init__(values, is_new=is_new, on_submit=on_submit, parent=parent)
        name = " ".join(str(values.get(k) or "") for k in ("first_name", "last_name")).strip()
        if is_new or not name:
            self.setWindowTitle(self.tr("New contact"))
        else:
            self.setWindowTitle(self.tr("Edit contact — %1").replace("%1", name))

    def build(self) -> None:
        person = self.add_section(self.tr("Contact"))
        self.add_field(
            person, "civility", self.tr("Civility"), LineField(placeholder=self.tr("Mr, Ms, Dr…"))
        )
        self.editor("civility").setFixedWidth(self.fontMetrics().horizontalAdvance("M") * 9)
        self.add_field(person, "first_name", self.tr("First name"), LineField(max_length=80))
        self.add_field(person, "last_name", self.tr("Last name"), LineField(max_length=80))
        self.add_field(person, "job_title", self.tr("Job title"), LineField(max_length=160))
        self.add_field(person, "department", self.tr("Department"), LineField(max_length=120))
        self.add_field(
            person, "email", self.tr("Email"), LineField(placeholder="prenom.nom@example.com")
        )
        self.add_field(
            person, "email_bounced", "", CheckField(self.tr("Emails to this address bounce"))
        )
        self.add_field(person, "phone", self.tr("Phone"), LineField(max_length=40))
        self.add_field(person, "mobile", self.tr("Mobile"), LineField(max_length=40))
        self.add_field(
            person,
            "site_id",
            self.tr("Site"),
            ChoiceField(self._sites, empty_text=self.tr("— no particular site —")),
        )
        self.add_field(person, "left_at", self.tr("Left the company on"), DateField())

        role = self.add_section(self.tr("Buying decision"))
        self.add_field(
            role,
            "reports_to_id",
            self.tr("Reports to"),
            ChoiceField(self._contacts, empty_text=self.tr("— nobody (top of the chart) —")),
        )
        self.add_field(
            role,
            "buying_role",
            self.tr("Buying role"),
            ChoiceField(
                [(code, labels.buying_role(code)) for code in labels.buying_role_codes()],
                empty_text=self.tr("— not known —"),
                compact=True,
            ),
        )
        self.add_field(role, "influence", self.tr("Influence"), SpinField(1, 5, suffix=" / 5"))
        self.add_field(
            role,
            "stance",
            self.tr("Stance"),
            ChoiceField(
                [(value, labels.stance(value)) for value in (2, 1, 0, -1, -2)], compact=True
            ),
        )
        self.add_field(
            role,
            "relationship_owner_id",
            self.tr("Relationship owner"),
            ChoiceField(self._users, empty_text=self.tr("— nobody —")),
        )
        self.add_field(
            role,
            "consent",
            self.tr("Legal basis (GDPR)"),
            LineField(placeholder=self.tr("e.g. legitimate interest")),
        )
        self.add_field(
            role,
            "interests",
            self.tr("Interests"),
            TextAreaField(lines=4, placeholder=self.tr("What matters to them, what they fear…")),
        )
