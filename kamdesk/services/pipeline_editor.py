"""The opportunity editor: its fields, product lines, buying committee, history and activities."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models import (
    Account,
    Contact,
    Opportunity,
    OpportunityContact,
    OpportunityLine,
    Pipeline,
    Product,
    Stage,
    StageHistory,
    User,
    utcnow,
)
from kamdesk.services import records
from kamdesk.services.errors import FieldError, StaleEdit, ValidationError
from kamdesk.services.fields import BUYING_ROLES, MAX_MONEY_CENTS, FieldSpec, clean
from kamdesk.services.pipeline_board import DEFAULT_RATES
from kamdesk.services.pipeline_moves import KIND, end_position, live_stage
from kamdesk.services.records import Edit

OPPORTUNITY_FIELDS: dict[str, FieldSpec] = {
    "title": FieldSpec("text", required=True, max_length=200),
    "amount_cents": FieldSpec("money"),
    "currency": FieldSpec("choice", choices=tuple(DEFAULT_RATES)),
    "probability": FieldSpec("int", minimum=0, maximum=100),
    "probability_manual": FieldSpec("bool"),  # given with probability by undo only
    "expected_close": FieldSpec("date"),
    "owner_id": FieldSpec("ref"),
    "next_step": FieldSpec("text", max_length=300),
    "next_step_date": FieldSpec("date"),
    "description": FieldSpec("multiline"),
    "metrics": FieldSpec("multiline"),
    "economic_buyer_id": FieldSpec("ref"),
    "decision_criteria": FieldSpec("multiline"),
    "decision_process": FieldSpec("multiline"),
    "identified_pain": FieldSpec("multiline"),
    "champion_id": FieldSpec("ref"),
}
LINE_FIELDS = ("product_id", "quantity", "unit_price_cents")
COLLECTIONS = ("lines", "contacts")
REF_FIELDS = ("economic_buyer_id", "champion_id", "owner_id")


def _lines(session: Session, opportunity_id: str) -> list[dict[str, Any]]:
    return [
        {"product_id": p, "quantity": q, "unit_price_cents": u}
        for p, q, u in session.execute(
            select(
                OpportunityLine.product_id,
                OpportunityLine.quantity,
                OpportunityLine.unit_price_cents,
            )
            .where(
                OpportunityLine.opportunity_id == opportunity_id,
                OpportunityLine.deleted_at.is_(None),
            )
            .order_by(OpportunityLine.created_at, OpportunityLine.id)
        )
    ]


def _contacts(session: Session, opportunity_id: str) -> list[dict[str, Any]]:
    return [
        {"contact_id": c, "role": r}
        for c, r in session.execute(
            select(OpportunityContact.contact_id, OpportunityContact.role)
            .where(
                OpportunityContact.opportunity_id == opportunity_id,
                OpportunityContact.deleted_at.is_(None),
            )
            .order_by(OpportunityContact.created_at, OpportunityContact.id)
        )
    ]


def opportunity_values(session: Session, opportunity_id: str) -> dict[str, Any]:
    """Every editable field, plus ``lines``, ``contacts`` and read-only context for the editor."""
    opp = records.get_live(session, Opportunity, opportunity_id, KIND)
    values = {name: getattr(opp, name) for name in OPPORTUNITY_FIELDS}
    return values | {
        "lines": _lines(session, opportunity_id),
        "contacts": _contacts(session, opportunity_id),
        "id": opp.id,
        "account_id": opp.account_id,
        "pipeline_id": opp.pipeline_id,
        "stage_id": opp.stage_id,
        "status": opp.status,
        "closed_at": opp.closed_at,
        "close_reason": opp.close_reason,
        "competitor": opp.competitor,
    }


def line_total(quantity: float, unit_price_cents: int) -> int:
    return int(quantity * unit_price_cents + 0.5)


def _clean_lines(session: Session, raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list | tuple):
        raise ValidationError([FieldError("lines", "invalid_lines", "expected a list of lines")])
    errors: list[FieldError] = []
    cleaned: list[dict[str, Any]] = []
    for index, item in enumerate(raw):
        product_id = str(item.get("product_id") or "")
        product = session.get(Product, product_id) if product_id else None
        if product is None or product.deleted_at is not None:
            errors.append(FieldError("lines", "unknown_product", "no such product", {"row": index}))
            continue
        try:
            quantity = float(item.get("quantity", 1))
        except (TypeError, ValueError):
            quantity = -1.0
        if not 0 < quantity <= 1e9:
            errors.append(
                FieldError(
                    "lines", "invalid_quantity", "the quantity must be positive", {"row": index}
                )
            )
            continue
        try:
            price = clean(
                {"unit_price_cents": FieldSpec("money")},
                {"unit_price_cents": item.get("unit_price_cents", product.list_price_cents)},
                partial=True,
            )["unit_price_cents"]
        except ValidationError as error:
            errors += [
                FieldError("lines", e.code, e.message, {**e.params, "row": index})
                for e in error.errors
            ]
            continue
        cleaned.append(
            {"product_id": product_id, "quantity": quantity, "unit_price_cents": price or 0}
        )
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_contacts(session: Session, account_id: str, raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list | tuple):
        raise ValidationError(
            [FieldError("contacts", "invalid_contacts", "expected a list of contacts")]
        )
    errors: list[FieldError] = []
    cleaned: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        contact_id = str(item.get("contact_id") or "")
        role = item.get("role") or None
        if not _account_contact(session, account_id, contact_id):
            errors.append(
                FieldError(
                    "contacts", "other_account", "not a contact of this account", {"row": index}
                )
            )
        elif role is not None and role not in BUYING_ROLES:
            errors.append(
                FieldError("contacts", "invalid_choice", "unknown buying role", {"row": index})
            )
        elif contact_id not in seen:
            seen.add(contact_id)
            cleaned.append({"contact_id": contact_id, "role": role})
    if errors:
        raise ValidationError(errors)
    return cleaned


def _account_contact(session: Session, account_id: str, contact_id: str) -> bool:
    contact = session.get(Contact, contact_id) if contact_id else None
    return contact is not None and contact.deleted_at is None and contact.account_id == account_id


def _check_refs(session: Session, account_id: str, values: Mapping[str, Any]) -> None:
    errors = []
    for name in ("economic_buyer_id", "champion_id"):
        if values.get(name) and not _account_contact(session, account_id, values[name]):
            errors.append(FieldError(name, "other_account", "not a contact of this account"))
    owner_id = values.get("owner_id")
    owner = session.get(User, owner_id) if owner_id else None
    if owner_id and (owner is None or owner.deleted_at is not None):
        errors.append(FieldError("owner_id", "unknown_record", "no such user"))
    if errors:
        raise ValidationError(errors)


def _replace_lines(
    session: Session, opportunity_id: str, lines: list[dict[str, Any]], model: type[Any]
) -> None:
    now = utcnow()
    for row in session.scalars(
        select(model).where(model.opportunity_id == opportunity_id, model.deleted_at.is_(None))
    ):
        row.deleted_at = now
    for item in lines:
        session.add(model(opportunity_id=opportunity_id, **item))


def _validate(
    session: Session, account_id: str, values: Mapping[str, Any], *, partial: bool
) -> tuple[dict[str, Any], list[dict[str, Any]] | None, list[dict[str, Any]] | None]:
    fields = {k: v for k, v in values.items() if k not in COLLECTIONS}
    errors: list[FieldError] = []
    cleaned: dict[str, Any] = {}
    lines = contacts = None
    try:
        cleaned = clean(OPPORTUNITY_FIELDS, fields, partial=partial)
        if "title" in cleaned and cleaned["title"] is None:
            errors.append(FieldError("title", "required", "this field is required"))
    except ValidationError as error:
        errors += error.errors
    refs = {k: str(fields[k]).strip() for k in REF_FIELDS if fields.get(k)}
    try:
        _check_refs(session, account_id, refs)
    except ValidationError as error:
        errors += error.errors
    for name, check in (
        ("lines", lambda raw: _clean_lines(session, raw)),
        ("contacts", lambda raw: _clean_contacts(session, account_id, raw)),
    ):
        if name in values and values[name] is not None:
            try:
                result = check(values[name])
            except ValidationError as error:
                errors += error.errors
                continue
            if name == "lines":
                lines = result
            else:
                contacts = result
    if lines is not None:
        total = sum(line_total(li["quantity"], li["unit_price_cents"]) for li in lines)
        if total > MAX_MONEY_CENTS:
            errors.append(FieldError("lines", "out_of_range", "the total is too large"))
    if errors:
        raise ValidationError(errors)
    return cleaned, lines, contacts


def _apply(
    cleaned: dict[str, Any], lines: list[dict[str, Any]] | None, stage: Stage
) -> dict[str, Any]:
    """The field values to write, after the probability, default and line-total rules."""
    target = dict(cleaned)
    if "probability" in target:
        if target["probability"] is None:
            target["probability"] = stage.probability
            target.setdefault("probability_manual", False)
        else:
            target.setdefault("probability_manual", True)
    if target.get("probability_manual") is None and "probability_manual" in target:
        target["probability_manual"] = False
    if target.get("amount_cents", 0) is None:
        target["amount_cents"] = 0
    if target.get("currency", "EUR") is None:
        target["currency"] = "EUR"
    if lines:  # an empty list leaves the amount as given (or as it was)
        target["amount_cents"] = sum(
            line_total(li["quantity"], li["unit_price_cents"]) for li in lines
        )
    return target


def update_opportunity(
    uow: UnitOfWork,
    opportunity_id: str,
    values: Mapping[str, Any],
    *,
    expected: Mapping[str, Any] | None = None,
) -> Edit:
    """Change some fields, and/or replace the product ``lines`` (the amount becomes their sum
    unless the list is empty)
    or the buying committee ``contacts``. Probability given by hand sets ``probability_manual``;
    ``probability: None`` goes back to the stage's default. The returned edit's ``before``,
    passed back with ``expected=edit.after``, undoes it."""
    session = uow.session
    opp = records.get_live(uow, Opportunity, opportunity_id, KIND)
    current = opportunity_values(session, opportunity_id)
    if expected:
        stale = [
            k
            for k, v in expected.items()
            if (k in OPPORTUNITY_FIELDS or k in COLLECTIONS) and current[k] != v
        ]
        if stale:
            raise StaleEdit(KIND, opportunity_id, stale)
    cleaned, lines, contacts = _validate(session, opp.account_id, values, partial=True)
    stage = live_stage(session, opp.stage_id, None)
    target = _apply(cleaned, lines, stage)
    before = {k: current[k] for k, v in target.items() if current[k] != v}
    after = {k: target[k] for k in before}
    for key, value in after.items():
        setattr(opp, key, value)
    if lines is not None and lines != current["lines"]:
        _replace_lines(session, opportunity_id, lines, OpportunityLine)
        before["lines"], after["lines"] = current["lines"], lines
    if contacts is not None and contacts != current["contacts"]:
        _replace_lines(session, opportunity_id, contacts, OpportunityContact)
        before["contacts"], after["contacts"] = current["contacts"], contacts
    session.flush()
    return Edit(opportunity_id, before, after)


def create_opportunity(uow: UnitOfWork, account_id: str, values: Mapping[str, Any]) -> str:
    """A new open opportunity in the first open stage of ``values["pipeline_id"]`` (default: the
    first pipeline), at the end of that column, with its first stage history row."""
    session = uow.session
    records.get_live(uow, Account, account_id, "account")
    fields = dict(values)
    pipeline_id = fields.pop("pipeline_id", None) or session.scalar(
        select(Pipeline.id)
        .where(Pipeline.deleted_at.is_(None))
        .order_by(Pipeline.position, Pipeline.name)
        .limit(1)
    )
    pipeline = session.get(Pipeline, pipeline_id) if pipeline_id else None
    if pipeline is None or pipeline.deleted_at is not None:
        raise ValidationError([FieldError("pipeline_id", "unknown_record", "no such pipeline")])
    stage = session.scalar(
        select(Stage)
        .where(
            Stage.pipeline_id == pipeline.id, Stage.deleted_at.is_(None), Stage.outcome == "open"
        )
        .order_by(Stage.position)
        .limit(1)
    )
    if stage is None:
        raise ValidationError(
            [FieldError("pipeline_id", "no_open_stage", "this pipeline has no open stage")]
        )
    cleaned, lines, contacts = _validate(session, account_id, fields, partial=False)
    now = utcnow()
    opp = Opportunity(
        account_id=account_id,
        pipeline_id=pipeline.id,
        stage_id=stage.id,
        status="open",
        probability=stage.probability,
        probability_manual=False,
        position=end_position(session, stage.id),
        stage_entered_at=now,
    )
    target = _apply(cleaned, lines, stage)
    for key, value in target.items():
        if value is not None:
            setattr(opp, key, value)
    session.add(opp)
    session.flush()
    session.add(StageHistory(opportunity_id=opp.id, stage_id=stage.id, entered_at=now))
    if lines:
        _replace_lines(session, opp.id, lines, OpportunityLine)
    if contacts:
        _replace_lines(session, opp.id, contacts, OpportunityContact)
    session.flush()
    return opp.id


def delete_opportunity(uow: UnitOfWork, opportunity_id: str) -> None:
    records.soft_delete(uow, Opportunity, KIND, opportunity_id)


def restore_opportunity(uow: UnitOfWork, opportunity_id: str) -> None:
    records.restore(uow, Opportunity, KIND, opportunity_id)
