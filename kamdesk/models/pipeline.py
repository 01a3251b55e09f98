"""Configurable pipelines and their stages (the Kanban columns)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class Pipeline(Synced, Base):
    __tablename__ = "pipelines"

    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)


class Stage(Synced, Base):
    __tablename__ = "stages"

    pipeline_id: Mapped[str] = mapped_column(ForeignKey("pipelines.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    probability: Mapped[int] = mapped_column(default=0)  # default probability, percent
    rotting_days: Mapped[int | None]
    outcome: Mapped[str] = mapped_column(String(8), default="open")  # open / won / lost
    # MEDDIC items that must be filled before an opportunity may enter this stage.
    required_meddic: Mapped[list[str]] = mapped_column(default=list)
