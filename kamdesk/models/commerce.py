"""Quotes, invoices (the basis of revenue, CLV and NRR) and contracts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class Quote(Synced, Base):
    __tablename__ = "quotes"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunities.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(String(200))
    issued_on: Mapped[dt.date]
    valid_until: Mapped[dt.date | None]
    amount_cents: Mapped[int] = mapped_column(default=0)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    status: Mapped[str] = mapped_column(String(12), default="draft")


class Contract(Synced, Base):
    __tablename__ = "contracts"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date | None] = mapped_column(index=True)
    annual_value_cents: Mapped[int] = mapped_column(default=0)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    renewal_of_id: Mapped[str | None] = mapped_column(ForeignKey("contracts.id"))
    auto_renew: Mapped[bool] = mapped_column(default=False)


class Invoice(Synced, Base):
    __tablename__ = "invoices"
    # Revenue is summed on every 360° view and list refresh: both indexes cover those sums.
    __table_args__ = (
        Index("ix_invoices_period", "issued_on", "deleted_at", "account_id", "amount_cents"),
        Index("ix_invoices_account", "account_id", "issued_on", "deleted_at", "amount_cents"),
    )

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    contract_id: Mapped[str | None] = mapped_column(ForeignKey("contracts.id"))
    number: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[dt.date]
    due_on: Mapped[dt.date | None]
    paid_on: Mapped[dt.date | None]
    amount_cents: Mapped[int] = mapped_column(default=0)  # excluding VAT
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
