"""Create or edit one of an account's sites (an address; one of them the headquarters)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QWidget

from kamdesk.services.fields import SITE_FIELDS
from kamdesk.ui.dialogs.base import RecordDialog, Submit
from kamdesk.ui.dialogs.editors import CheckField, LineField


class CountryField(LineField):
    """ISO 3166 two-letter code, upper-cased as typed."""

    def __init__(self) -> None:
        super().__init__(placeholder="FR")
        self.setValidator(QRegularExpressionValidator(r"[A-Za-z]{0,2}", self))
        self.textEdited.connect(lambda text: self.setText(text.upper()))
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("MM") + 24)


class SiteDialog(RecordDialog):
    SPECS = SITE_FIELDS

    def __init__(
        self,
        values: Mapping[str, Any] | None = None,
        *,
        is_new: bool = False,
        on_submit: Submit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        values = {"country": "FR"} | dict(values or {})
        super().__init__(values, is_new=is_new, on_submit=on_submit, parent=parent)
        name = values.get("name")
        if is_new or not name:
            self.setWindowTitle(self.tr("New site"))
        else:
            self.setWindowTitle(self.tr("Edit site — %1").replace("%1", str(name)))
        self.setMinimumWidth(460)

    def build(self) -> None:
        form = self.add_section()
        self.add_field(
            form, "name", self.tr("Name"), LineField(placeholder=self.tr("e.g. Guyancourt plant"))
        )
        self.add_field(form, "address", self.tr("Address"), LineField(max_length=300))
        self.add_field(form, "postal_code", self.tr("Postal code"), LineField(max_length=16))
        self.editor("postal_code").setFixedWidth(self.fontMetrics().horizontalAdvance("0") * 12)
        self.add_field(form, "city", self.tr("City"), LineField(max_length=120))
        self.add_field(form, "country", self.tr("Country"), CountryField())
        self.add_field(
            form,
            "is_headquarters",
            self.tr("Headquarters"),
            CheckField(self.tr("This site is the headquarters")),
        )
