"""Create or edit an account: identity on the left, key-account qualification on the right."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from kamdesk.services.fields import ACCOUNT_FIELDS
from kamdesk.ui import labels
from kamdesk.ui.dialogs.base import RecordDialog, Submit
from kamdesk.ui.dialogs.editors import (
    ChoiceField,
    Choices,
    DateField,
    LineField,
    MoneyField,
    SpinField,
    TextAreaField,
)


class AccountDialog(RecordDialog):
    SPECS = ACCOUNT_FIELDS

    def __init__(
        self,
        values: Mapping[str, Any] | None = None,
        *,
        users: Choices = (),
        accounts: Choices = (),
        is_new: bool = False,
        on_submit: Submit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._users, self._accounts = users, accounts
        values = {"tier": "standard"} | dict(values or {})
        super().__init__(values, is_new=is_new, on_submit=on_submit, parent=parent)
        name = values.get("name")
        if is_new or not name:
            self.setWindowTitle(self.tr("New account"))
        else:
            self.setWindowTitle(self.tr("Edit account — %1").replace("%1", str(name)))

    def build(self) -> None:
        general = self.add_section(self.tr("Account"))
        self.add_field(general, "name", self.tr("Name"), LineField(max_length=200))
        self.add_field(general, "legal_name", self.tr("Legal name"), LineField(max_length=200))
        self.add_field(
            general, "siren", self.tr("SIREN / SIRET"), LineField(placeholder="552 032 534")
        )
        self.add_field(general, "sector", self.tr("Sector"), LineField(max_length=80))
        self.add_field(
            general, "website", self.tr("Website"), LineField(placeholder="www.example.com")
        )
        self.add_field(
            general,
            "email_domains",
            self.tr("Email domains"),
            LineField(placeholder=self.tr("example.com, example.fr")),
        )
        self.add_field(
            general,
            "parent_id",
            self.tr("Group"),
            ChoiceField(self._accounts, empty_text=self.tr("— none (top-level account) —")),
        )
        self.add_field(
            general,
            "owner_id",
            self.tr("Key account manager"),
            ChoiceField(self._users, empty_text=self.tr("— nobody —")),
        )
        self.add_field(
            general,
            "tier",
            self.tr("Tier"),
            ChoiceField([(code, labels.tier(code)) for code in labels.tier_codes()], compact=True),
        )
        self.add_field(general, "description", self.tr("Description"), TextAreaField(lines=3))

        qualification = self.add_section(self.tr("Qualification"))
        not_assessed = self.tr("not assessed")
        self.add_field(
            qualification,
            "growth_potential",
            self.tr("Growth potential"),
            SpinField(0, 4, empty_text=not_assessed, suffix=" / 4"),
        )
        self.add_field(
            qualification, "potential_revenue_cents", self.tr("Potential revenue"), MoneyField()
        )
        for name, label in (
            ("strategic_reference", self.tr("Reference value")),
            ("strategic_innovation", self.tr("Innovation value")),
            ("strategic_network", self.tr("Network value")),
            ("strategic_stability", self.tr("Stability value")),
        ):
            self.add_field(qualification, name, label, SpinField(0, 2, suffix=" / 2"))
        self.add_field(qualification, "customer_since", self.tr("Customer since"), DateField())
        self.add_field(qualification, "renewal_date", self.tr("Renewal date"), DateField())
