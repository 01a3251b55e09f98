"""Configuring pipelines and their stages (the board's columns)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models import MEDDIC_ITEMS, Opportunity, Pipeline, Stage, utcnow
from kamdesk.services import records
from kamdesk.services.errors import FieldError, ValidationError
from kamdesk.services.fields import FieldSpec, clean
from kamdesk.services.records import Edit

STAGE_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec("text", required=True, max_length=120),
    "probability": FieldSpec("int", minimum=0, maximum=100),
    "rotting_days": FieldSpec("int", minimum=1, maximum=3650),
}
NEW_STAGE_FIELDS: dict[str, FieldSpec] = STAGE_FIELDS | {
    "outcome": FieldSpec("choice", choices=("open", "won", "lost")),
}
PIPELINE_FIELDS: dict[str, FieldSpec] = {"name": FieldSpec("text", required=True, max_length=120)}
# (name, default probability, rotting days, outcome)
DEFAULT_STAGES: tuple[tuple[str, int, int | None, str], ...] = (
    ("Prospection", 10, 30, "open"),
    ("Qualification", 20, 30, "open"),
    ("Proposition", 40, 21, "open"),
    ("Négociation", 60, 21, "open"),
    ("Closing", 80, 14, "open"),
    ("Won", 100, None, "won"),
    ("Lost", 0, None, "lost"),
)


def _meddic(raw: Any) -> list[str]:
    items = list(raw or ())
    unknown = [i for i in items if i not in MEDDIC_ITEMS]
    if unknown:
        raise ValidationError(
            [
                FieldError(
                    "required_meddic",
                    "invalid_choice",
                    "unknown MEDDIC item: " + unknown[0],
                    {"choices": MEDDIC_ITEMS},
                )
            ]
        )
    return [i for i in MEDDIC_ITEMS if i in items]  # canonical order, no duplicates


def _split(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[str] | None]:
    fields = {k: v for k, v in values.items() if k != "required_meddic"}
    meddic = _meddic(values["required_meddic"]) if "required_meddic" in values else None
    return fields, meddic


def _stages(uow: UnitOfWork, pipeline_id: str) -> list[Stage]:
    return list(
        uow.session.scalars(
            select(Stage)
            .where(Stage.pipeline_id == pipeline_id, Stage.deleted_at.is_(None))
            .order_by(Stage.position, Stage.name)
        )
    )


def _renumber(stages: list[Stage]) -> None:
    for index, stage in enumerate(stages):
        if stage.position != index:
            stage.position = index


def update_stage(uow: UnitOfWork, stage_id: str, values: Mapping[str, Any]) -> Edit:
    """Change a stage's name, default probability, rotting days and/or required MEDDIC items."""
    fields, meddic = _split(values)
    edit = records.update(uow, Stage, "stage", STAGE_FIELDS, stage_id, fields)
    if meddic is None:
        return edit
    stage = records.get_live(uow, Stage, stage_id, "stage")
    if list(stage.required_meddic or ()) == meddic:
        return edit
    before = edit.before | {"required_meddic": list(stage.required_meddic or ())}
    stage.required_meddic = meddic
    uow.session.flush()
    return Edit(stage_id, before, edit.after | {"required_meddic": list(meddic)})


def create_stage(uow: UnitOfWork, pipeline_id: str, values: Mapping[str, Any]) -> str:
    """A new stage; an open one goes after the last open stage (before won/lost), a won or lost
    one at the end. ``values`` may also give ``position`` (index among the stages)."""
    records.get_live(uow, Pipeline, pipeline_id, "pipeline")
    fields = dict(values)
    position = fields.pop("position", None)
    fields, meddic = _split(fields)
    cleaned = clean(NEW_STAGE_FIELDS, fields, partial=False)
    stages = _stages(uow, pipeline_id)
    outcome = cleaned.get("outcome") or "open"
    if position is None:
        opens = [i for i, s in enumerate(stages) if s.outcome == "open"]
        position = opens[-1] + 1 if outcome == "open" and opens else len(stages)
    stage = Stage(
        pipeline_id=pipeline_id,
        name=cleaned["name"],
        probability=cleaned.get("probability") or 0,
        rotting_days=cleaned.get("rotting_days"),
        outcome=outcome,
        required_meddic=meddic or [],
    )
    uow.session.add(stage)
    stages.insert(max(0, min(int(position), len(stages))), stage)
    _renumber(stages)
    uow.session.flush()
    return stage.id


def move_stage(uow: UnitOfWork, stage_id: str, new_position: int) -> None:
    """Put a stage at index ``new_position`` among its pipeline's stages (clamped)."""
    stage = records.get_live(uow, Stage, stage_id, "stage")
    stages = [s for s in _stages(uow, stage.pipeline_id) if s.id != stage.id]
    stages.insert(max(0, min(int(new_position), len(stages))), stage)
    _renumber(stages)
    uow.session.flush()


def delete_stage(uow: UnitOfWork, stage_id: str) -> None:
    """Soft-delete a stage; refused while opportunities are in it, or if it is the pipeline's
    last open stage (new opportunities start there)."""
    stage = records.get_live(uow, Stage, stage_id, "stage")
    count = int(
        uow.session.scalar(
            select(func.count()).where(
                Opportunity.stage_id == stage_id, Opportunity.deleted_at.is_(None)
            )
        )
        or 0
    )
    if count:
        raise ValidationError(
            [
                FieldError(
                    "stage_id",
                    "stage_in_use",
                    f"{count} opportunities are in stage {stage.name}: move them first",
                    {"count": count, "stage": stage.name},
                )
            ]
        )
    stages = _stages(uow, stage.pipeline_id)
    if stage.outcome == "open" and sum(s.outcome == "open" for s in stages) == 1:
        raise ValidationError(
            [FieldError("stage_id", "last_open_stage", "a pipeline needs at least one open stage")]
        )
    stage.deleted_at = utcnow()
    _renumber([s for s in stages if s.id != stage.id])
    uow.session.flush()


def create_pipeline(uow: UnitOfWork, name: str) -> str:
    """A new pipeline, last in order, with the default stages (five open, won, lost)."""
    cleaned = clean(PIPELINE_FIELDS, {"name": name}, partial=False)
    last = uow.session.scalar(
        select(func.max(Pipeline.position)).where(Pipeline.deleted_at.is_(None))
    )
    pipeline = Pipeline(name=cleaned["name"], position=0 if last is None else last + 1)
    uow.session.add(pipeline)
    uow.session.flush()
    for position, (stage_name, probability, rotting, outcome) in enumerate(DEFAULT_STAGES):
        uow.session.add(
            Stage(
                pipeline_id=pipeline.id,
                name=stage_name,
                position=position,
                probability=probability,
                rotting_days=rotting,
                outcome=outcome,
                required_meddic=[],
            )
        )
    uow.session.flush()
    return pipeline.id


def rename_pipeline(uow: UnitOfWork, pipeline_id: str, name: str) -> Edit:
    return records.update(uow, Pipeline, "pipeline", PIPELINE_FIELDS, pipeline_id, {"name": name})
