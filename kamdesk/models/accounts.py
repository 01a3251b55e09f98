"""The account aggregate: account (group or subsidiary), its sites and its team."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class Account(Synced, Base):
    __tablename__ = "accounts"

    name: Mapped[str] = mapped_column(String(200), index=True)
    legal_name: Mapped[str | None] = mapped_column(String(200))
    siren: Mapped[str | None] = mapped_column(String(14))  # SIREN (9) or SIRET (14) digits
    sector: Mapped[str | None] = mapped_column(String(80), index=True)
    website: Mapped[str | None] = mapped_column(String(200))
    email_domains: Mapped[list[str]] = mapped_column(default=list)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    tier: Mapped[str] = mapped_column(String(16), default="standard", index=True)
    description: Mapped[str | None] = mapped_column(Text)

    # Qualification inputs a KAM judges (the measurable ones are computed from records):
    # growth potential 0 (none) … 4 (very high) and the annual revenue it could reach.
    growth_potential: Mapped[int | None] = mapped_column(Integer)
    potential_revenue_cents: Mapped[int | None]
    # Strategic value, each 0 (no) … 2 (strong): reference, innovation, network, stability.
    strategic_reference: Mapped[int] = mapped_column(default=0)
    strategic_innovation: Mapped[int] = mapped_column(default=0)
    strategic_network: Mapped[int] = mapped_column(default=0)
    strategic_stability: Mapped[int] = mapped_column(default=0)

    customer_since: Mapped[dt.date | None]
    renewal_date: Mapped[dt.date | None] = mapped_column(index=True)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Site(Synced, Base):
    __tablename__ = "sites"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(16))
    city: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(2), default="FR")  # ISO 3166-1 alpha-2
    is_headquarters: Mapped[bool] = mapped_column(default=False)


class AccountTeamMember(Synced, Base):
    """Who on our side works the account, and as what (KAM, presales, support, executive sponsor)."""

    __tablename__ = "account_team_members"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[str] = mapped_column(String(40), default="kam")
